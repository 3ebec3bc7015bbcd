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

from pipeline.attribution.lexicon import Mention, fold

KINDS = ("person", "org", "outlet")


class RoleNouns:
    """One language's role nouns by kind and its anonymous-source words, folded."""

    def __init__(self, role_nouns: dict[str, list[str]], anonymous: list[str]) -> None:
        self.kinds: dict[tuple[str, ...], str] = {
            tuple(fold(noun).split()): kind for kind in KINDS for noun in role_nouns.get(kind, [])
        }
        self.anonymous = [tuple(fold(phrase).split()) for phrase in anonymous]

    def kind_of(self, surface: str) -> str | None:
        """The kind of the role noun in an unnamed speaker phrase, or None."""
        words = _words(surface)
        for phrase, kind in self.kinds.items():
            if _contains(words, phrase):
                return kind
        return None

    def is_anonymous(self, surface: str) -> bool:
        words = _words(surface)
        return any(_contains(words, phrase) for phrase in self.anonymous)


def antecedent(kind: str, before: int, candidates: Iterable[Mention]) -> Mention | None:
    """The nearest named mention of `kind` that starts before `before`.

    A person role takes a person or a named phrase of unknown kind (a lone surname);
    an organisation or outlet role takes an organisation, or a lone name of unknown kind
    (a body without a head word: 'Codacons', 'Petrobras').
    """
    earlier = [m for m in candidates if m.named and m.start < before]
    for fits in (_is_kind, _may_be_kind):  # a known kind first, then a lone name
        best = max((m for m in earlier if fits(kind, m)), key=_start, default=None)
        if best is not None:
            return best
    return None


def _is_kind(kind: str, m: Mention) -> bool:
    return m.kind == ("person" if kind == "person" else "org")


def _may_be_kind(kind: str, m: Mention) -> bool:
    return m.kind == "unknown" and (kind == "person" or len(m.names) == 1)


def _start(m: Mention) -> int:
    return m.start


def _words(surface: str) -> list[str]:
    # elided articles stay on their word: "l'associazione" -> "associazione"
    return [w.rsplit("'", 1)[-1] for w in fold(surface.replace("’", "'")).split()]


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))
