"""`factdb html`: the static explorer, read as files and driven in a real headless browser."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from pipeline.explore import write_site
from pipeline.explore.figures import conflicting, corroborated
from pipeline.explore.site import _marked_sentence, slug

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# CI installs chromium (.ci/run); there a missing browser is a failure, not a skip.
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER) and not os.environ.get("CI"),
    reason="no chromium/chromedriver installed (apt-get install chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def site(seeded_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    write_site(out, seeded_db)
    return out


def _claim(article: str, value: float, unit: str = "USD", subject: str | None = None) -> dict:
    return {"article": article, "value": value, "unit": unit, "subject": subject, "noun": None}


def test_same_figure_in_two_articles_is_corroborated() -> None:
    found = corroborated([_claim("a", 15e9), _claim("b", 15.1e9), _claim("c", 3e9)])
    assert [(f.value, len(f.articles)) for f in found] == [(15e9, 2)]


def test_one_article_repeating_a_figure_is_not_corroboration() -> None:
    assert corroborated([_claim("a", 15e9), _claim("a", 15e9)]) == []


def test_different_values_for_one_thing_conflict() -> None:
    claims = [_claim("a", 400, "count", "deaths"), _claim("b", 520, "count", "Deaths")]
    (conflict,) = conflicting(claims)
    assert conflict.about == "deaths"
    assert [f.value for f in conflict.figures] == [400, 520]


def test_values_for_different_things_do_not_conflict() -> None:
    claims = [_claim("a", 400, "count", "deaths"), _claim("b", 520, "count", "injured")]
    assert conflicting(claims) == []


def test_sentence_marks_quantity_and_speaker() -> None:
    sentence = "The minister Ana Ruiz said costs reached 12 million euros last year."
    start = 100 + sentence.index("12 million euros")
    claim = {
        "sentence": sentence,
        "sentence_start": 100,
        "start": start,
        "end": start + len("12 million euros"),
        "speaker_surface": "Ana Ruiz",
    }
    marked = [(text, kind) for text, kind in _marked_sentence(claim) if kind]
    assert marked == [("Ana Ruiz", "speaker"), ("12 million euros", "quantity")]
    assert "".join(text for text, _ in _marked_sentence(claim)) == sentence


def test_slug_keeps_names_apart_and_is_a_file_name() -> None:
    assert slug("Путин") != slug("Putin")
    assert slug("José Núñez").startswith("jose-nunez-")
    assert "/" not in slug("a/b") and slug("a/b") != slug("a-b")


def test_site_has_a_page_per_speaker_topic_and_article(site: Path, seeded_db: Path) -> None:
    import duckdb

    with duckdb.connect(str(seeded_db), read_only=True) as con:
        speakers = con.execute(
            "select count(*) from (select speaker from claims where speaker is not null"
            " union select name from entities)"
        ).fetchone()[0]
        topic_count = con.execute(
            "select count(distinct t) from (select unnest(topics) t from claims)"
        ).fetchone()[0]
        articles = con.execute("select count(distinct article_id) from claims").fetchone()[0]
    assert len(list((site / "speakers").glob("*.html"))) == speakers
    assert len(list((site / "topics").glob("*.html"))) == topic_count
    assert len(list((site / "articles").glob("*.html"))) == articles


def test_site_loads_nothing_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        # namespaces (xmlns="http://www.w3.org/...") name things and load nothing
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text), page
        assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", text), page
        assert "@import" not in text and "<link" not in text and "<script src" not in text


def test_speaker_page_lists_every_alias(site: Path) -> None:
    page = next(p for p in (site / "speakers").glob("vladimir-putin-*.html"))
    text = page.read_text(encoding="utf-8")
    assert "Wladimir Putin" in text and "Poetin" in text
    assert "<svg" in text


def test_article_text_is_escaped(seeds_copy: Path, tmp_path: Path) -> None:
    from pipeline.build import run

    (seeds_copy / "zz_markup.txt").write_text(
        "Markup test\n\nThe mayor <b>Tom Hale</b> said the bridge will cost 40 million "
        "dollars, according to the city.\n",
        encoding="utf-8",
    )
    db = tmp_path / "m.duckdb"
    run(seeds_copy, db, jobs=1)
    out = tmp_path / "site"
    write_site(out, db)
    pages = "".join(p.read_text(encoding="utf-8") for p in (out / "articles").glob("*.html"))
    assert "&lt;b&gt;" in pages and "<b>Tom" not in pages


def test_site_where_a_folder_cannot_be_made_is_refused(tmp_path: Path, seeded_db: Path) -> None:
    from pipeline.errors import BadParameter

    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "speakers").write_text("a file where a folder goes")
    with pytest.raises(BadParameter, match="cannot write the site"):
        write_site(tmp_path / "site", seeded_db)


def test_site_into_a_file_is_refused(tmp_path: Path, seeded_db: Path) -> None:
    from pipeline.errors import BadParameter

    target = tmp_path / "taken"
    target.write_text("x")
    with pytest.raises(BadParameter, match="is a file"):
        write_site(target, seeded_db)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    # A fixed browser and driver from the system's packages: with both paths given,
    # selenium skips Selenium Manager, so nothing is looked up or downloaded.
    options.binary_location = CHROMIUM or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"):
        options.add_argument(flag)
    options.add_argument("--window-size=1280,1400")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        service=Service(executable_path=CHROMEDRIVER or "/usr/bin/chromedriver"),
        options=options,
    )
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def _open(driver, page: Path) -> None:
    """Load a page and wait until it has finished (a loaded machine can be slow)."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(page.as_uri())
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def _screenshot(driver, name: str) -> Path:
    """Kept under $TMPDIR for a person to look at."""
    shot = Path(os.environ.get("TMPDIR", tempfile.gettempdir())) / f"factdb_explorer_{name}.png"
    driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    return shot


def _visible_rows(driver) -> int:
    from selenium.webdriver.common.by import By

    rows = driver.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
    return sum(1 for row in rows if row.is_displayed())


def _errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


@needs_browser
def test_index_filters_change_the_rows(browser, site: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(browser, site / "index.html")
    assert _errors(browser) == []
    total = _visible_rows(browser)
    assert total > 0
    Select(browser.find_element(By.ID, "f-lang")).select_by_visible_text("de")
    by_lang = _visible_rows(browser)
    assert 0 < by_lang < total
    assert browser.find_element(By.ID, "shown").text == f"{by_lang} of {total} claims"
    _screenshot(browser, "index")
    browser.find_element(By.ID, "f-reset").click()
    browser.find_element(By.ID, "f-text").send_keys("Milliarden")
    assert 0 < _visible_rows(browser) < total
    browser.find_element(By.ID, "f-reset").click()
    # a date field's typing order follows the browser's locale: set it as a picker would
    browser.execute_script(
        "const field = arguments[0]; field.value = arguments[1];"
        "field.dispatchEvent(new Event('input', {bubbles: true}));",
        browser.find_element(By.ID, "f-since"),
        "2025-02-24",
    )
    dated = _visible_rows(browser)
    assert 0 < dated < total  # undated claims leave, those said from that day on stay
    browser.find_element(By.ID, "f-reset").click()
    assert _visible_rows(browser) == total
    assert _errors(browser) == []


@needs_browser
def test_speaker_page_draws_its_timeline(browser, site: Path, seeded_db: Path) -> None:
    import duckdb
    from selenium.webdriver.common.by import By

    with duckdb.connect(str(seeded_db), read_only=True) as con:
        dated = con.execute(
            "select count(*) from claims where speaker = 'Vladimir Putin'"
            " and coalesce(claim_date, published_date) is not null"
        ).fetchone()[0]
    assert dated > 0

    page = next((site / "speakers").glob("vladimir-putin-*.html"))
    _open(browser, page)
    assert _errors(browser) == []
    chart = browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    assert chart.size["width"] > 300 and chart.size["height"] > 100
    # one point per dated claim: the legend's symbols have another role
    points = browser.find_elements(By.CSS_SELECTOR, "figure.chart svg g.mark-symbol.role-mark path")
    assert len(points) == dated
    assert all(p.is_displayed() for p in points)
    _screenshot(browser, "speaker")
