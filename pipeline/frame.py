"""The article's frame: the dates it carries about itself.

The publication date comes from a sidecar or front matter value, else from a date line
in the article's head ('Publicado: marzo 3, 2024, 9:05 am', 'Thứ Hai, 24/02/2025
10:15', '10:37 - 03/09/14 por Agência Brasil'), one under a publication label first,
else from a wire dateline that opens a paragraph with a year (which also wins over an
unlabelled head date weeks later: a site's date of today). A wire dateline
('WASHINGTON, March 3 (Reuters) -', 'Москва. 25 декабря. INTERFAX.RU -', 'MADRID, 10
(EUROPA PRESS)') also gives the day the story's 'yesterday' counts from, and the lead's
first day-level time cue the day of its news.

Candidate lines are found by their shape (a short line that is a date plus at most a
label, a time, a weekday and a byline); the date in them is read by dateparser, which
knows the month names and numeric orders of all our languages. `ArticleDates` dates one
article's figures against this frame.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import NamedTuple

from pipeline.dates import (
    ClaimDate,
    Frame,
    date_of_claim,
    day_month,
    find_dates,
    has_second_clause,
    reference_date,
    resolve_day,
    sentence_date,
)
from pipeline.errors import LanguageDataError
from pipeline.lang import load_lang, supported_languages
from pipeline.wordtrie import alternation
from schemas.lang import DateData
from schemas.records import MAX_DATE, MIN_DATE, Article, Statement

HEAD_LINES = 12  # a date line sits among the first lines (headline, byline, teaser)
HEAD_CHARS = 3000
MAX_DATE_LINE = 90  # characters: longer lines are prose that mentions a date
LEAD_CHARS = 1200  # the lead's news is dated in the first paragraphs
EVENT_DAYS = 7  # a lead's news is this recent; an older day is background
WIRE_DATE_CHARS = 30
MAX_BYLINE_NAME = 4  # words of a name in a byline before a date ('Por Agência Brasil')
MAX_STATEMENT = 3000  # characters of a statement searched for its time cue

# A leading ISO date after one word ('date 2025-02-26 The Kremlin ...'), on a line of any length.
_LEADING_ISO = re.compile(r"\W{0,3}[^\W\d_]{2,15}\s*:?\s*(\d{4}-\d{2}-\d{2})\b")
# "Published:", "Publicat:", "Date :", "Autor/Data:": up to three words before a colon;
# no digits, so the colon of a clock time ('Ngày 05/12/2025 08:00') ends no label.
_LABEL = re.compile(r"^[^\W\d_](?:[^\W\d]|[./ ]){0,30}?\s*:\s*")
# The time of an ISO timestamp, with its zone: '2025-12-05T14:32:00Z', 'T09:05+01:00'.
_ISO_TIME = re.compile(r"(?<=\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?(?!\w)")
# One word before an ISO date, as its label: 'date 2025-12-05', 'Datum 2025-12-05'.
_WORD_BEFORE_ISO = re.compile(r"^[^\W\d_]{2,15}\s+(?=\d{4}-\d\d-\d\d(?!\d))")
# A weekday written short before the day: 'Fri 5 Dec 2025', 'vr 5 dec', 'ven. 5 déc.',
# 'Пт, 5 декабря': any short word there (the date that follows must still be whole).
_SHORT_WEEKDAY = re.compile(r"^[^\W\d_]{2,4}\.?,?\s+(?=\d)")
# A clock time: 10:37, 9:05 am, 16h30, 00:00:00, and after a date '14.32' (the Guardian's).
_TIME = re.compile(
    r"(?<!\d)[0-2]?\d[:h][0-5]\d(?::[0-5]\d)?(?:\s*[ap]\.?m\.?)?(?!\w)"
    r"|(?<=\d\d\d\d\s)[0-2]?\d\.[0-5]\d(?![\d.])",
    re.IGNORECASE,
)
# Time zones a date line may name: 'UTC', 'GMT+7', '(GMT+07:00)', 'CET', 'ET'.
_ZONE = re.compile(
    r"\(?(?<!\w)(?:UTC|GMT|CET|CEST|MSK|ICT|EST|EDT|ET|PST|PDT|PT|BST)"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?!\w)\)?"
    r"|(?<![\w+-])[+-](?:0\d|1[0-4]):?[0-5]\d(?!\d)"  # RFC 2822's '+0000', '-05:00'
)
# A middle dot also parts a print page's head without spaces ('ZEITUNG MITTWOCH, 28. AUGUST
# 2019·NR. 199·SEITE 23'): between two words it is no decimal mark, unlike a dot.
_PARTS = re.compile(r"\s[|•·]\s|(?<=\w)·(?=\w)")
# A web address on a date line: a print page's head names its site ('... DE 2020 www.x.com').
_WEB = re.compile(r"(?<!\S)(?:https?://|www\.)\S+", re.IGNORECASE)
# Where a line that is no date line as a whole may still hold one: 'Publié le 05/12/2025
# à 14h32, modifié le 06/12/2025', 'Madrid - 05 dic 2025 - 14:32'.
_CLAUSES = re.compile(r"[,;]\s+|\s[-–—]\s")
_SEPARATORS = " \t,;|·•-–—/()[]"
_NUMERIC = re.compile(r"^(\d{1,4})\s*([./-])\s*(\d{1,2})(?:\s*\2\s*(\d{2,4}))?$")
_WIRE = re.compile(
    # an agency may come first: '(ANSA) - ROMA, 05 DIC -'
    r"(?:\([^\W\d_][^()\n]{0,20}\)\s*[-–—]\s*)?"
    r"\W{0,2}(?P<place>[^\W\d_][^\W\d_ '’.-]*(?:[ '’.-]{1,2}[^\W\d_]+){0,3})\s*[,.]\s+"
    # the date holds a digit before its end: the dot of 'Dec. 5' ends no dateline
    rf"(?P<date>[^\n()\d]{{0,{WIRE_DATE_CHARS}}}?\d[^\n()]{{0,{WIRE_DATE_CHARS}}}?)"
    # a dot after a day ends the date only before a sign ('December 5. /TASS/'), not
    # before a word ('5. Dezember')
    r"\s*(?:\(|(?<!\b\d)(?<!\b\d\d)[.:]\s|\.\s+(?=[^\w\s])|\s[-–—]\s)"
)


class Dated(NamedTuple):
    date: dt.date
    precision: str  # "day" | "month" | "year"


def publication_date(
    text: str, lang: str, declared: str | None = None
) -> tuple[Dated | None, str | None]:
    """The article's publication date with its precision, and a note saying why a date
    it carries was not taken (impossible or out of range), if one was not."""
    note = None
    if declared:
        found = declared_date(declared) or read_date(declared.strip()[:MAX_DATE_LINE], lang)
        if found is not None and MIN_DATE <= found.date <= MAX_DATE:
            return found, None
        note = f"declared publication date {declared[:40]!r} is not a usable date: ignored"
    leading = _LEADING_ISO.match(text)
    found = declared_date(leading[1]) if leading else None
    line_note, labelled = None, leading is not None
    if found is None:
        found, line_note, labelled = head_date(text, lang)
    if found is None or not labelled:
        # A dateline with its year ('Duisburg, 27. Oktober 2023.') is the day the story
        # was written: it dates an article without a date line, and one whose unlabelled
        # head date is weeks later (a site's date of today above the headline, an update).
        wire = wire_dateline(text, lang)
        day = _safe(wire.year, wire.month, wire.day) if wire and wire.year and wire.month else None
        if day and (found is None or (found.date - day).days > EVENT_DAYS):
            found = Dated(day, "day")
    if found is not None and not MIN_DATE <= found.date <= MAX_DATE:
        return None, f"publication date {found.date} outside {MIN_DATE}..{MAX_DATE}: ignored"
    return found, note or (line_note if found is None else None)


def declared_date(value: str) -> Dated | None:
    """A sidecar's or front matter's date: ISO 8601 to the day, month or year, maybe
    with a time ('2025-03-12T10:00:00Z', '2025-05', '2025')."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?![\d/.])", value)
    if m is None:
        return None
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return Dated(date, "day" if m[3] else "month" if m[2] else "year")


def head_date(text: str, lang: str) -> tuple[Dated | None, str | None, bool]:
    """The first date line among the article's first lines, and a note if a line that
    looks like one holds no real date ('31/02/2025'). A line of a later update
    ('Updated: ...') gives way to a publication line below it, and a date without a
    label to one under a publication label, on its line or alone on the line before
    ('Datum uitspraak / 27 maart 2025 / Publicatiedatum / 26 maart 2025'). Also whether
    a publication label gave it."""
    note = None
    first: Dated | None = None
    updated: Dated | None = None
    after_label = False
    for line in text[:HEAD_CHARS].split("\n")[:HEAD_LINES]:
        labelled, after_label = after_label, _is_label_alone(line, lang)
        # 'By Ann Lee | March 3, 2024 | 5 min read': each part may be the date line
        for part in _PARTS.split(line) if _PARTS.search(line) else (line,):
            core, is_update = _line_core(part, lang)
            if core is None:
                continue
            found = read_date(core, lang)
            if found is None:
                note = note or f"date line {line.strip()[:60]!r} holds no real date: ignored"
            elif is_update:
                updated = updated or found
            elif labelled or _words(lang).label.match(part.strip()):
                return found, None, True
            else:
                first = first or found
    found = first or updated
    return found, None if found else note, False


def _is_label_alone(line: str, lang: str) -> bool:
    """The line is a publication label and nothing else ('Publicatiedatum', 'Published:')."""
    words = _words(lang)
    line = line.strip()
    label = words.label.match(line)
    return bool(label) and not line[label.end() :].strip(" :") and not _is_update(line, lang)


def _line_core(line: str, lang: str) -> tuple[str | None, bool]:
    """The date of a date line, or of the first clause of a short line that holds one
    ('Publié le 05/12/2025 à 14h32, modifié le 06/12/2025', '03.12.2025 12:05 Обновлено
    03.12.2025 14:00': an update's label opens a clause), a publication clause before
    an update's; and whether it is an update's. A byline may open the line ('Por
    Agência Brasil 05/12/2025 - 14:30')."""
    core = date_line_core(line, lang)
    if core is not None:
        return core, _is_update(line, lang)
    if len(line.strip()) > MAX_DATE_LINE:
        return None, False
    words = _words(lang)
    # each update's clause whole ('December 4, 2025 5:32 PM GMT Updated 3 hours ago'),
    # then its parts between commas and dashes
    segments = words.update_inside.split(line)
    clauses = [
        clause
        for segment in segments
        for clause in ([segment] if len(segments) > 1 else []) + _CLAUSES.split(segment)
    ]
    found: tuple[str | None, bool] = (None, False)
    for clause in clauses if len(clauses) > 1 else ():
        core = date_line_core(clause, lang)
        if core is not None:
            if not _is_update(clause, lang):
                return core, False
            found = found if found[0] else (core, True)
    if found[0] is None and words.byline_first.match(line.strip()):
        return _after_byline(line.strip(), lang)
    return found


def _after_byline(line: str, lang: str) -> tuple[str | None, bool]:
    """The date line after a byline that opens it: the byline word and one to
    MAX_BYLINE_NAME capitalised words of a name, the fewest that leave a date line
    ('By Jane Roe December 4, 2025' keeps its month)."""
    tokens = line.split()
    for taken in range(2, min(len(tokens), MAX_BYLINE_NAME + 1) + 1):
        if not tokens[taken - 1][:1].isupper():
            return None, False
        rest = " ".join(tokens[taken:])
        if rest:
            core, is_update = _line_core(rest, lang)
            if core is not None:
                return core, is_update
    return None, False


def _is_update(line: str, lang: str) -> bool:
    return _words(lang).updated.match(line.strip()) is not None


def date_line_core(line: str, lang: str) -> str | None:
    """The date part of a line that is a date line, else None: the line less its label
    ('Publié le', 'Published:'), time, weekday and byline ('por Agência Brasil')."""
    line = line.strip()
    if not 6 <= len(line) <= MAX_DATE_LINE or not any(ch.isdigit() for ch in line):
        return None
    words = _words(lang)
    rest = _LABEL.sub("", _WEB.sub(" ", line).strip(), count=1)
    rest = words.label.sub("", rest, count=1)
    rest = _WORD_BEFORE_ISO.sub("", rest, count=1)
    rest = words.byline.sub("", rest, count=1)
    rest = _TIME.sub(" ", _ISO_TIME.sub(" ", rest))
    rest = _ZONE.sub(" ", words.clock.sub(" ", rest))
    rest = words.year_marks.sub(" ", rest)
    rest = words.weekday.sub(" ", rest)
    rest = " ".join(rest.split()).strip(_SEPARATORS)
    if not rest or not any(ch.isdigit() for ch in rest):
        return None
    if rest.isupper():  # a head in capitals ('28. AUGUST 2019'): a month is capitalised in de, en
        rest = rest.title()
    if _is_whole_date(rest, lang):
        return rest
    # a short word before the day ('Fri 5 Dec 2025') is tried as a weekday only now: a
    # short month opens a date as well ('Dec. 5, 2025')
    rest = _SHORT_WEEKDAY.sub("", rest, count=1)
    return rest if _is_whole_date(rest, lang) else None


def _is_whole_date(rest: str, lang: str) -> bool:
    """`rest` is one date with its year and nothing else."""
    numeric = _NUMERIC.match(rest)
    if numeric and (numeric[4] or len(numeric[1]) == 4):  # 'd/m/y', or 'yyyy-mm'
        return True
    found = find_dates(rest, lang)
    return len(found) == 1 and bool(found[0].year) and _covers(rest, found[0].start, found[0].end)


def read_date(core: str, lang: str) -> Dated | None:
    """A date line's date, read by dateparser in the language's numeric order; None if
    it names no real day ('31/02/2025') or lacks a year."""
    iso = declared_date(core)
    if iso is not None and re.fullmatch(r"\d{4}-\d{1,2}(?:-\d{1,2})?", core):
        return iso  # ISO to the day or month: read as written, with its precision
    numeric = _NUMERIC.match(core)
    if numeric and numeric[4]:
        order = load_lang(lang).dates.date_order if lang in supported_languages() else "DMY"
        day = _numeric_day(numeric, order)
        return Dated(day, "day") if day else None
    parsed = _date_data(core, lang)
    if parsed is None or "year" not in parsed[1]:
        return None
    precision = "day" if "day" in parsed[1] else "month" if "month" in parsed[1] else "year"
    return Dated(parsed[0], precision)


def _numeric_day(m: re.Match, order: str) -> dt.date | None:
    """'05.12.2025', '12/05/2025', '2025/12/05', '5-12-25': read here, not by dateparser,
    whose DATE_ORDER applies to every separator (see `day_month`)."""
    first, sep, second, third = m[1], m[2], int(m[3]), m[4]
    if len(first) == 4:
        return _safe(int(first), second, int(third))
    year = int(third)
    if len(third) == 2:  # as strptime's %y reads it: 69-99 are 1969-1999, 00-68 2000-2068
        year += 1900 if year >= 69 else 2000
    day, month = day_month(int(first), second, sep, order)
    return _safe(year, month, day)


class Wire(NamedTuple):
    """A wire dateline's date as written (month and year may be missing) and its end."""

    year: int | None
    month: int | None
    day: int
    end: int


def wire_dateline(text: str, lang: str) -> Wire | None:
    """A wire dateline that opens one of the first paragraphs ('GENEVA, July 19
    (Xinhua):', 'MADRID, 10 (EUROPA PRESS)', 'Lyon, le 12 mars (AFP) -')."""
    words = _words(lang)
    for m in _paragraph_starts(text[:HEAD_CHARS]):
        wire = _WIRE.match(text, m)
        if wire is None or not _is_place(wire["place"]):
            continue
        date_text = words.label.sub("", wire["date"].strip(_SEPARATORS), count=1)
        if not any(ch.isdigit() for ch in date_text):
            continue
        if date_text.isdigit():  # a day alone: an agency's style, its place in capitals
            if 1 <= int(date_text) <= 31 and wire["place"].isupper():
                return Wire(None, None, int(date_text), wire.end())
            continue
        day = _wire_day(date_text, lang)
        if day is not None:
            return day._replace(end=wire.end())
    return None


def _wire_day(date_text: str, lang: str) -> Wire | None:
    found = find_dates(date_text, lang)
    if len(found) == 1 and found[0].kind in ("day", "weekday_day"):
        f = found[0]
        real = f.year is None or _safe(f.year, f.month, f.day) is not None
        if _covers(date_text, f.start, f.end) and f.month and f.day and real:
            return Wire(f.year, f.month, f.day, 0)
        return None
    # Abbreviated months ('10 mar', '12 MAR') are not in our word lists (an 'mar' alone
    # is the sea); dateparser knows them. Its `parts` say whether a year was given.
    parsed = _date_data(date_text, lang)
    if parsed is None or not {"day", "month"} <= set(parsed[1]):
        return None
    day = parsed[0]
    return Wire(day.year if "year" in parsed[1] else None, day.month, day.day, 0)


def article_frame(
    text: str, lang: str, published: dt.date | None, precision: str | None,
    today: dt.date | None = None, lead: bool = True,
) -> Frame:  # fmt: skip
    """The article's frame for its claims: publication date, base day for relative
    words, and (with `lead`) the day of the lead's news."""
    today = today or dt.date.today()
    day_published = published if precision in (None, "day") else None
    wire = wire_dateline(text, lang)
    base, lead_from = day_published, 0
    if wire is not None:
        lead_from = wire.end
        day = _complete(wire, day_published)
        # The dateline is the day of writing: the publication day or a few days before.
        if day and (not day_published or day_published - day <= dt.timedelta(EVENT_DAYS)):
            base = day
    if base is None and published is None:
        base = reference_date(text, lang, today)
    event = (
        lead_event(text[lead_from : lead_from + LEAD_CHARS], lang, base, today) if lead else None
    )
    return Frame(published, precision if published else None, base, event, lead_from)


class ArticleDates:
    """The claim dates of one article's figures. Each sentence and statement is searched
    for a time cue once; the lead's news day only when an attributed figure needs it."""

    def __init__(self, article: Article, today: dt.date | None = None) -> None:
        self.text, self.lang = article.text, article.lang
        self.today = today or dt.date.today()
        self.frame = article_frame(
            article.text, article.lang, article.published_date, article.published_precision,
            self.today, lead=False,
        )  # fmt: skip
        self._lead_searched = False
        self._sentences: dict[tuple[int, int], ClaimDate] = {}
        self._statements: dict[tuple[int, int], ClaimDate | None] = {}

    def claim(
        self, sent_start: int, sent_end: int, statement: Statement | None, at: int | None = None
    ) -> ClaimDate:
        """The claim date of a figure at `at` in text[sent_start:sent_end] within
        `statement`. A figure in the article's own voice takes no time cue from another
        clause ('met on Tuesday in Rome, where 40 firms took part': the 40 are the
        article's, as of its publication); an attributed one takes the cue of its
        statement wherever it stands (the day it was said)."""
        own = self._search(sent_start, sent_end, self._sentences)
        if own.cued and statement is None and at is not None:
            own = self._in_clause(own, sent_start, sent_end, at)
        if own.cued or statement is None:
            return date_of_claim(own, self.frame, None, attributed=statement is not None)
        said = self._statement(statement, sent_start, sent_end)
        if not (said and said.cued) and not self._lead_searched:
            self._lead_searched = True
            lead = self.text[self.frame.dateline_end : self.frame.dateline_end + LEAD_CHARS]
            event = lead_event(lead, self.lang, self.frame.base, self.today)
            self.frame = self.frame._replace(event=event)
        return date_of_claim(own, self.frame, said, attributed=True)

    def _in_clause(self, own: ClaimDate, sent_start: int, sent_end: int, at: int) -> ClaimDate:
        """The sentence's date for a figure at `at`, leaving out cues in other clauses."""
        start = max(sent_start, self.frame.dateline_end)
        sentence = self.text[start:sent_end]
        if at < start or not has_second_clause(sentence, self.lang):
            return own
        # the period does not depend on `at`: `own` has it already
        found = sentence_date(
            sentence, self.frame, self.lang, self.today, period=False, at=at - start
        )
        return found._replace(period=own.period)

    def _statement(self, statement: Statement, sent_start: int, sent_end: int) -> ClaimDate | None:
        """The date a time cue in the statement gives ('X said on Monday that ...'), from
        its speaker and cue through its content, which may span several sentences; None
        when the statement lies within the sentence (searched already)."""
        start = min(statement.start, statement.speaker_start or statement.start)
        end = max(statement.end, statement.speaker_end or statement.end)
        if sent_start <= start and end <= sent_end:
            return None
        # its period is not searched for: a figure's period is its own sentence's
        return self._search(start, min(end, start + MAX_STATEMENT), self._statements, period=False)

    def _search(self, start: int, end: int, cache: dict, period: bool = True) -> ClaimDate:
        start = max(start, self.frame.dateline_end)  # a wire dateline dates no claim
        if (start, end) not in cache:
            cache[start, end] = sentence_date(
                self.text[start:end], self.frame, self.lang, self.today, period=period
            )
        return cache[start, end]


def lead_event(lead: str, lang: str, base: dt.date | None, today: dt.date) -> dt.date | None:
    """The first day-level time cue of the lead, if it is within a week before the base
    day: the day of the news its attributed figures were given."""
    if base is None:
        return None
    for line in lead.split("\n"):
        if date_line_core(line, lang) is not None:
            continue
        day = resolve_day(line, lang, base, today)
        if day is not None:
            recent = base - dt.timedelta(days=EVENT_DAYS) <= day <= base
            return day if recent else None
    return None


# ---------------------------------------------------------------- helpers


def _complete(wire: Wire, published: dt.date | None) -> dt.date | None:
    """A wire dateline's day, with the year (and month) it lacks taken from the
    publication date: the latest such day not after it."""
    if wire.year and wire.month:
        return _safe(wire.year, wire.month, wire.day)
    if published is None:
        return None
    if wire.month is None:  # 'MADRID, 10': this month's 10th, or last month's
        months = published.year * 12 + published.month - 1 - (wire.day > published.day)
        return _safe(months // 12, months % 12 + 1, wire.day)
    later = (wire.month, wire.day) > (published.month, published.day)
    return _safe(published.year - later, wire.month, wire.day)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _covers(text: str, start: int, end: int) -> bool:
    """The match is the whole text but for punctuation."""
    return not text[:start].strip(_SEPARATORS + ".") and not text[end:].strip(_SEPARATORS + ".")


def _is_place(place: str) -> bool:
    """A dateline's place: in capitals ('GENEVA') or one to three capitalised words."""
    words = place.replace("-", " ").split()
    return bool(words) and (place.isupper() or all(w[:1].isupper() for w in words))


def _paragraph_starts(head: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", head)]
    return starts[:HEAD_LINES]


class _Words(NamedTuple):
    label: re.Pattern[str]
    updated: re.Pattern[str]
    byline: re.Pattern[str]
    weekday: re.Pattern[str]
    clock: re.Pattern[str]
    year_marks: re.Pattern[str]
    update_inside: re.Pattern[str]
    byline_first: re.Pattern[str]


@cache
def _words(lang: str) -> _Words:
    try:
        data = load_lang(lang).dates
    except LanguageDataError:  # a language without data has no date words
        data = DateData()

    def alt(words: list[str]) -> str:
        words = sorted({w for w in words if w}, key=len, reverse=True)
        return alternation(words, space=re.escape(" ")) or r"(?!x)x"

    # a date line writes a short weekday with or without its dot: 'Fri.', 'Fri'
    weekdays = [form for forms in data.weekdays for w in forms for form in (w, w.rstrip("."))]
    return _Words(
        re.compile(
            rf"^(?:{alt(data.published_labels + data.updated_labels)})(?!\w)\s*", re.IGNORECASE
        ),
        re.compile(rf"^\W{{0,2}}(?:{alt(data.updated_labels)})(?!\w)", re.IGNORECASE),
        re.compile(rf"\s(?:{alt(data.byline_words)})\s+\D*$", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{alt(weekdays)})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?:{alt(data.clock_words)})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?<=\d)\s*(?:{alt(data.year_marks)})(?!\w)", re.IGNORECASE),
        # an update's label within a line, where its clause opens: split before it
        re.compile(rf"(?<=\S)\s+(?=(?:{alt(data.updated_labels)})(?!\w))", re.IGNORECASE),
        re.compile(rf"(?:{alt(data.byline_words)})\s+(?=\w)", re.IGNORECASE),
    )


@lru_cache(maxsize=1024)
def _date_data(core: str, lang: str) -> tuple[dt.date, tuple[str, ...]] | None:
    # dateparser reads month names and numeric dates in every language we support; its
    # `parts` say which of day, month and year the text gave, so a missing year is never
    # filled from the machine's clock.
    parser = _date_parser(lang)
    if parser is None:
        return None
    try:
        data = parser.get_date_data(core)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if data is None or data.date_obj is None:
        return None
    parts = tuple(getattr(data, "parts", None) or ())
    if not parts:  # an older dateparser: a four-digit year in the text is the year
        parts = ("day", "month") + (("year",) if re.search(r"\d{4}", core) else ())
    return data.date_obj.date(), parts


@cache
def _date_parser(lang: str):
    """One dateparser parser per language: building one loads its language data."""
    from dateparser.date import DateDataParser

    try:
        order = load_lang(lang).dates.date_order
        settings = {"DATE_ORDER": order, "RETURN_AS_TIMEZONE_AWARE": False}
        return DateDataParser(languages=[lang], settings=settings)
    except Exception:  # no language data here or in dateparser: no date lines read
        return None
