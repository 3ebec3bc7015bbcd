"""Load: what a build replaces, what it carries over, and what it leaves behind."""

from __future__ import annotations

import shutil
import time
import typing
from pathlib import Path

import duckdb
import pytest
from pydantic import BaseModel
from typer.testing import CliRunner

from pipeline.build import run
from pipeline.check import check
from pipeline.cli import app
from pipeline.errors import DatabaseError
from pipeline.load import (
    WRITER_MEMORY,
    DatabaseWriter,
    fields,
    pause_point,
    remove_stale_staging,
)
from schemas.records import Article, Claim, Statement


def _one_article(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text("Kiel, 2 May. The port said it moved 4 million tonnes.\n")
    return folder


def test_build_refuses_to_replace_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    folder = _one_article(tmp_path / "articles")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes, not a database\n")
    with pytest.raises(DatabaseError, match="is not a DuckDB file; not replacing it: move it away"):
        run(folder, notes, jobs=1)
    assert notes.read_text() == "my notes, not a database\n"
    assert not list(tmp_path.glob(".notes.txt.*"))


def test_cli_refusal_to_replace_is_one_line(tmp_path: Path) -> None:
    folder = _one_article(tmp_path / "articles")
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n")
    result = CliRunner().invoke(app, ["build", str(folder), "--db", str(notes), "-q"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1


def test_build_refuses_to_replace_another_duckdb_database(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("create table sales (amount double)")
    with pytest.raises(DatabaseError, match="is not a factdb database: move it away"):
        run(_one_article(tmp_path / "articles"), other, jobs=1)
    with duckdb.connect(str(other), read_only=True) as con:
        assert con.execute("select count(*) from sales").fetchall() == [(0,)]


def test_build_replaces_an_empty_file(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    db.touch()
    run(_one_article(tmp_path / "articles"), db, jobs=1)
    assert check(db) == []


def test_build_refuses_a_folder_as_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        run(_one_article(tmp_path / "articles"), tmp_path, jobs=1)


def test_stale_staging_files_are_removed(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    for name in (".facts.duckdb.old.building", ".facts.duckdb.old.building.wal"):
        (tmp_path / name).write_bytes(b"left by a killed build")
    run(_one_article(tmp_path / "articles"), db, jobs=1)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_duplicate_rejection_is_made_once_per_build(tmp_path: Path) -> None:
    """A duplicate's rejection carries the original's article_id; it is not carried over."""
    folder = _one_article(tmp_path / "articles")
    shutil.copyfile(folder / "a.txt", folder / "b.txt")
    db = tmp_path / "facts.duckdb"
    for _ in range(3):
        run(folder, db, jobs=1)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select article, reason from rejections").fetchall()
    assert rows == [("b.txt", "duplicate of a.txt")]
    assert check(db) == []


def test_previous_database_of_another_schema_asks_for_full(
    tmp_path: Path, seeded_db: Path, seeds_dir: Path
) -> None:
    db = tmp_path / "facts.duckdb"
    shutil.copyfile(seeded_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("alter table claims add column legacy varchar")
    before = db.read_bytes()
    with pytest.raises(DatabaseError, match="rebuild with --full"):
        run(seeds_dir, db, jobs=1)
    assert db.read_bytes() == before
    report = run(seeds_dir, db, jobs=1, full=True)
    assert report.processed == report.files
    assert check(db) == []


def test_pause_point_is_inert_without_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FACTDB_TEST_PAUSE_AT", raising=False)
    started = time.monotonic()
    for _ in range(10_000):
        pause_point("article")
    assert time.monotonic() - started < 1


def test_storage_failure_is_a_named_error_and_keeps_the_database(
    tmp_path: Path, seeded_db: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "facts.duckdb"
    shutil.copyfile(seeded_db, db)
    before = db.read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pipeline.load.os.replace", disk_full)
    with pytest.raises(DatabaseError, match=r"No space left on device.*was left as it was"):
        run(seeds_dir, db, jobs=1, full=True)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".facts.duckdb.*"))


def test_writer_caps_duckdb_memory_and_removes_its_spill_folder(tmp_path: Path) -> None:
    # Without the cap DuckDB keeps every written block in memory, so the build's memory
    # grew with the corpus; past the cap it spills to `<staging>.tmp`, a folder.
    writer = DatabaseWriter(tmp_path / "facts.duckdb", "run1", "v1")
    limit = writer.con.execute("select current_setting('memory_limit')").fetchall()[0][0]
    assert (
        limit
        == duckdb.connect(config={"memory_limit": WRITER_MEMORY})
        .execute("select current_setting('memory_limit')")
        .fetchall()[0][0]
    )
    spill = writer.path.with_name(writer.path.name + ".tmp")
    spill.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled")
    writer.abort()
    assert not list(tmp_path.glob(".facts.duckdb.*"))


def test_stale_spill_folder_is_removed(tmp_path: Path) -> None:
    db = tmp_path / "facts.duckdb"
    spill = tmp_path / ".facts.duckdb.20250101T000000-abcdef.building.tmp"
    spill.mkdir()
    (spill / "duckdb_temp_storage-0.tmp").write_bytes(b"spilled")
    remove_stale_staging(db)
    assert not spill.exists()


def test_rows_are_the_field_values_of_flat_records():
    # `fields` copies a record's __dict__, which is its model_dump only while no field
    # holds a model (or a list or optional of one) and no field is computed
    for model in (Article, Claim, Statement):
        assert not model.model_computed_fields, model
        for name, info in model.model_fields.items():
            kinds = (info.annotation, *typing.get_args(info.annotation))
            assert not any(isinstance(k, type) and issubclass(k, BaseModel) for k in kinds), name
    said = Statement(speaker_surface="Ana Ruiz", cue="said", quote_kind="direct", start=3, end=9)
    assert fields(said) == said.model_dump()
    assert fields(said) is not said.__dict__  # a row of its own
