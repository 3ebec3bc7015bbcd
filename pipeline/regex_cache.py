"""A per-user cache of the compiled patterns of spaCy's tokenizers.

Why: spaCy's French tokenizer exceptions compile, when `spacy.lang.fr` is imported, one
`token_match` pattern of about 200 alternatives, most with a case-insensitive class of
every letter of every script (`(?iu)...[{ALPHA}]...`). Python's `re` folds the case of
such a class character by character, again for each alternative: 3 to 5 s in every
process that meets a French article, most of setting up French. The pattern is spaCy's:
making it smaller here would change French tokens, so its compiled form is kept instead.

How: `re` compiles a pattern into a list of integer opcodes (`re._compiler._code`) and
hands them to `_sre.compile`; `re.compile` first looks the pattern up in its own cache,
`re._cache`, keyed by (type, text, flags). The opcodes of each pattern of a language's
tokenizer are saved once; a later process rebuilds each pattern from them with
`_sre.compile` (milliseconds) and puts it in `re._cache` before spaCy compiles, so
spaCy's own `re.compile` returns it. This uses private parts of `re`, so anything
unexpected (another Python's internals, a damaged file) falls back to compiling as
usual: the cache only ever saves time, it never changes a token.

The opcodes are a function of the pattern's text and of Python's `re` alone: each
entry keeps its text and is used for that text only, and the files are keyed by the
Python build and the spaCy release (not by the extractor's fingerprint, which would
compile French twice after every edit of the extractor for nothing).
The folder is `pipeline.cache`'s.
"""

from __future__ import annotations

import array
import base64
import hashlib
import re
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

from pipeline.cache import cache_dir, read_json, write_json


def load(name: str) -> bool:
    """Put the saved patterns of `name` into `re`'s cache; False if there are none."""
    path = _path(name)
    if path is None or not path.is_file():
        return False
    try:
        import _sre

        for entry in read_json(path):
            code = array.array(entry["typecode"])
            code.frombytes(base64.b64decode(entry["code"]))
            compiled = _sre.compile(
                entry["pattern"],
                entry["pattern_flags"],
                code.tolist(),
                entry["groups"],
                entry["groupindex"],
                tuple(entry["indexgroup"]),
            )
            re._cache[str, entry["pattern"], entry["flags"]] = compiled  # type: ignore[attr-defined]
    except Exception:  # any surprise: compile as usual
        return False
    return True


def save(name: str, patterns: Iterable[re.Pattern[str]]) -> None:
    """Save the opcodes of `patterns` (compiled with no flags argument, as spaCy does,
    their flags inline) under `name`, if the cache folder can be written."""
    path = _path(name)
    if path is None:
        return
    try:
        import _sre
        from re import _compiler, _parser  # type: ignore[attr-defined]

        entries = []
        for pattern in patterns:
            parsed = _parser.parse(pattern.pattern, 0)
            if parsed.state.flags != pattern.flags:  # compiled with a flags argument
                continue
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for group, index in parsed.state.groupdict.items():
                indexgroup[index] = group
            typecode = next(t for t in "IL" if array.array(t).itemsize == _sre.CODESIZE)
            code = array.array(typecode, _compiler._code(parsed, 0))
            entries.append(
                {
                    "pattern": pattern.pattern,
                    "flags": 0,
                    "pattern_flags": parsed.state.flags,
                    "groups": parsed.state.groups - 1,
                    "groupindex": dict(parsed.state.groupdict),
                    "indexgroup": indexgroup,
                    "typecode": typecode,
                    "code": base64.b64encode(code.tobytes()).decode("ascii"),
                }
            )
        write_json(path, entries)
    except Exception:  # another Python's internals: no cache
        return


def _path(name: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        import _sre

        spacy = metadata.version("spacy")
        key = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|spacy {spacy}"
    except Exception:
        return None
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return folder / f"patterns-{name}-{digest}.json"
