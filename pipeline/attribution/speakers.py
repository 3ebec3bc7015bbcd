"""Speaker phrases and their resolution, for attribution (helpers of `statements`).

A speaker phrase is parsed from token classes (`lexicon`): [det] (mod | title | org |
name)+ [of ...] [demonstrative], or a lone pronoun; before a cue, after it, in an
apposition ('the Russian president, Vladimir Putin,'). Pronouns and roles are resolved
to the nearest fitting named speaker or titled mention seen before, within a bounded
window so that long articles stay linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.attribution.coreference import antecedent, role_nouns
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
    POSS,
    PRON,
    TITLE,
    Lexicon,
    Mention,
    Tok,
    fold,
    match_at,
)
from pipeline.attribution.units import is_first_word
from schemas.records import Statement

MAX_NP = 16  # tokens in one speaker phrase (vi roles run long)
APPOSITION = 25  # tokens an apposition between a speaker and the cue may take
RECENT_UNITS = 6  # units back a pronoun may look for its speaker
DATELINE = 6  # tokens a dateline before the first sentence may take ("BONN (dpa) –")
DATELINE_MARKS = ("|", "–", "—", "-")  # what ends a dateline: "BERLIN taz |"
WINDOW = 60  # earlier speakers and mentions a pronoun or role is compared with
# words of a role's body between a title and a name: 'министр аграрной политики и
# продовольствия Роман Лещенко'
TITLE_BODY = 4
CONFIRM_UNITS = 3  # sentences an article needs before an opening word must be confirmed
SOURCE_GAP = 20  # tokens between a source noun and the word linking it to its body
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass
class Speaker:
    mention: Mention
    kind: str
    surface: str
    start: int
    end: int
    resolved_from: str | None = None

    def statement(self, cue: str, quote_kind: str, start: int, end: int) -> Statement:
        """What this speaker said between start and end, introduced by `cue`."""
        return Statement(
            speaker_surface=self.surface,
            speaker_start=self.start,
            speaker_end=self.end,
            speaker_kind=self.kind,
            cue=cue,
            quote_kind=quote_kind,
            start=start,
            end=end,
            resolved_from=self.resolved_from,
        )


class SpeakerFinder:
    """Finds speaker phrases in a unit's tokens and resolves them; remembers who spoke
    and who was named, in text order."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.speakers: list[tuple[int, Speaker]] = []  # (unit index, speaker) in order
        self.mentions: list[Mention] = []  # named mentions with a title or head, in order
        # folded last names of titled persons, each with how many came before it (an
        # opener decided late asks what the article had said by then)
        self.person_names: dict[str, int] = {}
        self.titles_of: dict[str, list[str]] = {}  # folded last name -> titles seen with it
        self.unit_index = 0
        self.midcaps: set[str] = set()  # capitalised words seen inside a sentence
        # where a person's role with no one named before it stands ('o governante disse'
        # in an article that names the minister later): the statement finder looks ahead
        self.unnamed_roles: set[int] = set()
        self.units_total = 0
        self.prepositions = set(lex.speech.prepositions)
        self.roles = role_nouns(lex)
        self.programmes = {fold(w) for w in lex.speech.programmes}
        # for `_opener`: this unit's tokens and len(person_names) before it was read; the
        # same for the last unit if it was silent, with its index
        self.unit_opening: tuple[list[Tok], int] = ([], 0)
        self.unit_starts: list[int] = []  # where each unit starts, when the units are known
        self.opening: tuple[int, list[Tok], int] | None = None

    def _clause_subject(self, toks: list[Tok], k: int) -> Mention | None:
        start = k - 1
        while start > 0 and not _clause_boundary(toks, start - 1):
            start -= 1
        if self.lex.v2:
            # 'Im Streit der Koalition hat Minister X ... kritisiert': the phrase right
            # after the finite auxiliary is the subject; a name in the fronted phrase
            # before it ('der Koalition', 'van het kabinet') is that phrase's
            auxiliaries = self.lex.perfect_auxiliaries
            for q in range(start + 1, k - 1):
                if toks[q].low in auxiliaries and not toks[q].quoted:
                    np = self._parse(toks, q + 1, k)
                    if np is not None and (np.named or np.titles):
                        return np
                    break
        p = start
        while p < k:
            if toks[p].cls in NP_CLASSES | {DET} and not toks[p].quoted:
                np = self._parse(toks, p, k)
                if np is not None and (np.named or np.titles) and not self._in_pp(toks, p):
                    return np
                if np is not None:
                    p = np.j
                    continue
            p += 1
        return None

    def _opening_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """The unit's first titled or person phrase before toks[k] (after a dateline or
        an opening adverbial), with its named apposition: 'The Kremlin spokesman,
        Dmitri Peskov, refused ..., arguing that ...'."""
        p = 0
        while p < k:
            if toks[p].quoted or toks[p].text in ";:":
                return None
            np = self._np_after(toks, p, k, apposition=True) if toks[p].word else None
            if np is not None and np.named and (np.titles or np.kind == "person"):
                return np
            p = np.j if np is not None else p + 1
        return None

    def _np_after(self, toks, i, stop, apposition=False) -> Mention | None:
        np = self._parse(toks, i, stop)
        if np is not None and apposition and np.named and not np.org:
            # 'Amélie de Montchalin, la ministre des Comptes publics, ...': her role
            if np.j + 1 < stop and toks[np.j].text == ",":
                role = self._parse(toks, np.j + 1, stop)
                if (
                    role is not None
                    and role.titles
                    and not role.named
                    and not role.org
                    and _apposition_closes(toks, np, role, stop)
                ):
                    np.titles = np.titles + role.titles
                    np.mods = np.mods + role.mods
            return np
        if np is None or not apposition or np.named or np.pron or np.org:
            return np  # a body takes no named apposition: 'Según la patronal, el PIB crecerá'
        # 'according to Russia's special envoy on ..., Kirill Dmitriev'
        for p in range(np.j, min(stop, np.j + APPOSITION)):
            if toks[p].text == "," and p + 1 < stop:
                named = self._parse(toks, p + 1, stop)
                if named is not None and named.named:
                    if toks[p - 1].cap and self._named_after_comma(toks, named.j, stop):
                        # 'ministro de Economía, Comercio y Empresa, Carlos Cuerpo': the
                        # body's name goes on as a list; the person comes after it
                        continue
                    return _with_role(named, np)
            if toks[p].text in ".;!?" or toks[p].quoted:
                break
        return np

    def _named_after_comma(self, toks: list[Tok], p: int, stop: int) -> bool:
        """A comma at toks[p] and a named phrase after it, itself closed by a comma or
        the stop: 'Comercio y Empresa, Carlos Cuerpo, defendió'."""
        if p + 1 >= stop or toks[p].text != ",":
            return False
        named = self._parse(toks, p + 1, stop)
        return (
            named is not None
            and named.named
            and not named.org
            and (named.j >= stop or toks[named.j].text in ",")
        )

    def owner(self, toks: list[Tok], np: Mention) -> Mention:
        """A named programme followed by the body that runs it ('o Projeto X (PX), do
        Instituto Y', 'the X Survey of the Y Office'): the body, whose figures they are.
        Any other phrase is its own speaker."""
        words = [t for t in toks[np.i : np.j] if t.cls != DET and t.word]
        # the head opens the name in Romance languages, ends it in English; a source
        # noun's reading may have left it before the phrase ('la Encuesta de [Salarios]')
        heads = words[:1] + words[-1:] + toks[max(0, np.i - 2) : np.i]
        if not any(t.cap and fold(t.low) in self.programmes for t in heads):
            return np
        # the body after a link, past the rest of the programme's name ('do Desmatamento
        # na Amazônia') and its acronym; a body only where its phrase has a head word
        # ('Instituto', 'Office'), or after a comma ('..., do Inpe')
        p, comma = np.j, False
        while p < min(len(toks), np.j + MAX_NP) and not toks[p].quoted:
            if toks[p].text == "(":  # the programme's acronym
                while p < len(toks) and toks[p].text != ")" and p - np.j < MAX_NP:
                    p += 1
            elif toks[p].text == ",":
                comma = True
            elif not toks[p].word:
                break
            link = match_at(toks, p, self.lex.source_links) if toks[p].word else 0
            if link:
                body = self._np_after(toks, p + link, len(toks))
                if body is not None and not body.pron and (body.org or (comma and body.named)):
                    return body
            if comma and toks[p].text != ",":
                break
            p += 1
        return np

    def _late_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """The first titled person after toks[k], past time and place phrases: ru 'Об этом
        заявил 25 марта на заседании ... министр финансов Алексей Кудрин'."""
        p = k
        while p < len(toks) and toks[p].text not in ".;:!?" and not toks[p].quoted:
            if toks[p].low in self.lex.complementizers:
                return None
            np = self._np_after(toks, p, len(toks), apposition=True) if toks[p].word else None
            # a titled full name is the subject even after a noun that governs a name ('в
            # интервью телеканалу глава компании Иван Петров')
            if (
                np is not None
                and np.named
                and np.titles
                # ... but a body after a preposition is whom it was said to ('ha
                # informado a la Comisión Nacional del Mercado de Valores')
                and (not self._in_pp(toks, p) or (len(np.names) >= 2 and not np.org))
            ):
                return np
            p = np.j if np is not None else p + 1
        return None

    def past_source(self, toks: list[Tok], p: int) -> int | None:
        """Where the body starts after a source noun at toks[p] ('data from the customs
        department', 'báo cáo tháng 10 (...) của Bộ Y tế', ru 'данным Росстата'); None
        when no source noun is there or no body follows it."""
        first = p + (p < len(toks) and toks[p].cls in (DET, DEMO))
        nouns = self.lex.source_nouns  # asked before `match_at`: this runs for every unit
        # up to two adjectives before the noun: 'the latest estimates', 'einer neuen Umfrage'
        for q in range(first, min(first + 3, len(toks))):
            n = match_at(toks, q, nouns) if toks[q].low in nouns else 0
            if n or not toks[q].word or toks[q].cls not in (OTHER, MOD) or toks[q].cap:
                break
        else:
            return None
        if not n or _opens_head(toks, q, n):
            return None  # 'the statistics office': the noun opens a body's own head word
        q += n
        # one who published the data outranks any link, which may be inside the data's
        # own name ('la Encuesta de Población Activa publicada por el INE')
        agent = self._publisher(toks, q)
        if agent is not None:
            return agent
        if self._names_word(toks, q - n):
            return None  # 'Statistics Korea', 'la Encuesta de Población Activa': a name
        capitalised_nouns = self.lex.speech.nouns_capitalised
        # the noun's own words (adjectives, a period in brackets) up to the link: the
        # body is the first phrase after a link, or right after the noun (ru genitive)
        for r in range(q, min(len(toks), q + SOURCE_GAP)):
            tok = toks[r]
            if tok.quoted or tok.text in ",;:.!?" or tok.low in self.lex.complementizers:
                break
            if capitalised_nouns and tok.word and not tok.cap and tok.cls == OTHER:
                # 'Gemäß den Zahlen liege der Umsatz': where nouns are capitalised, a
                # lowercase word after the noun is the clause's verb, 'der' after it
                # the subject's article, no link
                break
            link = match_at(toks, r, self.lex.source_links)
            if link:
                return r + link
            if r == q and tok.cls in (NAME, TITLE, ORG, DET, MOD):
                return r
        return None

    def _publisher(self, toks: list[Tok], q: int) -> int | None:
        """Where the agent of a publishing participle starts in the source phrase from
        toks[q] on: 'data released on Friday by X', 'los datos publicados hoy por X'."""
        for r in range(q, min(len(toks), q + SOURCE_GAP)):
            tok = toks[r]
            if tok.text == "," and r + 1 < len(toks) and match_at(toks, r + 1, self.lex.passive):
                continue  # a participle set off by a comma: 'la Encuesta ..., publicada por'
            if tok.quoted or tok.text in ",;:.!?" or tok.low in self.lex.complementizers:
                return None
            n = match_at(toks, r, self.lex.passive) if tok.word else 0
            if not n:
                continue
            # up to three lowercase words or a date between: 'published on Friday by'
            for a in range(r + n, min(len(toks), r + n + 4)):
                if toks[a].low in self.lex.agents:
                    return a + 1
                if not toks[a].word or (toks[a].cap and toks[a].cls != DATE):
                    break
        return None

    def _names_word(self, toks: list[Tok], p: int) -> bool:
        """toks[p] is capitalised where a noun is not: inside a sentence, in a language
        that writes nouns lowercase ('Statistics Korea', 'Encuesta de Población Activa')."""
        return toks[p].cap and not self.lex.speech.nouns_capitalised and not is_first_word(toks, p)

    def source_subject(self, toks: list[Tok], k: int) -> Mention | None:
        """The body whose source noun is the subject of the cue at toks[k]: 'ACI figures
        show', 'data from the customs department show', 'Số liệu của Tổng cục Thống kê
        cho thấy'."""
        p = k - 1
        while p >= 0 and toks[p].cls == BETWEEN:
            p -= 1
        if p < 0:
            return None
        # 'ACI figures', 'Government statistics': the body before the noun
        for q in range(max(0, p - 2), p + 1):
            # a capitalised one is a name's word: 'Tổng cục Thống kê' (statistics office)
            if q > 0 and not toks[q].cap and match_at(toks, q, self.lex.source_nouns) == p + 1 - q:
                # 'ONS labour market statistics': lowercase words of the noun before it
                end = q
                while end > 1 and q - end < 3 and _lowercase_modifier(toks[end - 1]):
                    end -= 1
                start = self._np_start(toks, end - 1)
                if start is not None:
                    np = self._parse(toks, start, end, exact=True)
                    if np is not None and (np.named or np.org):
                        return np
        # '[the] data from the customs department', 'số liệu của Bộ Y tế': the noun opens
        # the clause and the body ends right before the cue
        for q in range(p, max(-1, p - SOURCE_GAP - MAX_NP), -1):
            if toks[q].quoted or toks[q].text in ",;:.!?":
                break
            at = self.past_source(toks, q)
            if at is not None and at <= p:
                np = self._parse(toks, at, p + 1, exact=True)
                return np if np is not None and (np.named or np.org) else None
        return None

    def _person(self, name: str) -> None:
        self.person_names.setdefault(name, len(self.person_names))

    def _opener(self, toks: list[Tok], names: int) -> Mention | None:
        """The named person opening a unit ('Wilders wist daar wel raad mee.'), whom a
        bare quote right after it may be by; as decided when the article had named
        `names` persons (the unit's start or end)."""
        first = next((p for p, t in enumerate(toks) if t.word), None)
        if first is not None:
            first = _past_dateline(toks, first)
        adverb = False
        while first is not None and first + 1 < len(toks) and toks[first].cls == BETWEEN:
            first += 1  # 'Anche il presidente dell'Istat X ...', 'También la ministra ...'
            adverb = True
        if first is None or toks[first].quoted:
            return None
        np = self._np_after(toks, first, len(toks))
        if np is None or not np.named or np.org or self._unconfirmed_opening_word(toks, np, names):
            return None
        if adverb and np.kind != "person":
            return None  # 'Auch die Pharma-Industrie soll ...': a titled person only
        return np

    def _unconfirmed_opening_word(
        self, toks: list[Tok], np: Mention, names: int | None = None
    ) -> bool:
        """A lone capitalised word opening the sentence ('Insurance claims rose') is a
        name only if the article also writes it capitalised inside a sentence."""
        if np.titles or np.pron or np.org or len(np.names) != 1 or np.j - np.i != 1:
            return False
        if self.units_total < CONFIRM_UNITS:
            return False  # too little text to confirm a name with
        if any(t.word for t in toks[: np.i]):
            return False
        low = toks[np.i].low
        if low in self.midcaps:
            return False
        # a person named by the time of the decision (`names`: how many were, or now)
        order = self.person_names.get(fold(low))
        return order is None or (names is not None and order >= names)

    def _common_opening(self, toks: list[Tok], np: Mention) -> bool:
        """A phrase of bare capitalised words opening the sentence ('Уровень безработицы',
        'Ausbau Erneuerbarer') whose first word the article never writes capitalised
        inside a sentence and which names no known person: a common word, not a name."""
        if np.titles or np.org or np.pron or self.units_total < CONFIRM_UNITS:
            return False
        if any(t.word for t in toks[: np.i]):
            return False
        if fold(np.names[-1]) in self.person_names:
            return False
        if toks[np.i].cls == DET:
            return False  # 'Die Bundesnetzagentur registrierte'
        # where every noun is capitalised, one inside a sentence confirms nothing
        return self.lex.speech.nouns_capitalised or toks[np.i].low not in self.midcaps

    def _np_before(self, toks: list[Tok], k: int) -> Mention | None:
        p = k - 1
        while p >= 0 and toks[p].cls == BETWEEN and not toks[p].quoted:
            p -= 1
        if p > 0 and toks[p].cls == DATE and not toks[p].quoted:
            p = self._before_time(toks, p)  # 'GE on Thursday said', 'the ministry on Monday said'
        q = p
        while q > 0 and toks[q].low in self.lex.localities and not toks[q].cap:
            q -= 1
        if q < p and toks[q].word and not toks[q].quoted:
            p = q  # 'Cục Thống kê tỉnh cho biết': the body; where it sits is no name
        if p < 0:
            return None
        if toks[p].low in self.lex.relatives and p > 1 and toks[p - 1].text == ",":
            p -= 1  # 'Denís Shmigal, who has warned that ...'
            start = self._np_start(toks, p - 1)
            if start is not None:
                return self._parse(toks, start, p, exact=True)
        if toks[p].text in (",", "-", "–", "—"):
            return self._apposition_before(toks, p)
        acronym = None
        if toks[p].text == ")":
            q = p
            while q > 0 and toks[q].text != "(" and p - q < 8:
                q -= 1
            if toks[q].text == "(" and q + 2 == p and toks[q + 1].cls == NAME:
                acronym = q + 1  # 'l'Institut national de la statistique (Insee)'
            p = q - 1 if toks[q].text == "(" else p
        start = self._np_start(toks, p)
        # 'Министерство финансов сообщило', 'Министерство финансов РФ объяснило'
        if (start is None and toks[p].cls == OTHER and not toks[p].cap and toks[p].word) or (
            start is not None and start > 0 and toks[start - 1].cls == OTHER
        ):
            body = self._portfolio_body(toks, p)
            if body is not None:
                return body
        if start is None and acronym is not None:
            # a body's name in lowercase words reads as no phrase: its short name in
            # brackets names it
            return self._parse(toks, acronym, acronym + 1, exact=True)
        if start is None:
            return None
        start = self._listed_start(toks, start)
        if _slashed(toks, start):
            return None  # 'HIV/AIDS ghi nhận': the word after a slash is a term's, no one's
        if self._in_pp(toks, start):
            # 'Тео Франкен в интервью Soir заявил': the subject is further left
            subject = self._clause_subject(toks, start)
            if subject is None:
                # 'В интервью РБК министр финансов сказал': the outlet's name ends the
                # preposition's object, the title after it opens the subject
                after_name = (
                    q
                    for q in range(start + 1, p + 1)
                    if toks[q].cls == TITLE and toks[q - 1].cls == NAME
                )
                role = next(after_name, None)
                if role is not None:
                    subject = self._parse(toks, role, p + 1, exact=True)
            return subject
        np = self._parse(toks, start, p + 1, exact=True)
        if (
            np is not None
            and not np.org
            and start >= 2
            and toks[start - 2].cls == DET
            and not toks[start - 1].cap
            and _POSSESSIVE.search(toks[start - 1].low)
        ):
            # 'the country's economy minister said': the phrase opens at its determiner
            np.i, np.start = start - 2, toks[start - 2].start
            np.surface = self.text[np.start : np.end]
        if (
            np is not None
            and np.titles
            and not np.named
            and not np.org  # 'Growth, the ministry said, will ...': a body is no one's title
            and start > 1
            and toks[start - 1].text == ","
        ):
            # 'ông Phạm Thanh Hà, Phó Thống đốc Ngân hàng Nhà nước cho biết': the name before
            named_start = self._np_start(toks, start - 2)
            if named_start is not None and opens_clause(toks, named_start):
                named = self._parse(toks, named_start, start - 1, exact=True)
                if named is not None and named.named and not named.org:
                    return _with_role(named, np)
        return np

    def _name_goes_on(self, toks: list[Tok], j: int, stop: int) -> bool:
        """A comma or dash at toks[j] inside a body's name: a list of capitalised parts
        closed by a joining word ('Environment, Food and Rural Affairs'), or a dash
        between two capitalised parts ('Hiệp hội Dệt may – Thêu đan')."""
        tok = toks[j]
        nxt = toks[j + 1] if j + 1 < stop else None
        if nxt is None or nxt.quoted or not (nxt.word and nxt.cap):
            return False
        if tok.text in ("–", "—", "-", "/"):
            return True  # 'Dệt may – Thêu đan', 'First Call/Thomson Financial'
        if tok.text != ",":
            return False
        for k in range(j + 1, min(stop, j + MAX_NP)):
            if toks[k].low in self.lex.name_joins and not toks[k].quoted:
                return k + 1 < stop and toks[k + 1].cap and toks[k + 1].word
            if not ((toks[k].word and toks[k].cap) or toks[k].text == ","):
                return False
        return False

    def _listed_start(self, toks: list[Tok], start: int) -> int:
        """Where a body's name begins when the phrase ending at a cue starts inside it,
        after its joining word or dash: 'Rural Affairs' in 'the Department for
        Environment, Food and Rural Affairs said'."""
        q = start - 1
        if q < 1 or toks[q].quoted:
            return start
        if toks[q].text in "–—-":
            p = q - 1  # the part before the dash
        elif toks[q].low in self.lex.name_joins:
            q -= 1
            while q > 0 and ((toks[q].word and toks[q].cap) or toks[q].text == ","):
                q -= 1
            p = q + 1  # the last word of the first listed part
            while p + 1 < start and toks[p + 1].word and toks[p + 1].cap:
                p += 1
        else:
            return start
        if p >= 0:
            outer = self._np_start(toks, p) if toks[p].word else None
            if outer is not None and any(t.cls == ORG for t in toks[outer : p + 1]):
                return outer
        return start

    def _before_time(self, toks: list[Tok], p: int) -> int:
        """The token before a time phrase ending at toks[p] ('on Thursday', 'late on
        Monday') between a subject and its cue; p itself when no preposition opens it
        (the date is then no adverb of the cue)."""
        q = p
        while q >= 0 and toks[q].cls in (DATE, DET, BETWEEN) and not toks[q].quoted:
            q -= 1
        if (
            q > 0
            and toks[q].low in self.prepositions
            # the subject may end in its acronym: 'the agency (BPS) on Monday announced'
            and (toks[q - 1].word or toks[q - 1].text in ",)")
        ):
            q -= 1
            while q >= 0 and toks[q].cls == BETWEEN and not toks[q].quoted:
                q -= 1
            return q
        if q >= 0 and q == p - 1 and toks[p].low in self.lex.weekdays and toks[q].cap:
            return q  # 'Apple Inc. Thursday announced': a bare weekday after a name
        return p

    def _in_pp(self, toks: list[Tok], start: int) -> bool:
        """The phrase at toks[start] is a preposition's object ('in an interview with Le
        Soir', 'в интервью Soir'), not a subject."""
        return start > 0 and toks[start - 1].low in self.prepositions and not toks[start - 1].quoted

    def _apposition_before(self, toks: list[Tok], p: int) -> Mention | None:
        """'the Russian president, Vladimir Putin, said'; 'Dmitriev, part of ..., confirmed'."""
        mark = toks[p].text
        for q in range(p - 1, max(-1, p - APPOSITION), -1):
            if toks[q].quoted or toks[q].text in ".;!?":
                return None
            if toks[q].text == mark or (mark in "-–—" and toks[q].text in "-–—"):
                inner_start = self._np_start(toks, p - 1)
                if inner_start == q + 1:
                    inner = self._parse(toks, q + 1, p, exact=True)
                    if inner is not None and inner.named:
                        outer_start = self._np_start(toks, q - 1) if q > 0 else None
                        outer = None
                        if outer_start is not None:
                            outer = self._parse(toks, outer_start, q, exact=True)
                        if outer is None:
                            return inner
                        if outer.named and inner.titles and not outer.org:
                            # 'Ông Nguyễn Văn Đông, Thứ trưởng Bộ Nông nghiệp, cho biết'
                            return _with_role(outer, inner)
                        return _with_role(inner, outer)
                start = self._np_start(toks, q - 1) if q > 0 else None
                if start is None:
                    return None
                np = self._parse(toks, start, q, exact=True)
                return np if np is not None and (np.named or np.pron or np.titles) else None
        return None

    def _np_start(self, toks: list[Tok], p: int) -> int | None:
        """Leftmost token of a speaker phrase ending at toks[p]."""
        if p < 0 or toks[p].quoted or not toks[p].word:
            return None
        if toks[p].cls == PRON or toks[p].low in self.lex.pronouns:
            return p
        start = None
        q = p
        # the guards before _syllable and _particle are their first tests, inlined (hot)
        syllables, particles = self.lex.syllables, self.lex.particles
        while q >= 0 and p - q < MAX_NP and toks[q].word and not toks[q].quoted:
            cls = toks[q].cls
            if cls in NP_CLASSES or cls == DEMO or (syllables and self._syllable(toks, q)):
                start = q
            elif (
                start is not None
                and q > 0
                and toks[q].low in particles
                and self._particle(toks, q, p + 1, ["_"])
            ):
                if toks[q - 1].cls not in (NAME, TITLE, ORG):
                    break
            elif cls == DET:
                if not (q > 1 and toks[q - 1].cls == CONN and toks[q - 2].cls in (TITLE, ORG)):
                    return q  # 'the spokesman of the ministry' goes on past 'of the'
                start = q
            elif cls == CONN and q > 0 and toks[q - 1].cls in (TITLE, ORG) and start is not None:
                pass
            elif (
                start is None
                and q == p
                and q >= 2
                and not toks[q].cap
                and toks[q - 1].cls == CONN
                and toks[q - 2].cls == TITLE
            ):
                start = q  # 'the minister of economy said': the role's body in lowercase
            else:
                break
            q -= 1
        return start

    def _syllable(self, toks: list[Tok], q: int) -> bool:
        """vi 'Tài nguyên Thiên': a lowercase syllable between two capitalised ones."""
        if not (self.lex.syllables and toks[q].cls == OTHER and not toks[q].cap and q > 0):
            return False
        if not (toks[q - 1].cap and toks[q - 1].word):
            return False
        # only a body's name has lowercase syllables ('Bộ Tài chính'); a person's has none,
        # and a capitalised word opening a sentence ('Sốt rét ghi nhận') is no body
        head = q - 1
        while head > 0 and toks[head].cls not in (ORG, TITLE) and q - head < MAX_NP:
            if toks[head - 1].quoted or not (toks[head - 1].word or toks[head - 1].text in "–—"):
                return False
            head -= 1
        if toks[head].cls not in (ORG, TITLE):
            return False
        after = q + 1
        localities = self.lex.localities
        while after < len(toks) and not toks[after].quoted:
            # 'Vụ Kế hoạch cũng cho rằng': an adverb before the cue; 'Cục Thống kê tỉnh
            # cho biết': where the body sits
            if toks[after].cls != BETWEEN and toks[after].low not in localities:
                break
            after += 1
        nxt = toks[after] if after < len(toks) else None
        if nxt is not None and nxt.word and not nxt.cap:
            # 'Bộ Tài chính cho biết' (but 'nói' in 'Hùng nói đề xuất' is the cue itself)
            cues = self.lex.cues
            return bool(match_at(toks, after, cues)) and not match_at(toks, q, cues)
        return True

    def _affiliation_end(self, toks: list[Tok], j: int, stop: int) -> int:
        """After a lowercase particle at toks[j] and the particles after it, capitalised
        words of which one names a body ('von der Hansebank', 'van LTO Noord', 'von der
        Deutschen Bank'): where they end; else 0."""
        if toks[j].cap:
            return 0
        q = j + 1
        while q < stop and toks[q].low in self.lex.particles and not toks[q].cap:
            q += 1
        end, body = q, False
        while end < stop and end - q < MAX_NP and toks[end].word and toks[end].cap:
            if toks[end].quoted:
                break
            body = body or self.lex.names_body(toks[end])
            end += 1
        return end if body else 0

    def _particle(self, toks: list[Tok], j: int, stop: int, names: list[str]) -> bool:
        """'de' in 'Anna de Vries', 'da' in 'Lula da Silva': between two name words.
        A capitalised one follows a name or a title: 'Bruno Le Maire', 'premier De Croo'
        (elsewhere 'Le', 'De' is a determiner)."""
        tok = toks[j]
        if tok.low not in self.lex.particles:
            return False
        if tok.cap:
            if j == 0 or toks[j - 1].cls not in (NAME, TITLE) or toks[j - 1].quoted:
                return False
        elif not names and not (
            j > 0 and toks[j - 1].cls == TITLE and tok.low in self.lex.title_particles
        ):
            return False  # 'PM de Wit' only where a title's body never follows 'de'
        elif tok.low in self.lex.inner_particles and toks[j - 1].low not in self.lex.particles:
            return False  # de 'der' only in 'von der Leyen': 'sagte Müller den Zeitungen'
        nxt = j + 1
        while nxt < stop and toks[nxt].low in self.lex.particles and not toks[nxt].cap:
            nxt += 1
        if nxt >= stop or toks[nxt].quoted:
            return False
        if len(names) >= 2 and self._affiliation_end(toks, j, stop):
            return False  # 'Anna Kurz von der Hansebank': her body, after her full name
        # after a particle any capitalised word is the name's: 'Le Maire', 'De Koning'
        return toks[nxt].cls == NAME or (toks[nxt].cap and toks[nxt].cls in (TITLE, ORG))

    def _title_body(self, toks: list[Tok], j: int, stop: int, last_title: int) -> bool:
        """Plain lowercase words right after a title and before a name: the role's body
        without a preposition (ru 'министр природных ресурсов Сергей Донской'), maybe
        two joined by a connector ('министр аграрной политики и продовольствия
        Украины Роман Лещенко')."""
        if not (0 <= last_title < j <= last_title + TITLE_BODY):
            return False
        for q in range(last_title + 1, min(stop, last_title + TITLE_BODY + 3)):
            tok = toks[q]
            if tok.cls == NAME and q > last_title + 1:
                return not tok.quoted and j < q  # toks[j] is before the name
            if (
                tok.cls == CONN
                and last_title + 1 < q
                and q + 1 < stop
                and toks[q - 1].cls == OTHER
                and toks[q + 1].cls == OTHER
            ):
                continue  # 'политики и продовольствия': the body goes on
            if tok.cls == ORG and q == last_title + 1 and not tok.cap:
                continue  # the body's head: 'глава министерства финансов Антон Силуанов'
            if tok.cls == MOD and q > last_title + 1 and q + 1 < stop and toks[q + 1].cls == NAME:
                continue  # the body's country: '... продовольствия Украины Роман Лещенко'
            if tok.cls != OTHER or not self._plain_word(tok):
                return False
        return False

    def _plain_word(self, tok: Tok) -> bool:
        """A lowercase content word: no cue, preposition, complementizer or pronoun."""
        lex = self.lex
        return (
            tok.word
            and not tok.cap
            and not tok.quoted
            and len(tok.low) > 3
            and tok.low not in self.prepositions
            and tok.low not in lex.complementizers
            and tok.low not in lex.relatives
            and tok.low not in lex.pronouns
            and tok.low not in lex.statement_starts
        )

    def _lowercase_body(self, toks: list[Tok], j: int, stop: int) -> bool:
        """A role's body written in lowercase before the person's name: 'infrastrutture' in
        'il ministro delle infrastrutture Matteo Salvini', 'financiën' in 'minister van
        financiën Eelco Heinen'."""
        return (
            j < stop
            and toks[j].word
            and not toks[j].cap
            and toks[j].cls == OTHER
            and j + 1 < stop
            and toks[j + 1].cls == NAME
            and not toks[j + 1].quoted
        )

    def _after_particle(self, toks: list[Tok], j: int, names: list[str]) -> bool:
        """toks[j] follows a particle of the name being read: 'Maire' in 'Bruno Le Maire'."""
        return (
            bool(names)
            and j > 0
            and toks[j].cap
            and toks[j - 1].low in self.lex.particles
            and names[-1] == toks[j - 1].text
        )

    def _parse(self, toks, i, stop, exact=False) -> Mention | None:
        """A speaker phrase starting at toks[i]: [det] (mod|poss|title|org|name)+
        [conn [det] ...] [demo]; or a lone pronoun."""
        if i >= stop or toks[i].quoted or not toks[i].word:
            return None
        if toks[i].low in self.lex.complementizers:
            return None
        j, names, titles, mods = i, [], [], []
        org = demo = False
        role_mods = None
        org_part = None
        name_at: list[int] = []  # token index of each of names
        last_head = i - 1
        lower_body = -1
        body = None  # the first word of a role's body: 'Agriculture' in 'ministre de l'Agriculture'
        last_title = i - 1
        # the guards before _syllable, _particle, _after_particle and _title_body are
        # their first tests, inlined: this loop is the hottest of attribution
        syllables, particles = self.lex.syllables, self.lex.particles
        if toks[j].cls in (DET, DEMO):
            j += 1
            if self.lex.speech.nouns_capitalised:
                j = self._adjectives_after_article(toks, j, stop, mods)
        first = j
        if j < stop and (toks[j].cls == PRON or toks[j].low in self.lex.pronouns):
            nxt = toks[j + 1] if j + 1 < stop else None
            if nxt is None or nxt.cls != NAME:
                if exact and j + 1 != stop:
                    return None
                return self._mention(toks, i, j + 1, pron=toks[j].low)
        while j < stop and j - i < MAX_NP:
            tok = toks[j]
            if tok.quoted or not tok.word:
                if tok.text == "(" and names:
                    close = next(
                        (q for q in range(j, min(stop, j + 8)) if toks[q].text == ")"), None
                    )
                    if close is not None:
                        j = close + 1
                        continue
                if (org or (names and tok.text == "/")) and self._name_goes_on(toks, j, stop):
                    j += 1  # 'Department for Environment, Food and ...', 'Dệt may – Thêu đan'
                    continue
                break
            cls = tok.cls
            if j == lower_body:
                pass  # 'delle infrastrutture' in 'il ministro delle infrastrutture Matteo Salvini'
            elif (
                cls == NAME
                or (syllables and self._syllable(toks, j))
                or (tok.low in particles and self._particle(toks, j, stop, names))
                or (names and tok.cap and self._after_particle(toks, j, names))
            ):
                names.append(tok.text)
                name_at.append(j)
                if self.lex.org_suffixes and tok.cap and self.lex.org_compound(tok.low):
                    org = True  # 'die Bundesnetzagentur', 'het Centraal Planbureau'
            elif cls == ORG and tok.low in self.lex.company_forms and names:
                # a legal form closes a company's name: every capitalised word before it
                # is the name's, a title's word too ('General Electric Co.')
                name_at = [q for q in range(first, j) if toks[q].cap and toks[q].word]
                names = [toks[q].text for q in name_at]
                titles, mods, org, last_title, last_head = [tok.low], [], True, i - 1, j
                org_part = role_mods = body = None
            elif cls in (TITLE, ORG):
                org = cls == ORG  # the last head decides: 'Kremlin spokesman' is a person
                last_head = j
                if cls == TITLE:
                    last_title = j
                prefix, _, last = tok.low.strip("-").rpartition("-")
                if prefix and last in self.lex.titles:
                    mods.append(prefix)  # 'US-Präsident': a president, of the US
                if j > first and toks[j - 1].cls == cls and titles:
                    titles[-1] += " " + tok.low
                else:
                    titles.append(tok.low)
            elif (
                cls in (OTHER, CONN)  # a plain word (tested first: this is hot)
                and 0 <= last_title < j <= last_title + TITLE_BODY
                and self._title_body(toks, j, stop, last_title)
            ):
                pass  # ru 'министр природных ресурсов Сергей Донской'
            elif cls in (MOD, POSS):
                mods.append(tok.low)
            elif cls == PRON and tok.low in self.lex.titles:
                titles.append(tok.low)
            elif cls == DEMO and j > first:
                demo = True
                j += 1
                break
            elif (
                org
                and names
                and tok.low in self.lex.name_joins
                and j + 1 < stop
                and toks[j + 1].cap
                and toks[j + 1].word
            ):
                pass  # '..., Food and Rural Affairs': the name's last part follows
            elif (
                len(names) >= 2
                and tok.low in particles
                and (end := self._affiliation_end(toks, j, stop))
            ):
                # the person's body closes the phrase, no name of hers: 'Chefvolkswirtin
                # Anna Kurz von der Hansebank'
                j = end
                break
            elif (
                (cls == CONN or (cls == DET and tok.low in self.lex.genitive_articles))
                and j > first
                and j + 1 < stop
                and toks[j - 1].cls in (TITLE, ORG)
            ):
                # de 'ein Sprecher des Innenministeriums': a genitive article joins as
                # 'of' does
                nxt = j + 1 + (toks[j + 1].cls == DET and j + 2 < stop)
                if (
                    exact
                    and nxt == stop - 1
                    and titles
                    and toks[nxt].cls == OTHER
                    and self._plain_word(toks[nxt])
                ):
                    j = stop  # 'the minister of economy said': a role, its body lowercase
                    break
                if self._lowercase_body(toks, nxt, stop):
                    lower_body = nxt
                if (
                    nxt < stop
                    and not toks[nxt].quoted
                    and (toks[nxt].cls in NP_CLASSES or nxt == lower_body)
                ):
                    if org_part is None and titles and not org:
                        org_part = (toks[nxt].start, None)
                        role_mods = mods + [n.casefold() for n in names]
                        body = nxt
                    elif body is not None:
                        body = nxt  # the body goes on: 'della Banca d'Italia'
                    j = nxt
                    continue
                break
            else:
                break
            j += 1
        if exact and j != stop:
            return None
        if org_part is None and last_title >= i and last_head > last_title and name_at:
            # a body named right after its head, then the person: 'Bộ trưởng Bộ Tài chính
            # Đinh Tiến Dũng', 'Председатель Госдумы Вячеслав Володин'; 'Phó Thống đốc
            # Ngân hàng Nhà nước' names no one
            run = j
            while (
                run > last_head + 1
                and toks[run - 1].cls == NAME
                and not (toks[run - 1].text.isupper() and len(toks[run - 1].text) > 1)
            ):
                run -= 1
            name_at = [q for q in name_at if q >= run]
            names = [toks[q].text for q in name_at]
        if not (names or titles):
            return None
        if org and last_title >= i and any(q > last_head for q in name_at):
            org = False  # a person named after the body: 'Председатель Госдумы Вячеслав Володин'
        if (
            titles
            and not org
            and names
            and not any(toks[q].cls == NAME for q in range(last_title + 1, j))
        ):
            mods, names = mods + [n.casefold() for n in names], []  # 'The Brazilian president'
        m = self._mention(toks, i, j, names=names, titles=titles, mods=mods, org=org, demo=demo)
        if org_part is not None:
            m.org_part = (org_part[0], m.end)
            m.org = False
            m.role_mods = role_mods
            # the body's first word is never the person's: 'il presidente dell'Istat' has
            # no name, 'la ministre de l'Agriculture Annie Genevard' is Annie Genevard's
            if m.names and body is not None:
                # a known portfolio is the body's in full: 'ministra do Meio Ambiente'
                body += max(0, match_at(toks, body, self.lex.org_terms) - 1)
                m.names = [toks[q].text for q in name_at if q > body]
        return m

    def _mention(self, toks, i, j, **kw) -> Mention:
        start, end = toks[i].start, toks[j - 1].end
        return Mention(i, j, start, end, self.text[start:end], **kw)

    def _scan_mentions(self, toks: list[Tok], titled: list[int]) -> None:
        """Remember named phrases with a title or head word, for roles to resolve to.
        `titled`: the tokens that may be a title, a head word or a pronoun."""
        if not titled:
            return  # most units: no title, head word or pronoun to give a phrase titles
        titles = self.lex.titles
        # Only a title, a head word or a title-like pronoun gives a phrase titles, and
        # only one at or after where the phrase starts: parsing a phrase past the last
        # of them finds nothing (most units have none).
        last = -1
        for p in titled:
            t = toks[p]
            if p > last and (t.cls in (TITLE, ORG) or (t.cls == PRON and t.low in titles)):
                last = p
        # a determiner before a word no phrase reads (or a pronoun) starts no phrase
        # with a name (`_parse`; a Vietnamese syllable may be a name's)
        after_det = () if self.lex.syllables else (NAME, TITLE, ORG, MOD, POSS, PRON)
        n = len(toks)
        k = 0
        while k <= last:
            tok = toks[k]
            if tok.cls in (TITLE, ORG, MOD, POSS, DET, NAME) and not tok.quoted:
                if (
                    after_det
                    and tok.cls == DET
                    and (k + 1 == n or toks[k + 1].quoted or toks[k + 1].cls not in after_det)
                ):
                    k += 1
                    continue
                m = self._np_after(toks, k, n, apposition=True)
                if m is not None and m.named and m.titles:
                    self.mentions.append(m)
                    if m.kind == "person":
                        self._person(fold(m.names[-1]))
                    self.titles_of[fold(m.names[-1])] = m.titles
                    k = m.j
                    continue
            k += 1

    # ------------------------------------------------------------ resolution

    def _resolvable(self, np: Mention) -> bool:
        return self._resolve(np) is not None

    def _resolve(self, np: Mention) -> Speaker | None:
        if np.pron:
            return self._resolve_pronoun(np)
        if np.named and self._anonymous_near(np):
            # 'bronnen in Den Haag', 'sources close to the Kremlin': the name places the
            # source, it does not name it
            return Speaker(np, "anonymous", np.surface, np.start, np.end)
        if np.named and self.is_place(np):
            return None  # 'Bà Rịa - Vũng Tàu bổ sung ...': a province, not a woman
        if np.named and not self._role_at_sentence_start(np):
            full = self._full_name(np) or self._given_name_of(np)
            if full is not None:
                return Speaker(full, "person", full.surface, full.start, full.end, np.surface)
            kind = "org" if np.org else self._person_kind(np)
            return Speaker(np, kind, np.surface, np.start, np.end)
        role_kind = self.roles.kind_of(np.surface)
        if role_kind == "anonymous":  # 'a senior official', 'fuentes del ministerio'
            return Speaker(np, "anonymous", np.surface, np.start, np.end)
        fit = self._resolve_role(np, role_kind is not None)
        if fit is not None:
            return fit
        if role_kind is not None and np.titles and np.org_part is not None:
            role_kind = "person"  # 'the head of the company': a person, named before
        if role_kind in ("org", "outlet") and self._names_its_body(np):
            # 'Министерство финансов сообщило': the head and its portfolio name one body
            return Speaker(np, "org", np.surface, np.start, np.end)
        if role_kind in ("org", "outlet"):
            body = self._capitalised_tail(np)
            if body is not None:
                # 'пресс-служба Минтруда': the body whose office it is, named in its own
                # capitalised word after the role noun
                start, end = body
                return Speaker(np, "org", self.text[start:end], start, end)
        if role_kind is not None:
            # 'the company', 'l'associazione': the nearest named entity of the kind; a
            # body's role noun itself is never the speaker, a person's role ('the
            # minister said') is the best the article gives
            fit = self._resolve_kind(np, role_kind)
            if fit is not None or role_kind != "person":
                return fit
            self.unnamed_roles.add(np.start)
        if np.org_part is not None:
            start, end = np.org_part
            return Speaker(np, "org", self.text[start:end], start, end)
        kind = "org" if np.org else "person"
        return Speaker(np, kind, np.surface, np.start, np.end)

    def is_place(self, np: Mention) -> bool:
        """The phrase opens with a place name of the language's list, its honorific-like
        first word included ('Bà Rịa', 'Bắc Ninh')."""
        if not self.lex.places:
            return False
        words = fold(self.text[np.start : np.end]).split()
        return any(" ".join(words[:n]) in self.lex.places for n in range(1, min(4, len(words)) + 1))

    def _adjectives_after_article(self, toks: list[Tok], j: int, stop: int, mods: list) -> int:
        """Where every noun is capitalised, one or two lowercase words between an
        article and a role or name are its adjectives ('das börsennotierte Unternehmen',
        'die zuständige Behörde'): where the phrase's head starts (j when none)."""
        q = j
        while q < stop and q - j < 2 and toks[q].cls == OTHER and self._plain_word(toks[q]):
            q += 1
        if q == j or q >= stop or toks[q].quoted or not toks[q].cap:
            return j
        if toks[q].cls not in (TITLE, ORG, NAME):
            return j
        mods.extend(t.low for t in toks[j:q])
        return q

    def _portfolio_body(self, toks: list[Tok], p: int) -> Mention | None:
        """A body's head and its portfolio in lowercase words ending at toks[p], the
        portfolio one the language's `org_terms` know (ru 'Министерство финансов',
        'Министерство сельского хозяйства'): the body, opening its clause."""
        for q in range(p - 1, max(-1, p - 4), -1):
            tok = toks[q]
            if tok.quoted or not tok.word:
                return None
            if tok.cls == ORG:
                first = q - 1 if q > 0 and toks[q - 1].cls == DET else q
                if not opens_clause(toks, first):
                    return None
                np = self._mention(toks, first, p + 1, titles=[tok.low], org=True)
                return np if self._names_its_body(np) else None
            if tok.cap or tok.cls not in (OTHER, CONN):
                return None
        return None

    def _quoted_title(self, toks: list[Tok], p: int) -> Mention | None:
        """A newspaper's or agency's name in quote marks after a cue, maybe after an
        article ('пишут «Ведомости»', 'berichtet die „Süddeutsche Zeitung“'): one to four
        capitalised words between the marks. The marks make a name, not a quotation."""
        speech = self.lex.speech
        if p < len(toks) and toks[p].cls == DET:
            p += 1
        opening = set(speech.quote_open) | set(speech.quote_either)
        closing = set(speech.quote_close) | set(speech.quote_either) | {"“", "”", "’"}
        if p >= len(toks) or toks[p].text not in opening:
            return None
        q = p + 1
        while q < len(toks) and q - p <= 4 and toks[q].word and toks[q].text[0].isupper():
            q += 1
        if q == p + 1 or q >= len(toks) or toks[q].text not in closing:
            return None
        m = self._mention(toks, p + 1, q, names=[t.text for t in toks[p + 1 : q]], org=True)
        m.j = q + 1  # past the closing mark: the marks are the name's, no quotation
        return m

    def _capitalised_tail(self, np: Mention) -> tuple[int, int] | None:
        """Where a capitalised word after the phrase's first word starts, to the phrase's
        end: the body a role noun belongs to ('пресс-служба Минтруда России')."""
        if self.lex.speech.nouns_capitalised:
            return None  # every noun is capitalised: a capital names no body ('des Amtes')
        words = list(re.finditer(r"\S+", self.text[np.start : np.end]))
        determiners = self.lex.speech.determiners
        while words and fold(words[0].group()) in determiners:
            words = words[1:]
        if len(words) < 2 or not words[1].group()[0].isupper():
            return None  # the role noun alone ('das Unternehmen', 'пресс-служба компании')
        return np.start + words[1].start(), np.end

    def _names_its_body(self, np: Mention) -> bool:
        """A role noun of a body with a portfolio the language's `org_terms` know
        ('Министерство финансов', 'das Ministerium der Finanzen'): the body itself."""
        # imported here: entities imports this package's lexicon, a cycle at import time
        from pipeline.entities import translated_org

        words = [w.casefold().strip("'’") for w in np.surface.split()]
        words = [w for w in words if w and w not in self.lex.speech.determiners]
        return len(words) >= 2 and translated_org(words, self.lex.code) is not None

    def _anonymous_near(self, np: Mention) -> bool:
        """The phrase opens with an anonymous source and a preposition follows it: the
        name after the preposition is where the source is, not who."""
        words = fold(np.surface).split()
        if len(words) < 3 or self.roles.kind_of(np.surface) != "anonymous":
            return False
        first = 1 if words[0] in self.lex.speech.definite_articles else 0
        return words[first + 1] in self.prepositions if first + 1 < len(words) else False

    def _full_name(self, np: Mention) -> Mention | None:
        """Where names change with their case (a language with `given_names`, ru), a bare
        surname stands for the full name the article gave before ('по словам Силуанова'
        after 'министра финансов Антона Силуанова'): the first name tells the case, and
        the surname alone may be a woman's nominative or a man's genitive."""
        if not self.lex.speech.given_names or len(np.names) != 1 or np.titles or np.org:
            return None
        surname = fold(np.names[0])
        for m in reversed(self.mentions[-WINDOW:]):
            if m.start < np.start and len(m.names) >= 2 and _case_forms(fold(m.names[-1]), surname):
                return m
        return None

    def _given_name_of(self, np: Mention) -> Mention | None:
        """A lone name that is the first name of the one person the article named in
        full before ('Graça' after 'Graça Foster', 'Chatib' after 'Chatib Basri'), and no
        one's surname: that person."""
        if len(np.names) != 1 or np.titles or np.org or np.names[0].isupper():
            return None  # an acronym ('ACI statistics show') is a body's
        word = fold(np.names[0])
        if word in self.person_names:
            return None  # a surname the article uses ('Foster said')
        fits = {
            fold(m.surface): m
            for m in self.mentions[-WINDOW:]
            if m.start < np.start
            and m.kind == "person"
            and len(m.names) >= 2
            and fold(m.names[0]) == word
            # the first name opens the person's name: not a body before a title ('ACI
            # Director General Robert Aaronson')
            and f"{word} {fold(m.names[1])}" in fold(m.surface)
        }
        if len(fits) != 1:
            return None
        m = next(iter(fits.values()))
        return Mention(m.i, m.j, m.start, m.end, m.surface, list(m.names), list(m.titles))

    def _person_kind(self, np: Mention) -> str:
        if np.kind != "unknown":
            return np.kind
        return "person" if fold(np.names[-1]) in self.person_names else "unknown"

    def _resolve_pronoun(self, np: Mention) -> Speaker | None:
        """A person pronoun: a person speaker of this or the previous unit, else the
        nearest person (speaker or titled mention), else the nearest speaker of unknown
        kind. An organisation pronoun: the nearest organisation."""
        want = "org" if np.pron not in self.lex.pronouns else "person"
        recent = [
            sp
            for unit, sp in self.speakers[-WINDOW:]
            if self.unit_index - unit <= RECENT_UNITS and sp.mention.start < np.start
        ]
        # a speaker counts where it last spoke, not where it was first named: 'el
        # funcionario aseveró' after the president's name puts the official nearer
        near = [
            (
                max(
                    sp.mention.start, self.unit_starts[unit] if unit < len(self.unit_starts) else 0
                ),
                sp,
            )
            for unit, sp in self.speakers[-WINDOW:]
            if self.unit_index - unit <= RECENT_UNITS
            and sp.mention.start < np.start
            and sp.kind == want
        ]
        last_units = [
            sp
            for unit, sp in self.speakers[-3:]
            if self.unit_index - unit <= 1 and sp.kind == want and sp.mention.start < np.start
        ]
        if last_units:
            return self._as(last_units[-1], np)
        titled = [
            (m.start, Speaker(m, m.kind, m.surface, m.start, m.end))
            for m in self.mentions[-WINDOW:]
            if m.start < np.start and m.kind == want and not self._inside_reported(m.start)
        ]
        pool = sorted(near + titled, key=lambda pair: pair[0])
        if pool:
            return self._as(pool[-1][1], np)
        unknown = [sp for sp in recent if sp.kind == "unknown"]
        if unknown and want == "person":
            return self._as(unknown[-1], np)
        # the named person opening this unit or a silent one before it: 'Schoof vond het
        # "een goed gesprek", zei hij'
        if want != "person":
            return None
        before = self.opening
        for opening in (
            self.unit_opening,
            before[1:] if before and before[0] == self.unit_index - 1 else None,
        ):
            opener = self._opener(*opening) if opening is not None else None
            if (
                opener is not None
                and opener.start < np.start
                and (opener.kind == "person" or fold(opener.names[-1]) in self.person_names)
            ):
                speaker = Speaker(opener, "person", opener.surface, opener.start, opener.end)
                return self._as(speaker, np)
        return None

    def _inside_reported(self, at: int) -> bool:
        """`at` lies in what a person of the last few statements said ('Cuerpo respondió
        a la pregunta del diputado X'): a pronoun after it goes on with the speaker, not
        with a person the speaker spoke of."""
        return any(
            s.start <= at < s.end and s.speaker_kind == "person" for s in self._recent_statements()
        )

    def _recent_statements(self) -> list[Statement]:
        return []  # the statement finder knows its statements; a bare finder has none

    @staticmethod
    def _as(sp: Speaker, np: Mention) -> Speaker:
        return Speaker(sp.mention, sp.kind, sp.surface, sp.start, sp.end, np.surface)

    def _resolve_kind(self, np: Mention, kind: str) -> Speaker | None:
        """A role noun of `kind` -> the nearest named speaker or mention of that kind."""
        # who spoke in the last few units first ('the official said' goes on with the
        # speaker, not with a name in a phrase between), then any titled mention
        recent = [
            sp for unit, sp in self.speakers[-WINDOW:] if self.unit_index - unit <= RECENT_UNITS
        ]
        want = "person" if kind == "person" else "org"
        fits = self._fits_role(np)
        for sp in reversed(recent):  # a speaker of the kind, whatever its phrase was
            if sp.kind == want and sp.start < np.start and fits(sp.mention):
                return Speaker(sp.mention, kind, sp.surface, sp.start, sp.end, np.surface)
        spoke = [sp.mention for sp in recent]
        mentions = self.mentions[-WINDOW:]
        if kind != "person":
            persons = self._person_words()
            spoke = self._body_candidates(spoke, persons)
            mentions = self._body_candidates(mentions, persons)
        spoke, mentions = [m for m in spoke if fits(m)], [m for m in mentions if fits(m)]
        m = antecedent(kind, np.start, spoke) or antecedent(kind, np.start, mentions)
        if m is None and kind != "person":
            # a body named before without a title or a cue: 'Northwind opened a depot.
            # The company said ...'
            untitled = [m for m in self._untitled_names(np.start) if fits(m)]
            m = antecedent(kind, np.start, self._body_candidates(untitled, persons))
        if m is None:
            return None
        return Speaker(m, kind, m.surface, m.start, m.end, np.surface)

    def _fits_role(self, np: Mention) -> Callable[[Mention], bool]:
        """Whether a mention may be what the role noun `np` stands for: a role noun of
        `role_body_words` ('the Geneva-based organisation') only for a body whose name holds
        one of its words, never a company or a party named before it."""
        words = fold(np.surface).split()
        allowed = self.lex.speech.role_body_words.get(words[-1]) if words else None
        if not allowed:
            return lambda m: True
        body_words = {fold(w) for w in allowed}
        return lambda m: bool(body_words & set(fold(m.surface).split()))

    def _person_words(self) -> set[str]:
        """The names the article gave persons, and each word of a recent person's
        mention ('Chief Executive John Chen's': the possessive too)."""
        persons = set(self.person_names)
        for m in self.mentions[-WINDOW:]:
            if m.kind == "person":
                persons.update(_POSSESSIVE.sub("", w) for w in fold(m.surface).split())
        return persons

    def _body_candidates(self, mentions: list[Mention], persons: set[str]) -> list[Mention]:
        """The mentions a body's role noun ('the company', 'la empresa') may stand for:
        not a lone surname of `persons` ('Chen said' after 'Chief Executive John Chen'),
        and not a body named as a preposition's object ('informó a la CNMV', 'told the
        regulator')."""
        if not mentions:
            return mentions
        bodies = [
            m
            for m in mentions
            if m.org or m.titles or (m.names and fold(m.names[-1]) not in persons)
        ]
        return [m for m in bodies if not self._after_preposition(m.start)]

    def _after_preposition(self, start: int) -> bool:
        """The word before text[start] (past a determiner) is a preposition."""
        words = self.text[max(0, start - 40) : start].split()
        if words and words[-1].casefold() in self.lex.speech.determiners:
            words.pop()
        return bool(words) and words[-1].casefold() in self.prepositions

    def _role_at_sentence_start(self, np: Mention) -> bool:
        """A role phrase whose one 'name' is the capitalised word opening the sentence:
        'L'associazione', 'Изначально статведомство' (an adverb, then the role)."""
        if len(np.names) != 1 or self.roles.kind_of(np.surface) in (None, "anonymous"):
            return False
        if self.roles.kind_of(np.names[0]) not in (None, "anonymous"):
            return True
        return self.sentence_opening(np) and not self.confirmed_name(np.names[0])

    def sentence_opening(self, m: Mention) -> bool:
        """The mention starts its unit (only the statement finder knows the units)."""
        k = self.unit_index
        if k >= len(self.unit_starts):
            return False
        return not any(ch.isalnum() for ch in self.text[self.unit_starts[k] : m.start])

    def confirmed_name(self, word: str) -> bool:
        """A capitalised word seen inside a sentence, or written so twice in the article:
        a sentence's opening word alone ('Revenue', 'Demnach') is no name. Asked only
        for role nouns, so the scan of the text is rare."""
        if word.casefold() in self.midcaps:
            return True
        if len(word) >= 2 and word.isupper() and word.isalpha():
            return True  # an acronym is a name wherever it stands ('KLM heeft ...', 'МЧС')
        # 'Blackberry' in a headline is 'BlackBerry' in the text: the letters in any case,
        # capitalised
        written = re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", self.text, re.IGNORECASE)
        return sum(w[0].isupper() for w in written) >= 2

    def _untitled_names(self, before: int) -> list[Mention]:
        """Named phrases without a title before `before`, in the last few units (the
        statement finder knows the units; a bare finder has none)."""
        return []

    def _resolve_role(self, np: Mention, generic_body: bool = False) -> Speaker | None:
        """'der russische Präsident' -> the nearest named 'Präsident' with a fitting
        modifier; 'Bộ này' -> the nearest named 'Bộ ...'. `generic_body`: the phrase's
        'of ORG' tail is a role noun ('la presidenta de la estatal'), no body of its own."""
        heads = {self.lex.role(t) for t in np.titles}
        mods = [fold(m) for m in (np.role_mods if np.role_mods is not None else np.mods + np.names)]
        if np.org_part is not None and not generic_body:
            # 'the press manager of the Russian Presidency': a role named by its body
            # fits only the speaker just before it; otherwise the body is the speaker
            candidates = [sp.mention for _, sp in self.speakers[-1:]]
        else:
            candidates = [sp.mention for _, sp in self.speakers[-WINDOW:]] + self.mentions[-WINDOW:]
        candidates.sort(key=lambda m: m.start)
        # 'la empresa apuntó': a body, never the person whose title names it ('el
        # consejero delegado de la empresa, Ignacio Silva')
        body_role = self.roles.kind_of(np.surface) in ("org", "outlet")
        for m in reversed(candidates):
            if m.start >= np.start or not m.named or (body_role and not m.org):
                continue
            titles = m.titles or self.titles_of.get(fold(m.names[-1]), [])
            if not heads & {self.lex.role(t) for t in titles}:
                continue
            words = [fold(w) for w in m.surface.replace("-", " ").split()]
            if all(any(_stem_match(mod, w) for w in words) for mod in mods):
                kind = "org" if m.org else "person"
                return Speaker(m, kind, m.surface, m.start, m.end, np.surface)
        return None


def opens_clause(toks: list[Tok], i: int) -> bool:
    j = i - 1
    while j >= 0 and toks[j].cls == DET:
        j -= 1
    return j < 0 or toks[j].text in ',;:"“”«»„' or toks[j].quoted


def _with_role(named: Mention, role: Mention) -> Mention:
    """A named apposition keeps the role phrase's titles: 'The Kremlin spokesman, Dmitri
    Peskov' is a spokesman."""
    named.titles = role.titles + named.titles
    named.mods = role.mods + named.mods
    return named


def _apposition_closes(toks: list[Tok], named: Mention, role: Mention, stop: int) -> bool:
    """'Name, role' is an apposition where the name opens its clause ('X, la ministre
    des Comptes publics a déclaré') or a mark closes the role ('... du président X, la
    ministre, a déclaré'). A name inside a phrase followed by a role and a verb is not
    ('Durante la conferencia del presidente X, el funcionario aseveró': the official
    is the subject of the verb, not X's title)."""
    if opens_clause(toks, named.i):
        return True
    return role.j >= stop or not toks[role.j].word


def _past_dateline(toks: list[Tok], first: int) -> int | None:
    """The first word after a dateline opening the unit ('BERLIN taz | Die ...', 'BONN
    (dpa) – Der ...'): a place in capitals, then a bar or dash; `first` when none."""
    for p in range(first, min(len(toks), first + DATELINE)):
        if toks[p].text in DATELINE_MARKS and any(
            t.text.isupper() and len(t.text) > 2 for t in toks[first:p]
        ):
            return next((q for q in range(p + 1, len(toks)) if toks[q].word), None)
    return first


def _clause_boundary(toks: list[Tok], p: int) -> bool:
    """A comma, colon or quote ends a clause, except around a date apposition
    ('am Montag, den 24. Februar, ...')."""
    if toks[p].text not in ",;:" and not toks[p].quoted:
        return False
    near = [toks[q] for q in (p - 1, p + 1, p + 2) if 0 <= q < len(toks)]
    return not any(t.cls == DATE or t.text.isdigit() for t in near)


def _stem_match(a: str, b: str) -> bool:
    n = min(4, len(a), len(b))
    return n >= 2 and a[:n] == b[:n]


def _slashed(toks: list[Tok], i: int) -> bool:
    """toks[i] follows a slash glued to the word before it: 'AIDS' in 'HIV/AIDS'."""
    return (
        i >= 2
        and toks[i - 1].text == "/"
        and toks[i - 2].end == toks[i - 1].start
        and toks[i - 1].end == toks[i].start
    )


def _case_forms(a: str, b: str) -> bool:
    """Two folded surnames that may be one in two cases: equal, or one the other with
    an ending of up to two letters ('костин', 'костина', 'костиным')."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= 2 and len(short) >= 4


def _opens_head(toks: list[Tok], q: int, n: int) -> bool:
    """The source noun toks[q:q+n] is the first word of a longer head or title phrase
    ('statistics office'), a body's name rather than its data."""
    return toks[q].cls in (ORG, TITLE) and q + n < len(toks) and toks[q + n].cls == toks[q].cls


def _lowercase_modifier(tok: Tok) -> bool:
    """A lowercase word that may describe a source noun after it ('labour market')."""
    return tok.word and not tok.cap and tok.cls in (OTHER, MOD)
