"""Start-up: commands import only what they use (issue 15).

Each check runs in a fresh interpreter, since this test process has imported everything.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "duckdb", "pyarrow", "polars", "lingua", "dateparser", "ftfy")
LANGUAGE_CODE = ("pipeline.segment", "pipeline.attribution", "pipeline.quantities")


def _run_python(code: str) -> str:
    """What `code` prints, run in a new interpreter."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def _imported_by(code: str) -> set[str]:
    """The modules loaded after running `code` in a new interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = _run_python(script)
    return set(json.loads(out.strip().splitlines()[-1]))


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return [n for n in names if any(m == n or m.startswith(n + ".") for m in modules)]


def test_import_pipeline_loads_no_library_or_language_code() -> None:
    modules = _imported_by("import pipeline")
    assert _loaded(modules, HEAVY + LANGUAGE_CODE) == []


def test_help_loads_no_library_or_language_code() -> None:
    code = (
        "import sys\nfrom pipeline.cli import app\nsys.argv = ['factdb', '--help']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass"
    )
    assert _loaded(_imported_by(code), HEAVY + LANGUAGE_CODE) == []


@pytest.mark.parametrize("command", [["report"], ["claims", "--help"]])
def test_read_commands_load_no_extraction_code(command: list[str]) -> None:
    code = (
        f"import sys\nfrom pipeline.cli import app\nsys.argv = ['factdb', *{command!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass"
    )
    assert _loaded(_imported_by(code), ("spacy", "lingua", "dateparser", *LANGUAGE_CODE)) == []


def test_the_api_is_there_on_first_use() -> None:
    import pipeline

    assert pipeline.build.__name__ == "run"
    assert callable(pipeline.extract_quantities)
    assert set(pipeline.__all__) <= set(dir(pipeline))
    with pytest.raises(AttributeError):
        _ = pipeline.no_such_thing


def test_the_api_names_stay_functions_once_their_modules_are_loaded() -> None:
    code = (
        "import importlib, pipeline\nimportlib.import_module('pipeline.report')\n"
        "import pipeline.build\nprint(pipeline.build.__name__, pipeline.report.__name__)"
    )
    out = _run_python(code)
    assert out.split() == ["run", "report"]


def test_a_build_imports_spacy_without_its_command_line() -> None:
    """spaCy's own command line (weasel, httpx, requests...) is not loaded by a build;
    imported afterwards, it is the real one, and so is `spacy.info`."""
    modules = _imported_by("import pipeline.build")
    assert "spacy" in modules
    assert _loaded(modules, ("spacy.cli", "weasel", "httpx")) == []
    code = (
        "import pipeline.segment, spacy, spacy.cli\n"
        "print(callable(spacy.cli.download), spacy.info()['spacy_version'] == spacy.__version__)"
    )
    out = _run_python(code)
    assert out.split()[-2:] == ["True", "True"]
