"""Import spaCy without its command line, which factdb never runs.

Why: `spacy/__init__.py` runs `from .cli.info import info` only to offer `spacy.info()`,
and `spacy.cli` imports every spaCy command with what they need (weasel, httpx,
requests, jinja2...): 360 modules, 0.15 to 0.2 s of every build's start (a fifth of
building the seeds). While spaCy itself is imported, `spacy.cli` and `spacy.cli.info`
are stand-ins, so spaCy imports none of that; right after, they leave `sys.modules`,
so a later `import spacy.cli` (a notebook running a spaCy command) loads the real one,
and `spacy.info()` loads it on its first call. Tokens do not depend on the command
line, so no output can change.

Upstream knows the cost: explosion/spaCy#12962 loads the command line lazily on the v4
branch and #13933 proposes it for 3.x; this module goes once a release we pin does so
(spaCy 3.8.18 still imports it eagerly).

Import this module before anything imports spaCy (it is the first import of
`pipeline.build` and `pipeline.segment`); once spaCy is imported it does nothing.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from the real command line, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _import_spacy_without_cli() -> None:
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that `spacy.cli.info` can be imported from it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"], sys.modules["spacy.cli.info"] = cli, info
    try:
        importlib.import_module("spacy")
    except ImportError:
        # Another spaCy release takes more from its command line than `info`: drop
        # what was half imported and import spaCy as it is.
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
    finally:
        for name, stand_in in (("spacy.cli", cli), ("spacy.cli.info", info)):
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    importlib.import_module("spacy")  # a no-op unless the import above failed


_import_spacy_without_cli()
