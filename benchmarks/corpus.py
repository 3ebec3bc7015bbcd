"""A deterministic corpus of N realistic articles made from the seeds.

Each article recombines paragraphs and sentences of one seed language (a headline, then
paragraphs of seed sentences), with its numbers, speaker names, weekdays, months and
years varied, and about half carry a `date YYYY-MM-DD` dateline. Article `i` depends
only on (`seed`, `i`), so a corpus of 10,000 is the corpus of 1,000 plus 9,000 more, and
adding article N to a folder is generating it alone. No two articles are equal.

    python -m benchmarks.corpus OUT_FOLDER N [--seed 0]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline.lang import load_lang

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
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


def generate(folder: Path | str, n: int, *, seed: int = 0, start: int = 0) -> list[Path]:
    """Write articles `start`..`n-1` into `folder` as `NNNNNN.txt`; returns their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    with open(folder / LANGS, "a", encoding="utf-8") as langs:
        for i in range(start, n):
            path = folder / f"{i:06d}.txt"
            text, lang = article_and_lang(i, seed=seed)
            path.write_text(text, encoding="utf-8")
            langs.write(f"{path.name}\t{lang}\n")
            paths.append(path)
    return paths


def languages(folder: Path | str) -> dict[str, str]:
    """file name -> language of the articles `generate` wrote (for bare tokenisation)."""
    lines = (Path(folder) / LANGS).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line)


def article(i: int, *, seed: int = 0) -> str:
    """Article number `i`: the same text for the same (seed, i), different for any other."""
    return article_and_lang(i, seed=seed)[0]


def article_and_lang(i: int, *, seed: int = 0) -> tuple[str, str]:
    rng = random.Random(f"{seed}:{i}")
    pools = _pools()
    weights = [len(p.sentences) for p in pools]
    pool = rng.choices(pools, weights=weights)[0]
    headline, body = (
        _vary(part, rng, pool.lang) for part in (rng.choice(pool.headlines), _body(rng, pool))
    )
    # A wire id in the byline makes equal draws impossible, as it would in a real feed.
    wire = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:8]
    text = f"{headline}\n({pool.lang.upper()}-{wire}) {body}\n"
    if rng.random() < 0.5:
        published = f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"date {published}\n{text}"
    return text, pool.lang


def _body(rng: random.Random, pool: Pool) -> str:
    """Paragraphs of seed sentences: 2,000 to 4,500 characters, as the seeds are."""
    target = rng.randint(2000, 4500)
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


def _vary(text: str, rng: random.Random, lang: str) -> str:
    text = YEAR.sub(lambda m: str(rng.randint(2015, 2030)), text)
    text = NUMBER.sub(lambda m: _vary_number(m.group(), rng), text)
    text = _swap_names(text, rng)
    for forms in (_calendar(lang, "weekdays"), _calendar(lang, "months")):
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


def _swap_names(text: str, rng: random.Random) -> str:
    """A consistent swap of the seed speakers within one article."""
    order = list(range(len(SPEAKERS)))
    rng.shuffle(order)
    mapping = {}
    for src, dst in zip(SPEAKERS, (SPEAKERS[k] for k in order), strict=True):
        mapping[src[1]] = dst[1]
        mapping[src[0]] = dst[0]
    pattern = re.compile(r"\b(" + "|".join(re.escape(k) for k in mapping) + r")\b")
    return pattern.sub(lambda m: mapping[m.group()], text)


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
def _pools() -> tuple[Pool, ...]:
    """The seeds read as they are (not through `pipeline.ingest`, so that the corpus stays
    the same while the pipeline changes), grouped by language."""
    pools: dict[str, Pool] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        lang = _language(text)
        pool = pools.setdefault(lang, Pool(lang))
        for line in text.split("\n"):
            line = DATELINE.sub("", line).strip()
            if 30 < len(line) <= 150 and not line.endswith((".", "?", "!")):
                pool.headlines.append(line)
            elif len(line) > 150:
                pool.paragraphs.append(line)
                pool.sentences.extend(s for s in SENTENCE_END.split(line) if len(s) > 20)
    for pool in pools.values():
        pool.headlines = pool.headlines or [s for s in pool.sentences if len(s) <= 150][:5]
    return tuple(p for _, p in sorted(pools.items()) if p.sentences)


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
    args = parser.parse_args()
    paths = generate(args.folder, args.n, seed=args.seed)
    print(f"wrote {len(paths)} articles to {args.folder}")


if __name__ == "__main__":
    main()
