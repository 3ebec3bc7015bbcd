"""The CLI: every command through typer's CliRunner, errors as one line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def invoke(*args: str, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_build_prints_summary_and_report(seeds_copy: Path, tmp_path: Path) -> None:
    result = invoke("build", seeds_copy, "--db", tmp_path / "f.duckdb", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "built" in result.output and "5 articles" in result.output
    assert "speaker" in result.output


def test_report_without_name_lists_reports() -> None:
    result = invoke("report")
    assert result.exit_code == 0
    assert "largest_amounts" in result.output and "claims_by_speaker" in result.output


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_report_formats(seeded_db: Path, fmt: str) -> None:
    result = invoke("report", "quantities_by_unit", "--db", seeded_db, "--format", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert isinstance(json.loads(result.output), list)
    if fmt == "csv":
        assert result.output.splitlines()[0].startswith("dimension,unit,claims")


def test_report_param_is_bound(seeded_db: Path) -> None:
    result = invoke(
        "report", "largest_amounts", "--param", "top=1", "--db", seeded_db, "-f", "json"
    )
    assert result.exit_code == 0, result.output
    assert all(row["rank"] == 1 for row in json.loads(result.output))


def test_claims_json_lists_rows(seeded_db: Path) -> None:
    result = invoke("claims", "--db", seeded_db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output), list)


def test_show_unknown_claim_is_one_line(seeded_db: Path) -> None:
    result = invoke("show", "0000000000000000", "--db", seeded_db)
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "no claim" in result.output


@pytest.mark.parametrize(
    "args,message",
    [
        (("build", "/no/such/folder", "--db", "/tmp/x.duckdb"), "folder not found"),
        (("claims", "--db", "/no/such/file.duckdb"), "database not found"),
        (("report", "no_such_report"), "no report named"),
        (("report", "largest_amounts", "--param", "top"), "key=value"),
        (("quantities", "5 km", "--lang", "xx"), "unknown language"),
        (("quantities",), "--jsonl"),
    ],
    ids=["missing-folder", "missing-db", "unknown-report", "bad-param", "unknown-lang", "no-text"],
)
def test_user_mistake_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_quantities_jsonl_protocol() -> None:
    line = json.dumps({"id": 7, "text": "The deal is worth 350 billion dollars.", "lang": "en"})
    result = invoke("quantities", "--jsonl", input=line + "\n")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output.strip().splitlines()[0])
    assert answer["id"] == 7
    assert any(q["value"] == 350e9 and q["unit"] == "USD" for q in answer["quantities"])


def test_speakers_finds_one_entity_by_any_alias(seeded_db: Path) -> None:
    result = invoke("speakers", "Poetin", "--db", seeded_db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert [row["name"] for row in json.loads(result.output)] == ["Vladimir Putin"]


def test_negative_jobs_is_refused(seeds_copy: Path, tmp_path: Path) -> None:
    result = invoke("build", seeds_copy, "--db", tmp_path / "f.duckdb", "--jobs", "-3")
    assert result.exit_code == 2
    assert "--jobs" in result.output
    assert not (tmp_path / "f.duckdb").exists()
