"""Speech verbs: 'X said', 'said X', 'ha detto X' (inverted order), separable and passive
cues, the speaker chosen on either side of the verb, and what the verb reports
(a quote next to it, or the indirect content before or after it).

A mixin of the statement finder (`statements._Finder`): its methods read the
finder's state (`text`, `lex`, `units`, `statements`, the speakers seen) and add
statements with its `_add` and `_trim`.
"""

from __future__ import annotations

from pipeline.attribution.lexicon import (
    BETWEEN,
    CONN,
    DATE,
    DEMO,
    DET,
    NAME,
    NP_CLASSES,
    ORG,
    PRON,
    TITLE,
    Mention,
    Tok,
    match_at,
)
from pipeline.attribution.quotes import CONTENT_WINDOW
from pipeline.attribution.speakers import opens_clause
from pipeline.attribution.units import Unit, is_first_word, word_count

RECENT_SOURCES = 4  # speakers back a definite 'the data showed' may take as its body


class VerbCues:
    """A speech verb and its speaker and content."""

    def _cue(self, unit: Unit, k: int, n: int, used_quotes: set[int]) -> bool:
        toks = unit.toks
        left = self._np_before(toks, k)
        # a speaker inside the cue stands in its gap ('voegde Rutte toe'): the cue's last
        # word is never part of it (vi 'dự báo': 'báo' alone is a newspaper)
        right = self._np_after(toks, k + 1, k + n - 1) if n > 2 else None
        passive = False
        source_body = None  # the body of a source noun after a source verb
        phrase = tuple(t.low for t in toks[k : k + n])
        # after a cue that ends in 'that' (vi 'cho rằng') comes what was said, no speaker
        if right is None and toks[k + n - 1].low not in self.lex.complementizers:
            p = k + n  # past time words: 'a déclaré ce mercredi matin Amélie de Montchalin'
            while p < len(toks):
                if toks[p].cls in (DATE, BETWEEN) or (
                    (toks[p].cls in (DET, DEMO) or toks[p].low in self.prepositions)
                    and p + 1 < len(toks)
                    and toks[p + 1].cls == DATE
                ):  # 'published on Friday by X'
                    p += 1
                elif p > k + n and toks[p - 1].cls in (DATE, BETWEEN) and _day_in_brackets(toks, p):
                    p = _day_in_brackets(toks, p)  # 'nesta quinta-feira (27)', 'hoje (9) pelo'
                else:
                    break
            # 'rilevati dall'Ismea'; de 'von' only after a participle: 'sprach von einem
            # Rekord' speaks of a record
            passive = (
                p < len(toks)
                and toks[p].low in self.lex.agents
                and (self.lex.agent_cues is None or phrase in self.lex.agent_cues)
            )
            right = self._np_after(toks, p + passive, len(toks), apposition=True)
            if right is not None and not passive and self._in_pp(toks, right.i):
                # 'ha informado a la CNMV', 'told the SEC': whom it was said to; the
                # speaker may follow ('ha explicado a la prensa el presidente X')
                right = self._np_after(toks, right.j, len(toks), apposition=True)
            if right is None and not passive:
                right = self._quoted_title(toks, p)  # 'пишут «Ведомости»', 'die „Bild“'
            if not passive and phrase in self.lex.source_verbs:
                # '..., ergab eine Umfrage des Ifo-Instituts': the source noun's body
                body = self.past_source(toks, p)
                if body is not None:
                    source_body = self._np_after(toks, body, len(toks))

            if right is not None and self._possessed_object(toks, right):
                right = None  # 'verteidigte seine Pläne': the verb's object
            if passive and right is not None:
                left = None  # the agent said it, not the subject
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
            # 'ACI figures show': ACI's, no one else's; 'The results show' is no one's,
            # unless a body was just given as their source ('the data showed' after
            # 'ministry data showed', 'according to X')
            source = (
                self.source_subject(toks, k) or source_body or self._source_named_before(toks, k)
            )
            if source is not None:
                speaker = source
            elif phrase not in self.lex.speech_verbs or self._source_noun_before(toks, k):
                # 'the company revealed' stays the company's; 'the data revealed' is no one's
                return False
        if (
            speaker is not None
            and self._unconfirmed_opening_word(toks, speaker)
            # 'Haddad declarou que ...': a lone word then a cue and 'that' is a name
            and not (
                speaker.j == k and k + n < len(toks) and toks[k + n].low in self.lex.complementizers
            )
        ):
            speaker = None  # 'Insurance claims rose 12 percent'
        if speaker is None and (self._anaphor_opens(toks, k) or _after_content(toks, k)):
            speaker = self._late_subject(toks, k + n)  # 'Об этом заявил 25 марта ... X'
        if speaker is None:
            speaker = (
                self._participle_subject(unit, k)
                or self._cue_pronoun(toks, k, n)
                or self._anonymous_after(toks, k + n, not is_first_word(toks, k))
                or self._anonymous_before(toks, k)
                or self._source_clause_subject(toks, k)
                or self._coordinated_subject(toks, k)
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
            if self._figures_named_back(toks) and self.previous is not None:
                # 'A taxa chegou a 13,2%. Os dados foram divulgados pelo IBGE.': the
                # paragraph's figures before it are the agent's
                return self._add(speaker, cue_text, "indirect", *self.previous)
            span = self._trim(unit.start, unit.end)
            return span is not None and self._add(speaker, cue_text, "indirect", *span)
        if k > 0 and match_at(toks, k - 1, self.lex.according) == 1:
            # 'según ha comunicado la compañía en un hecho relevante, la cifra ...': a
            # source clause, as 'según X': the sentence is the speaker's
            span = self._trim(unit.start, unit.end)
            return span is not None and self._add(speaker, cue_text, "indirect", *span)
        quote = self._adjacent_quote(unit, k, speaker, cue_end, used_quotes)
        if quote is not None and self._quote_of_another_cue(toks, k, speaker, cue_end, quote):
            quote = None  # 'Lo segnala l'Istat spiegando che "...": the sentence before
        if quote is not None:
            used_quotes.add(id(quote))
            added = self._add(speaker, cue_text, "direct", quote.inner_start, quote.inner_end)
            if added and quote.start > toks[k].start:
                self._after_partial_quote(unit, quote.end)
            return added
        span = self._parenthetical(unit, k, cue_end, speaker) or self._indirect_content(
            unit, k, cue_end, speaker
        )
        if span is None:
            if _ends_with_colon(toks, cue_end):  # 'Putin said:' and the quote below
                self.announced = (speaker, cue_text, self.unit_index)
            return False
        return self._add(speaker, cue_text, "indirect", *span)

    def _parenthetical(self, unit: Unit, k: int, cue_end: int, speaker: Mention):
        """A cue and its speaker set off by commas inside the sentence ('Growth, the
        ministry said, will reach 3 percent'; it 'ad agosto, comunica l'Istat, è sceso al
        9,7%'; es 'La inflación, según explicó X, bajará'): the whole sentence was said."""
        toks = unit.toks
        first, last = min(k, speaker.i), max(cue_end, speaker.j)
        while first > 0 and (
            toks[first - 1].cls in (BETWEEN, DATE) or match_at(toks, first - 1, self.lex.according)
        ):
            first -= 1
        if not (first > 0 and last < len(toks) - 1):
            return None
        if toks[first - 1].text != "," or toks[last].text != ",":
            return None
        if first > 1 and toks[first - 2].quoted:
            return None  # '"...", disse, ao ser premiada': the quote is what was said
        if speaker.i < k and first > 1 and toks[first - 2].cls in (NAME, TITLE, ORG):
            return None  # 'Der Präsident der Agentur, Klaus Müller, hält ...': a role before
        if any(t.text == "," for t in toks[first:last]):
            return None  # vi 'Ngày 7-7, ông X, Chủ tịch Y, thông tin, ...': an apposition
        if word_count(toks[: first - 1]) < 1 or _clause_words(toks, last + 1) < 3:
            return None
        if toks[last + 1].low in self.lex.relative_openers:
            return None  # '..., said the Geneva-based body, which has 1,600 members': not said
        return self._trim(unit.start, unit.end)

    def _quote_of_another_cue(self, toks, k, speaker, cue_end, quote) -> bool:
        """An anaphoric cue ('Lo segnala X') reports what was said before it; a quote
        after it that a second cue or 'that' introduces ('spiegando che "..."') is the
        second cue's."""
        if not (self._anaphor_opens(toks, min(k, speaker.i)) and self.previous is not None):
            return False
        between = [t for t in toks[cue_end:] if t.end <= quote.start]
        return any(
            t.low in self.lex.complementizers or (t.word and t.low in self.lex.cues)
            for t in between
        )

    def _source_noun_before(self, toks: list[Tok], k: int) -> bool:
        """A source noun right before the cue ('the figures also revealed')."""
        p = k - 1
        while p >= 0 and toks[p].cls == BETWEEN:
            p -= 1
        nouns = self.lex.source_nouns
        return p >= 0 and any(
            match_at(toks, q, nouns) == p + 1 - q for q in range(max(0, p - 2), p + 1)
        )

    def _source_named_before(self, toks: list[Tok], k: int) -> Mention | None:
        """'the data showed', 'the figures show': a definite source noun right before
        the cue stands for the data of the body that spoke last, in this paragraph or
        the one before, as a source ('according to X', 'X data showed')."""
        p = k - 1
        while p >= 0 and toks[p].cls == BETWEEN:
            p -= 1
        q = p
        while q > 0 and not (
            toks[q].cls in (DET, DEMO) and match_at(toks, q + 1, self.lex.source_nouns)
        ):
            q -= 1
            if p - q > 3:
                return None
        if (
            q < 0
            or toks[q].cls not in (DET, DEMO)
            or match_at(toks, q + 1, self.lex.source_nouns) != p - q
        ):
            return None
        here = self.paragraph[self.unit_index]
        for unit, sp in reversed(self.speakers[-RECENT_SOURCES:]):
            if here - self.paragraph[unit] > 1:
                break
            # a body, or an acronym of any kind (no person is written in capitals)
            m = sp.mention
            if sp.kind == "org" or any(n.isupper() and len(n) > 1 for n in m.names):
                # the body, standing where its data are named in this unit
                return Mention(q, p + 1, m.start, m.end, m.surface, m.names, m.titles, m.mods, True)
        return None

    def _figures_named_back(self, toks: list[Tok]) -> bool:
        """The unit opens with a definite source noun ('The figures', 'Os dados', 'I
        dati') and holds no number of its own: it names the source of the figures said
        before it."""
        q = next((p for p, t in enumerate(toks) if t.word), len(toks))
        if q < len(toks) and toks[q].cls in (DET, DEMO):
            q += 1
        if q >= len(toks) or not match_at(toks, q, self.lex.source_nouns):
            return False
        return not _has_figure(toks)

    def _as_clause(self, unit: Unit, speaker: Mention, opens: int) -> bool:
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

    def _reported_inside(self, at: int) -> bool:
        """`at` lies in what a speech verb of this unit reports indirectly ('disse que ...
        e que o Executivo espera ...'): a cue there is part of the report."""
        for s in self.statements[self.unit_first :]:
            if s.quote_kind == "indirect" and s.start <= at < s.end and s.speaker_end <= s.start:
                words = tuple(s.cue.casefold().split()[:1])
                if words and words[0] in self.lex.cues and words[0] not in self.lex.according:
                    return True
        return False

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
            if right is None and _after_comma(toks, k):
                # '..., teilte das börsennotierte Unternehmen mit': the verb opens its
                # clause after the content, its subject follows it; the phrase opening
                # the sentence is the content's subject ('Der Gewinn werde ...')
                return None
            return right or self._clause_subject(toks, k)
        if opens_clause(toks, left.i):
            return left
        if right is not None:
            return right
        # verb-final clause or participle: the subject opens the clause ('Der Präsident
        # hat am Montag ... den Vorschlag unterstützt', 'waarin Trump ... heeft geëist')
        return self._clause_subject(toks, k) or left

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
            if p > cue_end and toks[p - 1].text == "," and tok.low in self.lex.relative_openers:
                break  # es '..., dijo el ministro X, que presentó ...': a relative, not 'that'
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
            and word_count(toks[: max(0, first - 1)]) < word_count(toks[cue_end:])
            and not (cue_end + 1 < len(toks) and match_at(toks, cue_end + 1, self.lex.cues))
            # '..., said the body, which has 1,600 members': a clause about the speaker
            and not (cue_end + 1 < len(toks) and toks[cue_end + 1].low in self.lex.relative_openers)
        )
        if (
            first > 0
            and toks[first - 1].text in ",—–"
            and word_count(toks[: first - 1]) >= 3
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
                outer is None
                and word_count(toks[: first - 1]) >= 3
                and (cue_end >= len(toks) or toks[cue_end].text != ",")
            ):
                # '4 percent, Jane Doe, a spokeswoman for X, said': the name opens the
                # apposition, what stands before its comma was said (a comma after the
                # cue opens what was said: vi '..., X, Chủ tịch Y, thông tin, ...')
                outer = first
            if (
                outer is not None
                and outer > 0
                and toks[outer - 1].text == ","
                and word_count(toks[: outer - 1]) >= 3
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
        before = k
        while before > 0 and toks[before - 1].cls == BETWEEN:
            before -= 1
        if (
            speaker.j < before - 1
            and toks[before - 1].text == ","
            and cue_end < len(toks)
            and toks[cue_end].word
            and not any(t.text == "," for t in toks[speaker.j : speaker.j + 1])
            and (_clause_words(toks, cue_end) <= 4 or toks[cue_end].low in self.prepositions)
        ):
            # 'El grupo X logró 6 millones, ha informado a la CNMV': the subject's clause
            return self._trim(toks[speaker.j].start, toks[before - 1].start)
        return self._trim(toks[cue_end].start, unit.end)


def _after_comma(toks: list[Tok], k: int) -> bool:
    """The cue at toks[k] follows a comma (past adverbs between)."""
    p = k - 1
    while p >= 0 and toks[p].cls == BETWEEN and not toks[p].quoted:
        p -= 1
    return p >= 0 and toks[p].text == ","


def _ends_with_colon(toks: list[Tok], p: int) -> bool:
    """Only ':' (and time words) left after toks[p]: 'Putin said on Monday:'."""
    rest = [t for t in toks[p:] if t.cls not in (DATE, CONN, BETWEEN)]
    return bool(rest) and rest[-1].text == ":" and not any(t.word for t in rest)


def _after_content(toks: list[Tok], k: int) -> bool:
    """The cue follows what was said: a comma, dash or quote right before it ('..., заявил
    в интервью агентству министр X')."""
    p = k - 1
    while p >= 0 and toks[p].cls == BETWEEN:
        p -= 1
    return p >= 0 and (toks[p].text in ",—–" or toks[p].quoted)


def _clause_words(toks: list[Tok], p: int) -> int:
    """Words from toks[p] to the next comma or the end."""
    n = 0
    for tok in toks[p:]:
        if tok.text in ",;:" or tok.quoted:
            break
        n += tok.word
    return n


def _has_figure(toks: list[Tok]) -> bool:
    """A digit outside brackets and quote marks: a day in brackets ('nesta quinta-feira
    (27)') is none, nor a year in a quoted title ('na publicação “Censo 2022”')."""
    depth = 0
    for t in toks:
        if t.text in ("(", "["):
            depth += 1
        elif t.text in (")", "]"):
            depth = max(0, depth - 1)
        elif depth == 0 and not t.quoted and any(ch.isdigit() for ch in t.text):
            return True
    return False


def _day_in_brackets(toks: list[Tok], p: int) -> int:
    """Past a day in brackets at toks[p] ('(27)', '(27/10)'), or 0 if none."""
    if toks[p].text != "(":
        return 0
    for q in range(p + 1, min(len(toks), p + 6)):
        if toks[q].text == ")":
            return q + 1 if q > p + 1 else 0
        if not (any(ch.isdigit() for ch in toks[q].text) or toks[q].text in ".-/"):
            return 0
    return 0
