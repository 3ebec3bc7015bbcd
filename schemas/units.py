"""Canonical units a claim may carry, with their dimension.

Money is its own dimension per ISO 4217 code; physical units are pint's names for them.
Owned by the quantity extractor; `Claim` checks its unit against this table.
"""

from __future__ import annotations

# canonical unit -> dimension
CANONICAL_UNITS: dict[str, str] = {
    "count": "count",
    "percent": "ratio",
    "percentage_point": "ratio",
    "tonne": "mass",
    "kg": "mass",
    "g": "mass",
    "m": "length",
    "km": "length",
    "m2": "area",
    "km2": "area",
    "ha": "area",
    "l": "volume",
    "m3": "volume",
    "barrel": "volume",
    "W": "power",
    "MW": "power",
    "GW": "power",
    "kWh": "energy",
    "MWh": "energy",
    "GWh": "energy",
    "TWh": "energy",
}

ISO_CURRENCIES: frozenset[str] = frozenset(
    "USD EUR GBP RUB UAH CNY JPY VND INR CHF CAD AUD NZD HKD MXN BRL KRW TRY PLN SEK NOK DKK "
    "CZK HUF SAR AED ILS ZAR SGD THB IDR MYR PHP KZT BYN GEL AMD AZN IRR EGP NGN ARS CLP COP "
    "PEN FIM NLG ESP DEM FRF ITL PTE BTC".split()
)


def is_known_unit(unit: str) -> bool:
    return unit in CANONICAL_UNITS or unit in ISO_CURRENCIES


def dimension_of(unit: str) -> str:
    if unit in ISO_CURRENCIES:
        return "currency"
    return CANONICAL_UNITS[unit]
