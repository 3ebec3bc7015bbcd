"""What a count without a noun counts, read from its sentence.

The quantity scan names a count's thing only from the word right after the number ("900
patients"). News often names it elsewhere in the clause, and a figure alone is a count of
something only when the sentence says so:

- a head before it in the same clause: "the number of patients rose by 900" (noun
  "patients"), "for a total of 3.5 million" (a total, its thing named earlier);
- the count opens its clause and is the subject of a plural verb: "40 are nurses" (noun
  "nurses"), "more than a million are still waiting";
- a part of a larger count right after it: "11 of the 17 ministers" (noun "ministers");
- a figure in brackets or a list that mirrors one in the same sentence with the same scale
  word and a noun: "France (140 million) ... with 216 million overnight stays".

Everything else without a noun (codes, scores, page and list numbers, labels) stays out.
The words are per language, in the [counts] section of pipeline/lang/<code>.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.lang import load_lang
from schemas.records import Quantity

# Words as the noun finder of the quantity scan reads them: letters, inner ' and -.
_WORD = re.compile(r"[^\W\d_][^\W\d_'\u2019-]*")
# Within a clause: these break it (a comma does not: "rose by 900, or 1%, to 1.2 million").
_CLAUSE_BREAK = re.compile(r"[;:!?\u2022\u2026]")
# What may open a clause before its subject: a sentence start, or one of these marks.
_CLAUSE_OPENER = re.compile(r"(?:^|[,;:(\u00ab\u201c\"\u2014\u2013])[\s\u00a0]*$")
# How far after a head its figure may come, in words: a clause, not a paragraph.
MAX_GAP_WORDS = 20
# How far apart two mirrored figures may be and still count one kind of thing.
MAX_MIRROR_RATIO = 10.0


@dataclass(frozen=True)
class Counted:
    """A figure the sentence shows to be a count; `noun` is what it counts, when named."""

    noun: str | None
    how: str


@dataclass(frozen=True)
class _Words:
    heads: re.Pattern[str] | None
    totals: re.Pattern[str] | None
    copulas: re.Pattern[str] | None
    partitive: re.Pattern[str] | None
    subject_verbs: re.Pattern[str] | None
    stopwords: frozenset[str]
    links: frozenset[str]
    scales: frozenset[str]
    capitalised_nouns: bool


def _phrases(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    # longest first, so "the total number of" wins over "the number of"
    alternatives = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    # a phrase ending in an elided article ("le nombre d'") runs on into its noun
    spaced = [
        r"[\s\u00a0]+".join(map(re.escape, w.split())) + (r"(?!\w)" if w[-1].isalnum() else "")
        for w in alternatives
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(spaced) + ")", re.IGNORECASE)


@cache
def _words(lang: str) -> _Words:
    data = load_lang(lang)
    counts = data.counts
    return _Words(
        heads=_phrases(counts.heads),
        totals=_phrases(counts.totals),
        copulas=_phrases(counts.copulas),
        partitive=_phrases(counts.partitive),
        subject_verbs=_phrases(counts.copulas + counts.subject_verbs),
        stopwords=frozenset(w.lower() for w in counts.stopwords),
        links=frozenset(w.lower() for w in data.units.links),
        scales=frozenset(w.lower().rstrip(".") for w in data.numbers.scales),
        capitalised_nouns=counts.capitalised_nouns,
    )


def bare_count(quantity: Quantity) -> bool:
    """A whole count of something unnamed: what this module reads. A fraction ("three
    quarters") or a decimal without a scale counts nothing."""
    return quantity.unit == "count" and not quantity.noun and float(quantity.value).is_integer()


def counted(
    quantity: Quantity,
    text: str,
    sentence: tuple[int, int],
    neighbours: list[Quantity],
    lang: str,
) -> Counted | None:
    """How the sentence shows that `quantity`, a bare count, counts something, or None.

    `sentence` is its sentence's span in `text`; `neighbours` the other quantities found
    in the text (only those inside the sentence are read)."""
    words = _words(lang)
    start, end = sentence
    part = _part_of(quantity, text, neighbours, words)
    if part is not None:
        return part
    found = _after_head(quantity, text, start, words) or _as_subject(
        quantity, text, start, end, words
    )
    if found is not None and found.noun:
        return found
    # a total or a subject whose thing goes unnamed may still mirror a figure that names it
    mirror = _mirrored(quantity, text, start, end, neighbours, words)
    if found is not None and mirror is not None:
        return Counted(noun=mirror.noun, how=found.how)
    return found or mirror


def _noun_at(text: str, pos: int, end: int, words: _Words, skip: int = 0) -> str | None:
    """The word at `pos` if it can be a counted noun; up to `skip` function words before
    it are passed over ("the number of the patients")."""
    for match in _WORD.finditer(text, pos, end):
        word = match.group()
        if text[pos : match.start()].strip(" \u00a0"):
            return None  # punctuation first: no noun here
        if word.lower() in words.stopwords or word.lower() in words.links:
            if skip <= 0:
                return None
            skip -= 1
            pos = match.end()
            continue
        if word[0].isupper() and not words.capitalised_nouns:
            return None
        return word
    return None


def _opens_on_function_word(text: str, start: int, limit: int, words: _Words) -> bool:
    """What stands right before the figure is punctuation or a function word ('rose by
    900', 'a total of 900', ', 900'), not a noun or a label ('round 2', 'number 10')."""
    before = text[limit:start].rstrip(" \u00a0")
    if not before:
        return False
    if not before[-1].isalnum():
        return True
    last = _WORD.findall(before[-40:])
    return bool(last) and last[-1].lower() in words.stopwords


def _after_head(quantity: Quantity, text: str, sent_start: int, words: _Words) -> Counted | None:
    best: tuple[int, re.Match[str], bool] | None = None
    for pattern, names_noun in ((words.heads, True), (words.totals, False)):
        if pattern is None:
            continue
        for match in pattern.finditer(text, sent_start, quantity.start):
            if best is None or match.start() > best[0]:
                best = (match.start(), match, names_noun)
    if best is None:
        return None
    _, head, names_noun = best
    gap = text[head.end() : quantity.start]
    if _CLAUSE_BREAK.search(gap) or len(_WORD.findall(gap)) > MAX_GAP_WORDS:
        return None
    if not _opens_on_function_word(text, quantity.start, head.start(), words):
        return None
    noun = _noun_at(text, head.end(), quantity.start, words, skip=2) if names_noun else None
    return Counted(noun=noun, how="head")


def _as_subject(
    quantity: Quantity, text: str, sent_start: int, sent_end: int, words: _Words
) -> Counted | None:
    if words.subject_verbs is None:
        return None
    if not _CLAUSE_OPENER.search(text[sent_start : quantity.start]):
        return None
    verb = words.subject_verbs.match(text, _skip_space(text, quantity.end), sent_end)
    if verb is None or verb.start() == quantity.end:
        return None  # the verb must be a word of its own after the figure
    noun = None
    if words.copulas is not None and words.copulas.fullmatch(verb.group()):
        noun = _noun_at(text, verb.end(), sent_end, words)
    return Counted(noun=noun, how="subject")


def _part_of(
    quantity: Quantity, text: str, neighbours: list[Quantity], words: _Words
) -> Counted | None:
    """'11 of the 17 ministers': a part of a larger count right after it counts its thing."""
    if words.partitive is None:
        return None
    link = words.partitive.match(text, _skip_space(text, quantity.end))
    if link is None or link.start() == quantity.end:
        return None
    whole_start = _skip_space(text, link.end())
    for whole in neighbours:
        if (
            whole.start == whole_start
            and whole.unit == "count"
            and whole.noun
            and whole.value >= quantity.value
        ):
            return Counted(noun=whole.noun, how="partitive")
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _scale_of(surface: str, words: _Words) -> str | None:
    found = [w.lower() for w in _WORD.findall(surface) if w.lower() in words.scales]
    return found[-1] if found else None


def _mirrored(
    quantity: Quantity,
    text: str,
    sent_start: int,
    sent_end: int,
    neighbours: list[Quantity],
    words: _Words,
) -> Counted | None:
    scale = _scale_of(quantity.surface, words)
    if scale is None:
        return None
    # what follows must end the figure's phrase ("(140 million)", "140 million in France"),
    # not carry on to a thing of its own ("41 billion of spending")
    after = text[quantity.end : sent_end].lstrip(" \u00a0")
    first = _WORD.match(after)
    if first and first.group().lower() not in words.stopwords:
        return None
    if first and first.group().lower() in words.links:
        follow = _WORD.match(after[first.end() :].lstrip(" \u00a0"))
        if follow and follow.group().lower() not in words.stopwords:
            return None
    mirrors = [
        q
        for q in neighbours
        if q is not quantity
        and sent_start <= q.start < sent_end
        and q.unit == "count"
        and q.noun
        and _scale_of(q.surface, words) == scale
        and min(q.value, quantity.value) > 0
        and max(q.value, quantity.value) <= MAX_MIRROR_RATIO * min(q.value, quantity.value)
    ]
    nouns = {q.noun for q in mirrors}
    if len(nouns) != 1:
        return None  # none, or two things counted: which one is unclear
    return Counted(noun=nouns.pop(), how="mirror")
