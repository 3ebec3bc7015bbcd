"""Benchmark: bare tokenisation against the full `factdb build`, at N articles.

For each corpus (`real`: made from real news, `seeds`: made from the seeds; see
`benchmarks.corpus`) and each N it generates (or reuses) a deterministic corpus, then
measures, each in its own subprocess so that time and memory are the build's own:

1. bare tokenisation: stock `spacy.blank(lang)` with spaCy's `sentencizer`, `nlp.pipe`
   per language;
2. full builds with `--jobs 1` and `--jobs J` (default: 2);
3. a re-run on the unchanged corpus;
4. a re-run after adding one article (it must process exactly one).

Set-up and per-article work are timed apart. Bare set-up is importing spaCy and building
the stock pipelines of the corpus's languages; the build's is importing it and setting
up each language (pipeline, tokenizer exceptions, compiled patterns: one article of the
language through `process_batch`), which the workers of `--jobs J` inherit. Throughput
and its ratios are on the per-article work that follows; set-up is its own line.

Memory is sampled over the build's whole process tree (parent and workers), RSS every
50 ms and PSS every 250 ms (reading PSS costs more): the peak of the summed PSS (shared
pages split between the processes that share them) and of the summed RSS (shared pages
counted in every process). Prints the measurements, then one table of ratios per corpus
against the targets of issues 5 and 15. Run from the repository root:

    python -m benchmarks.bench_build --sizes 1000 10000
    python -m benchmarks.bench_build --sizes 200 --corpus real    # a quick look
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from benchmarks import corpus

TARGETS = {
    "set-up, s (bare: stock pipelines)": "",
    "set-up, s (build: imports, languages)": "< 1 a language",
    "build / bare throughput (jobs 1)": ">= 0.40",
    "build / bare throughput (jobs J)": "(all cores)",
    "jobs J speed-up over jobs 1": ">= 1.8 (J=2)",
    "peak memory (PSS), MB (jobs J)": "< 600",
    "peak memory (PSS) vs smallest N": "<= 1.20",
    "peak RSS summed, MB (jobs J)": "(< 600)",
    "full build / unchanged re-run": ">= 20",
    "articles processed after adding one": "== 1",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2, help="the parallel build's --jobs (J)")
    parser.add_argument("--workdir", type=Path, help="where corpora and databases go")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", nargs="+", choices=corpus.SOURCES, default=list(corpus.SOURCES))
    parser.add_argument(
        "--real-articles",
        type=Path,
        help="folder of real articles for the real-made corpus (default: "
        f"${corpus.REAL_ARTICLES_ENV}, else {corpus.REAL_ARTICLES})",
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factdb-bench-"))
    print(f"factdb build benchmark: {_machine()}; work in {workdir}", flush=True)
    results = {
        source: {
            n: bench_size(n, workdir, args.jobs, args.seed, source, args.real_articles)
            for n in args.sizes
        }
        for source in args.corpus
    }
    print(f"\nload after: {_load()}")
    for source, by_size in results.items():
        print(f"\n=== corpus made from {source}" + (" news" if source == "real" else ""))
        print_ratios(by_size, args.jobs)


def bench_size(n: int, workdir: Path, jobs: int, seed: int, source: str, real: Path | None) -> dict:
    folder = workdir / f"{source}-{n}"
    if len(list(folder.glob("*.txt"))) != n:
        _clear(folder)
        corpus.generate(folder, n, seed=seed, source=source, real=real)
    db = workdir / f"bench-{source}-{n}.duckdb"
    n_label = f"{source} {n}"
    out: dict = {"n": n}
    out["bare"] = _measure(n_label, "bare", "bare", str(folder))
    args = (str(folder), str(db))
    out["jobs1"] = _measure(n_label, "build --jobs 1", "build", *args, "1", "full")
    out["jobsJ"] = _measure(n_label, f"build --jobs {jobs}", "build", *args, str(jobs), "full")
    out["rerun"] = _measure(n_label, "re-run, unchanged", "build", *args, str(jobs), "")
    added = corpus.generate(folder, n + 1, seed=seed, start=n, source=source, real=real)
    try:
        out["add1"] = _measure(n_label, "re-run, one added", "build", *args, str(jobs), "")
    finally:
        for path in added:
            path.unlink()
    return out


def _measure(n: str, label: str, *child_args: str) -> dict:
    """Run one child measurement and sample its process tree's memory meanwhile."""
    load = _load()
    cmd = [sys.executable, "-m", "benchmarks.bench_build", "--child", *child_args]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    peak_rss, peak_pss = _sample_tree_memory(proc)
    stdout, _ = proc.communicate()
    wall = time.perf_counter() - started
    if proc.returncode:
        raise SystemExit(f"N={n} {label} failed (exit {proc.returncode})")
    result = json.loads(stdout.strip().splitlines()[-1])
    result.update(wall=wall, rss_mb=peak_rss / 2**20, pss_mb=peak_pss / 2**20, load=load)
    articles = result["articles"]
    print(
        f"{n:>12} {label:<20} set-up {result['setup']:5.2f}s (CPU {result['setup_cpu']:4.1f}s), "
        f"then {result['seconds']:8.2f}s  "
        f"{articles / result['seconds']:8.1f} art/s  "
        f"RSS {result['rss_mb']:4.0f} MB, PSS {result['pss_mb']:4.0f} MB  "
        f"CPU {result['cpu_parent']:.1f}s + workers {result['cpu_workers']:.1f}s  "
        f"(wall {wall:.1f}s, processed {result.get('processed', articles)}, load {load})",
        flush=True,
    )
    return result


PSS_EVERY = 5  # RSS is read every 50 ms, PSS every 250 ms


def _sample_tree_memory(proc: subprocess.Popen) -> tuple[int, int]:
    """Peak of the summed RSS, and of the summed PSS, of the process and its children.

    RSS counts the pages forked workers share with their parent once per process; PSS
    splits them between the processes, so its sum is the memory the build really holds.
    """
    peak_rss = peak_pss = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak_rss, peak_pss
        root = psutil.Process(proc.pid)
        ticks = 0
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            # PSS needs the whole page map (~2 ms a process): read every fifth tick
            # only, or the sampler takes a tenth of a core from the build it measures
            full = ticks % PSS_EVERY == 0
            rss = pss = 0
            for p in tree:
                with contextlib.suppress(psutil.Error):
                    info = p.memory_full_info() if full else p.memory_info()
                    rss += info.rss
                    pss += getattr(info, "pss", info.rss)
            peak_rss = max(peak_rss, rss)
            if full:
                peak_pss = max(peak_pss, pss)
            ticks += 1
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    proc.wait()
    done.set()
    thread.join()
    return peak_rss, peak_pss


def print_ratios(results: dict[int, dict], jobs: int) -> None:
    sizes = sorted(results)
    print("\nratio" + "".join(f"{'N=' + str(n):>12}" for n in sizes) + "   target")
    rows = {key.replace("J", str(jobs)): [] for key in TARGETS}
    smallest = results[sizes[0]]["jobsJ"]["pss_mb"]
    for n in sizes:
        r = results[n]
        bare = r["bare"]["articles"] / r["bare"]["seconds"]
        one = r["jobs1"]["articles"] / r["jobs1"]["seconds"]
        many = r["jobsJ"]["articles"] / r["jobsJ"]["seconds"]
        values = [
            r["bare"]["setup"],
            r["jobs1"]["setup"],
            one / bare,
            many / bare,
            r["jobs1"]["seconds"] / r["jobsJ"]["seconds"],
            r["jobsJ"]["pss_mb"],
            r["jobsJ"]["pss_mb"] / smallest,
            r["jobsJ"]["rss_mb"],
            r["jobsJ"]["seconds"] / r["rerun"]["seconds"],
            r["add1"]["processed"],
        ]
        for row, value in zip(rows.values(), values, strict=True):
            row.append(value)
    for (name, values), target in zip(rows.items(), TARGETS.values(), strict=True):
        cells = "".join(f"{v:>12.2f}" if isinstance(v, float) else f"{v:>12}" for v in values)
        print(f"{name:<38}{cells}   {target}")
    print(
        "\nthroughput is articles/s of the per-article work, after set-up; tokens/s = the "
        "bare token count over the same time:"
    )
    for n in sizes:
        r = results[n]
        tokens = r["bare"]["tokens"]
        cells = ", ".join(
            f"{k} {tokens / r[k]['seconds']:,.0f} tok/s" for k in ("bare", "jobs1", "jobsJ")
        )
        unchanged = r["jobsJ"]["wall"] / r["rerun"]["wall"]
        print(f"  N={n}: {tokens:,} tokens; {cells}; full/re-run by wall time {unchanged:.1f}")
    print(
        "\nCPU time, which the machine's other load disturbs less than wall time "
        "(ms per article; parent + workers):"
    )
    for n in sizes:
        r = results[n]
        per = {k: _cpu_ms(r[k]) for k in ("bare", "jobs1", "jobsJ")}
        cells = ", ".join(
            f"{k} {parent:.1f} + {workers:.1f}" for k, (parent, workers) in per.items()
        )
        bare, one = sum(per["bare"]), sum(per["jobs1"])
        parent, workers = per["jobsJ"]
        # Wall time on J idle cores is at least the busiest of: the parent, the workers' share.
        bound = one / max(parent, (parent + workers) / jobs)
        print(
            f"  N={n}: {cells}; build / bare by CPU {bare / one:.2f}; "
            f"jobs {jobs} speed-up the CPU times allow on idle cores {bound:.2f}"
        )


def _cpu_ms(result: dict) -> tuple[float, float]:
    n = result["articles"]
    return 1000 * result["cpu_parent"] / n, 1000 * result["cpu_workers"] / n


def _machine() -> str:
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load {_load()}"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _clear(folder: Path) -> None:
    if folder.exists():
        for path in folder.iterdir():
            path.unlink()


# ---- children: each measurement runs alone in a fresh interpreter -------------------


def child_bare(folder: str) -> dict:
    """Stock spaCy: `spacy.blank(lang)` and its `sentencizer`, built before the clock of
    the per-article work starts."""
    started, setup_cpu = time.perf_counter(), _cpu()[0]
    import spacy

    langs = corpus.languages(folder)
    by_lang: dict[str, list[Path]] = {}
    for path in sorted(Path(folder).glob("*.txt")):
        by_lang.setdefault(langs[path.name], []).append(path)
    pipelines = {lang: _stock_blank(spacy, lang) for lang in by_lang}
    for nlp in pipelines.values():
        nlp.add_pipe("sentencizer")
    setup = time.perf_counter() - started
    cpu = _cpu()
    setup_cpu = cpu[0] - setup_cpu
    started = time.perf_counter()
    tokens = articles = 0
    for lang, paths in by_lang.items():
        texts = (p.read_text(encoding="utf-8") for p in paths)
        for doc in pipelines[lang].pipe(texts, batch_size=64):
            tokens += len(doc)
            articles += 1
    seconds = time.perf_counter() - started
    return {
        "setup": setup,
        "setup_cpu": setup_cpu,
        "seconds": seconds,
        "articles": articles,
        "tokens": tokens,
        "cpu_parent": _cpu()[0] - cpu[0],
        "cpu_workers": 0.0,
    }


def _stock_blank(spacy, lang: str):  # spaCy is imported in the timed set-up
    try:
        return spacy.blank(lang)
    except ImportError:
        # spaCy's Vietnamese tokenizer wants pyvi by default; without it, its own
        # documented setting splits on spaces.
        return spacy.blank(lang, config={"nlp": {"tokenizer": {"use_pyvi": False}}})


def child_build(folder: str, db: str, jobs: str, full: str) -> dict:
    """`run()` over the folder, after a set-up timed apart: the imports, and one article
    of each language through `process_batch` (its pipeline, tokenizer and patterns)."""
    started, setup_cpu = time.perf_counter(), _cpu()[0]
    from pipeline.build import run
    from pipeline.process import process_batch

    langs = corpus.languages(folder)
    first: dict[str, Path] = {}
    for path in sorted(Path(folder).glob("*.txt")):
        first.setdefault(langs[path.name], path)
    process_batch(list(first.values()), Path(folder))
    setup = time.perf_counter() - started
    cpu = _cpu()
    setup_cpu = cpu[0] - setup_cpu
    started = time.perf_counter()
    report = run(folder, db, jobs=int(jobs), full=bool(full))
    seconds = time.perf_counter() - started
    parent, workers = (after - before for after, before in zip(_cpu(), cpu, strict=True))
    return {
        "setup": setup,
        "setup_cpu": setup_cpu,
        "seconds": seconds,
        "articles": report.articles,
        "processed": report.processed,
        "claims": report.claims,
        "cpu_parent": parent,
        "cpu_workers": workers,
    }


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process, and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def child(argv: list[str]) -> None:
    kind, *rest = argv
    result = child_bare(*rest) if kind == "bare" else child_build(*rest)
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(sys.argv[2:])
    else:
        main()
