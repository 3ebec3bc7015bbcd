"""Concurrent use: one build at a time, no stuck lock, readers see old or new, never a mix.

The running build is a child process stopped at a named point (`_paused_build`), so
each test knows exactly where the build is when it acts.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from _paused_build import PausedBuild
from typer.testing import CliRunner

import pipeline
from pipeline.build import run
from pipeline.cli import app
from pipeline.errors import DatabaseError, DatabaseLocked

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def folders(seeds_copy: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The seeds, and the seeds with one article added and one changed."""
    new = tmp_path / "new"
    shutil.copytree(seeds_copy, new)
    (new / "extra.txt").write_text(
        "Bremen, 4 May. The port said it handled 52 million tonnes of cargo in 2024.\n"
    )
    first = sorted(new.glob("00*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nThe fund holds 7 billion dollars.\n")
    return seeds_copy, new


@pytest.fixture
def db(folders: tuple[Path, Path], tmp_path: Path) -> Path:
    path = tmp_path / "facts.duckdb"
    run(folders[0], path, jobs=1)
    return path


def claim_rows(db: Path) -> list[tuple]:
    """All claims, as a notebook reads them."""
    return pipeline.claims(db).drop("run_id").sort("claim_id").rows()


def test_second_build_is_refused_while_one_runs(folders, db: Path, tmp_path: Path) -> None:
    running = PausedBuild(folders[1], db, "article:1", tmp_path / "paused")
    try:
        with pytest.raises(DatabaseLocked, match="another build is writing"):
            run(folders[1], db, jobs=1)
    finally:
        assert running.resume() == 0


def test_cli_refusal_is_one_line_and_exit_2(folders, db: Path, tmp_path: Path) -> None:
    running = PausedBuild(folders[1], db, "staging", tmp_path / "paused")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pipeline.cli", "build", str(folders[1]), "--db", str(db)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        assert running.resume() == 0
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"factdb: another build is writing {db}; wait for it to finish (lock: {db}.lock)"
    ]


def test_killed_build_does_not_leave_the_lock_stuck(folders, db: Path, tmp_path: Path) -> None:
    PausedBuild(folders[1], db, "article:2", tmp_path / "paused").kill()
    assert Path(f"{db}.lock").exists()  # the file stays; the kernel dropped the flock
    report = run(folders[1], db, jobs=1)
    assert report.files == 6


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc to find workers")
def test_killed_parallel_build_does_not_leave_the_lock_stuck(
    folders, db: Path, tmp_path: Path
) -> None:
    """A SIGKILLed build's pool workers end with it and hold no lock."""
    folder = folders[1]
    for i in range(12):
        (folder / f"port_{i}.txt").write_text(f"Port {i} said it moved {i + 2} million tonnes.\n")
    shutil.copyfile(folder / "port_0.txt", folder / "port_0 copy.txt")  # stops at its rejection
    running = PausedBuild(folder, db, "article:1", tmp_path / "paused", jobs=2)
    workers = running.children()
    running.kill()
    try:
        assert workers
        assert run(folder, db, jobs=1).files == 19
        assert _all_gone(workers, seconds=10)
    finally:
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def _all_gone(pids: list[int], seconds: float) -> bool:
    """True once no pid is alive (a zombie awaiting its reaper counts as gone)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                alive.append(pid)
        if not alive:
            return True
        time.sleep(0.1)
    return False


def test_refused_build_leaves_both_databases_alone(folders, db: Path, tmp_path: Path) -> None:
    before = claim_rows(db)
    running = PausedBuild(folders[1], db, "runs", tmp_path / "paused")
    result = CliRunner().invoke(app, ["build", str(folders[0]), "--db", str(db), "-q"])
    assert result.exit_code == 2 and "another build" in result.output
    assert claim_rows(db) == before
    assert running.resume() == 0
    assert claim_rows(db) != before


@pytest.mark.parametrize("point", ["staging", "article:2", "entities", "checkpointed", "replace"])
def test_readers_see_the_old_database_during_a_build(
    folders, db: Path, tmp_path: Path, point: str
) -> None:
    before = claim_rows(db)
    report_before = pipeline.report("claims_by_speaker", db).rows()
    running = PausedBuild(folders[1], db, point, tmp_path / "paused")
    try:
        assert claim_rows(db) == before
        assert pipeline.report("claims_by_speaker", db).rows() == report_before
        result = CliRunner().invoke(app, ["claims", "--db", str(db), "--format", "json"])
        assert result.exit_code == 0
        assert CliRunner().invoke(app, ["check", "--db", str(db)]).exit_code == 0
    finally:
        assert running.resume() == 0
    assert claim_rows(db) != before


def test_open_connection_keeps_a_whole_view_across_the_swap(
    folders, db: Path, tmp_path: Path
) -> None:
    """A notebook's open connection reads the old file to the end, never half of each."""
    before = claim_rows(db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        old = con.execute("select count(*), sum(value) from claims").fetchall()
        running = PausedBuild(folders[1], db, "replace", tmp_path / "paused")
        assert running.resume() == 0  # the new file is now in place
        assert con.execute("select count(*), sum(value) from claims").fetchall() == old
    finally:
        con.close()
    assert claim_rows(db) != before


def test_readers_during_a_whole_build_see_old_or_new(folders, db: Path, tmp_path: Path) -> None:
    """Readers query in a loop while a build runs unpaused: each answer is one database."""
    old = claim_rows(db)
    seen: list[list[tuple]] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            seen.append(claim_rows(db))

    running = PausedBuild(folders[1], db, "staging", tmp_path / "paused")
    reader = threading.Thread(target=read)
    reader.start()
    try:
        assert running.resume() == 0
    finally:
        stop.set()
        reader.join()
    new = claim_rows(db)
    assert new != old
    assert seen and all(rows in (old, new) for rows in seen)


def test_unwritable_lock_folder_is_not_reported_as_another_build(tmp_path, monkeypatch) -> None:
    # filelock answers a folder where it cannot create the lock file (/proc, some network
    # mounts) with a timeout, as if another process held the lock
    from filelock import Timeout

    import pipeline.load as load

    class Unwritable:
        def __init__(self, path: str, timeout: float) -> None:
            self.path = path

        def acquire(self) -> None:
            raise Timeout(self.path)

    monkeypatch.setattr(load, "FileLock", Unwritable)
    with (
        pytest.raises(DatabaseError, match="check the folder is writable"),
        load.build_lock(tmp_path / "facts.duckdb"),
    ):
        pass
