"""Subjects (what a number measures) and cross-language topic tags."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from pipeline.lang import supported_languages
from pipeline.subjects import DATA, subject_of, topics_of
from schemas.records import Quantity

CASES = Path(__file__).parent / "cases"


def _load(name: str) -> list[dict]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


TOPICS = _load("topics.jsonl")
SUBJECTS = _load("subjects.jsonl")


@pytest.mark.parametrize("case", TOPICS, ids=[c["id"] for c in TOPICS])
def test_topics(case):
    assert topics_of(case["text"], case["lang"]) == case["topics"]


@pytest.mark.parametrize("case", SUBJECTS, ids=[c["id"] for c in SUBJECTS])
def test_subject(case):
    start = case["text"].index(case["surface"])
    quantity = Quantity(
        value=1.0,
        unit="tonne",
        dimension="mass",
        surface=case["surface"],
        start=start + 100,
        end=start + 100 + len(case["surface"]),
    )
    assert subject_of(case["text"], quantity, 100, case["lang"]) == case["subject"]


def test_counted_noun_is_the_subject():
    quantity = Quantity(value=8, unit="count", dimension="count", surface="8", start=0, end=1,
                        noun="people")  # fmt: skip
    assert subject_of("8 people died", quantity, 0, "en") == "people"


@pytest.mark.parametrize("lang", supported_languages())
def test_every_language_has_topic_words(lang):
    topics = tomllib.loads((DATA / "topics.toml").read_text(encoding="utf-8"))
    assert all(lang in words for words in topics.values())


def test_unknown_language_has_no_topics():
    assert topics_of("rare earth", "xx") == []
