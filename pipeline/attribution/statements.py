"""Attributed statements: direct quotes, indirect speech, 'according to', continuations.

Rules over per-language word lists only (blank spaCy pipelines: no tagger, parser or
NER). Find first, resolve second: every clause unit is scanned for cues, quotes and
source markers; speaker phrases around them are parsed from token classes; pronouns
and roles ('he', 'der russische Präsident', 'Bộ này') are then resolved to the nearest
fitting named speaker seen before. All scans are linear in the article's length.

This module drives the scan, unit by unit; each kind of cue is a mixin of `_Finder`
in a module of its own: `quotes` (direct quotes, colons), `sources` ('according to',
source phrases), `cues` (speech verbs, either order) with `cue_subjects` (speakers a
cue implies), `anaphora` (cues pointing back, roles named later) and `continuation`
(a speaker going on over the next sentences). `units` splits the article into units.
"""

from __future__ import annotations

import gc
import logging
import re

from spacy.tokens import Doc

from pipeline.attribution.anaphora import Anaphora
from pipeline.attribution.continuation import Continuations, paragraphs, phrase_table
from pipeline.attribution.cue_subjects import CueSubjects
from pipeline.attribution.cues import VerbCues
from pipeline.attribution.lexicon import (
    DATE,
    DET,
    Lexicon,
    Mention,
    find_quotes,
    fold,
    lexicon,
    match_at,
)
from pipeline.attribution.quotes import QuoteCues
from pipeline.attribution.sources import SourceCues
from pipeline.attribution.speakers import RECENT_UNITS, SpeakerFinder, opens_clause
from pipeline.attribution.units import Unit, split_units, word_count
from pipeline.errors import LanguageDataError
from schemas.records import Statement

log = logging.getLogger(__name__)

RECENT_STATEMENTS = 12  # statements whose content a pronoun's antecedent may not lie in
VERBLESS_GAP = 6  # tokens between 'Così' and its speaker ('su Facebook il')
VERBLESS_TAIL = 4  # words after that speaker: where it spoke ('a Rainews24')
# a short lowercase word ending a span is an abbreviation whose point stays ('руб.')
_ABBREVIATION = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-Я]{1,4}$")


def find_statements(
    doc: Doc,
    lang: str,
    text: str | None = None,
    sents: list[tuple[int, int]] | None = None,
) -> list[Statement]:
    """Statements in one article's Doc; offsets are into doc.text. Never raises.

    `text` is doc.text and `sents` the sentences' character spans when the caller has
    them already: spaCy rebuilds doc.text from every token on each access, a measurable
    share of a build.
    """
    text = doc.text if text is None else text
    try:
        lex = lexicon(lang)
    except LanguageDataError:
        return []
    if sents is None:
        try:
            sents = [(s.start_char, s.end_char) for s in doc.sents]
        except ValueError:  # a Doc without sentence boundaries
            sents = [(0, len(text))]
    # The cyclic collector ran again and again over the tokens an article allocates (a
    # seventh of attribution's time); nothing here makes a reference cycle, so
    # reference counting frees it all.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _Finder(text, lex).run(sents)
    except Exception:  # a rule bug must not lose the article's quantities
        log.exception("attribution failed; the article's claims get no speaker")
        return []
    finally:
        if collecting:
            gc.enable()


def statement_for(start: int, end: int, statements: list[Statement]) -> Statement | None:
    """The narrowest statement whose reported content contains the span start..end."""
    best = None
    for statement in statements:
        if (
            statement.start <= start
            and end <= statement.end
            and (best is None or statement.end - statement.start < best.end - best.start)
        ):
            best = statement
    return best


class _Finder(Anaphora, Continuations, VerbCues, CueSubjects, SourceCues, QuoteCues, SpeakerFinder):
    """Statements of one article, unit by unit. The mixins find each kind of cue; this
    class holds the state they share, drives the scan and keeps the output (`_add`,
    `_trim`)."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        super().__init__(text, lex)
        self.statements: list[Statement] = []
        self.unit_before: Unit | None = None
        self._previous: tuple[int, int] | bool | None = False  # False: not trimmed yet
        self.unit_first = 0  # index of the current unit's first statement
        self.colons: list[tuple[Mention, str, tuple[int, int]]] = []
        self.announced: tuple[Mention, str, int] | None = None  # 'X said:' ending a unit
        self.unnamed_body_said = False  # a cue in this unit whose body role named no one

    # ------------------------------------------------------------ driver

    def run(self, sents: list[tuple[int, int]]) -> list[Statement]:
        quotes = find_quotes(self.text, self.lex)
        units = split_units(self.text, self.lex, sents, quotes, self.midcaps)
        self.units = units
        self.sources_after = phrase_table(tuple(self.lex.speech.sources_after))
        self.as_words = set(self.lex.speech.as_clauses)
        self.joins = set(self.lex.speech.name_joins)
        self.unit_starts = [u.start for u in units]
        self.units_total = len(units)
        self.paragraph = paragraphs(self.text, [(u.start, u.end) for u in units])
        self.said = [False] * len(units)  # units with a statement of their own or continued
        for k, unit in enumerate(units):
            self.unit_index = k
            self.unit_first = len(self.statements)
            self.unit_before = units[k - 1] if k else None
            self._previous = False
            self._scan_mentions(unit.toks, unit.marks.titled)
            # openers are found when asked for (rarely), as the article stood now
            self.unit_opening = (unit.toks, len(self.person_names))
            before = len(self.statements)
            self.unnamed_body_said = False
            self._unit(unit)
            if len(self.statements) == before and not self.unnamed_body_said:
                self._continuation(unit)
            silent = len(self.statements) == before
            self.said[k] = not silent
            self.opening = (k, unit.toks, len(self.person_names)) if silent else None
        self._add_colons()
        self._name_cataphora()
        return self.statements

    def _name_by_use(self, word: str) -> bool:
        """A word opening the headline or the lead that the article writes capitalised
        at least twice and never in lowercase ('Deoleo gana 251 millones' over 'Deoleo
        cerró ...'): a name, though only sentences open with it. A common noun opening
        sentences ('Revenue') is written lowercase too."""
        if self.lex.speech.nouns_capitalised or not word[:1].isupper() or len(word) < 4:
            return False
        folded = word.casefold()
        openings = (self.text[u.start : u.end].lstrip().casefold() for u in self.units[:2])
        if not any(opening.startswith(folded) for opening in openings):
            return False
        pattern = rf"(?<!\w){re.escape(word)}(?!\w)"
        # a lowercase word on the same stem is the common noun inflected ('уровне')
        stem = word[: max(4, len(word) - 3)].lower()
        # 'Blackberry' in the headline is 'BlackBerry' in the lead: the letters, any case
        written = re.findall(pattern, self.text, re.IGNORECASE)
        return sum(w[0].isupper() for w in written) >= 2 and not re.search(
            rf"(?<!\w){re.escape(stem)}", self.text
        )

    def _recent_statements(self) -> list[Statement]:
        return self.statements[-RECENT_STATEMENTS:]

    def _after_determiner(self, word: str) -> bool:
        """The article writes `word` after a determiner somewhere ('der Umsatz')."""
        determiners = self.lex.speech.determiners
        for hit in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", self.text):
            before = self.text[max(0, hit.start() - 20) : hit.start()].split()
            if before and before[-1].casefold() in determiners:
                return True
        return False

    def _untitled_names(self, before: int) -> list[Mention]:
        """Named phrases with no title in this unit and the few before it, that are not
        known persons: the bodies a role noun ('the company') may stand for."""
        found = []
        for u in range(self.unit_index, max(-1, self.unit_index - RECENT_UNITS), -1):
            unit = self.units[u]
            if unit.start >= before:
                continue
            toks = unit.toks
            p = 0
            for c in unit.marks.caps:
                # a subject opens its clause ('Die Nordwerk AG eröffnete ein Lager'):
                # a capitalised noun or a place further on is not the body
                if c < p or toks[c].start >= before or not opens_clause(toks, c):
                    continue
                m = self._np_after(toks, c, len(toks))
                if m is None or m.end > before:
                    continue
                # a name without a title, or a body's own head word ('Росстат'), not a
                # role noun again
                body = not m.named and m.org and self.roles.kind_of(m.surface) is None
                if not body and (not m.named or m.titles):
                    continue
                p = m.j
                # a word opening the headline ('Takkt mit Umsatzsprung', 'Porr verdoppelte
                # Verluste') where every noun is capitalised: the body the headline is
                # about, though named once, unless the article writes it after a
                # determiner ('Umsatz bricht ein' above 'Der Umsatz fiel': a noun). Where
                # nouns are lowercase an opening capital is no sign of a name, and a word
                # no article precedes is as often an adverb ('Binnenkort').
                if (
                    u == 0
                    and len(m.names) == 1
                    and self.lex.speech.nouns_capitalised
                    and self._headline(u)
                ):
                    if self._after_determiner(m.names[0]):
                        continue
                    if not m.titles and fold(m.names[0]) not in self.person_names:
                        found.append(m)
                        continue
                if self._common_opening(toks, m) and not self._name_by_use(m.names[0]):
                    continue  # 'Уровень безработицы составил': a noun opening the sentence
                if self._in_pp(toks, m.i):
                    continue  # 'a depot in Leeds': a place, not the body
                if c >= 2 and toks[c - 1].text == "," and toks[c - 2].word and toks[c - 2].cap:
                    continue  # 'El dueño de Carbonell, Bertolli y Hojiblanca': a list's tail
                if m.j + 1 < len(toks) and toks[m.j].text == "," and toks[m.j + 1].cls == DATE:
                    continue  # 'WATERLOO, Ontario, June 19 --': a dateline's place
                if len(m.names) == 1 and m.j < len(toks) and toks[m.j].text.isdigit():
                    continue  # 'New York, Jan 23:': a dateline's short month and day
                if (
                    len(m.names) == 1
                    and not any(
                        t.word for t in toks[_after_dateline(toks, m.i) : m.i] if t.cls != DET
                    )
                    and not self.confirmed_name(m.names[0])
                ):
                    continue  # 'Уровень безработицы ...': capitalised as the sentence opens
                if (
                    len(m.names) == 1
                    and not m.org
                    and toks[m.i].cls == DET
                    and self.lex.speech.nouns_capitalised
                ):
                    # 'Der Umsatz stieg', 'Die Erlöse gingen zurück': where every noun is
                    # capitalised, an article and one bare noun name a thing, not a body;
                    # no count of the word confirms it, nouns repeat ('der Umsatz' twice)
                    continue
                if body or fold(m.names[-1]) not in self.person_names:
                    found.append(m)
        return found

    # ------------------------------------------------------------ one unit

    def _unit(self, unit: Unit) -> None:
        """The unit's cues: a source phrase opening it (`sources`), then every word that
        may start 'according to', '..., aldus X' or a speech verb (`cues`), then a
        speaker's colon and the quotes left over (`quotes`)."""
        toks = unit.toks
        used_quotes: set[int] = set()
        self._source_after(unit)
        self._source_opening(unit)
        # a word starts most often a cue only: the tables are asked for it before
        # `match_at` is called on them
        according, after, cues = self.lex.according, self.lex.according_after, self.lex.cues
        k = 0
        for said in unit.marks.said:  # other words match no table below
            if said < k:
                continue
            k = said
            tok = toks[k]
            if tok.quoted:
                continue
            low = tok.low
            n = match_at(toks, k, according) if low in according else 0
            if n and self._according(unit, k, n):
                k += n
                continue
            n = match_at(toks, k, after) if low in after else 0
            if n and self._according_after(unit, k, n):
                k += n
                continue
            # `is_first_word(toks, k)`, from the unit's first word
            opening = unit.first is None or unit.first >= k
            n = match_at(toks, k, cues) if low in cues and (not tok.cap or opening) else 0
            if n and self._cue(unit, k, n, used_quotes):
                k += n
                continue
            k += 1
        self._colon(unit, used_quotes)
        self._leftover_quotes(unit)
        if len(self.statements) == self.unit_first:
            self._verbless_anaphor(unit)
        if len(self.statements) == self.unit_first and self.lex.speech.dash_quotes:
            self._dash_quote(unit)

    def _verbless_anaphor(self, unit: Unit) -> None:
        """'"...". Così su Facebook il senatore Franco Mirabelli.': a sentence of a word
        standing for what was said, a short phrase of where, and a speaker, with no verb;
        what the paragraph said before it is the speaker's."""
        toks = unit.toks
        opening = next((p for p, t in enumerate(toks) if t.word), None)
        if opening is None or toks[opening].low not in self.lex.speech.verbless_anaphors:
            return
        p = opening + 1
        while p < min(len(toks), opening + VERBLESS_GAP):
            if toks[p].quoted or toks[p].text in ",;:":
                return
            np = self._np_after(toks, p, len(toks), apposition=True)
            if np is None or not (np.named or np.titles):
                p += 1
                continue
            if self._in_pp(toks, np.i):
                p = np.j  # 'su Facebook', 'in una nota': where it was said
                continue
            # a speaker and at most where it spoke ('a Rainews24'); more words are a
            # sentence of its own ('Così in Italia il governo ha deciso di ...')
            if word_count(toks[np.j :]) <= VERBLESS_TAIL:
                content = self.previous
                if content is not None:
                    self._add(np, toks[opening].text, "indirect", *content)
            return

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
        """start..end without the spaces and punctuation around it; None when fewer
        than two characters are left."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",:;"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:!?"):
            end -= 1
        if text[end : end + 1] == "." and _ABBREVIATION.search(text, max(start, end - 5), end):
            end += 1  # '750 млрд руб.': the point is the unit's
        return (start, end) if end - start >= 2 else None

    # ------------------------------------------------------------ output

    def _add(self, np: Mention, cue: str, kind: str, start: int, end: int) -> bool:
        """A statement of the speaker `np` resolves to; False when it resolves to no
        one, True without a second statement when this unit has one for start..end."""
        speaker = self._resolve(np)
        if speaker is None:
            if self.roles.kind_of(np.surface) in ("org", "outlet"):
                # 'said the Geneva-based organisation' with no body of its kind named
                # before: someone unnamed said it, the previous speaker did not go on
                self.unnamed_body_said = True
            return False
        for s in self.statements[self.unit_first :]:
            if s.start == start and s.end == end:
                return True
        if speaker.kind == "person" and speaker.mention.names:
            self._person(fold(speaker.mention.names[-1]))
        self.statements.append(speaker.statement(cue, kind, start, end))
        self.speakers.append((self.unit_index, speaker))
        return True


def _after_dateline(toks: list, i: int) -> int:
    """Where the sentence holding toks[i] opens past a dateline ending in a colon or dash
    ('New York, Jan 23: Bucking the trend, ...'): the token after the last such mark."""
    for p in range(i - 1, -1, -1):
        if toks[p].text in (":", "--", "—", "–") and not toks[p].quoted:
            return p + 1
    return 0
