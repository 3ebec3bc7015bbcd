"""The DuckDB tables, derived from the Pydantic models so that they cannot drift.

Each table is a model's fields plus a few bookkeeping columns. `ddl()` gives the
CREATE TABLE statement, `polars_schema()` the schema the build's rows are loaded through
and `arrow_schema()` the one of the Parquet partitions of a parallel build.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from typing import Any, Literal, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

if typing.TYPE_CHECKING:
    import polars as pl

from schemas.records import Article, Claim, Entity, Rejection, Statement

RUN_ID = ("run_id", str)

# table -> (model, extra columns placed first, columns of the model left out)
TABLES: dict[str, tuple[type[BaseModel] | None, list[tuple[str, Any]], set[str]]] = {
    "articles": (Article, [RUN_ID, ("extractor_version", str)], set()),
    "claims": (Claim, [RUN_ID], set()),
    "statements": (
        Statement,
        [RUN_ID, ("statement_id", str), ("article_id", str), ("article", str)],
        set(),
    ),
    "rejections": (Rejection, [RUN_ID], set()),
    "entities": (Entity, [RUN_ID], set()),
    "runs": (
        None,
        [
            ("run_id", str),
            ("started", dt.datetime),
            ("ended", dt.datetime | None),
            ("status", str),
            ("folder", str),
            ("engine", str),
            ("jobs", int),
            ("full_build", bool),
            ("files", int),
            ("articles", int),
            ("processed", int),
            ("carried_over", int),
            ("claims", int),
            ("statements", int),
            ("rejections", int),
            ("entities", int),
            ("versions", str),
        ],
        set(),
    ),
}

_DUCK = {
    str: "VARCHAR",
    int: "BIGINT",
    float: "DOUBLE",
    bool: "BOOLEAN",
    dt.date: "DATE",
    dt.datetime: "TIMESTAMP",
}
_ARROW = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    bool: pa.bool_(),
    dt.date: pa.date32(),
    dt.datetime: pa.timestamp("us"),
}


def _base(annotation: Any) -> tuple[Any, bool]:
    """(base type, is_list) of an annotation, looking through Optional and Literal."""
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _base(args[0])
    if origin is Literal:
        return type(get_args(annotation)[0]), False
    if origin is list:
        return _base(get_args(annotation)[0])[0], True
    return annotation, False


def columns(table: str) -> list[tuple[str, Any, bool]]:
    """(name, base type, is_list) of each column of `table`, in order."""
    model, extra, skip = TABLES[table]
    cols = [(name, *_base(annotation)) for name, annotation in extra]
    if model is not None:
        cols += [
            (name, *_base(field.annotation))
            for name, field in model.model_fields.items()
            if name not in skip
        ]
    return cols


def ddl(table: str) -> str:
    parts = []
    for name, base, is_list in columns(table):
        sql_type = _DUCK[base] + ("[]" if is_list else "")
        parts.append(f'"{name}" {sql_type}')
    return f"create table {table} ({', '.join(parts)})"


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema(
        [
            (name, pa.list_(_ARROW[base]) if is_list else _ARROW[base])
            for name, base, is_list in columns(table)
        ]
    )


@functools.cache
def polars_schema(table: str) -> dict[str, pl.DataType]:
    """Column name -> polars type: the build loads its rows into DuckDB as polars frames.
    A frame made from Python values does not import pandas, which pyarrow's conversion
    (`pa.array`) does on its first call: some 0.2 to 0.5 s of every build."""
    import polars as pl  # imported here: the CLI's report imports it anyway after a build

    types = {
        str: pl.String(),
        int: pl.Int64(),
        float: pl.Float64(),
        bool: pl.Boolean(),
        dt.date: pl.Date(),
        dt.datetime: pl.Datetime("us"),
    }
    return {
        name: pl.List(types[base]) if is_list else types[base]
        for name, base, is_list in columns(table)
    }
