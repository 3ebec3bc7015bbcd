"""Validation contracts: each `Claim` constraint turns a bad record into a rejection.

Every case takes one good claim candidate, breaks one thing, and runs a real build in
which the extractor yields it: the bad candidate must land in `rejections` with a reason
naming the constraint, and the good one in `claims`. The database's tables must match
the DDL derived from the models.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import duckdb
import pytest

import pipeline.extract
import pipeline.process
from pipeline.build import run
from pipeline.check import schema_problems
from pipeline.validate import validate
from schemas.records import Article, Claim, ClaimCandidate, Quantity, Rejection
from schemas.tables import TABLES, columns

TEXT = "The ministry said exports rose to 28.5 million tonnes in 2024 and 3 percent in May.\n"
SURFACE = "28.5 million tonnes"
START = TEXT.index(SURFACE)
GOOD = Quantity(
    value=28_500_000,
    unit="tonne",
    dimension="mass",
    surface=SURFACE,
    start=START,
    end=START + len(SURFACE),
)
OTHER = Quantity(
    value=3,
    unit="percent",
    dimension="ratio",
    surface="3 percent",
    start=TEXT.index("3 percent"),
    end=TEXT.index("3 percent") + 9,
)

# constraint -> (changes to the second candidate, text the rejection reason must hold)
CASES: dict[str, tuple[dict, str]] = {
    "infinite_value": ({"value": math.inf}, "value is not finite"),
    "negative_infinite_value": ({"value": -math.inf}, "value is not finite"),
    "nan_value": ({"value": math.nan}, "value is not finite"),
    "infinite_value_max": ({"bound": "range", "value_max": math.inf}, "value is not finite"),
    "offsets_beyond_text": ({"start": len(TEXT) + 2, "end": len(TEXT) + 11}, "beyond the text"),
    "negative_offset": ({"start": -1}, "bad offsets"),
    "empty_span": ({"end": OTHER.start}, "bad offsets"),
    "surface_not_at_offsets": ({"surface": "4 percent"}, "surface not found at its offsets"),
    "sentence_not_at_offset": ({"sentence_start": 3}, "sentence not found"),
    "date_before_1900": ({"claim_date": dt.date(1899, 12, 31)}, "outside 1900-01-01"),
    "date_after_2100": ({"claim_date": dt.date(2101, 1, 1)}, "outside 1900-01-01"),
    "published_before_1900": ({"published_date": dt.date(1066, 10, 14)}, "outside"),
    "unknown_unit": ({"unit": "furlong"}, "not a canonical unit"),
    "empty_unit": ({"unit": ""}, "not a canonical unit"),
    "range_without_value_max": ({"bound": "range", "value_max": None}, "range needs value_max"),
    "unknown_bound": ({"bound": "about"}, "bound"),
    "unknown_quote_kind": ({"quote_kind": "shouted"}, "quote_kind"),
    "unknown_date_precision": ({"claim_date_precision": "century"}, "claim_date_precision"),
}


@pytest.fixture
def breaking_extractor(monkeypatch: pytest.MonkeyPatch):
    """Make the extractor find GOOD and OTHER, then break OTHER's candidate with `changes`."""
    real_extract = pipeline.process.extract
    monkeypatch.setattr(pipeline.extract, "extract_quantities", lambda text, lang: [GOOD, OTHER])

    def use(changes: dict) -> None:
        def extract(doc, article, statements=None):
            candidates, statements = real_extract(doc, article, statements)
            broken = candidates[1].model_copy(update=changes)
            return [candidates[0], broken], statements

        monkeypatch.setattr(pipeline.process, "extract", extract)

    return use


def _article() -> Article:
    return Article(
        article_id="a1",
        article="a.txt",
        path="a.txt",
        content_hash="h",
        lang="en",
        headline=TEXT.strip(),
        text=TEXT,
    )


@pytest.mark.parametrize("case", list(CASES))
def test_constraint_rejects_bad_record_into_rejections(
    case: str, breaking_extractor, tmp_path: Path
) -> None:
    changes, reason = CASES[case]
    breaking_extractor(changes)
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT)
    db = tmp_path / "facts.duckdb"
    run(folder, db, jobs=1)
    with duckdb.connect(str(db), read_only=True) as con:
        claims = con.execute("select surface from claims").fetchall()
        rejections = con.execute("select stage, article, reason, text from rejections").fetchall()
    assert claims == [(SURFACE,)]
    assert len(rejections) == 1
    stage, article, why, text = rejections[0]
    assert (stage, article) == ("validate", "a.txt")
    assert reason in why
    assert text  # the offending surface and sentence are kept for the reader


@pytest.mark.parametrize("case", list(CASES))
def test_validate_names_the_broken_constraint(case: str) -> None:
    changes, reason = CASES[case]
    good = ClaimCandidate(
        claim_id="c1",
        article_id="a1",
        article="a.txt",
        lang="en",
        sentence=TEXT.strip(),
        sentence_start=0,
        **OTHER.model_dump(include={"value", "unit", "dimension", "surface", "start", "end"}),
        bound="eq",
    )
    assert isinstance(next(validate([good], _article())), Claim)
    result = next(validate([good.model_copy(update=changes)], _article()))
    assert isinstance(result, Rejection)
    assert reason in result.reason


def test_rejection_text_is_cut_to_500_characters() -> None:
    rejection = Rejection(stage="validate", article="a.txt", reason="r", text="x" * 2000)
    assert len(rejection.text) == 500


def test_ddl_matches_the_live_database(seeded_db: Path) -> None:
    with duckdb.connect(str(seeded_db), read_only=True) as con:
        assert schema_problems(con) == []
        for table in TABLES:
            live = [row[0] for row in con.execute(f"describe {table}").fetchall()]
            assert live == [name for name, *_ in columns(table)], table


def test_schema_drift_is_reported(tmp_path: Path, seeded_db: Path) -> None:
    db = tmp_path / "drift.duckdb"
    db.write_bytes(seeded_db.read_bytes())
    with duckdb.connect(str(db)) as con:
        con.execute("alter table claims drop column surface")
        con.execute("alter table runs add column note varchar")
    with duckdb.connect(str(db), read_only=True) as con:
        problems = schema_problems(con)
    assert [p.split(" has ")[0] for p in problems] == ["table claims", "table runs"]
