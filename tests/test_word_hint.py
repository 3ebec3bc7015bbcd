"""The quantity lexicon's word hint: a cheap test of whether a text may hold a number
word or a unit written as a word, built small without changing its answer."""

from __future__ import annotations

from pipeline.quantities.lexicon import _implied_away, lexicon


def test_a_unit_word_around_a_listed_one_is_left_out() -> None:
    words = ["kilometre", "square kilometre", "kilómetros cúbicos", "kilómetros", "sq km"]
    # 'sq km' stays: 'km' alone is not listed, so nothing else finds it
    assert _implied_away(words, []) == ["kilometre", "kilómetros", "sq km"]


def test_a_word_the_trie_would_list_plainly_keeps_every_word() -> None:
    words = ["metre", "square metre"]
    assert _implied_away(words, ["two  words"]) == words


def test_the_hint_still_finds_a_powered_unit_alone() -> None:
    hint = lexicon("en").word_hint
    assert hint.search("the park is measured in square kilometres") is not None
    assert hint.search("prices per square metre rose") is not None
    assert hint.search("the vote is on tuesday") is None
