"""The example notebook runs top to bottom against a fresh database."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize("notebook", sorted(EXAMPLES.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_executes(
    notebook: Path, seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTDB_SEEDS", str(seeds_dir))
    monkeypatch.setenv("FACTDB_DB", str(tmp_path / "tour.duckdb"))
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(EXAMPLES)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert (tmp_path / "tour.duckdb").is_file()
    # the pictures: a speaker's figures over time and claims per topic and language
    pictures = [o.data["image/svg+xml"] for o in outputs if "image/svg+xml" in o.get("data", {})]
    assert len(pictures) >= 2
    assert all("<svg" in svg and "mark-" in svg for svg in pictures)
