"""Per-language test cases: `tests/cases/<lang>/<kind>.jsonl`, one JSON object a line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"


def lang_cases(kind: str) -> list:
    """pytest params (lang, case) with ids '<lang>-<case id>', for every language's file."""
    params = []
    for path in sorted(CASES.glob(f"*/{kind}.jsonl")):
        lang = path.parent.name
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                params.append(pytest.param(lang, case, id=f"{lang}-{case['id']}"))
    return params
