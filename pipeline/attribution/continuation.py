"""Statements across sentences: which units belong to one paragraph.

A statement may run over several sentences of one speaker: the sentences after a cue
that keep reporting its speaker, or the sentences before a cue that points back at them
('This was stated by X'). Both stop at the paragraph break (see the evaluation
guidelines: a new paragraph with no cue of its own is the article's voice).
"""

from __future__ import annotations

from functools import cache

from pipeline.attribution.lexicon import _phrases


def paragraphs(text: str, units: list[tuple[int, int]]) -> list[int]:
    """The paragraph index of every unit (units in text order, disjoint).

    A line break between two units starts a new paragraph: plain-text articles separate
    paragraphs by a blank line, HTML pages come out of ingest with one line break per
    block, and a headline or caption is a paragraph of its own either way. A unit keeps
    the blank line after it when its sentence has no final point (a headline), so the
    break is looked for from the end of its last word.
    """
    index, out, end = 0, [], None
    for start, stop in units:
        if end is not None and "\n" in text[end:start]:
            index += 1
        out.append(index)
        end = start + len(text[start:stop].rstrip())
    return out


def continues(paragraph: list[int], speaker_unit: int, unit: int) -> bool:
    """Unit `unit` may go on reporting the speaker of unit `speaker_unit`."""
    return 0 <= speaker_unit < unit and paragraph[speaker_unit] == paragraph[unit]


def silent_run_start(paragraph: list[int], said: list[bool], unit: int) -> int:
    """The first of the units right before `unit` in its paragraph that no statement
    covers; `unit - 1` when `unit` opens its paragraph (an anaphor there points at the
    sentence before, whatever its paragraph)."""
    first = unit - 1
    if paragraph[first] != paragraph[unit]:
        return first
    while first > 0 and paragraph[first - 1] == paragraph[unit] and not said[first - 1]:
        first -= 1
    return first


@cache
def phrase_table(phrases: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """A language's phrases compiled for `match_at`, once per process."""
    return _phrases(list(phrases))
