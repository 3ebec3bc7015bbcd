"""Canned reports: one `.sql` file each in `queries/`, loaded by name.

A report's header comment gives its title, description and parameters, like
Datasette's named queries; parameters are DuckDB named parameters (`$speaker`), bound
by DuckDB, never formatted into the SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
from pydantic import BaseModel

from pipeline.errors import BadParameter, UnknownReport
from pipeline.query import connect, finite

if TYPE_CHECKING:  # frames come from duckdb's .pl(): a build never imports polars
    import polars as pl

_HEADER = re.compile(r"^--\s*(title|description|param):\s*(.*)$")
_PARAM = re.compile(
    r"^(\w+)(?:\s+\((integer|number|date|text)\))?\s+-\s+(.*?)"
    r"(?:\s*\((?:default: (.*?)|required)\))?$"
)
# A parameter's declared type: values are checked in Python, before DuckDB sees them,
# so a wrong one is a clear error even when no row would have used it.
_CONVERT = {"integer": int, "number": float, "date": dt.date.fromisoformat, "text": str}
_KINDS = {"integer": "an integer", "number": "a finite number", "date": "a date (YYYY-MM-DD)"}


class ReportParam(BaseModel):
    name: str
    type: str = "text"
    description: str
    default: str | None = None
    required: bool = False


class ReportInfo(BaseModel):
    name: str
    path: str
    title: str
    description: str
    params: list[ReportParam]
    sql: str


def queries_dir() -> Path:
    """The reports that come with factdb."""
    try:
        return Path(str(resources.files("factdb_queries")))
    except ModuleNotFoundError:  # running from a source tree that is not installed
        return Path(__file__).resolve().parent.parent / "queries"


def search_path(queries: Path | str | None = None) -> list[Path]:
    """Where reports are looked up, first match wins: `queries` (the --queries option),
    then `./queries` in the working directory, then the packaged ones. So a user adds or
    overrides a report by dropping a `.sql` file in a folder, as in dbt or Datasette."""
    if queries is not None and not Path(queries).is_dir():
        raise BadParameter(f"--queries {queries}: not a folder of .sql files")
    folders = [Path(queries)] if queries is not None else []
    folders += [Path("queries"), queries_dir()]
    unique: list[Path] = []
    for folder in folders:
        if folder.is_dir() and folder.resolve() not in {f.resolve() for f in unique}:
            unique.append(folder)
    return unique


def reports(queries: Path | str | None = None) -> dict[str, ReportInfo]:
    """Every report by name, from the folders of `search_path`."""
    found: dict[str, ReportInfo] = {}
    for folder in search_path(queries):
        for path in sorted(folder.glob("*.sql")):
            if path.stem not in found:
                found[path.stem] = _parsed(path.resolve(), path.stat().st_mtime_ns)
    return dict(sorted(found.items()))


@cache
def _parsed(path: Path, mtime_ns: int) -> ReportInfo:
    """A report file parsed once per version of it (the mtime is part of the key)."""
    return _parse(path)


def _parse(path: Path) -> ReportInfo:
    sql = path.read_text(encoding="utf-8")
    fields: dict[str, str] = {"title": path.stem, "description": ""}
    params = []
    for line in sql.splitlines():
        header = _HEADER.match(line.strip())
        if not header:
            if line.strip() and not line.lstrip().startswith("--"):
                break
            continue
        key, value = header.groups()
        if key == "param":
            match = _PARAM.match(value)
            if match:
                name, kind, description, default = match.groups()
                params.append(
                    ReportParam(
                        name=name,
                        type=kind or "text",
                        description=description,
                        default=default if default not in (None, "no limit") else None,
                        required=value.endswith("(required)"),
                    )
                )
        else:
            fields[key] = value
    return ReportInfo(
        name=path.stem,
        path=str(path),
        title=fields["title"],
        description=fields["description"],
        params=params,
        sql=sql,
    )


def _convert(report_name: str, param: ReportParam, value: object) -> object:
    try:
        if param.type == "number":
            return finite(param.name, str(value))
        return _CONVERT[param.type](str(value))
    except (ValueError, BadParameter):
        raise BadParameter(
            f"report {report_name!r}: {param.name} must be {_KINDS.get(param.type, param.type)}, "
            f"not {value!r}"
        ) from None


def report(
    name: str, db: Path | str | None = None, queries: Path | str | None = None, **params: object
) -> pl.DataFrame:
    """Run the report `name` (see `search_path`) on the database and return its rows."""
    known_reports = reports(queries)
    info = known_reports.get(name)
    if info is None:
        known = ", ".join(known_reports) or "none"
        raise UnknownReport(f"no report named {name!r}; reports: {known}")
    declared = {p.name: p for p in info.params}
    unknown = set(params) - set(declared)
    if unknown:
        takes = ", ".join(declared) or "no parameters"
        raise BadParameter(f"report {name!r} takes {takes}, not {', '.join(sorted(unknown))}")
    values = {}
    for pname, param in declared.items():
        value = params.get(pname, param.default)
        if value is None and param.required:
            raise BadParameter(f"report {name!r} needs --param {pname}=VALUE ({param.description})")
        values[pname] = None if value is None else _convert(name, param, value)
    with connect(db) as con:
        try:
            return con.sql(info.sql, params=values).pl()
        except duckdb.ParserException as exc:  # a user's own .sql file with a typo
            raise BadParameter(f"report {name!r} ({info.path}): {exc}") from None
