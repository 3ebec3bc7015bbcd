"""Canonical units a claim may carry, with their dimension.

Money is its own dimension per ISO 4217 code; physical units are converted to one of the
canonical units below (the quantity extractor uses pint for that, through `PINT_NAMES`).
Names are spelled so that the evaluation scorer reads them too ('percentage point', 'tonne').
Owned by the quantity extractor; `Claim` checks its unit against this table.
"""

from __future__ import annotations

# canonical unit -> dimension
CANONICAL_UNITS: dict[str, str] = {
    "count": "count",
    "percent": "ratio",
    "percentage point": "ratio",
    "basis point": "ratio",
    "tonne": "mass",
    "kg": "mass",
    "g": "mass",
    "mg": "mass",
    "mm": "length",
    "cm": "length",
    "m": "length",
    "km": "length",
    "m2": "area",
    "km2": "area",
    "ha": "area",
    "ml": "volume",
    "l": "volume",
    "m3": "volume",
    "barrel": "volume",
    "bcm": "volume",
    "W": "power",
    "kW": "power",
    "MW": "power",
    "GW": "power",
    "kWh": "energy",
    "MWh": "energy",
    "GWh": "energy",
    "TWh": "energy",
    "J": "energy",
    "second": "time",
    "minute": "time",
    "hour": "time",
    "day": "time",
    "week": "time",
    "month": "time",
    "year": "time",
    "km/h": "speed",
    "m/s": "speed",
    "celsius": "temperature",
    "fahrenheit": "temperature",
    "kelvin": "temperature",
    "byte": "data",
    "kilobyte": "data",
    "megabyte": "data",
    "gigabyte": "data",
    "terabyte": "data",
    "petabyte": "data",
    "exabyte": "data",
    "bit": "data",
    "kilobit": "data",
    "megabit": "data",
    "gigabit": "data",
    # a line's speed, a battery's charge, a car's fuel economy: pint reads the first two
    "kbit/s": "data rate",
    "Mbit/s": "data rate",
    "Gbit/s": "data rate",
    "mAh": "charge",
    "mpg": "fuel economy",
    "l/100km": "fuel consumption",
    # 'sixfold', 'dreifach': a multiplier, which the guidelines keep out of the claims
    "times": "multiplier",
    # physics and medicine in the news: named in full, as pint and quantulum3 name them
    "electronvolt": "energy",
    "kiloelectronvolt": "energy",
    "megaelectronvolt": "energy",
    "gigaelectronvolt": "energy",
    "teraelectronvolt": "energy",
    "hertz": "frequency",
    "kilohertz": "frequency",
    "megahertz": "frequency",
    "gigahertz": "frequency",
    "gray": "absorbed dose",
    "milligray": "absorbed dose",
    "sievert": "equivalent dose",
    "millisievert": "equivalent dose",
    "microsievert": "equivalent dose",
    "degree": "angle",
    "radian": "angle",
    # air pressure in weather news ('a low of 950 hPa', '950 mb'), tyres and boilers (psi)
    "hPa": "pressure",
    # torque, as car news gives it ('400 lb-ft', '500 Nm'): pint makes it a joule, so it is
    # listed by name only and its units are given by factor in the language files
    "newton metre": "torque",
    # climate, noise, electricity and diet in the news: listed by name only, their other
    # spellings given by factor in the language files (pint would make a kilojoule a
    # kilocalorie, a part per million a percent)
    "ppm": "concentration",
    "decibel": "sound level",
    "volt": "voltage",
    "kcal": "food energy",
}

# canonical unit -> its pint spelling, for converting other units into it
PINT_NAMES: dict[str, str] = {
    "tonne": "metric_ton",
    "kg": "kilogram",
    "g": "gram",
    "mg": "milligram",
    "mm": "millimeter",
    "cm": "centimeter",
    "m": "meter",
    "km": "kilometer",
    "m2": "meter**2",
    "km2": "kilometer**2",
    "ha": "hectare",
    "ml": "milliliter",
    "l": "liter",
    "m3": "meter**3",
    "barrel": "oil_barrel",
    "W": "watt",
    "kW": "kilowatt",
    "MW": "megawatt",
    "GW": "gigawatt",
    "kWh": "kilowatt_hour",
    "MWh": "megawatt_hour",
    "GWh": "gigawatt_hour",
    "TWh": "terawatt_hour",
    "J": "joule",
    "second": "second",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
    "km/h": "kilometer/hour",
    "m/s": "meter/second",
    "byte": "byte",
    "kilobyte": "kilobyte",
    "megabyte": "megabyte",
    "gigabyte": "gigabyte",
    "terabyte": "terabyte",
    "petabyte": "petabyte",
    "exabyte": "exabyte",
    "electronvolt": "electronvolt",
    "kiloelectronvolt": "kiloelectronvolt",
    "megaelectronvolt": "megaelectronvolt",
    "gigaelectronvolt": "gigaelectronvolt",
    "teraelectronvolt": "teraelectronvolt",
    "hertz": "hertz",
    "kilohertz": "kilohertz",
    "megahertz": "megahertz",
    "gigahertz": "gigahertz",
    "hPa": "hectopascal",
    # gray and sievert share pint's dimension (J/kg); neither converts into the other,
    # so they are listed by name only and never reached through pint
}

# ISO 4217: every current code, some recent ones (HRK, SLL) and the euro's forerunners
# fmt: off
ISO_CURRENCIES: frozenset[str] = frozenset({
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BEF", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTC", "BTN", "BWP", "BYN",
    "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUC", "CUP", "CVE", "CZK", "DEM",
    "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ESP", "ETB", "EUR", "FIM", "FJD", "FKP", "FRF",
    "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HRK", "HTG", "HUF",
    "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "ITL", "JMD", "JOD", "JPY", "KES", "KGS", "KHR",
    "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD",
    "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN",
    "NAD", "NGN", "NIO", "NLG", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR",
    "PLN", "PTE", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
    "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS",
    "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
})
# fmt: on

# Money named without saying whose: "francs" are Swiss, CFA (two of them), Congolese,
# Rwandan... or the old French franc. Kept as money under its name, with no ISO code,
# rather than guessed; a text that names the country gets the code ("Swiss francs": CHF).
CURRENCY_NAMES: frozenset[str] = frozenset({"franc"})


def is_money(unit: str) -> bool:
    return unit in ISO_CURRENCIES or unit in CURRENCY_NAMES


_FLOWING = ("volume", "mass", "energy")


def is_rate(unit: str) -> bool:
    """A price per unit of a measure ('USD/kg', 'EUR/MWh', 'USD/barrel', 'USD/hour') or a
    flow per unit of time ('barrel/day', 'tonne/year', 'm3/s' is canonical already)."""
    amount, _, per = unit.partition("/")
    kind = CANONICAL_UNITS.get(per, "count")
    if is_money(amount):
        return kind not in ("count", "ratio")
    return CANONICAL_UNITS.get(amount) in _FLOWING and kind == "time"


def is_known_unit(unit: str) -> bool:
    return unit in CANONICAL_UNITS or is_money(unit) or is_rate(unit)


def dimension_of(unit: str) -> str:
    if unit in CANONICAL_UNITS:
        return CANONICAL_UNITS[unit]
    if is_rate(unit):
        return "price" if is_money(unit.partition("/")[0]) else "flow"
    if is_money(unit):
        return "currency"
    return CANONICAL_UNITS[unit]
