"""Canned reports and the notebook API on the seeded database."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.errors import BadParameter, DatabaseError, UnknownReport
from pipeline.query import claims, entities
from pipeline.report import queries_dir, report, reports

REPORTS = sorted(p.stem for p in queries_dir().glob("*.sql"))
REQUIRED_PARAMS = {"speaker_aliases": {"speaker": "Putin"}}


@pytest.mark.parametrize("name", REPORTS)
def test_report_has_title_and_description(name: str) -> None:
    info = reports()[name]
    assert info.title and info.title != name
    assert info.description


@pytest.mark.parametrize("name", REPORTS)
def test_report_runs_on_seeded_database(seeded_db: Path, name: str) -> None:
    frame = report(name, seeded_db, **REQUIRED_PARAMS.get(name, {}))
    assert isinstance(frame, pl.DataFrame)
    assert frame.width > 0


def test_unknown_report_names_the_known_ones(seeded_db: Path) -> None:
    with pytest.raises(UnknownReport, match="claims_by_speaker"):
        report("no_such_report", seeded_db)


def test_unknown_parameter_is_refused(seeded_db: Path) -> None:
    with pytest.raises(BadParameter, match="takes"):
        report("largest_amounts", seeded_db, nonsense="1")


def test_required_parameter_is_asked_for(seeded_db: Path) -> None:
    with pytest.raises(BadParameter, match="speaker"):
        report("speaker_aliases", seeded_db)


def test_claims_by_speaker_counts_every_claim(seeded_db: Path) -> None:
    total = report("claims_by_speaker", seeded_db)["claims"].sum()
    assert total == claims(seeded_db).height


def test_claims_min_max_filter_bounds_values(seeded_db: Path) -> None:
    frame = claims(seeded_db, min_value=1e6, max_value=1e12)
    assert frame.filter((pl.col("value") < 1e6) | (pl.col("value") > 1e12)).is_empty()


def test_claims_unit_filter_is_case_insensitive(seeded_db: Path) -> None:
    upper = claims(seeded_db, unit="TONNE")
    assert upper.height == claims(seeded_db, unit="tonne").height
    assert set(upper["unit"].to_list()) <= {"tonne"}


def test_claims_lang_filter(seeded_db: Path) -> None:
    assert set(claims(seeded_db, lang="vi")["lang"].to_list()) <= {"vi"}


def test_every_claim_speaker_is_a_listed_entity(seeded_db: Path) -> None:
    names = set(entities(seeded_db)["name"].to_list())
    assert set(claims(seeded_db)["speaker"].drop_nulls().to_list()) <= names


def test_missing_database_is_a_named_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="build it first"):
        claims(tmp_path / "missing.duckdb")


def test_non_database_file_is_a_named_error(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("not a database")
    with pytest.raises(DatabaseError, match="is not a DuckDB file"):
        claims(bogus)
