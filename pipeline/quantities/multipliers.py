"""Multipliers written as one word: 'sixfold', 'zesvoudig', 'verdreifacht'.

A number word glued to a multiplier suffix (the language's `numbers.multipliers`), maybe
inside a verb ('ver' + 'drei' + 'fach' + 't'), is a quantity of unit 'times' and kind
'multiplier', which the claims stage keeps out. Digits with a suffix ('10-fold') are a
number and a unit word, read by the span grammar; the word scanner skips glued words,
so these are found here, by one pattern per language searched only in texts holding
one of the suffixes.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline.quantities.found import Found
from pipeline.quantities.lexicon import (
    NOT_LETTER_AFTER,
    NOT_LETTER_BEFORE,
    Lexicon,
    lexicon,
    trie_pattern,
)
from pipeline.quantities.numbers import words_value
from pipeline.quantities.units import resolve

TIMES = resolve("times")


def find_multipliers(text: str, scan: str, lex: Lexicon) -> list[Found]:
    """Every one-word multiplier in `text` (`scan` is it lowercased, same offsets)."""
    found = _alone(text, scan, lex)
    for suffix in lex.data.numbers.multipliers.suffixes:  # a loop: no generator per text
        if suffix in scan:
            break
    else:
        return found
    for match in _pattern(lex.data.code).finditer(scan):
        value = words_value(match.group("n"), lex.data.code, lex.words, lex.pieces)
        if value is None or value <= 1:
            continue
        start, end = match.span()
        found.append(
            Found(value, start, end, "words", text[start:end], unit=TIMES, unit_surface=None)
        )
    return found


def _alone(text: str, scan: str, lex: Lexicon) -> list[Found]:
    """'twice as many', 'twice the size': a word that is a multiplier by itself, before
    a compared word ('scored twice' is how often, no multiplier)."""
    alone = lex.data.numbers.multipliers.alone
    for word in alone:  # a loop: no generator per text
        if word in scan:
            break
    else:
        return []
    found = []
    for match in _alone_pattern(lex.data.code).finditer(scan):
        value = alone[match.group("w")]
        start, end = match.span("w")
        found.append(
            Found(value, start, end, "words", text[start:end], unit=TIMES, unit_surface=None)
        )
    return found


@cache
def _alone_pattern(code: str) -> re.Pattern:
    data = lexicon(code).data.numbers.multipliers
    return re.compile(
        rf"{NOT_LETTER_BEFORE}(?P<w>{trie_pattern(list(data.alone))})[\s\u00a0]{{1,2}}"
        rf"(?:{trie_pattern(data.compared)}){NOT_LETTER_AFTER}",
        re.IGNORECASE,
    )


@cache
def _pattern(code: str) -> re.Pattern:
    lex = lexicon(code)
    data = lex.data.numbers.multipliers
    words = trie_pattern([w for w in lex.words if w.isalpha()])
    prefix = f"(?:{trie_pattern(data.prefixes)})?" if data.prefixes else ""
    ending = f"(?:{trie_pattern(data.endings)})?" if data.endings else ""
    return re.compile(
        rf"{NOT_LETTER_BEFORE}{prefix}(?P<n>{words}(?:-?{words}){{0,3}})-?"
        rf"(?:{trie_pattern(data.suffixes)}){ending}{NOT_LETTER_AFTER}",
        re.IGNORECASE,  # the scan is lowercased unless that would move offsets
    )
