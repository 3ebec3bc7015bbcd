"""Read the fact database from notebooks and the CLI; every query is parameterised."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from pipeline.dbfile import database_path, first_line, open_read_only
from pipeline.errors import BadParameter, DatabaseError

if TYPE_CHECKING:  # frames come from duckdb's .pl(): a build never imports polars
    import polars as pl

DEFAULT_DB = Path("factdb.duckdb")

# Speaker filter: the canonical name or any alias contains the text, case-insensitively.
# `contains` has no wildcards, so '%' or '_' in a name match only themselves.
_SPEAKER_FILTER = """(
    contains(lower(c.speaker), lower($speaker))
    or contains(lower(c.speaker_surface), lower($speaker))
    or exists (
        select 1 from entities e
        where e.name = c.speaker
          and len(list_filter(e.aliases, lambda a: contains(lower(a), lower($speaker)))) > 0
    )
)"""

_FILTERS = {
    "speaker": _SPEAKER_FILTER,
    "unit": "lower(c.unit) = lower($unit)",
    "min_value": "c.value >= $min_value",
    "max_value": "c.value <= $max_value",
    "lang": "c.lang = lower($lang)",
    "article": "contains(c.article, $article)",
    "topic": "list_contains(c.topics, lower($topic))",
}


@contextlib.contextmanager
def connect(db: Path | str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection: readers never block a build and never see a half-written file.

    Whatever the file turns out to be (a FIFO, truncated, held by another process, not
    DuckDB's), the reader gets one `DatabaseError` naming it, not DuckDB's exception.
    """
    path = database_path(Path(db or DEFAULT_DB))
    if not path.is_file():
        raise DatabaseError(
            f"database not found: {path}; build it first with `factdb build FOLDER --db {path}`"
        )
    con = open_read_only(path)
    try:
        yield con
    except duckdb.CatalogException as exc:
        raise DatabaseError(f"{path} is not a factdb database: {first_line(exc)}") from None
    except (duckdb.ConversionException, duckdb.InvalidInputException) as exc:
        # A parameter DuckDB cannot use as given: text for a number, a lone surrogate.
        raise BadParameter(f"a parameter cannot be used: {first_line(exc)}") from None
    except (duckdb.IOException, duckdb.InternalException, duckdb.SerializationException) as exc:
        # A file cut short or damaged opens, then fails where a query reads the bad part.
        raise DatabaseError(
            f"cannot read {path} ({first_line(exc)}); it is damaged: rebuild it or restore a copy"
        ) from None
    finally:
        con.close()


def finite(name: str, value: float | str) -> float:
    """`value` as a finite number: nan matches nothing and inf everything, silently."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise BadParameter(f"{name} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise BadParameter(f"{name} must be a finite number, not {value!r}")
    return number


def claims(
    db: Path | str | None = None,
    *,
    speaker: str | None = None,
    unit: str | None = None,
    min_value: float | None = None,
    max_value: float | None = None,
    lang: str | None = None,
    article: str | None = None,
    topic: str | None = None,
    limit: int | None = None,
) -> pl.DataFrame:
    """Claims matching every filter given, largest first within each unit."""
    given = {
        "speaker": speaker,
        "unit": unit,
        "min_value": min_value,
        "max_value": max_value,
        "lang": lang,
        "article": article,
        "topic": topic,
    }
    params = {k: v for k, v in given.items() if v is not None}
    for bound in ("min_value", "max_value"):
        if bound in params:
            params[bound] = finite(bound.replace("_value", ""), params[bound])
    if limit is not None and limit < 0:
        raise BadParameter(f"--limit must be 0 or more, not {limit}")
    where = " and ".join(_FILTERS[k] for k in params) or "true"
    sql = f"select c.* from claims c where {where} order by c.article, c.start"
    if limit is not None:
        sql += " limit $limit"
        params["limit"] = int(limit)
    with connect(db) as con:
        return con.sql(sql, params=params).pl()


def claim(claim_id: str, db: Path | str | None = None) -> dict | None:
    """One claim with its article's text, or None."""
    with connect(db) as con:
        cur = con.execute(
            "select c.*, a.text as article_text from claims c join articles a using (article_id) "
            "where c.claim_id = $id",
            {"id": claim_id},
        )
        names = [d[0] for d in cur.description]
        row = cur.fetchall()
    return dict(zip(names, row[0], strict=True)) if row else None


def entities(db: Path | str | None = None, name: str | None = None) -> pl.DataFrame:
    """Canonical speakers; with `name`, those whose name or any alias contains it."""
    sql = "select * from entities"
    params = {}
    if name is not None:
        sql += (
            " where contains(lower(name), lower($name))"
            " or len(list_filter(aliases, lambda a: contains(lower(a), lower($name)))) > 0"
        )
        params["name"] = name
    with connect(db) as con:
        return con.sql(sql + " order by name", params=params).pl()


def sql(text: str, db: Path | str | None = None) -> pl.DataFrame:
    """Run the user's own SQL on a read-only connection: it can read every table and
    write nothing, so a stray `delete` cannot harm the database."""
    with connect(db) as con:
        try:
            return con.sql(text).pl()
        except duckdb.Error as exc:  # a typo, an unknown table, a write: the user's SQL
            raise BadParameter(f"sql: {first_line(exc)}") from None


# The COPY options of each export format; DuckDB writes the file itself, so an export
# streams a table of any size without holding it in Python.
EXPORT_FORMATS = {
    "parquet": "(format parquet)",
    "csv": "(format csv, header true)",
    "jsonl": "(format json)",
}


def export(table: str, path: Path | str, fmt: str, db: Path | str | None = None) -> int:
    """Write one table to `path` in `fmt` (parquet, csv or jsonl) with DuckDB's COPY;
    returns the rows written."""
    from schemas.tables import TABLES

    if table not in TABLES:
        raise BadParameter(f"no table {table!r}; tables: {', '.join(TABLES)}")
    if fmt not in EXPORT_FORMATS:
        raise BadParameter(f"no export format {fmt!r}; formats: {', '.join(EXPORT_FORMATS)}")
    out = Path(path)
    if not out.parent.is_dir():
        raise BadParameter(f"cannot write {out}: folder {out.parent} does not exist")
    with connect(db) as con:
        # The table name is one of TABLES and the path is quoted by DuckDB's own
        # string literal rules ('' for '), so nothing the user typed becomes SQL.
        literal = "'" + str(out).replace("'", "''") + "'"
        try:
            con.execute(f'copy (select * from "{table}") to {literal} {EXPORT_FORMATS[fmt]}')
        except duckdb.IOException as exc:
            raise BadParameter(f"cannot write {out}: {first_line(exc)}") from None
        return con.execute(f'select count(*) from "{table}"').fetchone()[0]
