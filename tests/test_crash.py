"""Crash safety: a build killed with SIGKILL at any point leaves the previous database.

Each kill point is chosen by progress, not by time: the build runs in a child process
that stops at `<point>:<n>` (see `_paused_build`); the test then sends SIGKILL.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import duckdb
import pytest
from _paused_build import PausedBuild

from pipeline.build import run
from pipeline.check import check
from pipeline.load import build_lock
from schemas.tables import TABLES

TOWNS = ["Hamburg", "Munich", "Cologne", "Bremen", "Leipzig", "Dresden", "Kiel", "Mainz"]


def _article(town: str, n: int) -> str:
    return (
        f"{town}, 3 March. The mayor said on Monday that the new bridge would cost about "
        f"{n} million euros and carry {n * 1000:,} cars a day.\n"
        f'"We will build {n + 2} kilometres of tram lines," she said.\n'
    )


# (build over the first corpus, full rebuild?, point, n-th time the point is reached)
INCREMENTAL = [
    "staging",
    "carry-over",
    "carried",
    *(f"article:{n}" for n in range(1, 7)),
    "flush:1",
    "flush:3",
    "entities",
    "runs",
    "checkpointed",
    "replace",
]
FULL = [
    "carry-over",
    "article:1",
    "article:7",
    "article:16",
    "flush:2",
    "entities",
    "runs",
    "replace",
]
POINTS = [(False, p) for p in INCREMENTAL] + [(True, p) for p in FULL]


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[Path, Path]:
    """Two states of a folder: the second changes 2 articles, drops 1 and adds 4."""
    base = tmp_path_factory.mktemp("crash")
    first, second = base / "first", base / "second"
    shutil.copytree(seeds_dir, first)
    for i, town in enumerate(TOWNS):
        (first / f"town_{i}.txt").write_text(_article(town, 10 + i))
    shutil.copytree(first, second)
    (second / "town_0.txt").write_text(_article("Hamburg", 99))
    (second / "town_1.txt").write_text(_article("Munich", 98))
    (second / "town_2.txt").unlink()
    for i, town in enumerate(["Bonn", "Essen", "Trier", "Ulm"]):
        (second / f"new_{i}.txt").write_text(_article(town, 50 + i))
    return first, second


@pytest.fixture(scope="module")
def previous(corpora, tmp_path_factory) -> Path:
    """The database as it stands before the build that gets killed."""
    db = tmp_path_factory.mktemp("previous") / "facts.duckdb"
    run(corpora[0], db, jobs=1)
    return db


@pytest.fixture(scope="module")
def expected(corpora, tmp_path_factory) -> dict[str, list[tuple]]:
    """What a completed build of the second folder holds."""
    db = tmp_path_factory.mktemp("expected") / "facts.duckdb"
    run(corpora[1], db, jobs=1, full=True)
    return dump(db)


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every table but `runs`, without run ids (carried rows keep theirs)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: con.execute(f"select * exclude (run_id) from {table} order by all").fetchall()
            for table in TABLES
            if table != "runs"
        }


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def kill_at(folder: Path, db: Path, full: bool, point: str, marker: Path) -> None:
    PausedBuild(folder, db, point, marker, full).kill()


@pytest.fixture
def live(previous: Path, tmp_path: Path) -> Path:
    db = tmp_path / "facts.duckdb"
    shutil.copyfile(previous, db)
    return db


@pytest.mark.parametrize(
    "full,point", POINTS, ids=[f"{'full' if f else 'incremental'}-{p}" for f, p in POINTS]
)
def test_killed_build_leaves_previous_database(
    corpora, previous: Path, live: Path, tmp_path: Path, full: bool, point: str
) -> None:
    before = digest(live)
    kill_at(corpora[1], live, full, point, tmp_path / "paused")
    assert digest(live) == before  # byte for byte the previous file
    assert check(live) == []
    assert dump(live) == dump(previous)
    with build_lock(live):  # the dead build's lock was released by the kernel
        pass


def test_kill_after_replace_leaves_new_database(
    corpora, live: Path, tmp_path: Path, expected
) -> None:
    kill_at(corpora[1], live, False, "replaced", tmp_path / "paused")
    assert check(live) == []
    assert dump(live) == expected


def test_at_least_20_kill_points() -> None:
    assert len(POINTS) >= 20


def test_build_after_kills_gives_exactly_the_new_database(
    corpora, live: Path, tmp_path: Path, expected
) -> None:
    for point in ("article:3", "checkpointed", "replace"):
        kill_at(corpora[1], live, False, point, tmp_path / "paused")
    assert list(tmp_path.glob(".facts.duckdb.*.building*"))  # the kills left staging files
    report = run(corpora[1], live, jobs=1)
    assert check(live) == []
    assert dump(live) == expected
    assert report.carried_over == 10 and report.processed == 6
    assert not list(tmp_path.glob(".facts.duckdb.*.building*"))
    with duckdb.connect(str(live), read_only=True) as con:
        runs = con.execute("select run_id, status from runs order by started").fetchall()
    assert [status for _, status in runs] == ["complete", "complete"]
    assert runs[-1][0] == report.run_id
