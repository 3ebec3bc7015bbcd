"""Units a text leaves implicit: '520 millones' in a sentence about euros.

News writes a unit once and then bare numbers that share it: "revenue of 520 million
euros and a profit of 36", "from 224 bcm to 245 bn", "rund 300 Mio." after a paragraph
about euros. A bare number (no unit, no counted noun) takes the unit of the nearest
quantity that has one: in the same sentence (before it, or right after it, as in "from
95.1 to 94.8 percent"; a scaled number also from further on in its sentence); failing
that, a scaled number ('520 millones', not a bare '36') takes it from its paragraph, then
from the headline. Nothing is guessed without such
context; `number_note` says where the unit came from.
"""

from __future__ import annotations

import re

from pipeline.quantities.found import Found
from pipeline.quantities.lexicon import Lexicon

# dimensions a bare number may share; a count, a time or a ratio of another kind may not
SHARED_DIMENSIONS = frozenset(
    {"currency", "price", "ratio", "mass", "volume", "energy", "power", "area", "flow"}
)
# after a number: more digits, or a dash or slash ('30 - year', '7 3 / 4', '32 . 99 %',
# '2 , 0 billion'): a piece of a longer numeral or a compound word, no figure of its own
_CUT_NUMERAL = re.compile(r"[ \u00a0]{0,2}(?:[-\u2013/]|[.,]?[ \u00a0]{0,2}\d)")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u00bb\u201d)\]]*[\s\u00a0]+(?=\S)|\n")
_PARAGRAPH_END = re.compile(r"\n[ \t\u00a0]*\n")
_NEXT_GAP = 16  # at most this many characters between a bare number and a unit after it
_SCALE_SPAN = 100.0  # a bare number shares the scale of one within this factor of it
_CLOSE_SPAN = 1.5  # an unscaled whole number this near an amount's size is of its unit
_MAX_PERCENT = 100.0
_WORDS_FLOOR = 1000.0  # number words from a thousand up hold a scale word


def infer_units(text: str, items: list[Found], lex: Lexicon) -> None:
    """Give each bare number in `items` (in text order) the unit its context sets; the
    language's words of comparison and change (`lex`) tell a whole number that shares a
    scaled amount's measure from a count."""
    headline_end = text.find("\n")
    for index, item in enumerate(items):
        if not _bare(item) or _CUT_NUMERAL.match(text, item.end):
            continue
        source, level = _antecedent(text, items, index, headline_end)
        if source is None or source.unit is None:
            continue
        if source.unit.canonical == "percent" and item.value > _MAX_PERCENT:
            continue
        if level == "sentence" and not _shares_scale(text, item, source, lex):
            continue
        item.unit = source.unit
        item.note = _note(item.note, f"unit {source.unit.canonical} inferred from the {level}")


def _bare(item: Found) -> bool:
    """A number with no unit and no noun, in digits or a scaled run of words ('un millón
    300 mil'); a small one in words ('two-door') is no amount."""
    return (
        (item.form == "num" or item.value >= _WORDS_FLOOR)
        and item.unit is None
        and item.noun is None
        and not item.weak
        and item.value != 0
    )


def _ends_between(pattern: re.Pattern, text: str, start: int, end: int) -> bool:
    """Whether a sentence or paragraph ends between `start` and `end` (the end's first
    character is looked at too, as the patterns look ahead one character)."""
    return pattern.search(text, start, min(len(text), end + 1)) is not None


def _antecedent(
    text: str, items: list[Found], index: int, headline_end: int
) -> tuple[Found | None, str]:
    """The quantity whose unit a bare number takes, and the level it was found at."""
    item = items[index]
    after = items[index + 1] if index + 1 < len(items) else None
    if (
        after is not None
        and _shares(after)
        and after.bound == "eq"  # 'planted 40 over 6 hectares': a bound starts its own
        and after.start - item.end <= _NEXT_GAP
        and not _ends_between(_SENTENCE_END, text, item.end, after.start)
        and not _converts(text, item.end, after.start)
        and not _no_share(item, after)
    ):
        return after, "sentence"  # 'van 95,1 naar 94,8 procent'
    ahead = _ahead(text, items, index) if _scaled(item) else None
    # A sentence or paragraph end between an earlier quantity and the number lies between
    # every quantity before that one too: each is searched for until it is found, not
    # again for every earlier quantity (that made an article of bare numbers quadratic).
    same_sentence = same_paragraph = True
    for before in reversed(items[:index]):
        same_sentence = same_sentence and not _ends_between(
            _SENTENCE_END, text, before.end, item.start
        )
        if not same_sentence:
            if ahead is not None:
                return ahead, "sentence"
            if not _scaled(item):
                return None, ""  # a bare '36' far from any unit: no guess
        if not _shares(before):
            if same_sentence and not _bare(before):
                return None, ""  # '12 Mitarbeiter sowie 7': the count is nearer
            continue
        if same_sentence:
            return before, "sentence"
        same_paragraph = same_paragraph and not _ends_between(
            _PARAGRAPH_END, text, before.end, item.start
        )
        if same_paragraph:
            return before, "paragraph"
        if 0 <= before.end <= headline_end:
            return before, "headline"
    return (ahead, "sentence") if ahead is not None else (None, "")


def _ahead(text: str, items: list[Found], index: int) -> Found | None:
    """A unit later in the sentence, for a scaled number the sentence names no unit
    before: 'ingresos de 520 millones ... y un beneficio de 34 millones de euros'."""
    item = items[index]
    for after in items[index + 1 :]:
        if _ends_between(_SENTENCE_END, text, item.end, after.start):
            return None
        if _shares(after):
            return None if _converts(text, item.end, after.start) else after
        if not _bare(after):
            return None  # a count or a measure of another kind comes first
    return None


def _no_share(item: Found, after: Found) -> bool:
    """A scaled amount or one above a hundred is no share: '300 tỷ, tăng 15%' leaves the
    amount to the unit before it."""
    return (
        after.unit is not None
        and after.unit.canonical == "percent"
        and (item.scale != 1.0 or item.value > _MAX_PERCENT)
    )


def _converts(text: str, end: int, start: int) -> bool:
    """Whether the amount at `start` stands in a bracket opened after the number ending at
    `end`: a conversion into another currency or unit ('a deficit of 1.6 billion ($2.54
    billion)'), so the number's own unit is some other one."""
    between = text[end:start]
    return between.count("(") > between.count(")") or between.count("[") > between.count("]")


def _scaled(item: Found) -> bool:
    """'520 millones', 'un millón 300 mil': a number written with a scale word."""
    return item.scale != 1.0 or item.form == "words"


def _shares(item: Found) -> bool:
    return item.unit is not None and item.unit.dimension in SHARED_DIMENSIONS


def _shares_scale(text: str, item: Found, source: Found, lex: Lexicon) -> bool:
    """Whether a bare number takes the unit of one in its sentence: a number written
    with a scale ('520 millones'), or in words with a scale word, after an amount of its
    size ('un millón 268 mil barriles ... casi un millón 300 mil'; not 'a million are
    waiting ... despite £5 billion', nor 'after £5 billion, a million wait'), or one
    written alike."""
    if item.scale != 1.0:
        return True
    if item.form == "words":
        size = item.value / source.value if source.value else 0.0
        return source.end <= item.start and 1 / _SCALE_SPAN <= size <= _SCALE_SPAN
    return _same_writing(text, item, source, lex)


def _same_writing(text: str, item: Found, source: Found, lex: Lexicon) -> bool:
    """Whether an unscaled bare number is written like a figure of its sentence's unit:
    '520 millones ... y un beneficio de 36' (36 millones: the scale is shared when the
    two are of a size), '31,8 euro (30,3 al Nord)' (a decimal, as prices are). A bare
    whole number beside an unscaled amount ('$4.25, and 32 is the number I want') is
    more often a count, unless it is of the amount's size (within `_CLOSE_SPAN`: '31,8
    euro ... appena 28'), as amounts compared in one sentence are. A whole number takes a
    scaled amount's scale only where its sentence says it is of that measure
    (`_same_measure`): '520 millones y un beneficio de 36' is 36 millones, 'fell to 95'
    after '3 million tonnes' is a count. Shares the scale into `item` when it says yes."""
    if source.scale > 1.0:
        written = source.value / source.scale
        if item.form != "num" or not written:
            return False
        if _whole(item) and not _same_measure(text, item, source, lex):
            return False  # 'rose to 3 million tonnes as deaths fell to 95': a count
        if not 1 / _SCALE_SPAN <= item.value / written <= _SCALE_SPAN:
            return False
        item.value *= source.scale
        if item.value_max is not None:
            item.value_max *= source.scale
        item.scale = source.scale
        return True
    if not item.value.is_integer():
        return True
    size = item.value / source.value if source.value > 0 else 0.0
    return item.form == "num" and 1 / _CLOSE_SPAN <= size <= _CLOSE_SPAN


_DECIMALS = re.compile(r"[.,]\d{1,2}$")  # a group separator has three digits after it


def _whole(item: Found) -> bool:
    """A whole number as written: '36', '1.000'; not '35,0', whose decimals say it is
    a measure."""
    return item.value.is_integer() and _DECIMALS.search(item.raw) is None


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s\u00a0]{1,2}$")
_WORD_REACH = 24  # characters looked at for the word before a number
# a word and a number after a figure: 'in 2023', 'en 2024', the period it is of
_PERIOD_AFTER = re.compile(r"[\s\u00a0]{1,2}([^\W\d_]+)[\s\u00a0]{1,2}\d")


def _same_measure(text: str, item: Found, source: Found, lex: Lexicon) -> bool:
    """Whether a whole bare number is said to be of the measure of the scaled amount
    before it: it repeats the amount's construction, the same word leading both
    ('ingresos de 520 millones y un beneficio de 36', 'revenue of 5 million and a profit
    of 2') or each of a period the same word leads ('12 million tonnes in 2023 and 14
    in 2024'); or a word of comparison leads it ('520 million euros, up from 480',
    'frente a los 480'). Any other word before it ('sur les 32'), or a verb of change
    before that word ('rose to 3 million tonnes, but deaths fell to 95': a new level of
    what the clause names anew), starts a figure of its own."""
    own = _WORD_BEFORE.search(text, max(0, item.start - _WORD_REACH), item.start)
    if own is None:
        return False
    compared = lex.comparisons.find(text, item.start)
    lead_word = compared[1] if compared else own.start(1)
    if lex.change_verbs.find(text, lead_word) is not None:
        return False  # 'deaths fell to 95', 'deaths fell from 120'
    if compared is not None:
        return True
    lead = _WORD_BEFORE.search(text, max(0, source.start - _WORD_REACH), source.start)
    if lead is not None and own.group(1).lower() == lead.group(1).lower():
        return True
    # or each is of a period the same word leads: '12 million tonnes in 2023 and 14 in 2024'
    tail = _PERIOD_AFTER.match(text, item.end)
    source_tail = _PERIOD_AFTER.match(text, source.end)
    return (
        tail is not None
        and source_tail is not None
        and (tail.group(1).lower() == source_tail.group(1).lower())
    )


def _note(note: str | None, extra: str) -> str:
    return f"{note}; {extra}" if note else extra
