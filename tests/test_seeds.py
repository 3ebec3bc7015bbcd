"""The seed articles end to end: the figures a reader of each article would note down."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from pipeline.query import claims

# (article prefix, value, unit, bound, speaker surname) as a reader states them
CARD = [
    ("004_", 658e6, "tonne", "eq", "Ministry of Natural Resources"),
    ("004_", 28.5e6, "tonne", "eq", "Ministry of Natural Resources"),
    ("002_", 2e6, "tonne", "approx", "Putin"),
    ("003_", 15e9, "USD", "approx", "Putin"),
    ("004_", 350e9, "USD", "approx", "Trump"),
]


def _find(db: Path, prefix: str, value: float, unit: str) -> pl.DataFrame:
    frame = claims(db, unit=unit)
    return frame.filter(
        pl.col("article").str.starts_with(prefix) & ((pl.col("value") - value).abs() < value * 1e-6)
    )


@pytest.mark.parametrize("prefix,value,unit,bound,speaker", CARD, ids=lambda v: str(v))
def test_card_quantity_is_extracted(
    seeded_db: Path, prefix: str, value: float, unit: str, bound: str, speaker: str
) -> None:
    assert not _find(seeded_db, prefix, value, unit).is_empty()


@pytest.mark.parametrize("prefix,value,unit,bound,speaker", CARD, ids=lambda v: str(v))
def test_card_quantity_bound(
    seeded_db: Path, prefix: str, value: float, unit: str, bound: str, speaker: str
) -> None:
    assert set(_find(seeded_db, prefix, value, unit)["bound"].to_list()) == {bound}


@pytest.mark.parametrize("prefix,value,unit,bound,speaker", CARD, ids=lambda v: str(v))
def test_card_quantity_speaker(
    seeded_db: Path, prefix: str, value: float, unit: str, bound: str, speaker: str
) -> None:
    speakers = _find(seeded_db, prefix, value, unit)["speaker"].to_list()
    assert speakers and all(s and speaker in s for s in speakers)


def test_putin_is_one_speaker_across_languages(seeded_db: Path) -> None:
    putin = claims(seeded_db, speaker="Putin")
    assert putin["speaker"].n_unique() == 1
    assert {"nl", "de"} <= set(putin["lang"].to_list())


def test_years_and_dates_are_not_claims(seeded_db: Path) -> None:
    values = claims(seeded_db)["value"].to_list()
    assert 2025.0 not in values and 2022.0 not in values


def test_claim_surface_is_at_its_offsets(seeded_db: Path) -> None:
    from pipeline.query import connect

    with connect(seeded_db) as con:
        bad = con.execute(
            "select count(*) from claims c join articles a using (article_id) "
            'where substr(a.text, c.start + 1, c."end" - c.start) <> c.surface'
        ).fetchall()[0][0]
    assert bad == 0
