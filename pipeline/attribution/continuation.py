"""Statements across sentences: which units belong to one paragraph.

A statement may run over several sentences of one speaker: the sentences after a cue
that keep reporting its speaker, or the sentences before a cue that points back at them
('This was stated by X'). Both stop at the paragraph break (see the evaluation
guidelines: a new paragraph with no cue of its own is the article's voice).

`Continuations` is a mixin of the statement finder (`statements._Finder`): it reads the
finder's state (`text`, `lex`, `statements`, the speakers seen) and adds statements with
its `_add` and `_trim`.
"""

from __future__ import annotations

from functools import cache

from pipeline.attribution.lexicon import Tok, _phrases, match_at
from pipeline.attribution.units import Unit
from schemas.records import Statement


def paragraphs(text: str, units: list[tuple[int, int]]) -> list[int]:
    """The paragraph index of every unit (units in text order, disjoint).

    A line break between two units starts a new paragraph: plain-text articles separate
    paragraphs by a blank line, HTML pages come out of ingest with one line break per
    block, and a headline or caption is a paragraph of its own either way. A unit keeps
    the blank line after it when its sentence has no final point (a headline), so the
    break is looked for from the end of its last word.
    """
    index, out, end = 0, [], None
    for start, stop in units:
        if end is not None and "\n" in text[end:start]:
            index += 1
        out.append(index)
        end = start + len(text[start:stop].rstrip())
    return out


def continues(paragraph: list[int], speaker_unit: int, unit: int) -> bool:
    """Unit `unit` may go on reporting the speaker of unit `speaker_unit`."""
    return 0 <= speaker_unit < unit and paragraph[speaker_unit] == paragraph[unit]


def silent_run_start(paragraph: list[int], said: list[bool], unit: int) -> int:
    """The first of the units right before `unit` in its paragraph that no statement
    covers; `unit - 1` when `unit` opens its paragraph (an anaphor there points at the
    sentence before, whatever its paragraph)."""
    first = unit - 1
    if paragraph[first] != paragraph[unit]:
        return first
    while first > 0 and paragraph[first - 1] == paragraph[unit] and not said[first - 1]:
        first -= 1
    return first


@cache
def phrase_table(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """A language's phrases compiled for `match_at`, once per process."""
    return _phrases(list(phrases))


class Continuations:
    """A unit with no cue of its own that goes on with the speaker before it."""

    def _headline(self, k: int) -> bool:
        """Unit k is a headline or label: a paragraph of its own whose sentence has no
        final point ('Mali: la facture dépasse 100 millions'). Who a headline is about is
        not who the quote under it is by."""
        start, end = self.units[k].start, self.units[k].end
        last = self.text[start:end].rstrip()[-1:]
        alone = (k == 0 or self.paragraph[k - 1] != self.paragraph[k]) and (
            k + 1 >= len(self.units) or self.paragraph[k + 1] != self.paragraph[k]
        )
        return alone and last not in ".!?…\"'»”“"

    def _continuation(self, unit: Unit) -> None:
        """A unit with no cue of its own that goes on reporting the previous speaker: a
        bare quote, or reported-speech markers (subjunctive, 'estimates')."""
        announced = self.announced
        if announced is not None and announced[2] == self.unit_index - 1 and unit.quotes:
            q = unit.quotes[0]
            if not any(t.word for t in unit.toks if t.end <= q.start):
                self._add(announced[0], announced[1], "direct", q.inner_start, q.inner_end)
                return
        quoted = sum(q.inner_end - q.inner_start for q in unit.quotes)
        opening = self.opening
        opener = (
            self._opener(opening[1], opening[2])
            if opening is not None
            and opening[0] == self.unit_index - 1
            and unit.quotes
            and quoted >= 0.6 * (unit.end - unit.start)
            and not any(t.word for t in unit.toks if t.end <= unit.quotes[0].start)
            and not self._headline(opening[0])
            else None
        )
        if opener is not None:
            # 'Wilders wist daar wel raad mee. "Wat een nonsens!"': the quote is by whom
            # the sentence before, which reported no one, was about
            q = unit.quotes[0]
            mark = self.text[q.start : q.inner_start].strip() or '"'
            self._add(opener, mark, "direct", q.inner_start, unit.quotes[-1].inner_end)
            return
        speaker_unit = self.speakers[-1][0] if self.speakers else -1
        if speaker_unit < 0:
            return
        last = self.statements[-1]
        toks = unit.toks
        if (
            speaker_unit == self.unit_index - 1
            and unit.quotes
            and quoted >= 0.6 * (unit.end - unit.start)
        ):
            # a quote right after the speaker's sentence goes on quoting them, even as
            # a paragraph of its own: the quote marks are the cue
            q = unit.quotes[0]
            self._repeat(last, last.cue, "direct", q.inner_start, unit.quotes[-1].inner_end)
            return
        marker = self._continuation_cue(toks, unit.marks.goes_on)
        # reported speech ends at the paragraph break, unless the next paragraph carries
        # a marker of its own ('He added that ...', 'Demnach ...', a subjunctive): a cue
        next_paragraph = self.paragraph[speaker_unit] == self.paragraph[self.unit_index] - 1
        if not continues(self.paragraph, speaker_unit, self.unit_index) and not (
            marker is not None and next_paragraph
        ):
            return
        if marker is None and last.quote_kind == "direct" and not self._body_goes_on(toks):
            return  # after the speaker's own words, plain prose is the reporter's again
        if marker is None and not self.lex.speech.plain_continuation:
            return  # fr: reported speech goes on in the conditional, not the indicative
        span = self._trim(unit.start, unit.end)
        if span:
            self._repeat(last, marker or last.cue, "indirect", *span)

    def _body_goes_on(self, toks: list[Tok]) -> bool:
        """The unit opens with an organisation's pronoun and the last speaker is a body:
        'Die Behörde sprach von einem "Rekord". Sie zählte 4.000 Anträge.' goes on
        reporting what the body counted (a person's next sentence may be narration)."""
        first = next((t for t in toks if t.word), None)
        return (
            first is not None
            and not first.quoted
            and first.low in self.lex.org_pronouns
            and self.speakers[-1][1].kind == "org"
        )

    def _continuation_cue(self, toks: list[Tok], starts: list[int]) -> str | None:
        """The marker that makes the unit go on reporting ('he added', 'theo đó', a
        subjunctive 'sei'), as written; None when the unit carries none. `starts`: the
        words a marker may start with (`Marks.goes_on`), in order."""
        for k in starts:
            tok = toks[k]
            if not tok.quoted:
                n = match_at(toks, k, self.lex.continuation)
                if n:
                    return self.text[tok.start : toks[k + n - 1].end]
        return None

    def _repeat(self, last: Statement, cue: str, kind: str, start: int, end: int) -> None:
        self.statements.append(
            last.model_copy(update={"cue": cue, "quote_kind": kind, "start": start, "end": end})
        )
        self.speakers.append((self.unit_index, self.speakers[-1][1]))
