"""A batch of processed articles as Arrow tables, made by a worker, inserted by the writer.

Parallel engines make the rows where the work runs: a worker turns its batch's outcomes
into one Arrow table per table (the rows `DatabaseWriter.add_result` would make, without
run_id, each tagged with its outcome's position in the batch), and the process that
holds the database only drops exact duplicates and inserts the tables whole. The local
engine sends a `Partition` back through a pipe; the Dask engine writes its tables as
Parquet files and sends back the summary alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from pipeline.load import DatabaseWriter
from pipeline.process import Outcome, statement_id
from schemas.records import ArticleResult, Rejection
from schemas.tables import arrow_schema

TABLES = ("articles", "claims", "statements", "rejections")
SEQ = "_seq"  # an outcome's position in its batch, to leave a duplicate's rows out by

# (kind, path, article_id) per outcome, kind "article" or "rejection"
Summary = list[tuple[str, str, str | None]]


@dataclass
class Partition:
    summary: Summary
    tables: dict[str, pa.Table] = field(default_factory=dict)


def make_partition(outcomes: Sequence[Outcome], extractor_version: str) -> Partition:
    """The rows of a batch's outcomes, in order, as Arrow tables (empty ones left out)."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    summary: Summary = []
    for seq, outcome in enumerate(outcomes):
        tag = {SEQ: seq}
        if isinstance(outcome, Rejection):
            rows["rejections"].append(outcome.model_dump() | tag)
            summary.append(("rejection", outcome.article, outcome.article_id))
        else:
            _result_rows(outcome, extractor_version, rows, tag)
            summary.append(("article", outcome.article.path, outcome.article.article_id))
    tables = {
        table: pa.Table.from_pylist(table_rows, schema=partition_schema(table))
        for table, table_rows in rows.items()
        if table_rows
    }
    return Partition(summary, tables)


def partition_schema(table: str) -> pa.Schema:
    schema = arrow_schema(table)
    return schema.remove(schema.get_field_index("run_id")).append(pa.field(SEQ, pa.int64()))


def insert_partition(
    writer: DatabaseWriter, partition: Partition, seen: dict[str, str], sources: dict[str, str]
) -> list[str]:
    """Insert a partition's tables, leaving out exact duplicates of earlier articles.

    `sources` maps each table to a DuckDB table expression holding its rows (a
    registered Arrow table, or `read_parquet(...)`). Returns the rejected files' paths.
    """
    rejected, duplicates = drop_duplicates(writer, partition.summary, seen)
    writer.flush()  # rows the writer holds go first, as in a single-process build
    for table, source in sources.items():
        writer.con.execute(
            f"insert into {table} by name "
            f"select * exclude ({SEQ}), $run_id as run_id from {source} "
            f"where not list_contains($duplicates, {SEQ})",
            {"run_id": writer.run_id, "duplicates": duplicates},
        )
    return rejected


def insert_arrow(writer: DatabaseWriter, partition: Partition, seen: dict[str, str]) -> list[str]:
    """Insert a partition whose tables came back in memory."""
    names = {table: f"part_{table}" for table in partition.tables}
    for table, name in names.items():
        writer.con.register(name, partition.tables[table])
    try:
        return insert_partition(writer, partition, seen, names)
    finally:
        for name in names.values():
            writer.con.unregister(name)


def drop_duplicates(
    writer: DatabaseWriter, summary: Summary, seen: dict[str, str]
) -> tuple[list[str], list[int]]:
    """Rejected paths, and the positions of exact duplicates (each gets a rejection row)."""
    rejected, duplicates = [], []
    for seq, (kind, path, article_id) in enumerate(summary):
        if kind == "rejection":
            rejected.append(path)
        elif article_id in seen:
            duplicates.append(seq)
            rejected.append(path)
            writer.add_rejection(
                Rejection(
                    stage="ingest",
                    article=path,
                    article_id=article_id,
                    reason=f"duplicate of {seen[article_id]}",
                )
            )
        elif article_id is not None:
            seen[article_id] = path
    return rejected, duplicates


def _result_rows(
    result: ArticleResult, extractor_version: str, rows: dict[str, list[dict]], tag: dict
) -> None:
    article = result.article
    rows["articles"].append(article.model_dump() | {"extractor_version": extractor_version} | tag)
    rows["claims"].extend(c.model_dump() | tag for c in result.claims)
    rows["statements"].extend(
        s.model_dump()
        | {
            "statement_id": statement_id(article.article_id, s.start, s.end),
            "article_id": article.article_id,
            "article": article.article,
        }
        | tag
        for s in result.statements
    )
    rows["rejections"].extend(r.model_dump() | tag for r in result.rejections)
