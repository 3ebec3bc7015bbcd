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


def alternation(words: list[str], ignorecase: bool = True) -> str:
    """`words` (longest first, no duplicates) as an alternation, a space in a word
    standing for any run of whitespace; "" for no words. The plain list where a trie
    could read otherwise (`_tokens`, `_case_twins`)."""
    listed = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    trie: dict = {}
    for word in words:
        tokens = _tokens(word)
        if tokens is None:
            return listed
        node = trie
        for token in tokens:
            node = node.setdefault(token, {})
        node[""] = {}  # a word ends here: tried after every longer one
    if ignorecase and _case_twins(trie):
        return listed
    return _pattern(trie) if trie else ""


def _tokens(word: str) -> list[str] | None:
    """The word as one pattern per character, any run of whitespace for a space; None for
    a word a trie could read otherwise than the list (a space at an end or two together,
    other whitespace, a backslash)."""
    if word != word.strip() or "  " in word or "\\" in word:
        return None
    if any(ch.isspace() and ch != " " for ch in word):
        return None
    return [r"\s+" if ch == " " else re.escape(ch) for ch in word]


def _case_twins(node: dict) -> bool:
    """Two branches of a node that IGNORECASE lets match the same character (such as 'k'
    and the Kelvin sign): the trie would try them in another order than the list."""
    branches = [token for token in node if token]
    for i, first in enumerate(branches):
        for second in branches[i + 1 :]:
            if _same_ignoring_case(first, second):
                return True
    return any(_case_twins(child) for child in node.values())


@cache
def _same_ignoring_case(first: str, second: str) -> bool:
    if r"\s+" in (first, second):
        return False  # the other is not whitespace (`_tokens`)
    return bool(re.fullmatch(first, re.sub(r"\\(.)", r"\1", second), re.IGNORECASE))


def _pattern(node: dict) -> str:
    options = [token + _pattern(child) for token, child in node.items() if token]
    if "" in node:
        options.append("")
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
