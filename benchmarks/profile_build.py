"""Where the time of a single-process build goes: cProfile, grouped by component.

    python -m benchmarks.profile_build [N] [--top 30]

Builds a corpus of N articles (default 500) with `--jobs 1 --full` under cProfile,
then prints the own time (tottime) per component (each pipeline module, and each
library: spaCy, dateparser, quantulum3, lingua, ftfy, pydantic, duckdb, regex...) and
the functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks import corpus

LIBRARIES = (
    "spacy",
    "thinc",
    "dateparser",
    "quantulum3",
    "lingua",
    "ftfy",
    "pydantic",
    "duckdb",
    "pyarrow",
    "regex",
    "rapidfuzz",
    "pint",
    "text2num",
    "numpy",
)


def component(filename: str) -> str:
    if "/pipeline/" in filename:
        return "pipeline/" + filename.rsplit("/pipeline/", 1)[1]
    if "/schemas/" in filename:
        return "schemas/" + filename.rsplit("/schemas/", 1)[1]
    for lib in LIBRARIES:
        if f"/{lib}/" in filename or filename.startswith(f"{lib}/"):
            return lib
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C: re, hashlib, str, ...)"
    return "other python"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, nargs="?", default=500)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--workdir", type=Path)
    args = parser.parse_args()
    from pipeline.build import run

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factdb-profile-"))
    folder = workdir / f"corpus-{args.n}"
    if len(list(folder.glob("*.txt"))) != args.n:
        corpus.generate(folder, args.n)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    report = run(folder, workdir / "profile.duckdb", jobs=1, full=True)
    profiler.disable()
    seconds = time.perf_counter() - started
    print(f"{report.articles} articles, {report.claims} claims in {seconds:.1f}s under cProfile")
    stats = pstats.Stats(profiler)
    by_component: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        by_component[component(filename)] += tottime
    total = sum(by_component.values())
    print(f"\nown time by component ({total:.1f}s):")
    for name, spent in sorted(by_component.items(), key=lambda kv: -kv[1])[:25]:
        print(f"  {spent:7.2f}s {spent / total:6.1%}  {name}")
    print()
    stats.sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
