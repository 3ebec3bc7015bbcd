"""factdb: dated, attributed quantity claims from multilingual news, in DuckDB.

The notebook API::

    import pipeline as factdb
    factdb.build("seeds", "factdb.duckdb")
    factdb.claims("factdb.duckdb", speaker="Putin", unit="USD")      # polars DataFrame
    factdb.report("largest_amounts", "factdb.duckdb", top=3)
    factdb.extract_quantities("etwa 15 Milliarden Dollar", "de")
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.build import BuildReport
    from pipeline.build import run as build
    from pipeline.errors import FactdbError
    from pipeline.quantities import extract_quantities
    from pipeline.query import claim, claims, connect, entities
    from pipeline.report import report, reports

# name -> (module, attribute). Each is imported on first use (PEP 562): `import pipeline`,
# and with it every `factdb` command, would otherwise load spaCy, DuckDB and all
# language code before doing anything (2 s), even for `--help`.
_API = {
    "BuildReport": ("pipeline.build", "BuildReport"),
    "FactdbError": ("pipeline.errors", "FactdbError"),
    "build": ("pipeline.build", "run"),
    "claim": ("pipeline.query", "claim"),
    "claims": ("pipeline.query", "claims"),
    "connect": ("pipeline.query", "connect"),
    "entities": ("pipeline.query", "entities"),
    "extract_quantities": ("pipeline.quantities", "extract_quantities"),
    "report": ("pipeline.report", "report"),
    "reports": ("pipeline.report", "reports"),
}
__all__ = [
    "BuildReport",
    "FactdbError",
    "build",
    "claim",
    "claims",
    "connect",
    "entities",
    "extract_quantities",
    "report",
    "reports",
]


def __getattr__(name: str) -> Any:
    try:
        module, attribute = _API[name]
    except KeyError:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}") from None
    value = getattr(importlib.import_module(module), attribute)
    globals()[name] = value  # the next access is a plain lookup
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


class _Package(types.ModuleType):
    """`pipeline.build` and `pipeline.report` are functions of the API and submodules
    too. The import system sets a package's attribute to each submodule it loads; here
    that is refused for the API's names, so that `factdb.build(...)` stays the function
    (the submodules are in `sys.modules`, for `importlib.import_module`)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
