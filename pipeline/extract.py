"""Extract: quantity claims from one segmented article, each with its speaker and date.

Quantities are found on the article text once; each is placed in its sentence and in
the attributed statement (if any) that contains it.
"""

from __future__ import annotations

import bisect
import hashlib
import re

from spacy.tokens import Doc

from pipeline.attribution import find_statements, statement_for
from pipeline.dates import ClaimDate, claim_date
from pipeline.lang import load_lang
from pipeline.quantities import extract_quantities
from pipeline.subjects import subject_of, topics_of
from schemas.records import Article, ClaimCandidate, Quantity, Statement


def extract(
    doc: Doc, article: Article, statements: list[Statement] | None = None
) -> tuple[list[ClaimCandidate], list[Statement]]:
    """Claim candidates and attributed statements of one article; `statements` are
    found here unless the caller has them already."""
    text = article.text
    spans = [(s.start_char, s.end_char) for s in doc.sents]
    if statements is None:
        statements = find_statements(doc, article.lang, text, spans)
    # Slicing the article's text: Span.text joins the span's tokens one by one.
    sentences = [(start, end) for start, end in spans if text[start:end].strip()]
    starts = [start for start, _ in sentences]
    candidates = []
    stated: set[tuple] = set()
    per_sentence: dict[str, tuple[ClaimDate, list[str]]] = {}  # figures often share one
    for quantity in extract_quantities(article.text, article.lang):
        if not is_claim(quantity, article.text, article.lang):
            continue
        index = max(bisect.bisect_right(starts, quantity.start) - 1, 0)
        sent_start, sent_end = sentences[index] if sentences else (0, len(article.text))
        sent_end = max(sent_end, quantity.end)
        # A sentence the article repeats word for word states its figures once.
        key = (article.text[sent_start:sent_end], quantity.start - sent_start, quantity.unit)
        if key in stated:
            continue
        stated.add(key)
        statement = statement_for(quantity.start, quantity.end, statements)
        sentence = article.text[sent_start:sent_end]
        if sentence not in per_sentence:
            per_sentence[sentence] = (
                claim_date(sentence, article.published_date, article.lang, article_text=text),
                topics_of(sentence, article.lang),
            )
        when, topics = per_sentence[sentence]
        candidates.append(
            _candidate(article, quantity, sentence, sent_start, statement, when, list(topics))
        )
    return candidates, statements


def is_claim(quantity: Quantity, text: str, lang: str) -> bool:
    """A claim measures something: a unit, or a count of a named thing that is new.

    "the two countries" or "der drei Länder" refers back to a group the reader knows;
    it states no figure. Digits after an article ("the 300 workers") still count.
    """
    if quantity.unit != "count":
        return True
    if not quantity.noun:
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
