"""Per-language data files, validated on load.

Adding a language is adding `<code>.toml` here (and test cases): nothing else lists
the languages.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from pipeline.errors import LanguageDataError
from schemas.lang import CatalogueData, LangData, SymbolData
from schemas.units import ISO_CURRENCIES

LANG_DIR = Path(__file__).parent


@cache
def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.toml") if len(p.stem) == 2))


def language_code(given: str) -> str:
    """A language as the user wrote it ('DE', 'de' or 'German') to its
    code; anything factdb does not read is a one-line error naming what it does read."""
    text = given.strip().lower()
    if text in supported_languages():
        return text
    names = _language_names()
    if text in names:
        return names[text]
    readable = ", ".join(f"{code} ({name})" for name, code in sorted(names.items(), key=_by_code))
    raise LanguageDataError(f"unknown language {given!r}; factdb reads {readable}")


def _by_code(item: tuple[str, str]) -> str:
    return item[1]


@cache
def _language_names() -> dict[str, str]:
    """English language name (lowercased) -> code, from each file's `name`; read without
    validating the file, as only a wrong code or name is being answered."""
    names = {}
    for code in supported_languages():
        data = tomllib.loads((LANG_DIR / f"{code}.toml").read_text(encoding="utf-8"))
        names[str(data.get("name", code)).lower()] = code
    return names


@cache
def load_lang(code: str) -> LangData:
    """The language's data, with the shared symbols and its generated unit catalogue."""
    return _with_catalogue(read_lang(code), load_catalogue(code))


@cache
def read_lang(code: str) -> LangData:
    """The language file over the shared symbols, without the generated catalogue."""
    path = LANG_DIR / f"{code}.toml"
    if not path.is_file():
        raise LanguageDataError(
            f"no language data for {code!r}; supported: {', '.join(supported_languages())}"
        )
    try:
        data = LangData.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise LanguageDataError(f"{path.name}: {exc}") from exc
    if data.code != code:
        raise LanguageDataError(f"{path.name}: code is {data.code!r}, expected {code!r}")
    return _with_prefixed(_with_symbols(data, load_symbols()))


@cache
def load_symbols() -> SymbolData:
    """The units every language shares (`symbols.toml`)."""
    path = LANG_DIR / "symbols.toml"
    try:
        return SymbolData.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise LanguageDataError(f"{path.name}: {exc}") from exc


def _with_symbols(data: LangData, symbols: SymbolData) -> LangData:
    """The language's units over the shared symbols: an entry of the language wins."""
    shared, own = symbols.units, data.units
    codes = {code: code for code in ISO_CURRENCIES.difference(symbols.codes_also_words)}
    units = own.model_copy(
        update={
            "aliases": {**codes, **shared.aliases, **own.aliases},
            "before": {**codes, **shared.before, **own.before},
        }
    )
    return data.model_copy(update={"units": units})


def _with_prefixed(data: LangData) -> LangData:
    """Every SI prefix joined to every unit name that takes one ('mili' + 'gramos' =
    'miligramos', read as pint's 'milligram'), under the language's own aliases: the
    whole family of metric names, not the few a file happens to list."""
    units = data.units
    if not units.prefixed:
        return data
    generated = {
        written + name: prefix + base
        for family in units.prefixed
        for written, prefix in family.prefixes.items()
        for name, base in family.names.items()
    }
    aliases = {**generated, **units.aliases}
    return data.model_copy(update={"units": units.model_copy(update={"aliases": aliases})})


def load_catalogue(code: str) -> CatalogueData:
    """The unit names generated for a language (`catalogue/<code>.toml`), or none."""
    path = LANG_DIR / "catalogue" / f"{code}.toml"
    if not path.is_file():
        return CatalogueData()
    try:
        return CatalogueData.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise LanguageDataError(f"catalogue/{path.name}: {exc}") from exc


def _with_catalogue(data: LangData, catalogue: CatalogueData) -> LangData:
    """Generated unit names under the language's own and the shared ones."""
    if not catalogue.aliases:
        return data
    aliases = {**catalogue.aliases, **data.units.aliases}
    units = data.units.model_copy(update={"aliases": aliases})
    return data.model_copy(update={"units": units})
