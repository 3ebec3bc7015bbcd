"""Docs that cannot drift: README commands, CLI help, report headers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli import app
from pipeline.report import queries_dir

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def _setup_commands() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert block, "README has no ```sh block of set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_has_exactly_two_setup_commands() -> None:
    assert len(_setup_commands()) == 2


def test_ci_runs_the_readme_commands_verbatim() -> None:
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for command in _setup_commands():
        assert command in ci_lines


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command: str) -> None:
    assert f"factdb {command}" in README


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_docstring(command: str) -> None:
    callback = next(
        c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command
    )
    assert (callback.__doc__ or "").strip()


@pytest.mark.parametrize("path", sorted(queries_dir().glob("*.sql")), ids=lambda p: p.stem)
def test_every_query_has_a_header(path: Path) -> None:
    head = path.read_text(encoding="utf-8").splitlines()[:2]
    assert head[0].startswith("-- title: ")
    assert head[1].startswith("-- description: ")


@pytest.mark.parametrize("path", sorted(queries_dir().glob("*.sql")), ids=lambda p: p.stem)
def test_queries_use_named_parameters_only(path: Path) -> None:
    sql = path.read_text(encoding="utf-8")
    assert "{" not in sql and "%s" not in sql and "?" not in sql
