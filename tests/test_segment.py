"""Segment: blank pipelines split sentences in every supported language."""

from __future__ import annotations

import pytest

from pipeline.lang import supported_languages
from pipeline.segment import get_nlp, segment


@pytest.mark.parametrize("lang", supported_languages())
def test_blank_pipeline_builds_without_a_trained_model(lang: str) -> None:
    nlp = get_nlp(lang)
    assert "sentencizer" in nlp.pipe_names
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
