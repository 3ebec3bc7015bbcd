"""Batches of processed articles as Parquet partitions, assembled into the database.

Parallel engines make the rows where the work runs: a worker turns its batch's outcomes
into one Parquet file per table (the rows `DatabaseWriter.add_result` would make, without
run_id, each keyed by its batch and position) in a folder next to the database, and
sends back only a summary of what each file became. The process that holds the
database drops exact duplicates from the summaries as they come, in order, and inserts
all partitions at the end with DuckDB's `read_parquet`, after the workers are gone: the
memory of the build does not grow with the corpus, and the database equals a
single-process build row for row.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import DatabaseError
from pipeline.load import DatabaseWriter, result_rows
from pipeline.process import Outcome
from schemas.records import Rejection
from schemas.tables import arrow_schema

TABLES = ("articles", "claims", "statements", "rejections")
KEY = "_key"  # batch * KEY_SPAN + position in the batch, to leave a duplicate's rows out by
KEY_SPAN = 1_000_000

# (kind, path, article_id) per outcome, kind "article" or "rejection"
Summary = list[tuple[str, str, str | None]]


@dataclass
class Partition:
    summary: Summary
    tables: dict[str, pa.Table] = field(default_factory=dict)


def write_partition(
    outcomes: Sequence[Outcome], parts: Path, index: int, extractor_version: str
) -> Summary:
    """Write batch `index`'s rows into `parts` (one Parquet file per table); its summary."""
    partition = make_partition(outcomes, extractor_version, index)
    for table, rows in partition.tables.items():
        path = parts / f"{table}-{index:06d}.parquet"
        with storage_errors(f"writing {path}"):
            pq.write_table(rows, path)
    return partition.summary


@contextlib.contextmanager
def storage_errors(what: str) -> Iterator[None]:
    """A full disk or a lost folder in a worker as one `DatabaseError` (it pickles back
    to the parent, which ends the build with that line), not a worker's traceback."""
    try:
        yield
    except OSError as exc:  # pyarrow's IO errors are OSErrors too
        reason = exc.strerror or str(exc).strip().splitlines()[0]
        raise DatabaseError(f"{what} failed ({reason}); the database was left as it was") from None


def make_partition(
    outcomes: Sequence[Outcome], extractor_version: str, index: int = 0
) -> Partition:
    """The rows of a batch's outcomes, in order, as Arrow tables (empty ones left out)."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    summary: Summary = []
    for seq, outcome in enumerate(outcomes):
        tag = {KEY: index * KEY_SPAN + seq}
        if isinstance(outcome, Rejection):
            rows["rejections"].append(outcome.model_dump() | tag)
            summary.append(("rejection", outcome.article, outcome.article_id))
        else:
            for table, table_rows in result_rows(outcome, extractor_version).items():
                rows[table].extend(row | tag for row in table_rows)
            summary.append(("article", outcome.article.path, outcome.article.article_id))
    tables = {
        table: pa.Table.from_pylist(table_rows, schema=partition_schema(table))
        for table, table_rows in rows.items()
        if table_rows
    }
    return Partition(summary, tables)


def partition_schema(table: str) -> pa.Schema:
    schema = arrow_schema(table)
    return schema.remove(schema.get_field_index("run_id")).append(pa.field(KEY, pa.int64()))


def assemble(
    writer: DatabaseWriter,
    seen: dict[str, str],
    summaries: Callable[[Path], Iterable[tuple[int, Summary]]],
    tick: Callable[[], None],
) -> list[str]:
    """Run a build whose workers write Parquet partitions; shared by every such engine.

    `summaries(parts)` yields (batch index, summary) in batch order once its workers have
    written batch `index` into the folder `parts`. Returns the rejected files' paths.
    """
    assembly = Assembly(writer, seen)
    batches = iter(summaries(assembly.parts))
    try:
        for index, summary in batches:
            assembly.add(index, summary)
            for _ in summary:
                tick()
        return assembly.insert()
    finally:
        close = getattr(batches, "close", None)
        if close:  # a generator holding a pool or a client lets it go now
            close()
        assembly.close()


class Assembly:
    """The partitions folder of one build, and what the summaries said about duplicates."""

    def __init__(self, writer: DatabaseWriter, seen: dict[str, str]) -> None:
        self.writer, self.seen = writer, seen
        remove_stale_parts(writer.db)
        self.parts = writer.db.with_name(f".{writer.db.name}.{writer.run_id}.parts")
        with storage_errors(f"creating {self.parts}"):
            self.parts.mkdir()
        self.duplicates: list[int] = []
        self.rejected: list[str] = []

    def add(self, index: int, summary: Summary) -> None:
        """Take batch `index`'s summary, in order: duplicates are rejected now."""
        rejected, duplicates = drop_duplicates(self.writer, summary, self.seen)
        self.rejected += rejected
        self.duplicates += [index * KEY_SPAN + seq for seq in duplicates]

    def insert(self) -> list[str]:
        """Insert every partition, in batch order; returns the rejected files' paths."""
        self.writer.flush()
        for table in TABLES:
            files = sorted(self.parts.glob(f"{table}-*.parquet"))
            if not files:
                continue
            self.writer.insert_parquet(
                table,
                files,
                f"select * exclude ({KEY}), $run_id as run_id from read_parquet({{files}}) "
                f"where not list_contains($duplicates, {KEY})",
                {"run_id": self.writer.run_id, "duplicates": self.duplicates},
            )
        return self.rejected

    def close(self) -> None:
        shutil.rmtree(self.parts, ignore_errors=True)


def remove_stale_parts(db: Path) -> None:
    """Partition folders a killed build left; only called while holding the lock."""
    for stale in db.parent.glob(f".{db.name}.*.parts"):
        shutil.rmtree(stale, ignore_errors=True)


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
