"""Per-language data files, validated on load.

Adding a language is adding `<code>.toml` here (and test cases): nothing else lists
the languages.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import ValidationError

from pipeline.errors import LanguageDataError
from schemas.lang import LangData

LANG_DIR = Path(__file__).parent


@cache
def supported_languages() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in LANG_DIR.glob("*.toml") if len(p.stem) == 2))


@cache
def load_lang(code: str) -> LangData:
    path = LANG_DIR / f"{code}.toml"
    if not path.is_file():
        raise LanguageDataError(
            f"no language data for {code!r}; supported: {', '.join(supported_languages())}"
        )
    try:
        data = LangData.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (tomllib.TOMLDecodeError, ValidationError) as exc:
        raise LanguageDataError(f"{path.name}: {exc}") from exc
    if data.code != code:
        raise LanguageDataError(f"{path.name}: code is {data.code!r}, expected {code!r}")
    return data
