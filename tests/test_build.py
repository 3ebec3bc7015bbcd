"""The whole build: determinism, run records, atomic replacement."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.build import run
from pipeline.errors import DatabaseError, FolderNotFound
from pipeline.load import DatabaseWriter


def _rows(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


CLAIM_COLUMNS = 'claim_id, article, value, unit, bound, surface, speaker, claim_date, start, "end"'


def test_building_twice_gives_identical_claims(seeds_dir: Path, tmp_path: Path) -> None:
    run(seeds_dir, tmp_path / "a.duckdb", jobs=1)
    run(seeds_dir, tmp_path / "b.duckdb", jobs=1, full=True)
    sql = f"select {CLAIM_COLUMNS} from claims order by claim_id"
    assert _rows(tmp_path / "a.duckdb", sql) == _rows(tmp_path / "b.duckdb", sql)


def test_every_seed_article_is_stored(seeded_db: Path, seeds_dir: Path) -> None:
    stored = {name for (name,) in _rows(seeded_db, "select article from articles")}
    assert stored == {p.name for p in seeds_dir.glob("*.txt")}


def test_run_is_recorded_with_counts(seeded_db: Path) -> None:
    ((status, articles, claims),) = _rows(seeded_db, "select status, articles, claims from runs")
    assert status == "complete"
    assert articles == 5
    assert claims == _rows(seeded_db, "select count(*) from claims")[0][0]


def test_every_row_carries_its_run_id(seeded_db: Path) -> None:
    run_ids = {r for (r,) in _rows(seeded_db, "select run_id from runs")}
    for table in ("articles", "claims", "statements", "rejections", "entities"):
        assert {r for (r,) in _rows(seeded_db, f"select distinct run_id from {table}")} <= run_ids


def test_rebuild_keeps_run_history(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    run(seeds_dir, db, jobs=1)
    run(seeds_dir, db, jobs=1, full=True)
    assert _rows(db, "select count(*) from runs")[0][0] == 2


def test_failed_build_leaves_previous_database_whole(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "f.duckdb"
    run(seeds_dir, db, jobs=1)
    before = _rows(db, f"select {CLAIM_COLUMNS} from claims order by claim_id")

    def explode(self: DatabaseWriter, run_row: dict) -> dict:
        raise RuntimeError("disk full")

    monkeypatch.setattr(DatabaseWriter, "finish", explode)
    with pytest.raises(RuntimeError):
        run(seeds_dir, db, jobs=1, full=True)
    assert _rows(db, f"select {CLAIM_COLUMNS} from claims order by claim_id") == before
    assert not list(tmp_path.glob(".f.duckdb.*"))


def test_missing_folder_is_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(FolderNotFound, match="folder not found"):
        run(tmp_path / "nope", tmp_path / "x.duckdb")


def test_database_in_missing_folder_is_a_named_error(seeds_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        run(seeds_dir, tmp_path / "no" / "x.duckdb")


@pytest.mark.parametrize(
    ("articles", "cores", "jobs"),
    [
        (0, 2, 1),
        (34, 2, 1),
        (99, 2, 1),
        (100, 2, 2),
        (10_000, 2, 2),
        (10_000, 1, 1),
        (299, 8, 2),
        (300, 8, 3),
        (600, 8, 4),
    ],
)
def test_default_jobs_start_workers_only_where_they_pay_off(
    articles: int, cores: int, jobs: int
) -> None:
    from pipeline.build import default_jobs

    assert default_jobs(articles, cores) == jobs


def test_a_small_folder_is_built_in_one_process_by_default(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    build_module = importlib.import_module("pipeline.build")
    monkeypatch.setattr(build_module, "_cores", lambda: 4)
    db = tmp_path / "a.duckdb"
    run(seeds_dir, db)
    assert _rows(db, "select jobs from runs") == [(1,)]
