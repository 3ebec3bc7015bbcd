"""Unit names from the language files -> a canonical unit and the factor to it.

A language file maps what is written ("Meilen", "toneladas", "cents") to a unit name,
which is one of: a canonical unit of `schemas.units`, an ISO 4217 code, a currency
name with no code ("franc"), a pint unit name
("mile", "short_ton"), or any of these after a factor ("0.01 USD", "12 count"). pint
converts a physical unit into the canonical unit of the same dimension whose factor is
closest to 1 (miles -> km, inches -> cm); it is loaded once, on the first such unit.
"""

from __future__ import annotations

import math
from functools import cache
from typing import NamedTuple

from pipeline.cache import save_table, table
from schemas.units import (
    CANONICAL_UNITS,
    CURRENCY_NAMES,
    ISO_CURRENCIES,
    PINT_NAMES,
    dimension_of,
    is_rate,
)


class Unit(NamedTuple):
    canonical: str
    factor: float
    dimension: str


COUNT = Unit("count", 1.0, "count")  # a bare number: what it counts is a noun, not a unit


@cache
def _registry():  # pint's registry type is dynamic
    import pint

    return pint.UnitRegistry()


@cache
def resolve(name: str) -> Unit | None:
    """The canonical unit for a unit name from a language file; None when unknown."""
    factor_text, _, rest = name.partition(" ")
    if rest and _is_number(factor_text):
        inner = resolve(rest)
        return inner and Unit(inner.canonical, float(factor_text) * inner.factor, inner.dimension)
    if name in ISO_CURRENCIES or name in CANONICAL_UNITS or name in CURRENCY_NAMES:
        return Unit(name, 1.0, dimension_of(name))
    return _convert(name) or _per(name)


def _per(name: str) -> Unit | None:
    """'barrel/day', 'tonne/year': a flow that no canonical unit names, read as a rate."""
    amount, _, per = name.partition("/")
    if not per or "/" in per:
        return None
    top, bottom = resolve(amount), resolve(per)
    return rate(top, bottom) if top and bottom else None


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _convert(name: str) -> Unit | None:
    """pint: the canonical unit of the same dimension with the factor closest to 1.

    Each answer is kept in the user's cache (`pipeline.cache`, keyed by the extractor's
    fingerprint, pint's version among it): importing pint and loading its registry
    cost a second or more in every process, for some thirty unit names.
    """
    known = table("pint_units")
    if name not in known:
        found = _convert_with_pint(name)
        known[name] = found and list(found)
        save_table("pint_units")
    return Unit(*known[name]) if known[name] else None


# canonical units no other unit is converted into: an oil barrel is what oil is sold
# in, not the nearest size for cubic feet of gas
_BY_NAME_ONLY = frozenset({"barrel"})


def _convert_with_pint(name: str) -> Unit | None:
    import pint

    ureg = _registry()
    try:
        source = ureg.Quantity(1.0, name)
        if source.dimensionless:
            return None  # pint makes bits, bytes, degrees and radians one dimension
        best = None
        for canonical, pint_name in PINT_NAMES.items():
            if canonical in _BY_NAME_ONLY:
                continue
            target = ureg.Unit(pint_name)
            if source.dimensionality != target.dimensionality:
                continue
            factor = float(source.to(target).magnitude)
            if best is None or abs(math.log10(factor)) < abs(math.log10(best[1])):
                best = (canonical, factor)
    except (pint.errors.PintError, ValueError, AttributeError, TypeError):
        return None
    if best is None:
        return None
    return Unit(best[0], best[1], CANONICAL_UNITS[best[0]])


# bits in each canonical unit of bits; a line's speed in bits per second, in the
# canonical unit of its size
_BITS = {"bit": 1.0, "kilobit": 1e3, "megabit": 1e6, "gigabit": 1e9}
_BIT_RATES = (("kbit/s", 1e3), ("Mbit/s", 1e6), ("Gbit/s", 1e9))
_SECONDS = {"second": 1, "minute": 60, "hour": 3600}
_KMH_PER_MS = 3.6
# the size of canonical units of one dimension in the first of them, to add a smaller
# unit to a larger one ('5ft 10in': metres and centimetres) without loading pint
_SIZES = {
    "mm": 1e-3, "cm": 1e-2, "m": 1.0, "km": 1e3,
    "mg": 1e-6, "g": 1e-3, "kg": 1.0, "tonne": 1e3,
    **_SECONDS,
}  # fmt: skip


def size_of(unit: Unit) -> float | None:
    """The size of one `unit` in the base unit of its dimension (m, kg, second); None
    for a unit this table lacks."""
    size = _SIZES.get(unit.canonical)
    return None if size is None else size * unit.factor


def rate(amount: Unit, per: Unit) -> Unit | None:
    """An amount per unit of something: a price per unit of a measure ('$350 per kg':
    USD/kg), a flow of a measure per unit of time ('2 million barrels a day':
    barrel/day) or bits per second ('20 Mb per second'); None for anything else ('per
    cent', 'per share', 'km per litre')."""
    if amount.canonical in _BITS and per.dimension == "time":
        seconds = float(_SECONDS.get(per.canonical, 0) or math.inf)
        bits = amount.factor * _BITS[amount.canonical] / seconds
        name, size = min(_BIT_RATES, key=lambda r: abs(math.log10(bits / r[1])))
        return Unit(name, bits / size, dimension_of(name)) if bits else None
    if amount.dimension == "length" and per.canonical in _SECONDS:
        # '17 km per second', '30 km an hour': a speed, in km/h; a length a day or a
        # year ('20 km a day') is how far, no speed
        metres, seconds = size_of(amount), _SECONDS[per.canonical] * per.factor
        return Unit("km/h", metres / seconds * _KMH_PER_MS, "speed") if metres else None
    name = f"{amount.canonical}/{per.canonical}"
    if not is_rate(name):
        return None
    return Unit(name, amount.factor / per.factor, dimension_of(name))
