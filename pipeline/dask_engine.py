"""The Dask engine: the per-article work as Dask tasks, results as Parquet partitions.

Each task processes one batch of files (`process_batch`, the local engine's unit of
work) and writes one Parquet file per table into a partitions folder next to the
database; it sends back only a short list of what each file became. The driver takes
the summaries in order, drops exact duplicates as the local engine does, and at the end
inserts every partition into the staging database with DuckDB's `read_parquet`
(`pipeline.partition`, shared with the local engine), so the database equals a local
build row for row.

With no scheduler address a `LocalCluster` with one single-threaded worker process per
job is started (and stopped). With an address, the workers must import this version of
factdb and see the articles' folder and the database's folder at the same paths (a
shared filesystem), since they read the articles and write the partitions themselves.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.errors import FactdbError
from pipeline.load import DatabaseWriter
from pipeline.partition import Summary, assemble, write_partition
from pipeline.process import EXTRACTOR_VERSION, process_batch

PARTITION_ARTICLES = 64
CONNECT_TIMEOUT = "10s"  # to reach a scheduler given by address


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

    def summaries(parts: Path) -> Iterator[tuple[int, Summary]]:
        with _client(scheduler, jobs) as client:
            yield from _in_order(client, paths, folder, parts, writer)

    return assemble(writer, seen, summaries, tick)


def process_partition(
    index: int, paths: Sequence[Path], folder: Path, parts: Path, extractor_version: str
) -> Summary:
    """A Dask task: process a batch, write its rows as Parquet, return its summary."""
    if extractor_version != EXTRACTOR_VERSION:
        raise EngineError(
            f"a Dask worker runs other factdb code or data (extractor {EXTRACTOR_VERSION}, "
            f"this build {extractor_version}); install the same factdb on every worker"
        )
    return write_partition(process_batch(paths, folder), parts, index, extractor_version)


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
