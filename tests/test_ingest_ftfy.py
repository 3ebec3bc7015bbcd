"""The ftfy shortcut of ingest: skipping ftfy must never change what ingest returns."""

from __future__ import annotations

import random

import ftfy
import pytest
from ftfy.badness import BADNESS_RE

from pipeline.ingest import _clean, _ftfy_checks, _ftfy_would_change


def _fix(text: str) -> str:
    return ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True, normalization="NFC")


def test_shortcut_is_active_with_this_ftfy() -> None:
    # None would mean ftfy changed its fixers: ingest then calls ftfy on every text.
    assert _ftfy_checks() is not None


@pytest.mark.parametrize(
    "text",
    [
        "The minister said costs rose by 3 billion dollars.\nA second line.",
        "Le ministre a déclaré : « l’économie a progressé de 2 % ».",
        "“We will spend €3bn,” she said – and more.\n",
        "Правительство сообщило, что расходы выросли на 5%.",
        "Bộ trưởng cho biết chi phí tăng 3 tỷ đồng.",
        "AT&T and R&D stay as written.",
        "",
    ],
)
def test_clean_text_skips_ftfy_and_is_unchanged(text: str) -> None:
    assert not _ftfy_would_change(text)
    assert _fix(text) == text
    warnings: list[str] = []
    assert _clean(text, warnings) == text.strip()
    assert warnings == []


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a dÃ©clarÃ© que\n",  # mojibake
        "first line\nÃ  second line",  # "^" mojibake on a later line
        "caf&eacute; and &amp;",  # HTML entities
        "line one\r\nline two",  # CRLF
        "cafe\u0301",  # not NFC
        "ﬁnance",  # ligature
        "ＬＯＵＤ",  # fullwidth
        "a\x92b",  # C1 control
        "a\x00b\x1b[0mc",  # control characters
        "\ufeffBOM",
        "two\u2028lines",
    ],
)
def test_text_ftfy_would_change_is_not_skipped(text: str) -> None:
    assert _fix(text) != text
    assert _ftfy_would_change(text)


def test_mojibake_is_still_repaired_with_warning() -> None:
    good = "Le ministre a déclaré : « l’économie a progressé de 2 % »."
    warnings: list[str] = []
    assert _clean(good.encode("utf-8").decode("latin-1"), warnings) == good
    assert warnings == ["text repaired by ftfy"]


def test_skipped_texts_are_those_ftfy_leaves_alone() -> None:
    """Random texts dense in the characters ftfy's mojibake test looks at."""
    rng = random.Random(5)
    pattern = sorted({c for c in BADNESS_RE.pattern if not c.isascii()} | set("éàüöß’–—…"))
    plain = [*"abcXYZ .,?!", "\n", "\n", "e"]
    rare = ["\r", "&amp;", "e\u0301", "ﬁ", "\x85", "\x92", "\ufeff", "<", "&", "Ã "]
    skipped = 0
    for _ in range(4000):
        pieces = rng.choices([pattern, plain, rare], weights=[9, 10, 1], k=rng.randint(1, 14))
        text = "".join(rng.choice(p) for p in pieces)
        if not _ftfy_would_change(text):
            skipped += 1
            assert _fix(text) == text, repr(text)
    assert skipped > 1000


def test_ftfy_internals_that_moved_send_every_text_to_ftfy(monkeypatch) -> None:
    import pipeline.ingest as ingest

    def moved() -> None:
        raise AttributeError("module 're' has no attribute '_parser'")

    monkeypatch.setattr(ingest, "_derive_ftfy_checks", moved)
    ingest._ftfy_checks.cache_clear()
    try:
        assert ingest._ftfy_checks() is None
        assert ingest._ftfy_would_change("A plain ASCII line.")
        warnings: list[str] = []
        assert ingest._clean("The cafÃ© opened.", warnings) == "The café opened."
        assert warnings == ["text repaired by ftfy"]
    finally:
        ingest._ftfy_checks.cache_clear()
