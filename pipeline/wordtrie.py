"""Word lists as regex alternations that re searches fast.

re tries every branch of an alternation at every position of a text: a list of a few
hundred words costs a few hundred tries per position. Written as a trie
('j(?:anuary|u(?:ne|ly))', not 'january|june|july') it costs a few. The trie finds what
the longest-first list finds, where it does: two words that match at one place are one
the other's prefix, and the trie tries the longer first, as the list did.
"""

from __future__ import annotations

import re
from functools import cache


def alternation(words: list[str], ignorecase: bool = True, space: str = r"\s+") -> str:
    """`words` (longest first, no duplicates) as an alternation, a space in a word
    standing for `space` (any run of whitespace, unless told otherwise); "" for no words.
    The plain list where a trie could read otherwise: a word `_tokens` cannot split, or
    (`ignorecase`) two branches of a node that IGNORECASE lets match the same character
    (such as 'k' and the Kelvin sign), which the trie would try in another order than the
    list."""
    trie: dict = {}
    for word in words:
        tokens = _tokens(word, space)
        if tokens is None:
            return _listed(words, space)
        node = trie
        for token in tokens:
            child = node.get(token)
            if child is None:
                if ignorecase and any(_same_ignoring_case(other, token) for other in node if other):
                    return _listed(words, space)
                child = node[token] = {}
            node = child
        node[""] = {}  # a word ends here: tried after every longer one
    return _pattern(trie) if trie else ""


def _listed(words: list[str], space: str) -> str:
    return "|".join(re.escape(w).replace(r"\ ", space) for w in words)


def _tokens(word: str, space: str) -> list[str] | None:
    """The word as one pattern per character, `space` for a space; None for a word a trie
    could read otherwise than the list (a space at an end or two together, other
    whitespace, a backslash)."""
    if word != word.strip() or "  " in word or "\\" in word:
        return None
    tokens = []
    for ch in word:
        if ch == " ":
            tokens.append(space)
        elif ch.isspace():
            return None
        else:
            tokens.append(_escaped(ch))
    return tokens


@cache
def _escaped(ch: str) -> str:
    """`re.escape` of one character, kept: the tries of every language escape a few
    hundred thousand characters at start-up, from an alphabet of a few hundred."""
    return re.escape(ch)


@cache
def _same_ignoring_case(first: str, second: str) -> bool:
    if any(token.startswith("\\s") for token in (first, second)):
        return False  # the other is not whitespace (`_tokens`)
    return bool(_ignoring_case(first).fullmatch(re.sub(r"\\(.)", r"\1", second)))


@cache
def _ignoring_case(token: str) -> re.Pattern[str]:
    return re.compile(token, re.IGNORECASE)


def _pattern(node: dict) -> str:
    options = [token + _pattern(child) for token, child in node.items() if token]
    if "" in node:
        options.append("")
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
