"""Claim dates and periods.

Time expressions are found by fast per-language matchers built from the `[dates]`
section of the language files (weekdays, months, day and month words, relative
phrases), which also read their day, month and year (dateparser on whole sentences
reads 'die', 'we', 'may' or '28,5' as dates, and on the matched spans costs some 20 ms a
call for the same answer; it reads the article's date lines in `pipeline.frame`). A
year-less date takes the article's year, never the machine's clock; without any article
date, a weekday with a day and a month ('am Montag, den 24. Februar') fixes the year: the
most recent year, not after today, in which that day is that weekday. A bare month ('im
Februar', 'last month'), a quarter, a year after 'by', 'in', 'bis', 'vào năm' ..., a
range of days or a deadline is the period a figure is about, kept apart from the date
the claim was made. The article's own dates (its `Frame`) are read in `pipeline.frame`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.errors import LanguageDataError
from pipeline.lang import load_lang
from pipeline.wordtrie import alternation

_MONTH_KINDS = ("month", "relative_month")  # a day-level expression is preferred to these
_DAY_KINDS = ("day", "weekday_day")
_DAY_LEVEL = (*_DAY_KINDS, "weekday", "relative_day")
YEARS_BACK = 40  # how far back a weekday may fix the year
FUTURE_VERB_CHARS = 40  # how far before a weekday a future auxiliary puts it ahead
YEAR_TURN = 9  # a year-less month this far after the article's is of the year before
# Texts whose time expressions a matcher keeps (`_Matcher.find`): about one article's
# searches. Its repeats come within a few searches; a larger memo would also catch the
# paragraphs that a benchmark corpus made by recombining articles repeats across them.
FOUND_MEMO = 16


class ClaimDate(NamedTuple):
    date: dt.date | None
    precision: str | None  # "day" | "month" | "year"
    period: str | None  # the period the figure refers to ("2030", "2024-02"), kept apart
    cued: bool = False  # the date comes from a time cue in the text, not from the frame


class Frame(NamedTuple):
    """An article's own dates, which a figure without a time cue of its own falls back on.

    `published` (with its precision) dates the article's own voice; `base` is the day its
    relative words count from (a wire dateline's day, else the publication day, else the
    article's first fully dated expression); `event` is the day of the lead's news, which
    an attributed figure without a time cue of its own takes. Offsets are into the
    article's text."""

    published: dt.date | None
    precision: str | None
    base: dt.date | None
    event: dt.date | None = None
    dateline_end: int = 0  # where a wire dateline ends: its date is no time cue of a claim

    @property
    def fallback(self) -> ClaimDate:
        """The date of a figure with no time cue in the article's own voice."""
        if self.published is not None:
            return ClaimDate(self.published, self.precision or "day", None)
        return ClaimDate(self.base, "day" if self.base else None, None)


@dataclass(frozen=True)
class Found:
    """A time expression in a text, with what it says."""

    start: int
    end: int
    kind: str  # "day", "weekday_day", "weekday", "month", "relative_day", "relative_month"
    text: str
    weekday: int | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    offset: int = 0
    qualified: bool = False  # 'mid-', 'end of', 'в конце' before a month: a point in time


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
    today = today or dt.date.today()
    base = published or (reference_date(article_text, lang, today) if article_text else None)
    frame = Frame(published, "day" if published else None, base)
    own = sentence_date(sentence, frame, lang, today)
    return own if own.cued else frame.fallback._replace(period=own.period)


def sentence_date(
    sentence: str,
    frame: Frame,
    lang: str,
    today: dt.date | None = None,
    period: bool = True,
    at: int | None = None,
) -> ClaimDate:
    """The date a time cue in `sentence` gives the claim (date None without one) and
    the period its figures are about (None without `period`: a statement's is never
    used). A bare month ('im Februar', 'el pasado mes de enero', 'last month') is the
    month of the data, a period; a month with 'mid', 'end of', 'в конце' is a point in
    time, a claim date. With `at` (a figure's offset in the sentence), a cue in another
    clause than the figure's is not taken."""
    try:
        matcher = _matcher(lang)
    except LanguageDataError:
        return ClaimDate(None, None, None)
    today = today or dt.date.today()
    base = frame.base
    dates = matcher.find(sentence)
    period_of = matcher.period(sentence, dates, base) if period else None
    for found in sorted(dates, key=lambda f: (f.kind in _MONTH_KINDS, f.start)):
        if found.kind in _MONTH_KINDS and not found.qualified:
            continue
        if matcher.is_future(sentence, found) or matcher.is_period(sentence, found):
            continue
        if at is not None and matcher.across_clause(sentence, found, at):
            continue
        resolved = _resolve(found, base, today)
        if resolved is not None and (base is None or resolved[0] <= base):
            return ClaimDate(resolved[0], resolved[1], period_of, cued=True)
    return ClaimDate(None, None, period_of)


def date_of_claim(
    own: ClaimDate, frame: Frame, statement: ClaimDate | None, attributed: bool
) -> ClaimDate:
    """A figure's claim date: its sentence's own time cue, else its statement's (a
    statement's date applies to every figure in it), else, when attributed, the day of
    the lead's news; else the article's publication date (the article's own voice)."""
    if own.cued:
        return own
    if statement is not None and statement.cued:
        return statement._replace(period=own.period)
    if attributed and frame.event is not None:
        return ClaimDate(frame.event, "day", own.period)
    return frame.fallback._replace(period=own.period)


def has_second_clause(text: str, lang: str) -> bool:
    """`text` opens a second clause after a comma ('..., where', '..., na qual'): a time
    cue may then lie in another clause than a figure."""
    try:
        return _matcher(lang).clause_re.search(text) is not None
    except LanguageDataError:
        return False


def find_dates(text: str, lang: str) -> list[Found]:
    """The time expressions in `text`, in text order (none for a language without data)."""
    try:
        return _matcher(lang).find(text)
    except LanguageDataError:
        return []


def resolve_day(text: str, lang: str, base: dt.date, today: dt.date) -> dt.date | None:
    """The day of the first day-level time cue in `text` ('on Thursday', 'yesterday',
    'July 19') that is not a deadline or a period, if it is not after `base`."""
    try:
        matcher = _matcher(lang)
    except LanguageDataError:
        return None
    for found in matcher.find(text):
        if found.kind not in _DAY_LEVEL:
            continue
        if matcher.is_future(text, found) or matcher.is_period(text, found):
            continue
        resolved = _resolve(found, base, today)
        if resolved is not None and resolved[0] <= base:
            return resolved[0]
    return None


@lru_cache(maxsize=256)
def reference_date(text: str, lang: str, today: dt.date) -> dt.date | None:
    """The article's first fully dated expression: an ISO date, a day with month and
    year, or a weekday with day and month (which fixes the year). A day that opens or
    closes the period of the data ('từ ngày 29/01/2024 đến ngày 02/02/2024', 'since
    March 3, 2025') is no day the article was written."""
    try:
        matcher = _matcher(lang)
    except LanguageDataError:
        return None
    for found in matcher.find_days(text):
        if matcher.is_period(text, found):
            continue
        if found.year or found.weekday is not None:
            resolved = _resolve(found, None, today)
            if resolved is not None:
                return resolved[0]
    return None


def _resolve(found: Found, base: dt.date | None, today: dt.date) -> tuple[dt.date, str] | None:
    """The date and precision `found` names, read against the base date."""
    if found.kind in ("day", "weekday_day"):
        if found.month is None:  # a weekday and a day of the month alone
            day = _day_of_month(found.day, base) if base else None
            return (day, "day") if day else None
        if found.year is None:
            if base is not None:
                day = _in_article_year(found.month, found.day, base)
            elif found.weekday is not None:
                day = _year_from_weekday(found.month, found.day, found.weekday, today)
            else:  # no year and no article date: the machine's clock would be a guess
                day = None
            return (day, "day") if day else None
        # The matcher has read day, month and year from the language's words: dateparser
        # would give the same date from the span at some 20 ms a call.
        day = _safe_date(found.year, found.month, found.day)
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
        return dt.date(found.year or _past_year(found.month, base), found.month, 1), "month"
    return None


def _day_of_month(day: int | None, base: dt.date) -> dt.date | None:
    """The latest date with this day of the month, not after the base date."""
    months = base.year * 12 + base.month - 1 - (day is not None and day > base.day)
    return _safe_date(months // 12, months % 12 + 1, day) if day else None


def _past_year(month: int, base: dt.date) -> int:
    """The year of the most recent such month, up to the base date's."""
    return base.year if month <= base.month else base.year - 1


def _in_article_year(month: int | None, day: int | None, base: dt.date) -> dt.date | None:
    """A year-less day in the article's year; a day of November or December named in
    an article of January or February is the year before ('on December 30')."""
    if month is None or day is None:
        return None
    year = base.year - 1 if month - base.month >= YEAR_TURN else base.year
    return _safe_date(year, month, day)


def _range(first: Found, until: str | None, label: str) -> str:
    """'2024-01/2024-10': a range of months; the first takes the year of the last (or the
    year before, when it comes later in the year) unless it has its own."""
    if until is None:
        return label
    end_year, end_month = int(until[:4]), int(until[5:7])
    year = first.year or (end_year if first.month <= end_month else end_year - 1)
    return f"{year:04d}-{first.month:02d}/{until}"


def _month_year(month: int | None, base: dt.date | None, future: bool) -> int | None:
    """The year of a year-less month: the most recent one, or the next one for a deadline."""
    if month is None or base is None:
        return None
    if future:
        return base.year if month >= base.month else base.year + 1
    return _past_year(month, base)


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


# ---------------------------------------------------------------- matchers


_RANGE_AFTER = re.compile(r"\s*[-–—]\s*\d")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NEVER = r"(?!x)x"  # the alternation of no words


def _alt(words: list[str]) -> str:
    """The casefolded words as one alternation (`pipeline.wordtrie`), a space in them
    standing for any run of whitespace; a longer word is preferred to a shorter one."""
    words = sorted({w.casefold() for w in words if w}, key=len, reverse=True)
    return alternation(words) or _NEVER


class _Matcher:
    def __init__(self, lang: str) -> None:
        data = load_lang(lang).dates
        self.date_order = data.date_order
        # 'Dienstagabend', 'dinsdagavond': a weekday with a part of the day in one word
        self.weekday_of = {
            form: i
            for i, forms in enumerate(data.weekdays)
            for w in forms
            for form in (w.casefold(), *(w.casefold() + x for x in data.weekday_suffixes))
        }
        months = {w.casefold(): i + 1 for i, forms in enumerate(data.months) for w in forms}
        # short months count only beside a day number: 'dic.' and 'dic' in '5 dic 2025'
        short_of = {
            form: i + 1
            for i, forms in enumerate(data.month_abbreviations)
            for w in forms
            for form in (w.casefold(), w.casefold().rstrip("."))
        }
        self.month_of = {**short_of, **months}
        self.relative_days = {k.casefold(): v for k, v in data.relative_days.items()}
        self.relative_months = {k.casefold(): v for k, v in data.relative_months.items()}
        wd, mo, mo_day = _alt(list(self.weekday_of)), _alt(list(months)), _alt(list(self.month_of))
        if data.capitalised:  # 'May' is a month, 'may' is not
            wd, mo = _capitalised(self.weekday_of), _capitalised(months)
            mo_day = _capitalised(self.month_of)
        day = r"(?P<day>[0-3]?\d)(?![,.]\d)(?:\.|st|nd|rd|th|er|º)?"
        yy = r"(?P<year>(?:19|20)\d\d)"
        link = rf"(?:(?:{_alt(data.links)})\s+)?"
        year = rf"(?:,?\s*{link}{yy})?"
        dw, mw = _alt(data.day_words), _alt(data.month_words)
        b, e = r"(?<!\w)", r"(?!\w)"
        wd_day = rf"{b}(?P<wd>{wd}){e},?\s+"
        numeric = r"(?P<day>[0-3]?\d)\s*[/.-]\s*(?P<mon>[01]?\d)"
        rel, relm = _alt(list(self.relative_days)), _alt(list(self.relative_months))
        days_ago, days_ago_words = self._days_ago(data.days_ago, load_lang(lang).numbers.words)
        # (kind, pattern, the word alternation it cannot match without)
        patterns = [
            (
                "weekday_day",
                rf"{wd_day}(?:\w{{1,4}}\s+)?{day}\s+{link}(?P<mo>{mo_day}){e}{year}",
                wd,
            ),
            ("weekday_day", rf"{wd_day}(?P<mo>{mo_day})\s+{day}{e}{year}", wd),
            # 'el martes 4,', 'mardi 4.', Brazil's 'nesta quinta-feira (19)': the month is
            # the article's; the day must end a phrase ('on Tuesday 3 people died' is no date)
            ("weekday_day", rf"{wd_day}(?:\w{{1,4}}\s+|\()?{day}(?=\s*[,.;:)]|\s*$)", wd),
            ("day", rf"{b}{day}\s+{link}(?P<mo>{mo_day}){e}{year}", mo_day),
            ("day", rf"{b}(?P<mo>{mo_day})\s+{day}{e}{year}", mo_day),
            ("day", rf"{b}(?:{dw})\s+{numeric}(?:\s*[/.-]\s*{yy})?(?!\d)", dw),
            (
                "day",
                rf"{b}(?:{dw})\s+(?P<day>[0-3]?\d)\s+(?:{mw})\s+(?P<mon>[01]?\d){year}(?!\d)",
                dw + mw,
            ),
            # '2.12.2025', '12/02/2025': a numeric day needs its year in running text
            # ('2.12' is a decimal); the order is the language's, a dotted one day first
            (
                "day",
                r"(?<![\w.,/-])(?P<n1>[0-3]?\d)(?P<sep>[/.-])(?P<n2>[0-3]?\d)(?P=sep)"
                r"(?P<ny>(?:19|20)\d\d)(?![\d.,/-]\d|\w)",
                "",
            ),
            # the digit test after '19'/'20', not before: a pattern that starts with
            # literals is searched for them alone, one that starts with a test at every
            # position (four times slower on an article)
            ("day", r"(?P<iy>(?:19|20)(?<!\d..)\d\d)-(?P<imon>\d\d)-(?P<iday>\d\d)(?!\d)", ""),
            (
                "month",
                rf"{b}(?:(?P<mid>{_alt(data.mid)})[\s-]*)?(?P<mo>{mo}){e}(?:\s+{link}{yy})?",
                mo,
            ),
            (
                "month",
                rf"{b}(?:(?P<mid>{_alt(data.mid)})\s+)?(?:{mw})\s+(?P<mon>[01]?\d)"
                rf"(?:(?:\s*[/-]\s*|,?\s*{link}){yy})?(?!\d)",
                mw,
            ),
            ("weekday", rf"{b}(?P<wd>{wd}){e}", wd),
            ("relative_day", rf"{b}(?P<rel>{rel}){e}", rel),
            ("relative_day", days_ago, days_ago_words),
            ("relative_month", rf"{b}(?P<relm>{relm}){e}", relm),
        ]
        # a pattern that needs a word of an empty list never matches, yet searching for
        # it costs as much as for any other: left out
        # A text without a weekday name cannot match the four patterns that open with
        # one, nor one without a month name the three around one: a search for the name
        # alone rules them out at the cost of one of them (the wanted word is a part of
        # each of their matches, so no match is lost).
        gates = {
            wd: re.compile(rf"{b}(?:{wd}){e}", re.IGNORECASE),
            mo: re.compile(rf"(?:{mo}){e}", re.IGNORECASE),
            mo_day: re.compile(rf"(?:{mo_day}){e}", re.IGNORECASE),
            days_ago_words: re.compile(days_ago_words, re.IGNORECASE),
        }
        self.patterns = [
            (kind, re.compile(p, re.IGNORECASE), gates.get(needs))
            for kind, p, needs in patterns
            if _NEVER not in needs
        ]
        # Four claim sentences in five hold no time expression. A pattern that needs a
        # word of these lists cannot match a text without one: one search for any of
        # them (one trie, `_alt`; an alternation of their alternations would cost as much
        # as the patterns) rules all those patterns out at about the cost of one. The
        # patterns that need no listed word (an ISO date) are tried all the same.
        listed = (wd, mo, mo_day, dw, mw, rel, relm, dw + mw)  # the `needs` the trie covers
        cues = [*self.weekday_of, *self.month_of, *self.relative_days, *self.relative_months]
        self.any_cue = re.compile(_alt(cues + data.day_words + data.month_words), re.IGNORECASE)
        needs_of = [needs for *_, needs in patterns if _NEVER not in needs]
        self.uncued = [
            p for p, needs in zip(self.patterns, needs_of, strict=True) if needs not in listed
        ]
        # Up to the last day-level pattern: the patterns after it cannot take their place.
        last_day = max(i for i, (kind, *_) in enumerate(self.patterns) if kind in _DAY_KINDS)
        self.day_patterns = self.patterns[: last_day + 1]
        self.period_re = re.compile(
            rf"{b}(?:{_alt(data.period_words)})\s+(?P<year>(?:19|20)\d\d)(?!\d)", re.IGNORECASE
        )
        self.future_re = re.compile(rf"^\s*(?:{_alt(data.future)}){e}", re.IGNORECASE)
        self.range_links = {_norm(w) for w in data.range_links}
        quarter_of = {w.casefold(): i + 1 for i, forms in enumerate(data.quarters) for w in forms}
        self.quarter_of = quarter_of
        self.quarter_re = re.compile(
            rf"{b}(?P<q>{_alt(list(quarter_of))}){e}(?:\s*(?:/|{_alt(data.links)})?\s*{yy})?",
            re.IGNORECASE,
        )
        # ', where', '; na qual', ' — в котором': a clause opened after a comma
        openers = _alt(data.clause_openers)
        self.clause_re = re.compile(rf"[,;–—]\s*(?:{openers}){e}", re.IGNORECASE)
        self.period_before = re.compile(rf"{b}(?:{_alt(data.period_words)})\s*$", re.IGNORECASE)
        self.day_period_before = re.compile(
            rf"{b}(?:{_alt(data.day_period_words)})\s*$", re.IGNORECASE
        )
        self.future_verb_re = re.compile(
            rf"{b}(?:{_alt(data.future_verbs)}){e}[^,.;:!?]*$", re.IGNORECASE
        )
        self.future_before = re.compile(rf"{b}(?:{_alt(data.future)})\s*$", re.IGNORECASE)
        self._found_in: dict[tuple[str, int | None], list[Found]] = {}  # see `find`

    def _days_ago(self, phrases: list[str], number_words: dict[str, float]) -> tuple[str, str]:
        """'two days ago', 'vor 3 Tagen', 'hace dos días': one pattern for the language's
        phrases, the count in digits or number words (2 to 31: 'a day ago' is
        'yesterday', longer is background); and the words after the count, which a
        text must hold for the pattern to be searched (it opens with a test at every
        position)."""
        self.day_count_of = {
            w.casefold(): int(v) for w, v in number_words.items() if v == int(v) and 2 <= v <= 31
        }
        forms = [re.escape(p).replace(r"\{n\}", "{n}").replace(r"\ ", r"\s+") for p in phrases]
        if not forms:
            return _NEVER, _NEVER
        count = rf"(?P<ago>\d{{1,2}}|{_alt(list(self.day_count_of))})"
        # one group for the count, so each phrase splits at it: before it, after it
        heads = sorted({f.split("{n}")[0] for f in forms}, key=len, reverse=True)
        tails = "|".join(sorted({f.split("{n}")[1] for f in forms}, key=len, reverse=True))
        return rf"(?<!\w)(?:{'|'.join(heads)}){count}(?:{tails})(?!\w)", f"(?:{tails})"

    def find(self, text: str, patterns: list | None = None) -> list[Found]:
        """Time expressions in text order; where two overlap, the earlier-listed kind.

        What the last few texts gave is kept (`Found` is immutable): a claim's sentence
        is searched again for each figure in it that needs its clause (`sentence_date`
        with `at`), and one in thirteen searches of an article repeats a text."""
        key = (text, None if patterns is None else id(patterns))  # lists of this matcher
        found = self._found_in.get(key)
        if found is None:
            if len(self._found_in) >= FOUND_MEMO:
                self._found_in.clear()
            found = self._found_in[key] = self._find(text, patterns)
        return list(found)  # the caller's own list

    def _find(self, text: str, patterns: list | None) -> list[Found]:
        if patterns is None:
            # most texts hold no listed time word: one search rules out every pattern
            # that needs one (`any_cue`)
            patterns = self.patterns if self.any_cue.search(text) else self.uncued
        taken: list[Found] = []
        opened: dict[re.Pattern, bool] = {}  # gate -> whether the text has its word
        for kind, pattern, gate in patterns:
            if gate is not None:
                if gate not in opened:
                    opened[gate] = gate.search(text) is not None
                if not opened[gate]:
                    continue
            for m in pattern.finditer(text):
                if any(m.start() < f.end and f.start < m.end() for f in taken):
                    continue
                found = self._found(kind, m)
                if found is not None:
                    taken.append(found)
        return sorted(taken, key=lambda f: f.start)

    def find_days(self, text: str) -> list[Found]:
        """The day-level expressions that `find` gives, at about half the cost: a match
        loses an overlap only to the patterns before its own, and theirs come first."""
        return [f for f in self.find(text, self.day_patterns) if f.kind in _DAY_KINDS]

    def _found(self, kind: str, m: re.Match) -> Found | None:
        g = m.groupdict()
        if g.get("n1"):
            day, month = day_month(int(g["n1"]), int(g["n2"]), g["sep"], self.date_order)
            if _safe_date(int(g["ny"]), month, day) is None:
                return None
            return Found(m.start(), m.end(), kind, m.group(), None, month, day, int(g["ny"]))
        if g.get("iy"):
            return Found(m.start(), m.end(), kind, m.group(), None,
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
        elif g.get("ago"):
            n = g["ago"]
            offset = -(int(n) if n.isdigit() else self.day_count_of[_norm(n)])
        elif g.get("relm"):
            offset = self.relative_months[_norm(g["relm"])]
        text = m.group()
        if kind == "weekday_day":  # dateparser reads the date without the weekday
            text = text[m.end("wd") - m.start() :].lstrip(" ,")
        qualified = bool(g.get("mid"))
        return Found(m.start(), m.end(), kind, text, weekday, month, day, year, offset, qualified)

    def period(self, sentence: str, dates: list[Found], base: dt.date | None) -> str | None:
        """The first period the sentence's figures are about: a year after a period word
        that is not part of a date ('2030'), a month of the data or a deadline month
        ('2025-02'), a day after a period word or a future word ('2025-03-31')."""
        found: list[tuple[int, str]] = []
        # period_re needs a year: a search for one alone (its digits lead it: re skips to
        # them) spares most sentences the search for a period word at every position
        has_year = _YEAR.search(sentence) is not None
        for m in self.period_re.finditer(sentence) if has_year else ():
            if not any(f.start < m.end() and m.start() < f.end for f in dates):
                found.append((m.start(), m.group("year")))
                break
        quarter = self.quarter_re.search(sentence) if self.quarter_of else None
        if quarter is not None:
            found.append((quarter.start(), self._quarter_label(quarter, base)))
        for i, f in enumerate(dates):
            label = self._period_of(sentence, f, base)
            if label is not None:
                until = self._range_end(sentence, dates[i + 1 :], f, base)
                found.append((f.start, _range(f, until, label)))
                break
        found = [(start, label) for start, label in found if label]
        return min(found)[1] if found else None

    def _range_end(
        self, sentence: str, after: list[Found], first: Found, base: dt.date | None
    ) -> str | None:
        """'enero y octubre', 'Januar bis März', 'luglio-settembre': the month that closes
        a range of months opened by `first`, as 'YYYY-MM'."""
        if first.kind != "month" or not after or after[0].kind != "month":
            return None
        gap = _norm(sentence[first.end : after[0].start].strip(" -–—/"))
        if gap and gap not in self.range_links:
            return None
        end = after[0]
        year = end.year or _month_year(end.month, base, self.is_future(sentence, end))
        return f"{year:04d}-{end.month:02d}" if year else None

    def _quarter_label(self, m: re.Match, base: dt.date | None) -> str | None:
        """'2024-Q1': the quarter's year as written, else the latest such quarter."""
        quarter = self.quarter_of[_norm(m["q"])]
        year = int(m["year"]) if m["year"] else None
        if year is None and base is not None:
            year = base.year if (quarter - 1) * 3 + 1 <= base.month else base.year - 1
        return f"{year}-Q{quarter}" if year else None

    def _period_of(self, sentence: str, found: Found, base: dt.date | None) -> str | None:
        future = self.is_future(sentence, found)
        if found.kind == "relative_month":
            if base is None:
                return None
            months = base.year * 12 + base.month - 1 + found.offset
            return f"{months // 12:04d}-{months % 12 + 1:02d}"
        if found.kind == "month":
            if found.qualified and not future:
                return None  # a point in time: a claim date, or no date at all
            year = found.year or _month_year(found.month, base, future)
            return f"{year:04d}-{found.month:02d}" if year else None
        if found.kind == "day" and (future or self.is_period(sentence, found)):
            year = found.year or _month_year(found.month, base, future)
            day = _safe_date(year, found.month, found.day) if year and found.month else None
            return day.isoformat() if day else None
        return None

    def is_period(self, sentence: str, found: Found) -> bool:
        """'rose 12 percent in March': a month after a period word is what the figure is
        about, not when the claim was made; so is a day that opens a range."""
        if found.kind == "day":
            return self.is_range(sentence, found) or self.is_day_period(sentence, found)
        if found.kind != "month":
            return False
        return bool(self.period_before.search(sentence[max(0, found.start - 20) : found.start]))

    def is_day_period(self, sentence: str, found: Found) -> bool:
        """'since January 1', 'desde el 1 de enero', 'с 1 января': a day that opens or
        closes the period of the data."""
        before = sentence[max(0, found.start - 25) : found.start]
        return bool(self.day_period_before.search(before))

    def across_clause(self, sentence: str, found: Found, at: int) -> bool:
        """A clause opens between the time cue and the figure at `at`."""
        between = sentence[found.end : at] if found.end <= at else sentence[at : found.start]
        return self.clause_re.search(between) is not None

    @staticmethod
    def is_range(sentence: str, found: Found) -> bool:
        """'15/12/2024-15/9/2025', '3 – 7 March': a day followed by a dash and a number
        opens a range of days, the period of the data."""
        return bool(_RANGE_AFTER.match(sentence, found.end))

    def is_future(self, sentence: str, found: Found) -> bool:
        """'vào tháng 12 tới', 'next month': a deadline, not when the claim was made."""
        after = sentence[found.end : found.end + 20]
        before = sentence[max(0, found.start - 20) : found.start]
        if self.future_re.match(after) or self.future_before.search(before):
            return True
        # 'the board will vote on Thursday': a weekday after a future auxiliary, with no
        # punctuation between, is ahead of the article
        if found.kind == "weekday":
            window = sentence[max(0, found.start - FUTURE_VERB_CHARS) : found.start]
            return bool(self.future_verb_re.search(window))
        return False


def day_month(first: int, second: int, sep: str, order: str) -> tuple[int, int]:
    """The day and month of a numeric date, in the language's order; but a dotted date is
    day first even in American English (which writes its month first with slashes), and
    in a month-first language a first number over 12 is the day (a British '21/11/2025').
    A day-first language reads no month-first date: '11/21/25' there is no date."""
    if order.startswith("M") and sep != "." and first <= 12:
        return second, first
    return first, second


def _capitalised(words: dict[str, int]) -> str:
    """Case-sensitive alternation of the capitalised forms."""
    forms = sorted({w[:1].upper() + w[1:] for w in words}, key=len, reverse=True)
    return "(?-i:" + alternation(forms, ignorecase=False) + ")"  # a trie, as `_alt`'s


def _norm(word: str | None) -> str:
    return " ".join(word.casefold().split()) if word else ""


@cache
def _matcher(lang: str) -> _Matcher:
    return _Matcher(lang)
