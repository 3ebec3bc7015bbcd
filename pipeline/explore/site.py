"""Write the explorer: an index of claims, a page per speaker, topic and article.

Every page is a plain HTML file with its CSS, script and charts inline, and links
between pages are relative, so the folder opens from disk, can be zipped or served by
any static host, and needs no network.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import unicodedata
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

import jinja2
from pydantic import BaseModel

from pipeline.errors import BadParameter
from pipeline.explore import charts
from pipeline.explore.figures import conflicting, corroborated
from pipeline.query import connect

_CLAIMS_SQL = """
select c.claim_id, c.article_id, c.article, c.lang, c.value, c.value_max, c.unit, c.bound,
       c.surface, c.topics, c.speaker, c.speaker_surface, c.subject, c.noun, c.claim_date,
       c.published_date, c.sentence, c.sentence_start, c.start, c."end", a.headline
from claims c join articles a using (article_id)
order by c.article, c.start
"""


class SiteReport(BaseModel):
    out_dir: str
    claims: int
    speakers: int
    topics: int
    articles: int
    seconds: float


def write_site(out_dir: Path | str, db: Path | str | None = None) -> SiteReport:
    """Write the explorer for database `db` into `out_dir` (created; pages there replaced)."""
    started = time.perf_counter()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise BadParameter(f"{out} is a file; give a folder to write the site into")
    with connect(db) as con:
        claims = _rows(con.execute(_CLAIMS_SQL))
        entities = _rows(con.execute("select name, kind, aliases, langs from entities"))
    for claim in claims:
        claim["said_on"] = claim["claim_date"] or claim["published_date"]
        claim["marked"] = _marked_sentence(claim)
    try:
        for sub in ("speakers", "topics", "articles"):
            (out / sub).mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a read-only place, a file in the way
        raise BadParameter(f"cannot write the site into {out}: {exc.strerror}") from None
    env = _environment()
    speaker_pages = _speaker_pages(env, out, claims, entities)
    topic_pages = _topic_pages(env, out, claims)
    article_pages = _article_pages(env, out, claims)
    _write(
        out / "index.html",
        env.get_template("index.html").render(
            root=".",
            claims=claims,
            speakers=speaker_pages,
            quoting={c["speaker"] for c in claims if c["speaker"]},
            topics=topic_pages,
            units=sorted({c["unit"] for c in claims}),
            langs=sorted({c["lang"] for c in claims}),
            chart=_topic_lang_chart(claims),
        ),
    )
    return SiteReport(
        out_dir=str(out),
        claims=len(claims),
        speakers=len(speaker_pages),
        topics=len(topic_pages),
        articles=len(article_pages),
        seconds=round(time.perf_counter() - started, 2),
    )


def slug(name: str) -> str:
    """A file name for any name: ASCII letters kept, a short hash keeps 'Путин' and
    'Putin' (or two names that differ only in accents) apart."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()[:50]
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"{stem}-{digest}" if stem else digest


def _speaker_pages(env, out: Path, claims: list[dict], entities: list[dict]) -> dict[str, str]:
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        if claim["speaker"]:
            by_speaker[claim["speaker"]].append(claim)
    known = {e["name"]: e for e in entities}
    pages = {}
    # every canonical speaker, also one quoted without a figure: its aliases are news too
    for name in sorted(by_speaker.keys() | known.keys()):
        said = by_speaker.get(name, [])
        entity = known.get(name, {"kind": None, "aliases": [name], "langs": []})
        chart, undated = _timeline(said, "lang", f"{name}: figures over time")
        pages[name] = f"speakers/{slug(name)}.html"
        _write(
            out / pages[name],
            env.get_template("speaker.html").render(
                root="..",
                name=name,
                entity=entity,
                claims=said,
                chart=chart,
                undated=undated,
                langs=sorted({c["lang"] for c in said} | set(entity["langs"] or [])),
            ),
        )
    return pages


def _timeline(said: list[dict], colour: str, title: str) -> tuple[str | None, int]:
    """The chart of the dated claims among `said` (None when none is dated), and how many
    claims it leaves out for want of a date."""
    dated = [c for c in said if c["said_on"]]
    chart = charts.timeline([_point(c) for c in dated], colour, title) if dated else None
    return chart, len(said) - len(dated)


def _topic_pages(env, out: Path, claims: list[dict]) -> dict[str, str]:
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        for topic in claim["topics"] or []:
            by_topic[topic].append(claim)
    pages = {}
    for topic in sorted(by_topic):
        said = by_topic[topic]
        chart, undated = _timeline(said, "speaker", f"{topic}: figures over time")
        pages[topic] = f"topics/{slug(topic)}.html"
        _write(
            out / pages[topic],
            env.get_template("topic.html").render(
                root="..",
                topic=topic,
                claims=said,
                chart=chart,
                undated=undated,
                corroborated=corroborated(said),
                conflicting=conflicting(said),
            ),
        )
    return pages


def _article_pages(env, out: Path, claims: list[dict]) -> dict[str, str]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for claim in claims:
        by_article[claim["article_id"]].append(claim)
    pages = {}
    for article_id, said in by_article.items():
        pages[article_id] = f"articles/{article_id}.html"
        _write(
            out / pages[article_id],
            env.get_template("article.html").render(root="..", article=said[0], claims=said),
        )
    return pages


def _topic_lang_chart(claims: list[dict]) -> str | None:
    counts = Counter(
        (topic, claim["lang"]) for claim in claims for topic in claim["topics"] or ["(none)"]
    )
    rows = [{"topic": t, "lang": lang, "claims": n} for (t, lang), n in sorted(counts.items())]
    return charts.bars(rows, "topic", "lang", "claims per topic and language") if rows else None


def _point(claim: dict) -> dict:
    return {
        "date": claim["said_on"].isoformat(),
        "value": claim["value"],
        "unit": claim["unit"],
        "lang": claim["lang"],
        "speaker": claim["speaker"] or "(article)",
        "surface": claim["surface"],
    }


def _marked_sentence(claim: dict) -> list[tuple[str, str]]:
    """The sentence as (text, kind) pieces, kind '' / 'quantity' / 'speaker'; the template
    escapes each piece, so article text can never become markup."""
    sentence, s0 = claim["sentence"] or "", claim["sentence_start"] or 0
    q0, q1 = claim["start"] - s0, claim["end"] - s0
    if not 0 <= q0 <= q1 <= len(sentence):  # offsets from another text: no marks rather than wrong
        return [(sentence, "")]
    pieces = [(sentence[:q0], ""), (sentence[q0:q1], "quantity"), (sentence[q1:], "")]
    who = claim["speaker_surface"]
    if who:
        for i in (0, 2):
            at = pieces[i][0].find(who)
            if at >= 0:
                text = pieces[i][0]
                pieces[i : i + 1] = [
                    (text[:at], ""),
                    (text[at : at + len(who)], "speaker"),
                    (text[at + len(who) :], ""),
                ]
                break
    return [p for p in pieces if p[0]]


def _rows(cursor) -> list[dict]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _environment() -> jinja2.Environment:
    assets = resources.files("pipeline.explore") / "assets"
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pipeline.explore", "templates"),
        autoescape=True,  # article text and names are data: escaped everywhere
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["css"] = (assets / "explorer.css").read_text(encoding="utf-8")
    env.globals["script"] = (assets / "explorer.js").read_text(encoding="utf-8")
    env.globals["generated"] = dt.date.today().isoformat()
    env.filters["number"] = _number
    env.filters["slug"] = slug
    return env


def _number(value: float | None) -> str:
    """1500000000 as '1,500,000,000' and 2.5 as '2.5': a reader compares digits."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
