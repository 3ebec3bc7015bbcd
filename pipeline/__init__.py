"""factdb: dated, attributed quantity claims from multilingual news, in DuckDB.

The notebook API::

    import pipeline as factdb
    factdb.build("seeds", "factdb.duckdb")
    factdb.claims("factdb.duckdb", speaker="Putin", unit="USD")      # polars DataFrame
    factdb.report("largest_amounts", "factdb.duckdb", top=3)
    factdb.extract_quantities("etwa 15 Milliarden Dollar", "de")
"""

from pipeline.build import BuildReport
from pipeline.build import run as build
from pipeline.errors import FactdbError
from pipeline.quantities import extract_quantities
from pipeline.query import claim, claims, connect, entities
from pipeline.report import report, reports

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
