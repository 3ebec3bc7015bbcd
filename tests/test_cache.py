"""The cache of pint's unit answers: the same answer, without pint, in the next process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pipeline.cache import CACHE_ENV

# Resolve units the way a lexicon does; with "block", importing pint fails.
RESOLVE = """
import json, sys
if sys.argv[1] == "block":
    sys.modules["pint"] = None
from pipeline.quantities.units import resolve
print(json.dumps([resolve(name) for name in ("mile", "short_ton", "0.01 USD", "furlong/day")]))
"""


def _resolve(cache: Path, mode: str) -> tuple[list, str]:
    env = {**os.environ, CACHE_ENV: str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", RESOLVE, mode], capture_output=True, text=True, env=env
    )
    return json.loads(done.stdout or "null"), done.stderr


def test_units_come_back_from_the_cache_without_pint(tmp_path: Path) -> None:
    with_pint, _ = _resolve(tmp_path, "pint")
    assert with_pint[0][0] == "km" and abs(with_pint[0][1] - 1.609344) < 1e-9
    assert list(tmp_path.glob("pint_units-*.json"))
    without_pint, errors = _resolve(tmp_path, "block")
    assert without_pint == with_pint, errors


def test_without_a_cache_pint_is_needed(tmp_path: Path) -> None:
    answers, errors = _resolve(tmp_path / "empty", "block")
    assert answers is None and "pint" in errors
