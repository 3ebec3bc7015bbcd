"""Segment: sentences and tokens on per-language blank spaCy pipelines.

No trained pipeline is needed or downloaded: `spacy.blank(lang)` plus rule components.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

T = TypeVar("T")


@Language.component("factdb_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and captions carry no final full stop."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


@cache
def get_nlp(lang: str) -> Language:
    """The blank pipeline for `lang`, built once per process."""
    if lang == "vi":
        # spaCy's Vietnamese tokenizer needs pyvi for word segmentation; without it, it
        # splits on spaces alone and leaves "tấn." as one token, so the sentencizer never
        # sees a full stop. The rule tokenizer of the base language splits punctuation.
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.tokenizer = spacy.blank("xx").tokenizer.__class__(
            nlp.vocab,
            prefix_search=spacy.util.compile_prefix_regex(Language.Defaults.prefixes).search,
            suffix_search=spacy.util.compile_suffix_regex(Language.Defaults.suffixes).search,
            infix_finditer=spacy.util.compile_infix_regex(Language.Defaults.infixes).finditer,
            token_match=Language.Defaults.token_match,
            url_match=Language.Defaults.url_match,
        )
    else:
        nlp = spacy.blank(lang)
    nlp.add_pipe("factdb_line_breaks")
    nlp.add_pipe("sentencizer")
    # Articles are capped at 5 MB by ingest; the default 1M-character limit guards
    # memory for parsers we do not run.
    nlp.max_length = 10_000_000
    return nlp


def segment(text: str, lang: str) -> Doc:
    return get_nlp(lang)(text)


def segment_many(
    items: Iterable[tuple[str, T]], lang: str, batch_size: int = 64
) -> Iterator[tuple[Doc, T]]:
    """Stream (text, context) pairs through one language's pipeline."""
    yield from get_nlp(lang).pipe(items, as_tuples=True, batch_size=batch_size)
