"""`check` finds what is wrong with a database, and says nothing about a good one."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app

FIRST = "(select min(claim_id) from claims)"
# damage -> SQL that does it, text one of the problems must hold
DAMAGE = {
    "surface_changed": (f"update claims set surface = 'xyz' where claim_id = {FIRST}", "is not at"),
    "offsets_shifted": (
        f'update claims set start = start + 1, "end" = "end" + 1 where claim_id = {FIRST}',
        "is not at",
    ),
    "offset_past_text": (
        f'update claims set "end" = 100000000 where claim_id = {FIRST}',
        "is not at",
    ),
    "sentence_moved": (
        f"update claims set sentence_start = sentence_start + 2 where claim_id = {FIRST}",
        "its sentence is not at offset",
    ),
    "article_missing": (
        "delete from articles where article_id = (select min(article_id) from claims)",
        "is not in articles",
    ),
    "claim_lost": (f"delete from claims where claim_id = {FIRST}", "recorded"),
    "claim_twice": ("insert into claims select * from claims limit 1", "appears 2 times"),
    "run_counts_wrong": ("update runs set claims = claims + 1", "recorded"),
    "run_not_complete": ("update runs set status = 'running'", "status"),
    "run_unknown": (f"update claims set run_id = 'ghost' where claim_id = {FIRST}", "not in runs"),
    "runs_empty": ("delete from runs", "runs is empty"),
    "file_unaccounted": ("update runs set files = files + 1, processed = processed + 1", "files"),
    "column_dropped": ("alter table claims drop column cue", "table claims has columns"),
    "table_dropped": ("drop table entities", "table entities is missing"),
}


@pytest.fixture
def damaged(seeded_db: Path, tmp_path: Path):
    def damage(sql: str) -> Path:
        db = tmp_path / "damaged.duckdb"
        shutil.copyfile(seeded_db, db)
        with duckdb.connect(str(db)) as con:
            con.execute(sql)
        return db

    return damage


def test_seeded_database_passes(seeded_db: Path) -> None:
    assert check(seeded_db) == []


def test_seeded_database_has_claims_to_check(seeded_db: Path) -> None:
    with duckdb.connect(str(seeded_db), read_only=True) as con:
        assert con.execute("select count(*) from claims").fetchall()[0][0] > 0


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_is_found(damaged, kind: str) -> None:
    sql, problem = DAMAGE[kind]
    problems = check(damaged(sql))
    assert any(problem in p for p in problems), problems


def test_many_problems_of_a_kind_are_summed_up(damaged) -> None:
    problems = check(damaged("update claims set surface = 'xyz'"))
    assert len(problems) <= 6
    if len(problems) == 6:
        assert problems[-1].startswith("... and ")


def test_cli_check_passes_a_good_database(seeded_db: Path) -> None:
    result = CliRunner().invoke(app, ["check", "--db", str(seeded_db)])
    assert result.exit_code == 0
    assert result.output.strip().endswith(": ok")


def test_cli_check_lists_problems_and_exits_1(damaged) -> None:
    db = damaged("update runs set claims = claims + 1")
    result = CliRunner().invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 1
    assert "problem: run " in result.output
    assert "failed its check (1 problem)" in result.output


@pytest.mark.parametrize("content", [None, b"not a database"], ids=["missing", "garbage"])
def test_cli_check_of_no_database_is_one_line(tmp_path: Path, content: bytes | None) -> None:
    db = tmp_path / "x.duckdb"
    if content is not None:
        db.write_bytes(content)
    result = CliRunner().invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
