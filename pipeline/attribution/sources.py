"""Source phrases: 'according to X', '..., aldus X', 'X zufolge', a sentence opening with
a body's source noun ('Figures from the ministry, ...') or a source phrase after the
figure ('Os dados são do Inpe.'), and the body of an impersonal cue's source.

A mixin of the statement finder (`statements._Finder`): its methods read the
finder's state (`text`, `lex`, `units`, `statements`, the speakers seen) and add
statements with its `_add` and `_trim`.
"""

from __future__ import annotations

from pipeline.attribution.lexicon import NAME, ORG, OTHER, TITLE, Mention, Tok, match_at
from pipeline.attribution.units import Unit, is_first_word, word_count


class SourceCues:
    """'According to' markers and source phrases."""

    def _source_after(self, unit: Unit) -> None:
        """'Os dados são do Inpe.', 'Ad affermarlo è la Coldiretti': a sentence that opens
        with a source phrase attributes the sentences of its paragraph before it that no
        statement covers; what follows in the paragraph goes on with the source."""
        toks = unit.toks
        first = unit.first
        if first is None or self.paragraph_start():
            return
        # the phrase first: `previous` costs more and is asked only when it matches
        n = match_at(toks, first, self.sources_after)
        if not n or self.previous is None:
            return
        np = self._np_after(toks, first + n, len(toks), apposition=True)
        if np is None or np.pron:
            return
        np = self.owner(toks, np)
        cue = self.text[toks[first].start : toks[first + n - 1].end]
        self._add(np, cue, "indirect", *self.previous)

    def paragraph_start(self) -> bool:
        """The current unit opens its paragraph."""
        k = self.unit_index
        return k == 0 or self.paragraph[k - 1] != self.paragraph[k]

    def _source_opening(self, unit: Unit) -> None:
        """it 'Le stime dell'Istat, ...', en 'Figures from the ministry, ...': a unit that
        opens with a body's source noun and a comma reports the body, as 'according to'."""
        toks = unit.toks
        first = unit.first
        body = self.past_source(toks, first) if first is not None else None
        if body is None:
            return
        np = self._np_after(toks, body, len(toks))
        if np is None or not np.named or np.j >= len(toks) or toks[np.j].text != ",":
            return
        span = self._trim(toks[np.j].end, unit.end)
        if span is not None:
            self._add(np, self.text[toks[first].start : toks[body - 1].end], "indirect", *span)

    def _according(self, unit: Unit, k: int, n: int) -> bool:
        toks = unit.toks
        own = [p for p in range(k, k + n) if toks[p].low in self.lex.pronouns]
        own_account = self.lex.speech.own_account
        if own:  # 'in his words', 'selon lui'
            np = self._mention(toks, own[0], own[0] + 1, pron=toks[own[0]].low)
        elif own_account and any(toks[p].low in own_account for p in range(k, k + n)):
            # 'Die Lufthansa strich nach eigenen Angaben 40 Flüge': the clause's subject
            # reports its own figures
            np = self._clause_subject(toks, k)
            if np is None or np.start >= toks[k].start or not self._resolvable(np):
                return False
            cue = self.text[toks[k].start : toks[k + n - 1].end]
            span = self._trim(unit.start, unit.end)  # all the clause says is its own
            return span is not None and self._add(np, cue, "indirect", *span)
        else:
            body = self.past_source(toks, k + n)  # 'selon une estimation du cabinet X'
            if body is None and _described_head(toks, k + n):
                body = k + n + 1  # 'according to tracking firm X': a word before the head
            np = self._np_after(toks, k + n if body is None else body, len(toks), apposition=True)
        if np is not None:
            np = self.owner(toks, np)
        # 'según fuentes del ministerio'
        np = np or self._anonymous_after(toks, k + n, not is_first_word(toks, k))
        if np is None or (np.pron and not self._resolvable(np)):
            return False
        cue = self.text[toks[k].start : toks[k + n - 1].end]
        after = max(np.j, k + n)
        while after < len(toks) and toks[after].text in ",:":
            after += 1
        if self._anaphor_opens(toks, k) and self.previous is not None:
            span = self.previous  # 'Dat blijkt uit cijfers van het CBS': the sentence before
        elif is_first_word(toks, k) and after < len(toks):
            span = self._trim(toks[after].start, unit.end)
        elif k > 0 and toks[k - 1].text == "," and word_count(toks[:k]) >= 3:
            # 'A rose, according to X, to 5%' is all X's; 'A rose 5%, according to X' too
            span = self._trim(unit.start, toks[k - 1].start)
            if np.j < len(toks) and toks[np.j].text == "," and word_count(toks[np.j :]) >= 2:
                span = self._trim(unit.start, unit.end)
        elif np.j < len(toks) and toks[np.j].text == ",":
            span = self._trim(toks[np.j].end, unit.end)
        else:
            span = self._trim(unit.start, unit.end)
        return span is not None and self._add(np, cue, "indirect", *span)

    def _according_after(self, unit: Unit, k: int, n: int) -> bool:
        """'..., aldus de advocaat.', 'China, so Putin, könne ...', 'Putin zufolge ...'."""
        toks = unit.toks
        np = None
        if k > 0 and toks[k - 1].text == ",":
            np = self._np_after(toks, k + n, len(toks))
            # the phrase ends the clause, or a place or time after it does: '..., aldus
            # Dijsselbloem voor aanvang van de ministerraad.'
            if (
                np is not None
                and np.j < len(toks)
                and toks[np.j].text not in ",.;!?"
                and toks[np.j].low not in self.prepositions
            ):
                np = None
        if np is None:
            np = self._np_before(toks, k)
        if np is None or (np.pron and not self._resolvable(np)):
            return False
        cue = self.text[toks[k].start : toks[k + n - 1].end]
        span = self._trim(unit.start, unit.end)
        return span is not None and self._add(np, cue, "indirect", *span)

    def _in_source(self, toks: list[Tok], np: Mention) -> bool:
        """The phrase is the body of a source phrase: 'In einer Mitteilung des Amtes'."""
        links = self.lex.source_links
        return toks[np.i].low in links or (np.i > 0 and toks[np.i - 1].low in links)

    def _impersonal_source(self, toks: list[Tok], p: int) -> Mention | None:
        """The body of 'in einem Bericht des Amtes' right after an impersonal cue."""
        if p >= len(toks) or toks[p].low not in self.prepositions:
            return None
        body = self.past_source(toks, p + 1)
        if body is not None:
            return self._np_after(toks, body, len(toks))
        # 'hieß es aus dem Finanzministerium': a body right after the preposition; a
        # place or a time there ('hieß es in Berlin') is where or when, no one's
        np = self._np_after(toks, p + 1, len(toks))
        return np if np is not None and np.org else None

    def _already_said(self, at: int, np: Mention) -> bool:
        """An 'according to' statement of this unit already reports `at` and names the same
        phrase ('Laut einer Umfrage des Ifo-Instituts erwarten ...': 'erwarten' adds
        nothing)."""
        return any(
            s.start <= at < s.end
            and s.speaker_start < np.end
            and np.start < s.speaker_end
            and s.cue.casefold().split()[:1] in ([w] for w in self.lex.according)
            for s in self.statements[self.unit_first :]
        )


def _described_head(toks: list[Tok], p: int) -> bool:
    """A lowercase word describing the title or head after it: 'tracking' in 'tracking
    firm First Call', 'research' in 'research firm Kpler'."""
    return (
        p + 2 < len(toks)
        and toks[p].word
        and not toks[p].cap
        and toks[p].cls == OTHER
        and toks[p + 1].cls in (TITLE, ORG)
        and toks[p + 2].cls == NAME
    )
