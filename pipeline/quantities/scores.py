"""Sports scores: 'won 3-1', 'a 2-0 lead', 'siegte 3:1', 'met 2-1 verloren'.

Two whole numbers joined by a dash or colon look like a range ('3-5 million'), a negative
('-1') or a clock time ('21:17'). With a cue word of the language's `scores` near them (a
few words before, or right after: 'lead', 'victory'), they are the two sides of a score:
two quantities of kind 'score', each a count, never a range or a negative number.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.quantities.found import Found
from pipeline.quantities.lexicon import NOT_LETTER_AFTER, Lexicon, lexicon, trie_pattern
from pipeline.quantities.units import COUNT

# characters before a score searched for a cue word ('defeated Venus Williams in the
# Wimbledon final 7-5')
_REACH = 60
_CLAUSE_END = re.compile(r"[.!?;]")
# a score just before this one, a tie-break's points in brackets after it: the sets of a
# match ('won 7-6 (7-1), 6-4', 'beat him 4-6 7-5 6-3') are a score each, with one cue
_SET_BEFORE = re.compile(
    r"(?<!\d)\d{1,3}[ \u00a0]?[-\u2013:][ \u00a0]?\d{1,3}"
    r"(?:[ \u00a0]?\(\d{1,2}(?:[-\u2013:]\d{1,2})?\))?,?[ \u00a0]$"
)


def find_score(text: str, scan: str, start: int, lex: Lexicon) -> list[Found]:
    """The two sides of a score starting at `start`, or none."""
    patterns = _patterns(lex.data.code)
    if patterns is None or not text[start : start + 1].isdigit():
        return []
    pair, before, after = patterns
    match = pair.match(text, start)
    if match is None or (start > 0 and text[start - 1] in "-\u2212.,"):
        return []
    if lex.scale.match(text, match.end()) or _unit_after(text, match.end(), lex):
        return []  # '3-5 million', '2-3 percent': a range of an amount
    if lex.cue_after.match(text, match.end()) or lex.clock_before.find(text, start):
        return []  # 'endete um 17:30 Uhr': a time of day
    cue = before.search(scan, max(0, start - _REACH), start)
    if cue is not None and _CLAUSE_END.search(text, cue.end(), start):
        cue = None  # 'They won. Prices rose 3-4': the cue is another clause's
    if (
        cue is None
        and after.match(scan, match.end()) is None
        and not _after_a_set(text, scan, start, lex)
    ):
        return []
    note = f"score {match.group(0)}"
    return [
        Found(
            float(match.group(g)),
            match.start(g),
            match.end(g),
            "num",
            match.group(g),
            note=note,
            unit=COUNT,
            kind="score",
        )
        for g in ("a", "b")
    ]


def _after_a_set(text: str, scan: str, start: int, lex: Lexicon) -> bool:
    """Whether a score stands just before `start`: the previous set of the same match."""
    window = max(0, start - 24)
    previous = _SET_BEFORE.search(text, window, start)
    return previous is not None and bool(find_score(text, scan, previous.start(), lex))


def _unit_after(text: str, end: int, lex: Lexicon) -> bool:
    match = lex.unit_after.match(text, end)
    if match is None or match.group("u").lower() in lex.data.units.clause_final:
        return False  # 'won 21-17 in the final': 'in' is no inch here
    return lex.unit(match.group("u")) is not None


@cache
def _patterns(code: str) -> tuple[re.Pattern, re.Pattern, re.Pattern] | None:
    data = lexicon(code).data.scores
    if not (data.joins and (data.before or data.after)):
        return None
    joins = trie_pattern(data.joins)
    pair = re.compile(
        rf"(?P<a>\d{{1,3}})[ \u00a0]?(?:{joins})[ \u00a0]?(?P<b>\d{{1,3}})"
        # no more numeral ('2-1.5', '3-1-2'), no letter glued ('2:0-Führung' may hyphenate)
        r"(?![\d:/\u2013]|-\d|[.,]\d|[^\W\d_])"
    )
    before = re.compile(
        rf"(?<![^\W\d_])(?:{trie_pattern(data.before)}){NOT_LETTER_AFTER}"
        if data.before
        else r"(?!x)x"
    )
    after = re.compile(
        rf"(?:[\s\u00a0]{{1,2}}|-)(?:{trie_pattern(data.after)}){NOT_LETTER_AFTER}"
        if data.after
        else r"(?!x)x"
    )
    return pair, before, after
