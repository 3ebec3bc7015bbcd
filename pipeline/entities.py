"""Canonical speakers across articles and languages.

A speaker phrase is reduced to its core name with the language's title data
('Tổng thống Nga Vladimir Putin' -> 'Vladimir Putin'); cores are folded (accents,
Cyrillic transliteration, spelling variants from `data/names.toml`) and grouped by
fuzzy surname and first-name match (rapidfuzz). The curated `data/aliases.toml` seeds
groups for what rules cannot know (cross-script names, translated organisation names)
and gives their English names. A group's name is the alias file's, else its fullest
Latin-script form, English first.
"""

from __future__ import annotations

import hashlib
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

from rapidfuzz import fuzz

from pipeline.attribution.lexicon import (
    CONN,
    DEMO,
    DET,
    MOD,
    NAME,
    ORG,
    POSS,
    TITLE,
    Tok,
    fold,
    lexicon,
    match_at,
    tokenize,
)
from pipeline.errors import LanguageDataError
from pipeline.lang import supported_languages
from schemas.records import Entity

DATA = Path(__file__).parent / "data"
SURNAME_MATCH = 85.0  # rapidfuzz ratio of folded surnames
FIRST_MATCH = 75.0  # of folded first names, when both mentions give one


@dataclass
class _Group:
    name: str | None = None  # from the alias file
    kind: str = "unknown"
    cores: list[tuple[str, str]] = field(default_factory=list)  # (core, lang)
    surfaces: set[str] = field(default_factory=set)
    langs: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)  # folded exact forms


def canonicalise(mentions: Iterable[tuple[str, str]]) -> tuple[dict[str, str], list[Entity]]:
    """Group (surface, lang) speaker mentions into entities.

    Returns surface -> canonical name, and the entities with their aliases and languages.
    """
    index = _Index(_seed_groups())
    seen: dict[str, tuple[str, str, str]] = {}
    langs_of: dict[str, set[str]] = {}
    for surface, lang in mentions:
        if surface and surface not in seen:
            core, kind = core_name(surface, lang)
            seen[surface] = (core, kind, lang)
        if surface:
            langs_of.setdefault(surface, set()).add(lang)
    order = sorted(seen.items(), key=lambda item: -len(item[1][0].split()))
    by_surface: dict[str, _Group] = {}
    for surface, (core, kind, lang) in order:
        stems = _case_stems(core, lang)
        # a body's name translated from the article's language ('das Finanzministerium')
        # names that language's body; one written in English words may be any country's
        native = lang if fold(core) not in fold(surface) else None
        group = index.find(core, kind, native) or _find_stem(index, stems) or index.new()
        group.cores.append((core, lang))
        group.surfaces.add(surface)
        group.langs |= langs_of[surface]
        key = phonetic(core)
        if key in index.exact or index.bare.get(key) is not group:
            # a bare name joined its country's body: it stays no exact key, or another
            # language's same bare name would join that country too
            index.add_key(group, key)
        for stem in stems:  # 'Росстата' stands for 'Росстат' when that comes later
            index.exact.setdefault(phonetic(stem), group)
        if kind == "org":
            index.add_bare(group, core)
        if group.kind == "unknown":
            group.kind = kind
        by_surface[surface] = group
    entities = {}
    for group in index.groups:
        if group.surfaces:
            name = group.name or _best_name(group.cores)
            entities[name] = Entity(
                entity_id=hashlib.sha256(name.encode()).hexdigest()[:12],
                name=name,
                kind=group.kind,
                aliases=sorted(group.surfaces),
                langs=sorted(group.langs),
            )
    mapping = {s: g.name or _best_name(g.cores) for s, g in by_surface.items()}
    return mapping, sorted(entities.values(), key=lambda e: e.name)


def core_name(surface: str, lang: str) -> tuple[str, str]:
    """The name in a speaker phrase without titles, roles and determiners, and its kind."""
    try:
        lex = lexicon(lang)
    except LanguageDataError:
        return surface.strip(), "unknown"
    toks = lex.joined(_reglued(tokenize(surface, 0, len(surface))))
    lex.classify(toks)
    toks = _drop_affiliation(_drop_brackets(toks), lex)
    english = translated_org([t.low for t in toks if t.cls not in (DET, DEMO)], lang)
    if english:  # a body named in words of the language's `org_terms` (and a country)
        return english, "org"
    heads = [i for i, t in enumerate(toks) if t.cls in (TITLE, ORG) and not _in_name(toks, i, lex)]
    if not heads:  # without a role a capitalised modifier is the name's: 'Saudi Aramco'
        for k, t in enumerate(toks[:-1]):
            compound = "-" in t.low and t.low.rsplit("-", 1)[1] in lex.compound_modifiers
            if t.cls == MOD and t.cap and toks[k + 1].cls == NAME and not compound:
                t.cls = NAME  # but 'the Toronto-based TerraVolt' stays a modifier
    titled = any(toks[i].cls == TITLE for i in heads)
    # a titled phrase ending in a name is a person's, whatever its role's body: 'Kremlin
    # spokesman Dmitry Peskov', 'Chef der Deutschen Bank Christian Sewing'
    names = _person_name(_after_role(toks, heads[-1] + 1, lex) if heads else toks, lex)
    if heads and toks[heads[-1]].cls == ORG and not (titled and names):
        roles = lex.speech.role_nouns.get("org", [])
        role = max((i for i in heads if not toks[i].cap and toks[i].low in roles), default=None)
        after = toks[role + 1 :] if role is not None else []
        if after and all(t.cls == NAME or t.low in lex.company_forms for t in after):
            return _as_written(after, surface), "org"  # 'IT giant Apple': the role's name
        while toks and toks[0].cls in (DET, DEMO):
            toks = toks[1:]
        acronyms = [t.text for t in toks if t.cls == NAME and t.text.isupper() and len(t.text) > 1]
        if len(acronyms) == 1 and sum(t.cls == NAME for t in toks) == 1:
            return acronyms[0], "org"  # 'Đài RT' -> 'RT'
        return _unowned(_as_written(toks, surface), lex.speech.possessive_endings), "org"
    if not names:  # 'Prime Minister Keir Starmer's spokesman': the name of whose role it is
        # (a name after the last role is its body's: 'ministra do Meio Ambiente')
        names = [t.text for t in toks[: heads[-1] if heads else None] if t.cls in (NAME, POSS)]
    if not names:
        kept = [t.text for t in toks if t.cls not in (DET, DEMO)]
        return " ".join(kept) or surface.strip(), "unknown"
    kind = "person" if titled or len(names) >= 2 else "unknown"
    names = _nominative(_from_first_name(names, lang), lang)
    return " ".join(n.rstrip("'’s") if n.endswith(("'s", "’s")) else n for n in names), kind


def _from_first_name(names: list[str], lang: str) -> list[str]:
    """A person's name starts at a known first name: a capitalised word before it is the
    role's body, not the name ('министр сельского хозяйства России Александр Ткачев',
    'министра ... Украины Романа Лещенко'). Unchanged where the language lists no first
    names, or none but the first word is one."""
    if len(names) < 3 or not lexicon(lang).speech.given_names:
        return names
    for k in range(1, len(names) - 1):
        if _is_first_name(names[k].casefold(), lang):
            return names[k:]
    return names


def _is_first_name(word: str, lang: str) -> bool:
    """`word` is a known first name in the nominative or in another case."""
    given = _genders(lang)
    if word in given:
        return True
    speech = lexicon(lang).speech
    for end, endings in speech.given_name_cases.items():
        for ending in endings:
            stem = word[: -len(ending)] if ending else word
            if word.endswith(ending) and len(stem) >= 2 and stem + end in given:
                return True
    return False


def _reglued(toks: list[Tok]) -> list[Tok]:
    """The tokenizer splits a capital inside a word ('PutinDer' is two glued sentences);
    inside one speaker phrase such a word is one name, as written: 'BlackBerry'."""
    out: list[Tok] = []
    for tok in toks:
        last = out[-1] if out else None
        if (
            last is not None
            and last.end == tok.start
            and last.text.isalpha()
            and tok.text.isalpha()
        ):
            text = last.text + tok.text
            out[-1] = Tok(text, text.casefold(), last.start, tok.end, True, last.cap)
        else:
            out.append(tok)
    return out


def _nominative(names: list[str], lang: str) -> list[str]:
    """A person's name put in the nominative when its first word is a known first name in
    another case ('Антона Силуанова' -> 'Антон Силуанов', 'Эльвиры Набиуллиной' ->
    'Эльвира Набиуллина'); unchanged otherwise. Only the first name tells the case: a
    lone 'Силуанова' may be a woman's nominative."""
    speech = lexicon(lang).speech
    if len(names) < 2 or not speech.given_names:
        return names
    first = names[0].casefold()
    given = _genders(lang)
    if first in given:
        return names  # the nominative already
    for end, endings in speech.given_name_cases.items():
        for ending in endings:
            stem = first[: -len(ending)]
            if not first.endswith(ending) or len(stem) < 2:
                continue
            nominative = stem + end
            gender = given.get(nominative)
            if gender is not None and (end or stem[-1] not in speech.vowels):
                first_name = names[0][: len(stem)] + end
                surname = _surname_nominative(names[-1], ending, gender, end, speech)
                return [first_name, *names[1:-1], surname]
    return names


def _surname_nominative(surname: str, ending: str, gender: str, end: str, speech) -> str:
    """The surname in the nominative, given the case ending its first name had (and
    what that name's nominative ends in)."""
    low = surname.casefold()
    cases = speech.surname_cases.get(gender, {})
    for oblique in sorted(cases, key=len, reverse=True):
        if low.endswith(oblique) and len(low) > len(oblique) + 1:
            return surname[: -len(oblique)] + cases[oblique]
    # a man's surname of another pattern takes the same case as a consonant-stem name:
    # 'Дональда Трампа', 'Алексеем Миллером', 'Эммануэля Макрона'
    consonant = gender == "male" and end in speech.consonant_stem_ends
    ending = speech.surname_consonant_cases.get(ending, "") if consonant else ""
    stem = low[: -len(ending)] if ending else ""
    if stem and low.endswith(ending) and stem[-1] not in speech.vowels:
        return surname[: -len(ending)]
    return surname


@cache
def _genders(lang: str) -> dict[str, str]:
    """The language's first names in the nominative -> their gender."""
    given = lexicon(lang).speech.given_names
    return {name: gender for gender, names in given.items() for name in names}


def translated_org(words: list[str], lang: str) -> str | None:
    """An organisation's name in English when every word of it is in the language's
    `org_terms` or `country_adjectives` (connectors between them may stand): 'Bộ Tài
    nguyên Thiên nhiên Nga' -> 'Russian Ministry of Natural Resources', 'türkisches
    Außenministerium' -> 'Turkish Ministry of Foreign Affairs'. None when a word is not."""
    terms, countries, connectors, determiners = _org_tables(lang)
    endings = lexicon(lang).speech.case_endings
    country, heads, parts = None, [], []
    k = 0
    while k < len(words):
        n, english, is_country = _longest_term(words, k, terms, countries)
        if not n:  # another case of a one-word term: ru 'Минфина' is 'Минфин'
            stems = [words[k][: -len(e)] for e in endings if words[k].endswith(e)]
            n, english, is_country = next(
                (_longest_term([stem], 0, terms, countries) for stem in stems if stem in terms),
                (0, "", False),
            )
        if n:
            if is_country:
                country = country or english
            elif english.endswith(" of"):
                heads.append(english)
            else:
                parts.append(english)
            k += n
        elif (words[k] in connectors or words[k] in determiners) and k > 0:
            k += 1
        else:
            return None
    if not heads and not any(" of " in part for part in parts):
        return None  # no word names a body ('Health' alone is no one)
    if not parts and not country:
        return None  # a head alone ('Bộ', 'the ministry') is a role, not one body
    body = " and ".join(parts)
    name = " ".join(heads) + " " + body if heads and body else (heads[0][:-3] if heads else body)
    return f"{country} {name}" if country else name


def _longest_term(words: list[str], k: int, terms: dict, countries: dict) -> tuple:
    """(words taken, English, is a country) for the longest term starting at words[k]."""
    for n in range(min(4, len(words) - k), 0, -1):
        key = " ".join(words[k : k + n])
        if key in countries:
            return n, countries[key], True
        if key in terms:
            return n, terms[key], False
    return 0, "", False


@cache
def _country_words() -> frozenset[str]:
    """Every language's English country adjectives ('Russian', 'Turkish')."""
    words: set[str] = set()
    for lang in supported_languages():
        words.update(lexicon(lang).speech.country_adjectives.values())
    return frozenset(words)


@cache
def _org_tables(lang: str) -> tuple[dict, dict, frozenset[str], frozenset[str]]:
    speech = lexicon(lang).speech
    terms = {k.casefold(): v for k, v in speech.org_terms.items()}
    countries = {k.casefold(): v for k, v in speech.country_adjectives.items()}
    return terms, countries, frozenset(speech.connectors), frozenset(speech.determiners)


def _in_name(toks: list, i: int, lex) -> bool:
    """A capitalised word after a name and a particle is the name's: 'Bruno Le Maire'."""
    return i >= 2 and toks[i].cap and toks[i - 1].low in lex.particles and toks[i - 2].cls == NAME


# More name words than this after a role's body: the first ones are the body's
# ('della Banca Centrale Europea Christine Lagarde').
MAX_NAME_WORDS = 3


def _after_role(toks: list, k: int, lex) -> list:
    """The tokens after a role's head word toks[k - 1] that may hold the person's name.

    A connector there opens the role's body, whose first word is never the person's:
    'ministre de l'Agriculture Annie Genevard', 'presidente della Repubblica Sergio
    Mattarella', 'ministro dell'Economia Giorgetti'.
    """
    if k < len(toks) and toks[k].cls == CONN:
        k += 1
        while k < len(toks) and toks[k].cls == DET:
            k += 1
        if k + 1 < len(toks):
            # the body's first word, or a known portfolio in full ('do Meio Ambiente')
            k += max(1, match_at(toks, k, lex.org_terms))
    return toks[k:]


def _drop_affiliation(toks: list, lex) -> list:
    """A person's full name without the body after it ('Lena Hartwig von der Deutschen
    Bank', 'Pieter de Wit van LTO Noord'): a lowercase particle after two name words,
    then capitalised words of which one names a body, end the name."""
    names = 0
    titled = False
    for k, tok in enumerate(toks):
        if tok.cls == NAME:
            names += 1
        elif names >= 1 and not tok.cap and tok.low in lex.particles:
            q = k + 1
            while q < len(toks) and toks[q].low in lex.particles and not toks[q].cap:
                q += 1
            run = [t for t in toks[q:] if t.word and t.cap]
            if not run or len(run) != len(toks) - q:
                continue
            if names >= 2 and any(map(lex.names_body, run)):
                return toks[:k]
            if titled and match_at(toks, q, lex.org_terms) == len(toks) - q:
                return toks[:k]  # a titled surname, then the portfolio: 'minister Kamp van
                # Economische Zaken'
        elif tok.cls in (TITLE, ORG):
            names = 0  # a role's body before the person: 'Chef der Deutschen Bank X'
            titled = True
    return toks


def _person_name(toks: list, lex) -> list[str]:
    """The last run of name words, with the particles inside it ('Eddy van Hijum',
    'Bruno Le Maire', 'De Croo'); a particle after two name words starts an affiliation
    ('Marieke Blom van ING'), any other lowercase word ends what came before
    ('Commissione europea Ursula von der Leyen')."""
    names: list[str] = []
    pending: list[str] = []
    for k, tok in enumerate(toks):
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        after_particle = bool(pending) and tok.cap and tok.word  # 'Le Maire', 'De Koning'
        inside = names and tok.cap and nxt is not None and nxt.cls == NAME  # vi 'Hồ Đức Phớc'
        # a capitalised syllable after a name is the name's, whatever else it is ('Tân' in
        # 'Nguyễn Sinh Nhật Tân' is also 'new')
        inside = inside or (lex.syllables and names and tok.cap and tok.cls == MOD)
        acronym = tok.text.isupper() and len(tok.text) > 1
        if acronym and nxt is not None and nxt.cap:
            names, pending = [], []  # a body's, not the person's: 'groupe RN Marine Le Pen'
        elif acronym and names:
            break  # another body after the name: 'цитирует Силуанова РИА «Новости»'
        elif tok.cls in (NAME, POSS) or after_particle or inside:
            names += [*pending, tok.text]
            pending = []
        elif tok.low in lex.particles and nxt is not None and (names or tok.cap):
            body = nxt.text.isupper() or nxt.cls == ORG  # 'Marieke Blom van ING'
            if not tok.cap and body and sum(1 for n in names if n[:1].isupper()) >= 2:
                break
            pending.append(tok.text)
        elif not tok.cap and tok.cls not in (DET, CONN):
            names, pending = [], []
    words = [n for n in names if n.casefold() not in lex.particles]
    if len(words) > MAX_NAME_WORDS:
        # a vi name is three syllables ('Bộ Công Thương Nguyễn Hồng Diên'), others two
        keep = names.index(words[-3] if lex.syllables else words[-2])
        if lex.syllables and words[-4].casefold() in lex.family_names:
            keep = names.index(words[-4])  # 'Vũ Thị Thu Thủy': four syllables, one name
        names = names[keep:]
    return names


def _unowned(name: str, endings: list[str]) -> str:
    """The body's name without the possessive ending its phrase stopped at: 'the central
    bank's (report)' names the central bank."""
    for ending in endings:
        for form in {ending, ending.replace("'", "’")}:
            if name.endswith(form) and len(name) > len(form):
                return name[: -len(form)]
    return name


def _as_written(toks: list, surface: str) -> str:
    """The tokens with the text between them as written ('Department for Environment,
    Food and Rural Affairs', 'Hiệp hội Dệt may – Thêu đan'), a space where a bracket was
    dropped."""
    out = toks[0].text if toks else ""
    for before, tok in pairwise(toks):
        gap = surface[before.end : tok.start]
        out += (gap if gap.strip() in ("", ",", "–", "—", "-", "&") else " ") + tok.text
    return out.strip()


def _drop_brackets(toks: list) -> list:
    out, depth = [], 0
    for t in toks:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth and (t.word or t.text in "-"):
            out.append(t)
    return out


@cache
def _names_data() -> dict:
    return tomllib.loads((DATA / "names.toml").read_text(encoding="utf-8"))


@cache
def _aliases() -> list[dict]:
    """The curated entities: `data/aliases.toml`, then one file a language of the bodies
    its news names in its own words (`data/aliases/<lang>.toml`: 'Centraal Bureau voor
    de Statistiek' is Statistics Netherlands, whatever language mentions it)."""
    files = [DATA / "aliases.toml", *sorted((DATA / "aliases").glob("*.toml"))]
    entities: list[dict] = []
    for path in files:
        entities += tomllib.loads(path.read_text(encoding="utf-8")).get("entity", [])
    return entities


def latin(text: str) -> str:
    """Folded (casefolded, accents stripped) and Cyrillic transliterated."""
    table = _names_data()["cyrillic"]
    return "".join(table.get(c, c) for c in fold(text))


@cache
def phonetic(name: str) -> str:
    """A spelling-insensitive key: 'Poetin' and 'Putin', 'Dmitrijew' and 'Dmitriev' agree."""
    text = latin(name)
    for old, new in _names_data()["phonetic"]["rules"]:
        text = text.replace(old, new)
    out = []
    for c in text:
        doubled = bool(out) and out[-1] == c and c.isalpha()
        if (c.isalnum() or c == " ") and not doubled:
            out.append(c)
    return " ".join("".join(out).split())


def _seed_groups() -> list[_Group]:
    groups = []
    for item in _aliases():
        forms = [item["name"], *item.get("aliases", [])]
        groups.append(
            _Group(
                name=item["name"],
                kind=item.get("kind", "unknown"),
                keys={phonetic(f) for f in forms},
            )
        )
    return groups


class _Index:
    """Groups by exact folded key, and by the first letters of the surname for fuzzy
    matching, so that canonicalising many speakers is not quadratic."""

    def __init__(self, groups: list[_Group]) -> None:
        self.groups: list[_Group] = []
        self.exact: dict[str, _Group] = {}
        self.blocks: dict[str, list[tuple[list[str], _Group]]] = {}
        self.bare: dict[str, _Group | None] = {}  # see `add_bare`
        for group in groups:
            self.groups.append(group)
            for key in list(group.keys):
                self.add_key(group, key)

    def new(self) -> _Group:
        self.groups.append(_Group())
        return self.groups[-1]

    def add_key(self, group: _Group, key: str) -> None:
        group.keys.add(key)
        self.exact.setdefault(key, group)
        parts = key.split()
        if parts:
            self.blocks.setdefault(parts[-1][:2], []).append((parts, group))

    def add_bare(self, group: _Group, core: str) -> None:
        """An organisation named with its country ('Russian Ministry of Health') also
        stands for the same name without it, if no other country's body has that name."""
        country, _, rest = core.partition(" ")
        if rest and country in _country_words():
            key = phonetic(rest)
            self.bare[key] = group if self.bare.get(key, group) is group else None

    def find(self, core: str, kind: str, lang: str | None = None) -> _Group | None:
        key = phonetic(core)
        if key in self.exact:
            return self.exact[key]
        bare = self.bare.get(key) if kind == "org" else None
        if bare is not None and (lang is None or lang in bare.langs):
            # 'Ministry of Health' after 'Russian Ministry of Health'; a name translated
            # from another language than the country's body's ('Finanzministerium' in a
            # German article) is not that body
            return bare
        if kind == "org" or not key or core.isupper():
            return None  # organisations and acronyms (INE is not Insee) match exactly only
        parts = key.split()
        best, best_score = None, 0.0
        for other, group in self.blocks.get(parts[-1][:2], []):
            if group.kind == "org":
                continue
            score = _person_score(parts, other)
            if score > best_score:
                best, best_score = group, score
        return best if best_score >= SURNAME_MATCH else None


def _person_score(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    surname = fuzz.ratio(a[-1], b[-1])
    # One letter is a large share of a short name: fuzzy matching starts at four letters,
    # a short surname must be the same ('Chen' is 'John Chen').
    shortest = min(len(a[-1]), len(b[-1]))
    if surname < SURNAME_MATCH or shortest < 3 or (shortest == 3 and a[-1] != b[-1]):
        return 0.0
    if len(a) > 1 and len(b) > 1 and fuzz.ratio(a[0], b[0]) < FIRST_MATCH:
        return 0.0
    return surname


def _best_name(cores: list[tuple[str, str]]) -> str:
    """The fullest Latin-script form, English first; a form in another grammatical case
    ('Росстата' beside 'Росстат') gives way to the form without its ending."""
    plain = {core for core, _ in cores}
    stems = [(stem, lang) for core, lang in cores for stem in _case_stems(core, lang)]
    shared = [stem for stem, lang in set(stems) if stems.count((stem, lang)) >= 2]
    if shared and not plain & set(shared):
        return min(shared)  # 'Росстата', 'Росстате': both are 'Росстат'
    cores = [c for c in cores if not plain & set(_case_stems(*c))] or cores

    def rank(item: tuple[str, str]) -> tuple:
        core, lang = item
        return (_is_latin(core), len(core.split()), lang == "en", len(core), core)

    return max(cores, key=rank)[0]


def _case_stems(core: str, lang: str) -> list[str]:
    """The core without each case ending its last word may carry: 'Росстата' -> 'Росстат'."""
    try:
        endings = lexicon(lang).speech.case_endings
    except LanguageDataError:
        return []
    return [
        core[: -len(e)] for e in endings if core.endswith(e) and len(core.split()[-1]) > len(e) + 3
    ]


def _find_stem(index: _Index, stems: list[str]) -> _Group | None:
    """The group of a name this core is another case of ('Росстата' after 'Росстат')."""
    return next((index.exact[k] for k in map(phonetic, stems) if k in index.exact), None)


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return all("LATIN" in unicodedata.name(c, "") for c in letters)
