"""The command line: parse options, call the core, write output. Nothing else lives here.

Exit statuses: 0 ok, 1 the data has problems, 2 usage error, 3 internal error (a bug).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import DataError, UsageError, escape_control

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

app = typer.Typer(
    name="ganxian",
    help="Track published progress figures: reports, 双过半 progress, validation.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

_debug = {"traceback": bool(os.environ.get("GANXIAN_TRACEBACK"))}


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class Status(StrEnum):
    actual = "actual"
    forecast = "forecast"
    target = "target"


class Qualifier(StrEnum):
    exact = "exact"
    more_than = "more_than"
    nearly = "nearly"
    about = "about"


class SchemaKind(StrEnum):
    data = "data"
    report = "report"
    validate = "validate"
    progress = "progress"
    compare = "compare"


class Lang(StrEnum):
    zh = "zh"
    en = "en"


F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(command: F) -> F:
    """Turn the core's exceptions into one message on stderr and an exit status."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DataError as exc:
            for problem in exc.problems:
                err(problem.format())
            raise typer.Exit(EXIT_DATA) from None
        except UsageError as exc:
            err(f"ganxian: error: {exc}")
            raise typer.Exit(EXIT_USAGE) from None
        except BrokenPipeError:
            raise
        except Exception as exc:
            if hasattr(exc, "exit_code") or _debug["traceback"]:
                raise  # typer's own exits, or the user asked for the traceback
            err(f"ganxian: internal error: {type(exc).__name__}: {exc} (run with --traceback)")
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper  # type: ignore[return-value]


def err(message: str) -> None:
    """One line on stderr, control characters escaped."""
    sys.stderr.write(escape_control(message) + "\n")


def out(text: str) -> None:
    """Machine output: plain writes, never through Rich."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _version(value: bool) -> None:
    if value:
        out(f"ganxian {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
    traceback: Annotated[
        bool, typer.Option("--traceback", help="Show a Python traceback on internal errors.")
    ] = False,
) -> None:
    """Track published progress figures: reports, 双过半 progress, validation."""
    if traceback:
        _debug["traceback"] = True


DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        "-d",
        help="Data file. Default: $GANXIAN_DATA, ./data/indicators.toml, then the packaged copy.",
        show_default=False,
    ),
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
JsonFlag = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
LangOption = Annotated[Lang, typer.Option("--lang", help="Labels in Chinese or English.")]
ColorOption = Annotated[
    Color,
    typer.Option("--color", help="Colour tables: auto (terminal, no NO_COLOR), always, never."),
]


@app.command()
@handle_errors
def report(
    data: DataOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    theme: Annotated[
        list[str] | None, typer.Option("--theme", "-t", help="Only this theme (repeatable).")
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period", "-p", help="Only figures within this period, e.g. 2022 or 2022-01..2022-05."
        ),
    ] = None,
    lang: LangOption = Lang.zh,
    color: ColorOption = Color.auto,
) -> None:
    """Show every figure, grouped by theme, then 双过半 progress (when not filtered)."""
    from .model.periods import PeriodError, parse_period
    from .output.report import select

    path, dataset = _open(data)
    themes = theme or []
    unknown = [t for t in themes if t not in dataset.themes]
    if unknown:
        raise UsageError(f"unknown theme {unknown[0]!r} (known: {', '.join(dataset.themes)})")
    try:
        within = parse_period(period) if period else None
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from None
    rows = select(dataset, themes, within)
    chosen = Format.json if as_json else fmt
    # the 双过半 section ends the views people read, when nothing is filtered out
    with_progress = chosen in (Format.table, Format.markdown) and not themes and not period
    progress = None
    if with_progress:
        from .analysis.progress import latest

        progress = latest(dataset, lang.value)
    if chosen is Format.table:
        from .output.table import make_console, print_tables, progress_renderables, report_tables

        caption = ("数据文件: " if lang is Lang.zh else "Data file: ") + path
        tables: list[Any] = list(report_tables(dataset, rows, lang.value, caption))
        if progress:
            tables += progress_renderables(*progress, lang.value)
        print_tables(tables, make_console(color.value))
        return
    err(f"ganxian: data from {path}")
    if chosen is Format.json:
        from .output.jsonout import dumps
        from .output.report import report_document

        out(dumps(report_document(dataset, rows)))
    elif chosen is Format.csv:
        from .output.report import to_csv

        sys.stdout.write(to_csv(rows))
    else:
        from .output.report import to_markdown
        from .output.sections import to_markdown as sections_markdown

        text = to_markdown(dataset, rows, lang.value)
        if progress:
            text += "\n" + sections_markdown(progress[0], lang.value, progress[1])
        out(text)


def _open(data: str | None) -> tuple[str, Any]:
    """The data file to read (see --data) and its validated dataset."""
    from .analysis.checks import essential_problems
    from .datafile.loader import load
    from .datafile.paths import resolve_data_path

    path = resolve_data_path(data)
    return path, load(path, essential_problems).dataset


def _write_checks() -> Any:
    """The checks `record` and `fmt` run before writing (a `datafile.store.Checks`)."""
    from .analysis.checks import all_problems, essential_problems
    from .datafile.store import Checks

    return Checks(essential=essential_problems, complete=all_problems)


class BasisOption(StrEnum):
    months = "months"
    days = "days"


@app.command()
@handle_errors
def progress(
    data: DataOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help="Evaluate as of YYYY-MM. Default: the latest cut-off in the data."
        ),
    ] = None,
    basis: Annotated[
        BasisOption, typer.Option("--basis", help="Time progress by months (m/12) or days.")
    ] = BasisOption.months,
    lang: LangOption = Lang.zh,
    color: ColorOption = Color.auto,
) -> None:
    """双过半 progress: every declared target against its year-to-date actual."""
    from .analysis.progress import document, evaluate, headline, latest_as_of, parse_as_of, sections

    path, dataset = _open(data)
    try:
        when = parse_as_of(as_of) if as_of else latest_as_of(dataset)
    except ValueError as exc:
        raise UsageError(f"--as-of: {exc}") from None
    results = evaluate(dataset, when, basis.value)
    title = headline(results, when, basis.value, lang.value)
    chosen = Format.json if as_json else fmt
    if chosen is Format.table:
        from .output.table import make_console, print_tables, progress_renderables

        print_tables(
            progress_renderables(sections(results), title, lang.value), make_console(color.value)
        )
        return
    err(f"ganxian: data from {path}")
    _write_sections(
        chosen, sections(results), lang, title, lambda: document(results, when, basis.value)
    )


def _write_sections(
    chosen: Format, sections: list[Any], lang: Lang, title: str, doc: Callable[[], dict[str, Any]]
) -> None:
    from .output.jsonout import dumps
    from .output.sections import to_csv, to_markdown

    if chosen is Format.json:
        out(dumps(doc()))
    elif chosen is Format.csv:
        sys.stdout.write(to_csv(sections))
    else:
        out(to_markdown(sections, lang.value, title))


@app.command()
@handle_errors
def compare(
    data: DataOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    color: ColorOption = Color.auto,
) -> None:
    """Comparison tables: year on year, period on period, shares, per unit, forecasts."""
    from .analysis.compare import compare as build
    from .model.models import SCHEMA_VERSION

    path, dataset = _open(data)
    sections = build(dataset)
    chosen = Format.json if as_json else fmt
    if chosen is Format.table:
        from .output.table import make_console, print_tables, section_table

        tables = [section_table(s, lang.value) for s in sections if s.rows]
        print_tables(tables, make_console(color.value))
        return
    err(f"ganxian: data from {path}")

    def doc() -> dict[str, Any]:
        body = {s.key: s.rows for s in sections}
        return {"schema_version": SCHEMA_VERSION, "kind": "compare", **body}

    _write_sections(chosen, sections, lang, "", doc)


@app.command()
@handle_errors
def validate(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Data files ('-' for standard input). Default: as for --data.", show_default=False
        ),
    ] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json or github.")
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    source: Annotated[
        str | None, typer.Option("--source", help="Source text every quote must appear in.")
    ] = None,
) -> None:
    """Check data files: syntax, schema, units, quotes and the arithmetic the source states."""
    from .analysis.validation import read_source_text, validate_file
    from .datafile.paths import resolve_data_path

    paths = files or [resolve_data_path(None)]
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    source_text = read_source_text(source) if source else None
    results = [validate_file(p, source_text, strict) for p in paths]
    failed = any(r.failed for r in results)
    if fmt is ValidateFormat.json:
        from .output.jsonout import dumps
        from .output.problems import json_document

        out(dumps(json_document(results)))
    elif fmt is ValidateFormat.github:
        from .output.problems import github_lines

        for result in results:
            for line in github_lines(result.problems):
                out(line)
    else:
        from .output.problems import summary, text_lines

        for result in results:
            for line in text_lines(result, excerpt=sys.stdout.isatty()):
                out(line)
        out(summary(results))
    if failed:
        raise typer.Exit(EXIT_DATA)


@app.command()
@handle_errors
def fmt(
    files: Annotated[
        list[str] | None,
        typer.Argument(help="Data files. Default: as for --data.", show_default=False),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 with a diff if not canonical.")
    ] = False,
    drop_comments: Annotated[
        bool, typer.Option("--drop-comments", help="Allow rewriting a file that has comments.")
    ] = False,
) -> None:
    """Rewrite data files in the canonical layout."""
    from .datafile.paths import resolve_data_path
    from .datafile.store import format_file

    checks = _write_checks()
    unformatted = False
    for path in files or [resolve_data_path(None)]:
        change = format_file(path, check, drop_comments, checks)
        if check and change.diff:
            out(change.diff)
            unformatted = True
        err(change.summary)
    if unformatted:
        raise typer.Exit(EXIT_DATA)


@app.command()
@handle_errors
def record(
    indicator: Annotated[str, typer.Argument(help="Indicator id, e.g. industrial_revenue.")],
    period: Annotated[str, typer.Option("--period", "-p", help="e.g. 2022-01..2022-06.")],
    value: Annotated[str, typer.Option("--value", "-v", help="The number exactly as printed.")],
    unit: Annotated[
        str | None, typer.Option("--unit", help="Unit as printed (a new indicator's unit).")
    ] = None,
    status: Annotated[
        Status, typer.Option("--status", help="actual, forecast or target.")
    ] = Status.actual,
    qualifier: Annotated[
        Qualifier, typer.Option("--qualifier", help="exact, more_than, nearly or about.")
    ] = Qualifier.exact,
    yoy: Annotated[str | None, typer.Option("--yoy", help="Year-on-year growth, %.")] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Company or place.")] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="Verbatim source clause.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free text.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="New indicator: Chinese name.")] = None,
    name_en: Annotated[
        str | None, typer.Option("--name-en", help="New indicator: English name.")
    ] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="New indicator: theme id.")] = None,
    tracks: Annotated[
        str | None,
        typer.Option("--tracks", help="With --status target: the indicator of its actuals."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace an existing figure for that period.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Print the diff; write nothing.")
    ] = False,
    data: DataOption = None,
) -> None:
    """Add or update one figure, validated before anything is written."""
    from .datafile.paths import resolve_data_path
    from .datafile.record import NewFigure
    from .datafile.store import record_figure

    new = NewFigure(
        indicator, period, value, unit, status.value, qualifier.value, yoy, subject, quote, note,
        name, name_en, theme, tracks,
    )  # fmt: skip
    change = record_figure(resolve_data_path(data), new, replace, dry_run, _write_checks())
    if dry_run:
        out(change.diff or "(no change)")
        return
    sys.stderr.write(change.diff)
    err(f"ganxian: {change.summary}")


@app.command()
@handle_errors
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="data (the data file) or a JSON output: report, validate, progress, compare."
        ),
    ] = SchemaKind.data,
) -> None:
    """Print a JSON Schema: of the data file, or of a --format json output."""
    from .output.jsonout import dumps
    from .output.schemas import schema_for

    out(dumps(schema_for(kind.value)))


class ExportFormat(StrEnum):
    sqlite = "sqlite"


@app.command()
@handle_errors
def export(
    output: Annotated[
        str, typer.Option("--output", "-o", help="Database file to write (replaced atomically).")
    ],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.sqlite,
    data: Annotated[
        list[str] | None,
        typer.Option(
            "--data",
            "-d",
            help="Data file, or folder of *.toml files (repeatable). Default: as for report.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write data files to one SQLite database: figures, targets, relations, a progress view."""
    from .analysis.checks import essential_problems
    from .datafile.loader import load
    from .datafile.paths import resolve_data_path
    from .output.sqlite import export_sqlite

    paths: list[str] = []
    for option in data or [resolve_data_path(None)]:
        if os.path.isdir(option):
            found = sorted(e.path for e in os.scandir(option) if e.name.endswith(".toml"))
            if not found:
                raise UsageError(f"--data {option}: no .toml files in this folder")
            paths += found
        else:
            paths.append(resolve_data_path(option))
    datasets = [(path, load(path, essential_problems).dataset) for path in paths]
    done = export_sqlite(datasets, output)
    err(f"ganxian: wrote {done.figures} figures from {done.files} file(s) to {output} ({fmt})")


def main() -> None:
    """Console-script entry point: run the app; a closed pipe ends quietly with status 0."""
    # No pydantic plugins in a CLI run: discovering them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(EXIT_OK)


def _silence_stdout() -> None:
    # Point stdout at devnull so the interpreter's final flush does not raise again.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


__all__ = ["app", "main"]
