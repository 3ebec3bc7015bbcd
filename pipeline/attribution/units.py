"""Clause units: an article's sentences, merged where a quote or a lowercase start
runs on, each with its tokens, quotes and marks; and word counts over tokens.

The statement finder (`statements`) reads an article unit by unit; every cue module
counts words with `word_count` and `is_first_word`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from pipeline.attribution.lexicon import DET, Lexicon, Marks, Quote, Tok


@dataclass
class Unit:
    start: int
    end: int
    toks: list[Tok]
    quotes: list[Quote]
    marks: Marks
    first: int | None  # index of the first word, None when the unit has none


def split_units(
    text: str,
    lex: Lexicon,
    sents: list[tuple[int, int]],
    quotes: list[Quote],
    midcaps: set[str],
) -> list[Unit]:
    """Sentences merged where a quote crosses a boundary or a sentence starts in
    lowercase (the sentencizer cuts '"I love cats!" insists Burton.' after the '!'). Adds
    to `midcaps` the words capitalised inside a sentence (names, not openers)."""
    spans: list[list[int]] = []
    qi = 0
    for start, end in sents:
        if not text[start:end].strip():
            continue
        while qi < len(quotes) and quotes[qi].end <= start:
            qi += 1
        inside = (
            qi < len(quotes)
            and quotes[qi].start < start < quotes[qi].end
            and any(ch.isalnum() for ch in text[quotes[qi].inner_start : start])
        )
        first = text[start:end].lstrip()[:1]
        gap = text[spans[-1][1] : start] if spans else ""
        if spans and "\n" not in gap and (inside or first.islower()):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    _cut_before_quotes(text, spans, quotes)
    units = []
    qi = 0
    for start, end in spans:
        toks, marks = lex.tokens(text, start, end)
        while qi < len(quotes) and quotes[qi].end <= start:
            qi += 1
        mine = []
        q = qi
        while q < len(quotes) and quotes[q].start < end:
            mine.append(quotes[q])
            q += 1
        if lex.speech.quoted_names and mine:
            mine = _unquote_names(toks, marks, mine, lex)
        _mark_quoted(toks, mine)
        lex.phrases(toks, marks)
        # where every noun is capitalised, the noun after an opening article is
        # no name confirmed inside a sentence ('Die Preise stiegen')
        skip_det = lex.speech.nouns_capitalised
        if toks and toks[0].word:  # most units: no generator to run
            first_word: int | None = 0
        else:
            first_word = next((i for i, t in enumerate(toks) if t.word), None)
        first = len(toks) if first_word is None else first_word
        if skip_det:
            first = next(
                (i for i in range(first, len(toks)) if toks[i].word and toks[i].cls != DET),
                len(toks),
            )
        caps = marks.caps  # in token order: those after `first` are a tail
        # a capital right after a colon opens a sentence too: 'New York, Jan 23: Bucking
        # the trend, ...' confirms no name
        midcaps.update(
            [toks[i].low for i in caps[bisect_right(caps, first) :] if toks[i - 1].text != ":"]
        )
        units.append(Unit(start, end, toks, mine, marks, first_word))
    return units


def _cut_before_quotes(text: str, spans: list[list[int]], quotes: list[Quote]) -> None:
    """The sentencizer leaves an opening quote mark at the end of the sentence before
    ('... podium. "' + 'I love cats," he said.'): move it to the sentence it opens."""
    if not quotes:
        return  # most articles: nothing to move
    qi = 0
    for k in range(len(spans) - 1):
        start, end = spans[k]
        while qi + 1 < len(quotes) and quotes[qi + 1].start < end:
            qi += 1  # the last quote opening before the sentence ends
        if qi < len(quotes) and start < quotes[qi].start < end <= spans[k + 1][0] + 1:
            cut = quotes[qi].start
            if not any(ch.isalnum() for ch in text[cut:end]):
                spans[k][1] = cut
                spans[k + 1][0] = min(spans[k + 1][0], cut)


NAME_QUOTE_WORDS = 3  # words a name in quote marks may have ('«Норильский никель»')


def _unquote_names(toks: list[Tok], marks: Marks, quotes: list[Quote], lex: Lexicon) -> list[Quote]:
    """Where bodies are named in quote marks (ru '«Газпром» сообщил', 'группа
    "Аэрофлот"'), a short quote whose every word is capitalised ('«Единая Россия»'),
    right before or right after a word, is a name: its marks are dropped from `toks`
    (the name's tokens then join the phrase around them, its surface keeps the marks)
    and the quote from the unit's quotes. Changes `toks` and `marks` in place; returns
    the quotes left."""
    kept, drop = [], set()
    for q in quotes:
        lo = bisect_left(toks, q.start, key=_start)
        hi = bisect_left(toks, q.end, key=_start)
        inner = [t for t in toks[lo:hi] if q.inner_start <= t.start < q.inner_end]
        words = [t for t in inner if t.word]
        before = toks[lo - 1] if lo > 0 else None
        after = toks[hi] if hi < len(toks) else None
        is_name = (
            0 < len(words) <= NAME_QUOTE_WORDS
            # every word capitalised: a title of a report or a phrase is not
            # ('«Социально-экономическое положение России»')
            and all(t.cap for t in words)
            and all(t.word or t.text in "-.&+" for t in inner)
            # quoted speech opens its sentence or follows a colon, and a comma or dash
            # follows it: '«Нет», — ответил он', 'сказал: «Да»'
            and ((after is not None and after.word) or (before is not None and before.word))
            # a capitalised word before it is a head ('Группа «Аэрофлот»', 'Глава
            # «Роснефти»'), else the name is another phrase's ('Доля «Аэрофлота»')
            and (before is None or not before.cap or before.low in lex.name_heads)
        )
        if is_name:
            drop.update(i for i in range(lo, hi) if toks[i] not in inner)
            # the name's phrase reaches over the marks: its surface is '«Газпром»'
            inner[0].start, inner[-1].end = q.start, q.end
        else:
            kept.append(q)
    if drop:
        new_index = {}
        for i in range(len(toks)):
            if i not in drop:
                new_index[i] = len(new_index)
        toks[:] = [t for i, t in enumerate(toks) if i not in drop]
        for field in (marks.phrase, marks.said, marks.caps, marks.titled, marks.goes_on):
            field[:] = [new_index[i] for i in field if i in new_index]
    return kept


def _mark_quoted(toks: list[Tok], quotes: list[Quote]) -> None:
    """Mark the tokens starting inside a quote (quotes are in order and disjoint)."""
    for q in quotes:
        for k in range(bisect_left(toks, q.start, key=_start), len(toks)):
            if toks[k].start >= q.end:
                break
            toks[k].quoted = True


def _start(tok: Tok) -> int:
    return tok.start


def is_first_word(toks: list[Tok], k: int) -> bool:
    """No word stands before toks[k] (punctuation may)."""
    return not any(t.word for t in toks[:k])


def word_count(toks: list[Tok]) -> int:
    """The words among `toks` (punctuation is no word)."""
    return sum(1 for t in toks if t.word)
