"""What a number measures (subject) and cross-language topic tags.

The subject is the noun phrase right after the quantity (after its unit and a linking
word: '2 miljoen ton aluminium', '658 triệu tấn kim loại hiếm'), cut at the first stop
word of the language (`data/subjects.toml`). Topics come from `data/topics.toml`: word
stems per language under English topic keys, so that claims can be queried across
languages by topic.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from pipeline.attribution.lexicon import fold
from pipeline.wordtrie import alternation
from schemas.records import Quantity

DATA = Path(__file__).parent / "data"
MAX_WORDS = 4  # in a subject
_WORD = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")


def subject_of(sentence: str, quantity: Quantity, offset: int, lang: str) -> str | None:
    """The noun phrase the quantity measures, in the article's language.

    `offset` is the sentence's start in the article; quantity offsets are article offsets.
    """
    if quantity.noun:
        return quantity.noun
    data = _subject_data().get(lang)
    if data is None:
        return None
    end = quantity.end - offset
    if not 0 <= end <= len(sentence):
        return None
    words: list[str] = []
    links, stop = _word_sets(lang)
    most = data.get("max_words", MAX_WORDS)
    capitalised = data.get("nouns_capitalised", False)
    for m in _WORD.finditer(sentence, end):
        word = m.group()
        low = word.casefold()
        if not word[0].isalnum():
            if word in "\"'“”«»„" and not words:
                continue
            break
        if not words and low in links:
            continue
        if low in stop or word[0].isdigit() or (capitalised and not word[0].isupper()):
            break
        words.append(word)
        if len(words) == most:
            break
    return " ".join(words) or None


def topics_of(sentence: str, lang: str) -> list[str]:
    """Topic tags (English keys from the topic data file) for a sentence."""
    compiled = _topic_patterns().get(lang)
    if compiled is None:
        return []
    pattern, topic_of_stem = compiled
    found = {topic_of_stem[" ".join(m.group().split())] for m in pattern.finditer(fold(sentence))}
    return sorted(found)


@cache
def _word_sets(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The language's linking words and stop words as sets, made once: making them for
    each claim cost about as much as finding its subject."""
    data = _subject_data()[lang]
    return frozenset(data.get("links", [])), frozenset(data.get("stop", []))


@cache
def _subject_data() -> dict:
    return tomllib.loads((DATA / "subjects.toml").read_text(encoding="utf-8"))


@cache
def _topic_patterns() -> dict[str, tuple[re.Pattern, dict[str, str]]]:
    """One alternation of the stems per language, longest first so that 'armes
    nucléaires' wins over 'armes', and the topic of each stem (the first listed, for a
    stem under two). The alternation is a trie (`pipeline.wordtrie`): with a group per
    stem naming its topic, re tried each of hundreds of stems at every word start."""
    topics = tomllib.loads((DATA / "topics.toml").read_text(encoding="utf-8"))
    stems: dict[str, list[tuple[str, str]]] = {}
    for topic, langs in topics.items():
        for lang, words in langs.items():
            stems.setdefault(lang, []).extend((fold(w), topic) for w in words)
    out = {}
    for lang, pairs in stems.items():
        pairs.sort(key=lambda p: -len(p[0]))
        topic_of_stem: dict[str, str] = {}
        for stem, topic in pairs:
            topic_of_stem.setdefault(" ".join(stem.split()), topic)
        words = list(dict.fromkeys(stem for stem, _ in pairs))
        out[lang] = (
            re.compile(rf"(?<!\w)(?:{alternation(words, ignorecase=False)})"),
            topic_of_stem,
        )
    return out
