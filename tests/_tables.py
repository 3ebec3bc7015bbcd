"""Compare databases table by table, ignoring which run wrote a row."""

from __future__ import annotations

from pathlib import Path

import duckdb

TABLES = ("articles", "claims", "statements", "rejections", "entities")


def rows(db: Path, table: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"select * exclude (run_id) from {table} order by all").fetchall()
    finally:
        con.close()
