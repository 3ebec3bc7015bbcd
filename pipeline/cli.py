"""`factdb`: a thin typer layer over the Python API. Each command parses, calls, prints."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
from typer.core import TyperGroup

try:  # typer 0.2x carries its own copy of click; older releases use click itself
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - depends on the installed typer
    from click import exceptions as click_errors

from pipeline.errors import BadParameter, FactdbError, Terminated
from pipeline.terminal import dumps, escape, escape_frame

if TYPE_CHECKING:  # polars is imported where a table is shown: a build does not need it
    import polars as pl

TABLE_ROWS = 100  # rows a table shows; the rest are counted, and csv/json give them all


class OneLineErrors(TyperGroup):
    """Usage mistakes (a bad value, an unknown option or choice) as one line on stderr
    and exit code 2, like the library's own errors, instead of click's usage box."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_errors.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # `factdb` alone: the help
                exc.show()
                sys.exit(exc.exit_code)
            where = exc.ctx.command_path if exc.ctx else "factdb"
            # typer checks choices with pydantic, whose message starts "Value error, "
            message = " ".join(exc.format_message().replace("Value error, ", "").split())
            typer.echo(f"factdb: {message} (see `{where} --help`)", err=True)
            sys.exit(2)
        except click_errors.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("factdb: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=OneLineErrors,
    help="Turn a folder of multilingual news articles into a DuckDB database of dated, "
    "attributed quantity claims, and query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain click help: no `<bool>` after flags, and no rich import on `--help`.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            typer.echo(f"factdb {version('factdb')}")
        except PackageNotFoundError:  # a source tree that was never installed
            typer.echo("factdb (not installed)")
        raise typer.Exit()


@app.callback()
def root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn a folder of multilingual news articles into a DuckDB database of dated,
    attributed quantity claims, and query it."""


F = TypeVar("F", bound=Callable)
DbOption = Annotated[
    Path, typer.Option("--db", help="The DuckDB file (created by `factdb build`).")
]
DEFAULT_DB = Path("factdb.duckdb")


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


class SqlFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


class ResultFormat(StrEnum):
    text = "text"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ResultFormatOption = Annotated[
    ResultFormat, typer.Option("--format", "-f", help="text for people, json for scripts.")
]
QueriesOption = Annotated[
    Path | None,
    typer.Option(
        "--queries",
        help="A folder of your own .sql reports, looked up before ./queries and the packaged ones.",
    ),
]


def friendly(command: F) -> F:
    """A user's mistake ends in one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactdbError as exc:
            typer.echo(f"factdb: {escape(str(exc), cell=True)}", err=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM during a build (`Terminated`)
            what = "terminated" if isinstance(exc, Terminated) else "interrupted"
            typer.echo(f"factdb: {what}; the database was left as it was", err=True)
            raise typer.Exit(143 if isinstance(exc, Terminated) else 130) from None

    return wrapper  # type: ignore[return-value]


def show_frame(frame: pl.DataFrame, fmt: Format) -> None:
    import polars as pl

    if fmt is Format.csv:
        flat = _csv_ready(frame)
        if sys.stdout.isatty():  # a file or pipe gets the data as stored
            flat = escape_frame(flat, cell=False)
        typer.echo(flat.write_csv(), nl=False)
    elif fmt is Format.json:
        typer.echo(dumps(frame.to_dicts()))
    else:
        frame = escape_frame(frame)
        with pl.Config(
            tbl_rows=TABLE_ROWS,
            tbl_cols=20,
            fmt_str_lengths=60,
            tbl_width_chars=160,
            tbl_hide_dataframe_shape=True,
            fmt_float="full",
            tbl_hide_column_data_types=True,
        ):
            typer.echo(frame)
        if frame.height > TABLE_ROWS:
            typer.echo(
                f"{TABLE_ROWS} of {frame.height} rows shown; --format csv or json gives them all",
                err=True,
            )


@app.command()
@friendly
def build(
    folder: Annotated[
        Path, typer.Argument(help="Folder of .txt/.md articles, read recursively.")
    ] = Path("seeds"),
    db: DbOption = DEFAULT_DB,
    jobs: Annotated[
        int,
        typer.Option(
            min=0,
            help="Processes that extract: this one and N-1 workers. 0: one process below "
            "100 articles to process (a worker costs as much CPU as ~50 articles), "
            "two from 100, three from 300, up to one per core.",
        ),
    ] = 0,
    full: Annotated[
        bool, typer.Option("--full", help="Process every article, not only new or changed ones.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or report.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option(help="Run the work in local processes or on a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://HOST:8786) for --engine dask; "
            "omit to start a local cluster of --jobs workers."
        ),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every rejected file, not the first 10.")
    ] = False,
    fmt: ResultFormatOption = ResultFormat.text,
    follow_symlinks: Annotated[
        bool,
        typer.Option("--follow-symlinks", help="Read files that symlinks point to outside FOLDER."),
    ] = False,
) -> None:
    """Build or update the fact database from FOLDER, then print a short report."""
    # The time shown is the user's wait: it counts loading spaCy and the language data,
    # which the build's own timer (BuildReport.seconds) starts after.
    started = time.perf_counter()
    from pipeline.build import run

    # a log file or --format json gets the summary, not a bar
    hidden = quiet or fmt is ResultFormat.json or not sys.stderr.isatty()
    with typer.progressbar(length=1, label="articles", file=sys.stderr, hidden=hidden) as bar:

        def progress(done: int, total: int) -> None:
            bar.length = max(total, 1)
            bar.update(done - bar.pos)

        result = run(
            folder,
            db,
            jobs=jobs or None,
            full=full,
            progress=progress,
            engine=engine.value,
            scheduler=scheduler,
            follow_symlinks=follow_symlinks,
        )
    if result.files == 0:
        typer.echo(
            f"factdb: warning: no .txt or .md files in {escape(str(folder), cell=True)}", err=True
        )
    reasons = _rejection_reasons(result.db, result.rejected_files)
    if fmt is ResultFormat.json:
        summary = result.model_dump() | {"rejected": reasons}
        typer.echo(dumps(summary))
        return
    for note in result.notes:
        typer.echo(f"factdb: {escape(note, cell=True)}", err=True)
    seconds = time.perf_counter() - (_process_started or started)
    built = escape(result.db, cell=True)
    typer.echo(
        f"built {built}: {result.articles} articles ({result.processed} processed, "
        f"{result.carried_over} unchanged), {result.claims} claims, {result.entities} speakers, "
        f"{result.rejections} rejections in {seconds:.1f}s"
    )
    shown = reasons if verbose else reasons[:10]
    for rejected in shown:
        line = f"{rejected['article']} ({rejected['stage']}: {rejected['reason']})"
        typer.echo(f"  rejected: {escape(line, cell=True)}")
    if len(reasons) > len(shown):
        typer.echo(f"  ... and {len(reasons) - len(shown)} more (-v lists them all)")
    if not quiet and result.articles:
        from pipeline.report import report as run_report

        show_frame(run_report("claims_by_speaker", db), Format.table)


def _rejection_reasons(db: str, files: list[str]) -> list[dict]:
    """Why each rejected file was refused, from the `rejections` table the build wrote."""
    if not files:
        return []
    from pipeline.query import connect

    with connect(db) as con:
        rows = con.execute(
            "select distinct on (article) article, stage, reason from rejections"
            " where list_contains($files, article) order by article, stage, reason",
            {"files": files},
        ).fetchall()
    found = {row[0]: {"article": row[0], "stage": row[1], "reason": row[2]} for row in rows}
    unknown = {"stage": "?", "reason": "no reason recorded"}
    return [found.get(name, {"article": name, **unknown}) for name in files]


@app.command()
@friendly
def report(
    name: Annotated[
        str | None, typer.Argument(help="Report name; omit to list the reports.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    queries: QueriesOption = None,
) -> None:
    """Run a report (NAME.sql from --queries, ./queries or factdb's own), or list them."""
    from pipeline.report import report as run_report
    from pipeline.report import reports

    if name is None:
        for info in reports(queries).values():
            params = ", ".join(
                p.name + ("" if not p.required else " (required)") for p in info.params
            )
            typer.echo(
                f"{info.name:<22} {info.title}" + (f"  [params: {params}]" if params else "")
            )
            typer.echo(f"{'':<22} {info.description}")
        return
    show_frame(run_report(name, db, queries, **_key_values(param or [])), fmt)


def _key_values(pairs: list[str]) -> dict[str, str]:
    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise BadParameter(f"--param takes key=value, not {pair!r}")
        values[key.strip()] = value
    return values


@app.command()
@friendly
def claims(
    speaker: Annotated[
        str | None, typer.Option(help="Canonical name or any alias (substring).")
    ] = None,
    unit: Annotated[
        str | None, typer.Option(help="Canonical unit: USD, tonne, percent, count...")
    ] = None,
    min_value: Annotated[
        float | None, typer.Option("--min", help="Smallest value (scaled).")
    ] = None,
    max_value: Annotated[
        float | None, typer.Option("--max", help="Largest value (scaled).")
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Article language: a code (de, DE) or name (German).")
    ] = None,
    article: Annotated[str | None, typer.Option(help="Source file name (substring).")] = None,
    topic: Annotated[str | None, typer.Option(help="Topic tag, e.g. rare_earths.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    all_columns: Annotated[
        bool, typer.Option("--all-columns", help="Every column, not a summary.")
    ] = False,
) -> None:
    """List claims filtered by speaker, unit, value range, language, article or topic."""
    from pipeline.lang import language_code
    from pipeline.query import claims as query_claims

    frame = query_claims(
        db,
        speaker=speaker,
        unit=unit,
        min_value=min_value,
        max_value=max_value,
        lang=None if lang is None else language_code(lang),
        article=article,
        topic=topic,
        limit=limit,
    )
    if not all_columns and fmt is Format.table:
        frame = frame.select(
            "claim_id",
            "lang",
            "value",
            "unit",
            "bound",
            "surface",
            "speaker",
            "claim_date",
            "article",
        )
    show_frame(frame, fmt)


@app.command()
@friendly
def speakers(
    name: Annotated[
        str | None, typer.Argument(help="Only speakers whose name or alias contains this.")
    ] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """List canonical speakers with every alias and language they were found under."""
    from pipeline.query import entities

    frame = entities(db, name=name)
    show_frame(
        frame.select("name", "kind", "aliases", "langs") if fmt is Format.table else frame, fmt
    )


@app.command()
@friendly
def show(
    claim_id: Annotated[str, typer.Argument(help="A claim_id from `factdb claims`.")],
    db: DbOption = DEFAULT_DB,
    fmt: ResultFormatOption = ResultFormat.text,
) -> None:
    """Print one claim and its sentence, the quantity and speaker marked by brackets."""
    from pipeline.query import claim

    row = claim(claim_id, db)
    if row is None:
        raise BadParameter(f"no claim {claim_id!r} in {db}; list ids with `factdb claims`")
    text, start, end = row["article_text"], row["start"], row["end"]
    s0 = row["sentence_start"]
    sentence = text[s0:start] + "[" + text[start:end] + "]" + text[end : s0 + len(row["sentence"])]
    if fmt is ResultFormat.json:
        del row["article_text"]  # the whole article: `factdb sql` reads it when wanted
        typer.echo(dumps(row))
        return
    for key in (
        "claim_id",
        "article",
        "lang",
        "value",
        "value_max",
        "unit",
        "bound",
        "surface",
        "noun",
        "subject",
        "topics",
        "speaker",
        "speaker_surface",
        "cue",
        "quote_kind",
        "claim_date",
        "claim_date_precision",
        "period",
        "published_date",
    ):
        if row.get(key) not in (None, [], ""):
            typer.echo(f"{key:>20}: {escape(str(row[key]))}")
    marked = _mark_speaker(sentence, row.get("speaker_surface"))
    typer.echo(f"{'sentence':>20}: {escape(marked)}")


def _mark_speaker(sentence: str, speaker: str | None) -> str:
    if speaker and speaker in sentence:
        return sentence.replace(speaker, f"<{speaker}>", 1)
    return sentence


@app.command()
@friendly
def quantities(
    text: Annotated[
        str | None, typer.Argument(help="Text to read; '-' reads it from stdin.")
    ] = None,
    lang: Annotated[str, typer.Option(help="Language of the text: code or name.")] = "en",
    jsonl: Annotated[
        bool,
        typer.Option(
            "--jsonl", help='Read {"id","text","lang"} lines on stdin, write results as JSON lines.'
        ),
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Extract the quantities from TEXT (or JSON lines on stdin) without building anything."""
    import polars as pl

    from pipeline.lang import language_code, load_lang
    from pipeline.quantities import extract_quantities

    if jsonl:
        bad = _quantities_jsonl(sys.stdin, sys.stdout)
        if bad:
            typer.echo(f"factdb: {bad} bad input line{'s' if bad > 1 else ''}", err=True)
            raise typer.Exit(1)
        return
    if text is None:
        raise BadParameter("give a TEXT to read ('-' for stdin), or --jsonl to read JSON lines")
    if text == "-":
        text = sys.stdin.read()
    lang = language_code(lang)
    load_lang(lang)
    found = [q.model_dump() for q in extract_quantities(text, lang)]
    if not found:
        typer.echo("no quantities found", err=True)
        return
    columns = ["surface", "value", "value_max", "unit", "bound", "noun", "start", "end"]
    show_frame(pl.DataFrame(found).select(columns), fmt)


def _quantities_jsonl(lines, out) -> int:
    """The scorer's protocol, one answer line per good input line; a line that is not a
    JSON object with a text is reported on stderr with its number. Returns the bad lines."""
    from pipeline.quantities import run_jsonl

    bad = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            if not isinstance(case, dict) or not isinstance(case.get("text"), str):
                raise ValueError('not an object with a "text" string')
        except ValueError as exc:
            bad += 1
            reason = " ".join(str(exc).split())[:120]
            typer.echo(f"factdb: stdin line {number}: {reason}", err=True)
            continue
        run_jsonl([line], out)
        out.flush()  # a scorer waiting on each answer gets it now
    return bad


@app.command()
@friendly
def check(db: DbOption = DEFAULT_DB, fmt: ResultFormatOption = ResultFormat.text) -> None:
    """Verify the database: claims match their articles' text, counts match `runs`, schema."""
    from pipeline.check import check as check_db

    problems = check_db(db)
    if fmt is ResultFormat.json:
        typer.echo(dumps({"db": str(db), "ok": not problems, "problems": problems}))
        if problems:
            raise typer.Exit(1)
        return
    for problem in problems:
        typer.echo(f"problem: {escape(problem, cell=True)}")
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        typer.echo(f"factdb: {db} failed its check ({count})", err=True)
        raise typer.Exit(1)
    typer.echo(f"{db}: ok")


@app.command()
@friendly
def sql(
    query: Annotated[str, typer.Argument(help="A DuckDB SELECT; '-' reads it from stdin.")],
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[
        SqlFormat, typer.Option("--format", "-f", help="Output format; parquet needs -o.")
    ] = SqlFormat.table,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
) -> None:
    """Run your own SQL on a read-only connection to the database."""
    from pipeline.query import sql as run_sql

    if fmt is SqlFormat.parquet and output is None:
        raise BadParameter("--format parquet writes a file: give -o PATH")
    frame = run_sql(sys.stdin.read() if query == "-" else query, db)
    if output is not None:
        _write_frame(frame, fmt, output)
        typer.echo(f"wrote {frame.height} rows to {output}", err=True)
        return
    show_frame(frame, Format(fmt.value))


def _write_frame(frame: pl.DataFrame, fmt: SqlFormat, output: Path) -> None:
    if not output.parent.is_dir():
        raise BadParameter(f"cannot write {output}: folder {output.parent} does not exist")
    if fmt is SqlFormat.parquet:
        frame.write_parquet(output)
    elif fmt is SqlFormat.json:
        output.write_text(
            json.dumps(frame.to_dicts(), ensure_ascii=False, default=str, indent=1),
            encoding="utf-8",
        )
    else:  # a table in a file is its csv
        _csv_ready(frame).write_csv(output)


def _csv_ready(frame: pl.DataFrame) -> pl.DataFrame:
    """List columns (topics, aliases) joined with '; ': CSV has no lists."""
    import polars as pl

    return frame.with_columns(
        pl.col(c).cast(pl.List(pl.String)).list.join("; ")
        for c, dtype in frame.schema.items()
        if isinstance(dtype, pl.List)
    )


@app.command()
@friendly
def export(
    table: Annotated[
        str, typer.Argument(help="claims, articles, statements, entities, rejections or runs.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write.")],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="File format.")
    ] = ExportFormat.parquet,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write one table to a Parquet, CSV or JSON-lines file (DuckDB COPY)."""
    from pipeline.query import export as copy_table

    rows = copy_table(table, output, fmt.value, db)
    typer.echo(f"wrote {rows} rows of {table} to {output}")


@app.command()
@friendly
def html(
    out_dir: Annotated[Path, typer.Argument(help="Folder to write the site into.")],
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a static claims explorer (opens from disk, works offline) into OUT_DIR."""
    from pipeline.explore import write_site

    site = write_site(out_dir, db)
    typer.echo(
        f"wrote {out_dir}/index.html: {site.claims} claims, {site.speakers} speaker pages, "
        f"{site.topics} topic pages, {site.articles} article pages in {site.seconds:.1f}s"
    )


_process_started: float | None = None  # perf_counter() at process start, set by main()


def _process_age() -> float:
    """Seconds since this process started (Linux /proc; 0 elsewhere): the imports that
    ran before any command are part of what the user waits for."""
    import os

    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22, in clock ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return max(uptime - started, 0.0)


def main() -> None:
    """The `factdb` command (a CliRunner calls `app` and times only the command)."""
    global _process_started
    _process_started = time.perf_counter() - _process_age()
    app()


if __name__ == "__main__":
    main()
