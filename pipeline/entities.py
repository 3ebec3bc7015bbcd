"""Canonical speakers across articles and languages.

STUB - replaced by the attribution work (issue 4).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from schemas.records import Entity


def canonicalise(mentions: Iterable[tuple[str, str]]) -> tuple[dict[str, str], list[Entity]]:
    """Group (surface, lang) speaker mentions into entities.

    Returns surface -> canonical name, and the entities with their aliases and languages.
    """
    groups: dict[str, set[str]] = {}
    for surface, lang in mentions:
        groups.setdefault(surface, set()).add(lang)
    entities = [
        Entity(
            entity_id=hashlib.sha256(name.encode()).hexdigest()[:12],
            name=name,
            aliases=[name],
            langs=sorted(langs),
        )
        for name, langs in sorted(groups.items())
    ]
    return {name: name for name in groups}, entities
