"""References across sentences: a cue after the figure that points back to what was said
('Lo ha detto il ministro', 'Об этом заявил Силуанов') takes the silent sentences
before it as content; a person's role said before the name ('o governante disse ...')
is the person named as a speaker a little later.

A mixin of the statement finder (`statements._Finder`): its methods read the
finder's state (`text`, `lex`, `units`, `statements`, the speakers seen) and add
statements with its `_add` and `_trim`.
"""

from __future__ import annotations

from bisect import bisect_right

from pipeline.attribution.continuation import silent_run_start
from pipeline.attribution.lexicon import Tok, fold, match_at
from pipeline.attribution.units import word_count

CATAPHORA_PARAGRAPHS = 3  # paragraphs after an unnamed role within which its name comes


class Anaphora:
    """What an anaphoric cue refers back to; roles named later."""

    @property
    def previous(self) -> tuple[int, int] | None:
        """What an anaphoric cue ('Lo ha detto X', 'Об этом заявил X') refers back to, as
        content (trimmed when first asked for): the units of this paragraph before it that
        no statement covers, back to the paragraph's start; a cue opening its paragraph
        refers to the unit before."""
        if self._previous is False:
            k = self.unit_index
            if k == 0:
                self._previous = None
            else:
                first = silent_run_start(self.paragraph, self.said, k)
                self._previous = self._trim(self.units[first].start, self.units[k - 1].end)
        return self._previous

    def _anaphor_opens(self, toks: list[Tok], first: int) -> bool:
        """The unit opens with a word for what was said before and a few words more, then
        the speaker or cue: 'Lo ha detto il ministro', 'Dat heeft Gentiloni gezegd'."""
        opening = next((p for p, t in enumerate(toks) if t.word), 0)
        n = match_at(toks, opening, self.lex.anaphors) if opening < first else 0
        between = toks[opening + n : first]
        return (
            bool(n)
            and word_count(between) <= 3
            and not any(
                t.text in ",;:" or t.quoted or t.low in self.lex.complementizers for t in between
            )
        )

    def _roles_agree(self, role: str, named: str) -> bool:
        """A name given with a title of its own ('President X') is not the one an unnamed
        role of another title stands for ('the finance minister said'); a bare name or
        one with the same role may be."""
        titles = self.lex.titles
        words = [w.strip(".,") for w in fold(named).split()]
        theirs = {self.lex.role(w) for w in words if w in titles}
        if not theirs:
            return True
        mine = {self.lex.role(w.strip(".,")) for w in fold(role).split() if w.strip(".,") in titles}
        return bool(mine & theirs)

    def _name_cataphora(self) -> None:
        """A person's role that no one named before stands for ('o governante disse ...')
        is the first person named as a speaker after it, within the next paragraphs
        ('... Álvaro Santos Pereira adiantou'): news names a minister late, never leaves
        the role alone. With no such speaker the role stays as written."""
        if not self.unnamed_roles:
            return
        starts = self.unit_starts
        statements = self.statements
        for role_start in sorted(self.unnamed_roles):
            paragraph = self.paragraph[max(0, bisect_right(starts, role_start) - 1)]
            role = next(
                (s.speaker_surface for s in statements if s.speaker_start == role_start), ""
            )
            named = next(
                (
                    s
                    for s in statements
                    if s.speaker_kind == "person"
                    and s.resolved_from is None
                    and s.speaker_start is not None
                    and s.speaker_start > role_start
                    and s.speaker_start not in self.unnamed_roles
                    and any(w[:1].isupper() for w in s.speaker_surface.split())
                    and self._roles_agree(role, s.speaker_surface)
                ),
                None,
            )
            if named is None or named.speaker_start is None:
                continue
            later = self.paragraph[max(0, bisect_right(starts, named.speaker_start) - 1)]
            if later - paragraph > CATAPHORA_PARAGRAPHS:
                continue
            for i, s in enumerate(statements):
                if s.speaker_start == role_start:
                    statements[i] = s.model_copy(
                        update={
                            "speaker_surface": named.speaker_surface,
                            "speaker_start": named.speaker_start,
                            "speaker_end": named.speaker_end,
                            "resolved_from": s.resolved_from or s.speaker_surface,
                        }
                    )
