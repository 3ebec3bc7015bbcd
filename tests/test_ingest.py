"""Ingest: decoding, repair, boilerplate, repeats, dates and language, on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ingest import discover, ingest_file
from schemas.records import Article, Rejection

SEED_LANGS = {
    "000_8f2c88eab10db8f7.txt": "en",
    "001_28c5c7bc61b1027f.txt": "en",
    "002_bd21c7abf8ae9b3a.txt": "nl",
    "003_103b524db3e8df6e.txt": "de",
    "004_95f144f26dd05bfa.txt": "vi",
}


def _article(path: Path, root: Path) -> Article:
    result = ingest_file(path, root)
    assert isinstance(result, Article), result
    return result


@pytest.mark.parametrize("name,lang", SEED_LANGS.items(), ids=list(SEED_LANGS))
def test_seed_language_is_detected(seeds_dir: Path, name: str, lang: str) -> None:
    assert _article(seeds_dir / name, seeds_dir).lang == lang


def test_discover_finds_txt_and_md_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "c.csv", ".hidden.txt", "sub/d.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == [
        "a.md",
        "b.txt",
        "sub/d.txt",
    ]


def test_dateline_gives_publication_date(seeds_dir: Path) -> None:
    article = _article(seeds_dir / "001_28c5c7bc61b1027f.txt", seeds_dir)
    assert article.published_date.isoformat() == "2025-02-26"


def test_no_dateline_no_publication_date(seeds_dir: Path) -> None:
    assert _article(seeds_dir / "000_8f2c88eab10db8f7.txt", seeds_dir).published_date is None


def test_sidecar_metadata_gives_publication_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ministry said exports rose by 5 percent in March.\n")
    (tmp_path / "a.txt.json").write_text(json.dumps({"published": "2024-03-31"}))
    assert _article(tmp_path / "a.txt", tmp_path).published_date.isoformat() == "2024-03-31"


def test_front_matter_is_metadata_not_text(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "---\ntitle: Exports\ndate: 2024-05-02\n---\nThe ministry said exports rose sharply.\n"
    )
    article = _article(tmp_path / "a.md", tmp_path)
    assert article.published_date.isoformat() == "2024-05-02"
    assert article.text.startswith("The ministry said")


@pytest.mark.parametrize(
    "name,line",
    [
        ("000_8f2c88eab10db8f7.txt", "Leave the first comment"),
        ("000_8f2c88eab10db8f7.txt", "You can download the AnewZ application"),
        ("002_bd21c7abf8ae9b3a.txt", "Kommentare (0)"),
    ],
    ids=["leave-comment", "download-app", "kommentare-in-dutch-article"],
)
def test_boilerplate_lines_are_removed(seeds_dir: Path, name: str, line: str) -> None:
    assert line not in _article(seeds_dir / name, seeds_dir).text


def test_exactly_repeated_paragraph_is_kept_once(seeds_dir: Path) -> None:
    text = _article(seeds_dir / "002_bd21c7abf8ae9b3a.txt", seeds_dir).text
    assert text.count("Rusland staat open voor economische samenwerking met de VS in kritieke") == 1


def test_paragraph_repeated_with_other_words_is_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "De minister zei dat het 3 miljoen kost.\n\n"
        "De minister zei dat het 3 miljoen kost. Ook meer.\n"
    )
    assert _article(tmp_path / "a.txt", tmp_path).text.count("De minister zei") == 2


def test_headline_is_first_line(seeds_dir: Path) -> None:
    article = _article(seeds_dir / "003_103b524db3e8df6e.txt", seeds_dir)
    assert article.headline.startswith("Wladimir Putin erklärte sich bereit")


def test_article_id_depends_on_text_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Die Regierung sagte, die Kosten lägen bei 3 Milliarden Euro.")
    (tmp_path / "b.txt").write_text("Die Regierung sagte, die Kosten lägen bei 3 Milliarden Euro.")
    assert (
        _article(tmp_path / "a.txt", tmp_path).article_id
        == _article(tmp_path / "b.txt", tmp_path).article_id
    )


def test_mojibake_is_repaired_and_curly_quotes_kept(tmp_path: Path) -> None:
    good = "Le ministre a déclaré : « l’économie a progressé de 2 % ».\n"
    (tmp_path / "a.txt").write_bytes(good.encode("utf-8").decode("latin-1").encode("utf-8"))
    article = _article(tmp_path / "a.txt", tmp_path)
    assert "déclaré" in article.text
    assert "’" in article.text and "«" in article.text


def test_invalid_utf8_falls_back_with_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(
        "El ministro dijo que el coste será de 5 millones.".encode("cp1252") + b"\xe9"
    )
    article = _article(tmp_path / "a.txt", tmp_path)
    assert any("UTF-8" in w for w in article.warnings)


@pytest.mark.parametrize(
    "content,reason",
    [
        (b"", "no text"),
        (b"   \n\t\n", "no text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    ],
    ids=["empty", "whitespace", "png"],
)
def test_unusable_file_is_rejected_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    (tmp_path / "a.txt").write_bytes(content)
    result = ingest_file(tmp_path / "a.txt", tmp_path)
    assert isinstance(result, Rejection)
    assert reason in result.reason


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(
        "The minister said the bill would cost 4 billion dollars.".encode("utf-16")
    )
    assert _article(tmp_path / "a.txt", tmp_path).text.startswith("The minister said")
