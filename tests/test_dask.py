"""The Dask engine builds the same database as the local engine."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from _tables import TABLES, rows

from pipeline import dask_engine
from pipeline.build import run
from pipeline.dask_engine import EngineError

build_module = importlib.import_module("pipeline.build")  # `pipeline.build` is the function


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A two-worker cluster in this process, reached by its address like a remote one."""
    distributed = pytest.importorskip("distributed", reason="the Dask engine needs distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def builds(
    seeds_dir: Path, scheduler: str, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dask")
    dbs = {"local": folder / "local.duckdb", "dask": folder / "dask.duckdb"}
    run(seeds_dir, dbs["local"], jobs=1)
    run(seeds_dir, dbs["dask"], engine="dask", scheduler=scheduler)
    return dbs


@pytest.mark.parametrize("table", TABLES)
def test_dask_build_equals_local_build(builds: dict[str, Path], table: str) -> None:
    assert rows(builds["dask"], table) == rows(builds["local"], table)


def test_dask_build_rejects_like_a_local_build(
    seeds_copy: Path, scheduler: str, tmp_path: Path
) -> None:
    first = sorted(seeds_copy.glob("*.txt"))[0]
    shutil.copy(first, seeds_copy / "zz-copy.txt")
    (seeds_copy / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    local, dask = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    run(seeds_copy, local, jobs=1)
    report = run(seeds_copy, dask, engine="dask", scheduler=scheduler)
    assert report.rejected_files == ["image.txt", "zz-copy.txt"]
    assert [rows(dask, t) for t in TABLES] == [rows(local, t) for t in TABLES]


def test_dask_build_is_recorded_as_such(builds: dict[str, Path]) -> None:
    con = duckdb.connect(str(builds["dask"]), read_only=True)
    engines = con.execute("select engine from runs").fetchall()
    con.close()
    assert engines == [("dask",)]


def test_dask_build_leaves_no_partitions(builds: dict[str, Path]) -> None:
    assert not list(builds["dask"].parent.glob(".*.parts"))


def test_partitions_a_killed_build_left_are_removed(
    seeds_dir: Path, scheduler: str, tmp_path: Path
) -> None:
    stale = tmp_path / ".x.duckdb.20250101T000000-abcdef.parts"
    stale.mkdir()
    (stale / "claims-000000.parquet").write_bytes(b"half a file")
    run(seeds_dir, tmp_path / "x.duckdb", engine="dask", scheduler=scheduler)
    assert not stale.exists()


def test_worker_with_other_code_is_a_named_error(
    seeds_dir: Path, scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "EXTRACTOR_VERSION", "0.0.0+other")
    with pytest.raises(EngineError, match="runs other factdb code"):
        run(seeds_dir, tmp_path / "x.duckdb", engine="dask", scheduler=scheduler)


def test_missing_dask_is_a_named_error(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(EngineError, match=r"pip install 'factdb\[dask\]'"):
        run(seeds_dir, tmp_path / "x.duckdb", engine="dask")


def test_unreachable_scheduler_is_a_named_error(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed", reason="the Dask engine needs distributed")
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler"):
        run(seeds_dir, tmp_path / "x.duckdb", engine="dask", scheduler="tcp://127.0.0.1:9")
