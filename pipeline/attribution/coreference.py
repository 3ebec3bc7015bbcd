"""Coreference by kind: a role noun or pronoun stands for an entity named earlier.

'the company', 'das Unternehmen', 'l'associazione' stand for the nearest organisation
named before them; 'the newspaper', 'издание' for the nearest outlet (an organisation);
'the executive', 'o governante' for the nearest named person. The role noun itself is
never a speaker: with no antecedent the phrase has no speaker. Anonymous and generic
sources ('a senior official', 'people familiar with the matter', 'fuentes del
ministerio') are their own speakers, kept as written with the kind 'anonymous'.

The words come from `[speech.role_nouns]` and `speech.anonymous` in the language files.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pipeline.attribution.lexicon import Lexicon, Mention, Tok, fold

KINDS = ("person", "org", "outlet")


class RoleNouns:
    """One language's role nouns by kind and its anonymous-source words, folded."""

    def __init__(
        self, role_nouns: dict[str, list[str]], anonymous: list[str], definite: list[str]
    ) -> None:
        self.definite = {fold(w).rstrip("'") for w in definite}
        self.kinds: dict[tuple[str, ...], str] = {
            # split as a surface is ("secrétaire d'état": 'secretaire' 'd' 'etat')
            tuple(_words(noun)): kind
            for kind in KINDS
            for noun in role_nouns.get(kind, [])
        }
        self.anonymous = [tuple(fold(phrase).split()) for phrase in anonymous]
        # phrases by their first word, role nouns before anonymous words
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in [*self.kinds.items(), *((a, "anonymous") for a in self.anonymous)]:
            self.by_first.setdefault(phrase[0], []).append((phrase, kind))
        self._kinds_seen: dict[str, str | None] = {}
        # anonymous phrases by their first word, in list order: `anonymous_at` tries only
        # those its token can start (trying every phrase at every token was 4% of
        # attribution). An empty entry ended the search: the phrases after it never match.
        self._anonymous_by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in self.anonymous:
            if not phrase:
                break
            self._anonymous_by_first.setdefault(phrase[0], []).append(phrase)

    def kind_of(self, surface: str) -> str | None:
        """What an unnamed speaker phrase is: the kind of its role noun ('person', 'org',
        'outlet'), 'anonymous' for a generic source, or None. The earliest word decides:
        'sources close to the company' is anonymous, 'the company's sources' a company."""
        known = self._kinds_seen.get(surface, False)
        if known is not False:
            return known
        words = _words(surface)
        found = None
        owner = None  # the kind of a possessive owner ('the company's'), if first
        for i, word in enumerate(words):
            for phrase, kind in self.by_first.get(word, ()):
                if tuple(words[i : i + len(phrase)]) == phrase:
                    found = kind
                    break
            if found is not None and owner is None and words[i + 1 : i + 2] == ["s"]:
                # 'the company's chief executive' is a person; 'the company's sources'
                # stay the company's
                owner, found = found, None
                continue
            if found is not None:
                break
        if found != "person":
            found = owner or found
        if found == "anonymous" and words[:1] and words[0] in self.definite:
            found = "person"  # 'el funcionario': the one named before, not a new source
        if len(self._kinds_seen) < 4096:  # the same phrases recur across articles
            self._kinds_seen[surface] = found
        return found

    def anonymous_at(self, toks: list[Tok], p: int) -> int:
        """Tokens of the anonymous-source phrase starting at toks[p], or 0."""
        if p >= len(toks):
            return 0
        for phrase in self._anonymous_by_first.get(fold(toks[p].low), ()):
            n = len(phrase)
            if p + n <= len(toks) and all(fold(toks[p + q].low) == phrase[q] for q in range(1, n)):
                return n
        return 0


@cache
def role_nouns(lex: Lexicon) -> RoleNouns:
    """One language's `RoleNouns`, built once per process (as `lexicon(lang)` is)."""
    speech = lex.speech
    return RoleNouns(speech.role_nouns, speech.anonymous, speech.definite_articles)


def antecedent(kind: str, before: int, candidates: Iterable[Mention]) -> Mention | None:
    """The nearest named mention of `kind` that starts before `before`.

    A person role takes a person or a named phrase of unknown kind (a lone surname);
    an organisation or outlet role takes an organisation, or a lone name of unknown kind
    (a body without a head word: 'Codacons', 'Petrobras').
    """
    # a body may be named by its head word alone ('Росстат', 'Bundesregierung')
    earlier = [m for m in candidates if (m.named or m.org) and m.start < before]
    for fits in (_is_kind, _may_be_kind):  # a known kind first, then a lone name
        best = max((m for m in earlier if fits(kind, m)), key=_start, default=None)
        if best is not None:
            return best
    return None


def _is_kind(kind: str, m: Mention) -> bool:
    return m.kind == ("person" if kind == "person" else "org")


def _may_be_kind(kind: str, m: Mention) -> bool:
    if not m.named:
        return False
    if kind == "person":
        return m.kind == "unknown"
    return not m.titles  # a body without a head word: 'Codacons', 'Northwind Logistics'


def _start(m: Mention) -> int:
    return m.start


def _words(surface: str) -> list[str]:
    # elided articles stay on their word: "l'associazione" -> "associazione"
    words = []
    for w in fold(surface.replace("’", "'")).split():
        article, _, rest = w.rpartition("'")
        words += [article, rest] if article and rest else [w.strip("'")]
    return words
