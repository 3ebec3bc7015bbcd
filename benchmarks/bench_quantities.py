"""Sentences per second: the quantity extractor vs bare spaCy tokenisation, same text.

    python -m benchmarks.bench_quantities [N_ARTICLES] [--seed 0]

Builds the deterministic seed corpus (`benchmarks.corpus`), splits each article into
sentences with a blank pipeline + sentencizer, then times, on the same sentences in the
same run: (a) tokenising them with the same blank pipeline + sentencizer, (b) running
`extract_quantities` on them. Prints both rates and extractor / tokeniser time; below 1.0
the extractor costs less than the tokeniser. Patterns are built before timing starts;
each is timed `--repeat` times, interleaved, and the fastest round counts (the machine is
shared, so single rounds are noisy).
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict

import spacy

from benchmarks.corpus import article_and_lang
from pipeline.quantities import extract_quantities
from pipeline.segment import blank


def sentences_by_lang(n: int, seed: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    nlps = {}
    for i in range(n):
        text, lang = article_and_lang(i, seed=seed)
        nlp = nlps.setdefault(lang, _blank(lang))
        found[lang].extend(s.text for s in nlp(text).sents if s.text.strip())
    return found


def _blank(lang: str) -> spacy.Language:
    nlp = blank(lang)  # the build's own blank pipeline (vi without pyvi)
    nlp.add_pipe("sentencizer")
    return nlp


def time_tokeniser(by_lang: dict[str, list[str]], nlps: dict[str, spacy.Language]) -> float:
    start = time.perf_counter()
    for lang, sentences in by_lang.items():
        for _ in nlps[lang].pipe(sentences):
            pass
    return time.perf_counter() - start


def time_extractor(by_lang: dict[str, list[str]]) -> tuple[float, int]:
    for lang in by_lang:
        extract_quantities("warm up 1", lang)
    found = 0
    start = time.perf_counter()
    for lang, sentences in by_lang.items():
        for sentence in sentences:
            found += len(extract_quantities(sentence, lang))
    return time.perf_counter() - start, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", nargs="?", type=int, default=300, help="articles in the corpus")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=5, help="rounds; the fastest of each counts")
    args = ap.parse_args()
    by_lang = sentences_by_lang(args.n, args.seed)
    total = sum(len(s) for s in by_lang.values())
    nlps = {lang: _blank(lang) for lang in by_lang}  # built and warmed once, like patterns
    tokeniser, extractor = float("inf"), float("inf")
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        tokeniser = min(tokeniser, time_tokeniser(by_lang, nlps))
        seconds, found = time_extractor(by_lang)
        extractor = min(extractor, seconds)
    print(f"sentences: {total} in {len(by_lang)} languages; quantities found: {found}")
    print(f"tokeniser (spacy.blank + sentencizer): {total / tokeniser:,.0f} sentences/s")
    print(f"extract_quantities:                    {total / extractor:,.0f} sentences/s")
    print(f"extractor time / tokeniser time: {extractor / tokeniser:.2f}")


if __name__ == "__main__":
    main()
