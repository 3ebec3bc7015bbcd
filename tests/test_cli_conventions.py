"""CLI conventions a user expects: version, -h, one-line usage errors, stdin, languages by
code or name, warnings and reasons, counted truncation, JSON output, SQL and exports."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import duckdb
import polars as pl
import pytest
from typer.testing import CliRunner

from pipeline.cli import TABLE_ROWS, app

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def invoke(*args: object, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def _count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = invoke(flag)
    assert result.exit_code == 0
    assert result.stdout.strip() == f"factdb {version('factdb')}"


@pytest.mark.parametrize("command", COMMANDS)
def test_short_help_and_no_bool_metavar(command: str) -> None:
    result = invoke(command, "-h")
    assert result.exit_code == 0
    assert re.match(rf"Usage: \S+ {command} ", result.stdout)
    assert "<bool>" not in result.stdout


@pytest.mark.parametrize(
    "args,message",
    [
        (("claims", "--min", "abc"), "'--min'"),
        (("claims", "--format", "xml"), "'xml' is not one of"),
        (("claims", "--no-such-flag"), "No such option"),
        (("show",), "Missing argument"),
        (("no-such-command",), "No such command"),
        (("export", "claims"), "--output"),
        (("claims", "--lang", "english-ish"), "unknown language"),
        (("sql", "select 1", "--format", "parquet"), "give -o PATH"),
    ],
    ids=["min-abc", "format-xml", "unknown-option", "missing-arg", "unknown-command",
         "missing-option", "unknown-lang", "parquet-needs-file"],
)  # fmt: skip
def test_usage_error_is_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr and result.stderr.startswith("factdb: ")


def test_quantities_dash_reads_stdin() -> None:
    result = invoke(
        "quantities", "-", "--format", "json", input="The bridge cost 40 million dollars."
    )
    assert result.exit_code == 0, result.output
    assert [(q["value"], q["unit"]) for q in json.loads(result.stdout)] == [(40e6, "USD")]


def test_quantities_jsonl_reports_bad_lines_by_number() -> None:
    lines = [
        json.dumps({"id": "a", "text": "It weighs 7 kilograms.", "lang": "en"}),
        "this is not json",
        json.dumps(["a list", "not an object"]),
        json.dumps({"id": "b", "text": "Es kostet 3 Euro.", "lang": "de"}),
    ]
    result = invoke("quantities", "--jsonl", input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == ["a", "b"]
    errors = result.stderr.splitlines()
    assert errors[0].startswith("factdb: stdin line 2:")
    assert errors[1].startswith("factdb: stdin line 3:")
    assert errors[-1] == "factdb: 2 bad input lines"


@pytest.mark.parametrize("given", ["DE", "de", "German", " german "])
def test_lang_by_code_or_name_in_any_case(seeded_db: Path, given: str) -> None:
    result = invoke("claims", "--lang", given, "--db", seeded_db, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == _count(seeded_db, "select count(*) from claims where lang = 'de'") > 0


def test_quantities_lang_is_case_insensitive() -> None:
    result = invoke("quantities", "etwa 15 Milliarden Dollar", "--lang", "DE", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["value"] == 15e9


def test_build_of_an_empty_folder_warns(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("build", tmp_path / "empty", "--db", tmp_path / "e.duckdb", "--jobs", "1")
    assert result.exit_code == 0
    assert "warning: no .txt or .md files in" in result.stderr


def test_build_lists_rejected_files_with_reasons(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "blank.txt").write_bytes(b"")
    (seeds_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    db = tmp_path / "r.duckdb"
    result = invoke("build", seeds_copy, "--db", db, "--jobs", "1", "-q")
    assert result.exit_code == 0, result.output
    listed = [line for line in result.stdout.splitlines() if "rejected:" in line]
    assert [line.split()[1] for line in listed] == ["blank.txt", "image.txt"]
    assert all(re.search(r"\((ingest|\w+): .+\)$", line) for line in listed)


def test_build_lists_ten_rejections_unless_verbose(seeds_copy: Path, tmp_path: Path) -> None:
    for i in range(12):
        (seeds_copy / f"blank{i:02}.txt").write_bytes(b"")
    args = ("build", seeds_copy, "--db", tmp_path / "v.duckdb", "--jobs", "1", "-q")
    short = invoke(*args)
    assert short.stdout.count("rejected:") == 10
    assert "and 2 more (-v lists them all)" in short.stdout
    assert invoke(*args, "--full", "-v").stdout.count("rejected:") == 12


def test_truncated_table_says_how_many_rows_it_left_out(seeded_db: Path) -> None:
    result = invoke("sql", "select range as n from range(540)", "--db", seeded_db)
    assert result.exit_code == 0
    assert f"{TABLE_ROWS} of 540 rows shown" in result.stderr


def test_build_format_json(seeds_copy: Path, tmp_path: Path) -> None:
    result = invoke("build", seeds_copy, "--db", tmp_path / "j.duckdb", "--jobs", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["articles"] == 5 and summary["rejected"] == []
    assert summary["claims"] == _count(tmp_path / "j.duckdb", "select count(*) from claims")


def test_show_format_json(seeded_db: Path) -> None:
    with duckdb.connect(str(seeded_db), read_only=True) as con:
        claim_id, surface = con.execute("select claim_id, surface from claims limit 1").fetchone()
    result = invoke("show", claim_id, "--db", seeded_db, "--format", "json")
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["claim_id"] == claim_id and row["surface"] == surface


def test_check_format_json(seeded_db: Path) -> None:
    result = invoke("check", "--db", seeded_db, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"db": str(seeded_db), "ok": True, "problems": []}


def test_sql_runs_a_select(seeded_db: Path) -> None:
    result = invoke(
        "sql", "select lang, count(*) as n from claims group by lang order by lang",
        "--db", seeded_db, "--format", "csv",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    expected = _count(seeded_db, "select count(distinct lang) from claims")
    assert result.stdout.splitlines()[0] == "lang,n"
    assert len(result.stdout.splitlines()) == expected + 1


def test_sql_cannot_write(seeded_db: Path) -> None:
    result = invoke("sql", "delete from claims", "--db", seeded_db)
    assert result.exit_code == 2
    assert "read-only" in result.stderr
    assert _count(seeded_db, "select count(*) from claims") > 0


def test_sql_parquet_file(seeded_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.parquet"
    result = invoke("sql", "select * from claims", "--db", seeded_db, "-f", "parquet", "-o", out)
    assert result.exit_code == 0, result.output
    assert pl.read_parquet(out).height == _count(seeded_db, "select count(*) from claims")


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_table(seeded_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"claims.{fmt}"
    result = invoke("export", "claims", "--format", fmt, "-o", out, "--db", seeded_db)
    assert result.exit_code == 0, result.output
    read = {"parquet": pl.read_parquet, "csv": pl.read_csv, "jsonl": pl.read_ndjson}[fmt]
    frame = read(out)
    assert frame.height == _count(seeded_db, "select count(*) from claims")
    assert "claim_id" in frame.columns and "surface" in frame.columns


def test_export_unknown_table_names_the_tables(seeded_db: Path, tmp_path: Path) -> None:
    result = invoke("export", "claim", "-o", tmp_path / "x.csv", "--db", seeded_db)
    assert result.exit_code == 2
    assert "tables: articles, claims" in result.stderr


USER_REPORT = """-- title: Claims per language
-- description: How many claims each language has.
-- param: least (integer) - languages with at least this many claims (default: 1)
select lang, count(*) as n from claims group by lang having count(*) >= $least order by lang
"""


def test_report_from_queries_option(seeded_db: Path, tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "per_language.sql").write_text(
        USER_REPORT.replace("$least", "cast($least as integer)")
    )
    listing = invoke("report", "--queries", tmp_path / "mine")
    assert "per_language" in listing.stdout and "largest_amounts" in listing.stdout
    result = invoke(
        "report", "per_language", "--queries", tmp_path / "mine", "--db", seeded_db, "-f", "json"
    )
    assert result.exit_code == 0, result.output
    langs = _count(seeded_db, "select count(distinct lang) from claims")
    assert len(json.loads(result.stdout)) == langs


def test_report_from_working_directory_overrides_packaged(
    seeded_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "queries").mkdir()
    own = USER_REPORT.replace("Claims per language", "My largest amounts")
    (tmp_path / "queries" / "largest_amounts.sql").write_text(
        own.replace("$least", "cast($least as integer)")
    )
    monkeypatch.chdir(tmp_path)
    result = invoke("report", "largest_amounts", "--db", seeded_db, "-f", "json")
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)[0]) == {"lang", "n"}


def test_queries_option_must_be_a_folder(tmp_path: Path) -> None:
    result = invoke("report", "--queries", tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "not a folder" in result.stderr


def test_html_writes_the_site(seeded_db: Path, tmp_path: Path) -> None:
    result = invoke("html", tmp_path / "site", "--db", seeded_db)
    assert result.exit_code == 0, (result.output, result.exc_info)
    assert (tmp_path / "site" / "index.html").is_file()
    assert "speaker pages" in result.stdout
