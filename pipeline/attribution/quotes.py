"""Direct quotes and colons: the quote a cue introduces or follows, quotes left over in
a unit with statements, a quoted phrase inside reported speech, and 'Putin: ...'.

A mixin of the statement finder (`statements._Finder`): its methods read the
finder's state (`text`, `lex`, `units`, `statements`, the speakers seen) and add
statements with its `_add` and `_trim`.
"""

from __future__ import annotations

from pipeline.attribution.lexicon import Mention, Tok, fold, match_at
from pipeline.attribution.speakers import MAX_NP, Speaker
from pipeline.attribution.units import Unit

DASHES = ("—",)  # what opens and closes a dash quote (an en dash opens list items too)
CONTENT_WINDOW = 10  # tokens after a cue within which 'that' / ':' / a quote opens content
COLON_CLAUSE = 10  # tokens from a speaker to the ':' opening their quote ('X is blij: "..."')


class QuoteCues:
    """Quote marks and colons as cues, and the quote next to a speech verb."""

    def _leftover_quotes(self, unit: Unit) -> None:
        """A quote in a unit with statements, outside all of them, goes on quoting the
        speaker of the statement before it ('"..." zei Trump. "Misschien ..."')."""
        if not unit.quotes:
            return
        mine = [
            (i, s)
            for i, s in enumerate(self.statements[self.unit_first :], self.unit_first)
            if unit.start <= s.start < unit.end
        ]
        for q in unit.quotes:
            if any(s.start <= q.inner_start < s.end for _, s in mine):
                continue
            inner = self.text[q.inner_start : q.inner_end]
            if _name_quote(inner) and not self._one_word_said(inner):
                continue  # 'schreibt die „Süddeutsche Zeitung“': a title, not more words
            before = [(i, s) for i, s in mine if s.end <= q.start]
            if before:
                last = before[-1][1]
                self.statements.append(
                    last.model_copy(
                        update={"quote_kind": "direct", "start": q.inner_start, "end": q.inner_end}
                    )
                )

    def _dash_quote(self, unit: Unit) -> None:
        """'— É um conjunto de medidas de R$ 150 bilhões — disse.': a paragraph opened by
        a dash is direct speech, up to the next dash; the speaker is named or implied
        after that dash, else is the person who spoke last (the paragraph before
        introduced the quote)."""
        toks = unit.toks
        k = self.unit_index
        if not toks or toks[0].text not in DASHES:
            return
        if k and self.paragraph[k - 1] == self.paragraph[k]:
            return  # a dash inside a paragraph sets off a clause
        close = next((p for p in range(1, len(toks)) if toks[p].text in DASHES), len(toks))
        if close < 2:
            return
        cue = ""
        if close < len(toks) - 1 and match_at(toks, close + 1, self.lex.cues):
            n = match_at(toks, close + 1, self.lex.cues)
            cue = self.text[toks[close + 1].start : toks[close + n].end]
            named = self._np_after(toks, close + 1 + n, len(toks), apposition=True)
            if named is not None and (named.named or named.titles):
                self._add(named, cue, "direct", *self._span(toks, close))
                return
        if not cue and not (k and self.said[k - 1]):
            return  # no cue after it, and no one spoke just before it: a list, a caption
        # who spoke last: a person pronoun's antecedent
        np = self._mention(toks, 0, 1, pron=next(iter(sorted(self.lex.pronouns)), ""))
        np.surface = "(dash quote)"
        self._add(np, cue or toks[0].text, "direct", *self._span(toks, close))

    def _span(self, toks: list[Tok], close: int) -> tuple[int, int]:
        start, end = toks[1].start, toks[close - 1].end
        return self._trim(start, end) or (start, end)

    def _after_partial_quote(self, unit: Unit, end: int) -> None:
        """'prometeu "não recuar" na meta de cortar 2% do gasto': a quoted phrase inside the
        reported clause; the clause's words after it are the speaker's too, up to the next
        quote or cue of the unit."""
        toks = unit.toks
        rest = [t for t in toks if t.start >= end]
        if len(rest) > 1 and rest[0].text == "," and rest[1].low in self.prepositions:
            return  # ', no Fórum de ...', ', at the summit': the reporter's setting
        stop = next(
            (
                p
                for p, t in enumerate(rest)
                if t.quoted or (t.word and match_at(rest, p, self.lex.cues))
            ),
            len(rest),
        )
        if sum(t.word for t in rest[:stop]) < 3:
            return
        span = self._trim(rest[0].start, rest[stop - 1].end)
        if span is not None:
            # placed before the quote's statement: the unit still ends on the speaker's own
            # words, after which plain prose is the reporter's again (`_continuation`)
            last = self.statements[-1]
            self.statements.insert(
                len(self.statements) - 1,
                last.model_copy(
                    update={"quote_kind": "indirect", "start": span[0], "end": span[1]}
                ),
            )

    def _colon(self, unit: Unit, used_quotes: set[int]) -> None:
        """'Putin: ...' and 'Mozes: leert uw syntax' — a speaker phrase opening the unit."""
        toks = unit.toks
        if self.text.find(":", unit.start, unit.end) < 0:
            return  # a ':' is always a token of its own
        if any(s.start >= unit.start and s.end <= unit.end for s in self.statements[-3:]):
            return
        np = self._np_after(toks, 0, min(len(toks), MAX_NP))
        if np is None or np.j >= len(toks) or not np.named:
            return
        colon = np.j if toks[np.j].text == ":" else self._colon_before_quote(toks, np)
        if colon is None:
            return
        span = self._trim(toks[colon].end, unit.end)
        if colon != np.j:  # the quote's own words, without its marks
            opens = toks[colon + 1].start
            q = next((q for q in unit.quotes if q.start <= opens < q.end), None)
            # a quote its paragraph leaves open may run on past what they said
            closed = q is not None and q.end > q.inner_end
            span = (q.inner_start, q.inner_end) if closed else None
        if span:  # decided at the end, when the article has said who is a person
            self.colons.append((np, "direct" if unit.quotes else "indirect", span))

    def _colon_before_quote(self, toks: list[Tok], np: Mention) -> int | None:
        """'NS-topman X is tevreden met de cijfers: "..."': a named person opens the unit,
        a short clause about them follows, and a colon hands over to a quote — the
        quote is theirs. A body ('Het kabinet heeft drie scenario's: "..."') is not
        taken: its clause is more often a heading than a stance."""
        if np.org or not (np.titles or len(np.names) > 1):
            return None
        for p in range(np.j, min(len(toks) - 1, np.j + COLON_CLAUSE)):
            tok = toks[p]
            if tok.quoted or tok.text in ".;!?":
                return None
            if tok.text == ":":
                return p if toks[p + 1].quoted else None
        return None

    def _add_colons(self) -> None:
        """'Putin: ...' speaks; 'Ukraine: 5 killed in attack' is a headline about a place.
        A colon speaker must be a person or a body the article names as such, or one it
        has speak elsewhere ('Inpe: ...' and 'Segundo o Inpe, ...')."""
        if not self.colons:
            return  # most articles: no speakers' words to fold
        speaking = {
            w: s.speaker_kind for s in self.statements for w in fold(s.speaker_surface).split()
        }
        for np, kind, (start, end) in self.colons:
            person = np.titles or len(np.names) > 1 or fold(np.names[-1]) in self.person_names
            known = person or np.org or fold(np.names[-1]) in speaking
            if not known or self.is_place(np):
                continue  # 'Bắc Ninh: thu ngân sách ...': a headline about a place
            if any(s.start <= start < s.end for s in self.statements):
                continue
            who = "org" if np.org else "person" if person else speaking[fold(np.names[-1])]
            speaker = Speaker(np, who, np.surface, np.start, np.end)
            self.statements.append(speaker.statement(":", kind, start, end))

    def _adjacent_quote(self, unit, k, speaker, cue_end, used):
        """The quote a cue introduces ('said that “...') or follows ('“...,” he said')."""
        toks = unit.toks
        first = min(k, speaker.i)
        # quote right before: only punctuation between its end and the cue / speaker
        for q in reversed(unit.quotes):
            if q.end <= toks[first].start:
                between = self.text[q.end : toks[first].start]
                inner = self.text[q.inner_start : q.inner_end]
                if not any(ch.isalnum() for ch in between) and "\n" not in between:
                    if _name_quote(inner) and not self._one_word_said(inner):
                        return None  # '«Оздоровление Волги», заявил'
                    return q
                break
        # quote right after: only complementizers, ':' ',' and a few words in between
        p, words = cue_end, 0
        while p < len(toks) and p < cue_end + CONTENT_WINDOW:
            tok = toks[p]
            if tok.quoted:
                q = next((q for q in unit.quotes if q.start <= tok.start < q.end), None)
                if q is not None and _name_quote(self.text[q.inner_start : q.inner_end]):
                    return None  # 'sagte dem Magazin "Focus", ...': a title, not the words
                return q if q is not None and id(q) not in used else None
            if tok.word:
                if tok.low not in self.lex.complementizers:
                    words += 1
                if words > 3:
                    return None
            elif tok.text in ".;!?":
                return None
            p += 1
        return None

    def _one_word_said(self, inner: str) -> bool:
        """'«Catastrophique», a réagi X': one capitalised word right before a cue is the
        speaker's verdict unless the article writes it as a name elsewhere ('"Bild"')."""
        words = inner.split()
        return len(words) == 1 and not self.confirmed_name(words[0].strip(".,!?…"))


def _name_quote(inner: str) -> bool:
    """A quoted name ('"Focus"', '"Der Spiegel"'): a few capitalised words, no sentence."""
    words = inner.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and inner[-1:].isalnum()
