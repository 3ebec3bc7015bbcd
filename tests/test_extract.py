"""Extract: which quantities become claims, in which sentence, with whose words."""

from __future__ import annotations

import pytest

from pipeline.extract import _length, extract, is_claim
from pipeline.ingest import ingest_file
from pipeline.quantities import extract_quantities
from pipeline.segment import segment

REFERENTIAL = [
    ("en", "Talks between the two countries resumed in Geneva.", "two countries"),
    ("de", "Die Militärbudgets der drei Länder sollen sinken.", "drei Länder"),
    ("nl", "De twee landen tekenden gisteren het akkoord.", "twee landen"),
    ("fr", "Les deux pays ont signé un accord commercial.", "deux pays"),
    ("es", "Los dos países firmaron un acuerdo comercial.", "dos países"),
]
NEW_FIGURES = [
    ("en", "Two people died and the 300 workers lost their jobs.", "Two people"),
    ("en", "Two people died and the 300 workers lost their jobs.", "300 workers"),
    ("de", "Mindestens acht Menschen kamen ums Leben.", "acht Menschen"),
    ("nl", "Er raakten twee agenten gewond.", "twee agenten"),
]


def _quantity(text: str, lang: str, surface: str):
    found = [q for q in extract_quantities(text, lang) if surface in q.surface]
    assert found, f"extractor found no {surface!r}"
    return found[0]


@pytest.mark.parametrize("lang,text,surface", REFERENTIAL, ids=[c[2] for c in REFERENTIAL])
def test_spelled_out_count_after_definite_article_is_no_claim(
    lang: str, text: str, surface: str
) -> None:
    assert not is_claim(_quantity(text, lang, surface), text, lang)


@pytest.mark.parametrize("lang,text,surface", NEW_FIGURES, ids=[c[2] for c in NEW_FIGURES])
def test_count_of_a_named_thing_is_a_claim(lang: str, text: str, surface: str) -> None:
    assert is_claim(_quantity(text, lang, surface), text, lang)


TIMES = [
    ("en", "The ferry service was halted for nine days after the flood.", "nine days"),
    ("en", "A 14-year-old pupil designed the new school logo.", "14-year"),
    ("es", "El conductor, de 47 años de edad, resultó ileso.", "47 años"),
    ("en", "Complaints about the landlord rose 12-fold in two years.", "12-fold"),
    ("en", "The hosts won 4-2 after extra time, their manager said.", "4"),
    ("de", "Der Gastgeber siegte am Ende 3:1, sagte der Trainer.", "1"),
]


@pytest.mark.parametrize("lang,text,surface", TIMES, ids=[c[2] for c in TIMES])
def test_durations_ages_multipliers_and_scores_are_quantities_but_no_claims(
    lang: str, text: str, surface: str
) -> None:
    quantity = _quantity(text, lang, surface)
    assert quantity.kind in ("duration", "age", "multiplier", "score")
    assert not is_claim(quantity, text, lang)


def test_claims_point_into_their_sentence(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(
        "Exports fell sharply.\nThe ministry said exports fell by 12 percent to 4 billion euros.\n"
    )
    article = ingest_file(tmp_path / "a.txt", tmp_path)
    candidates, _ = extract(segment(article.text, article.lang), article)
    assert {c.surface for c in candidates} >= {"12 percent", "4 billion euros"}
    for c in candidates:
        assert article.text[c.start : c.end] == c.surface
        assert c.sentence.startswith("The ministry said")
        assert article.text[c.sentence_start :].startswith(c.sentence)


def test_sentence_repeated_word_for_word_states_its_figure_once(tmp_path) -> None:
    sentence = "Theo Bộ Tài chính, nước này nắm giữ 658 triệu tấn quặng."
    (tmp_path / "a.txt").write_text(f"{sentence} Ảnh: RIA\n\n{sentence} Bộ này cho biết thêm.\n")
    article = ingest_file(tmp_path / "a.txt", tmp_path)
    candidates, _ = extract(segment(article.text, article.lang), article)
    assert [c.value for c in candidates if c.unit == "tonne"] == [658e6]


def test_claims_carry_the_kind_of_their_quantity(tmp_path) -> None:
    (tmp_path / "b.txt").write_text(
        "Harbour traffic grew.\nThe port authority said 2 million tonnes of grain left the "
        "port, 7 percent more, worth 900 million euros.\n"
    )
    article = ingest_file(tmp_path / "b.txt", tmp_path)
    candidates, _ = extract(segment(article.text, article.lang), article)
    kinds = {c.surface: c.kind for c in candidates}
    assert kinds.get("2 million tonnes") == "mass"
    assert kinds.get("7 percent") == "percent"
    assert kinds.get("900 million euros") == "money"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "Exports rose 4 percent.  \n\n",
        "Die Ausfuhren stiegen um 4 Prozent\u00a0",
        "Xuất khẩu tăng 4%.\n\tTiếp theo …",
    ],
)
def test_read_length_is_that_of_the_segmented_text(text):
    doc = segment(text, "en")
    assert _length(doc) == len(doc.text) == len(text)
