"""The cache of compiled tokenizer patterns saves time and never changes a match."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import regex_cache
from pipeline.cache import CACHE_ENV, cache_dir

# Inline flags and a case-insensitive class over several scripts, as spaCy's French
# token_match has: the kind of pattern `re` is slow to compile.
PATTERN = r"(?iu)^(?:[a-zà-öø-ÿа-яё]+[\-‐][a-zà-öø-ÿа-яё]+|(?P<year>\d{4})s?)$"
WORDS = ["Après-midi", "ÉTATS-unis", "Пол-года", "1990s", "faux vampire", "-x", "ÿ-Ÿ"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_a_saved_pattern_comes_back_from_re_compile(cache: Path) -> None:
    fresh = re.compile(PATTERN)
    assert not regex_cache.load("t")
    regex_cache.save("t", [fresh])
    re.purge()
    assert regex_cache.load("t")
    loaded = re.compile(PATTERN)
    assert loaded is not fresh  # rebuilt from the file, handed out by re's own cache
    for word in WORDS:
        expected = fresh.match(word)
        got = loaded.match(word)
        assert (got and got.span(), got and got.groupdict()) == (
            expected and expected.span(),
            expected and expected.groupdict(),
        ), word
    re.purge()


def test_a_damaged_file_is_ignored(cache: Path) -> None:
    regex_cache.save("t", [re.compile(PATTERN)])
    (saved,) = cache.glob("patterns-t-*.json")
    entries = json.loads(saved.read_text())
    entries[0]["code"] = "AAAA"
    saved.write_text(json.dumps(entries))
    re.purge()
    assert not regex_cache.load("t")
    assert re.compile(PATTERN).match("Après-midi")
    re.purge()


def test_a_pattern_compiled_with_a_flags_argument_is_not_saved(cache: Path) -> None:
    regex_cache.save("t", [re.compile("[a-z]+", re.IGNORECASE)])
    (saved,) = cache.glob("patterns-t-*.json")
    assert json.loads(saved.read_text()) == []


def test_off_when_the_variable_is_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, "")
    assert cache_dir() is None
    regex_cache.save("t", [re.compile(PATTERN)])
    assert not regex_cache.load("t")


TOKENS = (
    "import json, sys\nfrom pipeline.segment import get_nlp\n"
    "doc = get_nlp(sys.argv[1])(sys.argv[2])\nprint(json.dumps([t.text for t in doc]))"
)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The co-founder's U.K. start-up (est. 2019) raised $4.5m, e.g. from https://x.org."),
        (
            "nl",
            "Het kabinet wil m.i.v. 1 jan. ca. 3,5 mld. euro extra, aldus de minister-president.",
        ),
    ],
)
def test_tokens_are_the_same_with_the_cache_off_filled_and_read(
    tmp_path: Path, lang: str, text: str
) -> None:
    def tokens(cache: str) -> list[str]:
        env = {**os.environ, CACHE_ENV: cache}
        out = subprocess.run(
            [sys.executable, "-c", TOKENS, lang, text],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        return json.loads(out)

    off = tokens("")
    assert not list(tmp_path.iterdir())
    filled = tokens(str(tmp_path))
    assert list(tmp_path.glob(f"patterns-tokenizer-{lang}-*.json"))
    assert tokens(str(tmp_path)) == filled == off
