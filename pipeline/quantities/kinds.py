"""What a quantity measures, as one word: its `kind`.

The kind is read from the canonical unit's dimension ('currency' -> 'money', a price or a
flow -> 'rate', a time -> 'duration'), and for a time from the words after it: '15 years
old', 'a 15-year-old', '15 años de edad' are ages (the language's `units.age_after`).
The claims stage decides from the kind what is a claim (durations and ages are not).
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.lang import load_lang

# dimension (schemas.units) -> kind; a dimension not listed is its own kind ('mass')
_KIND_OF_DIMENSION = {
    "currency": "money",
    "price": "rate",
    "flow": "rate",
    "ratio": "percent",
    "time": "duration",
    "absorbed dose": "dose",
    "equivalent dose": "dose",
}


def kind_of(dimension: str, text: str, end: int, lang: str, unit_surface: str | None) -> str:
    """The kind of a quantity of `dimension` ending at `end` in `text`: an age when age
    words follow its time unit, or are its unit ('102 tuổi')."""
    kind = _KIND_OF_DIMENSION.get(dimension, dimension)
    if kind == "duration" and (
        _age_after(lang).match(text, end) or _age_after(lang).fullmatch(unit_surface or "")
    ):
        return "age"
    return kind


@cache
def _age_after(lang: str) -> re.Pattern:
    words = sorted(load_lang(lang).units.age_after, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"[\s\u00a0\-]{0,2}(?i:" + "|".join(map(re.escape, words)) + r")(?![^\W\d_])")
