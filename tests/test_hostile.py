"""Hostile input at the edges (issue 14): what `--db` names, storage that fails, text
meant to drive a terminal, articles built to be expensive, signals, symlinks.

One test (or one parametrised group) per finding of the probe; each failed before the
fix. Slow ones run the real CLI in a child process, as a user would.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.build import run
from pipeline.check import check
from pipeline.cli import app
from pipeline.errors import DatabaseError, DatabaseLocked, NotFactdbDatabase

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Kiel, 2 May. The port authority said it moved 4 million tonnes of grain last year.\n"
runner = CliRunner()
CLI = [sys.executable, "-m", "pipeline.cli"]


def _folder(path: Path, *towns: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for town in towns or ("Kiel",):
        (path / f"{town.lower()}.txt").write_text(ARTICLE.replace("Kiel", town))
    return path


def _cli(*args: object, env: dict[str, str] | None = None, timeout: float = 180):
    """The CLI in its own process: a hang is a timeout, not a stuck test run."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline.cli", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        check=False,
    )


def _one_line(output: str) -> str:
    lines = output.strip().splitlines()
    assert len(lines) == 1, output
    assert "Traceback" not in output
    return lines[0]


# 1, 2: --db must be a regular file or absent, refused before anything opens it


def test_fifo_as_database_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "x.duckdb"
    os.mkfifo(fifo)
    proc = _cli("build", _folder(tmp_path / "a"), "--db", fifo, "-q", "--jobs", "1", timeout=120)
    assert proc.returncode == 2
    assert "FIFO" in _one_line(proc.stderr)
    assert fifo.is_fifo() and not (tmp_path / "x.duckdb.lock").exists()


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _char_device(path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, 0o666 | 0o020000, os.makedev(1, 3))  # S_IFCHR, as /dev/null


@pytest.mark.parametrize(
    ("make", "kind"), [(_socket, "socket"), (_char_device, "character device")]
)
def test_special_file_as_database_is_refused_and_kept(tmp_path: Path, make, kind: str) -> None:
    db = tmp_path / "special.duckdb"
    make(db)
    mode = db.lstat().st_mode
    with pytest.raises(DatabaseError, match=kind):
        run(_folder(tmp_path / "a"), db, jobs=1)
    assert db.lstat().st_mode == mode


# 3: a database is factdb's only when it says so


def test_another_programs_database_with_a_runs_table_is_not_replaced(tmp_path: Path) -> None:
    other = tmp_path / "scheduler.duckdb"
    with duckdb.connect(str(other)) as con:
        con.execute("create table runs (run_id varchar, started timestamp, job varchar)")
        con.execute("insert into runs values ('nightly', now(), 'backup')")
    before = other.read_bytes()
    with pytest.raises(NotFactdbDatabase, match="not a factdb database: move it away"):
        run(_folder(tmp_path / "a"), other, jobs=1)
    assert other.read_bytes() == before


def test_build_marks_its_database(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    run(_folder(tmp_path / "a"), db, jobs=1)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("select key, value from factdb_meta").fetchall())
    assert rows["application"] == "factdb" and rows["schema_version"]
    assert check(db) == []


def test_database_built_before_the_marker_is_still_replaced(tmp_path: Path) -> None:
    """A database of today's schema without factdb_meta was built by factdb before the
    marker existed: its tables are exactly factdb's, so it is factdb's."""
    db = tmp_path / "f.duckdb"
    folder = _folder(tmp_path / "a")
    run(folder, db, jobs=1)
    with duckdb.connect(str(db)) as con:
        con.execute("drop table factdb_meta")
    _folder(folder, "Lübeck")
    assert run(folder, db, jobs=1).articles == 2


def test_unmarked_database_with_an_extra_table_is_not_replaced(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    run(_folder(tmp_path / "a"), db, jobs=1)
    with duckdb.connect(str(db)) as con:
        con.execute("drop table factdb_meta")
        con.execute("create table invoices (amount double)")
    with pytest.raises(NotFactdbDatabase):
        run(tmp_path / "a", db, jobs=1)


# 4: a symlink as --db: the target is locked and replaced, the link stays a link


def test_symlinked_database_replaces_its_target(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "a")
    real = tmp_path / "store" / "facts.duckdb"
    real.parent.mkdir()
    run(folder, real, jobs=1)
    link = tmp_path / "link.duckdb"
    link.symlink_to(real)
    _folder(folder, "Lübeck")
    report = run(folder, link, jobs=1)
    assert link.is_symlink() and link.resolve() == real
    assert report.db == str(real)
    with duckdb.connect(str(real), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchall() == [(2,)]
    assert not (tmp_path / "link.duckdb.lock").exists()


# 5: a damaged database: every reader gives one line with the path


def _cuts(source: Path, to: Path) -> Iterator[Path]:
    """`source` cut ever less short, each cut that DuckDB still opens (its catalog is
    whole) while some of the tables are gone, as a full disk or a killed copy leaves it."""
    data = source.read_bytes()
    for twentieth in range(1, 20):
        to.write_bytes(data[: len(data) * twentieth // 20])
        try:
            duckdb.connect(str(to), read_only=True).close()
        except duckdb.Error:
            continue
        yield to


def _claim_id(db: Path) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select claim_id from claims limit 1").fetchall()[0][0]


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["claims"],
        ["claims", "--format", "csv"],
        ["speakers"],
        ["report", "largest_amounts"],
        ["report", "claims_by_speaker"],
        ["show", "CLAIM"],
    ],
    ids=lambda c: "-".join(c),
)
def test_readers_of_a_truncated_database_print_one_line(
    tmp_path: Path, seeded_db: Path, command: list[str]
) -> None:
    """Which tables a cut leaves readable depends on where DuckDB put them: the
    command is run on shorter cuts first, until one fails where it reads."""
    args = [_claim_id(seeded_db) if a == "CLAIM" else a for a in command]
    for db in _cuts(seeded_db, tmp_path / "cut.duckdb"):
        result = runner.invoke(app, [*args, "--db", str(db)])
        if result.exit_code != 0:
            break
    else:
        pytest.fail("the command read every cut of the database")
    assert result.exit_code == 2, result.output
    line = _one_line(result.output)
    assert str(db) in line and "damaged" in line


# 6: a database another process holds is "locked", not "not a DuckDB database"


HOLD = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('open', flush=True); input()"


@pytest.fixture
def held_db(tmp_path: Path, seeded_db: Path):
    db = tmp_path / "held.duckdb"
    shutil.copyfile(seeded_db, db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
            "print('open', flush=True); sys.stdin.read()",
            str(db),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "open"
    yield db
    holder.stdin.close()
    holder.wait(timeout=30)


def test_build_over_a_database_another_process_holds_says_locked(
    held_db: Path, seeds_dir: Path
) -> None:
    before = held_db.read_bytes()
    with pytest.raises(DatabaseLocked, match=r"is locked by process \d+"):
        run(seeds_dir, held_db, jobs=1)
    assert held_db.read_bytes() == before


def test_reader_of_a_database_another_process_holds_says_locked(held_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--db", str(held_db)])
    assert result.exit_code == 2
    assert "is locked by process" in _one_line(result.output)


def test_file_that_is_not_duckdb_is_named_so(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("shopping list\n" * 100)
    result = runner.invoke(app, ["claims", "--db", str(db)])
    assert result.exit_code == 2
    assert "is not a DuckDB file" in _one_line(result.output)


# 7: a full disk in a worker of a parallel build


def test_disk_full_in_a_worker_is_one_error_and_keeps_the_database(
    tmp_path: Path, seeded_db: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "facts.duckdb"
    shutil.copyfile(seeded_db, db)
    before = db.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # Workers are forked from this process, so they write partitions through this too.
    monkeypatch.setattr("pipeline.partition.pq.write_table", disk_full)
    with pytest.raises(DatabaseError, match=r"No space left on device.*left as it was"):
        run(seeds_dir, db, jobs=2, full=True)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".facts.duckdb.*"))


# 8: --limit below zero


def test_negative_limit_is_one_line(seeded_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--limit", "-1", "--db", str(seeded_db)])
    assert result.exit_code == 2
    assert "--limit" in _one_line(result.output)


# 9: paths that are not UTF-8


def test_database_path_that_is_not_utf8_is_refused_before_any_work(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "a")
    db = Path(os.fsdecode(bytes(tmp_path) + b"/\xff.duckdb"))
    result = runner.invoke(app, ["build", str(folder), "--db", str(db), "-q", "--jobs", "1"])
    assert result.exit_code == 2
    assert "UTF-8" in _one_line(result.output)
    assert list(tmp_path.iterdir()) == [folder]


def test_folder_whose_name_is_not_utf8_builds(tmp_path: Path) -> None:
    folder = _folder(Path(os.fsdecode(bytes(tmp_path) + b"/art\xe9s")))
    db = tmp_path / "f.duckdb"
    report = run(folder, db, jobs=1)
    assert report.articles == 1 and report.claims >= 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select folder from runs").fetchall()[0][0].endswith("art\\xe9s")
    assert check(db) == []


# 10: control and bidi characters reach the terminal escaped; the data is unchanged

NASTY_NAME = "esc\x1b]0;pwned\x07\x1b[2J.txt"
RTL_NAME = "gdp\u202etxt.exe.txt"


@pytest.fixture(scope="module")
def nasty_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A folder with a file named to set the terminal's title and clear the screen (and
    too short to be an article), and an article whose name reverses the line."""
    folder = tmp_path_factory.mktemp("nasty") / "a"
    folder.mkdir()
    (folder / NASTY_NAME).write_text("x")
    (folder / RTL_NAME).write_text(ARTICLE)
    db = folder.parent / "f.duckdb"
    result = runner.invoke(app, ["build", str(folder), "--db", str(db), "--jobs", "1"])
    return db, result.output


def _escaped_only(output: str) -> None:
    for raw in ("\x1b", "\x07", "\u202e", "\x9d"):
        assert raw not in output, repr(output)


def test_build_prints_rejected_file_names_escaped(nasty_db) -> None:
    _, output = nasty_db
    _escaped_only(output)
    assert "rejected: esc\\x1b]0;pwned\\x07\\x1b[2J.txt" in output


def test_claims_table_shows_bidi_escaped_and_stores_it_raw(nasty_db) -> None:
    db, _ = nasty_db
    result = runner.invoke(app, ["claims", "--db", str(db)])
    _escaped_only(result.output)
    assert "gdp\\u202etxt" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select article from claims").fetchall()[0][0] == RTL_NAME


def test_show_prints_escaped(nasty_db) -> None:
    db, _ = nasty_db
    result = runner.invoke(app, ["show", _claim_id(db), "--db", str(db)])
    assert result.exit_code == 0, result.output
    _escaped_only(result.output)
    assert "gdp\\u202etxt" in result.output


def test_json_keeps_the_value_and_escapes_it(nasty_db) -> None:
    import json

    db, _ = nasty_db
    result = runner.invoke(app, ["claims", "--db", str(db), "--format", "json"])
    _escaped_only(result.output)
    assert json.loads(result.output)[0]["article"] == RTL_NAME


def test_csv_is_escaped_on_a_terminal_and_raw_in_a_pipe(nasty_db) -> None:
    import pty

    db, _ = nasty_db
    args = [sys.executable, "-m", "pipeline.cli", "claims", "--db", str(db), "-f", "csv"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    piped = subprocess.run(args, cwd=ROOT, capture_output=True, env=env, check=True)
    assert RTL_NAME.encode() in piped.stdout
    leader, follower = pty.openpty()
    proc = subprocess.Popen(args, cwd=ROOT, stdout=follower, stderr=follower, env=env)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    assert b"gdp\\u202etxt" in shown and RTL_NAME.encode() not in shown


# 11: an article built of numbers costs about as much as any article of its size


def _measured_build(folder: Path, db: Path, *extra: str) -> tuple[float, int, int]:
    """(CPU seconds, peak RSS in MB, exit status) of a build in a child process. CPU
    time, not wall time: the machine running the tests may be busy with other work."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "build",
            str(folder),
            "--db",
            str(db),
            "-q",
            "--jobs",
            "1",
            *extra,
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024, proc.returncode


def _digits(draw: random.Random) -> str:
    return str(draw.randrange(10))


def _percent_in_words(draw: random.Random) -> str:
    tens = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    ones = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    return f"{draw.choice(tens)}-{draw.choice(ones)} percent,"


@pytest.mark.parametrize("number", [_digits, _percent_in_words], ids=["digits", "words"])
def test_a_megabyte_of_numbers_is_read_in_bounded_time_and_memory(tmp_path: Path, number) -> None:
    """1 MB of "7 3 9 ..." took 18 s of CPU and 1 GB, and 1 MB of "forty-two percent,"
    24 s and 4.6 GB: every number was segmented, scanned, dated and kept. Past the
    per-article cap the rest is not read."""
    folder = tmp_path / "a"
    folder.mkdir()
    draw = random.Random(14)  # lines that differ: ingest keeps a repeated line once
    body = ""
    while len(body) < 1_000_000:
        body += " ".join(number(draw) for _ in range(2_000)) + "\n"
    (folder / "numbers.txt").write_text("The statistics office said the counts were:\n" + body)
    db = tmp_path / "f.duckdb"
    seconds, peak_mb, status = _measured_build(folder, db)
    assert status == 0
    assert seconds < 10 and peak_mb < 700, (seconds, peak_mb)
    with duckdb.connect(str(db), read_only=True) as con:
        (warnings,) = con.execute("select warnings from articles").fetchall()[0]
    assert any("over 2,000 numbers: read only the first" in w for w in warnings)


def test_reading_stops_at_a_line_break_before_the_number_over_the_cap() -> None:
    from pipeline.extract import MAX_NUMBERS, reading_limit

    line = "Exports rose 3 percent and imports 4 percent.\n"  # two numbers a line
    text = line * (MAX_NUMBERS // 2 + 10)
    cut = reading_limit(text, "en")
    assert cut == len(line) * (MAX_NUMBERS // 2) and text[cut - 1] == "\n"
    assert reading_limit(line * 10, "en") == len(line) * 10


def test_number_words_count_toward_the_cap_but_articles_do_not() -> None:
    from pipeline.extract import MAX_NUMBERS, reading_limit

    line = "Prices rose by forty percent, then by ninety percent.\n"  # two number words
    text = line * (MAX_NUMBERS // 2 + 10)
    assert reading_limit(text, "en") == len(line) * (MAX_NUMBERS // 2)
    prose = "A man said one thing and an aide another.\n" * (MAX_NUMBERS * 2)
    assert reading_limit(prose, "en") == len(prose)


# 12: the size limit is checked before a known article is read again


def test_known_article_grown_past_the_limit_is_not_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "a", "Kiel", "Rostock")
    db = tmp_path / "f.duckdb"
    run(folder, db, jobs=1)
    os.truncate(folder / "kiel.txt", 2 * 1024**3)  # sparse: 2 GB that take no disk
    _, peak_mb, status = _measured_build(folder, db)
    assert status == 0
    assert peak_mb < 1024, peak_mb  # reading it took 2.3 GB
    with duckdb.connect(str(db), read_only=True) as con:
        reasons = con.execute("select reason from rejections where article = 'kiel.txt'")
        assert "over the 5,000,000-byte limit" in reasons.fetchall()[0][0]


# 13: --jobs above the cores


def test_jobs_above_the_cores_is_capped_and_said(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    result = runner.invoke(
        app, ["build", str(_folder(tmp_path / "a")), "--db", str(db), "-q", "--jobs", "200"]
    )
    assert result.exit_code == 0, result.output
    cores = len(os.sched_getaffinity(0))
    assert f"--jobs 200 is more than the {cores} core" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select jobs from runs").fetchall() == [(cores,)]


# 14: SIGTERM cleans up as Ctrl-C does


def test_sigterm_cleans_up_and_says_so(tmp_path: Path, seeded_db: Path, seeds_dir: Path) -> None:
    db = tmp_path / "facts.duckdb"
    shutil.copyfile(seeded_db, db)
    before = db.read_bytes()
    marker = tmp_path / "paused"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "build",
            str(seeds_dir),
            "--db",
            str(db),
            "-q",
            "--full",
            "--jobs",
            "2",
        ],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "FACTDB_TEST_PAUSE_AT": f"parquet={marker}"},
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():  # partitions and the staging database are on disk now
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    assert list(tmp_path.glob(".facts.duckdb.*"))
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert "terminated" in _one_line(stderr)
    assert not list(tmp_path.glob(".facts.duckdb.*"))
    assert db.read_bytes() == before


# 15: symlinks out of the folder


def test_symlink_out_of_the_folder_is_rejected_unless_followed(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "a")
    outside = tmp_path / "private" / "diary.txt"
    outside.parent.mkdir()
    outside.write_text(ARTICLE.replace("Kiel", "Flensburg"))
    (folder / "status.txt").symlink_to("/proc/self/status")
    (folder / "diary.txt").symlink_to(outside)
    (folder / "zz_again.txt").symlink_to("kiel.txt")  # inside: read (a duplicate)
    db = tmp_path / "f.duckdb"
    report = run(folder, db, jobs=1)
    assert set(report.rejected_files) == {"diary.txt", "status.txt", "zz_again.txt"}
    assert report.files == 4 and report.processed == 4
    with duckdb.connect(str(db), read_only=True) as con:
        rows = dict(con.execute("select article, reason from rejections").fetchall())
    assert "outside the folder" in rows["diary.txt"] and "--follow-symlinks" in rows["diary.txt"]
    assert "outside the folder" in rows["status.txt"]
    assert rows["zz_again.txt"] == "duplicate of kiel.txt"
    assert check(db) == []
    followed = run(folder, db, jobs=1, follow_symlinks=True)
    assert "diary.txt" not in followed.rejected_files


# 16: report parameters are finite numbers


@pytest.mark.parametrize("value", ["nan", "inf", "-Infinity"])
def test_report_refuses_a_number_that_is_not_finite(seeded_db: Path, value: str) -> None:
    result = runner.invoke(
        app, ["report", "corroboration", "-p", f"tolerance={value}", "--db", str(seeded_db)]
    )
    assert result.exit_code == 2
    assert "finite number" in _one_line(result.output)


def test_claims_refuses_a_bound_that_is_not_finite(seeded_db: Path) -> None:
    result = runner.invoke(app, ["claims", "--min", "nan", "--db", str(seeded_db)])
    assert result.exit_code == 2
    assert "finite" in _one_line(result.output)


# The bar of issue 14: every finding of the probe keeps a test here, and the older
# hostile-input and kill tests (test_bad_input, test_crash, test_concurrency) keep
# theirs; removing one fails this.

FINDINGS = {
    1: ["test_fifo_as_database_is_refused_without_hanging"],
    2: ["test_special_file_as_database_is_refused_and_kept"],
    3: [
        "test_another_programs_database_with_a_runs_table_is_not_replaced",
        "test_build_marks_its_database",
        "test_database_built_before_the_marker_is_still_replaced",
    ],
    4: ["test_symlinked_database_replaces_its_target"],
    5: ["test_readers_of_a_truncated_database_print_one_line"],
    6: [
        "test_build_over_a_database_another_process_holds_says_locked",
        "test_reader_of_a_database_another_process_holds_says_locked",
        "test_file_that_is_not_duckdb_is_named_so",
    ],
    7: ["test_disk_full_in_a_worker_is_one_error_and_keeps_the_database"],
    8: ["test_negative_limit_is_one_line"],
    9: [
        "test_database_path_that_is_not_utf8_is_refused_before_any_work",
        "test_folder_whose_name_is_not_utf8_builds",
    ],
    10: [
        "test_build_prints_rejected_file_names_escaped",
        "test_claims_table_shows_bidi_escaped_and_stores_it_raw",
        "test_show_prints_escaped",
        "test_csv_is_escaped_on_a_terminal_and_raw_in_a_pipe",
    ],
    11: [
        "test_a_megabyte_of_numbers_is_read_in_bounded_time_and_memory",
        "test_reading_stops_at_a_line_break_before_the_number_over_the_cap",
        "test_number_words_count_toward_the_cap_but_articles_do_not",
    ],
    12: ["test_known_article_grown_past_the_limit_is_not_read"],
    13: ["test_jobs_above_the_cores_is_capped_and_said"],
    14: ["test_sigterm_cleans_up_and_says_so"],
    15: ["test_symlink_out_of_the_folder_is_rejected_unless_followed"],
    16: [
        "test_report_refuses_a_number_that_is_not_finite",
        "test_claims_refuses_a_bound_that_is_not_finite",
    ],
}
OLDER = {
    "test_bad_input": [
        "test_build_completes_without_a_traceback",
        "test_built_database_passes_check",
    ],
    "test_crash": ["test_killed_build_leaves_previous_database", "test_at_least_20_kill_points"],
    "test_concurrency": [
        "test_second_build_is_refused_while_one_runs",
        "test_readers_during_a_whole_build_see_old_or_new",
    ],
}


def test_every_finding_of_issue_14_has_its_tests() -> None:
    assert sorted(FINDINGS) == list(range(1, 17))
    missing = [name for names in FINDINGS.values() for name in names if name not in globals()]
    assert missing == []


@pytest.mark.parametrize("module", sorted(OLDER))
def test_older_hostile_and_kill_tests_are_kept(module: str) -> None:
    import importlib

    tests = importlib.import_module(module)
    assert [name for name in OLDER[module] if not hasattr(tests, name)] == []
