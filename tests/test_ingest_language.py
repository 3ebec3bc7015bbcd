"""Language detection tries a prefix first: it must answer as the whole sample does."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline import ingest
from pipeline.ingest import PREFIX_CHARS, _detector, _language

AMBIGUOUS = {
    "names": "Angela Merkel, Emmanuel Macron, Mario Draghi, Pedro Sánchez, Mark Rutte. " * 5,
    "numbers": "2025 2024 3,5 % 12 Mrd. EUR / USD 4.5 bn; " * 10,
    "en_fr": "Le ministre a dit. The minister said. " * 30,
    "de_en": "Der Minister sagte am Montag. The minister said on Monday. " * 20,
}


def _whole_sample(text: str) -> tuple[str | None, float]:
    """What `_language` answered before the prefix was tried."""
    values = _detector().compute_language_confidence_values(text[:1000])
    code = values[0].language.iso_code_639_1.name.lower()
    if code not in ingest.supported_languages():
        return None, values[0].value
    return code, round(values[0].value, 3)


def _texts(seeds_dir: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]


def test_seeds_answer_as_the_whole_sample(seeds_dir: Path) -> None:
    for text in _texts(seeds_dir):
        assert len(text) > PREFIX_CHARS
        assert _language(text, None) == _whole_sample(text)


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_unclear_prefix_falls_back_to_the_whole_sample(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = AMBIGUOUS[name]
    expected = _whole_sample(text)
    detector = _detector()
    lengths: list[int] = []

    class Spy:
        def compute_language_confidence_values(self, sample: str):
            lengths.append(len(sample))
            return detector.compute_language_confidence_values(sample)

    monkeypatch.setattr(ingest, "_detector", Spy)
    assert _language(text, None) == expected
    assert lengths == [PREFIX_CHARS, min(len(text), 1000)]


def test_short_text_is_detected_once(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Der Minister sagte, die Kosten lägen bei 3 Milliarden Euro."
    calls: list[int] = []
    detector = _detector()

    class Spy:
        def compute_language_confidence_values(self, sample: str):
            calls.append(len(sample))
            return detector.compute_language_confidence_values(sample)

    monkeypatch.setattr(ingest, "_detector", Spy)
    assert _language(text, None) == ("de", 1.0)
    assert calls == [len(text)]
