"""Canonical speakers across articles, languages and scripts."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from pipeline.entities import DATA, canonicalise, core_name, phonetic

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "cases" / "entities.jsonl").read_text().splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_one_entity_per_speaker(case):
    mapping, _ = canonicalise(tuple(m) for m in case["mentions"])
    assert {mapping[surface] for surface, _ in case["mentions"]} == {case["canonical"]}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_entity_lists_every_surface_and_language(case):
    _, entities = canonicalise(tuple(m) for m in case["mentions"])
    (entity,) = [e for e in entities if e.name == case["canonical"]]
    assert set(entity.aliases) == {surface for surface, _ in case["mentions"]}
    assert set(entity.langs) == {lang for _, lang in case["mentions"]}


def test_different_people_stay_apart():
    mapping, entities = canonicalise(
        [("Donald Trump", "en"), ("Donald Tusk", "en"), ("Kash Patel", "en"), ("Patel", "en")]
    )
    assert mapping["Donald Trump"] != mapping["Donald Tusk"]
    assert mapping["Patel"] == "Kash Patel"
    assert len(entities) == 3


def test_short_surname_joins_the_full_name():
    mapping, _ = canonicalise([("Chief Executive Mei Chen", "en"), ("Chen", "en")])
    assert mapping["Chen"] == "Mei Chen"


def test_same_surname_other_first_name_stays_apart():
    mapping, _ = canonicalise([("Boris Johnson", "en"), ("Mike Johnson", "en")])
    assert mapping["Boris Johnson"] != mapping["Mike Johnson"]


@pytest.mark.parametrize(
    ("surface", "lang", "core"),
    [
        ("Tổng thống Nga Vladimir Putin", "vi", "Vladimir Putin"),
        ("Ukraine's defence minister Denys Shmyhal", "en", "Denys Shmyhal"),
        ("der russische Präsident Wladimir Putin", "de", "Wladimir Putin"),
        ("FBI chief Kash Patel", "en", "Kash Patel"),
        ("Đài RT (Nga)", "vi", "RT"),
        ("Minister Eddy van Hijum", "nl", "Eddy van Hijum"),
        ("le ministre de l'Intérieur Laurent Nuñez", "fr", "Laurent Nuñez"),
        ("Il presidente della Regione Luca Zaia", "it", "Luca Zaia"),
        ("il ministro dell'Interno Piantedosi", "it", "Piantedosi"),
        ("presidente della Commissione europea Ursula von der Leyen", "it", "Ursula von der Leyen"),
        ("la porte-parole du gouvernement Maud Bregeon", "fr", "Maud Bregeon"),
        ("Jean-Yves Le Drian", "fr", "Jean-Yves Le Drian"),
        ("l'ancien ministre Bruno Le Maire", "fr", "Bruno Le Maire"),
        ("vicepremier Bart De Wever", "nl", "Bart De Wever"),
        ("Kremlin spokesman Dmitry Peskov", "en", "Dmitry Peskov"),
        ("Chef der Deutschen Bank Christian Sewing", "de", "Christian Sewing"),
        ("the Bank of England", "en", "Bank of England"),
        ("il ministro delle imprese Adolfo Urso", "it", "Adolfo Urso"),
        ("Председатель Госдумы Вячеслав Володин", "ru", "Вячеслав Володин"),
        ("Глава Минобороны Бельгии Тео Франкен", "ru", "Тео Франкен"),
        ("EU-commissaris Wopke Hoekstra", "nl", "Wopke Hoekstra"),
        ("Entwicklungsministerin Reem Alabali Radovan", "de", "Reem Alabali Radovan"),
        ("il governatore della Banca d'Italia Fabio Panetta", "it", "Fabio Panetta"),
        ("Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng", "vi", "Nguyễn Văn Thắng"),
        ("Prime Minister Keir Starmer's spokesman", "en", "Keir Starmer"),
        ("le gouverneur François Villeroy de Galhau", "fr", "François Villeroy de Galhau"),
        ("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên", "vi", "Nguyễn Hồng Diên"),
        ("Cục trưởng Cục Hải quan Trần Thị Kim Oanh", "vi", "Trần Thị Kim Oanh"),
        ("bà Lê Thị Ngọc Hà", "vi", "Lê Thị Ngọc Hà"),
        ("Saudi Aramco", "en", "Saudi Aramco"),
        ("Набиуллиной ТАСС", "ru", "Набиуллиной"),
        ("minister Hoekstra van Financiën", "nl", "Hoekstra"),
        ("TerraVolt", "en", "TerraVolt"),
        ("the Toronto-based TerraVolt", "en", "TerraVolt"),
        ("chipmaker Veltrix Semiconductor", "en", "Veltrix Semiconductor"),
        ("the harbour authority's", "en", "harbour authority"),
    ],
    ids=[
        "vi-title-country",
        "en-possessive-role",
        "de-determiner",
        "en-org-title",
        "vi-station",
        "nl-particle",
        "fr-ministry-then-name",
        "it-body-then-name",
        "it-body-then-surname",
        "it-lowercase-body-word",
        "fr-org-head-in-body",
        "fr-capital-particle",
        "fr-capital-particle-le-maire",
        "nl-capital-particle",
        "en-org-then-title",
        "de-org-body",
        "en-org-only",
        "it-lowercase-body",
        "ru-genitive-body",
        "ru-country-genitive",
        "nl-commissioner",
        "de-compound-title",
        "it-elided-body",
        "vi-ministry-then-name",
        "vi-four-syllable-name-after-body",
        "vi-four-syllable-name",
        "en-whose-spokesman",
        "fr-particle-after-two-names",
        "vi-capitalised-ministry-then-name",
        "en-modifier-in-a-name",
        "ru-agency-after-name",
        "nl-surname-then-portfolio",
        "en-camelcase-name-kept-whole",
        "en-based-compound-is-no-name",
        "en-org-role-noun-before-its-name",
        "en-lowercase-body-before-its-report",
    ],
)
def test_core_name(surface, lang, core):
    assert core_name(surface, lang)[0] == core


@pytest.mark.parametrize(
    ("a", "b"),
    [("Poetin", "Putin"), ("Dmitrijew", "Dmitriev"), ("Путин", "Putin"), ("Wladimir", "Vladimir")],
    ids=["nl-oe", "de-ij-w", "cyrillic", "de-w"],
)
def test_phonetic_key(a, b):
    assert phonetic(a) == phonetic(b)


ALIAS_FILES = [DATA / "aliases.toml", *sorted((DATA / "aliases").glob("*.toml"))]


@pytest.mark.parametrize("path", ALIAS_FILES, ids=lambda p: p.name)
def test_alias_file_is_well_formed(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for item in data["entity"]:
        assert set(item) <= {"name", "kind", "aliases"}
        assert item["kind"] in ("person", "org")
        assert item["aliases"]


def test_a_language_alias_file_names_its_bodies_in_english():
    """'het CBS' (nl) and a body written in another language's words are one entity."""
    mapping, _ = canonicalise([("het CBS", "nl"), ("Centraal Bureau voor de Statistiek", "nl")])
    assert set(mapping.values()) == {"Statistics Netherlands"}
    mapping, _ = canonicalise([("Bộ NN&PTNT", "vi")])
    assert mapping["Bộ NN&PTNT"] == "Vietnamese Ministry of Agriculture and Rural Development"


def test_empty_and_odd_mentions():
    mapping, entities = canonicalise([("", "en"), ("(", "en"), ("x" * 5000, "vi"), ("Xi", "zz")])
    assert "" not in mapping
    assert len(entities) == len(set(mapping.values()))


@pytest.mark.parametrize(
    "a,b",
    [
        (("INE", "es"), ("Insee", "fr")),
        (("Lee", "en"), ("Li", "en")),
        (("ANP", "pt"), ("ANEP", "es")),
    ],
    ids=["acronym-vs-name", "short-surnames", "two-acronyms"],
)
def test_short_names_and_acronyms_do_not_fuzzy_match(a, b):
    mapping, _ = canonicalise([a, b])
    assert mapping[a[0]] != mapping[b[0]]


def test_acronym_stays_its_own_body():
    # an acronym is matched exactly: USDA is not the country it belongs to
    mapping, _ = canonicalise([("USDA", "en"), ("U.S.", "en"), ("the United States", "en")])
    assert mapping["USDA"] == "USDA"
    assert mapping["U.S."] == "United States"


def test_role_with_a_known_portfolio_names_no_person():
    # 'Meio Ambiente' is the ministry's portfolio (pt org_terms), not the minister's name
    core = core_name("a ministra do Meio Ambiente", "pt")
    assert core == ("ministra do Meio Ambiente", "unknown")


def test_organisation_head_alone_is_not_translated():
    # 'Bộ' alone is 'the ministry': a role, not one body's English name
    assert core_name("Bộ", "vi")[0] == "Bộ"


@pytest.mark.parametrize(
    ("surface", "core"),
    [
        ("по словам Игоря Сечина", "Игорь Сечин"),
        ("главы Минэнерго Сергея Цивилева", "Сергей Цивилев"),
        ("Эльвиры Набиуллиной", "Эльвира Набиуллина"),
        ("с министром Алексеем Оверчуком", "Алексей Оверчук"),
        ("Марии Захаровой", "Мария Захарова"),
        ("гендиректора Андрея Костина", "Андрей Костин"),
        ("депутата Ярослава Нилова", "Ярослав Нилов"),
        ("Дмитрием Медведевым", "Дмитрий Медведев"),
        ("Анна Попова", "Анна Попова"),  # a woman's name in the nominative stays
        ("Никита Кричевский", "Никита Кричевский"),
        # a country after the portfolio is the body's, the name starts at the first name
        ("министр энергетики Казахстана Ерлан Аккенженов", "Ерлан Аккенженов"),
        ("министра промышленности Белоруссии Андрея Лаврухина", "Андрей Лаврухин"),
    ],
)
def test_ru_name_in_another_case_is_canonicalised_in_the_nominative(surface, core):
    """The first name tells the case: 'Андрея Костина' is Андрей Костин's genitive,
    'Анна Попова' a nominative."""
    assert core_name(surface, "ru")[0] == core


def test_ru_genitive_and_nominative_mentions_are_one_person():
    mapping, _ = canonicalise(
        [("по словам Андрея Костина", "ru"), ("глава ВТБ Андрей Костин", "ru"), ("Костина", "ru")]
    )
    assert set(mapping.values()) == {"Андрей Костин"}


def test_ru_bare_surname_takes_the_case_of_the_full_name_before_it():
    """'по словам Решетникова' after 'министра экономики Максима Решетникова': the speaker
    is the full name the article gave, canonicalised in the nominative."""
    from pipeline.attribution import find_statements
    from pipeline.segment import get_nlp

    text = (
        "Депутаты обсудили работу министра экономики Максима Решетникова. "
        "По словам Решетникова, рост ВВП составит 2,5%."
    )
    (statement,) = find_statements(get_nlp("ru")(text), "ru")
    mapping, _ = canonicalise([(statement.speaker_surface, "ru")])
    assert mapping[statement.speaker_surface] == "Максим Решетников"


def test_company_form_keeps_its_point_and_makes_a_company():
    assert core_name("Initech Corp.", "en") == ("Initech Corp.", "org")
    assert core_name("Vandelay plc", "en")[1] == "org"


def test_body_after_a_full_name_is_no_name_particle():
    """'von der Nordbank' after a person's full name is the body they work for."""
    assert core_name("Chefvolkswirtin Lena Hartwig von der Nordbank", "de") == (
        "Lena Hartwig",
        "person",
    )
    assert core_name("Ursula von der Leyen", "de")[0] == "Ursula von der Leyen"
    assert core_name("Paul Weber von der Deutschen Bank", "de") == ("Paul Weber", "person")
    assert core_name("Pieter de Wit van LTO Noord", "nl")[0] == "Pieter de Wit"


def test_bare_ministry_joins_a_country_s_only_in_the_same_language():
    """'Минфин' in a Russian article is Russia's; 'das Finanzministerium' in a German one
    is not, though both are a 'Ministry of Finance' in English."""
    mapping, _ = canonicalise(
        [("Министерство финансов России", "ru"), ("Минфин", "ru"), ("das Finanzministerium", "de")]
    )
    assert mapping["Минфин"] == "Russian Ministry of Finance"
    assert mapping["das Finanzministerium"] == "Ministry of Finance"
