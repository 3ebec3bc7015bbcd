"""The Dask engine: the per-article work as Dask tasks, results as Parquet partitions.

Each task processes one batch of files (`process_batch`, the local engine's unit of
work) and writes one Parquet file per table into a partitions folder next to the
database; it sends back only a short list of what each file became. The driver takes
the partitions in order, drops exact duplicates as the local engine does, and inserts
each partition into the staging database with DuckDB's `read_parquet`, so the database
equals a local build row for row.

With no scheduler address a `LocalCluster` with one single-threaded worker process per
job is started (and stopped). With an address, the workers must import this version of
factdb and see the articles' folder and the database's folder at the same paths (a
shared filesystem), since they read the articles and write the partitions themselves.
"""

from __future__ import annotations

import contextlib
import shutil
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.errors import FactdbError
from pipeline.load import DatabaseWriter
from pipeline.process import Outcome, process_batch, statement_id
from schemas.records import ArticleResult, Rejection
from schemas.tables import arrow_schema

PARTITION_ARTICLES = 64
TABLES = ("articles", "claims", "statements", "rejections")
CONNECT_TIMEOUT = "10s"  # to reach a scheduler given by address
SEQ = "_seq"  # an outcome's position in its partition, to drop duplicates' rows by


class EngineError(FactdbError):
    """The Dask engine cannot start: not installed, or no scheduler at the address."""


def process_into(
    writer: DatabaseWriter,
    paths: Sequence[Path],
    folder: Path,
    seen: dict[str, str],
    jobs: int,
    scheduler: str | None,
    tick: Callable[[], None],
) -> list[str]:
    """Process `paths` on Dask and write the results through `writer`, in order.

    `seen` maps article_id -> path of the articles already written; returns the paths
    of the rejected files.
    """
    if not paths:
        return []
    parts = writer.db.with_name(f".{writer.db.name}.{writer.run_id}.parts")
    parts.mkdir(exist_ok=True)
    rejected: list[str] = []
    try:
        with _client(scheduler, jobs) as client:
            tasks = _in_order(client, paths, folder, parts, writer)
            for index, summary in tasks:
                rejected += _assemble(writer, parts, index, summary, seen)
                for _ in summary:
                    tick()
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    return rejected


def process_partition(
    index: int, paths: Sequence[Path], folder: Path, parts: Path, extractor_version: str
) -> list[tuple[str, str, str | None]]:
    """A Dask task: process a batch, write its rows as Parquet, summarise its outcomes.

    Returns (kind, path, article_id) per file, kind "article" or "rejection".
    """
    outcomes = process_batch(paths, folder)
    for table, rows in partition_rows(outcomes, extractor_version).items():
        if rows:
            schema = arrow_schema(table)
            schema = schema.remove(schema.get_field_index("run_id")).append(
                pa.field(SEQ, pa.int64())
            )
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), _part(parts, table, index))
    return [
        ("rejection", o.article, o.article_id)
        if isinstance(o, Rejection)
        else ("article", o.article.path, o.article.article_id)
        for o in outcomes
    ]


def partition_rows(
    outcomes: Sequence[Outcome], extractor_version: str
) -> dict[str, list[dict[str, Any]]]:
    """Table rows (without run_id) of each outcome, as `DatabaseWriter.add_result` makes
    them, each tagged with the outcome's position."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for seq, outcome in enumerate(outcomes):
        tag = {SEQ: seq}
        if isinstance(outcome, Rejection):
            rows["rejections"].append(outcome.model_dump() | tag)
            continue
        _result_rows(outcome, extractor_version, rows, tag)
    return rows


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


def _assemble(
    writer: DatabaseWriter,
    parts: Path,
    index: int,
    summary: list[tuple[str, str, str | None]],
    seen: dict[str, str],
) -> list[str]:
    """Insert one partition, leaving out exact duplicates of earlier articles."""
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
        else:
            seen[article_id] = path  # type: ignore[index]
    writer.flush()
    for table in TABLES:
        part = _part(parts, table, index)
        if part.exists():
            writer.con.execute(
                f"insert into {table} by name "
                f"select * exclude ({SEQ}), $run_id as run_id from read_parquet($part) "
                f"where not list_contains($duplicates, {SEQ})",
                {"run_id": writer.run_id, "part": str(part), "duplicates": duplicates},
            )
            part.unlink()
    return rejected


def _in_order(
    client: Any, paths: Sequence[Path], folder: Path, parts: Path, writer: DatabaseWriter
) -> Iterator[tuple[int, list]]:
    """Partition summaries in order, with a bounded number of tasks in flight."""
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    window: deque = deque()
    for index, start in enumerate(range(0, len(paths), PARTITION_ARTICLES)):
        batch = list(paths[start : start + PARTITION_ARTICLES])
        future = client.submit(
            process_partition,
            *(index, batch, folder, parts, writer.extractor_version),
            key=f"factdb-{writer.run_id}-{index}",
        )
        window.append((index, future))
        if len(window) > 4 * workers:
            yield _result(*window.popleft())
    while window:
        yield _result(*window.popleft())


def _result(index: int, future: Any) -> tuple[int, list]:
    summary = future.result()
    future.release()
    return index, summary


def _part(parts: Path, table: str, index: int) -> Path:
    return parts / f"{table}-{index:06d}.parquet"


@contextlib.contextmanager
def _client(scheduler: str | None, jobs: int) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "the Dask engine needs dask and distributed; install them with "
            "`pip install 'factdb[dask]'`, or build with --engine local"
        ) from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise EngineError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}; check the address "
                "(tcp://HOST:8786) or leave out --scheduler to start a local cluster"
            ) from None
        with client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
