"""Builds in child processes that stop at a named point: for the crash and concurrency tests.

A child build gets `FACTDB_TEST_PAUSE_AT=<point>[:<n>]=<marker>`; when it reaches the
point it writes the marker and waits until the marker is deleted. So a test stops a
build by its progress, never by sleeping a fixed time, then kills or resumes it.
Children are forked from a forkserver that has imported the pipeline and warmed it
(`_warm_pipeline`), so each starts in milliseconds.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

from pipeline.build import run
from pipeline.load import PAUSE_ENV

HERE = Path(__file__).resolve().parent
_context: multiprocessing.context.BaseContext | None = None


def forkserver() -> multiprocessing.context.BaseContext:
    """The forkserver context, started once; it does not apply sys.path before
    preloading, so it is given PYTHONPATH for that."""
    global _context
    if _context is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.build", "_warm_pipeline"])
        saved = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(HERE), str(HERE.parent), saved) if p
        )
        try:
            starter = ctx.Process(target=time.sleep, args=(0,))
            starter.start()
            starter.join()
        finally:
            if saved is None:
                os.environ.pop("PYTHONPATH", None)
            else:
                os.environ["PYTHONPATH"] = saved
        _context = ctx
    return _context


def _child(folder: str, db: str, full: bool, pause: str, jobs: int) -> None:
    os.environ[PAUSE_ENV] = pause
    run(folder, db, jobs=jobs, full=full)


class PausedBuild:
    """A build of `folder` into `db`, started and waiting at `point`."""

    def __init__(
        self, folder: Path, db: Path, point: str, marker: Path, full: bool = False, jobs: int = 1
    ):
        self.point, self.marker = point, marker
        marker.unlink(missing_ok=True)
        self.process = forkserver().Process(
            target=_child, args=(str(folder), str(db), full, f"{point}={marker}", jobs)
        )
        self.process.start()
        deadline = time.monotonic() + 60
        while not marker.exists():
            if not self.process.is_alive():
                raise AssertionError(f"the build ended before reaching {point}")
            if time.monotonic() > deadline:
                self.process.kill()
                raise AssertionError(f"the build never reached {point}")
            time.sleep(0.005)

    def children(self) -> list[int]:
        """Pids of the build's own child processes (its worker pool), from /proc."""
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(stat.parent.name))
        return found

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        assert self.process.exitcode == -9
        self.marker.unlink(missing_ok=True)

    def resume(self) -> int:
        """Let the build go on to its end; its exit code."""
        self.marker.unlink()
        self.process.join(timeout=120)
        return self.process.exitcode
