"""Counts without a noun: kept as claims when the sentence shows what they count."""

from __future__ import annotations

import pytest

from pipeline.counted import bare_count, counted
from pipeline.extract import extract, is_claim
from pipeline.ingest import ingest_file
from pipeline.quantities import extract_quantities
from pipeline.segment import segment

# (lang, sentence, the figure as found, how it is shown to be a count, its noun)
COUNTED = [
    # a head before it names the counted thing
    (
        "en",
        "The number of nurses leaving the service rose by 4,300 last year.",
        "4,300",
        "head",
        "nurses",
    ),
    ("fr", "Le nombre d'adhérents est passé à 48.000 cette année.", "48.000", "head", "adhérents"),
    (
        "fr",
        "Le nombre de chômeurs a reculé de 12.400 le mois dernier.",
        "12.400",
        "head",
        "chômeurs",
    ),
    ("de", "Die Zahl der Arbeitslosen sank im Mai um 31.000.", "31.000", "head", "Arbeitslosen"),
    (
        "nl",
        "Het aantal faillissementen steeg vorige maand met 140.",
        "140",
        "head",
        "faillissementen",
    ),
    (
        "es",
        "El número de turistas creció un 4% en abril, hasta 7,2 millones.",
        "7,2 millones",
        "head",
        "turistas",
    ),
    ("it", "Il numero dei ricoverati è sceso a 850.", "850", "head", "ricoverati"),
    ("pt", "O número de desempregados caiu para 410 mil.", "410 mil", "head", "desempregados"),
    ("ru", "Число безработных составило 2,3 млн.", "2,3 млн", "head", "безработных"),
    # a total: a count, its thing named elsewhere
    (
        "en",
        "The number waiting for a council flat fell by 1,850 in the spring.",
        "1,850",
        "head",
        None,
    ),
    (
        "fr",
        "Les inscriptions ont bondi, pour un total de 2,6 millions à la fin du trimestre.",
        "2,6 millions",
        "head",
        None,
    ),
    ("es", "Las solicitudes se dispararon hasta un total de 86.000.", "86.000", "head", None),
    (
        "nl",
        "Vorig jaar meldden zich in totaal ruim 6.300 vrijwilligers en dit jaar, in totaal, 7.100.",
        "7.100",
        "head",
        None,
    ),
    # a total that a figure beside it names
    (
        "fr",
        "Au total, 4,1 millions de personnes sont inscrites dans le Nord, et 6,2 millions "
        "dans tout le pays.",
        "6,2 millions",
        "head",
        "personnes",
    ),
    # the count is the subject of a plural verb; after a copula, the noun
    ("en", "Of the applicants, 312 are pensioners living alone.", "312", "subject", "pensioners"),
    ("en", "More than 5,000 have signed the petition since Monday.", "5,000", "subject", None),
    ("fr", "Parmi les blessés, 14 sont des enfants.", "14", "subject", "enfants"),
    ("de", "Von den Bewerbern, 45 sind Studenten aus dem Ausland.", "45", "subject", "Studenten"),
    ("nl", "Van de deelnemers, 80 zijn vrouwen.", "80", "subject", "vrouwen"),
    ("es", "De los detenidos, 23 son menores de edad.", "23", "subject", "menores"),
    # a part of a larger count right after it
    ("en", "Only 3 of the 12 judges agreed with the ruling.", "3", "partitive", "judges"),
    ("pt", "Votaram a favor 9 dos 15 deputados presentes.", "9", "partitive", "deputados"),
    ("es", "Solo 4 de los 20 alcaldes firmaron la carta.", "4", "partitive", "alcaldes"),
    ("fr", "Seuls 6 des 27 pays membres ont voté contre.", "6", "partitive", "pays"),
    ("de", "Nur 5 der 16 Länder stimmten zu.", "5", "partitive", "Länder"),
    # a figure in brackets mirrors one beside it with the same scale word
    (
        "es",
        "Madrid (6,1 millones) queda por detrás de Barcelona, con 7,4 millones de visitantes.",
        "6,1 millones",
        "mirror",
        "visitantes",
    ),
    (
        "en",
        "Ohio (3.2 million) trails Texas, with 5.9 million voters registered.",
        "3.2 million",
        "mirror",
        "voters",
    ),
]

# (lang, sentence, the figure as found): bare numbers that count nothing stated
NOT_COUNTED = [
    ("en", "The number 10 bus was cancelled again.", "10"),
    ("en", "The number of fans was huge as the side lost in round 2 of the cup.", "2"),
    ("en", "Three quarters of the voters stayed home.", "Three quarters"),
    ("en", "The number of delays rose; the hearing is in room 12.", "12"),
    ("de", "Die Zahl der Fälle steigt, sagte er in Folge 7 der Sendung.", "7"),
    ("nl", "Het aantal klachten is bekend, zei hij in aflevering 3.", "3"),
    # an amount of its own thing ('ingresos' is revenue) mirrors no count
    (
        "es",
        "La empresa vendió 2 millones de coches y facturó 5 millones de ingresos.",
        "5 millones",
    ),
    # two things counted beside it: which one is unclear
    (
        "es",
        "Vendió 2 millones de coches y 3 millones de motos, frente a 4 millones en 2019.",
        "4 millones",
    ),
    # a subject must open its clause: a label before it is no count
    ("en", "Group 7 were the favourites.", "7"),
    # a part is smaller than its whole: a larger figure before 'of the' is no part of it
    ("en", "Some 40 of the 12 boats' crew were missing.", "40"),
]


def _found(text: str, lang: str, surface: str):
    quantities = extract_quantities(text, lang)
    found = [q for q in quantities if surface in q.surface]
    assert found, f"extractor found no {surface!r} in {[q.surface for q in quantities]}"
    return found[0], quantities


@pytest.mark.parametrize("lang,text,surface,how,noun", COUNTED, ids=[c[2] for c in COUNTED])
def test_sentence_shows_what_a_bare_count_counts(
    lang: str, text: str, surface: str, how: str, noun: str | None
) -> None:
    quantity, quantities = _found(text, lang, surface)
    assert bare_count(quantity)
    assert not is_claim(quantity, text, lang)  # on its own, no claim
    shown = counted(quantity, text, (0, len(text)), quantities, lang)
    assert shown is not None
    assert (shown.how, shown.noun) == (how, noun)
    assert is_claim(quantity, text, lang, counted=True)


@pytest.mark.parametrize("lang,text,surface", NOT_COUNTED, ids=[c[2] for c in NOT_COUNTED])
def test_bare_numbers_that_count_nothing_stay_out(lang: str, text: str, surface: str) -> None:
    quantities = extract_quantities(text, lang)
    for quantity in quantities:
        if surface in quantity.surface and bare_count(quantity):
            assert counted(quantity, text, (0, len(text)), quantities, lang) is None


def test_claim_carries_the_noun_its_sentence_names(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "Waiting lists grew again.\n\n"
        "The number of patients waiting for surgery rose by 8,200 over the spring, to 640,000.\n\n"
        "Page 4 has the tables.\n"
    )
    article = ingest_file(tmp_path / "a.txt", tmp_path)
    candidates, _ = extract(segment(article.text, article.lang), article)
    counts = {c.surface: c.noun for c in candidates if c.unit == "count"}
    assert counts == {"8,200": "patients", "640,000": "patients"}
