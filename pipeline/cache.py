"""The user's cache folder: set-up work that every process would otherwise redo.

Two things are kept, each only because its cause lies in a library and cannot be
removed here: the compiled patterns of spaCy's tokenizers (`pipeline.regex_cache`) and
the units pint resolves (`pipeline.quantities.units`). Nothing kept here can change
an answer: an entry is a function of what its key names, and a missing, damaged or
unwritable file only means the work is done again.

`$FACTDB_CACHE_DIR` moves the folder; an empty value turns the cache off.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

CACHE_ENV = "FACTDB_CACHE_DIR"


def cache_dir() -> Path | None:
    """$FACTDB_CACHE_DIR, else the user's cache folder (XDG); None when turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factdb"


def read_json(path: Path) -> Any:
    """The JSON in `path`, or None if there is none or it does not parse."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: Any) -> None:
    """Write `data` aside and rename it into place, so that processes writing the same
    file at once never leave or read half of it; a folder that cannot be written is
    no error."""
    written = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", dir=path.parent, prefix=path.name, suffix=".tmp", delete=False
        ) as out:
            written = out.name
            json.dump(data, out)
        os.replace(written, path)
    except (OSError, TypeError, ValueError):
        if written:
            with contextlib.suppress(OSError):
                os.unlink(written)


@cache
def table(name: str) -> dict[str, Any]:
    """The saved table `name` of this extractor (keyed by its fingerprint: its code,
    data and library versions); empty at first. Change it, then `save_table(name)`."""
    path = _table_path(name)
    saved = read_json(path) if path else None
    return saved if isinstance(saved, dict) else {}


def save_table(name: str) -> None:
    path = _table_path(name)
    if path:
        write_json(path, table(name))


def _table_path(name: str) -> Path | None:
    from pipeline.fingerprint import EXTRACTOR_VERSION

    folder = cache_dir()
    return folder / f"{name}-{EXTRACTOR_VERSION}.json" if folder else None
