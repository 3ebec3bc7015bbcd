"""Incremental builds: only new or changed articles are processed again."""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb
import pytest
from _tables import TABLES, rows

from pipeline.build import run

build_module = importlib.import_module("pipeline.build")  # `pipeline.build` is the function


def paths_in(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [p for (p,) in con.execute("select path from articles order by path").fetchall()]
    finally:
        con.close()


def rows_by_path(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("select path, run_id from articles").fetchall())
    finally:
        con.close()


@pytest.fixture
def built(seeds_copy: Path, tmp_path: Path) -> tuple[Path, Path]:
    db = tmp_path / "facts.duckdb"
    run(seeds_copy, db, jobs=1)
    return seeds_copy, db


def test_unchanged_corpus_processes_nothing(built: tuple[Path, Path]) -> None:
    folder, db = built
    report = run(folder, db, jobs=1)
    assert (report.processed, report.carried_over) == (0, 5)


@pytest.mark.parametrize("table", TABLES)
def test_unchanged_rebuild_keeps_every_row(built: tuple[Path, Path], table: str) -> None:
    folder, db = built
    before = rows(db, table)
    run(folder, db, jobs=1)
    assert rows(db, table) == before


def test_carried_rows_keep_the_run_that_extracted_them(built: tuple[Path, Path]) -> None:
    folder, db = built
    first = rows_by_path(db)
    (folder / "new.txt").write_text("Berlin said on Monday it would spend 5 billion euros.\n")
    second = run(folder, db, jobs=1).run_id
    assert rows_by_path(db) == first | {"new.txt": second}


def test_adding_one_article_processes_exactly_one(built: tuple[Path, Path]) -> None:
    folder, db = built
    (folder / "new.txt").write_text("Berlin said on Monday it would spend 5 billion euros.\n")
    report = run(folder, db, jobs=2)
    assert (report.processed, report.carried_over, report.articles) == (1, 5, 6)


def test_changed_article_is_processed_again(built: tuple[Path, Path]) -> None:
    folder, db = built
    path = sorted(folder.glob("*.txt"))[2]
    path.write_text(path.read_text() + "\nHe said it would cost 7 billion dollars.\n")
    report = run(folder, db, jobs=1)
    assert (report.processed, report.carried_over) == (1, 4)


def test_changed_article_replaces_its_old_rows(built: tuple[Path, Path]) -> None:
    folder, db = built
    path = sorted(folder.glob("*.txt"))[2]
    path.write_text(path.read_text() + "\nHe said it would cost 7 billion dollars.\n")
    run(folder, db, jobs=1)
    con = duckdb.connect(str(db), read_only=True)
    count = con.execute("select count(*) from articles where path = ?", [path.name]).fetchall()
    con.close()
    assert count == [(1,)]


def test_deleted_article_disappears_from_every_table(built: tuple[Path, Path]) -> None:
    folder, db = built
    path = sorted(folder.glob("*.txt"))[3]
    con = duckdb.connect(str(db), read_only=True)
    (article_id,) = con.execute(
        "select article_id from articles where path = ?", [path.name]
    ).fetchall()[0]
    con.close()
    path.unlink()
    run(folder, db, jobs=1)
    con = duckdb.connect(str(db), read_only=True)
    left = [
        con.execute(f"select count(*) from {t} where article_id = ?", [article_id]).fetchall()[0][0]
        for t in ("articles", "claims", "statements", "rejections")
    ]
    con.close()
    assert left == [0, 0, 0, 0]
    assert path.name not in paths_in(db)


def test_full_processes_everything(built: tuple[Path, Path]) -> None:
    folder, db = built
    report = run(folder, db, jobs=1, full=True)
    assert (report.processed, report.carried_over) == (5, 0)


def test_new_extractor_version_processes_everything(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, db = built
    monkeypatch.setattr(build_module, "EXTRACTOR_VERSION", "test-next")
    report = run(folder, db, jobs=1)
    assert report.processed == 5
