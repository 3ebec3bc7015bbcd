"""Claim dates, precision and periods from the case files; publication datelines."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from _cases import lang_cases

from pipeline.dates import Frame, _alt, _matcher, claim_date, reference_date, sentence_date
from pipeline.frame import publication_date
from pipeline.lang import load_lang

TODAY = dt.date(2026, 11, 25)  # the weekday rule looks back from today: keep tests stable


def _when(lang: str, case: dict):
    published = dt.date.fromisoformat(case["published"]) if case["published"] else None
    return claim_date(case["text"], published, lang, today=TODAY)


@pytest.mark.parametrize(("lang", "case"), lang_cases("dates"))
def test_claim_date(lang, case):
    when = _when(lang, case)
    assert (when.date.isoformat() if when.date else None) == case["date"]


@pytest.mark.parametrize(("lang", "case"), lang_cases("dates"))
def test_precision(lang, case):
    assert _when(lang, case).precision == case["precision"]


@pytest.mark.parametrize(("lang", "case"), lang_cases("dates"))
def test_period_kept_apart(lang, case):
    assert _when(lang, case).period == case["period"]


def test_article_reference_date_when_unpublished():
    text = "Putin hat am Montag, den 24. Februar, gesprochen. Es kostet 15 Milliarden Dollar."
    when = claim_date("Es kostet 15 Milliarden Dollar.", None, "de", article_text=text, today=TODAY)
    assert when.date == dt.date(2025, 2, 24)


def test_weekday_fixes_the_most_recent_fitting_year():
    text = "Am Montag, den 24. Februar, traf er Trump."
    assert reference_date(text, "de", dt.date(2030, 1, 1)) == dt.date(2025, 2, 24)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("vi", "Bản tin từ ngày 3/3/2025 đến ngày 7/3/2025. Ngày 10/3/2025, giá xăng tăng.",
         dt.date(2025, 3, 10)),
        ("en", "Sales since March 3, 2025 rose. On March 12, 2025 the firm said so.",
         dt.date(2025, 3, 12)),
        ("vi", "Bản tin từ ngày 3/3/2025 đến ngày 7/3/2025.", None),
    ],
    ids=["vi-range", "en-since", "vi-range-only"],
)  # fmt: skip
def test_a_period_day_is_no_reference_date(lang, text, expected):
    assert reference_date(text, lang, TODAY) == expected


def test_weekday_never_after_today():
    assert reference_date("On Monday, February 24, he spoke.", "en", dt.date(2025, 2, 23)) == (
        dt.date(2020, 2, 24)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" date 2025-02-26 The Kremlin spokesman said", dt.date(2025, 2, 26)), ("No date.", None)],
    ids=["dateline", "none"],
)
def test_published_date(text, expected):
    found, _ = publication_date(text, "en")
    assert (found.date if found else None) == expected


def test_unknown_language_falls_back_to_publication():
    when = claim_date("am Montag", dt.date(2025, 1, 1), "xx")
    assert when.date == dt.date(2025, 1, 1)


ODD = {
    "empty": "",
    "digits": "2" * 5000,
    "weekdays": "Montag " * 3000,
    "bad-day": "ngày 99/99",
    "no-such-day": "31 February 2025",
    "bad-month": "tháng 13",
}


@pytest.mark.parametrize("text", ODD.values(), ids=ODD.keys())
def test_odd_text_does_not_raise(text):
    claim_date(text, dt.date(2025, 1, 1), "de")
    claim_date(text, None, "vi", article_text=text, today=TODAY)


@pytest.mark.parametrize(("lang", "case"), lang_cases("dates"))
def test_day_expressions_alone_are_those_of_all(lang, case):
    # reference_date runs only the day-level patterns; overlaps must resolve as in find.
    matcher = _matcher(lang)
    text = case["text"] + " Montag, 3. März 2025; March 3 2025, Monday; 3 marzo; 2025-03-03"
    every = [f for f in matcher.find(text) if f.kind in ("day", "weekday_day")]
    assert matcher.find_days(text) == every


def _listed(words: list[str]) -> str:
    """The plain longest-first alternation `_alt` stands for."""
    words = sorted({w.casefold() for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


LANGS = ("de", "en", "es", "fr", "it", "nl", "pt", "ru", "vi")


@pytest.mark.parametrize("lang", LANGS)
def test_word_trie_matches_as_the_longest_first_list(lang):
    # Every date word list of the language, its words run together, capitalised, split
    # by several spaces and cut short: the trie finds what the list found, where it did.
    data = load_lang(lang).dates
    lists = [
        [w for forms in data.weekdays for w in forms],
        [w for forms in data.months for w in forms],
        list(data.relative_days),
        list(data.relative_months),
        data.day_words, data.month_words, data.period_words, data.mid, data.future,
        [w for forms in data.quarters for w in forms],
    ]  # fmt: skip
    for words in (w for w in lists if w):
        text = " ".join(words) + " " + "".join(words) + " " + " ".join(w.upper() for w in words)
        text += " " + "  ".join(w.replace(" ", "   ") for w in words)
        text += " " + " ".join(w[:-1] for w in words if len(w) > 2)
        for flags in (re.IGNORECASE, 0):
            trie = re.compile(rf"(?<!\w)(?P<w>{_alt(words)})(?!\w)", flags)
            listed = re.compile(rf"(?<!\w)(?P<w>{_listed(words)})(?!\w)", flags)
            assert [m.span() for m in trie.finditer(text)] == [
                m.span() for m in listed.finditer(text)
            ]
            assert [m.span() for m in re.finditer(_alt(words), text, flags)] == [
                m.span() for m in re.finditer(_listed(words), text, flags)
            ]


def test_word_trie_prefers_the_longer_word():
    assert re.match(_alt(["vor", "vorgestern", "vorge"]), "Vorgestern", re.I)[0] == "Vorgestern"
    # a shorter word still matches where the longer one would leave the rest unmatched
    assert re.match(rf"(?:{_alt(['next month', 'next'])})\s+week", "next week")


def test_a_statement_is_dated_without_its_period():
    frame = Frame(dt.date(2025, 3, 10), "day", dt.date(2025, 3, 10))
    text = "Der Minister sagte am Montag, die Exporte seien im Februar um 3 Prozent gestiegen."
    full = sentence_date(text, frame, "de", TODAY)
    bare = sentence_date(text, frame, "de", TODAY, period=False)
    assert full.period == "2025-02"
    assert bare == full._replace(period=None)


@pytest.mark.parametrize(("lang", "case"), lang_cases("dates"))
def test_a_text_without_a_date_word_needs_only_the_patterns_without_one(lang, case):
    # sentence_date tries only `uncued` when `any_cue` finds no listed word: nothing lost
    matcher = _matcher(lang)
    masked = re.sub(r"[^\W\d_]+", "x", case["text"])  # digits and punctuation stay
    for text in (case["text"], masked, masked + " 2024-11-05"):
        if matcher.any_cue.search(text) is None:
            assert matcher.find(text) == matcher.find(text, matcher.uncued)


@pytest.mark.parametrize("lang", LANGS)
def test_an_iso_date_alone_dates_a_sentence(lang):
    frame = Frame(dt.date(2025, 3, 10), "day", dt.date(2025, 3, 10))
    text = "+40 % (2025-03-04)"
    assert _matcher(lang).any_cue.search(text) is None
    assert sentence_date(text, frame, lang, TODAY).date == dt.date(2025, 3, 4)
