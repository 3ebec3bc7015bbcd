"""Preloaded by the crash test's forkserver: import the pipeline and warm its caches once
(spaCy pipelines, language data, detectors), so that each forked build starts at once."""

from pathlib import Path

from pipeline.build import process_all

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
for _ in process_all(sorted(SEEDS.glob("*.txt")), SEEDS, 1):
    pass
