"""Queries are parameterised: hostile strings are data, never SQL or wildcards.

The database holds speakers whose names look like attacks ("Robert'); DROP TABLE
claims; --", "50% Partners", "under_score Ltd"). Every filter of the notebook API and of
`factdb claims`, and every string parameter of the reports, must match the given text
literally (what Python's `in` says), and no query may change the data.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import pipeline
from pipeline.cli import app
from pipeline.load import DatabaseWriter
from schemas.records import Article, ArticleResult, Claim
from schemas.tables import TABLES

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = [
    "'",
    "''",
    '"',
    "'; drop table claims; --",
    "Robert'); DROP TABLE claims; --",
    "' or '1'='1",
    "%",
    "_",
    "%%",
    "_%",
    "\\",
    "\\%",
    "$speaker",
    "?",
    ".*",
    "[a-z]",
    "NULL",
    "\x00",
    "",
]
# (speaker as written, sentence with a quantity, its surface, value, unit, topics)
ROWS = [
    ("Seán O'Brien", "Seán O'Brien said exports rose to 5 million tonnes.", "5 million tonnes",
     5e6, "tonne", ["trade"]),
    ("Robert'); DROP TABLE claims; --", "Robert'); DROP TABLE claims; -- said it cost 7 billion "
     "dollars.", "7 billion dollars", 7e9, "USD", ["it's_%"]),
    ("50% Partners", "50% Partners said margins were 12 percent.", "12 percent", 12, "percent",
     ["50%"]),
    ("under_score Ltd", "under_score Ltd said it shipped 3 tonnes.", "3 tonnes", 3, "tonne", []),
    ("Vladimir Putin", "Vladimir Putin said about 2 million tonnes.", "2 million tonnes", 2e6,
     "tonne", ["aluminium"]),
    (None, "Output reached 9 percent.", "9 percent", 9, "percent", []),
]  # fmt: skip


def _result(i: int, speaker: str | None, sentence: str, surface: str, value, unit, topics):
    text = f"Headline {i}\n{sentence}\n"
    start = text.index(surface)
    name = ["it's.txt", "100%.txt", "a_b.txt", "plain.txt", "x;y.txt", "z.txt"][i]
    article = Article(
        article_id=f"a{i}",
        article=name,
        path=name,
        content_hash=f"h{i}",
        lang=["en", "de", "fr", "en", "ru", "nl"][i],
        headline=f"Headline {i}",
        text=text,
        published_date=dt.date(2025, 2, 26),
    )
    claim = Claim(
        claim_id=f"c{i}",
        article_id=article.article_id,
        article=name,
        lang=article.lang,
        value=value,
        unit=unit,
        dimension="x",
        surface=surface,
        bound="eq",
        topics=topics,
        speaker=speaker,
        speaker_surface=speaker,
        cue="said" if speaker else None,
        quote_kind="indirect" if speaker else "none",
        claim_date=dt.date(2025, 2, 26),
        claim_date_precision="day",
        sentence=sentence,
        sentence_start=text.index(sentence),
        start=start,
        end=start + len(surface),
    )
    return ArticleResult(article=article, claims=[claim])


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("params") / "facts.duckdb"
    writer = DatabaseWriter(path, "run-1", "test")
    for i, row in enumerate(ROWS):
        writer.add_result(_result(i, *row))
    now = dt.datetime(2025, 3, 1)
    files = len(ROWS)
    writer.finish(
        {"run_id": "run-1", "started": now, "ended": now, "status": "complete", "folder": "x"}
        | {"engine": "local", "jobs": 1, "full_build": True, "files": files}
        | {"articles": files, "processed": files, "carried_over": 0, "versions": "{}"}
    )
    return path


@pytest.fixture(scope="module")
def stored(db: Path) -> list[dict]:
    """The claims with their speaker's aliases, to compute what a filter must return."""
    with duckdb.connect(str(db), read_only=True) as con:
        cur = con.execute(
            "select c.*, coalesce(e.aliases, []) as aliases "
            "from claims c left join entities e on e.name = c.speaker order by c.claim_id"
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in TABLES}


def _has(text: str | None, needle: str) -> bool:
    return text is not None and needle.lower() in text.lower()


def expected(stored: list[dict], **given: str) -> list[str]:
    """claim_ids matching the filters literally, computed in Python."""
    tests = {
        "speaker": lambda c, v: (
            _has(c["speaker"], v)
            or _has(c["speaker_surface"], v)
            or any(_has(a, v) for a in c["aliases"])
        ),
        "unit": lambda c, v: c["unit"].lower() == v.lower(),
        "lang": lambda c, v: c["lang"] == v.lower(),
        "article": lambda c, v: v in c["article"],
        "topic": lambda c, v: v.lower() in c["topics"],
    }
    return [c["claim_id"] for c in stored if all(tests[k](c, v) for k, v in given.items())]


def ids(frame) -> list[str]:
    return sorted(frame["claim_id"].to_list())


def test_hostile_looking_speaker_is_stored_as_written(db: Path) -> None:
    frame = pipeline.claims(db, speaker="Robert'); DROP TABLE claims; --")
    assert frame["speaker_surface"].to_list() == ["Robert'); DROP TABLE claims; --"]


@pytest.mark.parametrize("needle", HOSTILE, ids=repr)
@pytest.mark.parametrize("field", ["speaker", "unit", "lang", "article", "topic"])
def test_api_filter_matches_literally(db: Path, stored, field: str, needle: str) -> None:
    assert ids(pipeline.claims(db, **{field: needle})) == expected(stored, **{field: needle})


@pytest.mark.parametrize("needle", ["%", "_", "'", "'; drop table claims; --", "nobody"])
def test_api_wildcards_and_quotes_find_only_themselves(db: Path, needle: str) -> None:
    speakers = set(pipeline.claims(db, speaker=needle)["speaker_surface"].to_list())
    assert speakers == {
        s for s, *_ in ROWS if s is not None and needle in s
    }  # '%' finds "50% Partners" alone, '_' "under_score Ltd" alone


@pytest.mark.parametrize("needle", [n for n in HOSTILE if "\x00" not in n], ids=repr)
def test_cli_claims_speaker_matches_literally(db: Path, stored, needle: str) -> None:
    result = CliRunner().invoke(
        app, ["claims", "--db", str(db), "--speaker", needle, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    found = sorted(row["claim_id"] for row in json.loads(result.output))
    assert found == expected(stored, speaker=needle)


@pytest.mark.parametrize("option", ["--unit", "--article", "--topic"])
def test_cli_claims_other_filters_give_empty_results(db: Path, option: str) -> None:
    needle = "'; drop table claims; --"
    result = CliRunner().invoke(app, ["claims", "--db", str(db), option, needle, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []


def test_cli_claims_lang_refuses_what_is_not_a_language(db: Path) -> None:
    # --lang is checked against the languages factdb reads before any SQL runs
    needle = "'; drop table claims; --"
    result = CliRunner().invoke(app, ["claims", "--db", str(db), "--lang", needle])
    assert result.exit_code == 2
    assert "unknown language" in result.output


@pytest.mark.parametrize("option", ["--min", "--max", "--limit"])
def test_cli_numeric_filter_refuses_text_without_traceback(db: Path, option: str) -> None:
    result = CliRunner().invoke(app, ["claims", "--db", str(db), option, "1; drop table claims"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("needle", HOSTILE, ids=repr)
def test_report_string_parameter_matches_literally(db: Path, stored, needle: str) -> None:
    frame = pipeline.report("speaker_aliases", db, speaker=needle)
    wanted = {
        c["speaker"]
        for c in stored
        if c["speaker"] in set(expected(stored, speaker=needle))
        or any(_has(a, needle) for a in c["aliases"])
        or _has(c["speaker"], needle)
    }
    assert set(frame["speaker"].to_list()) == wanted


@pytest.mark.parametrize("needle", ["'", "'; drop table claims; --", "%"])
def test_show_hostile_claim_id_is_one_line(db: Path, needle: str) -> None:
    result = CliRunner().invoke(app, ["show", needle, "--db", str(db)])
    assert result.exit_code == 2
    assert result.output.startswith("factdb: no claim")


@pytest.mark.parametrize(
    "report,param",
    [
        ("claims_by_speaker", "min_claims"),
        ("largest_amounts", "top"),
        ("claims_timeline", "since"),
    ],
)
def test_report_typed_parameter_given_text_is_one_line(db: Path, report: str, param: str) -> None:
    args = ["report", report, "--db", str(db), "--param", f"{param}=1; drop table claims"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2, result.exception
    assert len(result.output.strip().splitlines()) == 1


def test_cli_undecodable_speaker_is_one_line(db: Path) -> None:
    args = [b"claims", b"--speaker", b"\xff", b"--db", bytes(db)]
    proc = subprocess.run(
        [sys.executable.encode(), b"-m", b"pipeline.cli", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 2)
    assert b"Traceback" not in proc.stderr


def test_hostile_queries_change_no_data(db: Path) -> None:
    before = snapshot(db)
    runner = CliRunner()
    for needle in HOSTILE:
        for field in ("speaker", "unit", "lang", "article", "topic"):
            pipeline.claims(db, **{field: needle})
        pipeline.report("speaker_aliases", db, speaker=needle)
        if "\x00" not in needle:
            runner.invoke(app, ["claims", "--db", str(db), "--speaker", needle])
            runner.invoke(
                app, ["report", "speaker_aliases", "-p", f"speaker={needle}", "--db", str(db)]
            )
    assert snapshot(db) == before


def test_database_path_with_quotes_builds_and_rebuilds(seeds_copy: Path, tmp_path: Path) -> None:
    """The previous database is attached by path: a quote in it must not break the SQL."""
    from pipeline.build import run

    folder = tmp_path / "it's a 'folder'; drop"
    folder.mkdir()
    db = folder / "fa'cts.duckdb"
    first = run(seeds_copy, db, jobs=1)
    (seeds_copy / "extra.txt").write_text("Kiel, 2 May. The port said it moved 4 million tonnes.\n")
    second = run(seeds_copy, db, jobs=1)
    assert second.carried_over == first.articles and second.processed == 1
    assert pipeline.claims(db).height >= first.claims
