"""What a number measures (subject) and cross-language topic tags.

STUB - replaced by the attribution work (issue 4).
"""

from __future__ import annotations

from schemas.records import Quantity


def subject_of(sentence: str, quantity: Quantity, offset: int, lang: str) -> str | None:
    """The noun phrase the quantity measures, in the article's language.

    `offset` is the sentence's start in the article; quantity offsets are article offsets.
    """
    return quantity.noun


def topics_of(sentence: str, lang: str) -> list[str]:
    """Topic tags (English keys from the topic data file) for a sentence."""
    return []
