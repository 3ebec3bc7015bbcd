"""Segment: sentences and tokens on per-language blank spaCy pipelines.

No trained pipeline is needed or downloaded: `spacy.blank(lang)` plus rule components.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy

import pipeline.spacy_import  # noqa: F401  (before spaCy: without its command line)

# isort: split
import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from pipeline import regex_cache
from pipeline.longlived import built_once

T = TypeVar("T")


# spaCy's sentencizer (the rule after line breaks) costs three times the line breaks:
# it makes a Python object of every token to read its text. Both rules run here on the
# token attributes in bulk, with one read and one write of the sentence starts.
_FINAL_MARKS = numpy.array(
    sorted({get_string_id(c) for c in Sentencizer.default_punct_chars}), dtype=numpy.uint64
)
_START, _INSIDE = 1, numpy.uint64(2**64 - 1)  # SENT_START 1 and -1 (as a uint64); 0 unset


@Language.component("factdb_sentences")
def sentences(doc: Doc) -> Doc:
    """Sentence starts: after a line break, and by spaCy's `sentencizer` rule.

    A line break ends a sentence: headlines and captions carry no final full stop. The
    tokenizer puts every line break in a space token, so only space tokens are looked
    at. Then, as spaCy's sentencizer does for each token whose start is still unset:
    after a sentence-final mark (".", "!", "?", "。"...) the next token that is neither
    punctuation nor such a mark starts a sentence.
    """
    n = len(doc)
    if not n:
        return doc
    attrs = doc.to_array([IS_SPACE, IS_PUNCT, ORTH, SENT_START])
    column = attrs[:, 3]
    strings = doc.vocab.strings
    after_breaks = [
        i + 1
        for i in numpy.flatnonzero(attrs[:, 0]).tolist()
        if i < n - 1 and not attrs[i + 1, 0] and "\n" in strings[int(attrs[i, 2])]
    ]
    column[after_breaks] = _START
    orth = attrs[:, 2]
    at = numpy.minimum(numpy.searchsorted(_FINAL_MARKS, orth), len(_FINAL_MARKS) - 1)
    final = _FINAL_MARKS[at] == orth
    words = numpy.flatnonzero(~(attrs[:, 1].astype(bool) | final))
    # A word starts a sentence if a final mark stands between it and the word before.
    marks = numpy.cumsum(final)[words - 1]
    marks[words == 0] = 0
    starts = numpy.zeros(n, dtype=bool)
    starts[0] = True
    starts[words[numpy.diff(marks, prepend=0) > 0]] = True
    unset = column == 0
    column[unset & starts] = _START
    column[unset & ~starts] = _INSIDE
    # One bulk write: setting `token.is_sent_start` checks the whole Doc each time.
    doc.from_array([SENT_START], column[:, None])
    return doc


@built_once
def get_nlp(lang: str) -> Language:
    """The blank pipeline for `lang`, built once per process.

    Its tokenizer's compiled patterns come from the cache of `pipeline.regex_cache`
    when they are there (French's take seconds to compile), and go into it when not.
    """
    name = f"tokenizer-{lang}"
    cached = regex_cache.load(name)
    nlp = blank(lang)
    if not cached:
        regex_cache.save(name, _patterns(nlp.tokenizer))
    nlp.add_pipe("factdb_sentences")
    # Articles are capped at 5 MB by ingest; the default 1M-character limit guards
    # memory for parsers we do not run.
    nlp.max_length = 10_000_000
    return nlp


def _patterns(tokenizer: Tokenizer) -> Iterator[re.Pattern[str]]:
    """The compiled patterns behind a tokenizer's matchers (each a bound method)."""
    for matcher in (
        tokenizer.token_match,
        tokenizer.url_match,
        tokenizer.prefix_search,
        tokenizer.suffix_search,
        tokenizer.infix_finditer,
    ):
        pattern = getattr(matcher, "__self__", None)
        if isinstance(pattern, re.Pattern):
            yield pattern


def blank(lang: str) -> Language:
    """A new blank pipeline for `lang`: a tokenizer and no components."""
    if lang != "vi":
        return spacy.blank(lang)
    # spaCy's Vietnamese tokenizer needs pyvi for word segmentation; without it, it
    # splits on spaces alone and leaves "tấn." as one token, so the sentencizer never
    # sees a full stop. The rule tokenizer of the base language splits punctuation.
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=spacy.util.compile_prefix_regex(Language.Defaults.prefixes).search,
        suffix_search=spacy.util.compile_suffix_regex(Language.Defaults.suffixes).search,
        infix_finditer=spacy.util.compile_infix_regex(Language.Defaults.infixes).finditer,
        token_match=Language.Defaults.token_match,
        url_match=Language.Defaults.url_match,
    )
    return nlp


def segment(text: str, lang: str) -> Doc:
    return get_nlp(lang)(text)


def segment_many(
    items: Iterable[tuple[str, T]], lang: str, batch_size: int = 64
) -> Iterator[tuple[Doc, T]]:
    """Stream (text, context) pairs through one language's pipeline."""
    yield from get_nlp(lang).pipe(items, as_tuples=True, batch_size=batch_size)
