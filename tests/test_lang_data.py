"""Every language file loads, validates, and gives the quantity extractor what it needs."""

from __future__ import annotations

import pytest

from pipeline.lang import load_lang, supported_languages
from pipeline.quantities.lexicon import lexicon
from pipeline.quantities.units import resolve

LANGS = supported_languages()


@pytest.mark.parametrize("lang", LANGS)
def test_language_file_validates(lang: str) -> None:
    assert load_lang(lang).code == lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_unit_alias_resolves_to_a_canonical_unit(lang: str) -> None:
    units = load_lang(lang).units
    unknown = [k for k, v in {**units.aliases, **units.before}.items() if resolve(v) is None]
    assert unknown == []


@pytest.mark.parametrize("lang", LANGS)
def test_separators_are_distinct(lang: str) -> None:
    numbers = load_lang(lang).numbers
    assert numbers.decimal_separator not in numbers.group_separators


@pytest.mark.parametrize("lang", LANGS)
def test_patterns_compile(lang: str) -> None:
    assert lexicon(lang).core.search("12") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_hedges_do_not_overlap(lang: str) -> None:
    hedges = load_lang(lang).hedges
    kinds = [set(hedges.approx), set(hedges.gt), set(hedges.lt)]
    assert not (kinds[0] & kinds[1] or kinds[0] & kinds[2] or kinds[1] & kinds[2])


def test_generated_unit_catalogue_is_current() -> None:
    """The catalogue file is what quantulum3's catalogue and the language file give now."""
    from pipeline.lang import LANG_DIR
    from pipeline.quantities.catalogue import render

    path = LANG_DIR / "catalogue" / "en.toml"
    assert path.read_text(encoding="utf-8") == render("en"), (
        "run: python -m pipeline.quantities.catalogue en"
    )
