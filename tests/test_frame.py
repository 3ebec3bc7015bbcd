"""The article's frame: publication dates from what an article carries, wire datelines
as the base of relative words, the lead's news day, and how a claim falls back on them."""

from __future__ import annotations

import datetime as dt

import pytest
from _cases import lang_cases

from pipeline.dates import ClaimDate, Frame, claim_date, date_of_claim
from pipeline.extract import extract
from pipeline.frame import ArticleDates, article_frame, declared_date, publication_date
from pipeline.ingest import ingest_file
from pipeline.segment import segment
from schemas.records import Article, Statement

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(("lang", "case"), lang_cases("datelines"))
def test_publication_date_from_the_article_head(lang, case):
    found, _ = publication_date(case["text"], lang)
    assert (found.date.isoformat() if found else None) == case["date"]
    assert (found.precision if found else None) == case["precision"]


def test_impossible_date_line_leaves_a_note():
    found, note = publication_date("Budget talks stall\nPublished: 30/02/2025\nTalks.", "en")
    assert found is None
    assert "30/02/2025" in note


@pytest.mark.parametrize(
    ("value", "date", "precision"),
    [
        ("2025-03-12", dt.date(2025, 3, 12), "day"),
        ("2025-03-12T08:30:00+01:00", dt.date(2025, 3, 12), "day"),
        ("2025-05", dt.date(2025, 5, 1), "month"),
        ("2025", dt.date(2025, 1, 1), "year"),
    ],
    ids=["day", "timestamp", "month", "year"],
)
def test_declared_date_keeps_its_precision(value, date, precision):
    assert declared_date(value) == (date, precision)


@pytest.mark.parametrize("value", ["2025-02-31", "12/03/2025", "soon", ""], ids=str)
def test_declared_date_that_is_no_date(value):
    assert declared_date(value) is None


@pytest.mark.parametrize(
    ("lang", "value", "date"),
    [("en", "March 3, 2024", dt.date(2024, 3, 3)), ("en", "03/12/2024", dt.date(2024, 3, 12)),
     ("fr", "03/12/2024", dt.date(2024, 12, 3))],
    ids=["en-words", "en-month-first", "fr-day-first"],
)  # fmt: skip
def test_declared_date_in_another_form_is_read_in_the_language_order(lang, value, date):
    found, _ = publication_date("Exports rose.", lang, declared=value)
    assert found == (date, "day")


def test_declared_date_out_of_range_is_ignored_with_a_note():
    found, note = publication_date("Exports rose.", "en", declared="2999-01-01")
    assert found is None and "2999-01-01" in note


def test_sidecar_month_precision_reaches_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("Grain exports rose by 4 percent, the ministry said.\n")
    (tmp_path / "a.txt.json").write_text('{"published_date": "2024-07"}')
    article = ingest_file(tmp_path / "a.txt", tmp_path)
    assert (article.published_date, article.published_precision) == (dt.date(2024, 7, 1), "month")


def test_wire_dateline_is_the_base_of_yesterday():
    text = "Copper rallies\n\nSANTIAGO, March 3 (Reuters) - The miner said yesterday output rose."
    frame = article_frame(text, "en", dt.date(2025, 3, 4), "day", TODAY)
    assert frame.base == dt.date(2025, 3, 3)
    assert frame.event == dt.date(2025, 3, 2)


@pytest.mark.parametrize(
    ("day", "published", "base"),
    [
        (10, dt.date(2024, 6, 11), dt.date(2024, 6, 10)),
        (30, dt.date(2024, 7, 2), dt.date(2024, 6, 30)),
    ],
    ids=["this-month", "last-month"],
)
def test_wire_dateline_with_a_day_alone_takes_the_month_of_publication(day, published, base):
    text = f"Sube el turismo\n\nSEVILLA, {day} (AGENCIA)\n\nEl turismo creció, informó la Junta."
    assert article_frame(text, "es", published, "day", TODAY).base == base


@pytest.mark.parametrize(
    ("lang", "text", "base"),
    [
        ("es", "Baja el paro\n\nVALENCIA, 10 mar (EFE).- El paro bajó.", dt.date(2025, 3, 10)),
        ("it", "Cresce il PIL\n\nMILANO, 12 MAR - Il PIL è cresciuto.", dt.date(2025, 3, 12)),
        ("de", "Preise sinken\n\nBerlin, 11. März (dpa) - Preise sanken.", dt.date(2025, 3, 11)),
        ("en", "Fares rise\n\nCHICAGO, Mar. 11 (Reuters) - Fares rose.", dt.date(2025, 3, 11)),
        ("ru", "Цены растут\n\nКАЗАНЬ, 11 мар — РИА Новости. Цены выросли.", dt.date(2025, 3, 11)),
        ("en", "Fares rise\n\nKAZAN, March 11. /TASS/. Fares rose.", dt.date(2025, 3, 11)),
        ("it", "Tariffe su\n\n(AGI) - BARI, 11 MAR - Le tariffe salgono.", dt.date(2025, 3, 11)),
    ],
    ids=[
        "es-abbreviated-month",
        "it-capital-month",
        "de-day-dot-month",
        "en-month-with-dot",
        "ru-short-month-dash",
        "en-day-dot-before-agency",
        "it-agency-first",
    ],
)
def test_wire_dateline_forms(lang, text, base):
    assert article_frame(text, lang, dt.date(2025, 3, 12), "day", TODAY).base == base


@pytest.mark.parametrize(
    "text",
    [
        "Nurses strike\n\nAna, 30 (nurse), said wages fell 2 percent.",
        "Nurses strike\n\nBOSTON, January 3 (Reuters) - Wages fell 2 percent.",
    ],
    ids=["name-and-age", "weeks-before-publication"],
)
def test_what_is_no_wire_dateline_leaves_the_base(text):
    published = dt.date(2025, 3, 12)
    assert article_frame(text, "en", published, "day", TODAY).base == published


def test_lead_day_older_than_a_week_is_background_not_the_news():
    text = "Tariffs bite\n\nOn March 3 the ministry set new tariffs. Imports fell 4 percent."
    assert article_frame(text, "en", dt.date(2025, 4, 20), "day", TODAY).event is None


def test_year_less_date_takes_the_article_year():
    when = claim_date("The minister said on June 26 that exports rose.", dt.date(2023, 9, 1), "en",
                      today=TODAY)  # fmt: skip
    assert when.date == dt.date(2023, 6, 26)


def test_year_less_date_without_article_date_stays_undated():
    when = claim_date("The minister said on June 26 that exports rose.", None, "en", today=TODAY)
    assert when.date is None


@pytest.mark.parametrize(
    ("published", "expected"),
    [(dt.date(2024, 6, 7), dt.date(2024, 6, 4)), (dt.date(2024, 6, 2), dt.date(2024, 5, 4))],
    ids=["this-month", "last-month"],
)
def test_weekday_with_a_day_of_the_month(published, expected):
    sentence = "El consejero dijo el martes 4, en Bilbao, que el paro bajó un 3%."
    assert claim_date(sentence, published, "es", today=TODAY).date == expected


def test_weekday_before_a_count_is_no_day_of_the_month():
    when = claim_date("On Thursday 3 people were hurt.", dt.date(2024, 6, 7), "en", today=TODAY)
    assert when.date == dt.date(2024, 6, 6)


@pytest.mark.parametrize(
    ("lang", "sentence", "period"),
    [
        ("es", "Entre enero y octubre las exportaciones subieron un 4%.", "2024-01/2024-10"),
        ("de", "Im September stiegen die Preise um 2 Prozent.", "2024-09"),
        ("en", "Revenue rose 5 percent in 2023, the company said.", "2023"),
        ("vi", "Xuất khẩu tháng 10-2024 đạt 3 tỷ USD.", "2024-10"),
    ],
    ids=["es-entre-meses", "de-im-monat", "en-in-year", "vi-thang-nam"],
)
def test_period_of_the_data_is_no_claim_date(lang, sentence, period):
    when = claim_date(sentence, dt.date(2024, 11, 20), lang, today=TODAY)
    assert (when.date, when.period) == (dt.date(2024, 11, 20), period)


def test_deadline_month_goes_to_period():
    when = claim_date("Le gouvernement doit trancher en mars prochain.", dt.date(2024, 11, 20),
                      "fr", today=TODAY)  # fmt: skip
    assert (when.date, when.period) == (dt.date(2024, 11, 20), "2025-03")


FRAME = Frame(dt.date(2025, 3, 7), "day", dt.date(2025, 3, 7), event=dt.date(2025, 3, 6))
UNCUED = ClaimDate(None, None, None)


def test_author_figure_without_cue_takes_publication_date():
    assert date_of_claim(UNCUED, FRAME, None, attributed=False).date == dt.date(2025, 3, 7)


def test_attributed_figure_without_cue_takes_the_lead_day():
    assert date_of_claim(UNCUED, FRAME, None, attributed=True).date == dt.date(2025, 3, 6)


def test_statement_cue_dates_its_figures():
    said = ClaimDate(dt.date(2025, 3, 3), "day", None, cued=True)
    assert date_of_claim(UNCUED, FRAME, said, attributed=True).date == dt.date(2025, 3, 3)


def test_month_precision_publication_dates_author_figures_to_the_month():
    frame = Frame(dt.date(2025, 5, 1), "month", None)
    assert date_of_claim(UNCUED, frame, None, attributed=False) == (dt.date(2025, 5, 1), "month",
                                                                    None, False)  # fmt: skip


def _claims_of_one_statement(tmp_path, text: str, speaker: str, start: str, end: str) -> list:
    """The claims of `text` with one indirect statement by `speaker` ('<speaker> said'),
    from the word `start` to the mark `end`."""
    (tmp_path / "a.txt").write_text(text)
    article = ingest_file(tmp_path / "a.txt", tmp_path)
    statement = Statement(
        speaker_surface=speaker, speaker_start=article.text.index(speaker),
        speaker_end=article.text.index(" said"), cue="said", quote_kind="indirect",
        start=article.text.index(start), end=article.text.index(end),
    )  # fmt: skip
    candidates, _ = extract(segment(article.text, article.lang), article, [statement])
    return candidates


def test_statement_date_applies_to_every_figure_of_the_statement(tmp_path):
    text = (
        "Freight slows\n\nPublished: 2025-03-07\n\nThe rail operator said on Monday that cargo "
        "fell 3 percent. Passenger numbers rose 2 percent, it said.\n"
    )
    candidates = _claims_of_one_statement(tmp_path, text, "rail operator", "cargo", ", it said")
    dates = {c.surface: c.claim_date for c in candidates}
    assert dates == {"3 percent": dt.date(2025, 3, 3), "2 percent": dt.date(2025, 3, 3)}


ODD_HEADS = {
    "digits": "Published: " + "9" * 80,
    "zeros": "Publicado: 00/00/0000\nTexto.",
    "year-1900": "Published: 1 January 1900\nText.",
    "only-dashes": "-- / -- / --\n12 - 12 - 12",
    "wire-day-99": "PARIS, 99 (AFP) - Le chômage a baissé.",
    "huge-line": "12/03/2025 " * 5000,
    "empty": "",
}


@pytest.mark.parametrize("text", ODD_HEADS.values(), ids=ODD_HEADS.keys())
def test_odd_heads_do_not_raise(text):
    found, _ = publication_date(text, "fr")
    assert found is None or dt.date(1900, 1, 1) <= found.date <= dt.date(2100, 12, 31)
    article_frame(text, "fr", None, None, TODAY)


def test_language_without_data_gives_no_date_line_and_no_error():
    assert publication_date("Title\nPublished: 12 March 2025\nText.", "xx") == (None, None)
    assert article_frame("GENEVA, July 19 (AP) - Text.", "xx", None, None, TODAY).base is None


def test_impossible_sidecar_date_is_a_warning_not_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Grain exports rose by 4 percent, the ministry said.\n")
    (tmp_path / "a.txt.json").write_text('{"published_date": "2025-02-31"}')
    article = ingest_file(tmp_path / "a.txt", tmp_path)
    assert article.published_date is None
    assert any("2025-02-31" in warning for warning in article.warnings)


@pytest.mark.parametrize(("lang", "case"), lang_cases("clause_dates"))
def test_figure_in_the_article_voice_takes_no_cue_from_another_clause(lang, case):
    published = dt.date.fromisoformat(case["published"])
    article = Article(
        article_id="a", article="a.txt", path="a.txt", content_hash="0", lang=lang,
        lang_confidence=1.0, headline="", text=case["text"], published_date=published,
        published_precision="day",
    )  # fmt: skip
    at = case["text"].index(case["figure"])
    when = ArticleDates(article, TODAY).claim(0, len(case["text"]), None, at=at)
    assert when.date == dt.date.fromisoformat(case["date"])


def test_attributed_figure_keeps_the_cue_of_its_statement_across_a_clause(tmp_path):
    text = (
        "Trade fair\n\nPublished: 2024-10-10\n\nThe organiser said on Monday that the fair, "
        "where 120 exhibitors showed goods, had grown.\n"
    )
    candidates = _claims_of_one_statement(tmp_path, text, "organiser", "the fair", ", had grown")
    assert [c.claim_date for c in candidates] == [dt.date(2024, 10, 7)]


def test_a_labelled_iso_date_line_is_no_news_day_of_the_lead():
    text = "date 2025-03-14\nPower output up\nThe utility said on Wednesday output rose 3 percent."
    frame = article_frame(text, "en", dt.date(2025, 3, 14), "day", TODAY)
    assert frame.event == dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    ("lang", "line", "date"),
    [
        ("en", "Published: 21/11/2025", dt.date(2025, 11, 21)),
        ("en", "Published: 11/10/2025", dt.date(2025, 11, 10)),
        ("pt", "Publicado: 11/21/2025", None),
        ("de", "Stand: 3.4.25", dt.date(2025, 4, 3)),
    ],
    ids=["en-day-over-12-is-day-first", "en-month-first", "pt-no-month-21", "de-two-digit-year"],
)
def test_numeric_date_line_order(lang, line, date):
    found, _ = publication_date(f"Headline\n{line}\nText.", lang)
    assert (found.date if found else None) == date
