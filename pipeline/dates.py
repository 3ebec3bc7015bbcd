"""Publication dates and claim dates.

Time expressions are found by fast per-language matchers built from the `[dates]`
section of the language files (weekdays, months, day and month words, relative
phrases); only those spans go to dateparser, with the article's language and the
publication date as base (dateparser on whole sentences reads 'die', 'we', 'may' or
'28,5' as dates). Without a publication date, a weekday with a day and a month ('am
Montag, den 24. Februar') fixes the year: the most recent year, not after today, in
which that day is that weekday. Years after 'by', 'in', 'bis', 'vào năm' ... are the
period a figure is about, kept apart from the date the claim was made.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.errors import LanguageDataError
from pipeline.lang import load_lang

_MONTH_KINDS = ("month", "relative_month")  # a day-level expression is preferred to these
_DAY_KINDS = ("day", "weekday_day")
ISO = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
YEARS_BACK = 40  # how far back a weekday may fix the year


class ClaimDate(NamedTuple):
    date: dt.date | None
    precision: str | None  # "day" | "month" | "year"
    period: str | None  # the period the figure refers to ("2030", "2024"), kept apart


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: str  # "day", "weekday_day", "weekday", "month", "relative_day", "relative_month"
    text: str
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    offset: int = 0


def claim_date(
    sentence: str,
    published: dt.date | None,
    lang: str,
    article_text: str | None = None,
    today: dt.date | None = None,
) -> ClaimDate:
    """When the statement in `sentence` was made, with its precision, and the period
    the figure is about. Falls back to the publication date, else to the article's own
    reference date (its first fully dated expression) when `article_text` is given."""
    try:
        matcher = _matcher(lang)
    except LanguageDataError:
        return ClaimDate(published, "day" if published else None, None)
    today = today or dt.date.today()
    base = published or (reference_date(article_text, lang, today) if article_text else None)
    dates = matcher.find(sentence)
    period = matcher.period(sentence, dates)
    for found in sorted(dates, key=lambda f: (f.kind in _MONTH_KINDS, f.start)):
        if matcher.is_future(sentence, found) or matcher.is_period(sentence, found):
            continue
        resolved = _resolve(found, base, lang, today)
        if resolved is not None and (base is None or resolved[0] <= base):
            return ClaimDate(resolved[0], resolved[1], period)
    return ClaimDate(base, "day" if base else None, period)


def published_date(text: str) -> dt.date | None:
    """An ISO dateline at the start of the text (' date 2025-02-26 ...'), if any."""
    match = ISO.search(text[:200])
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


@lru_cache(maxsize=256)
def reference_date(text: str, lang: str, today: dt.date) -> dt.date | None:
    """The article's first fully dated expression: an ISO date, a day with month and
    year, or a weekday with day and month (which fixes the year)."""
    try:
        matcher = _matcher(lang)
    except LanguageDataError:
        return None
    for found in matcher.find_days(text):
        if found.year or found.weekday is not None:
            resolved = _resolve(found, None, lang, today)
            if resolved is not None:
                return resolved[0]
    return None


def _resolve(
    found: _Found, base: dt.date | None, lang: str, today: dt.date
) -> tuple[dt.date, str] | None:
    if found.kind in ("day", "weekday_day"):
        if found.year is None and base is None and found.weekday is not None:
            day = _year_from_weekday(found.month, found.day, found.weekday, today)
            return (day, "day") if day else None
        day = _parse(found.text, lang, base or today)
        if day is None and found.month and found.day:
            day = _safe_date(found.year or (base or today).year, found.month, found.day)
        return (day, "day") if day else None
    if base is None:
        return None
    if found.kind == "weekday":
        back = (base.weekday() - found.weekday) % 7
        return base - dt.timedelta(days=back), "day"
    if found.kind == "relative_day":
        return base + dt.timedelta(days=found.offset), "day"
    if found.kind == "relative_month":
        months = base.year * 12 + base.month - 1 + found.offset
        return dt.date(months // 12, months % 12 + 1, 1), "month"
    if found.kind == "month":
        year = found.year or (base.year if found.month <= base.month else base.year - 1)
        return dt.date(year, found.month, 1), "month"
    return None


def _year_from_weekday(month: int, day: int, weekday: int, today: dt.date) -> dt.date | None:
    for year in range(today.year, today.year - YEARS_BACK, -1):
        date = _safe_date(year, month, day)
        if date is not None and date <= today and date.weekday() == weekday:
            return date
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse(span: str, lang: str, base: dt.date) -> dt.date | None:
    import dateparser

    order = load_lang(lang).dates.date_order
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "DATE_ORDER": order,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(span, languages=[lang], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- matchers


_NEVER = r"(?!x)x"  # the alternation of no words


def _alt(words: list[str]) -> str:
    words = sorted({w.casefold() for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or _NEVER


class _Matcher:
    def __init__(self, lang: str) -> None:
        data = load_lang(lang).dates
        self.weekday_of = {w.casefold(): i for i, forms in enumerate(data.weekdays) for w in forms}
        self.month_of = {w.casefold(): i + 1 for i, forms in enumerate(data.months) for w in forms}
        self.relative_days = {k.casefold(): v for k, v in data.relative_days.items()}
        self.relative_months = {k.casefold(): v for k, v in data.relative_months.items()}
        wd, mo = _alt(list(self.weekday_of)), _alt(list(self.month_of))
        if data.capitalised:  # 'May' is a month, 'may' is not
            wd, mo = _capitalised(self.weekday_of), _capitalised(self.month_of)
        day = r"(?P<day>[0-3]?\d)(?![,.]\d)(?:\.|st|nd|rd|th|er|º)?"
        yy = r"(?P<year>(?:19|20)\d\d)"
        link = rf"(?:(?:{_alt(data.links)})\s+)?"
        year = rf"(?:,?\s*{link}{yy})?"
        dw, mw = _alt(data.day_words), _alt(data.month_words)
        b, e = r"(?<!\w)", r"(?!\w)"
        wd_day = rf"{b}(?P<wd>{wd}){e},?\s+"
        numeric = r"(?P<day>[0-3]?\d)\s*[/.-]\s*(?P<mon>[01]?\d)"
        rel, relm = _alt(list(self.relative_days)), _alt(list(self.relative_months))
        # (kind, pattern, the word alternation it cannot match without)
        patterns = [
            ("weekday_day", rf"{wd_day}(?:\w{{1,4}}\s+)?{day}\s+{link}(?P<mo>{mo}){e}{year}", wd),
            ("weekday_day", rf"{wd_day}(?P<mo>{mo})\s+{day}{e}{year}", wd),
            ("day", rf"{b}{day}\s+{link}(?P<mo>{mo}){e}{year}", mo),
            ("day", rf"{b}(?P<mo>{mo})\s+{day}{e}{year}", mo),
            ("day", rf"{b}(?:{dw})\s+{numeric}(?:\s*[/.-]\s*{yy})?(?!\d)", dw),
            (
                "day",
                rf"{b}(?:{dw})\s+(?P<day>[0-3]?\d)\s+(?:{mw})\s+(?P<mon>[01]?\d){year}(?!\d)",
                dw + mw,
            ),
            # the digit test after '19'/'20', not before: a pattern that starts with
            # literals is searched for them alone, one that starts with a test at every
            # position (four times slower on an article)
            ("day", r"(?P<iy>(?:19|20)(?<!\d..)\d\d)-(?P<imon>\d\d)-(?P<iday>\d\d)(?!\d)", ""),
            ("month", rf"{b}(?:(?:{_alt(data.mid)})[\s-]*)?(?P<mo>{mo}){e}(?:\s+{link}{yy})?", mo),
            ("month", rf"{b}(?:{mw})\s+(?P<mon>[01]?\d)(?:(?:\s*/\s*|,?\s*{link}){yy})?(?!\d)", mw),
            ("weekday", rf"{b}(?P<wd>{wd}){e}", wd),
            ("relative_day", rf"{b}(?P<rel>{rel}){e}", rel),
            ("relative_month", rf"{b}(?P<relm>{relm}){e}", relm),
        ]
        # a pattern that needs a word of an empty list never matches, yet searching for
        # it costs as much as for any other: left out
        self.patterns = [
            (kind, re.compile(p, re.IGNORECASE))
            for kind, p, needs in patterns
            if _NEVER not in needs
        ]
        # Up to the last day-level pattern: the patterns after it cannot take their place.
        last_day = max(i for i, (kind, _) in enumerate(self.patterns) if kind in _DAY_KINDS)
        self.day_patterns = self.patterns[: last_day + 1]
        self.period_re = re.compile(
            rf"{b}(?:{_alt(data.period_words)})\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
        )
        self.future_re = re.compile(rf"^\s*(?:{_alt(data.future)}){e}", re.IGNORECASE)
        self.period_before = re.compile(rf"{b}(?:{_alt(data.period_words)})\s*$", re.IGNORECASE)
        self.future_before = re.compile(rf"{b}(?:{_alt(data.future)})\s*$", re.IGNORECASE)

    def find(self, text: str, patterns: list | None = None) -> list[_Found]:
        """Time expressions in text order; where two overlap, the earlier-listed kind."""
        taken: list[_Found] = []
        for kind, pattern in patterns or self.patterns:
            for m in pattern.finditer(text):
                if any(m.start() < f.end and f.start < m.end() for f in taken):
                    continue
                found = self._found(kind, m)
                if found is not None:
                    taken.append(found)
        return sorted(taken, key=lambda f: f.start)

    def find_days(self, text: str) -> list[_Found]:
        """The day-level expressions that `find` gives, at about half the cost: a match
        loses an overlap only to the patterns before its own, and theirs come first."""
        return [f for f in self.find(text, self.day_patterns) if f.kind in _DAY_KINDS]

    def _found(self, kind: str, m: re.Match) -> _Found | None:
        g = m.groupdict()
        if g.get("iy"):
            return _Found(m.start(), m.end(), kind, m.group(), None,
                          int(g["imon"]), int(g["iday"]), int(g["iy"]))  # fmt: skip
        month = self.month_of.get(_norm(g.get("mo"))) or (int(g["mon"]) if g.get("mon") else None)
        if month is not None and not 1 <= month <= 12:
            return None
        weekday = self.weekday_of.get(_norm(g.get("wd")))
        day = int(g["day"]) if g.get("day") else None
        if day is not None and not 1 <= day <= 31:
            return None
        year = int(g["year"]) if g.get("year") else None
        offset = 0
        if g.get("rel"):
            offset = self.relative_days[_norm(g["rel"])]
        elif g.get("relm"):
            offset = self.relative_months[_norm(g["relm"])]
        text = m.group()
        if kind == "weekday_day":  # dateparser reads the date without the weekday
            text = text[m.end("wd") - m.start() :].lstrip(" ,")
        return _Found(m.start(), m.end(), kind, text, weekday, month, day, year, offset)

    def period(self, sentence: str, dates: list[_Found]) -> str | None:
        """The first year after a period word that is not part of a date."""
        for m in self.period_re.finditer(sentence):
            if not any(f.start < m.end() and m.start() < f.end for f in dates):
                return m.group("year")
        return None

    def is_period(self, sentence: str, found: _Found) -> bool:
        """'rose 12 percent in March': a month after a period word is what the figure is
        about, not when the claim was made."""
        if found.kind != "month":
            return False
        return bool(self.period_before.search(sentence[max(0, found.start - 20) : found.start]))

    def is_future(self, sentence: str, found: _Found) -> bool:
        """'vào tháng 12 tới', 'next month': a deadline, not when the claim was made."""
        after = sentence[found.end : found.end + 20]
        before = sentence[max(0, found.start - 20) : found.start]
        return bool(self.future_re.match(after) or self.future_before.search(before))


def _capitalised(words: dict[str, int]) -> str:
    """Case-sensitive alternation of the capitalised forms."""
    forms = sorted({w[:1].upper() + w[1:] for w in words}, key=len, reverse=True)
    return "(?-i:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms) + ")"


def _norm(word: str | None) -> str:
    return " ".join(word.casefold().split()) if word else ""


@cache
def _matcher(lang: str) -> _Matcher:
    return _Matcher(lang)
