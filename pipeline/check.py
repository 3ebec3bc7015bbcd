"""Check: verify that a fact database is whole and says only what its articles say.

`check(db)` returns the problems found, one line each; an empty list means the database
passed. It reads through a read-only connection, so it can run while a build writes.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipeline.dbfile import declared_columns, live_columns
from pipeline.query import connect
from schemas.tables import TABLES

SHOWN = 5  # problems listed per kind before "... and N more"


def check(db: Path | str) -> list[str]:
    """Every problem in `db`: schema drift, claims that do not match their text, bad counts."""
    with connect(db) as con:
        problems = schema_problems(con)
        if problems:  # the other probes read these tables; stop at the first drift
            return problems
        for probe in (_claim_text, _orphans, _duplicate_ids, _run_counts, _files_accounted):
            problems += probe(con)
    return problems


def schema_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables and columns (names, order, types) as the DDL of schemas/tables.py makes them."""
    expected = declared_columns()
    found = live_columns(con)
    problems = []
    for table, columns in expected.items():
        if table not in found:
            problems.append(f"table {table} is missing")
        elif found[table] != columns:
            problems.append(f"table {table} has columns {found[table]}, expected {columns}")
    return problems


def _claim_text(con: duckdb.DuckDBPyConnection) -> list[str]:
    """A claim's surface and sentence must sit at their offsets in the stored article text.

    DuckDB's `substring` counts Unicode code points, as Python's offsets do.
    """
    rows = con.execute(
        """
        with placed as (
            select c.claim_id, c.article, c.start, c."end", c.surface,
                   c.sentence_start,
                   substring(a.text, c.start + 1, c."end" - c.start) as found,
                   c.start >= 0 and c."end" > c.start and c."end" <= length(a.text)
                       and found = c.surface as surface_ok,
                   substring(a.text, c.sentence_start + 1, length(c.sentence))
                       is not distinct from c.sentence as sentence_ok
            from claims c join articles a using (article_id)
        )
        select claim_id, article, start, "end", surface, found, surface_ok, sentence_start
        from placed
        where not surface_ok or not sentence_ok
        order by article, start
        """
    ).fetchall()
    return _listed(
        [
            f"claim {cid} ({article}): surface {surface!r} is not at {start}..{end} "
            f"(the text there is {found!r})"
            if not surface_ok
            else f"claim {cid} ({article}): its sentence is not at offset {sentence_start}"
            for cid, article, start, end, surface, found, surface_ok, sentence_start in rows
        ]
    )


def _orphans(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every claim and statement belongs to an article in `articles`; every row to a run."""
    problems = []
    for table, key in (("claims", "claim_id"), ("statements", "statement_id")):
        rows = con.execute(
            f"select {key}, article_id from {table} "
            "where article_id not in (select article_id from articles) order by 1"
        ).fetchall()
        problems += _listed([f"{table} row {k}: article {a} is not in articles" for k, a in rows])
    for table in TABLES:
        if table == "runs":
            continue
        rows = con.execute(
            f"select distinct run_id from {table} "
            "where run_id is null or run_id not in (select run_id from runs) order by 1"
        ).fetchall()
        problems += [f"{table}: rows of run {r} that is not in runs" for (r,) in rows]
    return problems


def _duplicate_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    problems = []
    for table, key in (
        ("articles", "article_id"),
        ("articles", "path"),
        ("claims", "claim_id"),
        ("entities", "entity_id"),
        ("runs", "run_id"),
    ):
        rows = con.execute(
            f"select {key}, count(*) from {table} group by 1 having count(*) > 1 order by 1"
        ).fetchall()
        problems += _listed([f"{table}: {key} {k} appears {n} times" for k, n in rows])
    return problems


def _last_run(con: duckdb.DuckDBPyConnection) -> tuple | None:
    rows = con.execute(
        "select run_id, status, files, processed, carried_over, claims, statements, "
        "rejections, entities from runs order by started desc, run_id desc limit 1"
    ).fetchall()
    return rows[0] if rows else None


def _run_counts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The last run's counts are the database's: it recorded them when it finished."""
    last = _last_run(con)
    if last is None:
        return ["runs is empty: no build finished writing this database"]
    run_id, status, files, processed, carried, *recorded = last
    problems = []
    if status != "complete":
        problems.append(f"last run {run_id} has status {status!r}, not 'complete'")
    if files != processed + carried:
        problems.append(
            f"run {run_id}: {files} files but {processed} processed + {carried} carried over"
        )
    tables = ("claims", "statements", "rejections", "entities")
    for table, count in zip(tables, recorded, strict=True):
        actual = con.execute(f"select count(*) from {table}").fetchall()[0][0]
        if actual != count:
            problems.append(f"run {run_id} recorded {count} {table}, the table holds {actual}")
    return problems


def _files_accounted(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Each file the last run read became an article or an ingest rejection, none vanished."""
    last = _last_run(con)
    if last is None:
        return []
    run_id, files = last[0], last[2]
    stored = con.execute(
        "select (select count(*) from articles) + (select count(distinct article) "
        "from rejections where stage = 'ingest' and article not in (select path from articles))"
    ).fetchall()[0][0]
    if stored == files:
        return []
    return [f"run {run_id} read {files} files, but articles and ingest rejections hold {stored}"]


def _listed(problems: list[str]) -> list[str]:
    if len(problems) <= SHOWN:
        return problems
    return [*problems[:SHOWN], f"... and {len(problems) - SHOWN} more like these"]
