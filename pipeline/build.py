"""`run()`: chain the stages over a folder into a DuckDB file.

Articles stream in batches through worker processes and come back in order, so a
parallel build writes the same rows as a single-process one; at most a few batches are
in flight, so memory stays flat however large the folder. Unchanged articles (same
bytes, same extractor version) are copied from the previous database instead of
processed again. `engine="dask"` runs the same per-article work on a Dask cluster
(`pipeline.dask_engine`).
"""

from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import hashlib
import itertools
import json
import multiprocessing
import os
import signal
import stat
import sys
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

import pipeline.spacy_import  # noqa: F401  (before anything imports spaCy)

# isort: split
from pipeline.dbfile import check_replaceable, database_path, printable
from pipeline.errors import BadParameter, DatabaseError, FactdbError, FolderNotFound, Terminated
from pipeline.ingest import MAX_BYTES, discover, outside_folder, printable_name
from pipeline.load import DatabaseWriter, build_lock, read_previous, remove_stale_staging
from pipeline.partition import Summary, assemble, remove_stale_parts, write_partition
from pipeline.process import EXTRACTOR_VERSION, Outcome, process_batch
from schemas.records import Rejection

DEFAULT_DB = Path("factdb.duckdb")
ENGINES = ("local", "dask")
BATCH_ARTICLES = 64  # per nlp.pipe stream and per task sent to a worker
# What a worker costs: forked after this process's first batch (`_in_pool`), it inherits
# the languages that batch set up and builds only the others, and it writes Parquet
# partitions. About 0.45 s of CPU, what about 50 real news articles cost to process
# (measured: 9 to 10 ms an article, 0.45 to 0.47 s more CPU with --jobs 2 than --jobs 1
# at 150 and 500 articles; 2 s when each worker set up every language again).
WORKER_SETUP_ARTICLES = 50
PR_SET_PDEATHSIG = 1  # prctl option, linux/prctl.h
Progress = Callable[[int, int], None]
T = TypeVar("T")


class WorkerDied(FactdbError):
    """A worker process of a parallel build ended without a result."""


class BuildReport(BaseModel):
    run_id: str
    db: str
    files: int
    articles: int
    processed: int
    carried_over: int
    claims: int
    statements: int
    rejections: int
    entities: int
    seconds: float
    rejected_files: list[str]
    notes: list[str] = []  # what the build changed of what was asked (e.g. --jobs)


def run(
    folder: Path | str = "seeds",
    db: Path | str = DEFAULT_DB,
    *,
    jobs: int | None = None,
    full: bool = False,
    progress: Progress | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    follow_symlinks: bool = False,
) -> BuildReport:
    """Build (or incrementally rebuild) the fact database `db` from the articles in `folder`.

    `jobs` processes (default: `default_jobs`, from the cores and the articles to
    process; at most one per core); `engine="dask"` runs the work on the Dask cluster
    at `scheduler`, or on a new local one with `jobs` workers (default: one per core).
    Files that symlinks in `folder` point to outside it are rejected unless
    `follow_symlinks`. A symlink as `db` is followed: its target is replaced.
    """
    folder, db = Path(folder), database_path(Path(db))
    if engine not in ENGINES:
        raise BadParameter(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise BadParameter("--scheduler needs --engine dask")
    if not folder.is_dir():
        raise FolderNotFound(f"folder not found: {folder}; give a folder of .txt or .md articles")
    if not db.parent.is_dir():
        raise DatabaseError(f"cannot write {db}: folder {db.parent} does not exist")
    jobs, notes = _jobs(jobs, engine, scheduler)
    started = dt.datetime.now()
    run_id = started.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    with build_lock(db), _sigterm_interrupts():
        remove_stale_staging(db)
        remove_stale_parts(db)
        check_replaceable(db)  # before reading it: a locked file is named as such
        paths, outside = _inside(discover(folder), folder, follow_symlinks)
        previous = {} if full else read_previous(db)
        keep, todo = _split_unchanged(paths, folder, previous)
        jobs = max(1, jobs or (_cores() if engine == "dask" else default_jobs(len(todo))))
        writer = DatabaseWriter(db, run_id, EXTRACTOR_VERSION)
        try:
            for rejection in outside:
                writer.add_rejection(rejection)
            writer.carry_over(db, [previous[p][2] for p in keep])
            seen = {previous[p][2]: p for p in keep}
            tick = _progress_from(len(keep), len(paths), progress)
            rejected = _process_and_write(writer, todo, folder, seen, jobs, engine, scheduler, tick)
            counts = writer.finish(
                _run_row(
                    run_id,
                    started,
                    folder,
                    engine,
                    jobs,
                    full,
                    len(paths) + len(outside),
                    len(todo) + len(outside),  # rejected unread, as ingest rejects
                    len(keep),
                )
            )
        except BaseException:
            writer.abort()
            raise
    return BuildReport(
        run_id=run_id,
        db=str(db),
        files=len(paths) + len(outside),
        articles=counts["articles"],
        processed=len(todo) + len(outside),
        carried_over=len(keep),
        claims=counts["claims"],
        statements=counts["statements"],
        rejections=counts["rejections"],
        entities=counts["entities"],
        seconds=round((dt.datetime.now() - started).total_seconds(), 3),
        rejected_files=sorted({*rejected, *(r.article for r in outside)}),
        notes=notes,
    )


def _jobs(asked: int | None, engine: str, scheduler: str | None) -> tuple[int | None, list[str]]:
    """The processes to run, at most one per core: more only add memory and switching
    (`--jobs 200` on 2 cores started 202 processes and 12 GB). A remote Dask cluster
    has cores of its own, so its --jobs is left as asked. None stays None: the default
    is chosen from the articles to process (`default_jobs`)."""
    cores = _cores()
    if asked is None:
        return None, []
    if asked > cores and not (engine == "dask" and scheduler):
        plural = "s" if cores > 1 else ""
        return cores, [f"--jobs {asked} is more than the {cores} core{plural} here: using {cores}"]
    return max(1, asked), []


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (`kill`, a service manager stopping the build) ends the build as Ctrl-C
    does: the exception unwinds through the writer's cleanup of its temporary files.
    Python's default for SIGTERM is to die on the spot, leaving them behind."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def terminate(signum: int, frame: object) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _process_and_write(
    writer: DatabaseWriter,
    todo: list[Path],
    folder: Path,
    seen: dict[str, str],
    jobs: int,
    engine: str,
    scheduler: str | None,
    tick: Callable[[], None],
) -> list[str]:
    """Process the files on the chosen engine and write them; returns the rejected paths."""
    if engine == "dask":
        from pipeline.dask_engine import process_into

        return process_into(writer, todo, folder, seen, jobs, scheduler, tick)
    if jobs == 1 or len(todo) < 2:
        return write_outcomes(writer, process_all(todo, folder), seen, tick)
    return write_parallel(writer, todo, folder, jobs, seen, tick)


def default_jobs(articles: int, cores: int | None = None) -> int:
    """The most processes that pay off for `articles` to process, up to one per core.

    Going from J-1 to J processes saves at best 1/(J-1) - 1/J of the articles' time
    and costs one more set-up: worth it from WORKER_SETUP_ARTICLES * J * (J-1)
    articles (100 for two processes, 300 for three). A smaller folder is done in
    this process alone, set up once.
    """
    cores = cores or _cores()
    jobs = 1
    while jobs < cores and articles >= WORKER_SETUP_ARTICLES * (jobs + 1) * jobs:
        jobs += 1
    return jobs


def _cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the host's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _split_unchanged(
    paths: list[Path], folder: Path, previous: dict[str, tuple[str, str, str]]
) -> tuple[list[str], list[Path]]:
    keep, todo = [], []
    for path in paths:
        rel = printable_name(path.relative_to(folder).as_posix())  # as ingest stores it
        known = previous.get(rel)
        if known and known[1] == EXTRACTOR_VERSION and known[0] == _file_hash(path):
            keep.append(rel)
        else:
            todo.append(path)
    return keep, todo


def _inside(
    paths: list[Path], folder: Path, follow_symlinks: bool
) -> tuple[list[Path], list[Rejection]]:
    """The files to read, and rejections of those symlinked from outside `folder`."""
    if follow_symlinks:
        return paths, []
    inside, outside = [], []
    for path in paths:
        rejection = outside_folder(path, folder)
        if rejection is None:
            inside.append(path)
        else:
            outside.append(rejection)
    return inside, outside


def _file_hash(path: Path) -> str | None:
    """The file's sha256, or None when ingest must look at it again: not a regular file
    (a FIFO would block the read) or over the size limit. The size is checked before
    reading, so a known article grown to gigabytes is never read, and the hash streams."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
            return None
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def process_all(paths: Sequence[Path], folder: Path, jobs: int = 1) -> Iterator[Outcome]:
    """The outcome of each file, in order, from `jobs` worker processes."""
    if jobs == 1 or len(paths) < 2:
        for batch in _batches(paths, BATCH_ARTICLES):
            yield from process_batch(batch, folder)
        return
    for outcomes in _in_pool(process_batch, _batches(paths, _size(paths, jobs)), jobs, folder):
        yield from outcomes


def write_parallel(
    writer: DatabaseWriter,
    paths: Sequence[Path],
    folder: Path,
    jobs: int,
    seen: dict[str, str],
    tick: Callable[[], None] = lambda: None,
) -> list[str]:
    """Process in `jobs` processes (this one among them, `_in_pool`), which write their
    rows as Parquet partitions; the writer inserts them all at the end
    (`pipeline.partition`).

    Equal to `write_outcomes(writer, process_all(...))`, but no process writes DuckDB
    while the batches run: the writer's per-row work does not hold back the others on a
    machine with few cores, and the database's memory is not added to theirs.
    """
    batches = enumerate(_batches(paths, _size(paths, jobs)))

    def summaries(parts: Path) -> Iterator[tuple[int, Summary]]:
        args = (folder, parts, writer.extractor_version)
        return enumerate(_in_pool(_write_partition, batches, jobs, *args))

    return assemble(writer, seen, summaries, tick)


def _write_partition(
    item: tuple[int, Sequence[Path]], folder: Path, parts: Path, extractor_version: str
) -> Summary:
    index, batch = item
    return write_partition(process_batch(batch, folder), parts, index, extractor_version)


def _in_pool(func: Callable[..., T], items: Iterable[Any], jobs: int, *args: Any) -> Iterator[T]:
    """`func(item, *args)` for each item in `jobs` processes, in order.

    This process is one of them: it starts `jobs - 1` workers, and whenever it waits for
    a worker's result it takes an item no worker has started yet and runs it itself
    (`_result`). An idle parent held as much memory as a worker (the imported
    libraries), so a build's processes summed to a third more; and with a fixed share
    (every jobs-th item) the build waited for whichever process was slower, often this
    one, which also takes the results in.
    A bounded window of items is in flight and taken back in order: results never
    pile up in memory when the writer is slower than the workers.
    """
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    items = iter(items)
    if method == "fork":
        # The first item runs here before the workers are forked: they inherit what it
        # set up (its languages' pipelines, patterns and data, lingua's models) instead
        # of each setting it up again, and share those pages with this process.
        for item in itertools.islice(items, 1):
            yield func(item, *args)
    with ProcessPoolExecutor(
        jobs - 1, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    ) as pool:
        window: deque[_Slot[T]] = deque()
        try:
            for item in items:
                window.append(_Slot(pool.submit(func, item, *args), func, item, args))
                # Enough queued that, with each worker's running and next item taken,
                # some are still left for this process to take.
                if len(window) > 2 * jobs + 1:
                    yield _result(window)
            while window:
                yield _result(window)
        except BrokenProcessPool:
            raise WorkerDied(
                "a worker process died (killed, or out of memory?); the database was left "
                "as it was: build again, with fewer --jobs if memory is short"
            ) from None
        finally:
            for slot in window:
                slot.future.cancel()


class _Slot(Generic[T]):
    """An item of `_in_pool`: submitted to the workers, or taken back and run here."""

    def __init__(self, future: Future[T], func: Callable[..., T], item: Any, args: tuple) -> None:
        self.future, self.func, self.item, self.args = future, func, item, args
        self.taken = False  # run by this process
        self.value: T | None = None

    def take(self) -> bool:
        """Run the item here if no worker has started it (`Future.cancel` succeeds only
        then: the pool moves an item to its workers' queue just before they need it)."""
        if self.taken or not self.future.cancel():
            return False
        self.value = self.func(self.item, *self.args)
        self.taken = True
        return True

    def ready(self) -> bool:
        return self.taken or self.future.done()

    def result(self) -> T:
        return self.value if self.taken else self.future.result()  # type: ignore[return-value]


def _result(window: deque[_Slot[T]]) -> T:
    """The first item's result; while a worker still runs it, this process runs the
    next items no worker has started instead of waiting."""
    head = window[0]
    while not head.ready():
        if not any(slot.take() for slot in window):
            break
    window.popleft()
    return head.result()  # waits for the worker if it still runs it


def _die_with_parent(parent: int) -> None:
    """A worker ends when its build is killed, instead of finishing work nobody reads.
    A forked worker inherits the parent's SIGTERM handler: it gets Python's default back,
    so that the pool can stop it; the parent does the cleaning up."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before prctl took effect
        os._exit(1)


def _size(paths: Sequence[Path], jobs: int) -> int:
    """Batches of up to BATCH_ARTICLES, and at least four per worker."""
    return max(1, min(BATCH_ARTICLES, len(paths) // (jobs * 4)))


def _batches(paths: Sequence[Path], size: int) -> Iterator[Sequence[Path]]:
    for i in range(0, len(paths), size):
        yield paths[i : i + size]


def write_outcomes(
    writer: DatabaseWriter,
    outcomes: Iterator[Outcome],
    seen: dict[str, str],
    tick: Callable[[], None] = lambda: None,
) -> list[str]:
    """Write outcomes in order; returns the paths of the rejected files."""
    rejected = []
    for outcome in outcomes:
        rejection = _add(writer, outcome, seen)
        if rejection:
            rejected.append(rejection.article)
        tick()
    return rejected


def _progress_from(done: int, total: int, progress: Progress | None) -> Callable[[], None]:
    count = [done]

    def tick() -> None:
        count[0] += 1
        if progress:
            progress(count[0], total)

    return tick


def _add(writer: DatabaseWriter, outcome: Outcome, seen: dict[str, str]) -> Rejection | None:
    """Write one article's records; an exact duplicate of an earlier article is rejected."""
    if isinstance(outcome, Rejection):
        writer.add_rejection(outcome)
        return outcome
    article = outcome.article
    if article.article_id in seen:
        rejection = Rejection(
            stage="ingest",
            article=article.path,
            article_id=article.article_id,
            reason=f"duplicate of {seen[article.article_id]}",
        )
        writer.add_rejection(rejection)
        return rejection
    seen[article.article_id] = article.path
    writer.add_result(outcome)
    return None


def _run_row(
    run_id: str,
    started: dt.datetime,
    folder: Path,
    engine: str,
    jobs: int,
    full: bool,
    files: int,
    processed: int,
    carried: int,
) -> dict:
    return {
        "run_id": run_id,
        "started": started,
        "ended": dt.datetime.now(),
        "status": "complete",
        "folder": printable(folder),  # DuckDB stores UTF-8: undecodable bytes as \\xNN
        "engine": engine,
        "jobs": jobs,
        "full_build": full,
        "files": files,
        "articles": processed + carried,
        "processed": processed,
        "carried_over": carried,
        "versions": json.dumps(_versions(), sort_keys=True),
    }


def _versions() -> dict[str, str]:
    versions = {"extractor": EXTRACTOR_VERSION}
    for dist in ("factdb", "spacy", "duckdb", "dateparser", "quantulum3", "pydantic"):
        try:
            versions[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            versions[dist] = "not installed"
    return versions
