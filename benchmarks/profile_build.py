"""Where the time of a single-process build goes: cProfile, grouped by component.

    python -m benchmarks.profile_build [N] [--source real|seeds] [--top 30]

Builds a corpus of N articles (default 500; made from real news by default, see
`benchmarks.corpus`) with `--jobs 1 --full` under cProfile,
then prints the own time (tottime) per component (each pipeline module, and each
library: spaCy, dateparser, quantulum3, lingua, ftfy, pydantic, duckdb, regex...) and
the functions with the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from benchmarks import corpus

# Entry points of the libraries that must run only on candidate spans (issue 5).
EXPENSIVE = {
    "dateparser": {"parse", "search_dates"},
    "quantulum3": {"parse", "extract_spellout_values"},
}
# (label, file, function): the cumulative time of each stage's entry point.
STAGES = [
    ("ingest", "pipeline/ingest.py", "ingest_file"),
    ("  language detection (lingua)", "pipeline/ingest.py", "_language"),
    ("  repair (ftfy) and boilerplate", "pipeline/ingest.py", "_clean"),
    ("segment (spaCy tokenizer, sentences)", "pipeline/segment.py", "segment_many"),
    ("  building the blank pipelines", "pipeline/segment.py", "get_nlp"),
    ("extract", "pipeline/extract.py", "extract"),
    ("  attribution", "pipeline/attribution/statements.py", "find_statements"),
    ("  quantities", "pipeline/quantities/extract.py", "extract_quantities"),
    ("  claim dates", "pipeline/frame.py", "claim"),
    ("  subjects", "pipeline/subjects.py", "subject_of"),
    ("  topics", "pipeline/subjects.py", "topics_of"),
    ("validate", "pipeline/validate.py", "validate"),
    ("write: rows", "pipeline/load.py", "add_result"),
    ("write: flush to DuckDB", "pipeline/load.py", "flush"),
    ("write: finish (speakers, checkpoint)", "pipeline/load.py", "finish"),
]
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
    parser.add_argument("--source", choices=corpus.SOURCES, default="real")
    parser.add_argument("--real-articles", type=Path, help="folder of real articles")
    args = parser.parse_args()
    from pipeline.build import run

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factdb-profile-"))
    folder = workdir / f"{args.source}-{args.n}"
    if len(list(folder.glob("*.txt"))) != args.n:
        corpus.generate(folder, args.n, source=args.source, real=args.real_articles)
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
    print("\ncumulative time by stage (indented: part of the stage above):")
    for label, path, function in STAGES:
        spent = sum(
            cumtime
            for (filename, _, name), (_, _, _, cumtime, _) in stats.stats.items()  # type: ignore[attr-defined]
            if filename.endswith(path) and name == function
        )
        print(f"  {spent:7.2f}s {spent / seconds:6.1%}  {label}")
    print("\nexpensive libraries (entry points: calls, cumulative time):")
    for (filename, _, name), (_, calls, _, cumtime, _) in stats.stats.items():  # type: ignore[attr-defined]
        if component(filename) in EXPENSIVE and name in EXPENSIVE[component(filename)]:
            print(f"  {component(filename)}.{name}: {calls} calls, {cumtime:.2f}s")
    print("\ncaches in the pipeline (hits, misses, size):")
    for label, info in _caches():
        print(f"  {label}: {info.hits} hits, {info.misses} misses, {info.currsize} kept")
    print()
    stats.sort_stats("cumulative").print_stats(args.top)


def _caches() -> list[tuple[str, object]]:
    """cache_info() of every functools cache on a pipeline module's top-level function."""
    found = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("pipeline") or module is None:
            continue
        for attr, value in sorted(vars(module).items()):
            if callable(getattr(value, "cache_info", None)) and value.__module__ == name:
                found.append((f"{name}.{attr}", value.cache_info()))
    return found


if __name__ == "__main__":
    main()
