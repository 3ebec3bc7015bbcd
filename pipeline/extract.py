"""Extract: quantity claims from one segmented article, each with its speaker and date.

Quantities are found on the article text once; each is placed in its sentence and in
the attributed statement (if any) that contains it.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from functools import cache

from spacy.tokens import Doc

from pipeline.attribution import find_statements, statement_for
from pipeline.counted import bare_count, counted
from pipeline.dates import ClaimDate
from pipeline.errors import LanguageDataError
from pipeline.frame import ArticleDates
from pipeline.lang import load_lang
from pipeline.quantities import extract_quantities
from pipeline.subjects import subject_of, topics_of
from pipeline.wordtrie import alternation
from schemas.records import Article, ClaimCandidate, Quantity, Statement

# Numbers (runs of digits and number words) read per article. A news article has tens,
# a long report a few hundred; a file of nothing but numbers has hundreds of thousands,
# and each costs the quantity scan, a dated sentence and a row: 1 MB of "7 3 9 ..."
# took a minute and a gigabyte, 1 MB of "forty-two percent," 4.6 GB. Past this many, the
# rest of the article is neither segmented nor read (`reading_limit`; a warning on the
# article says so).
MAX_NUMBERS = 2_000
_DIGITS = re.compile(r"\d+")


def extract(
    doc: Doc, article: Article, statements: list[Statement] | None = None
) -> tuple[list[ClaimCandidate], list[Statement]]:
    """Claim candidates and attributed statements of one article; `statements` are
    found here unless the caller has them already. What is read is what `doc` covers:
    the build segments only the article's readable prefix (`reading_limit`, decided once
    in `pipeline.process.readable`), and a prefix keeps every offset valid."""
    text = article.text[: _length(doc)]
    if len(text) < len(article.text):
        article.warnings.append(
            f"over {MAX_NUMBERS:,} numbers: read only the first {len(text):,} "
            f"of {len(article.text):,} characters"
        )
    spans = [(s.start_char, s.end_char) for s in doc.sents]
    if statements is None:
        statements = find_statements(doc, article.lang, text, spans)
    # Slicing the article's text: Span.text joins the span's tokens one by one.
    sentences = [(start, end) for start, end in spans if text[start:end].strip()]
    starts = [start for start, _ in sentences]
    candidates = []
    stated: set[tuple] = set()
    topics_in: dict[str, list[str]] = {}  # figures often share a sentence
    dates = ArticleDates(article)
    quantities = extract_quantities(text, article.lang)
    for quantity in quantities:
        index = max(bisect.bisect_right(starts, quantity.start) - 1, 0)
        sent_start, sent_end = sentences[index] if sentences else (0, len(article.text))
        sent_end = max(sent_end, quantity.end)
        count = None
        if quantity.kind not in NOT_CLAIM_KINDS and bare_count(quantity):
            count = counted(quantity, text, (sent_start, sent_end), quantities, article.lang)
            if count is not None and count.noun:
                quantity = quantity.model_copy(update={"noun": count.noun})
        if not is_claim(quantity, article.text, article.lang, counted=count is not None):
            continue
        # A sentence the article repeats word for word states its figures once.
        key = (article.text[sent_start:sent_end], quantity.start - sent_start, quantity.unit)
        if key in stated:
            continue
        stated.add(key)
        statement = statement_for(quantity.start, quantity.end, statements)
        sentence = article.text[sent_start:sent_end]
        if sentence not in topics_in:
            topics_in[sentence] = topics_of(sentence, article.lang)
        when = dates.claim(sent_start, sent_end, statement, at=quantity.start)
        candidates.append(
            _candidate(
                article, quantity, sentence, sent_start, statement, when, list(topics_in[sentence])
            )
        )
    return candidates, statements


def _length(doc: Doc) -> int:
    """len(doc.text) without the text: spaCy joins every token's text to make it (a
    tenth of a second per 1,000 articles), and the tokens cover the text end to end."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


# kinds of quantity that state no claim: times and ranks are read, not claimed
# multipliers ('a 10-fold rise') too: the annotation guidelines leave them out; and the
# sides of a match result ('won 3-1'), which report a game, not a figure someone claims
NOT_CLAIM_KINDS = frozenset(
    {"duration", "age", "year", "date", "time", "ordinal", "rank", "multiplier", "score"}
)


def is_claim(quantity: Quantity, text: str, lang: str, counted: bool = False) -> bool:
    """A claim measures something: a unit, or a count of a named thing that is new.

    `counted`: the sentence shows that a count without a noun counts something
    (`pipeline.counted`: "the number of patients rose by 900").

    "the two countries" or "der drei Länder" refers back to a group the reader knows;
    it states no figure. Digits after an article ("the 300 workers") still count.
    Durations and ages are not claims ("for three years", "a 15-year-old"): the
    extractor returns them with their kind, the claim is left out here.
    """
    if quantity.kind in NOT_CLAIM_KINDS:
        return False
    if quantity.unit != "count":
        return True
    if not quantity.noun and not counted:
        return False
    if any(ch.isdigit() for ch in quantity.surface):
        return True
    before = _WORD_BEFORE.search(text[max(0, quantity.start - 40) : quantity.start])
    definite = load_lang(lang).counts.definite
    return not (before and before.group(1).lower() in definite)


_WORD_BEFORE = re.compile(r"(\w+)\W{1,3}$")


def claim_id(article_id: str, quantity: Quantity) -> str:
    key = f"{article_id}:{quantity.start}:{quantity.end}:{quantity.value!r}:{quantity.unit}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _candidate(
    article: Article,
    quantity: Quantity,
    sentence: str,
    sent_start: int,
    statement: Statement | None,
    when: ClaimDate,
    topics: list[str],
) -> ClaimCandidate:
    return ClaimCandidate(
        claim_id=claim_id(article.article_id, quantity),
        article_id=article.article_id,
        article=article.article,
        lang=article.lang,
        value=quantity.value,
        value_max=quantity.value_max,
        unit=quantity.unit,
        dimension=quantity.dimension,
        kind=quantity.kind,
        surface=quantity.surface,
        bound=quantity.bound,
        approx=quantity.approx,
        noun=quantity.noun,
        number_note=quantity.number_note,
        subject=subject_of(sentence, quantity, sent_start, article.lang),
        topics=topics,
        speaker=statement.speaker_surface if statement else None,
        speaker_surface=statement.speaker_surface if statement else None,
        speaker_kind=statement.speaker_kind if statement else None,
        cue=statement.cue if statement else None,
        quote_kind=statement.quote_kind if statement else "none",
        claim_date=when.date,
        claim_date_precision=when.precision,
        period=when.period,
        published_date=article.published_date,
        sentence=sentence,
        sentence_start=sent_start,
        start=quantity.start,
        end=quantity.end,
    )


def reading_limit(text: str, lang: str) -> int:
    """How much of `text` is read: all of it, or, past MAX_NUMBERS numbers, up to the
    line before the first number over the limit (or that number itself, when the line
    break is so far back that it would drop half of them). A prefix keeps every offset
    into the text valid. Costs a regex scan up to the limit, no more."""
    if len(text) <= MAX_NUMBERS:  # numbers do not overlap and each takes a character
        return len(text)
    found = itertools.islice(_numbers(lang).finditer(text), MAX_NUMBERS + 1)
    starts = [m.start() for m in found]
    if len(starts) <= MAX_NUMBERS:
        return len(text)
    over = starts[-1]
    line = text.rfind("\n", 0, over) + 1
    return line if line > starts[MAX_NUMBERS // 2] else over


@cache
def _numbers(lang: str) -> re.Pattern[str]:
    """Runs of digits, and the language's number words but its weak ones ('a', 'one',
    which are mostly articles): what the quantity scan starts at, roughly and cheaply."""
    try:
        numbers = load_lang(lang).numbers
    except LanguageDataError:
        return _DIGITS
    words = sorted(set(numbers.words) - set(numbers.weak_words), key=len, reverse=True)
    if not words:
        return _DIGITS
    # a trie (`pipeline.wordtrie`), a space one space: the plain list cost a third of a
    # millisecond an article, tried word by word at every word start
    words_pattern = alternation(words, space=re.escape(" "))
    return re.compile(r"\d+|\b(?:" + words_pattern + ")", re.IGNORECASE)
