"""A deterministic corpus of N realistic articles, made from real news or from the seeds.

Two sources, one recipe. `real` (the default) reads the evaluation set's real articles
in place (`../shared/eval/dev/articles` beside the repository, or `--real-articles` /
`$FACTDB_REAL_ARTICLES`; they are never copied into the project); `seeds` reads the
five seeds, which the extractor was tuned on and which therefore run faster than real
text. Each article recombines the paragraphs and sentences of one source language (a
headline, then paragraphs), with its numbers, person names, weekdays, months and years
varied, and about half carry a `date YYYY-MM-DD` dateline. A real-made article is as
long as a real article of its language; a seed-made one 2,000 to 4,500 characters, as
the seeds are. Article `i` depends only on (`source`, `seed`, `i`), so a corpus of
10,000 is the corpus of 1,000 plus 9,000 more, and adding article N to a folder is
generating it alone. No two articles are equal.

    python -m benchmarks.corpus OUT_FOLDER N [--source real|seeds] [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.lang import load_lang

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
# The evaluation set beside the repository (CI clones it with shared/ next to it).
REAL_ARTICLES = REPO.parent / "shared" / "eval" / "dev" / "articles"
REAL_ARTICLES_ENV = "FACTDB_REAL_ARTICLES"
SOURCES = ("real", "seeds")
SEED_LANGUAGES = ("en", "nl", "de", "vi", "es", "fr", "it", "pt", "ru")
LANGS = ".langs.tsv"  # a dot file: `factdb build` does not read it
# Speakers swapped in for each other, as (first names, surname); a seed's spelling of a
# surname ("Poetin", "Putin") is kept apart so every language keeps its own forms.
SPEAKERS = [
    ("Vladimir", "Putin"),
    ("Donald", "Trump"),
    ("Kirill", "Dmitriev"),
    ("Dmitri", "Peskov"),
    ("Scott", "Bessent"),
    ("Marco", "Rubio"),
    ("Emmanuel", "Macron"),
    ("Kash", "Patel"),
    ("Serguéi", "Lavrov"),
    ("Anna", "Keller"),
    ("Marta", "Visser"),
    ("Jonas", "Albrecht"),
    ("Linh", "Tran"),
    ("Pieter", "de Wit"),
]
SENTENCE_END = re.compile(r"(?<=[.!?»”\"])\s+(?=[\"“«]?[A-ZÀ-Ỹ0-9])")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
DATELINE = re.compile(r"^\W{0,3}date\s*:?\s*\d{4}-\d{2}-\d{2}\s*", re.I)
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


@dataclass
class Pool:
    """Headlines, paragraphs and sentences of one language's seeds."""

    lang: str
    headlines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    # the lengths of the source articles (real source only: a made article takes one)
    lengths: list[int] = field(default_factory=list)
    # (first names, surname) of the people the source articles name
    people: list[tuple[str, str]] = field(default_factory=list)


def real_articles(override: Path | str | None = None) -> Path:
    """The folder of real articles: `override`, else $FACTDB_REAL_ARTICLES, else the
    evaluation set beside the repository."""
    folder = Path(override or os.environ.get(REAL_ARTICLES_ENV) or REAL_ARTICLES)
    if not folder.is_dir() or not any(folder.glob("*.txt")):
        raise SystemExit(
            f"no real articles in {folder}: give the folder with --real-articles "
            f"or ${REAL_ARTICLES_ENV}, or use --source seeds"
        )
    return folder.resolve()


def generate(
    folder: Path | str,
    n: int,
    *,
    seed: int = 0,
    start: int = 0,
    source: str = "seeds",
    real: Path | str | None = None,
) -> list[Path]:
    """Write articles `start`..`n-1` into `folder` as `NNNNNN.txt`; returns their paths.

    `source` is "seeds" or "real" (the articles in `real_articles(real)`)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    origin = _origin(source, real)
    paths = []
    with open(folder / LANGS, "a", encoding="utf-8") as langs:
        for i in range(start, n):
            path = folder / f"{i:06d}.txt"
            text, lang = article_and_lang(i, seed=seed, origin=origin)
            path.write_text(text, encoding="utf-8")
            langs.write(f"{path.name}\t{lang}\n")
            paths.append(path)
    return paths


def languages(folder: Path | str) -> dict[str, str]:
    """file name -> language of the articles `generate` wrote (for bare tokenisation)."""
    lines = (Path(folder) / LANGS).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line)


def article(i: int, *, seed: int = 0, source: str = "seeds", real: Path | str | None = None) -> str:
    """Article number `i`: the same text for the same (seed, i), different for any other."""
    return article_and_lang(i, seed=seed, origin=_origin(source, real))[0]


def _origin(source: str, real: Path | str | None) -> Path:
    if source not in SOURCES:
        raise SystemExit(f"unknown source {source!r}; choose one of: {', '.join(SOURCES)}")
    return SEEDS if source == "seeds" else real_articles(real)


def article_and_lang(i: int, *, seed: int = 0, origin: Path = SEEDS) -> tuple[str, str]:
    real = origin != SEEDS
    # The seed-made corpus keeps the draws it always had; the real-made one has its own.
    rng = random.Random(f"real:{seed}:{i}" if real else f"{seed}:{i}")
    pools = _pools(origin)
    # Languages as often as the source has text in them.
    weights = [len(p.sentences) for p in pools]
    pool = rng.choices(pools, weights=weights)[0]
    headline = rng.choice(pool.headlines)
    if real:
        target = round(rng.choice(pool.lengths) * rng.uniform(0.8, 1.2))
    else:
        target = rng.randint(2000, 4500)
    body = _body(rng, pool, target)
    headline, body = _vary(headline, rng, pool), _vary(body, rng, pool)
    # A wire id in the byline makes equal draws impossible, as it would in a real feed.
    wire = hashlib.sha256(f"{'real:' if real else ''}{seed}:{i}".encode()).hexdigest()[:8]
    text = f"{headline}\n({pool.lang.upper()}-{wire}) {body}\n"
    if rng.random() < 0.5:
        published = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"date {published}\n{text}"
    return text, pool.lang


def _body(rng: random.Random, pool: Pool, target: int) -> str:
    """Paragraphs of the source's sentences, about `target` characters."""
    paragraphs: list[str] = []
    size = 0
    while size < target:
        if rng.random() < 0.3:
            paragraph = rng.choice(pool.paragraphs)
        else:
            paragraph = " ".join(rng.choices(pool.sentences, k=rng.randint(2, 5)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _vary(text: str, rng: random.Random, pool: Pool) -> str:
    text = YEAR.sub(lambda m: str(rng.randint(2015, 2030)), text)
    text = NUMBER.sub(lambda m: _vary_number(m.group(), rng), text)
    # Real text's own people trade places with the seeds' speakers too: a handful per
    # language would vary too little.
    text = _swap_names(text, rng, [*pool.people, *SPEAKERS] if pool.lengths else SPEAKERS)
    for forms in (_calendar(pool.lang, "weekdays"), _calendar(pool.lang, "months")):
        text = _swap_words(text, rng, forms)
    return text


def _vary_number(number: str, rng: random.Random) -> str:
    """New digits in the same shape: separators and length kept, no leading zero."""
    if len(number) == 4 and number[:2] in ("19", "20"):
        return number  # a year, already varied
    out = []
    for k, ch in enumerate(number):
        if ch.isdigit():
            low = 1 if k == 0 and len(number) > 1 else 0
            out.append(str(rng.randint(low, 9)))
        else:
            out.append(ch)
    return "".join(out)


def _swap_names(text: str, rng: random.Random, people: list[tuple[str, str]]) -> str:
    """A consistent swap of the people (first names, surname) within one article."""
    order = list(range(len(people)))
    rng.shuffle(order)
    mapping = {}
    for src, dst in zip(people, (people[k] for k in order), strict=True):
        mapping[src[1]] = dst[1]
        mapping[src[0]] = dst[0]
    return _names_pattern(tuple(people)).sub(lambda m: mapping[m.group()], text)


@cache
def _names_pattern(people: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    names = dict.fromkeys(name for first, last in people for name in (last, first))
    return re.compile(r"\b(" + "|".join(re.escape(k) for k in names) + r")\b")


def _swap_words(text: str, rng: random.Random, forms: list[str]) -> str:
    """Each weekday (or month) name becomes another, keeping its capital."""
    if not forms:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b", re.I)

    def swap(match: re.Match[str]) -> str:
        word = rng.choice(forms)
        return word.capitalize() if match.group()[0].isupper() else word

    return pattern.sub(swap, text)


@cache
def _calendar(lang: str, kind: str) -> list[str]:
    """Full weekday or month names from the language's data file (first form of each)."""
    try:
        lists = getattr(load_lang(lang).dates, kind)
    except Exception:
        return []
    return [forms[0] for forms in lists if forms and len(forms[0]) > 3 and " " not in forms[0]]


@cache
def _pools(origin: Path = SEEDS) -> tuple[Pool, ...]:
    """The source articles read as they are (not through `pipeline.ingest`, so that the
    corpus stays the same while the pipeline changes), grouped by language."""
    real = origin != SEEDS
    pools: dict[str, Pool] = {}
    for path in sorted(origin.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        lang = _language(text)
        pool = pools.setdefault(lang, Pool(lang))
        for line in text.split("\n"):
            line = DATELINE.sub("", line).strip()
            ends = line.endswith((".", "?", "!", "»", "”", '"') if real else (".", "?", "!"))
            if 30 < len(line) <= 150 and not ends:
                pool.headlines.append(line)
            # Real news has one-sentence paragraphs; the seeds' short lines are captions.
            elif len(line) > 150 or (real and len(line) > 30):
                pool.paragraphs.append(line)
                pool.sentences.extend(s for s in SENTENCE_END.split(line) if len(s) > 20)
        if real:
            pool.lengths.append(len(text))
            pool.people.extend(_people(text))
    for pool in pools.values():
        pool.headlines = pool.headlines or [s for s in pool.sentences if len(s) <= 150][:5]
        # Each person once, and none whose names are another's (the swap must be 1:1).
        seen: set[str] = set()
        people = []
        for first, last in pool.people:
            if first not in seen and last not in seen and first != last:
                people.append((first, last))
                seen.update((first, last))
        pool.people = people
    return tuple(p for _, p in sorted(pools.items()) if p.sentences)


# Two capitalised words inside a sentence: a person when, as news names one, the first
# name stands nowhere else and the surname is used alone later ("Mihai Tudose ... said
# Tudose"). A rule of thumb: a few organisations pass too, which only varies them.
_NAME = re.compile(r"(?<=[^\W\d_] )([^\W\d_a-zà-ỹа-я][^\W\d_]+) ([^\W\d_a-zà-ỹа-я][^\W\d_]{3,})\b")


def _people(text: str) -> list[tuple[str, str]]:
    found = []
    for match in _NAME.finditer(text):
        first, last = match.groups()
        firsts = len(re.findall(rf"\b{re.escape(first)}\b", text))
        pairs = len(re.findall(rf"\b{re.escape(first)} {re.escape(last)}\b", text))
        alone = re.compile(rf"(?<!{re.escape(first)} )\b{re.escape(last)}\b")
        if firsts == pairs and alone.search(text, match.end()):
            found.append((first, last))
    return found


def _language(text: str) -> str:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    codes = [IsoCode639_1.from_str(code) for code in SEED_LANGUAGES]
    detector = LanguageDetectorBuilder.from_iso_codes_639_1(*codes).build()
    language = detector.detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else "en"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", choices=SOURCES, default="real")
    parser.add_argument(
        "--real-articles",
        type=Path,
        help=f"folder of real articles (default: ${REAL_ARTICLES_ENV}, else {REAL_ARTICLES})",
    )
    args = parser.parse_args()
    paths = generate(
        args.folder, args.n, seed=args.seed, source=args.source, real=args.real_articles
    )
    print(f"wrote {len(paths)} articles to {args.folder}")


if __name__ == "__main__":
    main()
