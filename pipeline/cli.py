"""`factdb`: a thin typer layer over the Python API. Each command parses, calls, prints."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from pipeline.errors import BadParameter, FactdbError

if TYPE_CHECKING:  # polars is imported where a table is shown: a build does not need it
    import polars as pl

app = typer.Typer(
    help="Turn a folder of multilingual news articles into a DuckDB database of dated, "
    "attributed quantity claims, and query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

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


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


def friendly(command: F) -> F:
    """A user's mistake ends in one line on stderr and exit code 2, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except FactdbError as exc:
            typer.echo(f"factdb: {exc}", err=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            typer.echo("factdb: interrupted; the database was left as it was", err=True)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def show_frame(frame: pl.DataFrame, fmt: Format) -> None:
    import polars as pl

    if fmt is Format.csv:
        flat = frame.with_columns(
            pl.col(c).cast(pl.List(pl.String)).list.join("; ")
            for c, dtype in frame.schema.items()
            if isinstance(dtype, pl.List)
        )
        typer.echo(flat.write_csv(), nl=False)
    elif fmt is Format.json:
        typer.echo(json.dumps(frame.to_dicts(), ensure_ascii=False, default=str, indent=1))
    else:
        with pl.Config(
            tbl_rows=100,
            tbl_cols=20,
            fmt_str_lengths=60,
            tbl_width_chars=160,
            tbl_hide_dataframe_shape=True,
            fmt_float="full",
            tbl_hide_column_data_types=True,
        ):
            typer.echo(frame)


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
            "500 articles to process (a worker's set-up costs as much as ~250 articles), "
            "two from 500, three from 1,500, up to one per core.",
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
) -> None:
    """Build or update the fact database from FOLDER, then print a short report."""
    from pipeline.build import run

    hidden = quiet or not sys.stderr.isatty()  # a log file gets the summary, not a bar
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
        )
    typer.echo(
        f"built {result.db}: {result.articles} articles ({result.processed} processed, "
        f"{result.carried_over} unchanged), {result.claims} claims, {result.entities} speakers, "
        f"{result.rejections} rejections in {result.seconds:.1f}s"
    )
    for name in result.rejected_files[:10]:
        typer.echo(f"  rejected: {name}")
    if len(result.rejected_files) > 10:
        typer.echo(
            f"  ... and {len(result.rejected_files) - 10} more (factdb report rejections_summary)"
        )
    if not quiet:
        from pipeline.report import report as run_report

        show_frame(run_report("claims_by_speaker", db), Format.table)


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
) -> None:
    """Run a canned report (queries/NAME.sql), or list them."""
    from pipeline.report import report as run_report
    from pipeline.report import reports

    if name is None:
        for info in reports().values():
            params = ", ".join(
                p.name + ("" if not p.required else " (required)") for p in info.params
            )
            typer.echo(
                f"{info.name:<22} {info.title}" + (f"  [params: {params}]" if params else "")
            )
            typer.echo(f"{'':<22} {info.description}")
        return
    show_frame(run_report(name, db, **_key_values(param or [])), fmt)


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
    lang: Annotated[str | None, typer.Option(help="Article language code.")] = None,
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
    from pipeline.query import claims as query_claims

    frame = query_claims(
        db,
        speaker=speaker,
        unit=unit,
        min_value=min_value,
        max_value=max_value,
        lang=lang,
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
) -> None:
    """Print one claim and its sentence, the quantity and speaker marked by brackets."""
    from pipeline.query import claim

    row = claim(claim_id, db)
    if row is None:
        raise BadParameter(f"no claim {claim_id!r} in {db}; list ids with `factdb claims`")
    text, start, end = row["article_text"], row["start"], row["end"]
    s0 = row["sentence_start"]
    sentence = text[s0:start] + "[" + text[start:end] + "]" + text[end : s0 + len(row["sentence"])]
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
            typer.echo(f"{key:>20}: {row[key]}")
    typer.echo(f"{'sentence':>20}: {_mark_speaker(sentence, row.get('speaker_surface'))}")


def _mark_speaker(sentence: str, speaker: str | None) -> str:
    if speaker and speaker in sentence:
        return sentence.replace(speaker, f"<{speaker}>", 1)
    return sentence


@app.command()
@friendly
def quantities(
    text: Annotated[str | None, typer.Argument(help="Text to read; omit with --jsonl.")] = None,
    lang: Annotated[str, typer.Option(help="Language code of the text.")] = "en",
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

    from pipeline.lang import load_lang
    from pipeline.quantities import extract_quantities, run_jsonl

    if jsonl:
        run_jsonl(sys.stdin, sys.stdout)
        return
    if text is None:
        raise BadParameter("give a TEXT to read, or --jsonl to read JSON lines on stdin")
    load_lang(lang)  # an unknown language is a one-line error
    found = [q.model_dump() for q in extract_quantities(text, lang)]
    if not found:
        typer.echo("no quantities found", err=True)
        return
    columns = ["surface", "value", "value_max", "unit", "bound", "noun", "start", "end"]
    show_frame(pl.DataFrame(found).select(columns), fmt)


@app.command()
@friendly
def check(db: DbOption = DEFAULT_DB) -> None:
    """Verify the database: claims match their articles' text, counts match `runs`, schema."""
    from pipeline.check import check as check_db

    problems = check_db(db)
    for problem in problems:
        typer.echo(f"problem: {problem}")
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        typer.echo(f"factdb: {db} failed its check ({count})", err=True)
        raise typer.Exit(1)
    typer.echo(f"{db}: ok")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
