"""Tokens, quote spans and speaker phrases for attribution (helpers of `statements`).

Everything here is rules over per-language word lists (`[speech]` in the language
files): no tagger, parser or NER. All scans are linear in the text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

from pipeline.lang import load_lang
from pipeline.longlived import built_once
from schemas.lang import LangData

# abbreviations joined by a dot (vi 'TP.HCM'), acronyms with dots (U.S., u.s.), words
# with inner hyphens/apostrophes, or one other char
# an acronym joined by '&' is one name: 'AT&T', vi 'Bộ NN&PTNT', 'KH&ĐT'
_TOKEN = re.compile(
    r"[A-ZĐ]+(?:&[A-ZĐ]+)+\b|[A-ZĐ]+\.[A-ZĐ]{2,}|(?:[^\W\d_]\.){2,}|\w+(?:[-'’]\w+)*-?|\S"
)
# text between white space, with the white space before it
_SPACED_CHUNK = re.compile(r"(\s*)(\S+)")
_GLUE = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ][a-zà-ÿ]{2})")
# an elided article before a capitalised name: l'Insee, d'Emmanuel, dell'Istat
_ELISION = re.compile(r"^[^\W\d_]{1,4}['’](?=[^\W\d_])")

# token classes
NAME, TITLE, ORG, MOD, POSS, DET, DEMO, PRON, CONN, BETWEEN, DATE, CUE, OTHER = (
    "name", "title", "org", "mod", "poss", "det", "demo", "pron", "conn", "between", "date",
    "cue", "other",
)  # fmt: skip
NP_CLASSES = {NAME, TITLE, ORG, MOD, POSS}


@dataclass(slots=True)  # slots: a build makes hundreds of thousands
class Tok:
    text: str
    low: str
    start: int
    end: int
    word: bool
    cap: bool
    quoted: bool = False
    cls: str = OTHER


# what a token is a start of, for the scans after tokenizing: the lists of `Marks`, in
# the order of its fields
_PHRASE, _SAID, _CAPS, _TITLED, _GOES_ON = range(5)


@dataclass(slots=True)
class Marks:
    """Indices of a unit's tokens that later scans start from, found while tokenizing
    (looping over every token again cost more than the scans)."""

    phrase: list[int]  # words a class phrase starts with
    said: list[int]  # words a cue or 'according to' phrase starts with
    caps: list[int]  # capitalised words
    titled: list[int]  # tokens whose class may be TITLE, ORG or PRON (check .cls)
    goes_on: list[int]  # words a continuation marker ('he added', 'demnach') starts with


@dataclass(slots=True)
class Mention:
    """A speaker phrase: its tokens' span and what it is made of."""

    i: int
    j: int  # token span [i, j)
    start: int
    end: int
    surface: str
    names: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    mods: list[str] = field(default_factory=list)
    org: bool = False
    pron: str | None = None
    demo: bool = False
    org_part: tuple[int, int] | None = None  # char span of an 'of ORG' tail
    role_mods: list[str] | None = None  # modifiers of the role before its 'of ORG' tail

    @property
    def named(self) -> bool:
        return bool(self.names)

    @property
    def kind(self) -> str:
        if self.org:
            return "org"
        if self.titles or len(self.names) >= 2:
            return "person"
        return "unknown"


@lru_cache(maxsize=1 << 14)  # names are folded again and again
def fold(text: str) -> str:
    """`text` casefolded, without accents and other combining marks ('Đà Nẵng' -> 'da
    nang'), for comparing names and finding topic stems."""
    if text.isascii():  # ASCII has nothing to decompose and no combining mark
        return text.casefold()
    text = unicodedata.normalize("NFKD", text.casefold())
    return text.translate(_UNCOMBINED).replace("đ", "d")


class _Uncombined(dict):
    """A `str.translate` table that drops combining marks, filled as characters are first
    seen: a hit is a dict lookup in C, where a Python test per character was most of
    folding a sentence (topics fold every claim's sentence)."""

    def __missing__(self, code: int) -> int | None:
        if len(self) >= MAX_FOLD_CHARS:
            self.clear()  # bounds memory on a text of every script
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


MAX_FOLD_CHARS = 4_096  # the nine languages' letters and marks take a few hundred


_UNCOMBINED = _Uncombined()


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        _add_piece(toks, m.group(), m.start())
    return toks


def _add_piece(toks: list[Tok], piece: str, at: int) -> None:
    first = piece[0]
    # most tokens: no apostrophe to elide and no glued word to split (_GLUE needs an
    # upper case letter after the first)
    if "'" not in piece and "’" not in piece and (len(piece) <= 5 or piece[1:].islower()):
        toks.append(
            Tok(piece, piece.casefold(), at, at + len(piece), first.isalnum(), first.isupper())
        )
        return
    _add_parts(toks, piece, at)


def _add_parts(toks: list[Tok], piece: str, at: int) -> None:
    """A token that may be two glued words or an elided article and a name."""
    parts = _GLUE.split(piece) if len(piece) > 5 and piece[0].isalpha() else [piece]
    head = parts[0]
    # the elision pattern needs an apostrophe: test for one before running it
    elided = _ELISION.match(head) if "'" in head or "’" in head else None
    if elided and head[0].islower() and head[elided.end()].isupper():
        parts = [head[: elided.end()], head[elided.end() :], *parts[1:]]
    for part in parts:
        first = part[0]
        low = part.casefold()
        if "’" in low:
            low = low.replace("’", "'")
        toks.append(Tok(part, low, at, at + len(part), first.isalnum(), first.isupper()))
        at += len(part)


class Lexicon:
    """Word lists of one language compiled for phrase lookup by first word."""

    def __init__(self, data: LangData) -> None:
        sp, dd = data.speech, data.dates
        self.code = data.code
        # articles that are also connectors (de 'des', 'der'): a genitive after a role
        self.genitive_articles = frozenset(sp.connectors) & frozenset(sp.determiners)
        self.speech = sp
        self.v2 = sp.verb_second
        self.syllables = sp.syllable_names
        self.cues = _phrases(
            sp.verbs + sp.source_verbs + sp.passive_cues + _inverted(sp.verbs, sp.inversions)
        )
        self.passive = _phrases(sp.passive_cues)  # by first word, for `match_at`
        self.passive_cues = {w for ws in self.passive.values() for w in ws}
        self.source_verbs = {w for ws in _phrases(sp.source_verbs).values() for w in ws}
        # 'revealed' is a speech verb too: a subject that is no source still says it
        self.speech_verbs = {w for ws in _phrases(sp.verbs).values() for w in ws}
        # 'l'estimation' is one token: the noun with each elided determiner too
        elided = [d + w for d in sp.determiners if d.endswith("'") for w in sp.source_nouns]
        self.source_nouns = _phrases(sp.source_nouns + elided)
        self.source_links = _phrases(sp.source_links)
        self.agents = set(sp.agents)
        # cues an agent may follow; None: any cue
        self.agent_cues = (
            {w for ws in _phrases(sp.agent_cues).values() for w in ws} | self.passive_cues
            if sp.agent_cues
            else None
        )
        self.according = _phrases(sp.according_to)
        self.according_after = _phrases(sp.according_to_after)
        self.continuation = _phrases(sp.continuation)
        self.anaphors = _phrases(sp.anaphors)
        self.complementizers = set(sp.complementizers)
        self.possessives = set(sp.possessives)
        self.perfect_auxiliaries = set(sp.perfect_auxiliaries)
        self.as_markers = set(sp.as_markers)
        self.impersonal_cues = {w for ws in _phrases(sp.impersonal_cues).values() for w in ws}
        self.relatives = set(sp.relatives)
        self.pronouns = set(sp.pronouns)
        self.places = frozenset(fold(place) for place in sp.places)
        self.family_names = frozenset(name.casefold() for name in sp.family_names)
        self.localities = frozenset(w for phrase in sp.localities for w in phrase.split())
        self.org_pronouns = set(sp.org_pronouns)
        self.not_names = set(sp.not_names)
        if sp.nouns_capitalised:  # de 'Umfrage', 'Angaben' are nouns, not names
            self.not_names |= {w for w in sp.source_nouns if " " not in w}
        self.particles = set(sp.name_particles)
        self.name_joins = set(sp.name_joins)
        self.inner_particles = set(sp.inner_particles)
        self.title_particles = set(sp.title_particles)
        self.org_terms = _phrases(list(sp.org_terms))
        date_words = [w for forms in dd.weekdays + dd.months for w in forms] + dd.mid
        # a bare weekday may stand between a subject and its cue ('Apple Inc. Thursday
        # announced'); a bare month may not ('the March figures showed')
        self.weekdays = {w for forms in dd.weekdays for w in forms}
        # words opening a relative clause ('which', 'who'): a clause about the phrase
        # before it, not the sentence going on
        self.relative_openers = set(sp.relatives) | {w for w in dd.clause_openers if " " not in w}
        roles = sp.role_nouns
        titles = _union(sp.titles, roles.get("person", []))
        heads = _union(sp.org_heads, *map(sp.role_nouns.get, ("org", "outlet"), ([], [])))
        self.classes: list[tuple[str, dict]] = [
            # role nouns ('the executive', 'the company') are parsed as titles and heads,
            # their owner's form too: a lowercase 'bank's' is no name to read as one
            (TITLE, _phrases(titles + _owned(titles, sp.possessive_endings))),
            (ORG, _phrases(heads + _owned(heads, sp.possessive_endings))),
            (DATE, _phrases(date_words)),
            (DET, _phrases(sp.determiners)),
            (DEMO, _phrases(sp.demonstratives)),
            (PRON, _phrases(sp.pronouns + sp.org_pronouns)),
            (CONN, _phrases(sp.connectors)),
            (MOD, _phrases(sp.modifiers)),
            (BETWEEN, _phrases(sp.between)),
        ]
        # per first word, the classes with a phrase starting with it (in class order):
        # classify then looks up a word once instead of once per class
        self.class_phrases: dict[str, list[tuple[str, list[tuple[str, ...]]]]] = {}
        for cls, table in self.classes:
            for first, phrases in table.items():
                self.class_phrases.setdefault(first, []).append((cls, phrases))
        # words that start only one-word phrases ('der', 'the'): their first class wins
        self.class_word = {
            first: entries[0][0]
            for first, entries in self.class_phrases.items()
            if all(len(p) == 1 for _, phrases in entries for p in phrases)
        }
        # first words of any cue or 'according to' phrase: other words start no statement
        self.statement_starts = set(self.cues) | set(self.according) | set(self.according_after)
        self.titles = set(sp.titles)
        self.compound_modifiers = set(sp.compound_modifiers)
        self.coordinators = set(sp.coordinators)
        self.title_suffixes = tuple(sp.title_suffixes)
        self.org_suffixes = tuple(sp.org_suffixes)
        self.company_forms = set(sp.company_forms)
        # one-word titles and heads of bodies: the words a name in quote marks may follow
        # capitalised ('Группа «Аэрофлот»', `units._unquote_names`)
        self.name_heads = {
            w for w in _union(sp.titles, sp.org_heads, *sp.role_nouns.values()) if " " not in w
        }
        self.role_of = {fold(t): group[0] for group in sp.same_role for t in group}
        self._chunks: dict[str, tuple | list[tuple]] = {}  # see `tokens`
        self._roles: dict[str, str] = {}  # title -> role, for `role`

    def role(self, title: str) -> str:
        """The role a title names, for matching roles: 'press manager' -> 'spokesman'."""
        role = self._roles.get(title)
        if role is None:
            role = self._roles[title] = self._role(title)
        return role

    def _role(self, title: str) -> str:
        key = fold(title)
        words = title.casefold().replace("-", " ").split()
        if not words:
            return self.role_of.get(key) or key
        # the last word that is a title itself (ru 'министр финансов' is a 'министр'), or
        # the title a compound ends in ('Finanzminister' is a 'Minister')
        last = next((w for w in reversed(words) if w in self.titles), words[-1])
        head = fold(self._title_suffix(last) or last)
        return self.role_of.get(key) or self.role_of.get(head) or head

    def _title_suffix(self, low: str) -> str | None:
        """The title ending a compound title: 'minister' in 'entwicklungsminister'."""
        for suffix in self.title_suffixes:
            if low.endswith(suffix) and len(low) >= len(suffix) + 3:
                return suffix
        return None

    def org_compound(self, low: str) -> bool:
        """A compound ending in a body's head: 'bundesnetzagentur', 'kartellamt'. It stays
        a name (a bare head word, in `org_heads`, is a role noun: 'die Behörde')."""
        return low.endswith(self.org_suffixes) and any(
            low.endswith(suffix) and len(low) >= len(suffix) + 3 for suffix in self.org_suffixes
        )

    def names_body(self, tok: Tok) -> bool:
        """A word that names a body: a head ('Bank'), an acronym ('ING') or a compound
        ending in a head ('Hansebank'); after a person's full name a particle before it
        opens the person's affiliation ('Anna Kurz von der Hansebank'), not a name."""
        return (
            tok.cls == ORG
            or (tok.text.isupper() and len(tok.text) > 1)
            or (bool(self.org_suffixes) and tok.cap and self.org_compound(tok.low))
        )

    def classify(self, toks: list[Tok]) -> None:
        """Give every token its class; phrases take the longest match."""
        marks = Marks([], [], [], [], [])
        for k, tok in enumerate(toks):
            tok.cls = self._single(tok) if tok.word else OTHER
            if tok.word and tok.low in self.class_phrases:
                marks.phrase.append(k)
        self.phrases(toks, marks)

    def tokens(self, text: str, start: int, end: int) -> tuple[list[Tok], Marks]:
        """tokenize() with each token's own class (`_single`) set, and the tokens later
        scans start from (`Marks`).

        Tokens never span white space, so the text is split at white space first and
        what each chunk gives is computed once per distinct chunk (tokenizing and
        classifying every token was most of attribution's time)."""
        toks: list[Tok] = []
        marks = Marks([], [], [], [], [])
        segment = text[start:end]
        chunks = segment.split()
        if not chunks:
            return toks, marks
        stripped = segment.lstrip()
        if sum(map(len, chunks)) + len(chunks) - 1 == len(stripped.rstrip()):
            gaps = [1] * len(chunks)  # one white space character between chunks
            gaps[0] = len(segment) - len(stripped)
        else:
            found = _SPACED_CHUNK.findall(text, start, end)
            gaps = [len(space) for space, _ in found]
            chunks = [chunk for _, chunk in found]
        append = toks.append
        known = self._chunks
        # each chunk's token knows which of these lists it joins (`_chunk`); appending
        # here, not in a method of Marks: a call per marked token was a tenth of this loop
        lists = (marks.phrase, marks.said, marks.caps, marks.titled, marks.goes_on)
        pos = start
        for gap, chunk in zip(gaps, chunks, strict=True):
            pos += gap
            info = known.get(chunk)
            if info is None:
                info = self._chunk(chunk)
            if info.__class__ is tuple:  # one token
                low, word, cap, cls, joins = info
                if joins:
                    n = len(toks)
                    for m in joins:
                        lists[m].append(n)
                end = pos + len(chunk)
                append(Tok(chunk, low, pos, end, word, cap, False, cls))
                pos = end
                continue
            for part, low, at, word, cap, cls, joins in info:  # 'said,' or 'U.S.-led'
                if joins:
                    n = len(toks)
                    for m in joins:
                        lists[m].append(n)
                at += pos
                append(Tok(part, low, at, at + len(part), word, cap, False, cls))
            pos += len(chunk)
        return toks, marks

    def _unglued(self, toks: list[Tok]) -> list[Tok]:
        """tokenize() splits a capital inside a word, for two sentences glued together
        ('PutinDer'); a second part that starts no phrase of the language nor a
        statement is a name's own capital: 'BlackBerry', 'ExxonMobil' stay one word."""
        if len(toks) < 2:
            return toks
        out = [toks[0]]
        for tok in toks[1:]:
            last = out[-1]
            if (
                last.end == tok.start
                and tok.cap
                and last.text.isalpha()
                and tok.text.isalpha()
                and tok.low not in self.class_phrases
                and tok.low not in self.statement_starts
            ):
                text = last.text + tok.text
                out[-1] = Tok(text, text.casefold(), last.start, tok.end, True, last.cap)
            else:
                out.append(tok)
        return out

    def _chunk(self, chunk: str) -> tuple | list[tuple]:
        """What a chunk of text without white space gives: (low, word, cap, class, the
        `Marks` lists it joins) for one token, or a list of those with each token's text
        and offset."""
        if len(self._chunks) >= MAX_CHUNKS:
            self._chunks.clear()  # bounds memory on a corpus of many words
        info: list[tuple] = []
        for tok in self.joined(self._unglued(tokenize(chunk, 0, len(chunk)))):
            cls = self._single(tok) if tok.word else OTHER
            joins = []
            if tok.word:
                if tok.low in self.class_phrases:
                    joins.append(_PHRASE)
                if tok.low in self.statement_starts:
                    joins.append(_SAID)
                if tok.cap:
                    joins.append(_CAPS)
            if cls == TITLE or (cls == ORG and tok.low in self.company_forms):
                joins.append(_TITLED)
            if tok.word and tok.low in self.continuation:
                joins.append(_GOES_ON)
            info.append((tok.text, tok.low, tok.start, tok.word, tok.cap, cls, tuple(joins)))
        one = len(info) == 1
        self._chunks[chunk] = out = (info[0][1], *info[0][3:]) if one else info
        return out

    def joined(self, toks: list[Tok]) -> list[Tok]:
        """`toks` with a company's legal form and its point made one word ('Corp' '.' ->
        'Corp.'): the point ends no phrase and no sentence there."""
        if not self.company_forms or len(toks) < 2:
            return toks
        out: list[Tok] = []
        k = 0
        while k < len(toks):
            tok = toks[k]
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if (
                tok.word
                and nxt is not None
                and nxt.text == "."
                and nxt.start == tok.end
                and tok.low + "." in self.company_forms
            ):
                out.append(Tok(tok.text + ".", tok.low + ".", tok.start, nxt.end, True, tok.cap))
                k += 2
                continue
            out.append(tok)
            k += 1
        return out

    def phrases(self, toks: list[Tok], marks: Marks) -> None:
        """Phrase classes over the tokens' own classes; phrases take the longest match.
        Tokens a phrase makes a title, head or pronoun join `marks.titled`."""
        k = 0  # tokens before k are in a phrase already
        class_word = self.class_word
        for i in marks.phrase:
            if i < k:
                continue
            tok = toks[i]
            cls = class_word.get(tok.low)
            if cls is not None:
                if cls == BETWEEN and _inside_name(toks, i):
                    k = i + 1  # 'tracking firm First Call': a name's word, no adverb
                    continue
                if not tok.quoted:  # a quoted word starts no phrase
                    tok.cls = cls
                    if cls in (TITLE, ORG, PRON):
                        marks.titled.append(i)
                    k = i + 1
                continue
            best, best_n = None, 0
            for cls, phrases in self.class_phrases[toks[i].low]:
                n = _match_first(toks, i, phrases)
                if n > best_n:
                    best, best_n = cls, n
            if best is not None:
                for t in toks[i : i + best_n]:
                    t.cls = best
                if best in (TITLE, ORG, PRON):
                    marks.titled.extend(range(i, i + best_n))
                k = i + best_n

    def _single(self, tok: Tok) -> str:
        low = tok.low
        if low in self.company_forms:
            return ORG  # 'Initech Corp.', 'Acme plc': a company
        if "-" in low and low.rsplit("-", 1)[1] in self.titles:
            return TITLE  # US-Präsident
        if "-" in low and low.rsplit("-", 1)[1] in self.compound_modifiers:
            return MOD  # 'the Cupertino-based company': a modifier, no name
        if self.title_suffixes and tok.cap and self._title_suffix(low):
            return TITLE  # Entwicklungsminister
        if tok.cap and low not in self.not_names and not low.isdigit():
            if low.endswith(("'s", "’s")):
                return POSS
            return NAME
        return OTHER


def _inverted(verbs: list[str], suffixes: list[str]) -> list[str]:
    """fr 'ajoute-t-elle', 'dit-il': every one-word cue with each inverted pronoun."""
    return [verb + suffix for verb in verbs if " " not in verb for suffix in suffixes]


def _owned(phrases: list[str], endings: list[str]) -> list[str]:
    """en 'central bank's': each phrase with each possessive ending on its last word
    (tokens keep a straight apostrophe, `_add_parts`)."""
    return [p + e.replace("’", "'") for e in endings for p in phrases if not p.endswith(e)]


def _union(first: list[str], *more: list[str]) -> list[str]:
    """`first` and the entries of `more` it lacks, in order (a phrase listed twice would
    be matched twice)."""
    seen = set(first)
    out = list(first)
    for items in more:
        out += [w for w in items if w not in seen and not seen.add(w)]
    return out


def _phrases(items: list[str]) -> dict[str, list[tuple[str, ...]]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for item in items:
        pieces = item.casefold().replace("’", "'").split()
        words = tuple(
            t
            for piece in pieces
            for t in ([piece] if piece.endswith("'") else _TOKEN.findall(piece))
        )
        words = tuple("..." if w == "…" else w for w in _merge_dots(words))
        if words:
            table.setdefault(words[0], []).append(words)
    for key in table:
        table[key].sort(key=len, reverse=True)
    return table


def _merge_dots(words: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    dots = 0
    for w in words:
        if w == ".":
            dots += 1
            if dots == 3:
                out.append("...")
                dots = 0
            continue
        if dots:
            out.extend(["."] * dots)
            dots = 0
        out.append(w)
    out.extend(["."] * dots)
    return out


# Distinct chunks `Lexicon.tokens` remembers per language (~0.4 kB each). Real news keeps
# bringing new ones (names, numbers): at 30,000 the memo grew with the corpus, to about
# 36,000 chunks (all languages) in a process after 4,000 articles. Measured at 4,000 real
# articles in one process: RSS 240 -> 229 MB with 3,000, flat from the 3,000th article;
# same CPU (the chunks that recur come back within a few articles of a clear).
MAX_CHUNKS = 3_000
GAP = 6  # words a '...' in a cue may stand for
DATE_GAP = 3  # date words and adverbs a '...' may stand for besides


def match_at(toks: list[Tok], k: int, table: dict) -> int:
    """Length in tokens of the longest phrase of `table` starting at toks[k], 0 if none.

    For a phrase with a gap ('voegde ... toe') the length covers the gap too.
    """
    phrases = table.get(toks[k].low)
    return 0 if phrases is None else _match_first(toks, k, phrases)


def _match_first(toks: list[Tok], k: int, phrases) -> int:
    """match_at over one table's `phrases` for toks[k].low (longest first)."""
    if toks[k].quoted:
        return 0  # no phrase starts inside a quote
    for phrase in phrases:
        if len(phrase) == 1:
            return 1  # its one word is toks[k]'s: the table is keyed by it
        n = _match_rest(toks, k, phrase)
        if n:
            return n
    return 0


def _elided_match(toks: list[Tok], pos: int, word: str) -> int:
    """A word of the data with an elided article ("d'état") written in the text with
    the noun capitalised, which the tokenizer splits ("d'" "État", "d'" "Etat", the
    capital's accent often dropped): 2 when toks[pos:] are it, else 0."""
    article, _, rest = word.partition("'")
    if not rest or pos + 1 >= len(toks) or toks[pos].low != article + "'":
        return 0
    nxt = toks[pos + 1]
    return 2 if not nxt.quoted and fold(nxt.low) == fold(rest) else 0


def _match_rest(toks: list[Tok], k: int, phrase: tuple[str, ...]) -> int:
    """The phrase's words after its first, which toks[k] is."""
    pos = k + 1
    gap = False
    for word in phrase[1:]:
        if word == "...":
            gap = True
            continue
        if not gap:  # the next token must be the word (the loop below, in short)
            if pos < len(toks) and toks[pos].low == word and not toks[pos].quoted:
                pos += 1
                continue
            n = _elided_match(toks, pos, word) if "'" in word else 0
            if n:
                pos += n
                continue
            return 0
        limit = pos + GAP + 1
        found = None
        q = pos
        while q < min(limit, len(toks)):
            if toks[q].low == word and not toks[q].quoted:
                found = q
                break
            if not toks[q].word and toks[q].text not in "-–":
                break
            if toks[q].cls in (DATE, BETWEEN) and limit < pos + GAP + 1 + DATE_GAP:
                limit += 1  # 'teilte die Bundesagentur für Arbeit am Dienstag mit': a day
                # between the cue's parts does not use up the words a name may take
            q += 1
        if found is None:
            return 0
        pos, gap = found + 1, False
    return pos - k


@built_once
def lexicon(lang: str) -> Lexicon:
    return Lexicon(load_lang(lang))


# ---------------------------------------------------------------- quotes


@dataclass
class Quote:
    start: int  # of the opening mark
    end: int  # after the closing mark (or where the quote was cut off)
    inner_start: int
    inner_end: int


def find_quotes(text: str, lex: Lexicon) -> list[Quote]:
    """Quote spans, pairing any opening mark with any closing one; a quote still open at
    a line break ends there. Single quote marks count only outside double quotes."""
    first, stops = _quote_marks(lex)
    quotes: list[Quote] = []
    opened: tuple[int, int, bool] | None = None  # (mark start, inner start, single)
    i, n = 0, len(text)
    # one scan for every stop (a search from each stop again cost more); a stop inside
    # a mark just read is passed over
    for stop in stops.finditer(text):
        if stop.start() < i:
            continue
        i = stop.start()
        c = text[i]
        if c == "\n" and opened:
            quotes.append(Quote(opened[0], i, opened[1], i))
            opened = None
        if c not in first:
            i += 1
            continue
        mark, role = next(((m, r) for m, r in first[c] if text.startswith(m, i)), (c, None))
        if role is None:
            i += 1
            continue
        j = i + len(mark)
        single = mark in ("'", "‘", "’", "‚", "‹", "›")
        before = text[i - 1] if i else " "
        after = text[j] if j < n else " "
        if before.isalnum() and after.isalnum():
            i = j  # apostrophe or inch mark inside a word
            continue
        can_open = role == "open" or (
            role == "either"
            and not after.isspace()
            and (
                before.isspace()
                or before in "([{-–—:;,/"
                or (not before.isalnum() and before not in ".!?")
            )
        )
        can_close = role == "close" or (role == "either" and not before.isspace())
        if opened is None:
            if can_open and (not single or after.isalpha()):
                opened = (i, j, single)
        elif opened[2] != single:
            # a double mark while a single quote is open, or a single one inside a double
            # quote (a nested quote, 'the players’ union'): neither closes the other
            pass
        elif can_close and (role != "either" or not can_open or _closes(text, j)):
            quotes.append(Quote(opened[0], j, opened[1], i))
            opened = None
        elif role == "open" and not single:
            quotes.append(Quote(opened[0], i, opened[1], i))
            opened = (i, j, single)
        i = j
    if opened:
        quotes.append(Quote(opened[0], n, opened[1], n))
    out = []
    for q in quotes:
        while q.inner_start < q.inner_end and text[q.inner_start].isspace():
            q.inner_start += 1
        while q.inner_end > q.inner_start and text[q.inner_end - 1].isspace():
            q.inner_end -= 1
        if q.inner_end > q.inner_start:
            out.append(q)
    return out


@cache
def _quote_marks(lex: Lexicon) -> tuple[dict[str, list[tuple[str, str]]], re.Pattern[str]]:
    """The language's quote marks with their roles by first character (longest first),
    and a pattern that finds the next of those characters or a line break: quotes are
    looked for there instead of at every character."""
    sp = lex.speech
    marks = sorted(
        [(m, "open") for m in sp.quote_open]
        + [(m, "close") for m in sp.quote_close]
        + [(m, "either") for m in sp.quote_either],
        key=lambda x: -len(x[0]),
    )
    first: dict[str, list[tuple[str, str]]] = {}
    for mark, role in marks:
        first.setdefault(mark[0], []).append((mark, role))
    return first, re.compile("[" + re.escape("".join(sorted(set(first) | {"\n"}))) + "]")


def _closes(text: str, j: int) -> bool:
    """An either-mark that could open or close closes when punctuation or a space follows."""
    return j >= len(text) or not text[j].isalnum()


def _inside_name(toks: list[Tok], i: int) -> bool:
    """A capitalised word inside a sentence right before another capitalised word: part
    of a name ('First Call', 'Just Eat'), whatever the word's class alone."""
    return (
        0 < i < len(toks) - 1
        and toks[i].cap
        and toks[i - 1].word
        and toks[i + 1].cap
        and toks[i].cls == NAME
    )
