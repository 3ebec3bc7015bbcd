"""What must not be needed: scikit-learn, trained spaCy pipelines, the network."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

import pytest

from pipeline.build import run


def test_scikit_learn_is_not_installed() -> None:
    # With scikit-learn present, quantulum3 switches on a classifier that fails to load.
    assert importlib.util.find_spec("sklearn") is None


def test_quantulum3_baseline_keeps_its_classifier_off() -> None:
    from benchmarks.quantulum3_baseline import _parser

    parser = _parser()
    from quantulum3 import classifier

    assert classifier.USE_CLF is False
    assert parser.parse("two meters")[0].value == 2


def test_build_needs_no_network(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = run(seeds_dir, tmp_path / "offline.duckdb", jobs=1)
    assert result.articles == 5
