"""Benchmark: bare tokenisation against the full `factdb build`, at N articles.

For each N it generates (or reuses) a deterministic corpus (`benchmarks.corpus`), then
measures, each in its own subprocess so that time and memory are the build's own:

1. bare tokenisation: a blank spaCy pipeline with a sentencizer, `nlp.pipe` per language;
2. full builds with `--jobs 1` and `--jobs J` (default: 2);
3. a re-run on the unchanged corpus;
4. a re-run after adding one article (it must process exactly one).

Memory is sampled over the build's whole process tree (parent and workers), RSS every
50 ms and PSS every 250 ms (reading PSS costs more): the peak of the summed PSS (shared
pages split between the processes that share them) and of the summed RSS (shared pages
counted in every process). Prints the measurements, then one table of ratios against
the targets of issue 5. Run from the repository root:

    python -m benchmarks.bench_build --sizes 1000 10000
    python -m benchmarks.bench_build --sizes 200            # a quick look
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
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factdb-bench-"))
    print(f"factdb build benchmark: {_machine()}; work in {workdir}", flush=True)
    results = {n: bench_size(n, workdir, args.jobs, args.seed) for n in args.sizes}
    print(f"\nload after: {_load()}")
    print_ratios(results, args.jobs)


def bench_size(n: int, workdir: Path, jobs: int, seed: int) -> dict:
    folder = workdir / f"corpus-{n}"
    if len(list(folder.glob("*.txt"))) != n:
        _clear(folder)
        corpus.generate(folder, n, seed=seed)
    db = workdir / f"bench-{n}.duckdb"
    out: dict = {"n": n}
    out["bare"] = _measure(n, "bare", "bare", str(folder))
    out["jobs1"] = _measure(n, "build --jobs 1", "build", str(folder), str(db), "1", "full")
    out["jobsJ"] = _measure(
        n, f"build --jobs {jobs}", "build", str(folder), str(db), str(jobs), "full"
    )
    out["rerun"] = _measure(n, "re-run, unchanged", "build", str(folder), str(db), str(jobs), "")
    added = corpus.generate(folder, n + 1, seed=seed, start=n)
    try:
        out["add1"] = _measure(n, "re-run, one added", "build", str(folder), str(db), str(jobs), "")
    finally:
        for path in added:
            path.unlink()
    return out


def _measure(n: int, label: str, *child_args: str) -> dict:
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
        f"N={n:>6} {label:<20} {result['seconds']:8.2f}s  "
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
        "\nthroughput is articles/s inside run() (imports excluded); tokens/s = the bare "
        "token count over the same time:"
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
    from pipeline.segment import blank

    langs = corpus.languages(folder)
    cpu = _cpu()
    started = time.perf_counter()
    by_lang: dict[str, list[Path]] = {}
    for path in sorted(Path(folder).glob("*.txt")):
        by_lang.setdefault(langs[path.name], []).append(path)
    tokens = articles = 0
    for lang, paths in by_lang.items():
        nlp = blank(lang)
        nlp.add_pipe("sentencizer")
        texts = (p.read_text(encoding="utf-8") for p in paths)
        for doc in nlp.pipe(texts, batch_size=64):
            tokens += len(doc)
            articles += 1
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "articles": articles,
        "tokens": tokens,
        "cpu_parent": _cpu()[0] - cpu[0],
        "cpu_workers": 0.0,
    }


def child_build(folder: str, db: str, jobs: str, full: str) -> dict:
    from pipeline.build import run

    cpu = _cpu()
    started = time.perf_counter()
    report = run(folder, db, jobs=int(jobs), full=bool(full))
    seconds = time.perf_counter() - started
    parent, workers = (after - before for after, before in zip(_cpu(), cpu, strict=True))
    return {
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
