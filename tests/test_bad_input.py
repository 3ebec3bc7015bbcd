"""Bad input mixed with good articles: the build finishes and nothing good is lost.

The corpus is generated here (no committed binaries): the seed articles plus one file
of each kind below in the same folder, built once through the real CLI in a subprocess.
Each kind names the file it makes and what must become of it: `None` means processed or
rejected, either is fine; a string means rejected with that text in the reason.
"""

from __future__ import annotations

import collections
import gzip
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.check import check
from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
PROSE = (
    "Berlin, 3 March. The government said on Monday that the new plant would cost about "
    "2 billion euros and employ 1,500 people by 2027.\n"
    "Officials expect output of 300,000 tonnes a year.\n"
)


def _prose(town: str) -> str:
    """Good English prose, different for each kind so that none is a duplicate of another."""
    return PROSE.replace("Berlin", town)


def _letters(i: int) -> str:
    word = ""
    while True:
        i, r = divmod(i, 26)
        word += chr(97 + r)
        if not i:
            return word


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(random.Random(1).randbytes(2000))


def _text(body: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(body.encode(encoding))


def _bytes(body: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(body)


def _big(path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(20 * 1024 * 1024 // len(PROSE) + 1):
            fh.write(PROSE)


def _symlink_loop(path: Path) -> None:
    other = path.with_name("loop_b.txt")
    path.symlink_to(other.name)
    other.symlink_to(path.name)


def _dangling(path: Path) -> None:
    path.symlink_to("no such file.txt")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _unreadable(path: Path) -> None:
    path.write_text(_prose("Bonn"))
    path.chmod(0)


def _sidecar_broken(path: Path) -> None:
    path.write_text(_prose("Halle"))
    path.with_name(path.name + ".json").write_bytes(b'{"date": "9999-99-99", "lang": \xff')


def _duplicate(path: Path) -> None:
    shutil.copyfile(ROOT / "seeds" / "001_28c5c7bc61b1027f.txt", path)


# kind -> (file name, how to make it, required text of the rejection reason or None)
KINDS: dict[str, tuple[str, Callable[[Path], None], str | None]] = {
    "empty": ("empty.txt", _bytes(b""), "no text"),
    "whitespace_only": ("blank.txt", _bytes(b"  \n\t\n \r\n"), "no text"),
    "png": ("picture.txt", _bytes(_png()), "binary"),
    "gzip": ("archive.txt", _bytes(gzip.compress(_prose("Hamburg").encode() * 50)), "binary"),
    "random_binary": ("noise.txt", _bytes(random.Random(2).randbytes(5000)), "binary"),
    "nul_bytes": ("nuls.txt", _bytes(_prose("Munich").encode().replace(b" ", b" \x00", 3)), None),
    "many_nul_bytes": (
        "nulls.txt",
        _bytes(b"\x00".join(_prose("Cologne").encode().split(b" "))),
        None,
    ),
    "invalid_utf8": (
        "bad_utf8.txt",
        _bytes(_prose("Frankfurt").encode() + b"\xff\xfe\xc3(" + b"\x80"),
        None,
    ),
    "utf16_bom": ("utf16_bom.txt", _text(_prose("Stuttgart"), "utf-16"), None),
    "utf16le_no_bom": ("utf16le.txt", _text(_prose("Leipzig"), "utf-16-le"), None),
    "utf16be_no_bom": ("utf16be.txt", _text(_prose("Dresden"), "utf-16-be"), None),
    "utf8_bom": ("utf8_bom.txt", _text("\ufeff" + _prose("Hanover")), None),
    "latin1": (
        "latin1.txt",
        _text("Le ministre a déclaré que la dette atteint 3 % du PIB.\n", "latin-1"),
        None,
    ),
    "mojibake": (
        "mojibake.txt",
        _text(
            "Le ministre a déclaré que le déficit atteint 5 % du PIB.\n".encode().decode("latin-1")
        ),
        None,
    ),
    "html_page": (
        "page.txt",
        _text(
            "<!DOCTYPE html><html><head><title>News</title><script>var x = '<p>';</script>"
            "<style>p {}</style></head><body><p>" + _prose("Nuremberg") + "</p><div>Unclosed <b>tag"
            "<p>&amp; &#9731; &bogus; </body>"
        ),
        None,
    ),
    "markdown_front_matter": (
        "front.md",
        _text(
            '---\ntitle: "A: b"\ndate: 2025-02-31\nlang: zz\n---\n# Heading\n\n' + _prose("Bremen")
        ),
        None,
    ),
    "front_matter_far_date": (
        "far.md",
        _text("---\ndate: 9999-01-01\n---\n" + _prose("Essen")),
        None,
    ),
    "huge_20mb": ("huge.txt", _big, "limit"),
    "single_line_1mb": ("one_line.txt", _text("word " * 210_000), "line is over"),
    "lines_100k": (
        "many_lines.txt",
        _text("".join(f"Line {_letters(i)} ends.\n" for i in range(100_000))),
        None,
    ),
    "only_numbers": ("numbers.txt", _text("1 2 3 4.5 6,7 1e308 -0 0x1F 42\n" * 20), None),
    "only_quote_marks": ("quotes.txt", _text("\"'«»„“”‘’‹›「」『』" * 50), None),
    "unbalanced_quotes": (
        "unbalanced.txt",
        _text('The minister said "costs will reach 5 billion dollars.\n«Und dann 3 Tonnen.\n'),
        None,
    ),
    "right_to_left": (
        "rtl.txt",
        _text("قال الوزير إن الصادرات بلغت 28.5 مليون طن. אמר השר כי היצוא הגיע ל-5 מיליון.\n"),
        None,
    ),
    "mixed_scripts": (
        "mixed.txt",
        _text("Путин said 2 млн тонн d'aluminium, 中国 bought 15 tỷ đô la of Erz.\n" * 3),
        None,
    ),
    "zero_width": (
        "zero_width.txt",
        _text(
            _prose("Dortmund").replace("o", "o\u200b").replace("2 billion", "2\u200d billion")
            + "\u2060"
        ),
        None,
    ),
    "control_characters": (
        "control.txt",
        _text(_prose("Kiel") + "\x07\x1b[31m red \x1b[0m\x0c\n"),
        None,
    ),
    "unsupported_language": (
        "polish.txt",
        _text("Minister powiedział, że eksport wzrósł do 28,5 miliona ton w 2024 roku.\n" * 3),
        "not supported: looks like Polish",
    ),
    "extreme_numbers": (
        "extreme.txt",
        _text(
            "The debt reached 1e308 dollars, then 10^400 euros, then ∞ tonnes and NaN percent; "
            "some said 1" + "0" * 400 + " dollars or -0 tonnes.\n"
        ),
        None,
    ),
    "impossible_dates": (
        "dates.txt",
        _text("date 2025-02-31\nOn 31/02/2025 and 32.13.2024 the ministry said exports fell 3%.\n"),
        None,
    ),
    "crlf_and_cr": (
        "newlines.txt",
        _text(_prose("Mainz").replace("\n", "\r\n") + "Old\rMac\rlines.\r"),
        None,
    ),
    "sidecar_broken": ("with_sidecar.txt", _sidecar_broken, None),
    "symlink_loop": ("loop_a.txt", _symlink_loop, "cannot read"),
    "dangling_symlink": ("dangling.txt", _dangling, "cannot read"),
    "fifo": ("pipe.txt", _fifo, "not a regular file"),
    "unreadable": ("unreadable.txt", _unreadable, None if os.geteuid() == 0 else "cannot read"),
    "odd_name": ('it\'s a "quoted" ñame – ü 記事.txt', _text(_prose("Erfurt")), None),
    "newline_in_name": ("line\nbreak; drop table claims.txt", _text(_prose("Potsdam")), None),
    "undecodable_name": (os.fsdecode(b"bad\xff\xfe name.txt"), _text(_prose("Rostock")), None),
    "duplicate": ("zz copy of 001.txt", _duplicate, "duplicate of"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    folder = tmp_path_factory.mktemp("bad") / "articles"
    shutil.copytree(seeds_dir, folder)
    for name, make, _ in KINDS.values():
        make(folder / name)
    return folder


@pytest.fixture(scope="module")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """The mixed folder built through the CLI in its own process, as a user would."""
    db = tmp_path_factory.mktemp("bad_db") / "mixed.duckdb"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipeline.cli",
            "build",
            str(corpus),
            "--db",
            str(db),
            "-q",
            "--jobs",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=600,
        check=False,
    )
    return db, proc


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _outcome(db: Path, name: str) -> tuple[bool, list[str]]:
    """(stored as an article, rejection reasons) of the file `name`."""
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("select count(*) from articles where path = $p", {"p": name})
        article = stored.fetchall()[0][0] > 0
        rows = con.execute("select reason from rejections where article = $p", {"p": name})
        return article, [reason for (reason,) in rows.fetchall()]


def _processed_note(db: Path, name: str) -> str:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select a.lang, a.warnings, (select count(*) from claims c "
            "where c.article_id = a.article_id) from articles a where a.path = $p",
            {"p": name},
        ).fetchall()
    lang, warnings, claims = rows[0]
    return f"[{lang}, {claims} claims{', ' if warnings else ''}{', '.join(warnings)}]"


def test_corpus_has_at_least_30_kinds() -> None:
    assert len(KINDS) >= 30


def test_build_completes_without_a_traceback(built) -> None:
    _, proc = built
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_built_database_passes_check(built) -> None:
    db, _ = built
    assert check(db) == []


@pytest.mark.parametrize("kind", list(KINDS))
def test_bad_file_is_processed_or_rejected_with_reason(built, kind: str) -> None:
    db, _ = built
    name, _, reason = KINDS[kind]
    from pipeline.ingest import printable_name

    stored, reasons = _outcome(db, printable_name(name))
    assert stored or reasons, f"{kind}: neither an article nor a rejection"
    assert all(r.strip() for r in reasons)
    if reason is not None:
        assert not stored and any(reason in r for r in reasons), reasons


def test_good_articles_claims_are_unchanged(built, seeded_db: Path) -> None:
    db, _ = built
    columns = "* exclude (run_id)"
    seeds = "select article from articles where path not like '%/%' and article like '00%'"
    mixed = _rows(db, f"select {columns} from claims where article in ({seeds}) order by all")
    alone = _rows(seeded_db, f"select {columns} from claims order by all")
    assert mixed == alone


def test_good_articles_are_stored_unchanged(built, seeded_db: Path, seeds_dir: Path) -> None:
    db, _ = built
    names = sorted(p.name for p in seeds_dir.iterdir())
    sql = "select * exclude (run_id) from articles where path in $names order by path"
    with duckdb.connect(str(db), read_only=True) as con:
        mixed = con.execute(sql, {"names": names}).fetchall()
    with duckdb.connect(str(seeded_db), read_only=True) as con:
        alone = con.execute(sql, {"names": names}).fetchall()
    assert len(mixed) == len(names) and mixed == alone


def test_rejections_summary_by_kind(built, capsys: pytest.CaptureFixture[str]) -> None:
    """Print what became of each kind (run with -s to read it); every kind is accounted for."""
    db, _ = built
    from pipeline.ingest import printable_name

    summary = collections.Counter()
    lines = []
    for kind, (name, _, _) in KINDS.items():
        stored, reasons = _outcome(db, printable_name(name))
        verdict = "processed" if stored else "rejected"
        summary[verdict] += 1
        if stored:
            reasons = [_processed_note(db, printable_name(name)), *reasons]
        lines.append(f"{kind:<24} {verdict:<9} {'; '.join(reasons)[:120]}")
    with capsys.disabled():
        print("\nbad-input corpus:", dict(summary))
        print("\n".join(lines))
    assert sum(summary.values()) == len(KINDS)


def test_queries_on_the_mixed_database_do_not_fail(built) -> None:
    db, _ = built
    runner = CliRunner()
    for args in (
        ["claims", "--db", str(db), "--format", "json"],
        ["report", "rejections_summary", "--db", str(db)],
        ["check", "--db", str(db)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)


def test_unreadable_file_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root chmod 000 does not stop reads, so the refusal is simulated at open()."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(PROSE)
    (folder / "secret.txt").write_text(PROSE.replace("Berlin", "Bonn"))
    real_open = Path.open

    def refusing_open(self: Path, *args, **kwargs):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(app, ["build", str(folder), "--db", str(db), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    stored, reasons = _outcome(db, "secret.txt")
    assert not stored and reasons == ["cannot read the file: Permission denied"]


def test_unlistable_folder_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root every folder can be listed, so the refusal is simulated at os.scandir()."""
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.txt").write_text(_prose("Fulda"))
    (folder / "locked" / "hidden.txt").write_text(_prose("Gotha"))
    real_scandir = os.scandir

    def refusing_scandir(path):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(app, ["build", str(folder), "--db", str(db), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert _outcome(db, "good.txt")[0]
    stored, reasons = _outcome(db, "locked")
    assert not stored and reasons == [
        "a folder that could not be listed; the articles in it were not read"
    ]
    assert check(db) == []
