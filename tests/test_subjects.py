"""Subjects (what a number measures) and cross-language topic tags."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

from pipeline.attribution.lexicon import fold
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


def _topics_by_group(sentence: str, lang: str) -> list[str]:
    """Topics as one group per stem finds them, the stems longest first: what the
    trie of `topics_of` stands for."""
    pairs = []
    for topic, langs in _topic_data().items():
        pairs += [(fold(w), topic) for w in langs.get(lang, [])]
    pairs.sort(key=lambda p: -len(p[0]))
    alts = "|".join("(" + re.escape(stem).replace(r"\ ", r"\s+") + ")" for stem, _ in pairs)
    pattern = re.compile(rf"(?<!\w)(?:{alts})")
    return sorted({pairs[m.lastindex - 1][1] for m in pattern.finditer(fold(sentence))})


@pytest.mark.parametrize("lang", supported_languages())
def test_topic_trie_finds_what_a_group_per_stem_finds(lang):
    # every stem of the language, alone, run into the next, spaced out and cut short
    stems = [w for langs in _topic_data().values() for w in langs.get(lang, [])]
    texts = [
        " ".join(stems),
        "".join(stems),
        " ".join(w.replace(" ", "  ") for w in stems),
        " ".join(w[:-1] + " " + w[-1:] for w in stems),
    ]
    texts += [f"Die Zahl der {w}n stieg, {w}-Bericht." for w in stems]
    for text in texts:
        assert topics_of(text, lang) == _topics_by_group(text, lang)


def _topic_data() -> dict:
    return tomllib.loads((DATA / "topics.toml").read_text("utf-8"))
