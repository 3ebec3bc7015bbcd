"""Segment: blank pipelines split sentences in every supported language."""

from __future__ import annotations

import pytest
from spacy.attrs import SENT_START

from pipeline.lang import supported_languages
from pipeline.segment import blank, get_nlp, segment


@pytest.mark.parametrize("lang", supported_languages())
def test_blank_pipeline_builds_without_a_trained_model(lang: str) -> None:
    nlp = get_nlp(lang)
    assert nlp.pipe_names == ["factdb_sentences"]
    assert not any(name in nlp.pipe_names for name in ("tagger", "parser", "ner"))


def test_vietnamese_full_stop_after_a_word_ends_a_sentence() -> None:
    doc = segment("Nga nắm giữ 658 triệu tấn. Bộ này cho biết trữ lượng đủ.", "vi")
    assert [s.text for s in doc.sents] == [
        "Nga nắm giữ 658 triệu tấn.",
        "Bộ này cho biết trữ lượng đủ.",
    ]


def test_vietnamese_decimal_comma_stays_one_token() -> None:
    doc = segment("bao gồm 28,5 triệu tấn", "vi")
    assert "28,5" in [t.text for t in doc]


def test_line_break_starts_a_sentence() -> None:
    doc = segment("Aluminium exporteren tegen sancties\nHij voegde eraan toe dat het klopt.", "nl")
    texts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert texts[0] == "Aluminium exporteren tegen sancties"


SENTENCIZER_TEXTS = [
    "He said: “Prices rose 3.5%.” Then he left! Why? Nobody knows...",
    "Mr. Smith (65) paid $3.5bn. «Trop cher.» Ende.",
    "...!? a . . b。c",
    "“",
    "no final mark at all",
]


@pytest.mark.parametrize("lang", ["en", "de", "vi"])
@pytest.mark.parametrize("text", SENTENCIZER_TEXTS)
def test_sentence_starts_are_spacys_sentencizer_rule(lang: str, text: str) -> None:
    # Without line breaks, the bulk rule must set what spaCy's sentencizer sets.
    reference = blank(lang)
    reference.add_pipe("sentencizer")
    expected = reference(text).to_array([SENT_START]).tolist()
    assert segment(text, lang).to_array([SENT_START]).tolist() == expected
