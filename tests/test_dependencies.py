"""What must not be needed: scikit-learn, trained spaCy pipelines, the network."""

from __future__ import annotations

import socket
import sys
import types
from pathlib import Path

import pytest

from pipeline.build import run


@pytest.fixture
def scikit_learn_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    """quantulum3 imported afresh where `import sklearn` (and joblib) succeeds, as on a
    machine that has scikit-learn for other work: quantulum3 then switches its classifier
    on by itself. Stand-ins are enough, as only the import is tried; all is put back after."""
    for name in [n for n in sys.modules if n == "quantulum3" or n.startswith("quantulum3.")]:
        monkeypatch.delitem(sys.modules, name)
    for name in ("joblib", "sklearn", "sklearn.feature_extraction", "sklearn.linear_model"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    text = types.ModuleType("sklearn.feature_extraction.text")
    text.TfidfVectorizer = type("TfidfVectorizer", (), {})
    monkeypatch.setitem(sys.modules, "sklearn.feature_extraction.text", text)
    sys.modules["sklearn.linear_model"].SGDClassifier = type("SGDClassifier", (), {})


def test_quantulum3_would_switch_its_classifier_on(scikit_learn_importable: None) -> None:
    # the premise of the next test: without factdb's setting the classifier would be on
    from quantulum3 import classifier

    assert classifier.USE_CLF is True


def test_quantulum3_classifier_stays_off_with_scikit_learn(scikit_learn_importable: None) -> None:
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
