"""Attributed statements: direct quotes, indirect speech, 'according to', continuations.

Rules over per-language word lists only (blank spaCy pipelines: no tagger, parser or
NER). Find first, resolve second: every clause unit is scanned for cues, quotes and
source markers; speaker phrases around them are parsed from token classes; pronouns
and roles ('he', 'der russische Präsident', 'Bộ này') are then resolved to the nearest
fitting named speaker seen before. All scans are linear in the article's length.
"""

from __future__ import annotations

import gc
import logging
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from pipeline.attribution.continuation import (
    continues,
    paragraphs,
    phrase_table,
    silent_run_start,
)
from pipeline.attribution.lexicon import (
    BETWEEN,
    CONN,
    DATE,
    DEMO,
    DET,
    MOD,
    NAME,
    NP_CLASSES,
    ORG,
    OTHER,
    PRON,
    TITLE,
    Lexicon,
    Marks,
    Mention,
    Quote,
    Tok,
    find_quotes,
    fold,
    lexicon,
    match_at,
)
from pipeline.attribution.speakers import (
    MAX_NP,
    RECENT_UNITS,
    Speaker,
    SpeakerFinder,
    opens_clause,
)
from pipeline.errors import LanguageDataError
from schemas.records import Statement

log = logging.getLogger(__name__)

# a short lowercase word ending a span is an abbreviation whose point stays ('руб.')
_ABBREVIATION = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZА-Я]{1,4}$")
ANONYMOUS_TAIL = (
    7  # tokens an anonymous source's phrase may take ('people familiar with the talks')
)
CATAPHORA_PARAGRAPHS = 3  # paragraphs after an unnamed role within which its name comes
CONTENT_WINDOW = 10  # tokens after a cue within which 'that' / ':' / a quote opens content


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


@dataclass
class _Unit:
    start: int
    end: int
    toks: list[Tok]
    quotes: list[Quote]
    marks: Marks
    first: int | None  # index of the first word, None when the unit has none


class _Finder(SpeakerFinder):
    """Statements of one article, unit by unit."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        super().__init__(text, lex)
        self.statements: list[Statement] = []
        self.unit_before: _Unit | None = None
        self._previous: tuple[int, int] | bool | None = False  # False: not trimmed yet
        self.unit_first = 0  # index of the current unit's first statement
        self.colons: list[tuple[Mention, str, tuple[int, int]]] = []
        self.announced: tuple[Mention, str, int] | None = None  # 'X said:' ending a unit

    # ------------------------------------------------------------ driver

    def run(self, sents: list[tuple[int, int]]) -> list[Statement]:
        quotes = find_quotes(self.text, self.lex)
        units = self._units(sents, quotes)
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
            self._unit(unit)
            if len(self.statements) == before:
                self._continuation(unit)
            silent = len(self.statements) == before
            self.said[k] = not silent
            self.opening = (k, unit.toks, len(self.person_names)) if silent else None
        self._add_colons()
        self._name_cataphora()
        return self.statements

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

    def _units(self, sents: list[tuple[int, int]], quotes: list[Quote]) -> list[_Unit]:
        """Sentences merged where a quote crosses a boundary or a sentence starts in
        lowercase (the sentencizer cuts '"I love cats!" insists Burton.' after the '!')."""
        spans: list[list[int]] = []
        qi = 0
        for start, end in sents:
            if not self.text[start:end].strip():
                continue
            while qi < len(quotes) and quotes[qi].end <= start:
                qi += 1
            inside = (
                qi < len(quotes)
                and quotes[qi].start < start < quotes[qi].end
                and any(ch.isalnum() for ch in self.text[quotes[qi].inner_start : start])
            )
            first = self.text[start:end].lstrip()[:1]
            gap = self.text[spans[-1][1] : start] if spans else ""
            if spans and "\n" not in gap and (inside or first.islower()):
                spans[-1][1] = end
            else:
                spans.append([start, end])
        _cut_before_quotes(self.text, spans, quotes)
        units = []
        qi = 0
        for start, end in spans:
            toks, marks = self.lex.tokens(self.text, start, end)
            while qi < len(quotes) and quotes[qi].end <= start:
                qi += 1
            mine = []
            q = qi
            while q < len(quotes) and quotes[q].start < end:
                mine.append(quotes[q])
                q += 1
            _mark_quoted(toks, mine)
            self.lex.phrases(toks, marks)
            # where every noun is capitalised, the noun after an opening article is
            # no name confirmed inside a sentence ('Die Preise stiegen')
            skip_det = self.lex.speech.nouns_capitalised
            if toks and toks[0].word:  # most units: no generator to run
                first_word: int | None = 0
            else:
                first_word = next((i for i, t in enumerate(toks) if t.word), None)
            first = len(toks) if first_word is None else first_word
            if skip_det:
                first = next(
                    (i for i in range(first, len(toks)) if toks[i].word and toks[i].cls != DET),
                    len(toks),
                )
            caps = marks.caps  # in token order: those after `first` are a tail
            self.midcaps.update([toks[i].low for i in caps[bisect_right(caps, first) :]])
            units.append(_Unit(start, end, toks, mine, marks, first_word))
        return units

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
                if self._common_opening(toks, m):
                    continue  # 'Уровень безработицы составил': a noun opening the sentence
                if self._in_pp(toks, m.i):
                    continue  # 'a depot in Leeds': a place, not the body
                if (
                    len(m.names) == 1
                    and not body
                    and not any(t.word for t in toks[: m.i] if t.cls not in (DET,))
                    and not self.confirmed_name(m.names[0])
                ):
                    continue  # 'Уровень безработицы ...': capitalised as the sentence opens
                if body or fold(m.names[-1]) not in self.person_names:
                    found.append(m)
        return found

    # ------------------------------------------------------------ one unit

    def _unit(self, unit: _Unit) -> None:
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
            # `_first_word(toks, k)`, from the unit's first word
            opening = unit.first is None or unit.first >= k
            n = match_at(toks, k, cues) if low in cues and (not tok.cap or opening) else 0
            if n and self._cue(unit, k, n, used_quotes):
                k += n
                continue
            k += 1
        self._colon(unit, used_quotes)
        self._leftover_quotes(unit)

    def _source_after(self, unit: _Unit) -> None:
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

    def _source_opening(self, unit: _Unit) -> None:
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

    def _leftover_quotes(self, unit: _Unit) -> None:
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
            before = [(i, s) for i, s in mine if s.end <= q.start]
            if before:
                last = before[-1][1]
                self.statements.append(
                    last.model_copy(
                        update={"quote_kind": "direct", "start": q.inner_start, "end": q.inner_end}
                    )
                )

    def _cue(self, unit: _Unit, k: int, n: int, used_quotes: set[int]) -> bool:
        toks = unit.toks
        left = self._np_before(toks, k)
        # a speaker inside the cue stands in its gap ('voegde Rutte toe'): the cue's last
        # word is never part of it (vi 'dự báo': 'báo' alone is a newspaper)
        right = self._np_after(toks, k + 1, k + n - 1) if n > 2 else None
        passive = False
        # after a cue that ends in 'that' (vi 'cho rằng') comes what was said, no speaker
        if right is None and toks[k + n - 1].low not in self.lex.complementizers:
            p = k + n  # past time words: 'a déclaré ce mercredi matin Amélie de Montchalin'
            while p < len(toks) and (
                toks[p].cls in (DATE, BETWEEN)
                or (toks[p].cls in (DET, DEMO) and p + 1 < len(toks) and toks[p + 1].cls == DATE)
            ):
                p += 1
            passive = p < len(toks) and toks[p].low in self.lex.agents  # 'rilevati dall'Ismea'
            right = self._np_after(toks, p + passive, len(toks), apposition=True)
            if right is not None and self._possessed_object(toks, right):
                right = None  # 'verteidigte seine Pläne': the verb's object
            if passive and right is not None:
                left = None  # the agent said it, not the subject
        phrase = tuple(t.low for t in toks[k : k + n])
        if phrase in self.lex.impersonal_cues:
            body = self._impersonal_source(toks, k + n)
            if body is not None:  # 'heißt es in einem Bericht des Amtes': the Amt's
                left, right = None, body
            elif left is not None and not self._in_source(toks, left):
                left = None  # 'Die Lage sei ernst, hieß es': what was said, no one
        if (
            phrase in self.lex.passive_cues
            and not (passive and right is not None)
            and not self._active_perfect(toks, k, n)
        ):
            return False  # 'the figures published on Monday': no agent, no one's cue
        speaker = self._choose(toks, k, left, right)
        if phrase in self.lex.source_verbs:
            # 'ACI figures show': ACI's, no one else's; 'The results show' is no one's
            speaker = self.source_subject(toks, k)
            if speaker is None:
                return False
        if speaker is not None and self._unconfirmed_opening_word(toks, speaker):
            speaker = None  # 'Insurance claims rose 12 percent'
        if speaker is None and (self._anaphor_opens(toks, k) or _after_content(toks, k)):
            speaker = self._late_subject(toks, k + n)  # 'Об этом заявил 25 марта ... X'
        if speaker is None:
            speaker = (
                self._participle_subject(unit, k)
                or self._cue_pronoun(toks, k, n)
                or self._anonymous_after(toks, k + n, not _first_word(toks, k))
                or self._anonymous_before(toks, k)
                or self._dropped_subject(toks, k)
            )
        if (
            phrase in self.lex.impersonal_cues
            and speaker is not None
            and speaker is not right
            and not self._in_source(toks, speaker)
        ):
            # 'Die Lage sei ernst, hieß es aus Kreisen der Regierung': no phrase before
            # the cue says it; an anonymous source after it may
            speaker = self._anonymous_after(toks, k + n, True)
        if speaker is None:
            return False
        # 'as X claims', es 'como sostiene X': the clause opens before the first of them
        if self._as_clause(unit, speaker, speaker.i if speaker is left else k):
            return True
        if self._already_said(toks[k].start, speaker):
            return False
        if (
            0 < speaker.i < k
            and toks[speaker.i - 1].low in self.lex.complementizers
            and self._reported_inside(toks[k].start)
        ):
            return False  # 'X said that the ministry expects 5%': X's figure, as reported
        # a speaker after the cue ends it ('заявил в интервью ... министр X')
        cue_end = max(k + n, speaker.j if speaker is right or speaker.i >= k + n else k + n)
        cue_text = self._cue_text(toks, k, n)
        if passive and speaker is right:  # 'The 5% cut announced by X was ...': all of it
            if len(self.statements) > self.unit_first:
                return False  # after a cue: 'Lo afferma X, commentando i dati diffusi da Y'
            span = self._trim(unit.start, unit.end)
            return span is not None and self._add(speaker, cue_text, "indirect", *span)
        quote = self._adjacent_quote(unit, k, speaker, cue_end, used_quotes)
        if quote is not None:
            used_quotes.add(id(quote))
            added = self._add(speaker, cue_text, "direct", quote.inner_start, quote.inner_end)
            if added and quote.start > toks[k].start:
                self._after_partial_quote(unit, quote.end)
            return added
        span = self._indirect_content(unit, k, cue_end, speaker)
        if span is None:
            if _ends_with_colon(toks, cue_end):  # 'Putin said:' and the quote below
                self.announced = (speaker, cue_text, self.unit_index)
            return False
        return self._add(speaker, cue_text, "indirect", *span)

    def _as_clause(self, unit: _Unit, speaker: Mention, opens: int) -> bool:
        """'... will stay near 2 percent and not reach 5 percent, as X claims': the phrase
        before the comma, back to the last comma, 'and' or 'that', is X's claim, the
        narrower statement inside the sentence's speaker's."""
        toks = unit.toks
        p = opens - 1
        # past the role's words the phrase left out: 'as opposition leader X claims'
        while p > opens - 4 and p > 1 and toks[p].word and toks[p].low not in self.as_words:
            p -= 1
        if p < 1 or toks[p].low not in self.as_words or toks[p - 1].text != ",":
            return False
        end = p - 1
        first = end
        while first > 0 and not (
            toks[first - 1].text in ",;:"
            or toks[first - 1].low in self.lex.complementizers
            or toks[first - 1].low in self.joins
            or toks[first - 1].quoted
        ):
            first -= 1
        if first == end:
            return False
        return self._add(speaker, toks[p].text, "indirect", toks[first].start, toks[end - 1].end)

    def _in_source(self, toks: list[Tok], np: Mention) -> bool:
        """The phrase is the body of a source phrase: 'In einer Mitteilung des Amtes'."""
        links = self.lex.source_links
        return toks[np.i].low in links or (np.i > 0 and toks[np.i - 1].low in links)

    def _impersonal_source(self, toks: list[Tok], p: int) -> Mention | None:
        """The body of 'in einem Bericht des Amtes' right after an impersonal cue."""
        if p >= len(toks) or toks[p].low not in self.prepositions:
            return None
        body = self.past_source(toks, p + 1)
        return self._np_after(toks, body, len(toks)) if body is not None else None

    def _active_perfect(self, toks: list[Tok], k: int, n: int) -> bool:
        """The participle closes a clause whose perfect auxiliary stands before it: 'Das
        Amt hatte am Freitag neue Zahlen veröffentlicht:' is active, the subject its
        source; 'die am Freitag veröffentlichten Zahlen' is not (no auxiliary, no end)."""
        if k + n < len(toks) and toks[k + n].word and not toks[k + n].quoted:
            return False
        p = k - 1
        while p >= 0 and toks[p].text not in ",;:" and not toks[p].quoted:
            if toks[p].low in self.lex.perfect_auxiliaries:
                return True
            p -= 1
        return False

    def _possessed_object(self, toks: list[Tok], np: Mention) -> bool:
        """A phrase opened by a possessive with neither title nor body ('seine Pläne',
        'haar plannen') names a thing owned, not someone who speaks."""
        return toks[np.i].low in self.lex.possessives and not np.titles and not np.org

    def _after_partial_quote(self, unit: _Unit, end: int) -> None:
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

    def _reported_inside(self, at: int) -> bool:
        """`at` lies in what a speech verb of this unit reports indirectly ('disse que ...
        e que o Executivo espera ...'): a cue there is part of the report."""
        for s in self.statements[self.unit_first :]:
            if s.quote_kind == "indirect" and s.start <= at < s.end and s.speaker_end <= s.start:
                words = tuple(s.cue.casefold().split()[:1])
                if words and words[0] in self.lex.cues and words[0] not in self.lex.according:
                    return True
        return False

    def _cue_pronoun(self, toks: list[Tok], k: int, n: int) -> Mention | None:
        """fr 'a-t-il déclaré': the pronoun inside the cue is the speaker."""
        for p in range(k, k + n):
            if any(part in self.lex.pronouns for part in toks[p].low.split("-")[1:]):
                word = next(w for w in toks[p].low.split("-")[1:] if w in self.lex.pronouns)
                return self._mention(toks, p, p + 1, pron=word)
        return None

    def _anonymous_after(self, toks: list[Tok], p: int, content_before: bool) -> Mention | None:
        """An anonymous source right after a cue: 'said a senior official', 'según
        fuentes del ministerio'; it runs to the next punctuation, at most MAX_NP tokens."""
        # past determiners and modifiers, and the short articles and partitives that a
        # determiner list may lack ('des', 'de', 'os'): at most three words
        first = p
        while (
            p < min(len(toks), first + 3)
            and not toks[p].quoted
            and (
                toks[p].cls in (DET, MOD, BETWEEN)
                or (len(toks[p].low) <= 3 and toks[p].low.isalpha() and not toks[p].cap)
            )
        ):
            p += 1
        if p >= len(toks) or not self.roles.anonymous_at(toks, p):
            return None
        n = self.roles.anonymous_at(toks, p)
        j = p + n
        while (
            j < min(len(toks), p + ANONYMOUS_TAIL)
            and toks[j].word
            and not toks[j].quoted
            and toks[j].low not in self.lex.complementizers
            and not match_at(toks, j, self.lex.cues)
        ):
            j += 1
        # a tail that runs into the clause ('Volgens ingewijden kost het plan ...') is
        # not the source's: keep the phrase alone
        # the sentence's end closes the phrase only when the content came before the cue
        ends_clause = (content_before and not any(t.word for t in toks[j:])) or (
            toks[j].text in ",;:"
            or toks[j].low in self.lex.complementizers
            or bool(match_at(toks, j, self.lex.cues))
        )
        if not ends_clause:
            j = p + n
        return self._mention(toks, first, j)

    def _anonymous_before(self, toks: list[Tok], k: int) -> Mention | None:
        """An anonymous source in the clause before a cue: 'People familiar with the
        matter said', 'Insiders have told'."""
        found = None
        for q in range(k - 1, max(-1, k - MAX_NP), -1):
            if toks[q].quoted or toks[q].text in ",;:.!?":
                break
            if self.roles.anonymous_at(toks, q):
                found = q
        if found is None:
            return None
        j = k
        while j > found + 1 and toks[j - 1].cls == BETWEEN:
            j -= 1
        while found > 0 and toks[found - 1].cls in (DET, MOD) and toks[found - 1].word:
            found -= 1
        return self._mention(toks, found, j)

    def _dropped_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """it 'Ha detto che ...', es 'Añadió que ...': a language that drops subject
        pronouns opens the sentence with the cue; the subject is a person pronoun."""
        if not self.lex.speech.null_subject or not self._subjectless(toks, k):
            return None
        np = self._mention(toks, k, k + 1, pron=next(iter(sorted(self.lex.pronouns)), ""))
        np.surface = "(dropped subject)"  # what resolved_from will say
        return np if self._resolvable(np) else None

    def _subjectless(self, toks: list[Tok], k: int) -> bool:
        """Nothing before the cue can be its subject: only adverbs, or a fronted phrase of
        lowercase words ('Entre as obras previstas citou ...') whose capitalised
        first word is so only as the sentence opens."""
        for p, tok in enumerate(toks[:k]):
            if tok.quoted or tok.text in ";:":
                return False
            if tok.text == ",":
                # only a fronted adverbial closes with a comma ('Por otro lado, aseguró');
                # a clause before it may hold the subject ('El dato, aseguró ...')
                if any(t.cls not in (OTHER, BETWEEN, CONN, DATE) for t in toks[1:p] if t.word):
                    return False
                continue
            if not tok.word or tok.cls in (BETWEEN, CONN, DATE):
                continue
            if tok.low in self.lex.complementizers or tok.low in self.lex.relatives:
                return False
            opening = p == 0 and tok.low not in self.midcaps
            # a determiner inside a fronted phrase: 'Entre las prioridades destacó'
            fronted = tok.cls == DET and p > 0 and toks[p - 1].low in self.prepositions
            if tok.cls != OTHER and not fronted and not (opening and tok.cls == NAME):
                return False
        return True

    def _cue_text(self, toks: list[Tok], k: int, n: int) -> str:
        """The cue as written; a gap in a separable verb shows as '...' ('schlug ... vor')."""
        inner = [t for t in toks[k + 1 : k + n - 1] if t.cls != BETWEEN]
        if n > 2 and any(t.cls in NP_CLASSES | {PRON} for t in inner):
            return f"{toks[k].text} ... {toks[k + n - 1].text}"
        return self.text[toks[k].start : toks[k + n - 1].end]

    def _choose(self, toks: list[Tok], k: int, left: Mention | None, right: Mention | None):
        if not self.lex.v2:
            return left or right
        if left is None:
            return right or self._clause_subject(toks, k)
        if opens_clause(toks, left.i):
            return left
        if right is not None:
            return right
        # verb-final clause or participle: the subject opens the clause ('Der Präsident
        # hat am Montag ... den Vorschlag unterstützt', 'waarin Trump ... heeft geëist')
        return self._clause_subject(toks, k) or left

    def _participle_subject(self, unit: _Unit, k: int) -> Mention | None:
        """', arguing that ...', ', just pointing out that ...': the clause's subject is
        the speaker of the statement before it in the unit, or the unit's opening phrase."""
        toks = unit.toks
        p = k - 1
        while p >= 0 and toks[p].cls == BETWEEN:
            p -= 1
        if p < 0 or toks[p].text != ",":
            return None
        for unit_index, sp in reversed(self.speakers):
            if unit_index == self.unit_index and sp.mention.start >= unit.start:
                return sp.mention
            break
        return self._opening_subject(toks, k)

    def _according(self, unit: _Unit, k: int, n: int) -> bool:
        toks = unit.toks
        own = [p for p in range(k, k + n) if toks[p].low in self.lex.pronouns]
        if own:  # 'in his words', 'selon lui'
            np = self._mention(toks, own[0], own[0] + 1, pron=toks[own[0]].low)
        else:
            body = self.past_source(toks, k + n)  # 'selon une estimation du cabinet X'
            if body is None and _described_head(toks, k + n):
                body = k + n + 1  # 'according to tracking firm X': a word before the head
            np = self._np_after(toks, k + n if body is None else body, len(toks), apposition=True)
        if np is not None:
            np = self.owner(toks, np)
        # 'según fuentes del ministerio'
        np = np or self._anonymous_after(toks, k + n, not _first_word(toks, k))
        if np is None or (np.pron and not self._resolvable(np)):
            return False
        cue = self.text[toks[k].start : toks[k + n - 1].end]
        after = max(np.j, k + n)
        while after < len(toks) and toks[after].text in ",:":
            after += 1
        if self._anaphor_opens(toks, k) and self.previous is not None:
            span = self.previous  # 'Dat blijkt uit cijfers van het CBS': the sentence before
        elif _first_word(toks, k) and after < len(toks):
            span = self._trim(toks[after].start, unit.end)
        elif k > 0 and toks[k - 1].text == "," and _words(toks[:k]) >= 3:
            # 'A rose, according to X, to 5%' is all X's; 'A rose 5%, according to X' too
            span = self._trim(unit.start, toks[k - 1].start)
            if np.j < len(toks) and toks[np.j].text == "," and _words(toks[np.j :]) >= 2:
                span = self._trim(unit.start, unit.end)
        elif np.j < len(toks) and toks[np.j].text == ",":
            span = self._trim(toks[np.j].end, unit.end)
        else:
            span = self._trim(unit.start, unit.end)
        return span is not None and self._add(np, cue, "indirect", *span)

    def _according_after(self, unit: _Unit, k: int, n: int) -> bool:
        """'..., aldus de advocaat.', 'China, so Putin, könne ...', 'Putin zufolge ...'."""
        toks = unit.toks
        np = None
        if k > 0 and toks[k - 1].text == ",":
            np = self._np_after(toks, k + n, len(toks))
            if np is not None and np.j < len(toks) and toks[np.j].text not in ",.;!?":
                np = None
        if np is None:
            np = self._np_before(toks, k)
        if np is None or (np.pron and not self._resolvable(np)):
            return False
        cue = self.text[toks[k].start : toks[k + n - 1].end]
        span = self._trim(unit.start, unit.end)
        return span is not None and self._add(np, cue, "indirect", *span)

    def _colon(self, unit: _Unit, used_quotes: set[int]) -> None:
        """'Putin: ...' and 'Mozes: leert uw syntax' — a speaker phrase opening the unit."""
        toks = unit.toks
        if self.text.find(":", unit.start, unit.end) < 0:
            return  # a ':' is always a token of its own
        if any(s.start >= unit.start and s.end <= unit.end for s in self.statements[-3:]):
            return
        np = self._np_after(toks, 0, min(len(toks), MAX_NP))
        if np is None or np.j >= len(toks) or toks[np.j].text != ":" or not np.named:
            return
        span = self._trim(toks[np.j].end, unit.end)
        if span:  # decided at the end, when the article has said who is a person
            self.colons.append((np, "direct" if unit.quotes else "indirect", span))

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
            if not known or any(s.start <= start < s.end for s in self.statements):
                continue
            who = "org" if np.org else "person" if person else speaking[fold(np.names[-1])]
            speaker = Speaker(np, who, np.surface, np.start, np.end)
            self.statements.append(speaker.statement(":", kind, start, end))

    def _continuation(self, unit: _Unit) -> None:
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

    # ------------------------------------------------------------ content

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
                    return None if _name_quote(inner) else q  # '«Оздоровление Волги», заявил'
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

    def _indirect_content(self, unit, k, cue_end, speaker):
        toks = unit.toks
        first = min(k, speaker.i)
        anaphoric = self._anaphor_opens(toks, first) and self.previous is not None
        cues = self.lex.cues
        for p in range(cue_end, min(len(toks), cue_end + CONTENT_WINDOW)):
            tok = toks[p]
            if tok.quoted or (tok.word and tok.low in cues and match_at(toks, p, cues)):
                break
            if anaphoric and tok.text == ",":
                break  # 'Lo ha detto X, intervenendo a ..., sottolineando che': the sentence before
            if not tok.text.isalpha() and any(ch.isdigit() for ch in tok.text):
                break  # 'ha prometido 206 millones que ...': the object, then a relative
            if tok.low in self.lex.complementizers or tok.text == ":":
                return self._trim(tok.end, unit.end)
        if anaphoric:
            return self.previous  # 'Lo ha detto il ministro', 'Об этом заявил Силуанов'
        apposed = speaker.i < k and any(t.text == "," for t in toks[speaker.j : k])
        as_said = False  # ', según destacó Pastor durante ...': what the sentence said before
        while first > 0 and (
            toks[first - 1].cls == BETWEEN or match_at(toks, first - 1, self.lex.according)
        ):
            as_said = as_said or toks[first - 1].cls != BETWEEN
            first -= 1  # ', según ha explicado la ministra'
        comma_then_more = (  # vi 'Phát biểu tại họp báo, X cho biết, tính đến ...'
            cue_end < len(toks)
            and toks[cue_end].text == ","
            and _words(toks[: max(0, first - 1)]) < _words(toks[cue_end:])
            and not (cue_end + 1 < len(toks) and match_at(toks, cue_end + 1, self.lex.cues))
        )
        if (
            first > 0
            and toks[first - 1].text in ",—–"
            and _words(toks[: first - 1]) >= 3
            and not apposed
            and not comma_then_more
            # what follows the cue is short or a prepositional phrase ('said on the call')
            and (
                as_said
                or _clause_words(toks, cue_end) <= 4
                or toks[cue_end].low in self.prepositions
            )
        ):
            return self._trim(unit.start, toks[first - 1].start)
        if apposed and first > 1 and toks[first - 1].text == ",":
            # '..., the Commissioner for Economic Affairs, Paolo Gentiloni, explained on
            # Tuesday': what comes before the role and the name
            outer = self._np_start(toks, first - 2)
            if (
                outer is not None
                and outer > 0
                and toks[outer - 1].text == ","
                and _words(toks[: outer - 1]) >= 3
                and (_clause_words(toks, cue_end) == 0 or toks[cue_end].low in self.prepositions)
            ):
                return self._trim(unit.start, toks[outer - 1].start)
        if not any(t.word for t in toks[cue_end:]):  # clause-final cue: 'hat ... bestätigt.'
            if (
                first > 1
                and toks[first - 1].low in self.lex.as_markers
                and toks[first - 2].text == ","
            ):
                return self._trim(unit.start, toks[first - 2].start)  # '..., wie X mitteilte'
            if speaker.j <= k:
                span = self._trim(toks[speaker.j].start, toks[k].start)
            else:
                span = self._trim(unit.start, toks[first].start)
            if span and first <= 1 and toks[0].cls in (DET, DEMO) and self.previous:
                return self.previous  # 'Das teilte das Bundesamt mit': what was said before
            return span
        return self._trim(toks[cue_end].start, unit.end)

    def _anaphor_opens(self, toks: list[Tok], first: int) -> bool:
        """The unit opens with a word for what was said before and a few words more, then
        the speaker or cue: 'Lo ha detto il ministro', 'Dat heeft Gentiloni gezegd'."""
        opening = next((p for p, t in enumerate(toks) if t.word), 0)
        n = match_at(toks, opening, self.lex.anaphors) if opening < first else 0
        between = toks[opening + n : first]
        return (
            bool(n)
            and _words(between) <= 3
            and not any(
                t.text in ",;:" or t.quoted or t.low in self.lex.complementizers for t in between
            )
        )

    def _trim(self, start: int, end: int) -> tuple[int, int] | None:
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
        speaker = self._resolve(np)
        if speaker is None:
            return False
        for s in self.statements[self.unit_first :]:
            if s.start == start and s.end == end:
                return True
        if speaker.kind == "person" and speaker.mention.names:
            self._person(fold(speaker.mention.names[-1]))
        self.statements.append(speaker.statement(cue, kind, start, end))
        self.speakers.append((self.unit_index, speaker))
        return True


def _cut_before_quotes(text: str, spans: list[list[int]], quotes: list[Quote]) -> None:
    """The sentencizer leaves an opening quote mark at the end of the sentence before
    ('... podium. "' + 'I love cats," he said.'): move it to the sentence it opens."""
    if not quotes:
        return  # most articles: nothing to move
    qi = 0
    for k in range(len(spans) - 1):
        start, end = spans[k]
        while qi + 1 < len(quotes) and quotes[qi + 1].start < end:
            qi += 1  # the last quote opening before the sentence ends
        if qi < len(quotes) and start < quotes[qi].start < end <= spans[k + 1][0] + 1:
            cut = quotes[qi].start
            if not any(ch.isalnum() for ch in text[cut:end]):
                spans[k][1] = cut
                spans[k + 1][0] = min(spans[k + 1][0], cut)


def _mark_quoted(toks: list[Tok], quotes: list[Quote]) -> None:
    """Mark the tokens starting inside a quote (quotes are in order and disjoint)."""
    for q in quotes:
        for k in range(bisect_left(toks, q.start, key=_start), len(toks)):
            if toks[k].start >= q.end:
                break
            toks[k].quoted = True


def _start(tok: Tok) -> int:
    return tok.start


def _ends_with_colon(toks: list[Tok], p: int) -> bool:
    """Only ':' (and time words) left after toks[p]: 'Putin said on Monday:'."""
    rest = [t for t in toks[p:] if t.cls not in (DATE, CONN, BETWEEN)]
    return bool(rest) and rest[-1].text == ":" and not any(t.word for t in rest)


def _name_quote(inner: str) -> bool:
    """A quoted name ('"Focus"', '"Der Spiegel"'): a few capitalised words, no sentence."""
    words = inner.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and inner[-1:].isalnum()


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


def _after_content(toks: list[Tok], k: int) -> bool:
    """The cue follows what was said: a comma, dash or quote right before it ('..., заявил
    в интервью агентству министр X')."""
    p = k - 1
    while p >= 0 and toks[p].cls == BETWEEN:
        p -= 1
    return p >= 0 and (toks[p].text in ",—–" or toks[p].quoted)


def _first_word(toks: list[Tok], k: int) -> bool:
    return not any(t.word for t in toks[:k])


def _clause_words(toks: list[Tok], p: int) -> int:
    """Words from toks[p] to the next comma or the end."""
    n = 0
    for tok in toks[p:]:
        if tok.text in ",;:" or tok.quoted:
            break
        n += tok.word
    return n


def _words(toks: list[Tok]) -> int:
    return sum(1 for t in toks if t.word)
