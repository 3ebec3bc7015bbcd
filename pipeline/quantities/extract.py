"""Entry points of quantity extraction: numerals, number and scale words, units, hedges, bounds.

`extract_quantities(text, lang)` finds every quantity in a text: a number (digits read
with the language's separators, or number words), its scale ("2 miljoen", "15 bn"), its
unit after or before it ("ton", "$", "USD"), a hedge before it ("ongeveer", "at least")
and a second end ("between 3 and 5 million"). A number with no unit is a count, with the
word after it as its noun ("eight people"); the caller decides which counts are claims.
Dates, clock times, years, ordinals, codes ("F-16", "5G"), phone numbers and numbers
after reference words ("page 3", "ngày 4/11") are not quantities. Everything a language
needs is in `pipeline/lang/<code>.toml`; the patterns are built once per language.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Iterable
from functools import cache
from typing import TextIO

from pipeline.errors import LanguageDataError
from pipeline.quantities.context import infer_units
from pipeline.quantities.found import Found
from pipeline.quantities.kinds import kind_of
from pipeline.quantities.lexicon import MASKS, Lexicon, lexicon, trie_pattern
from pipeline.quantities.multipliers import find_multipliers
from pipeline.quantities.scores import find_score
from pipeline.quantities.spans import find_number
from pipeline.quantities.units import COUNT
from schemas.records import Quantity

log = logging.getLogger(__name__)
MAX_VALUE = 1e21
FALLBACK_LANG = "en"
_DIGITS = re.compile(r"[0-9\u00bc-\u00be\u2150-\u215e]+")  # digits and vulgar fractions
# a difference of shares, and the unit the guidelines write it in (see _to_quantity)
POINTS_AS_PERCENT = {"percentage point": "percent"}
_DIGIT = re.compile(r"[0-9\u00bc-\u00be\u2150-\u215e]")

__all__ = ["extract_quantities", "run_jsonl"]


def extract_quantities(text: str, lang: str) -> list[Quantity]:
    """Every quantity in `text` (offsets into `text`). Never raises; values are finite."""
    try:
        lex = _lexicon_for(lang)
        if not isinstance(text, str):
            return []
        return _scan(text, lex)
    except Exception:  # the build must go on; the failure is logged
        log.exception("quantity extraction failed (lang=%s, %d chars)", lang, len(text or ""))
        return []


def _lexicon_for(lang: str) -> Lexicon:
    """The language's lexicon ('pt-BR' and 'EN' too); English for a language we lack."""
    code = str(lang or "").lower().replace("_", "-").split("-")[0]
    try:
        return lexicon(code)
    except LanguageDataError:
        return lexicon(FALLBACK_LANG)


def _scan(text: str, lex: Lexicon) -> list[Quantity]:
    scan, core = lex.scan_text(text)
    starts = _candidates(scan, lex)
    multipliers = find_multipliers(text, scan, lex)
    if not starts and not multipliers:
        return []
    items: list[Found] = []
    pos = 0
    for start in starts:
        match = _match_at(core, scan, max(start, pos), pos)
        if match is None:
            continue
        score = find_score(text, scan, match.start(), lex)  # before masks: '21:17' is no clock
        if score:
            items.extend(score)
            pos = score[-1].end
            continue
        mask_end = _masked(text, match.start())
        if mask_end:
            pos = mask_end
            continue
        item, pos = find_number(text, scan, match, lex)
        if item is not None:
            _absorb_overlapped(items, item)
            items.append(item)
        pos = max(pos, match.start() + 1)
    items = _without_rate_bases(text, items, lex)
    if multipliers:
        items = _merged(items, multipliers)
    infer_units(text, items, lex)
    found = [_to_quantity(text, item, lex.data.code) for item in items]
    return [q for q in found if q is not None]


def _absorb_overlapped(items: list[Found], item: Found) -> None:
    """A number read back into the one before it ('a half a million': 'a half', then
    'half a million'): the later, longer reading stands, from where the earlier began,
    with its hedge ('about a half a million')."""
    while items and items[-1].end > item.start and item.end > items[-1].end:
        earlier = items.pop()
        if earlier.start < item.start:
            item.start = earlier.start
            if item.bound == "eq":
                item.bound = earlier.bound


_BASE_REACH = 40  # characters between a figure and the 'per' of its base


def _without_rate_bases(text: str, items: list[Found], lex: Lexicon) -> list[Found]:
    """'8 infections per 100,000 people', '4.1 deaths per 1,000 births': a round power of
    ten after a per word, right after a figure of its clause, is what the figure is per,
    no quantity of its own."""
    per = _per_base(lex.data.code)
    if per is None or len(items) < 2:
        return items
    kept = [items[0]]
    for item in items[1:]:
        before = kept[-1]
        if not (
            (item.unit is None or item.unit.dimension == "count")
            and item.value_max is None
            and _round_base(item.value)
            and item.start - before.end <= _BASE_REACH
            and per.search(text, max(before.end, item.start - 12), item.start) is not None
            and not re.search(r"[.;!?]", text[before.end : item.start])
        ):
            kept.append(item)
    return kept


def _round_base(value: float) -> bool:
    """100, 1,000, 100,000, a million: the bases rates are given per."""
    if value < 100 or not value.is_integer():
        return False
    exponent = math.log10(value)
    return abs(exponent - round(exponent)) < 1e-9


@cache
def _per_base(code: str) -> re.Pattern | None:
    """The language's per words that are words (not an article: 'a' in '$5 a gallon'),
    right before a number."""
    data = lexicon(code).data
    skip = {w.lower() for w in [*data.numbers.articles, *data.numbers.weak_words]}
    words = [w for w in data.units.per_words if w.isalpha() and w.lower() not in skip]
    if not words:
        return None
    return re.compile(rf"(?<![^\W\d_])(?i:{trie_pattern(words)})[\s\u00a0]{{1,2}}$")


def _merged(items: list[Found], more: list[Found]) -> list[Found]:
    """`items` and those of `more` that overlap none of them, in text order."""
    kept = [m for m in more if not any(i.start < m.end and m.start < i.end for i in items)]
    return sorted(items + kept, key=lambda item: item.start)


def _candidates(scan: str, lex: Lexicon) -> list[int]:
    """Where a number may start: each run of digits, and each word that is or begins
    with a number word. Matching the full pattern only there (instead of searching with
    it), after plain substring tests, keeps the extractor cheaper than tokenising."""
    starts = []
    if _DIGIT.search(scan):
        starts = [m.start() for m in _DIGITS.finditer(scan)]
    if lex.has_number_word(scan):
        words = [m.start() for m in lex.number_word_at.finditer(scan)]
        starts = sorted(starts + words)
    return starts


def _match_at(core: re.Pattern, scan: str, start: int, floor: int) -> re.Match | None:
    """The number at `start`, or one that starts just before it with a sign or a point."""
    at = start - 1
    if at >= floor and scan[at] in "-\u2212.,":
        match = core.match(scan, at)
        if match is not None and match.end() > start:
            return match
    return core.match(scan, start)


def _masked(text: str, start: int) -> int:
    """The end of a date, clock time or phone number starting at `start` (or at the '+'
    just before it), else 0."""
    match = MASKS.match(text, start)
    if match is None and start > 0 and text[start - 1] == "+":
        match = MASKS.match(text, start - 1)
    return match.end() if match else 0


def _to_quantity(text: str, item: Found, lang: str) -> Quantity | None:
    unit = item.unit or COUNT
    value = _clean(item.value * unit.factor)
    high = None if item.value_max is None else _clean(item.value_max * unit.factor)
    if not _sane(value) or (high is not None and not _sane(high)):
        return None
    kind = item.kind or kind_of(unit.dimension, text, item.end, lang, item.unit_surface)
    canonical, note = unit.canonical, item.note
    if canonical in POINTS_AS_PERCENT:
        # The annotation guidelines (shared/eval/GUIDELINES.md) list 'percent' as the one
        # canonical unit of a share, and their golds write "0,3 Prozentpunkte" as 0.3
        # percent; a change in points is still no share, so the kind and the note keep
        # what it was, for the claims stage and a reader.
        canonical, kind = POINTS_AS_PERCENT[canonical], canonical
        note = "; ".join(filter(None, [note, f"{kind}s, given as {canonical}"]))
    # built without re-validation: every field is made here, of the right type
    return Quantity.model_construct(
        value=value,
        value_max=high,
        unit=canonical,
        dimension=unit.dimension,
        kind=kind,
        surface=text[item.start : item.end],
        start=item.start,
        end=item.end,
        bound=item.bound,
        approx=item.bound == "approx",
        noun=item.noun or (item.unit_surface if unit.dimension == "count" else None),
        unit_surface=item.unit_surface,
        number_note=note,
    )


def _clean(value: float) -> float:
    """Drop binary noise from scaling: 67.4 * 1e9 is 67400000000, not ...000.00001.

    News figures carry far fewer than 15 significant digits, so rounding to 15 loses none.
    """
    return float(f"{value:.15g}") if math.isfinite(value) else value


def _sane(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= MAX_VALUE


def run_jsonl(lines: Iterable[str], out: TextIO) -> None:
    """The evaluation protocol: {"id", "text", "lang"} per line in, one answer per line out."""
    for line in lines:
        if not line.strip():
            continue
        case_id, quantities = None, []
        try:
            case = json.loads(line)
            case_id = case.get("id")
            quantities = extract_quantities(
                str(case.get("text") or ""), str(case.get("lang") or "")
            )
        except (ValueError, AttributeError, TypeError):
            pass
        answer = {"id": case_id, "quantities": [_public(q) for q in quantities]}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")


def _public(q: Quantity) -> dict:
    return q.model_dump(
        include={"value", "value_max", "unit", "kind", "surface", "start", "end", "bound", "noun"}
    )
