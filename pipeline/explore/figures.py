"""Corroborating and conflicting figures within one topic, for the topic pages.

Two claims state the same figure when they share a unit and their values differ by at
most `tolerance` of the larger (the rule of `queries/corroboration.sql`). A figure is
corroborated when several articles state it; figures conflict when articles give
different values, in one unit, for the same thing (the claim's subject or noun).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel

TOLERANCE = 0.01


class Figure(BaseModel):
    """Claims that state one value, within the tolerance."""

    unit: str
    about: str | None
    value: float
    claims: list[dict]

    @property
    def articles(self) -> set[str]:
        return {c["article"] for c in self.claims}


class Conflict(BaseModel):
    unit: str
    about: str
    figures: list[Figure]


def same_figure(a: float, b: float, tolerance: float = TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-12)


def figures(claims: Iterable[dict], tolerance: float = TOLERANCE) -> list[Figure]:
    """Claims grouped by unit, then by value: each group's values are within the tolerance
    of its smallest, so a chain of small steps never joins far-apart values."""
    by_unit: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        by_unit[claim["unit"]].append(claim)
    found = []
    for unit, members in sorted(by_unit.items()):
        members.sort(key=lambda c: c["value"])
        group: list[dict] = []
        for claim in members:
            if group and not same_figure(group[0]["value"], claim["value"], tolerance):
                found.append(_figure(unit, group))
                group = []
            group.append(claim)
        found.append(_figure(unit, group))
    return found


def corroborated(claims: Iterable[dict], tolerance: float = TOLERANCE) -> list[Figure]:
    """Figures stated in at least two articles, most sources first."""
    found = [f for f in figures(claims, tolerance) if len(f.articles) >= 2]
    return sorted(found, key=lambda f: (-len(f.articles), f.unit, f.value))


def conflicting(claims: Iterable[dict], tolerance: float = TOLERANCE) -> list[Conflict]:
    """Things (subject or noun) given different values in one unit by different articles."""
    by_thing: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for claim in claims:
        about = _about(claim)
        if about:
            by_thing[(claim["unit"], about)].append(claim)
    conflicts = []
    for (unit, about), members in sorted(by_thing.items()):
        found = figures(members, tolerance)
        articles = {c["article"] for c in members}
        if len(found) >= 2 and len(articles) >= 2:
            conflicts.append(Conflict(unit=unit, about=about, figures=found))
    return conflicts


def _about(claim: dict) -> str | None:
    thing = claim.get("subject") or claim.get("noun")
    return thing.strip().lower() if thing and thing.strip() else None


def _figure(unit: str, group: list[dict]) -> Figure:
    abouts = sorted({a for a in map(_about, group) if a})
    return Figure(
        unit=unit,
        about=", ".join(abouts) or None,
        value=group[0]["value"],
        claims=list(group),
    )
