"""The shape of a per-language data file, `pipeline/lang/<code>.toml`.

Every file is validated against `LangData` on load (extra keys are errors, like
dateparser's `languages/validation.py`), so a typo in a data file fails loudly in a test
instead of silently switching a rule off. Keys are English; values are the language's.
Each section belongs to one stage: ingest, numbers/units/hedges (quantities),
speech (attribution), dates.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IngestData(_Section):
    boilerplate: list[str] = Field(
        default_factory=list,
        description="regular expressions; a whole line matching one (case-insensitive) is dropped",
    )


class MultiplierData(_Section):
    """Multipliers written as one word: a number word and a suffix ('sixfold',
    'zesvoudig', 'dreifach'), maybe inside a verb ('verdreifacht', 'verzesvoudigd')."""

    suffixes: list[str] = Field(
        default_factory=list, description="after the number word: 'fold', 'voudig', 'fach'"
    )
    prefixes: list[str] = Field(
        default_factory=list,
        description="verb prefixes before the number word: 'ver' in 'verdreifacht'",
    )
    endings: list[str] = Field(
        default_factory=list,
        description="inflections after the suffix: 't', 'te', 'en' ('verdreifachte')",
    )
    words: list[str] = Field(
        default_factory=list,
        description="a word after a number that makes it a multiplier when a comparison "
        "follows: 'times' in '3 times higher' (not in 'won 3 times')",
    )
    compared: list[str] = Field(
        default_factory=list,
        description="words right after those that make the comparison: 'higher', 'more', "
        "'as' ('4 times as much'), 'the' ('3 times the average')",
    )
    alone: dict[str, float] = Field(
        default_factory=dict,
        description="one word that is a number and 'times' at once, a multiplier before a "
        "compared word: 'twice' in 'twice as many' (not 'scored twice')",
    )


class NumberData(_Section):
    decimal_separator: str = Field(description="',' or '.'")
    group_separators: list[str] = Field(description="characters that group thousands")
    words: dict[str, float] = Field(
        default_factory=dict,
        description="number words and the pieces of compounds: 'eight' = 8, 'hundred' = 100",
    )
    weak_words: list[str] = Field(
        default_factory=list,
        description="number words that are a quantity only before a unit or scale ('one', 'a')",
    )
    counted_weak: list[str] = Field(
        default_factory=list,
        description="weak words that are numbers right before a counted noun (a unit of "
        "'count' or a classifier): vi 'ba người' (three people), where 'ba' alone is 'dad'",
    )
    connectors: list[str] = Field(
        default_factory=list, description="words that join number words: 'and', 'und', 'y'"
    )
    scales: dict[str, float] = Field(
        default_factory=dict,
        description="scale words after a number, any case: 'million' = 1e6, 'mio.' = 1e6",
    )
    suffixes: dict[str, float] = Field(
        default_factory=dict,
        description="case-sensitive scale abbreviations, also glued: 'bn' = 1e9, 'M' = 1e6",
    )
    multipliers: MultiplierData = Field(default_factory=MultiplierData)
    money_suffixes: dict[str, float] = Field(
        default_factory=dict,
        description="scale letters glued to an amount after a currency sign: 'm' in '£3.5m' "
        "(after a bare number 'm' is a metre)",
    )
    suffix_counts: list[str] = Field(
        default_factory=list,
        description="plural nouns with no -s ('people', 'children'): a glued money suffix "
        "before them is a scale after a bare number too ('2m people'), as before any plural "
        "or a unit of another kind ('2m barrels'); a count's adjectives end at them",
    )
    suffix_not_counts: list[str] = Field(
        default_factory=list,
        description="plural nouns after a glued money suffix that keep it a unit of its own "
        "('the 400m hurdles')",
    )
    spaced_suffixes: list[str] = Field(
        default_factory=list,
        description="one-letter suffixes that also scale after a space, at the end of a "
        "clause: 'k' in 'salaries of 2.5 k.'; 'K' may be kelvin",
    )
    fractions: dict[str, float] = Field(
        default_factory=dict,
        description="fraction words after a number: 'half' = 0.5, 'fifths' = 0.2; one worth "
        "1 ('first') only ends a compound denominator ('three twenty-firsts' = 3/21)",
    )
    plus_fractions: list[str] = Field(
        default_factory=list,
        description="fraction words (also in `fractions`) that add their part of the last "
        "scale to the number before them, with no join word: vi 'rưỡi' ('hai trăm rưỡi' = "
        "250, '1 triệu rưỡi' = 1.5 million)",
    )
    denominator_endings: list[str] = Field(
        default_factory=list,
        description="endings that make a fraction word of a whole number written as one word "
        "(after `fractions`, which are looked up first): es 'avos' in 'veinticincoavos' = "
        "1/25, 'ésimas' in 'dosmilésimas' = 1/2000; nl 'ste' in 'eenentwintigste' = 1/21",
    )
    tens_then_connector: bool = Field(
        default=True,
        description="a connector may join tens and ones in one number (es 'treinta y dos', "
        "pt 'trinta e dois'); where not (en), 'one hundred and thirty and two fifths' is "
        "130 and two fifths, not 132 fifths",
    )
    compound_denominators: bool = Field(
        default=False,
        description="a tens word and a fraction word make one denominator, as in ordinals: "
        "en 'three twenty-firsts' = 3/21, 'one hundred thirty fifths' = 100/35",
    )
    ordinal_fractions: bool = Field(
        default=False,
        description="fraction words are also ordinals ('third', 'quinto', 'vijfde'): after "
        "a lone weak word and before a word other than `fraction_of`, one is an ordinal "
        "('a third dose', 'un quinto mandato'), no number; 'half' and 'quarter' never are",
    )
    plural_fractions: bool = Field(
        default=False,
        description="fraction words take the plural after a whole number above one (en "
        "'two fifths', es 'tres quintos'): a singular one there ends an ordinal ('one "
        "hundred fifth', 'ciento quinto'), no fraction; nl 'drie vijfde' does not",
    )
    fraction_of: list[str] = Field(
        default_factory=list,
        description="words between a fraction and the scale it is of: 'of' in 'two thirds "
        "of a million'",
    )
    approx_scales: list[str] = Field(
        default_factory=list,
        description="scale words that make a number approximate: fr 'une dizaine' ~ 10, "
        "es 'un centenar' ~ 100",
    )
    vague_scales: list[str] = Field(
        default_factory=list,
        description="scale words that with no number before them mean 'many': 'millions'",
    )
    scale_abbreviations: list[str] = Field(
        default_factory=list,
        description="scale words shortened ('Mio', 'mln', 'млн'): a scale after a number, "
        "never a number alone ('Angaben in Mio. Euro' holds no million)",
    )
    vague_before: list[str] = Field(
        default_factory=list,
        description="words that make a scale word after them vague: 'several' in 'several "
        "hundred years', 'a few million': no number is written, so no quantity",
    )
    compounds: bool = Field(
        default=False, description="numbers are written as one word: de 'achtundsiebzig'"
    )
    articles: list[str] = Field(
        default_factory=list,
        description="weak words that are only an indefinite article ('a', 'an'): before a "
        "unit of measure they make no quantity ('a mile'), where 'one', 'una' do",
    )
    article_units: list[str] = Field(
        default_factory=list,
        description="units of measure, as written, that an article before them counts as one "
        "('a gallon of milk', 'a kilogram'), unless it follows an amount ('$4 a gallon'); "
        "units used in idioms ('a ton of', 'not an inch') stay out",
    )
    fraction_joins: list[str] = Field(
        default_factory=list,
        description="words between a numerator and a denominator: 'over' ('one over three'); "
        "read so only between two bare numbers at the end of a clause",
    )
    mixed_joins: list[str] = Field(
        default_factory=list,
        description="words between a whole number and a fraction besides the connectors: "
        "es 'con' in 'cinco con un cuarto'",
    )
    ratio_joins: list[str] = Field(
        default_factory=list,
        description="words between a part and a whole: 'in' ('one in three adults' = 1/3); "
        "read so between two whole numbers, the first smaller, a noun may follow",
    )
    negative_words: list[str] = Field(
        default_factory=list,
        description="words before a number that make it negative: 'minus', 'negative'",
    )
    decimal_words: list[str] = Field(
        default_factory=list,
        description="words between a whole number and its decimal digits: 'point', 'Komma'",
    )


class ContextReading(_Section):
    """Another reading of some unit words, taken when a cue word is near the number:
    'pounds' is money unless the sentence weighs something; 'graden' a temperature
    unless something turns."""

    written: list[str] = Field(description="unit words as written after a number, lowercase")
    unit: str = Field(description="the unit they then mean, as in `aliases`; 'count' for none")
    words: list[str] = Field(
        description="cue word starts, lowercase, looked for near the number: 'weigh', 'draai'"
    )


class PrefixedUnits(_Section):
    """A family of unit names that take SI prefixes as one word ('mili' + 'gramos' =
    'miligramos', read as pint's 'milligram'): every prefix joins every name."""

    prefixes: dict[str, str] = Field(
        description="prefixes as the language writes them -> pint's prefix: 'mili' = 'milli'"
    )
    names: dict[str, str] = Field(
        description="unit names as written (singular and plural) -> pint's name: 'gramos' = "
        "'gram'. A name alone is no unit by this table ('julio' is a month too)"
    )


class PowerWords(_Section):
    """Words that make a length an area or a volume ('vierkante kilometer', 'centímetros
    cúbicos', 'Quadratzentimeter'), joined to every length name the language has."""

    words: list[str] = Field(description="the words as written: 'vierkante', 'cuadrados'")
    power: Literal[2, 3] = Field(description="2 for an area, 3 for a volume")
    place: Literal["before", "after", "glued"] = Field(
        description="where they stand: before the length name, after it, or glued before it "
        "as one word (de 'Quadrat' + 'zentimeter')"
    )


class UnitData(_Section):
    aliases: dict[str, str] = Field(
        default_factory=dict,
        description="unit written after a number -> unit: a canonical unit, ISO 4217 code, "
        "a pint unit name, or '<factor> <unit>' ('cents' = '0.01 USD')",
    )
    before: dict[str, str] = Field(
        default_factory=dict, description="unit written before a number: '$' = 'USD', 'US$' = 'USD'"
    )
    links: list[str] = Field(
        default_factory=list,
        description="words between a number and its unit: 'de' in '2 millones de dólares'",
    )
    stand_ins: dict[str, str] = Field(
        default_factory=dict,
        description="letters a news feed writes for a sign it lost -> that sign: 'PS' for "
        "'£' ('PS3.5m'), 'pc' for '%' ('5pc'); each also in `before` or `aliases`. Read as "
        "the sign only glued to an amount (not 'PS5' the console) and noted in number_note",
    )
    implied_subunits: dict[str, str] = Field(
        default_factory=dict,
        description="a unit written between a number and a bare second one that counts its "
        "smaller unit ('6-foot-4': foot -> inch); the unit as written -> the smaller unit's "
        "name as an alias reads it",
    )
    subunit_joins: list[str] = Field(
        default_factory=list, description="words between money and its cents: 'and', 'con'"
    )
    per_words: list[str] = Field(
        default_factory=list,
        description="words between a price and the unit it is paid for: 'per', 'a' "
        "('$80 a barrel'), '/'",
    )
    not_rate_after: list[str] = Field(
        default_factory=list,
        description="words after 'a year', 'a day' that make it a time, not a rate: "
        "'earlier' in '$1bn a year earlier', 'ago'",
    )
    clause_final: list[str] = Field(
        default_factory=list,
        description="unit words that are also common words, read as a unit only where the "
        "clause ends after them: 'in' in '2 in.', not in '2 in the morning'",
    )
    size_after: list[str] = Field(
        default_factory=list,
        description="words of size after a measure ('long', 'wide', 'thick'): after them a "
        "clause-final unit word or a spaced inch mark is a unit ('2 in thick', '10 \" long')",
    )
    powers: list[PowerWords] = Field(
        default_factory=list,
        description="square and cubic words: each joins every length name of `aliases` "
        "('centímetros' + 'cuadrados' reads as cm**2)",
    )
    prefixed: list[PrefixedUnits] = Field(
        default_factory=list,
        description="families of metric names built from prefixes ('miligramos', "
        "'hectolitros', 'gigavatios'); `aliases` win over them",
    )
    catalogue_skip: list[str] = Field(
        default_factory=list,
        description="names quantulum3's unit catalogue holds that news uses as plain words "
        "('span', 'score', 'point'): left out of the generated catalogue",
    )
    amount_nouns: list[str] = Field(
        default_factory=list,
        description="nouns that name a sum, not things counted ('ingresos' in '515 millones "
        "de ingresos', 'spesa'): the number before them is a bare amount, whose unit its "
        "context may set",
    )
    age_after: list[str] = Field(
        default_factory=list,
        description="words after a time that make it an age: 'old' in '15 years old', "
        "'a 15-year-old'",
    )
    list_joins: list[str] = Field(
        default_factory=list,
        description="words that join the last item of a list besides the number "
        "connectors: 'or' in 'aged 18, 19 or 21'",
    )
    age_before: list[str] = Field(
        default_factory=list,
        description="words before a bare number that make it an age in years: 'aged' in 'aged 34'",
    )
    age_apposed: bool = Field(
        default=False,
        description="a bare whole number between commas right after a capitalised name is its "
        "age ('The Serb, 28, won'), as English news writes ages",
    )
    qualifiers: list[str] = Field(
        default_factory=list,
        description="words that may stand between a number and its unit: 'total' in '537 total "
        "yards', 'standard' in '2.8 billion standard cubic metres'",
    )
    in_context: list[ContextReading] = Field(
        default_factory=list,
        description="readings of unit words that depend on words near the number; the first "
        "whose cue is near wins",
    )


class HedgeData(_Section):
    approx: list[str] = Field(default_factory=list)
    gt: list[str] = Field(default_factory=list, description="'more than', 'over', 'at least'")
    lt: list[str] = Field(default_factory=list, description="'less than', 'up to'")
    approx_after: list[str] = Field(
        default_factory=list,
        description="hedges after a number: 'or so'; one starting with a hyphen is glued "
        "to it ('200-odd')",
    )
    gt_after: list[str] = Field(
        default_factory=list, description="'or more', '-plus' ('40-plus countries')"
    )
    lt_after: list[str] = Field(default_factory=list, description="'or less', 'or fewer'")
    range_start: list[str] = Field(
        default_factory=list, description="words opening a range: 'between', 'from'"
    )
    range_join: list[str] = Field(
        default_factory=list, description="words joining the ends after a range_start: 'and'"
    )
    range_dash: list[str] = Field(
        default_factory=list, description="joins that make a range on their own: '-', 'to'"
    )
    between_joins: list[str] = Field(
        default_factory=list,
        description="range_join words that mean 'and': they close a range after 'between' "
        "only, never after a change_start word ('subsidios de 200 y 500 euros' are two)",
    )
    change_verbs: list[str] = Field(
        default_factory=list,
        description="verbs of change before a change_start word: 'rose from 120 to 150' "
        "names two figures, a level before and after, no range",
    )
    comparisons: list[str] = Field(
        default_factory=list,
        description="words that compare a figure with an amount said before it in its "
        "sentence ('up from 480', 'frente a los 480', 'contre 35'): the bare number after "
        "one is of that amount's measure and scale",
    )
    change_start: list[str] = Field(
        default_factory=list,
        description="range_start words that may open a change instead ('from' in 'rose from "
        "$3 million to $5 million'): two ends each written whole, unit and scale, are two "
        "figures",
    )
    change_by: list[str] = Field(
        default_factory=list,
        description="words before the amount of a change ('met' in 'steeg met 15.000 tot "
        "240.000'): a range word after that amount ('tot') may lead to the new level, so "
        "the two make a range only when close ('met 20 tot 30 procent')",
    )


class NotQuantityData(_Section):
    """Cues that a number is a date, time, ordinal, code or reference, not a quantity."""

    after_names: bool = Field(
        default=False,
        description="a short bare number right after a capitalised word inside a sentence "
        "is part of a name ('Model 3', 'Xbox 360', 'Title 42'), where only names are "
        "capitalised (en; not de, whose nouns are)",
    )

    before: list[str] = Field(
        default_factory=list,
        description="words after which a bare number is not a quantity: 'page', 'ngày', 'No.'",
    )
    after: list[str] = Field(
        default_factory=list, description="words after a number that make it a time: 'pm', 'Uhr'"
    )
    months: list[str] = Field(
        default_factory=list,
        description="month names and abbreviations: a day next to one is a date",
    )
    clock_before: list[str] = Field(
        default_factory=list,
        description="words before a number of hours that make it a clock time: 'at' in "
        "'at 2200 hours', 'om' in 'om 8 uur', 'lúc' in 'lúc 8 giờ'",
    )
    ordinal_suffixes: list[str] = Field(
        default_factory=list, description="endings glued to digits that make an ordinal: 'th', 'º'"
    )
    ordinal_dot_after: list[str] = Field(
        default_factory=list,
        description="words after which a number with a point and a space is an ordinal, where "
        "the language writes ordinals so (de 'der 1. Fußball-Bundesliga', 'am 13. Juli'); "
        "elsewhere the point may end a sentence",
    )


class CountData(_Section):
    """What a bare count counts: the word after it, unless it is one of these; for a count
    with no word after it, what its sentence says it counts (`pipeline.counted`: heads,
    totals, partitive links, copulas and subject verbs)."""

    stopwords: list[str] = Field(
        default_factory=list,
        description="words after a number that are not the counted noun; right before a "
        "figure, the function words that may lead up to it ('rose by 900', 'to 1,200')",
    )
    classifiers: list[str] = Field(
        default_factory=list, description="classifier words that come before the noun: vi 'loại'"
    )
    capitalised_nouns: bool = Field(
        default=False, description="nouns are written with a capital (de): a capital is no stop"
    )
    adjectives: int = Field(
        default=0,
        description="words that are no plural a count may take before its plural noun "
        "('5,000 new jobs': 1); 0 where adjectives follow the noun or nouns are no plurals",
    )
    capitalised_plurals: bool = Field(
        default=False,
        description="a capitalised word after a number that ends like a plural is what it "
        "counts, no name (en 'Britons', 'MPs', 'Democrats')",
    )
    definite: list[str] = Field(
        default_factory=list,
        description="definite articles and demonstratives: a spelled-out count right after one "
        "names a group already known ('the two countries'), not a figure",
    )
    heads: list[str] = Field(
        default_factory=list,
        description="phrases before a count without a noun that name what it counts in the "
        "word after them, later in the same clause: 'the number of' in 'the number of "
        "patients rose by 900', 'het aantal', 'число'",
    )
    totals: list[str] = Field(
        default_factory=list,
        description="phrases that make a later figure in the clause a count whose thing is "
        "not named there: 'a total of', 'un total de', 'the number' ('the number waiting "
        "rose by 900')",
    )
    partitive: list[str] = Field(
        default_factory=list,
        description="links between a count and a larger count of a named thing, which it "
        "counts a part of: 'of the' in '11 of the 17 ministers', 'dos', 'out of'",
    )
    copulas: list[str] = Field(
        default_factory=list,
        description="plural copulas after a count that opens its clause; the word after "
        "one names what is counted: 'are' in '40 are nurses', 'sont des'",
    )
    subject_verbs: list[str] = Field(
        default_factory=list,
        description="plural verbs and auxiliaries after a count that opens its clause: the "
        "count is their subject, people or things ('200 have left', '12 remain')",
    )


class ScoreData(_Section):
    """Sports scores ('won 3-1', 'a 2-0 lead', 'siegte 3:1'): two whole numbers joined by
    a sign, read as two scores (never a range, never a negative) when a cue word is near."""

    joins: list[str] = Field(
        default_factory=list, description="signs between the two sides: '-', '–', ':'"
    )
    before: list[str] = Field(
        default_factory=list,
        description="words a few words before a score, lowercase: 'won', 'beat', 'drew'",
    )
    after: list[str] = Field(
        default_factory=list,
        description="words right after a score, lowercase: 'lead', 'win', 'victory'",
    )


class SpeechData(_Section):
    """Who said it: cue words, quote marks and the words around speakers' names.

    Words are matched case-insensitively on whole words; a phrase may hold '...' for a gap
    of a few words ('voegde ... toe'). Keep every entry lowercase.
    """

    verb_second: bool = Field(
        default=False,
        description="the finite verb comes second (nl, de): 'Maandag zei Poetin'; a subject "
        "before the cue counts only when it opens its clause",
    )
    syllable_names: bool = Field(
        default=False,
        description="names are written as syllables of which only some are capitalised "
        "(vi 'Bộ Tài nguyên Thiên nhiên Nga'): a lowercase syllable after a capitalised one "
        "stays in the name",
    )
    nouns_capitalised: bool = Field(
        default=False,
        description="every noun is written with a capital (de): a capitalised source noun "
        "('Umfrage', 'Angaben') is then no name; elsewhere it may be one ('Office for "
        "National Statistics')",
    )
    dash_quotes: bool = Field(
        default=False,
        description="a paragraph opening with a dash is direct speech (pt, es): '— É um "
        "conjunto de medidas — disse.', or the dash paragraph after the speaker's own",
    )
    quoted_names: bool = Field(
        default=False,
        description="companies and bodies are named in quote marks (ru '«Газпром» сообщил', "
        "'группа «Аэрофлот»'): a short capitalised quote right before or after a word is a "
        "name, not a quotation (quoted speech opens its sentence or follows a colon)",
    )
    coordinators: list[str] = Field(
        default_factory=list,
        description="words joining two verbs of one subject ('y', 'e'): a cue right after "
        "one ('... en el Congreso y expuso que') shares the subject opening the sentence",
    )
    null_subject: bool = Field(
        default=False,
        description="subject pronouns are dropped (es, it, pt): a sentence opening with a "
        "cue ('Ha detto che') goes on with the person who spoke before",
    )
    verbs: list[str] = Field(
        default_factory=list, description="speech cues, inflected forms: 'said', 'voegde ... toe'"
    )
    according_to: list[str] = Field(
        default_factory=list, description="source markers before the source: 'according to'"
    )
    own_account: list[str] = Field(
        default_factory=list,
        description="words that make an 'according to' phrase the clause subject's own "
        "account, with no source after it (de 'eigenen' in 'Die Firma strich nach eigenen "
        "Angaben 40 Flüge', nl 'eigen' in 'naar eigen zeggen'): the subject is the speaker",
    )
    according_to_after: list[str] = Field(
        default_factory=list,
        description="source markers after the source ('Putin zufolge') or after the content "
        "with the source following (', aldus de advocaat', ', so Putin,')",
    )
    complementizers: list[str] = Field(
        default_factory=list, description="words opening reported content: 'that', 'dass', 'rằng'"
    )
    source_nouns: list[str] = Field(
        default_factory=list,
        description="nouns for a document or data a body puts out: 'data', 'estimates', "
        "'report', 'số liệu', 'данным'; 'according to data from X' and 'X's figures show' "
        "are X's, never the noun's",
    )
    source_links: list[str] = Field(
        default_factory=list,
        description="words between a source noun and its body: 'from', 'of', 'by', 'của', 'du'",
    )
    as_clauses: list[str] = Field(
        default_factory=list,
        description="words opening a comment clause after a comma ('as' in '..., not above "
        "4 percent, as X claims'; es/pt 'como'): the phrase before the comma is X's, "
        "even inside another speaker's statement",
    )
    programmes: list[str] = Field(
        default_factory=list,
        description="head words of a named programme, project or survey that a body runs: "
        "'Projeto', 'Programa', 'Encuesta'; named with its body ('the X Project, of the Y "
        "Institute'), its figures are the body's",
    )
    source_verbs: list[str] = Field(
        default_factory=list,
        description="cues only when their subject is a source noun: 'show' in 'ACI figures "
        "show that', 'cho thấy'",
    )
    agents: list[str] = Field(
        default_factory=list,
        description="words before the agent of a passive cue: 'by', 'par', 'da', 'dall''; "
        "'figures released by the ministry' are the ministry's",
    )
    passive_cues: list[str] = Field(
        default_factory=list,
        description="participles that are cues only with an agent after them: 'released' in "
        "'figures released by the ministry', it 'rilevati dall'Ismea'",
    )
    agent_cues: list[str] = Field(
        default_factory=list,
        description="cue forms that are passive participles (de 'mitgeteilt', 'angekündigt'): "
        "when given, an agent word after a cue marks its speaker only after one of these or "
        "a passive cue ('mitgeteilt von der Bank'); after any other cue it opens the verb's "
        "object ('sprach von einem Rekord'). Empty: after every cue (en 'announced by X')",
    )
    inversions: list[str] = Field(
        default_factory=list,
        description="subject pronouns written after a cue with a hyphen (fr 'ajoute-t-elle', "
        "'dit-il'): the suffixes, each making every one-word cue an inverted cue",
    )
    relatives: list[str] = Field(
        default_factory=list,
        description="relative pronouns after a speaker and a comma: 'Shmigal, who has warned'",
    )
    titles: list[str] = Field(
        default_factory=list,
        description="titles and roles before a name or standing for a person: 'president'",
    )
    title_suffixes: list[str] = Field(
        default_factory=list,
        description="titles that end compound titles (de, nl): 'minister' makes "
        "'Entwicklungsminister' a title, and a 'minister' for roles",
    )
    org_suffixes: list[str] = Field(
        default_factory=list,
        description="heads that end compound names of bodies (de, nl): 'agentur' makes "
        "'Bundesnetzagentur' and 'Kartellamt' ('amt') organisations, as `title_suffixes` do "
        "for titles",
    )
    same_role: list[list[str]] = Field(
        default_factory=list,
        description="titles that name one role, for resolving roles: "
        "['spokesman', 'press secretary', 'press manager']",
    )
    modifiers: list[str] = Field(
        default_factory=list,
        description="lowercase words that may qualify a title: 'russian', 'former', 'mỹ'",
    )
    compound_modifiers: list[str] = Field(
        default_factory=list,
        description="last parts of a hyphenated modifier that a capital does not make a "
        "name: 'based' in 'the Cupertino-based company', 'owned' in 'Kremlin-owned'",
    )
    org_heads: list[str] = Field(
        default_factory=list,
        description="words that make a phrase an organisation: 'ministry', 'bộ', 'authorities'",
    )
    company_forms: list[str] = Field(
        default_factory=list,
        description="legal forms written after a company's name, with their point: 'corp.', "
        "'inc.', 'co.', 'ltd.', 'plc'; the point is the name's (no sentence or phrase ends "
        "there) and the form makes the phrase a company: 'Initech Corp. said'",
    )
    org_terms: dict[str, str] = Field(
        default_factory=dict,
        description="words of organisation names in English, to name one body alike in every "
        "language: heads end in ' of' ('bộ' = 'Ministry of', 'министерство' = 'Ministry of'), "
        "portfolios do not ('y tế' = 'Health', 'природных ресурсов' = 'Natural Resources')",
    )
    case_endings: list[str] = Field(
        default_factory=list,
        description="endings a name takes in other grammatical cases (ru 'а' in 'по словам "
        "Силуанова', 'доклад Росстата'): such a form is the same entity as the name without "
        "it, and the name without it is the entity's name",
    )
    given_names: dict[Literal["male", "female"], list[str]] = Field(
        default_factory=dict,
        description="first names in the nominative, by gender (ru 'антон', 'эльвира'): a "
        "name's first word found in another case of one ('Антона', 'Эльвиры') puts the whole "
        "name in that case, and `surname_cases` gives the surname's nominative",
    )
    surname_cases: dict[Literal["male", "female"], dict[str, str]] = Field(
        default_factory=dict,
        description="surname endings in other cases and their nominative, by gender (ru "
        "male 'ова' = 'ов': 'Антона Силуанова' is Антон Силуанов; female 'иной' = 'ина'); "
        "used only when the first name's case is known",
    )
    given_name_cases: dict[str, list[str]] = Field(
        default_factory=dict,
        description="how a first name's nominative ends ('' for a consonant) -> its endings "
        "in other cases (ru '' -> 'а', 'ом': 'Антона' is Антон in another case)",
    )
    surname_consonant_cases: dict[str, str] = Field(
        default_factory=dict,
        description="a man's consonant-stem first name's case ending -> that case's ending "
        "on a surname outside `surname_cases` (ru 'ем' -> 'ом': 'Алексеем Миллером')",
    )
    consonant_stem_ends: list[str] = Field(
        default_factory=list,
        description="how a man's first name of a consonant stem ends in the nominative "
        "(ru '' for a consonant, 'й', 'ь': Антон, Сергей, Игорь): its surname takes "
        "`surname_consonant_cases`",
    )
    vowels: str = Field(
        default="",
        description="letters after which a stem takes no consonant-stem ending (ru)",
    )
    country_adjectives: dict[str, str] = Field(
        default_factory=dict,
        description="country words inside organisation names, in English: 'nga' = 'Russian', "
        "'россии' = 'Russian', 'turks' = 'Turkish'",
    )
    determiners: list[str] = Field(default_factory=list, description="'the', 'de', 'der', 'die'")
    connectors: list[str] = Field(
        default_factory=list, description="words inside names and roles: 'of', 'van', 'của'"
    )
    pronouns: list[str] = Field(
        default_factory=list, description="third-person subject pronouns for persons"
    )
    name_particles: list[str] = Field(
        default_factory=list,
        description="lowercase words inside personal names: 'de' (Anna de Vries), "
        "'da' (Lula da Silva)",
    )
    inner_particles: list[str] = Field(
        default_factory=list,
        description="name particles that stand only after another particle: de 'der', 'den' "
        "('von der Leyen'); after a bare name they are articles ('sagte Müller den Zeitungen')",
    )
    title_particles: list[str] = Field(
        default_factory=list,
        description="name particles that may open a surname right after a title: en 'de' "
        "('PM de Wit'); empty where a title's body follows it ('ministro de Hacienda')",
    )
    name_joins: list[str] = Field(
        default_factory=list,
        description="words joining the last part of a listed name: 'and' in 'Department for "
        "Environment, Food and Rural Affairs', 'và', 'und'",
    )
    org_pronouns: list[str] = Field(
        default_factory=list, description="pronouns for organisations: 'it', 'they'"
    )
    anaphors: list[str] = Field(
        default_factory=list,
        description="words opening a sentence that stand for what was said before it: "
        "it 'Lo' in 'Lo ha detto il ministro', ru 'об этом', nl 'dat' in 'Dat heeft X gezegd'",
    )
    verbless_anaphors: list[str] = Field(
        default_factory=list,
        description="words opening a sentence with no speech verb that give what was said "
        "before it to the speaker named after them: it 'Così' in '\"...\". Così su Facebook "
        "il senatore X.'",
    )
    family_names: list[str] = Field(
        default_factory=list,
        description="family names that open a person's full name where names run on "
        "after a body's (vi 'Nguyễn', 'Vũ'): a name of four syllables from one of them is "
        "kept whole ('Vũ Thị Thu Thủy'), else the last three are the person's",
    )
    localities: list[str] = Field(
        default_factory=list,
        description="lowercase words after a body's name that say where it sits, before "
        "the cue: vi 'tỉnh' in 'Cục Thống kê tỉnh cho biết' (the province's office)",
    )
    places: list[str] = Field(
        default_factory=list,
        description="place names that read as a person's name (vi 'Bà Rịa': the honorific "
        "'bà' then a capital; 'Bắc Ninh' two capitalised syllables): a phrase naming one is "
        "no speaker, in a headline label ('Bắc Ninh: ...') or before a verb",
    )
    prepositions: list[str] = Field(
        default_factory=list,
        description="words after which a phrase is an object, not the speaker: 'with' in "
        "'in an interview with Le Soir'; ru also the nouns that govern a name: 'интервью'",
    )
    demonstratives: list[str] = Field(
        default_factory=list,
        description="words after or before a role that point back: 'này' in 'Bộ này', 'this'",
    )
    between: list[str] = Field(
        default_factory=list,
        description="auxiliaries and adverbs between a speaker and the cue: 'has', 'also', 'đã'",
    )
    continuation: list[str] = Field(
        default_factory=list,
        description="words that make an unattributed sentence go on reporting the speaker "
        "before it (subjunctives, 'estimates')",
    )
    plain_continuation: bool = Field(
        default=True,
        description="an unmarked sentence after an indirect statement, in its paragraph, "
        "goes on reporting its speaker; false where reported speech is marked by its mood "
        "(fr: the conditional, 'selon lui'), so that a plain indicative sentence is the "
        "reporter's own",
    )
    role_nouns: dict[Literal["person", "org", "outlet"], list[str]] = Field(
        default_factory=dict,
        description="nouns that stand for an entity named earlier, by its kind: person "
        "'the executive', org 'the company', outlet 'the newspaper'; resolved to the nearest "
        "named one of that kind, never kept as the speaker",
    )
    role_body_words: dict[str, list[str]] = Field(
        default_factory=dict,
        description="a body's role noun that stands only for a body whose name holds one of "
        "these words: 'organisation' for 'Airports Council International', never for a "
        "company or a party; a role noun not listed takes any body",
    )
    sources_after: list[str] = Field(
        default_factory=list,
        description="phrases opening a sentence that name the source of the sentences "
        "before it in the paragraph, the source following: it 'ad affermarlo è', pt 'os "
        "dados são do', en 'the figures come from'",
    )
    impersonal_cues: list[str] = Field(
        default_factory=list,
        description="cues with no speaker of their own ('heißt es', 'staat er'): the "
        "speaker is the body of the source phrase after them ('heißt es in einem Bericht "
        "des Amtes'), never the phrase before",
    )
    as_markers: list[str] = Field(
        default_factory=list,
        description="'as' opening a trailing clause with a clause-final cue ('wie', "
        "'zoals'): '..., wie das Amt mitteilte' reports what stands before the comma",
    )
    perfect_auxiliaries: list[str] = Field(
        default_factory=list,
        description="auxiliaries of the active perfect ('hat', 'hatte', 'heeft'): a "
        "passive cue that closes its clause after one is active, its subject the source "
        "('Das Amt hatte am Montag Zahlen veröffentlicht:')",
    )
    possessives: list[str] = Field(
        default_factory=list,
        description="possessive determiners ('seine', 'zijn'): a phrase they open right "
        "after a cue with no title or body in it is the verb's object, not its speaker "
        "('verteidigte seine Pläne'; 'sagte seine Sprecherin' has a title)",
    )
    possessive_endings: list[str] = Field(
        default_factory=list,
        description="endings that make a noun its owner's (''s'): 'the central bank's "
        "report' reads 'the central bank's' as the body's phrase, as a capitalised name's "
        "'the Bank of England's' is",
    )
    definite_articles: list[str] = Field(
        default_factory=list,
        description="articles and demonstratives that make a phrase point back ('the', "
        "'el', 'der'): 'the official' is a person named before, 'an official' is anonymous",
    )
    anonymous: list[str] = Field(
        default_factory=list,
        description="words of anonymous or generic sources ('official', 'sources', 'people "
        "familiar'): such a phrase is kept as written, with speaker kind 'anonymous'",
    )
    not_names: list[str] = Field(
        default_factory=list,
        description="capitalised words that are never a speaker: 'however', 'meanwhile'",
    )
    quote_open: list[str] = Field(default_factory=list, description="opening-only quote marks")
    quote_close: list[str] = Field(default_factory=list, description="closing-only quote marks")
    quote_either: list[str] = Field(
        default_factory=list, description="marks that open or close by context: '\"', '“'"
    )


class DateData(_Section):
    """Time expressions: found by these words, read by dateparser."""

    date_order: str = Field(default="DMY", description="order of numeric dates: 'DMY' or 'MDY'")
    capitalised: bool = Field(
        default=False,
        description="weekday and month names are written with a capital (en, de): a "
        "lowercase 'may' is then not a month",
    )
    weekdays: list[list[str]] = Field(
        default_factory=list, description="seven lists of forms, Monday first"
    )
    months: list[list[str]] = Field(
        default_factory=list, description="twelve lists of forms, January first"
    )
    weekday_suffixes: list[str] = Field(
        default_factory=list,
        description="parts of the day written as one word with a weekday: de 'abend' in "
        "'Dienstagabend', nl 'avond' in 'dinsdagavond'",
    )
    month_abbreviations: list[list[str]] = Field(
        default_factory=list,
        description="twelve lists of short forms with their dot, January first ('dic.'): "
        "read with or without the dot, and only next to a day number ('5 dic 2025', "
        "'Dec 5'), since alone they are often words ('mar' is the sea)",
    )
    links: list[str] = Field(
        default_factory=list,
        description="words between day, month and year: es 'de' in '18 de febrero de 2025'",
    )
    day_words: list[str] = Field(
        default_factory=list, description="words before a day number or d/m date: vi 'ngày'"
    )
    month_words: list[str] = Field(
        default_factory=list, description="words before a month number: vi 'tháng'"
    )
    mid: list[str] = Field(
        default_factory=list, description="'mid' words before a month: 'mid', 'mitte', 'giữa'"
    )
    relative_days: dict[str, int] = Field(
        default_factory=dict, description="phrase -> days from the base date: 'yesterday' = -1"
    )
    days_ago: list[str] = Field(
        default_factory=list,
        description="phrases of a number of days before the base, '{n}' standing for the "
        "number in digits or words: '{n} days ago', 'vor {n} Tagen', 'hace {n} días'",
    )
    relative_months: dict[str, int] = Field(
        default_factory=dict, description="phrase -> months from the base: 'last month' = -1"
    )
    period_words: list[str] = Field(
        default_factory=list,
        description="words before a year that make it the period a figure is about: 'by', 'in'",
    )
    day_period_words: list[str] = Field(
        default_factory=list,
        description="words before a day that make it an end of the period a figure is "
        "about, not when the claim was made: 'since', 'until', 'desde el', 'seit dem', 'с'",
    )
    future: list[str] = Field(
        default_factory=list,
        description="words next to a date that put it ahead ('next', 'tới'): a deadline, "
        "not when the claim was made",
    )
    future_verbs: list[str] = Field(
        default_factory=list,
        description="auxiliaries of the future ('will', 'wird', 'sẽ', 'будет'): a weekday "
        "after one in the same clause ('will vote on Thursday') is ahead, not a claim date",
    )
    range_links: list[str] = Field(
        default_factory=list,
        description="words between two months of a range: 'to', 'bis', 'y' in 'entre enero "
        "y octubre' (a dash needs no entry)",
    )
    quarters: list[list[str]] = Field(
        default_factory=list,
        description="four lists of forms, first quarter first: 'first quarter', 'Q1'; a "
        "quarter is the period of the data, never a claim date",
    )
    clause_openers: list[str] = Field(
        default_factory=list,
        description="words that, after a comma, open another clause ('which', 'where', 'na "
        "qual', 'в котором'): a time cue across one does not date a figure in the article's "
        "own voice ('met on Tuesday in Rome, where 40 firms took part')",
    )
    published_labels: list[str] = Field(
        default_factory=list,
        description="words that open a date line without a colon: 'publié le', "
        "'publicado el' (a label ending in ':' needs no entry)",
    )
    updated_labels: list[str] = Field(
        default_factory=list,
        description="words that open the date line of a later update ('updated', "
        "'aktualisiert am', 'mis à jour le'): a head's publication date line is preferred",
    )
    clock_words: list[str] = Field(
        default_factory=list,
        description="words of a clock time that a date line may carry: de 'Uhr', vi 'giờ'",
    )
    year_marks: list[str] = Field(
        default_factory=list,
        description="marks after a year in a date line: ru 'г.' in '25 декабря 2024 г.'",
    )
    byline_words: list[str] = Field(
        default_factory=list,
        description="words that close a date line with its source: 'por' in '03/09/14 "
        "por Agência Brasil', 'by'",
    )


class SymbolData(_Section):
    """`pipeline/lang/symbols.toml`: units written alike in every language (SI symbols,
    ISO 4217 codes, currency signs); each language file's own entries win."""

    units: UnitData
    codes_also_words: list[str] = Field(
        default_factory=list,
        description="ISO 4217 codes that are also words written in capitals ('ALL', 'TOP', "
        "'CUP'): not read as money by code; every other code is, before or after a number",
    )


class CatalogueData(_Section):
    """`pipeline/lang/catalogue/<code>.toml`: unit names generated from quantulum3's
    catalogue (`python -m pipeline.quantities.catalogue <code>`)."""

    aliases: dict[str, str] = Field(default_factory=dict)


class LangData(_Section):
    code: str = Field(description="ISO 639-1 code, also the spaCy language code")
    name: str
    ingest: IngestData = Field(default_factory=IngestData)
    numbers: NumberData
    units: UnitData = Field(default_factory=UnitData)
    hedges: HedgeData = Field(default_factory=HedgeData)
    not_quantity: NotQuantityData = Field(default_factory=NotQuantityData)
    counts: CountData = Field(default_factory=CountData)
    scores: ScoreData = Field(default_factory=ScoreData)
    speech: SpeechData = Field(default_factory=SpeechData)
    dates: DateData = Field(default_factory=DateData)
