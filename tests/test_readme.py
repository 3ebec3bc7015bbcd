"""The README's sessions run as written: the Python one as a doctest, as a REPL prints it,
and the CLI one command by command, output compared but for the build's time."""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BUILD_TIME = re.compile(r"rejections in \d+(\.\d+)?s")


def _block(marker: str) -> str:
    found = re.search(rf"<!-- {marker} -->\n```\w+\n(.*?)```\n<!-- /{marker} -->", README, re.S)
    assert found, f"README has no {marker} block"
    return found.group(1)


@pytest.fixture
def in_seeds_folder(tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder holding `seeds/`, as a fresh clone is, made the working directory."""
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    for name in [k for k in __import__("os").environ if k.startswith("POLARS_")]:
        monkeypatch.delenv(name)  # the REPL's tables in their default shape
    return tmp_path


def test_python_session_is_what_a_repl_prints(in_seeds_folder: Path) -> None:
    with pl.Config() as config:
        config.restore_defaults()
        test = doctest.DocTestParser().get_doctest(
            _block("python-session"), {}, "README python-session", "README.md", 0
        )
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
    assert runner.failures == 0, "the README's Python session differs; see the report above"


def _cli_steps() -> list[tuple[list[str], str]]:
    steps: list[tuple[list[str], str]] = []
    for line in _block("cli-session").splitlines():
        if line.startswith("$ factdb "):
            steps.append((shlex.split(line[len("$ factdb ") :]), ""))
        else:
            args, output = steps[-1]
            steps[-1] = (args, output + line + "\n")
    return steps


def test_cli_session_prints_what_the_readme_shows(in_seeds_folder: Path) -> None:
    steps = _cli_steps()
    assert steps and steps[0][0][0] == "build"
    for args, expected in steps:
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        shown = BUILD_TIME.sub("rejections in Xs", result.stdout)
        assert shown == BUILD_TIME.sub("rejections in Xs", expected), f"factdb {shlex.join(args)}"
