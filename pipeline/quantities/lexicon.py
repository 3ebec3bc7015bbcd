"""Compiled patterns for one language, built once from its data file (and cached).

Word lists become trie-shaped regular expressions ("t(?:en|hree|wo)"), so a scan tries a
few characters per position instead of every word. Every repetition is bounded, and the
alternatives of a repetition cannot match the same text two ways, so no input makes a
pattern backtrack badly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from pipeline.lang import load_lang
from pipeline.quantities.numbers import SUPERSCRIPT, VULGAR, words_value
from pipeline.quantities.units import Unit, resolve
from pipeline.wordtrie import alternation
from schemas.lang import LangData, NumberData

NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
NOT_LETTER_AFTER = r"(?![^\W\d_])"
# dates, clock times and phone numbers, in any language; a date repeats its separator
# ('19.5.2020', '19/5/20'): '19.5-20%' is a range of decimals
MASKS = re.compile(
    r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{2,4}"
    r"|\d{1,2}:\d{2}(?::\d{2})?|\+\d{1,3}[\s-]?\(?\d{1,4}\)?(?:[\s-]\d{2,4}){2,5})(?!\d)"
)


def trie_pattern(words: list[str], fold: bool = True, space: str = re.escape(" ")) -> str:
    """One regular expression matching any of `words`, longest first, shaped as a trie
    (`pipeline.wordtrie`); a space in a word is one space (or `space`). `fold`: the words
    lower-cased, for a pattern read with IGNORECASE. The grammar's tries are never turned
    back into lists for case twins: they never were, and the check would add to every
    start-up."""
    forms = sorted({w.lower() if fold else w for w in words}, key=len, reverse=True)
    if not forms:
        return r"(?!x)x"
    return alternation(forms, ignorecase=False, space=space)


# a unit of several words is hyphenated where it qualifies a noun: 'a 3,000-square-foot
# home', 'a 20-cubic-metre tank'
UNIT_SPACE = r"[ \-]"


def mixed_case(words: list[str], space: str = re.escape(" ")) -> str:
    """Short abbreviations keep their case ("M" million, "m" metre, "G" is not "g");
    words ignore it."""
    strict = [w for w in words if len(w) <= 2 or (len(w) <= 4 and not w.islower())]
    loose = [w for w in words if w not in strict]
    parts = []
    if loose:
        parts.append("(?i:" + trie_pattern(loose, space=space) + ")")
    if strict:
        parts.append(trie_pattern(strict, fold=False, space=space))
    return "(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"


class Before:
    """Words that may stand just before a number ("more than", "$", "page"), matched
    right to left: one anchored match on the reversed few characters before the number,
    instead of a search that tries every position of them."""

    def __init__(self, words: list[str], fold: bool = True, gap: str = r"[\s\u00a0]{0,2}"):
        flipped = [w[::-1] for w in words]
        body = f"(?i:{trie_pattern(flipped)})" if fold else mixed_case(flipped)
        self.pattern = re.compile(rf"{gap}(?P<w>{body}){NOT_LETTER_AFTER}")
        self.reach = max((len(w) for w in words), default=0) + 3

    def find(self, text: str, start: int) -> tuple[str, int] | None:
        """The word ending just before `start`, as written, and where it starts."""
        lo = max(0, start - self.reach)
        match = self.pattern.match(text[lo:start][::-1])
        if match is None:
            return None
        return match.group("w")[::-1], start - match.end("w")


@dataclass(frozen=True)
class Lexicon:
    data: LangData
    core: re.Pattern  # a numeral (group 'num') or a run of number words (group 'words'),
    # searched in the lowercased text (a case-blind pattern is four times slower)
    core_any_case: re.Pattern  # the same, for texts whose lowercase changes length
    pieces: re.Pattern  # one number word, for reading a run of them
    words: dict[str, float]
    # a number word as a whole word (or, compounding, a word start), or a currency
    # written as a word (a weak number word may come before it: "a dollar", "einen Euro")
    word_hint: re.Pattern
    lone_hint: re.Pattern  # 'minus one', 'one over three': a weak word alone a number
    lone_keys: tuple[str, ...]  # the weak words lone_hint needs, tested as substrings first
    # where a word that is a number word, or starts with one ("achtundsiebzig"), begins
    number_word_at: re.Pattern
    weak: frozenset[str]
    articles: frozenset[str]  # weak words that never mean 'one' before a measure
    article_units: frozenset[str]  # ... but for these measures ('a gallon of')
    vague: frozenset[str]  # scale words that alone mean "many"
    vague_before: Before  # 'several' in 'several hundred': a scale word made vague
    approx: frozenset[str]  # scale words that make a number approximate ('dizaine')
    scale: re.Pattern
    scales: dict[str, float]
    money_scale: re.Pattern  # 'm' in '£3.5m': a scale glued to an amount after a currency sign
    # (smaller, larger) scales the language writes together as one ('mil millones'):
    # a thousand still open before a larger scale multiplies it ('99 mil 400 millones')
    joined_scales: frozenset[tuple[float, float]]
    fraction_times: re.Pattern  # "two thirds", "three twenty-firsts" (group 't': tens)
    fraction_plus: re.Pattern  # "one and a half", "five and three quarters" (group 'n')
    fraction_of: re.Pattern  # "of a" in "two thirds of a million"
    fraction_before: Before  # "half" in "half a million"
    connector: re.Pattern  # "and" between number words
    group_join: re.Pattern  # before the next group of a number: "and" in "3 hundred and 21"
    over: re.Pattern  # "over" in "one over three"
    fractions: dict[str, float]
    plus_fractions: frozenset[str]  # vi 'rưỡi': adds its part of the last scale
    # a whole number written as one word, then a denominator ending ('veinticincoavos')
    denominator: re.Pattern
    negative: Before  # "minus", "negative" before a number
    decimal_word: re.Pattern  # "point" in "two point five"
    unit_after: re.Pattern
    # '20 (kg)': a unit alone in brackets after the number; the source of `unit_bracketed`
    unit_bracketed_source: str
    subunit_join: re.Pattern  # between an amount and its cents: "and", "y", "con"
    subunit_words: frozenset[str]  # the words of subunit_join, lowercased
    units_after: dict[str, Unit | None]  # resolved when the lexicon is built
    unit_before: Before
    units_before: dict[str, Unit | None]
    hedge: Before
    hedge_kind: dict[str, str]
    range_start: Before
    range_join: re.Pattern
    range_dash: re.Pattern
    change_start: frozenset[str]  # range openers after which two whole ends are a change
    change_by: Before  # 'met' in 'steeg met 15.000 tot 240.000': a change, then a level
    change_verbs: Before  # 'fell', 'stieg': a number after them is a level of its own
    comparisons: Before  # 'up from', 'frente a los', 'contre': compared with an amount
    between_joins: frozenset[str]  # 'and': a range's join after 'between', not after 'from'
    cue_before: Before
    clock_before: Before  # 'at' in 'at 2200 hours': hours of the clock, no duration
    cue_after: re.Pattern
    month_before: Before
    month_after: re.Pattern
    ordinal: re.Pattern
    noun: re.Pattern
    stopwords: frozenset[str]
    counted_weak: frozenset[str]  # vi 'ba' in 'ba người': a weak word, a number before a noun
    counted_noun: re.Pattern  # a counted noun right after a number: a classifier or 'người'
    amount_nouns: frozenset[str]  # 'ingresos': a scaled number before it is a sum, no count
    unit_links: frozenset[str]  # "de" in "millones de euros": between a scale and its unit

    @cached_property
    def unit_bracketed(self) -> re.Pattern:
        """Compiled on first use: the pattern holds every unit name, and compiling it cost
        a tenth of a second per run for a form few articles write."""
        # cached_property writes the instance's __dict__ itself, which a frozen dataclass
        # without __slots__ allows
        return re.compile(self.unit_bracketed_source)

    def unit(self, written: str, before: bool = False) -> Unit | None:
        table = self.units_before if before else self.units_after
        found = table.get(written) or table.get(written.lower())
        if found is None and "-" in written:  # 'square-foot': the unit 'square foot'
            spaced = written.replace("-", " ")
            found = table.get(spaced) or table.get(spaced.lower())
        return found

    def fraction_value(self, written: str) -> float | None:
        """The amount of a fraction word: a listed one ('quintos'), or a whole number
        written as one word with a denominator ending ('veinticincoavos' = 1/25)."""
        word = written.lower()
        listed = self.fractions.get(word)
        if listed is not None:
            return listed
        match = self.denominator.fullmatch(word)
        if match is None:
            return None
        below = words_value(
            " ".join(self.pieces.findall(match.group("d"))), self.data.code, self.words, self.pieces
        )
        return 1 / below if below and below > 1 else None

    def scale_of(self, written: str) -> float | None:
        return self.scales.get(written) or self.scales.get(written.lower())

    def has_number_word(self, scan: str) -> bool:
        """Whether the lowercased text may hold a number word: the cheap test done first."""
        if self.word_hint.search(scan) is not None:
            return True
        for key in self.lone_keys:  # a loop, not any(): no generator on every text
            if key in scan:
                return self.lone_hint.search(scan) is not None
        return False

    def scan_text(self, text: str) -> tuple[str, re.Pattern]:
        """The text to search for numbers, lowercased when offsets survive it, and the
        pattern to search it with."""
        low = text.lower()
        return (low, self.core) if len(low) == len(text) else (text, self.core_any_case)


@cache
def lexicon(lang: str) -> Lexicon:
    data = load_lang(lang)
    numbers, units = _number_patterns(data), _unit_patterns(data)
    return Lexicon(data=data, **numbers, **units, **_hedge_patterns(data), **_cue_patterns(data))


def _alpha(word: str) -> bool:
    return word.replace(" ", "").isalpha()


def _number_patterns(data: LangData) -> dict:
    numbers = data.numbers
    words = {k.lower(): v for k, v in numbers.words.items()}
    scale_words = {k.lower(): v for k, v in numbers.scales.items()}
    weak = {w.lower() for w in numbers.weak_words}
    starts = [w for w in {**words, **scale_words} if len(w) >= 3 and w not in weak]
    readable = {**words, **{k: v for k, v in scale_words.items() if k.isalpha()}}
    pieces = trie_pattern(list(readable))
    link = r"[\s\-]{0,3}(?:" + trie_pattern(numbers.connectors) + r"[\s\-]{0,3})?"
    run = f"{NOT_LETTER_BEFORE}{pieces}(?:{link}{pieces}){{0,24}}{NOT_LETTER_AFTER}"
    groups = "".join(sorted({",", "."} | set(numbers.group_separators)))
    digits = (
        r"(?:(?<![\w)\]])[-\u2212])?"
        rf"(?:(?<![\d.,])\d{{1,3}}(?:[{re.escape(groups)}]\d{{3}}(?!\d)){{1,8}}"
        r"|(?<![\d.,])\d{1,30}|(?<![\w.,])(?=[.,]\d))"
        r"(?:[.,]\d{1,20}(?!\d))?"
        r"(?:[eE][-+]?\d{1,3}(?![\w.,])"
        rf"|[ ]?[×xX][ ]?10(?:(?:\^|\*\*)?[-+\u2212]?\d{{1,3}}|[{SUPERSCRIPT}]{{1,4}})(?!\w|[.,]\d)"
        r"|\^[-+\u2212]?\d{1,3}(?!\w|[.,]\d))?"
        rf"[{VULGAR}]?"
    )
    digits = rf"(?:{digits}|(?<![\w.,])[{VULGAR}])"
    fractions = trie_pattern(list(numbers.fractions))
    # a denominator written as one word with the whole number it is built on: a few
    # number words and connectors, then an ending ('dos' 'mil' 'ésimos', 'drei' 'und'
    # 'zwanzig' 'stel'); the repetition is bounded and only tried after a number
    stem = trie_pattern(list(readable) + numbers.connectors)
    endings = trie_pattern(numbers.denominator_endings)
    denominator = (
        rf"(?P<d>(?:{stem}){{1,6}})(?:{endings})" if numbers.denominator_endings else r"(?!x)x"
    )
    fractions = rf"(?:{fractions}|{denominator.replace('(?P<d>', '(?:')})"
    number = trie_pattern(list(words))  # one number word, no scale: a numerator
    numerator = rf"(?i:{number})(?:[\s\-]{{1,2}}(?i:{number})){{0,3}}"
    spaced_numerator = rf"|(?P<m>{numerator})[\s\u00a0]{{1,2}}"
    # a fraction word after a weak word is a number too ("a half", "one eighth")
    hints = [w for w in readable if w.isalpha() and w not in weak]
    hints += [w for w, v in numbers.fractions.items() if v != 1]  # not 'first' alone
    glued = [k for k in numbers.suffixes if len(k) == 1]
    spaced = [k for k in numbers.suffixes if len(k) > 1]
    scale = (
        rf"(?:[\s\-]{{0,2}}(?P<s>(?i:{trie_pattern(list(scale_words))})"
        rf"|{trie_pattern(spaced, fold=False)})|(?P<g>{trie_pattern(glued, fold=False)})"
        # a spaced letter ends a clause: '2.33 k.' ('32 K word' is no thousand)
        rf"|[ \u00a0]{{1,2}}(?P<l>{trie_pattern(numbers.spaced_suffixes, fold=False)})"
        r"(?=[ \u00a0]{0,2}(?:[^\w\s]|$)))"
        # "a 300 billion-euro plan": the scale stands; a unit may follow it after a hyphen
        r"(?![^\W\d_])"
    )
    return {
        "core": re.compile(f"(?P<num>{digits})|(?P<words>{run})"),
        "core_any_case": re.compile(f"(?P<num>{digits})|(?P<words>{run})", re.IGNORECASE),
        "pieces": re.compile(trie_pattern(list(readable) + numbers.connectors)),
        "words": readable,
        # weak words ('a', 'one') alone never start a quantity worth a scan: a quantity
        # with one also has a scale word ('a hundred'), which is found
        "word_hint": _word_hint(
            numbers, starts, hints, sorted(weak), _unit_words(unit_aliases(data.code))
        ),
        **_lone_hint(
            numbers,
            sorted(weak - {w.lower() for w in numbers.articles}),
            sorted(weak),
            _counted_nouns(data),
        ),
        # in compounds a weak word starts a number too ("eenentwintig", "einundzwanzig")
        "number_word_at": _number_word_at(
            starts + (sorted(weak) if numbers.compounds else []), readable
        ),
        "weak": frozenset(weak),
        "articles": frozenset(w.lower() for w in numbers.articles),
        "article_units": frozenset(w.lower() for w in numbers.article_units),
        # a vague scale or an abbreviated one alone writes no number ('millions of',
        # 'in Mio. Euro')
        "vague": frozenset(
            w.lower().rstrip(".") for w in numbers.vague_scales + numbers.scale_abbreviations
        ),
        "vague_before": Before(numbers.vague_before, gap=r"[\s\u00a0]{1,2}"),
        "approx": frozenset(w.lower() for w in numbers.approx_scales),
        "scale": re.compile(scale),
        "fraction_before": Before(
            [f"{f} {w}" for f in numbers.fractions for w in weak] + list(numbers.fractions),
            gap=r"(?:[\s\u00a0]{1,2}|-)",  # 'a half-million', 'un demi-million'
        ),
        "over": re.compile(
            rf"[\s\u00a0]{{1,2}}(?i:(?P<r>{trie_pattern(numbers.ratio_joins)})"
            rf"|{trie_pattern(numbers.fraction_joins)})[\s\u00a0]{{1,2}}"
            if numbers.ratio_joins or numbers.fraction_joins
            else r"(?!x)x"
        ),
        "group_join": re.compile(
            rf"[\s\u00a0]{{1,2}}(?:(?P<c>(?i:{trie_pattern(numbers.connectors)}))[\s\u00a0]{{1,2}})?"
        ),
        "connector": re.compile(
            rf"[\s\-]{{1,3}}(?i:{trie_pattern(numbers.connectors)})[\s\-]{{1,3}}"
            if numbers.connectors
            else r"(?!x)x"
        ),
        "fraction_times": re.compile(
            rf"[\s\-]{{1,3}}(?:(?P<t>(?i:{trie_pattern(_tens(words, numbers))}))[\s\-]{{1,2}})?"
            rf"(?P<f>(?i:{fractions})){NOT_LETTER_AFTER}(?!-[^\W\d_])"
        ),
        # hyphens too: 'one-and-a-half years'
        "fraction_plus": re.compile(
            rf"(?:[\s\u00a0]{{1,2}}|-)"
            rf"(?:(?i:{trie_pattern(numbers.connectors + numbers.mixed_joins)})"
            r"(?:[\s\u00a0]{1,2}|-)"
            rf"(?:(?P<n>{numerator})(?:[\s\u00a0]{{1,2}}|-))?"
            # where a number is one word, a second word is a new part: nl 'drie een vijfde'
            rf"{spaced_numerator if numbers.compounds else ''})"
            rf"(?P<f>(?i:{fractions})){NOT_LETTER_AFTER}"
        ),
        "fraction_of": re.compile(
            rf"[\s\u00a0]{{1,2}}(?i:{trie_pattern(numbers.fraction_of)})[\s\u00a0]{{0,2}}"
            rf"(?:(?i:{trie_pattern(list(weak))})[\s\u00a0]{{1,2}})?"
            if numbers.fraction_of
            else r"(?!x)x"
        ),
        "fractions": {k.lower(): v for k, v in numbers.fractions.items()},
        "denominator": re.compile(denominator),
        "plus_fractions": frozenset(w.lower() for w in numbers.plus_fractions),
        "negative": Before(numbers.negative_words),
        "decimal_word": re.compile(
            rf"[\s\u00a0]{{1,2}}(?i:{trie_pattern(numbers.decimal_words)})[\s\u00a0]{{1,2}}"
            if numbers.decimal_words
            else r"(?!x)x"
        ),
        "scales": {**scale_words, **numbers.suffixes, **numbers.money_suffixes},
        "money_scale": re.compile(
            rf"(?:{trie_pattern(list(numbers.money_suffixes), fold=False)}){NOT_LETTER_AFTER}"
        ),
        "joined_scales": _joined_scales(scale_words),
    }


def _joined_scales(scale_words: dict[str, float]) -> frozenset[tuple[float, float]]:
    """Pairs of scale words whose two-word spelling is itself a scale: 'mil millones'."""
    pairs = set()
    for written, value in scale_words.items():
        first, _, second = written.partition(" ")
        small, large = scale_words.get(first), scale_words.get(second)
        if small and large and small * large == value:
            pairs.add((small, large))
    return frozenset(pairs)


def _word_hint(
    numbers: NumberData, starts: list[str], hints: list[str], weak: list[str], units: list[str]
) -> re.Pattern:
    """Where a text may hold number words or a currency written as a word. Weak words
    alone ('one', 'a') start no quantity worth a scan: a quantity with one also has a
    scale word, which is found. One alternation for all of them: the search tries it at
    every position, and one trie there is twice as fast as two."""
    if not numbers.compounds:
        units = _implied_away(units, hints)
        return re.compile(rf"\b{trie_pattern(sorted(set(hints + units)))}\b")
    # in compounds a weak word starts a number too ("eenentwintig", "einundzwanzig")
    fractions = [w for w, v in numbers.fractions.items() if v != 1]
    units = _implied_away(units, [])
    return re.compile(
        rf"\b(?:{trie_pattern(starts + fractions)}|{trie_pattern(weak)}"
        rf"(?:{trie_pattern(numbers.connectors)})?{trie_pattern(starts)}"
        rf"|{trie_pattern(units)}\b)"
    )


def _number_word_at(starts: list[str], words: dict[str, float]) -> re.Pattern:
    """A word (a run of letters) that starts with one of `starts` or is one of `words`.
    One pattern finds them all in C; testing each word of a text in Python cost a
    tenth of the extractor's time."""
    letter = r"[^\W\d_]"
    starts = [w for w in starts if w.isalpha()]
    whole = [w for w in words if w.isalpha() and not w.startswith(tuple(starts))]
    return re.compile(rf"(?<!{letter})(?:{trie_pattern(starts)}|{trie_pattern(whole)}(?!{letter}))")


def _counted_nouns(data: LangData) -> list[str]:
    """Nouns that count what a number before them counts: classifiers, units of count."""
    aliases = data.units.aliases
    return data.counts.classifiers + [w for w, unit in aliases.items() if unit == "count"]


def _lone_hint(numbers: NumberData, lone: list[str], weak: list[str], counted: list[str]) -> dict:
    """Where a weak word that is no article may be a number alone: 'minus one', 'one
    over three', 'one in three'; before a ratio word an article too, where it is the
    word for one (vi 'một phần ba', a third). Searched only in texts holding one of
    `lone_keys`."""
    parts = []
    if numbers.fraction_joins and lone:
        parts.append(
            rf"{trie_pattern(lone)}[\s\u00a0]{{1,2}}{trie_pattern(numbers.fraction_joins)}\b"
        )
    if numbers.ratio_joins and weak:
        parts.append(rf"{trie_pattern(weak)}[\s\u00a0]{{1,2}}{trie_pattern(numbers.ratio_joins)}\b")
    if numbers.negative_words and lone:
        parts.append(
            rf"{trie_pattern(numbers.negative_words)}[\s\u00a0]{{1,2}}{trie_pattern(lone)}\b"
        )
    if numbers.counted_weak and counted:  # vi 'ba người'
        parts.append(
            rf"{trie_pattern(numbers.counted_weak)}[\s\u00a0]{{1,2}}{trie_pattern(counted)}\b"
        )
    # keys are tested as substrings first: articles ('a', 'một') are in nearly every
    # text and would make the search run on all of them, so only the other weak words
    # key it (vi 'một phần ba' is found where 'không' or a number word is)
    keys = [w.lower() for w in lone] if parts else []
    keys += [w.lower() for w in numbers.counted_weak]
    return {
        "lone_hint": re.compile(r"\b(?:" + "|".join(parts) + ")" if parts else r"(?!x)x"),
        "lone_keys": tuple(sorted(set(keys))),
    }


def _tens(words: dict[str, float], numbers: NumberData) -> list[str]:
    """Tens words ('twenty'): the first half of a compound denominator, where the
    language makes them so."""
    if not numbers.compound_denominators:
        return []
    return [w for w, v in words.items() if 20 <= v < 100 and v % 10 == 0]


@cache
def unit_aliases(code: str) -> dict[str, str]:
    """The language's unit names, with every length name raised by its square and cubic
    words ('vierkante centimeter', 'kilómetros cúbicos', 'Quadratmillimeter'): what a
    language writes with a length, not a list of the pairs a file happens to hold. The
    file's own entries win."""
    units = load_lang(code).units
    if not units.powers:
        return units.aliases
    powered: dict[str, str] = {}
    plain_words = {w.lower() for w in units.clause_final}  # 'in': 'square in the city'
    for written, name in units.aliases.items():
        unit = resolve(name)
        if unit is None or unit.dimension != "length" or written.lower() in plain_words:
            continue
        for power in units.powers:
            raised = _raised(name, power.power)
            for word in power.words:
                powered[_joined(written, word, power.place)] = raised
    return {**powered, **units.aliases}


def _raised(name: str, power: int) -> str:
    """A unit name to the power ('cm' -> 'cm**2'; '0.5 m' -> '0.25 m**2'): pint's
    spelling, which `resolve` reads."""
    factor, _, rest = name.partition(" ")
    if rest:
        return f"{float(factor) ** power} {rest}**{power}"
    return f"{name}**{power}"


def _joined(written: str, word: str, place: str) -> str:
    if place == "before":
        return f"{word} {written}"
    if place == "after":
        return f"{written} {word}"
    return word + written.lower()  # de 'Quadrat' + 'Zentimeter'


def _unit_patterns(data: LangData) -> dict:
    units = data.units
    aliases = unit_aliases(data.code)
    # a link word is followed by a space, or ends in an apostrophe ("d'euros"): "del"
    # is no "de" before "l"
    links = (
        r"|[\s\u00a0]{1,2}(?i:" + trie_pattern(units.links) + r")(?:[\s\u00a0]{1,2}|(?<=['\u2019]))"
    )
    # a unit written as letters or digits has no digit glued after it, and a capital
    # letter alone no dash and digits: 'L202', 'm212', 'L-202' are codes; a letter alone
    # before an apostrophe and a word is an elided article: fr "35,0 l'an", it "5 l'anno";
    # a qualifier may stand between the number and its unit: '537 total yards'
    qualified = (
        rf"|[\s\u00a0]{{1,2}}(?i:{trie_pattern(units.qualifiers)})[\s\u00a0]{{1,2}}"
        if units.qualifiers
        else ""
    )
    after = (
        rf"(?:[\s\u00a0]{{0,2}}{qualified}|-{links if units.links else ''})"
        rf"(?P<u>{mixed_case(list(aliases), space=UNIT_SPACE)})(?![^\W\d_])"
        r"(?!(?<=\w)\d|(?<=\b[A-Z])-\d)"
        r"(?!(?<=[\s\u00a0\d][^\W\d_])['\u2019][^\W\d_])"
    )
    # a unit in brackets right after the number, as tables and specifications write it:
    # '20 (kg)', '20 [kg]'; one letter alone in brackets is a footnote or a list mark
    longer = [k for k in aliases if len(k) > 1]
    bracketed = rf"[\s\u00a0]{{0,2}}(?P<o>[(\[{{<])(?P<u>{mixed_case(longer)})(?P<c>[)\]}}>])"
    return {
        "unit_after": re.compile(after),
        "unit_bracketed_source": bracketed,
        "subunit_join": re.compile(
            rf"[\s\u00a0]{{1,2}}(?:(?P<j>(?i:{trie_pattern(units.subunit_joins)}))"
            rf"[\s\u00a0]{{1,2}})?"
        ),
        "subunit_words": frozenset(w.lower() for w in units.subunit_joins),
        "units_after": _with_folded(aliases),
        "unit_before": Before(list(units.before), fold=False),
        "units_before": _with_folded(units.before),
    }


def _implied_away(words: list[str], beside: list[str]) -> list[str]:
    """`words` without those that start or end with another of them, a space between
    ('square kilometre', 'kilómetros cúbicos' beside 'kilometre', 'kilómetros'): a hint
    only says whether a text has one, and where the longer stands the shorter stands as
    a whole word too. Only a shorter word edged by letters counts, and nothing goes
    where the trie would write its words (with those `beside` them) as a plain list
    (`pipeline.wordtrie`), whose ends are read otherwise."""
    if any(w != w.strip() or "  " in w or "\\" in w for w in words + beside):
        return words
    if any(ch.isspace() and ch != " " for w in words + beside for ch in w):
        return words
    listed = set(words)

    def implied(word: str) -> bool:
        head, _, tail = word.partition(" ")
        last = word.rpartition(" ")[2]
        return bool(tail) and (
            (head.isalpha() and head in listed) or (last.isalpha() and last in listed)
        )

    return [w for w in words if not implied(w)]


def _unit_words(aliases: dict[str, str]) -> list[str]:
    words = [
        k.lower()
        for k in aliases
        if len(k) > 2 and k.replace(" ", "").replace(".", "").isalpha()  # 't.métrica'
    ]
    # money, shares and measures: "a dollar", "ein Prozent", "una milla" (a weak word
    # alone starts no scan)
    kinds = (
        "currency", "ratio", "mass", "length", "area", "volume", "energy", "power", "speed", "data",
    )  # fmt: skip
    return [w for w in words if (unit := resolve(aliases.get(w) or "")) and unit.dimension in kinds]


def _with_folded(table: dict[str, str]) -> dict[str, Unit | None]:
    """Written form (as written and lowercased) -> its canonical unit, resolved now so
    that pint is loaded while the lexicon is built, not during a scan."""
    return {k: resolve(v) for k, v in {**{k.lower(): v for k, v in table.items()}, **table}.items()}


def _hedge_patterns(data: LangData) -> dict:
    hedges = data.hedges
    kinds = {w.lower(): "approx" for w in hedges.approx}
    kinds.update({w.lower(): "gt" for w in hedges.gt})
    kinds.update({w.lower(): "lt" for w in hedges.lt})
    return {
        "hedge": Before(list(kinds)),
        "hedge_kind": kinds,
        "range_start": Before(hedges.range_start),
        "range_join": _joins(hedges.range_join),
        "range_dash": _joins(hedges.range_dash),
        "change_start": frozenset(w.lower() for w in hedges.change_start),
        "change_by": Before(hedges.change_by),
        "change_verbs": Before(hedges.change_verbs, gap=r"[\s\u00a0]{1,2}"),
        "comparisons": Before(hedges.comparisons, gap=r"[\s\u00a0]{1,2}"),
        "between_joins": frozenset(w.lower() for w in hedges.between_joins),
    }


def _joins(words: list[str]) -> re.Pattern:
    """Words between the two ends of a range. A word stands between spaces ("to"); a
    sign written bare is glued to both numbers ("3-5"), one written between spaces in
    the data needs spaces ("3 – 5"), so that "75 - 300 mm" is no range. Words may be
    several ("y el" in "entre el 2 y el 3 %")."""
    spaced = [w.strip() for w in words if w.strip() and (w != w.strip() or _alpha(w))]
    glued = [w for w in words if w == w.strip() and not _alpha(w)]
    return re.compile(
        rf"(?:[\s\u00a0]{{1,2}}(?i:{trie_pattern(spaced)}){NOT_LETTER_AFTER}[\s\u00a0]{{1,2}}"
        rf"|{trie_pattern(glued)})"
    )


def _cue_patterns(data: LangData) -> dict:
    cues, counts = data.not_quantity, data.counts
    months = trie_pattern(cues.months, fold=False)
    classifiers = trie_pattern(counts.classifiers)
    counted = _counted_nouns(data)
    return {
        "cue_before": Before(cues.before, fold=False),
        "clock_before": Before(cues.clock_before),
        "cue_after": re.compile(rf"[\s\u00a0]{{0,2}}{mixed_case(cues.after)}(?![^\W\d_])"),
        "month_before": Before(cues.months, fold=False, gap=r"[\s\u00a0]{1,2}\.?"),
        "month_after": re.compile(
            rf"\.?[\s\u00a0]{{1,2}}(?:[^\W\d_]{{1,3}}[\s\u00a0]{{1,2}})?{months}(?![^\W\d_])"
        ),
        "ordinal": re.compile(rf"(?i:{trie_pattern(cues.ordinal_suffixes)})(?![^\W\d_])"),
        "noun": re.compile(
            rf"[\s\u00a0]{{1,2}}(?P<c>(?i:{classifiers})[\s\u00a0]{{1,2}})?"
            # a word glued to digits ('m212', 'L202') is a code, no noun; a letter alone
            # before an apostrophe is an elided article ("35,0 l'an passé")
            r"(?P<n>[^\W\d_][^\W\d_'\u2019-]{0,40})(?!\w)"
            r"(?!(?<=[\s\u00a0][^\W\d_])['\u2019][^\W\d_])"
        ),
        "stopwords": frozenset(w.lower() for w in counts.stopwords),
        "counted_weak": frozenset(w.lower() for w in data.numbers.counted_weak),
        "counted_noun": re.compile(
            rf"[\s\u00a0]{{1,2}}(?i:{trie_pattern(counted)}){NOT_LETTER_AFTER}"
            if counted
            else r"(?!x)x"
        ),
        "unit_links": frozenset(w.lower() for w in data.units.links),
        "amount_nouns": frozenset(w.lower() for w in data.units.amount_nouns),
    }
