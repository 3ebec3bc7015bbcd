"""The record every step of quantity reading fills in: one number found in a text.

Its own module so that `spans` (which grows a number into a quantity) and `fractions`
(which it calls) both use it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.quantities.units import Unit


@dataclass
class Found:
    value: float
    start: int
    end: int
    form: str  # 'num' (digits) or 'words'
    raw: str
    note: str | None = None
    scale: float = 1.0
    last_scale: float = 1.0  # the last scale word's: 100 in '4 thousand 3 hundred'
    unit: Unit | None = None
    unit_surface: str | None = None
    bound: str = "eq"
    value_max: float | None = None
    noun: str | None = None
    weak: bool = False  # a weak word alone ("one"): a quantity only as a numerator
    kind: str | None = None  # set where the unit does not tell it: 'score'
