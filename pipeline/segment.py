"""Segment: sentences and tokens on per-language blank spaCy pipelines.

No trained pipeline is needed or downloaded: `spacy.blank(lang)` plus rule components.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

import numpy
import spacy
from spacy.attrs import IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

T = TypeVar("T")


@Language.component("factdb_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions carry no final full stop.

    The tokenizer puts every line break in a space token, so only space tokens are
    looked at, found in bulk from the token attributes: a Python loop over every token
    (or building `doc.text`) would cost a fifth of the tokenizer's time.
    """
    attrs = doc.to_array([IS_SPACE, ORTH, SENT_START])
    strings = doc.vocab.strings
    last = len(doc) - 1
    starts = [
        i + 1
        for i in numpy.flatnonzero(attrs[:, 0]).tolist()
        if i < last and not attrs[i + 1, 0] and "\n" in strings[int(attrs[i, 1])]
    ]
    if starts:
        # One bulk write: setting `token.is_sent_start` checks the whole Doc each time.
        attrs[starts, 2] = 1
        doc.from_array([SENT_START], attrs[:, 2:3])
    return doc


@cache
def get_nlp(lang: str) -> Language:
    """The blank pipeline for `lang`, built once per process."""
    nlp = blank(lang)
    nlp.add_pipe("factdb_line_breaks")
    nlp.add_pipe("sentencizer")
    # Articles are capped at 5 MB by ingest; the default 1M-character limit guards
    # memory for parsers we do not run.
    nlp.max_length = 10_000_000
    return nlp


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
