"""Parallel builds: `--jobs 2` writes exactly what `--jobs 1` writes."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import shutil
import time
from pathlib import Path

import duckdb
import pytest
from _tables import TABLES, rows

from benchmarks import corpus
from pipeline.build import WorkerDied, process_all, run
from pipeline.process import process_batch, process_file
from pipeline.segment import get_nlp

build_module = importlib.import_module("pipeline.build")  # `pipeline.build` is the function


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty generated articles, one exact duplicate and one unreadable file."""
    folder = tmp_path_factory.mktemp("parallel") / "articles"
    corpus.generate(folder, 40)
    shutil.copy(folder / "000003.txt", folder / "000003-copy.txt")
    (folder / "000010-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


@pytest.fixture(scope="module")
def builds(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = tmp_path_factory.mktemp("dbs")
    dbs = {}
    for jobs in (1, 2):
        dbs[jobs] = out / f"jobs{jobs}.duckdb"
        run(articles, dbs[jobs], jobs=jobs)
    return dbs


@pytest.mark.parametrize("table", TABLES)
def test_jobs_2_writes_the_same_rows(builds: dict[int, Path], table: str) -> None:
    assert rows(builds[2], table) == rows(builds[1], table)


def test_parallel_build_has_claims_and_rejections(builds: dict[int, Path]) -> None:
    con = duckdb.connect(str(builds[2]), read_only=True)
    reasons = [r for (r,) in con.execute("select reason from rejections").fetchall()]
    con.close()
    assert len(rows(builds[2], "claims")) > 40
    assert any(reason.startswith("duplicate of 000003") for reason in reasons)


def test_outcomes_come_back_in_file_order(articles: Path) -> None:
    paths = sorted(articles.glob("*.txt"))
    outcomes = list(process_all(paths, articles, jobs=2))
    names = [o.article if hasattr(o, "reason") else o.article.path for o in outcomes]
    assert names == [p.name for p in paths]


def test_batch_equals_one_article_at_a_time(articles: Path) -> None:
    paths = sorted(articles.glob("*.txt"))[:12]
    assert process_batch(paths, articles) == [process_file(p, articles) for p in paths]


def test_a_batch_that_fails_to_segment_pins_the_failure_on_its_article(
    articles: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stream dies at one article: the ones before keep their claims, the one that
    failed becomes a rejection of stage segment, the ones after are processed singly."""
    paths = sorted(articles.glob("*.txt"))[:12]
    expected = [process_file(p, articles) for p in paths]
    english = [o for o in expected if not hasattr(o, "reason") and o.article.lang == "en"]
    assert len(english) >= 3
    bad = english[1].article.text
    process_module = importlib.import_module("pipeline.process")
    real_segment, real_many = process_module.segment, process_module.segment_many

    def segment(text: str, lang: str):
        if text == bad:
            raise RuntimeError("tokenizer broke")
        return real_segment(text, lang)

    def segment_many(items, lang: str, batch_size: int = 64):
        for doc, context in real_many(items, lang, batch_size):
            if doc.text == bad:
                raise RuntimeError("tokenizer broke")
            yield doc, context

    monkeypatch.setattr(process_module, "segment", segment)
    monkeypatch.setattr(process_module, "segment_many", segment_many)
    got = process_batch(paths, articles)
    failed = [i for i, o in enumerate(expected) if o is english[1]]
    for i, (outcome, want) in enumerate(zip(got, expected, strict=True)):
        if i in failed:
            assert outcome.claims == [] and outcome.rejections[0].stage == "segment"
            assert "tokenizer broke" in outcome.rejections[0].reason
        else:
            assert outcome == want


_write_partition = build_module._write_partition


def _record_pid(item: tuple, *args: object) -> object:
    pids = args[1].parent / "pids"  # args: folder, parts, extractor_version
    pids.mkdir(exist_ok=True)
    (pids / f"{os.getpid()}-{item[0]}").touch()
    return _write_partition(item, *args)


def test_jobs_counts_the_builds_own_process(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--jobs 3 is this process and two workers, each with a share of the batches: this
    process runs the first before the workers start, then what they have not started."""
    monkeypatch.setattr(build_module, "_size", lambda paths, jobs: 3)
    monkeypatch.setattr(build_module, "_write_partition", _record_pid)
    monkeypatch.setattr(build_module, "_cores", lambda: 3)  # --jobs is capped at the cores
    run(articles, tmp_path / "x.duckdb", jobs=3)
    ran = [name.split("-") for name in os.listdir(tmp_path / "pids")]
    pids = {int(pid) for pid, _ in ran}
    assert os.getpid() in pids and 2 <= len(pids) <= 3  # how the pool shares is its own
    assert len(ran) == 14  # 42 files in batches of 3, each run once
    assert sorted(int(batch) for _, batch in ran) == list(range(14))
    own = sorted(int(batch) for pid, batch in ran if int(pid) == os.getpid())
    assert own[0] == 0 and len(own) < 14


_set_up: dict[str, int] = {}


def _set_up_once(item: int) -> tuple[int, int | None]:
    """(this process, the process that set up the state it sees); item 0 sets it up."""
    if item == 0:
        _set_up.setdefault("by", os.getpid())
    return os.getpid(), _set_up.get("by")


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="workers inherit only by fork"
)
def test_workers_inherit_what_the_first_item_set_up() -> None:
    """The first item runs in this process before the workers start: what it sets up
    (a language's pipeline and patterns, in a build) is theirs without building it."""
    _set_up.clear()
    try:
        results = list(build_module._in_pool(_set_up_once, range(8), 2))
    finally:
        _set_up.clear()
    workers = [(pid, by) for pid, by in results if pid != os.getpid()]
    assert workers, "no item ran in a worker"
    assert all(by == os.getpid() for _, by in workers)


def _slow_in_workers(item: int) -> tuple[int, int]:
    if multiprocessing.parent_process() is not None:
        time.sleep(0.3)  # a worker on a busy core
    return item, os.getpid()


def test_this_process_takes_the_items_a_slow_worker_has_not_started() -> None:
    """No fixed share: while it waits for the worker, this process runs the items the
    worker has not started, so a slow worker holds nothing back; results stay in order."""
    results = list(build_module._in_pool(_slow_in_workers, range(16), 2))
    assert [item for item, _ in results] == list(range(16))
    own = [item for item, pid in results if pid == os.getpid()]
    assert len(own) >= 11  # a fixed share was 0 and every second item: 8


def _die(*args: object) -> object:
    if multiprocessing.parent_process() is None:  # the build's own process runs its share
        return _write_partition(*args)
    os._exit(1)  # as an out-of-memory kill would end a worker


def test_dead_worker_is_a_named_error(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build_module, "_write_partition", _die)
    with pytest.raises(WorkerDied, match="worker process died"):
        run(articles, tmp_path / "x.duckdb", jobs=2)
    assert not (tmp_path / "x.duckdb").exists()


def test_storage_failure_in_a_parallel_build_is_a_named_error(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.errors import DatabaseError
    from pipeline.partition import Assembly

    db = tmp_path / "p.duckdb"
    run(articles, db, jobs=1)
    before = rows(db, "claims")
    insert = Assembly.insert

    def lose_a_partition(self: Assembly) -> list[str]:
        next(self.parts.glob("claims-*.parquet")).write_bytes(b"not parquet")
        return insert(self)

    monkeypatch.setattr(Assembly, "insert", lose_a_partition)
    with pytest.raises(DatabaseError, match="left as it was"):
        run(articles, db, jobs=2, full=True)
    assert rows(db, "claims") == before


def test_a_batch_in_a_memory_zone_leaves_no_new_words_and_the_same_outcomes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past its warm-up a language's batches run in a spaCy memory zone: the words they
    bring are evicted from the Vocab at its end, and what comes out is what comes out of
    one article processed outside any zone."""
    process_module = importlib.import_module("pipeline.process")
    monkeypatch.setattr(process_module, "WARM_ARTICLES", 0)
    monkeypatch.setattr(process_module, "_unzoned", {})
    folder = tmp_path / "articles"
    folder.mkdir()
    path = folder / "zone.txt"
    path.write_text(
        "Harbour budget\n\nThe mayor of Velqarine, Talvendra Okonquist, said on Tuesday "
        'that the city would spend 4.7 million dollars on 312 new buses. "The Quellbridge '
        'line needs 58 more drivers," Okonquist said.\n',
        encoding="utf-8",
    )
    strings = get_nlp("en").vocab.strings
    before = len(strings)
    (got,) = process_batch([path], folder)
    assert len(strings) == before and "Okonquist" not in strings
    assert got.claims and got == process_file(path, folder)
