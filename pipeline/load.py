"""Load: write records into a new DuckDB file, then swap it in atomically.

The live database is never written in place. A build writes `.<name>.<run>.building`
next to it and `os.replace`s it over the old file only after the last commit, so a
failed or killed build leaves the previous database whole, and a reader sees the old
file or the new one, never a mix. A lock file held with `flock` (released by the
kernel when a build dies) keeps two builds off the same database.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
from filelock import FileLock, Timeout
from pydantic import BaseModel

from pipeline.dbfile import check_replaceable, first_line, write_marker
from pipeline.entities import canonicalise
from pipeline.errors import DatabaseError, DatabaseLocked
from pipeline.process import statement_id
from schemas.records import ArticleResult, Entity, Rejection
from schemas.tables import TABLES, ddl, polars_schema

if TYPE_CHECKING:
    import polars as pl

BATCH_ROWS = 2_000
# DuckDB keeps every block it writes or re-reads in its buffer pool until the memory
# limit (default: 80% of the machine's memory) forces it out, and each automatic
# checkpoint rewrites the growing last row group of a table: without a limit the
# build's memory grew with the corpus (about 25 MB more per 1,000 articles). Past the
# limit it evicts written blocks, and spills what it cannot evict to the folder
# `<staging file>.tmp` (DuckDB's default temp_directory), removed with the staging file.
WRITER_MEMORY = "64MB"  # measured: 4,000 articles peaked at 302 MB PSS, 329 MB without; same CPU

# Test hook for the crash and concurrency tests, inert unless the variable is set:
# FACTDB_TEST_PAUSE_AT="<point>[:<n>]=<file>" makes the build write its pid to <file> the
# n-th time it reaches <point>, then wait there until <file> is deleted (or the process is
# killed). Points: "staging", "carry-over", "carried", "article", "flush", "entities",
# "runs", "checkpointed", "replace", "replaced".
PAUSE_ENV = "FACTDB_TEST_PAUSE_AT"
_reached: dict[str, int] = {}


def pause_point(name: str) -> None:
    """Where a test may stop the build; does nothing unless `FACTDB_TEST_PAUSE_AT` is set."""
    spec = os.environ.get(PAUSE_ENV)
    if not spec:
        return
    point, _, marker = spec.partition("=")
    point, _, nth = point.partition(":")
    if point != name:
        return
    _reached[name] = _reached.get(name, 0) + 1
    if _reached[name] != int(nth or 1):
        return
    Path(marker).write_text(str(os.getpid()))
    while os.path.exists(marker):
        time.sleep(0.005)


@contextlib.contextmanager
def build_lock(db: Path) -> Iterator[None]:
    lock = FileLock(str(db) + ".lock", timeout=0)
    try:
        lock.acquire()
    except Timeout:
        if not os.path.exists(str(db) + ".lock"):  # filelock times out where it cannot write
            raise DatabaseError(f"cannot write {db}: check the folder is writable") from None
        raise DatabaseLocked(
            f"another build is writing {db}; wait for it to finish (lock: {db}.lock)"
        ) from None
    except OSError as exc:
        raise DatabaseError(
            f"cannot lock {db}: {exc.strerror}; check the folder is writable"
        ) from None
    try:
        yield
    finally:
        lock.release()


def staging_path(db: Path, run_id: str) -> Path:
    return db.with_name(f".{db.name}.{run_id}.building")


def remove_stale_staging(db: Path) -> None:
    """Files a killed build left behind; only called while holding the lock."""
    for path in db.parent.glob(f".{glob.escape(db.name)}.*.building*"):
        _remove(path)


class DatabaseWriter:
    """Buffers rows per table and appends them through polars frames in batches."""

    def __init__(self, db: Path, run_id: str, extractor_version: str) -> None:
        self.db = db
        self.run_id = run_id
        self.extractor_version = extractor_version
        self.path = staging_path(db, run_id)
        check_replaceable(db)
        self.path.unlink(missing_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), config={"memory_limit": WRITER_MEMORY})
        except duckdb.Error as exc:
            raise DatabaseError(f"cannot create {self.path}: {first_line(exc)}") from None
        self.buffers: dict[str, list[dict]] = {table: [] for table in TABLES}
        try:  # interrupted here (disk full, Ctrl-C, SIGTERM), the staging file goes too
            with self._writing("creating"):
                for table in TABLES:
                    self.con.execute(ddl(table))
                write_marker(self.con)
            pause_point("staging")
        except BaseException:
            self.abort()
            raise

    def add_result(self, result: ArticleResult) -> None:
        for table, rows in result_rows(result, self.extractor_version).items():
            self._extend(table, rows)
        pause_point("article")

    def add_rejection(self, rejection: Rejection) -> None:
        self._append("rejections", rejection.model_dump())
        pause_point("article")

    def carry_over(self, previous: Path, article_ids: list[str]) -> None:
        """Copy the run history, and unchanged articles' rows, from the previous database."""
        pause_point("carry-over")
        if not previous.exists():
            return
        self.flush()
        try:
            self.con.execute(f"attach '{_sql_path(previous)}' as prev (read_only)")
        except duckdb.Error:
            return  # unreadable previous file: it is replaced by a full build
        try:
            with contextlib.suppress(duckdb.Error):  # history of another schema is dropped
                self.con.execute("insert into runs by name select * from prev.runs")
            if not article_ids:
                return
            self.con.register("keep", _strings({"article_id": article_ids}))
            # Carried rows keep the run_id of the run that extracted them.
            for table in ("articles", "claims", "statements", "rejections"):
                try:
                    self.con.execute(
                        f"insert into {table} by name select * from prev.{table} "
                        "where article_id in (select article_id from keep)"
                        # A file's ingest rejection (e.g. "duplicate of") is made anew each run.
                        + (" and stage <> 'ingest'" if table == "rejections" else "")
                    )
                except duckdb.Error as exc:
                    raise DatabaseError(
                        f"cannot copy unchanged articles' {table} from {previous} "
                        f"({str(exc).splitlines()[0]}); rebuild with --full"
                    ) from None
            self.con.unregister("keep")
        finally:
            self.con.execute("detach prev")
            pause_point("carried")

    def finish(self, run_row: dict) -> dict[str, int]:
        """Canonicalise speakers, record the run, and swap the new file in."""
        with self._writing("finishing"):
            return self._finish(run_row)

    def _finish(self, run_row: dict) -> dict[str, int]:
        self.flush()
        entities = self._canonical_speakers()
        self._extend("entities", (e.model_dump() for e in entities))
        self.flush()
        pause_point("entities")
        counts = {t: self.con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in TABLES}
        self._append(
            "runs",
            run_row | {t: counts[t] for t in ("claims", "statements", "rejections", "entities")},
        )
        self.flush()
        pause_point("runs")
        self.con.execute("checkpoint")
        self.con.close()
        pause_point("checkpointed")
        with open(self.path, "rb+") as fh:
            os.fsync(fh.fileno())
        pause_point("replace")
        os.replace(self.path, self.db)
        pause_point("replaced")
        _fsync_dir(self.db.parent)
        return counts

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.con.close()
        for path in self.db.parent.glob(glob.escape(self.path.name) + "*"):
            _remove(path)

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """A storage failure (disk full, permissions) as one named error, not a traceback."""
        try:
            yield
        except (duckdb.Error, OSError) as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise DatabaseError(
                f"{what} {self.path} failed ({first}); {self.db} was left as it was"
            ) from None

    def insert_parquet(self, table: str, files: list[Path], query: str, params: dict) -> None:
        """Append rows that workers wrote as Parquet: `query` selects them from `files`."""
        pause_point("parquet")
        listed = ", ".join("'" + str(f).replace("'", "''") + "'" for f in files)
        with self._writing("writing"):
            self.con.execute(
                f"insert into {table} by name {query.format(files=f'[{listed}]')}", params
            )

    def flush(self) -> None:
        with self._writing("writing"):
            self._flush()

    def _flush(self) -> None:
        import polars as pl  # not at start-up: only a build needs it here

        for table, rows in self.buffers.items():
            if rows:
                # A polars frame, not pyarrow's from_pylist: pyarrow imports pandas on
                # its first conversion of Python values (0.2 to 0.5 s of every build).
                schema = polars_schema(table)
                batch = pl.DataFrame(
                    [
                        _column(name, [self.run_id] * len(rows), dtype)
                        if name == "run_id"
                        else _column(name, [row.get(name) for row in rows], dtype)
                        for name, dtype in schema.items()
                    ]
                )
                self.con.register("batch", batch)
                self.con.execute(f"insert into {table} by name select * from batch")
                self.con.unregister("batch")
                rows.clear()
                pause_point("flush")

    def _append(self, table: str, row: dict) -> None:
        self.buffers[table].append(row)
        if len(self.buffers[table]) >= BATCH_ROWS:
            self.flush()

    def _extend(self, table: str, rows: Iterable[dict]) -> None:
        for row in rows:
            self._append(table, row)

    def _canonical_speakers(self) -> list[Entity]:
        mentions = self.con.execute(
            """
            select speaker_surface, lang from claims
            where speaker_surface is not null and speaker_kind is distinct from 'anonymous'
            union
            select s.speaker_surface, a.lang from statements s join articles a using (article_id)
            where s.speaker_kind != 'anonymous'
            order by 1, 2
            """
        ).fetchall()
        canonical, entities = canonicalise((surface, lang) for surface, lang in mentions)
        speaker_map = _strings({"surface": list(canonical), "name": list(canonical.values())})
        self.con.register("speaker_map", speaker_map)
        self.con.execute(
            "update claims set speaker = m.name from speaker_map m "
            "where claims.speaker_surface = m.surface"
        )
        self.con.unregister("speaker_map")
        # an anonymous source is no entity: its speaker is the phrase as written
        self.con.execute(
            "update claims set speaker = speaker_surface where speaker_kind = 'anonymous'"
        )
        return entities


def result_rows(result: ArticleResult, extractor_version: str) -> dict[str, list[dict]]:
    """One article's rows per table (without run_id), for the writer and for partitions."""
    article = result.article
    return {
        "articles": [fields(article) | {"extractor_version": extractor_version}],
        "claims": [fields(c) for c in result.claims],
        "statements": [
            fields(s)
            | {
                "statement_id": statement_id(article.article_id, s.start, s.end),
                "article_id": article.article_id,
                "article": article.article,
            }
            for s in result.statements
        ],
        "rejections": [r.model_dump() for r in result.rejections],
    }


def fields(record: BaseModel) -> dict:
    """A flat record's field values, as `model_dump` gives them: none of the records
    written here holds a model or a computed field (tests/test_load.py), so a copy of
    its `__dict__` has the same values at a fifth of the cost of a dump, which goes
    through pydantic's serializer for every row."""
    return dict(record.__dict__)


def read_previous(db: Path) -> dict[str, tuple[str, str, str]]:
    """path -> (content_hash, extractor_version, article_id) of the articles in `db`."""
    if not db.exists():
        return {}
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return {}  # not a database we can read: build everything anew
    try:
        rows = con.execute(
            "select path, content_hash, extractor_version, article_id from articles"
        ).fetchall()
    except duckdb.Error:
        return {}
    finally:
        con.close()
    return {path: (h, v, a) for path, h, v, a in rows}


def _column(name: str, values: list, dtype: pl.DataType) -> pl.Series:
    """One column of a batch. polars converts a Python list of lists value by value
    (the claims' topics took four fifths of making a batch), so a list column without
    nulls is made from its values in one piece and where each list starts, as Arrow
    lays a list column out."""
    import polars as pl
    import pyarrow as pa  # imported already by schemas.tables; pa.array is not used here,
    # as its first call imports pandas (see polars_schema)

    if not isinstance(dtype, pl.List) or any(value is None for value in values):
        return pl.Series(name, values, dtype=dtype)
    items = pl.Series(list(itertools.chain.from_iterable(values)), dtype=dtype.inner)
    starts = pl.Series([0, *itertools.accumulate(map(len, values))], dtype=pl.Int32)
    lists = pa.ListArray.from_arrays(starts.to_arrow(), items.to_arrow())
    # through a table: polars imports pyarrow.compute (40 ms) to read a bare array
    return pl.DataFrame(pa.table({name: lists})).to_series().cast(dtype)


def _strings(columns: dict[str, list[str]]) -> pl.DataFrame:
    """A frame of string columns for DuckDB to read."""
    import polars as pl

    return pl.DataFrame(columns, schema={name: pl.String() for name in columns})


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _remove(path: Path) -> None:
    """A file, or the folder DuckDB spills to past `WRITER_MEMORY` (`<staging>.tmp`)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
