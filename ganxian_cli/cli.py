"""The command line: parse options, call the core, write output. Nothing else lives here.

Exit statuses: 0 ok, 1 the data has problems, 2 usage error, 3 internal error (a bug).
"""

import functools
import gc
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

from . import __version__
from .errors import (
    EXIT_INTERRUPTED,
    INTERRUPTED,
    DataError,
    OutputError,
    ReaderGone,
    UsageError,
    escape_control,
)

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

HELP = """Track published progress figures: reports, 双过半 progress, validation.

\b
双过半 ("past half on both"): by 30 June, half the year has gone and at least half
  of every annual target is done.
序时进度 (time progress): the share of the year gone at the data's cut-off month,
  e.g. January-May is 5/12 = 41.67%; completion above it is 超序时进度 (ahead).
Qualifier words on figures: 余/多 more than (300余名 = over 300 people),
  近 nearly (近千亩 = nearly 1,000 mu), 约/左右 about (约180.3亿元).

\b
Examples:
  ganxian report --lang en            every figure, then 双过半 progress
  ganxian list indicators --search 收入
  ganxian history industrial_revenue
  ganxian progress --format xlsx --output progress.xlsx

Shell completion: ganxian --install-completion (bash, zsh, fish, PowerShell).
Language: --lang, or GANXIAN_LANG=en for every command.
"""

app = typer.Typer(
    name="ganxian",
    help=HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def env_flag(value: str | None) -> bool:
    """An on/off environment variable: unset, empty, 0, false, no and off mean off."""
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


_debug = {"traceback": env_flag(os.environ.get("GANXIAN_TRACEBACK"))}


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"


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


class By(StrEnum):
    theme = "theme"
    period = "period"


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
    """Turn the core's exceptions into one message on stderr and an exit status; Ctrl-C, even
    while those messages are printed, into `interrupted` and 130."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _said["interrupted"] = False
        try:
            return _reported(command, *args, **kwargs)
        except KeyboardInterrupt:
            _interrupted()
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def _reported(command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    from .model.units import command_scope

    try:
        with command_scope():  # files' declared units, known until the command ends
            return command(*args, **kwargs)
    except DataError as exc:
        for problem in exc.problems:
            err(problem.format())
        raise typer.Exit(EXIT_DATA) from None
    except UsageError as exc:
        err(f"ganxian: error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except OutputError as exc:
        err(f"ganxian: error: cannot write output: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except (BrokenPipeError, ReaderGone):
        raise  # the reader has gone: main() ends quietly
    except Exception as exc:
        if hasattr(exc, "exit_code"):
            raise  # typer's own exits
        if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None  # Ctrl-C inside a library that wraps it (pydantic)
        if _debug["traceback"]:
            import traceback

            traceback.print_exc()
        err(f"ganxian: internal error: {type(exc).__name__}: {exc} (run with --traceback)")
        raise typer.Exit(EXIT_INTERNAL) from None


_said = {"interrupted": False}


def _interrupted() -> None:
    """Say `interrupted`, once (Typer ends an interrupt outside a command silently: main())."""
    if not _said["interrupted"]:
        _said["interrupted"] = True
        err(INTERRUPTED)


def err(message: str) -> None:
    """One line on stderr, control characters escaped; a closed or full stderr is no error."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(escape_control(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


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
    if traceback:
        _debug["traceback"] = True


DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        "-d",
        help="Data file. Default: $GANXIAN_DATA, ./data/indicators.toml, then the packaged copy.",
        show_default=False,
        metavar="PATH",
    ),
]
DataManyOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        "-d",
        help="Data file or folder; repeat for several (then a region column). "
        "Default: $GANXIAN_DATA, ./data/indicators.toml, then the packaged copy.",
        show_default=False,
        metavar="PATH",
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="Output format. xlsx (report, progress, compare, history) and html (report, "
        "progress) need --output.",
        show_default=True,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output", "-o", help="File to write (xlsx, html).", show_default=False, metavar="PATH"
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help='No "data from …" line on stderr.')
]
BomOption = Annotated[
    bool,
    typer.Option("--bom", help="CSV with a UTF-8 byte-order mark (Excel/WPS on Chinese Windows)."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
LangOption = Annotated[
    Lang,
    typer.Option("--lang", envvar="GANXIAN_LANG", help="Labels in Chinese or English."),
]
ColorOption = Annotated[
    Color,
    typer.Option("--color", help="Colour tables: auto (terminal, no NO_COLOR), always, never."),
]


def _completer(kind: str) -> Callable[..., list[tuple[str, str]]]:
    """Shell completion of ids, themes or periods, read from the data file only when asked."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        data = ctx.params.get("data")
        try:
            _path, dataset = _open(data[0] if isinstance(data, list) and data else data or None)
        except Exception:  # completion never fails: it offers nothing
            return []
        from .analysis.catalog import completions

        return [(v, h) for v, h in completions(dataset, kind) if v.startswith(incomplete)]

    return complete


@app.command(short_help="Every figure by theme, then 双过半 progress.")
@handle_errors
def report(
    data: DataManyOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            "-t",
            help="Only this theme, by id or Chinese or English name (repeatable).",
            autocompletion=_completer("themes"),
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="Only figures within this period, e.g. 2022 or 2022-01..2022-05.",
            autocompletion=_completer("periods"),
        ),
    ] = None,
    lang: LangOption = Lang.zh,
    color: ColorOption = Color.auto,
    output: OutputOption = None,
    quiet: QuietOption = False,
    bom: BomOption = False,
    by: Annotated[
        By,
        typer.Option(
            "--by", help="theme: a table per theme; period: indicators down, periods across."
        ),
    ] = By.theme,
) -> None:
    """Show every figure, grouped by theme, then 双过半 progress (when nothing is filtered out).

    Values read as printed: 300余名 is "more than 300", 近1000亩 "nearly 1,000 mu",
    约180.3亿元 "about 18.03 billion yuan"; forecasts (预计) and targets (目标) are marked.

    \b
    Examples:
      ganxian report --lang en --theme 纾困减负
      ganxian report --period 2022-01..2022-05 --format csv --bom > figures.csv
      ganxian report --format html --output report.html
      ganxian report --by period --theme industry
      ganxian report --data june.toml --data other_county.toml   # a region column
    """
    from .model.periods import PeriodError, parse_period
    from .output.report import select

    chosen = Format.json if as_json else fmt
    _check_output(chosen, output, (Format.xlsx, Format.html))
    opened = _open_all(data)
    if len(opened) > 1:
        if chosen in (Format.xlsx, Format.html):
            raise UsageError(f"--format {chosen.value} takes one data file")
        _report_many(opened, chosen, lang, color, theme or [], period)
        return
    path, dataset = opened[0]
    themes = [_theme_id(dataset, t) for t in theme or []]
    try:
        within = parse_period(period) if period is not None else None
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from None
    rows = select(dataset, themes, within)
    if chosen is not Format.table:
        _data_from(path, quiet)
    if not rows:
        asked = [f"--period {period}"] if period else []
        asked += [f"--theme {','.join(themes)}"] if themes else []
        err(f"ganxian: no figure matches {' and '.join(asked)}")
        if chosen in (Format.table, Format.markdown):
            return
    # the 双过半 section follows the figures when nothing is filtered out
    progress = None
    if not themes and not period:
        from .analysis.progress_view import latest

        progress = latest(dataset, lang.value)
    if by == "period" and chosen is Format.table:
        from .output.grid import plain_text
        from .output.report_grid import period_matrix
        from .output.section_grid import terminal_width

        grid = period_matrix(rows, lang.value)
        sys.stdout.write(plain_text(grid.lines(terminal_width(sys.stdout) or grid.natural_width())))
        return
    if chosen is Format.table:
        from .output.report import source_legend
        from .output.table import make_console, print_tables, progress_renderables, report_tables

        caption = ("数据文件: " if lang is Lang.zh else "Data file: ") + path
        legend = source_legend(dataset, lang.value)
        caption += f" · {legend}" if legend else ""
        tables: list[Any] = list(report_tables(dataset, rows, lang.value, caption))
        if progress:
            tables += progress_renderables(progress[0], progress[1], lang.value)
        print_tables(tables, make_console(color.value))
        return
    if chosen is Format.json:
        from .output.jsonout import dumps
        from .output.report import report_document

        progress_part = progress and (progress[0][0], progress[2])
        out(dumps(report_document(dataset, rows, progress_part, lang.value)))
    elif chosen is Format.csv:
        from .output.report import to_csv

        _write_csv(to_csv(rows, progress and progress[0][0], lang.value), bom)
    elif chosen is Format.xlsx:
        from .output.exports import report_sheets
        from .output.xlsx import write_workbook

        targets = progress[0][0].records(lang.value) if progress else None
        write_workbook(_path(output), report_sheets(dataset, rows, lang.value, targets), lang.value)
    elif chosen is Format.html:
        from .output.exports import report_page_tables
        from .output.html import page, section_table

        page_tables = report_page_tables(dataset, rows, lang.value)
        if progress:
            page_tables += [section_table(s, lang.value) for s in progress[0] if s.rows]
        _write_text(
            _path(output),
            page(_page_title(dataset, lang), page_tables, dataset, lang.value,
                 progress[1] if progress else ""),
        )  # fmt: skip
    else:
        from .output.report import to_markdown
        from .output.sections import to_markdown as sections_markdown

        text = to_markdown(dataset, rows, lang.value)
        if progress:
            text += "\n" + sections_markdown(progress[0], lang.value, progress[1])
        out(text)


def _theme_id(dataset: Any, name: str) -> str:
    """A theme given by id, or by its Chinese or English name."""
    if name in dataset.themes:
        return name
    for key, theme in dataset.themes.items():
        if name in (theme.name, theme.name_en) or name.casefold() == theme.name_en.casefold():
            return str(key)
    known = ", ".join(dataset.themes)
    raise UsageError(f"unknown theme {name!r} (known: {known}, or their names)")


def _check_output(chosen: Format, output: str | None, files: tuple[Format, ...]) -> None:
    """xlsx and html are written to --output; other formats go to stdout."""
    if chosen in (Format.xlsx, Format.html) and chosen not in files:
        raise UsageError(f"--format {chosen.value} is not available for this command")
    if chosen in files and not output:
        raise UsageError(f"--format {chosen.value} needs --output FILE")


def _path(output: str | None) -> str:
    assert output is not None  # checked by _check_output
    return output


def _data_from(path: str, quiet: bool) -> None:
    if not quiet:
        err(f"ganxian: data from {path}")


def _write_csv(text: str, bom: bool) -> None:
    sys.stdout.write(("\ufeff" if bom else "") + text)


def _write_text(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _page_title(dataset: Any, lang: Lang) -> str:
    source = dataset.lead_source()
    return f"{source.region_en if lang is Lang.en else source.region}: {source.title}"


def _open(data: str | None) -> tuple[str, Any]:
    """The data file to read (see --data) and its validated dataset."""
    from .analysis.checks.registry import essential_problems
    from .datafile.loader import load
    from .datafile.paths import resolve_data_path
    from .model.units import bring_into_scope

    path = resolve_data_path(data)
    dataset = load(path, essential_problems).dataset
    try:
        bring_into_scope(dataset.declared_units)
    except ValueError as exc:
        raise UsageError(f"{path}: {exc}") from None
    return path, dataset


def _write_checks() -> Any:
    """The checks `record` and `fmt` run before writing (a `datafile.store.Checks`)."""
    from .analysis.checks.registry import all_problems, essential_problems
    from .datafile.store import Checks

    return Checks(essential=essential_problems, complete=all_problems)


class BasisOption(StrEnum):
    months = "months"
    days = "days"


@app.command(short_help="双过半: each annual target against its year-to-date actual.")
@handle_errors
def progress(
    data: DataManyOption = None,
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
    output: OutputOption = None,
    quiet: QuietOption = False,
    bom: BomOption = False,
) -> None:
    """双过半 progress: every declared target against its year-to-date actual.

    Completion is actual ÷ target; 序时进度 (time progress) is the cut-off month ÷ 12, so
    January-May is 41.67%; the gap is completion minus time progress in percentage points
    (超序时进度 ahead, 滞后序时进度 behind). 双过半 is reached when half the target is done by
    30 June. Each target is judged at the month its own data end.

    \b
    Examples:
      ganxian progress --lang en
      ganxian progress --as-of 2022-05 --basis days --format json
      ganxian progress --format html --output progress.html
    """
    from .analysis.progress import early_data_warnings, evaluate, latest_as_of, parse_as_of
    from .analysis.progress_view import headline, sections, summary

    chosen = Format.json if as_json else fmt
    _check_output(chosen, output, (Format.xlsx, Format.html))
    opened = _open_all(data)
    try:
        when = parse_as_of(as_of) if as_of else None
    except ValueError as exc:
        raise UsageError(f"--as-of: {exc}") from None
    if len(opened) > 1:
        if chosen in (Format.xlsx, Format.html):
            raise UsageError(f"--format {chosen.value} takes one data file")
        _progress_many(opened, when, basis.value, chosen, lang, color)
        return
    path, dataset = opened[0]
    when = when or latest_as_of(dataset)
    results = evaluate(dataset, when, basis.value)
    if chosen is not Format.table:
        _data_from(path, quiet)
    if not results:
        err(f"ganxian: no target has year-to-date data {_as_of_text(when)}")
    for warning in early_data_warnings(results):
        err(f"ganxian: {warning}")
    found = sections(results)
    title = headline(results, when, basis.value, lang.value)

    def doc() -> dict[str, Any]:
        targets = found[0].records(lang.value)
        head = summary(results, when, basis.value)
        return {"schema_version": 2, "kind": "progress", "lang": lang.value, **head,
                "targets": targets}  # fmt: skip

    if not results and chosen in (Format.table, Format.markdown):
        return
    if chosen is Format.table:
        from .output.table import make_console, print_fitted, progress_renderables

        print_fitted(progress_renderables(found, title, lang.value), make_console(color.value))
        return
    if chosen is Format.xlsx:
        from .output.exports import section_sheets
        from .output.xlsx import write_workbook

        write_workbook(_path(output), section_sheets(found, lang.value), lang.value)
        return
    if chosen is Format.html:
        from .output.html import page, section_table

        tables = [section_table(s, lang.value) for s in found if s.rows]
        html = page(_page_title(dataset, lang), tables, dataset, lang.value, title, False)
        _write_text(_path(output), html)
        return
    _write_sections(chosen, found if chosen is not Format.csv else found[:1], lang, title, doc, bom)


def _as_of_text(when: Any) -> str:
    return f"up to {when}" if when else "(no targets declared, or no actuals for them)"


def _write_sections(
    chosen: Format,
    sections: list[Any],
    lang: Lang,
    title: str,
    doc: Callable[[], dict[str, Any]],
    bom: bool = False,
) -> None:
    from .output.jsonout import dumps
    from .output.sections import to_csv, to_markdown

    if chosen is Format.json:
        out(dumps(doc()))
    elif chosen is Format.csv:
        _write_csv(to_csv(sections, lang.value), bom)
    else:
        out(to_markdown(sections, lang.value, title))


@app.command(short_help="Year on year, period on period, shares, per firm, forecasts.")
@handle_errors
def compare(
    data: DataManyOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    color: ColorOption = Color.auto,
    output: OutputOption = None,
    quiet: QuietOption = False,
    bom: BomOption = False,
) -> None:
    """Comparison tables: year on year, period on period, shares, per unit, forecasts.

    Units are converted within a family first (30478万元 = 3.0478亿元); the implied
    previous-year value (value ÷ (1 + growth)) is marked as derived. Only periods of the same
    length are compared; a single month is derived from two cumulative figures.

    \b
    Examples:
      ganxian compare --lang en
      ganxian compare --format xlsx --output compare.xlsx
    """
    from .analysis.compare import compare as build

    chosen = Format.json if as_json else fmt
    _check_output(chosen, output, (Format.xlsx,))
    opened = _open_all(data)
    if len(opened) > 1:
        from .output.regions import merged, region_of, tagged

        per_file = [tagged(build(d), region_of(d)) for _p, d in opened]
        path, sections = ", ".join(p for p, _d in opened), merged(per_file)
    else:
        path, dataset = opened[0]
        sections = build(dataset)
    if chosen is not Format.table:
        _data_from(path, quiet)
    if not any(s.rows for s in sections):
        err(
            "ganxian: nothing to compare: no growth rates, relations, cumulative figures "
            "or forecasts"
        )
    if chosen is Format.table:
        from .output.table import make_console, print_fitted, section_table

        tables = [section_table(s, lang.value) for s in sections if s.rows]
        print_fitted(tables, make_console(color.value))
        return
    if chosen is Format.xlsx:
        from .output.exports import section_sheets
        from .output.xlsx import write_workbook

        write_workbook(_path(output), section_sheets(sections, lang.value), lang.value)
        return

    def doc() -> dict[str, Any]:
        body = {s.key: s.records(lang.value) for s in sections}
        return {"schema_version": 2, "kind": "compare", "lang": lang.value, **body}

    _write_sections(chosen, sections, lang, "", doc, bom)


@app.command(short_help="Check data files for CI: exit 0 valid, 1 problems found.")
@handle_errors
def validate(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Data files ('-' for standard input). Default: as for --data.",
            show_default=False,
            metavar="PATH...",
        ),
    ] = None,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="text, json or github.")
    ] = ValidateFormat.text,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    source: Annotated[
        str | None,
        typer.Option("--source", help="Source text every quote must appear in.", metavar="PATH"),
    ] = None,
) -> None:
    """Check data files: syntax, schema, units, quotes and the arithmetic the source states.

    \b
    Examples:
      ganxian validate data/indicators.toml
      ganxian validate --format github --strict data/*.toml
      ganxian validate --source article.txt
    """
    from .analysis.checks.validation import read_source_text, validate_file
    from .datafile.paths import resolve_data_path

    paths = files or [resolve_data_path(None)]
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    source_text = read_source_text(source) if source else None
    unreadable = False
    results = []
    for p in paths:
        try:
            results.append(validate_file(p, source_text, strict))
        except UsageError as exc:
            if fmt is ValidateFormat.text:
                raise
            # machine formats still print their document, the unreadable file in it (G001)
            from .analysis.checks.validation import unreadable_result

            results.append(unreadable_result(p, str(exc)))
            unreadable = True
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
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if failed:
        raise typer.Exit(EXIT_DATA)


@app.command(short_help="Rewrite data files in the canonical layout (--check for CI).")
@handle_errors
def fmt(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Data files. Default: as for --data.", show_default=False, metavar="PATH..."
        ),
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 with a diff if not canonical.")
    ] = False,
    drop_comments: Annotated[
        bool, typer.Option("--drop-comments", help="Allow rewriting a file that has comments.")
    ] = False,
) -> None:
    """Rewrite data files in the canonical layout.

    \b
    Examples:
      ganxian fmt
      ganxian fmt --check data/indicators.toml
    """
    from .datafile.paths import resolve_write_path
    from .datafile.store import format_file

    checks = _write_checks()
    unformatted = False
    for path in [resolve_write_path(f) for f in files] if files else [resolve_write_path(None)]:
        change = format_file(path, check, drop_comments, checks)
        if check and change.diff:
            out(change.diff)
            unformatted = True
        err(change.summary)
    if unformatted:
        raise typer.Exit(EXIT_DATA)


@app.command(short_help="Add or update one figure, validated before writing.")
@handle_errors
def record(
    indicator: Annotated[
        str,
        typer.Argument(
            help="Indicator id, e.g. industrial_revenue.",
            autocompletion=_completer("indicators"),
        ),
    ],
    period: Annotated[str, typer.Option("--period", "-p", help="e.g. 2022-01..2022-06.")],
    value: Annotated[str, typer.Option("--value", "-v", help="The number exactly as printed.")],
    unit: Annotated[
        str | None, typer.Option("--unit", help="Unit as printed (a new indicator's unit).")
    ] = None,
    status: Annotated[
        Status, typer.Option("--status", help="actual, forecast or target.")
    ] = Status.actual,
    qualifier: Annotated[
        Qualifier,
        typer.Option(
            "--qualifier", help="exact, more_than (余/多), nearly (近) or about (约/左右)."
        ),
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
    source: Annotated[
        str | None, typer.Option("--source", help="The figure's article: a [sources] id.")
    ] = None,
    source_title: Annotated[
        str | None, typer.Option("--source-title", help="New --source: the article's title.")
    ] = None,
    source_published: Annotated[
        str | None, typer.Option("--source-published", help="New --source: YYYY-MM.")
    ] = None,
    source_url: Annotated[
        str | None, typer.Option("--source-url", help="New --source: its address.")
    ] = None,
    theme_name: Annotated[
        str | None, typer.Option("--theme-name", help="New --theme: its Chinese name.")
    ] = None,
    theme_name_en: Annotated[
        str | None, typer.Option("--theme-name-en", help="New --theme: its English name.")
    ] = None,
    rate: Annotated[
        str | None, typer.Option("--rate", help="With --tracks: indicator of the quoted rate.")
    ] = None,
    gap: Annotated[
        str | None, typer.Option("--gap", help="With --tracks: indicator of the quoted gap.")
    ] = None,
    within: Annotated[
        str | None, typer.Option("--within", help="Add a within relation: inside this figure.")
    ] = None,
    share_of: Annotated[
        str | None, typer.Option("--share-of", help="Add a share relation: part of this figure.")
    ] = None,
) -> None:
    """Add or update one figure, validated before anything is written.

    \b
    Examples:
      ganxian record industrial_revenue --period 2022-01..2022-06 --value 190.2 \\
          --yoy 13.1 --quote "1至6月实现营业收入190.2亿元,同比增长13.1%"
      ganxian record cadres_in_enterprises --period 2022-07 --value 300 \\
          --qualifier more_than --quote "下沉300余名干部" --dry-run
    """
    from .datafile.paths import resolve_write_path
    from .datafile.record import NewFigure
    from .datafile.store import record_figure

    new = NewFigure(
        indicator, period, value, unit, status.value, qualifier.value, yoy, subject, quote, note,
        name, name_en, theme, tracks, source, source_title, source_published, source_url,
        theme_name, theme_name_en, rate, gap, within, share_of,
    )  # fmt: skip
    try:
        change = record_figure(resolve_write_path(data), new, replace, dry_run, _write_checks())
    except UsageError as exc:
        raise UsageError(_with_suggestions(str(exc), indicator, data)) from None
    if dry_run:
        out(change.diff or "(no change)")
        return
    for line in change.diff.splitlines():
        err(line)
    err(f"ganxian: {change.summary}")


def _with_suggestions(message: str, indicator: str, data: str | None) -> str:
    """An unknown-indicator message with the closest known ids (read only on this error)."""
    if f"no indicator {indicator!r}" not in message:
        return message
    from .analysis.catalog import suggest

    close = suggest(_open(data)[1], indicator)
    return f"{message}; or did you mean {' or '.join(close)}?" if close else message


@app.command(short_help="Print the JSON Schema of the data file or of a JSON output.")
@handle_errors
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(
            help="data (the data file) or a JSON output: report, validate, progress, compare."
        ),
    ] = SchemaKind.data,
) -> None:
    """Print a JSON Schema: of the data file, or of a --format json output.

    \b
    Examples:
      ganxian schema > data/indicators.schema.json
      ganxian schema progress
    """
    from .output.jsonout import dumps
    from .output.schemas import schema_for

    out(dumps(schema_for(kind.value)))


@app.command(short_help="Start a new data file for a region and article.")
@handle_errors
def init(
    file: Annotated[str, typer.Argument(help="The new data file (never overwritten).")],
    region: Annotated[str, typer.Option("--region", help="Region as printed, e.g. 江北县.")],
    title: Annotated[str, typer.Option("--title", help="Title of the first article.")],
    published: Annotated[str, typer.Option("--published", help="Its month, YYYY-MM.")],
    region_en: Annotated[
        str | None, typer.Option("--region-en", help="Region in English (default: --region).")
    ] = None,
) -> None:
    """Start a new data file: one source article and a starter set of themes."""
    from .datafile.starter import create, starter_text

    create(file, starter_text(region, region_en, title, published))
    err(f"ganxian: wrote {file}; add figures with `ganxian record ID --data {file} …`")


def _open_all(data: list[str] | None) -> list[tuple[str, Any]]:
    """Every data file named by --data (repeated, or a folder), each with its dataset."""
    from .datafile.paths import expand_data_paths

    paths = expand_data_paths(data)
    for skipped in paths.skipped:
        err(f"ganxian: {skipped}")
    return [_open(p) for p in paths]


def _report_many(
    opened: list[tuple[str, Any]],
    chosen: Format,
    lang: Lang,
    color: Color,
    themes: list[str],
    period: str | None,
) -> None:
    """`report` over several files: each file's figures with its region."""
    from .model.periods import PeriodError, parse_period
    from .output.regions import region_of, with_region
    from .output.report import figure_record, report_document, select

    try:
        within = parse_period(period) if period else None
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from None
    per_file = [(p, d, select(d, themes, within), region_of(d)) for p, d in opened]
    # each file's 双过半 follows its figures, as for one file, when nothing is filtered out
    progress: dict[str, Any] = {}
    if not themes and not period and chosen in (Format.table, Format.markdown, Format.json):
        from .analysis.progress_view import latest

        progress = {p: latest(d, lang.value) for p, d in opened}
    if chosen is Format.table:
        from .output.table import make_console, print_tables, progress_renderables, report_tables

        tables: list[Any] = []
        for path, dataset, rows, region in per_file:
            caption = f"{region[lang.value]} · " + ("数据文件: " if lang is Lang.zh else "") + path
            tables += report_tables(dataset, rows, lang.value, caption)
            if found := progress.get(path):
                tables += progress_renderables(found[0], found[1], lang.value)
        print_tables(tables, make_console(color.value))
        return
    err("ganxian: data from " + ", ".join(p for p, _d in opened))
    if chosen is Format.markdown:
        from .output.report import to_markdown
        from .output.sections import to_markdown as sections_markdown

        parts = []
        for path, dataset, rows, region in per_file:
            text = f"# {region[lang.value]}\n\n" + to_markdown(dataset, rows, lang.value)
            if found := progress.get(path):
                text += "\n" + sections_markdown(found[0], lang.value, found[1])
            parts.append(text)
        out("\n".join(parts))
        return
    records = [
        record
        for _p, _d, rows, region in per_file
        for record in with_region([figure_record(row) for row in rows], region)
    ]
    if chosen is Format.json:
        from .output.jsonout import dumps

        doc = report_document(opened[0][1], [])
        doc["figures"] = records
        doc["progress"] = _progress_of_many(per_file, progress, lang)
        out(dumps(doc))
    else:
        from .output.regions import records_csv

        sys.stdout.write(records_csv(records))


def _progress_of_many(
    per_file: list[tuple[str, Any, Any, dict[str, str]]], progress: dict[str, Any], lang: Lang
) -> dict[str, Any] | None:
    """The 双过半 section of `report --format json` over several files, as `progress` gives it:
    as_of null (each file is judged at its own latest month), each target with its region."""
    from .output.regions import with_region

    found = [(progress[p], region) for p, _d, _rows, region in per_file if progress.get(p)]
    if not found:
        return None
    return {
        "as_of": None,
        "basis": "months",
        "on_track": sum(part[2]["on_track"] for part, _region in found),
        "targets_total": sum(part[2]["targets_total"] for part, _region in found),
        "targets": [
            row
            for part, region in found
            for row in with_region(part[0][0].records(lang.value), region)
        ],
    }


def _progress_many(
    opened: list[tuple[str, Any]], when: Any, basis: Any, chosen: Format, lang: Lang, color: Color
) -> None:
    """`progress` over several files: one table with a region column."""
    from .analysis.progress import evaluate, latest_as_of
    from .analysis.progress_view import headline, sections, summary
    from .output.regions import merged, region_of, tagged, with_region

    per_file = []
    lines = []  # one headline per region: each file is judged at its own latest month
    for _p, d in opened:
        as_of = when or latest_as_of(d)
        found, region = evaluate(d, as_of, basis), region_of(d)
        per_file.append((found, region))
        lines.append(f"{region[lang.value]}: {headline(found, as_of, basis, lang.value)}")
    results = [r for found, _region in per_file for r in found]
    title = ("; " if lang is Lang.en else ";").join(lines)
    table = merged([tagged(sections(found), region) for found, region in per_file])
    if chosen is Format.table:
        from .output.table import make_console, print_fitted, progress_renderables

        print_fitted(progress_renderables(table, title, lang.value), make_console(color.value))
        return
    err("ganxian: data from " + ", ".join(p for p, _d in opened))

    def doc() -> dict[str, Any]:
        targets = [
            row
            for found, region in per_file
            for row in with_region(sections(found)[0].records(lang.value), region)
        ]
        head = summary(results, when, basis)  # as_of null unless given: each file its own
        return {"schema_version": 2, "kind": "progress", "lang": lang.value, **head,
                "targets": targets}  # fmt: skip

    _write_sections(chosen, table if chosen is not Format.csv else table[:1], lang, title, doc)


class ListKind(StrEnum):
    indicators = "indicators"
    themes = "themes"
    periods = "periods"
    targets = "targets"
    sources = "sources"


@app.command("list", short_help="Indicators, themes, periods, targets or sources in the data.")
@handle_errors
def list_(
    kind: Annotated[
        ListKind, typer.Argument(help="What to list.", show_default=True)
    ] = ListKind.indicators,
    search: Annotated[
        str | None,
        typer.Option(
            "--search", "-s", help="Only rows whose id or names contain TEXT.", metavar="TEXT"
        ),
    ] = None,
    data: DataOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    quiet: QuietOption = False,
    bom: BomOption = False,
) -> None:
    """List what the data file holds; --search matches ids, Chinese and English names.

    \b
    Examples:
      ganxian list
      ganxian list indicators --search revenue
      ganxian list periods --format json
    """
    from .analysis.catalog import listing
    from .model.models import SCHEMA_VERSION

    chosen = Format.json if as_json else fmt
    _check_output(chosen, None, ())
    path, dataset = _open(data)
    section = listing(dataset, kind.value, search or "")
    if chosen is Format.table:
        from .output.section_grid import write_sections

        write_sections([section], lang.value)
        return
    _data_from(path, quiet)

    def doc() -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "kind": "list", "of": kind.value,
                "items": section.rows}  # fmt: skip

    _write_sections(chosen, [section], lang, "", doc, bom)


@app.command(short_help="One indicator across every period, with growth and bars.")
@handle_errors
def history(
    indicator: Annotated[
        str,
        typer.Argument(
            help="Indicator id (or its exact Chinese or English name).",
            autocompletion=_completer("indicators"),
            show_default=False,
        ),
    ],
    data: DataOption = None,
    fmt: FormatOption = Format.table,
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    output: OutputOption = None,
    quiet: QuietOption = False,
    bom: BomOption = False,
) -> None:
    """One indicator across every period and source: value, growth, a bar per period.

    \b
    Examples:
      ganxian history industrial_revenue
      ganxian history 工业营业收入 --lang en
      ganxian history signed_amount --format xlsx --output signed.xlsx
    """
    from .analysis.catalog import resolve_indicator, unknown_indicator
    from .analysis.history import history as build
    from .model.models import SCHEMA_VERSION

    chosen = Format.json if as_json else fmt
    _check_output(chosen, output, (Format.xlsx,))
    path, dataset = _open(data)
    ident = resolve_indicator(dataset, indicator)
    if ident is None:
        raise UsageError(unknown_indicator(dataset, indicator))
    section = build(dataset, ident)
    if chosen is Format.table:
        from .output.section_grid import write_sections

        write_sections([section], lang.value)
        return
    _data_from(path, quiet)
    if chosen is Format.xlsx:
        from .output.exports import section_sheets
        from .output.xlsx import write_workbook

        write_workbook(_path(output), section_sheets([section], lang.value), lang.value)
        return
    ind = dataset.indicators[ident]

    def doc() -> dict[str, Any]:
        about = {"id": ident, "name": ind.name, "name_en": ind.name_en, "unit": ind.unit}
        figures = [{k: v for k, v in row.items() if not k.startswith("d_")} for row in section.rows]
        return {"schema_version": SCHEMA_VERSION, "kind": "history", "indicator": about,
                "figures": figures}  # fmt: skip

    _write_sections(chosen, [section], lang, "", doc, bom)


class ExportFormat(StrEnum):
    sqlite = "sqlite"


@app.command(short_help="Write data files to one SQLite database (figures, targets, progress).")
@handle_errors
def export(
    output: Annotated[
        str,
        typer.Option(
            "--output", "-o", help="Database file to write (replaced atomically).", metavar="PATH"
        ),
    ],
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Export format.")
    ] = ExportFormat.sqlite,
    data: DataManyOption = None,
) -> None:
    """Write data files to one SQLite database: figures, targets, relations, a progress view.

    \b
    Examples:
      ganxian export --output figures.db
      ganxian export --output regions.db --data data/   # every *.toml in the folder
    """
    from .output.sqlite import export_sqlite

    datasets = _open_all(data)
    done = export_sqlite(datasets, output)
    err(f"ganxian: wrote {done.figures} figures from {done.files} file(s) to {output} ({fmt})")


def main() -> None:
    """Console-script entry point: run the app with output that fails only with a message.

    A reader that has gone (`| head`) ends the run quietly with status 0; a closed or full
    stdout ends it with one message and status 2; so does an argument that is not UTF-8.
    """
    # A run is short and its input capped at 4 MiB: the cyclic garbage collector would only walk
    # the loaded file again and again (10-20% of `validate` on a 4 MiB file, same peak memory).
    gc.disable()
    # No pydantic plugins in a CLI run: discovering them scans every installed package.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .output.streams import set_up

    stdout = set_up()
    _said["interrupted"] = False
    bad = next((a for a in sys.argv[1:] if _not_utf8(a)), None)
    if bad is not None:
        err(f"ganxian: error: argument '{bad}' is not valid UTF-8 text")
        sys.exit(EXIT_USAGE)
    try:
        try:
            app(prog_name="ganxian")  # also under `python -m ganxian_cli`, for completion scripts
        finally:
            stdout.flush()
    except (BrokenPipeError, ReaderGone):
        stdout.silence()
        sys.exit(EXIT_OK)
    except OutputError as exc:
        stdout.silence()
        err(f"ganxian: error: cannot write output: {exc}")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:  # before or after a command runs (during one: handle_errors)
        _interrupted()
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:  # Typer's own end of a Ctrl-C, as in parsing options
            _interrupted()
        raise


def run() -> None:
    """Console-script entry point: `main`, then an immediate exit once both streams are flushed.

    Tearing the interpreter down (freeing every module and every object of the loaded file) cost
    about a third of a short run's CPU, and nothing is left to do by then: a write is renamed into
    place before its command returns, a lock goes with its descriptor, and output is flushed here.
    """
    try:
        main()
        code: str | int | None = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    if not isinstance(code, int):
        sys.exit(code)  # a message as exit status: leave it to the interpreter
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError, OutputError, ReaderGone):
            sys.exit(code)  # let the interpreter's own shutdown deal with the stream
    os._exit(code)


def _not_utf8(text: str) -> bool:
    """Bytes that are not UTF-8 reach Python as lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


__all__ = ["app", "main", "run"]


class ExtractFormat(StrEnum):
    table = "table"
    json = "json"
    toml = "toml"


@app.command(short_help="Propose every figure an article prints, for review.")
@handle_errors
def extract(
    article: Annotated[str, typer.Argument(help="The article's text ('-' for standard input).")],
    data: DataOption = None,
    published: Annotated[
        str | None,
        typer.Option("--published", help="YYYY-MM the article appeared (else its dates)."),
    ] = None,
    fmt: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="table, json or toml (a draft).")
    ] = ExtractFormat.table,
    color: ColorOption = Color.auto,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="The [sources] id of the article (default: the one whose text is ARTICLE).",
        ),
    ] = None,
) -> None:
    """Propose every figure of an article, for review and `ganxian import`."""
    from .analysis.extract import (
        article_bytes,
        article_source,
        chosen_source,
        read_article,
    )
    from .analysis.extract import extract as run

    if article == "-" and data == "-":
        raise UsageError("standard input ('-') can be read only once: the article or --data")
    raw = article_bytes(article)
    name = "<stdin>" if article == "-" else article
    text, note = read_article(raw, name)
    if note:
        err(f"ganxian: {name}: {note}")
    path, dataset = _open(data)
    article_id = (
        chosen_source(dataset, source) if source else article_source(dataset, path, article)
    )
    result = run(text, dataset, published, article_id)
    err(f"ganxian: {len(result.figures)} figures; periods resolved with {result.published} "
        f"(from {result.published_from}); indicators from {path}")  # fmt: skip
    if article_id and not source:
        err(f"ganxian: the figures are of source {article_id!r}, whose text is {name}")
    from .output import extract as render

    if fmt is ExtractFormat.json:
        from .output.jsonout import dumps

        out(dumps(render.document(result, name, article_id)))
    elif fmt is ExtractFormat.toml:
        out(render.draft(result, name, article_id))
    else:
        from .output.table import extract_table, make_console, print_tables

        caption = f"{name}: 时期按 {result.published} 推算; 指标来自 {path}"
        table = extract_table(render.HEADERS, render.rows(result), caption)
        print_tables([table], make_console(color.value))


@app.command(name="import", short_help="Add a reviewed draft in one all-or-nothing write.")
@handle_errors
def import_(
    draft: Annotated[str, typer.Argument(help="A reviewed draft from `extract --format toml`.")],
    data: DataOption = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Change figures already present with another value.")
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="Print the diff; write nothing.")
    ] = False,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="The [sources] id of the article: figures without one get it."
        ),
    ] = None,
) -> None:
    """Add every figure of a draft in one checked, all-or-nothing write.

    A figure already present with the same value is skipped; another value needs --replace.
    With --source, the draft's figures belong to that article, so a later article's figures
    for the same months are added beside the earlier ones (the latest article counts).

    \b
    Examples:
      ganxian import draft.toml --data mine.toml --dry-run
      ganxian import july.toml --data mine.toml --source jul
    """
    from .datafile.importer import import_draft
    from .datafile.paths import resolve_write_path

    result = import_draft(
        resolve_write_path(data), draft, replace, dry_run, _write_checks(), source
    )
    if dry_run:
        out(result.diff or "(no change)")
    else:
        sys.stderr.write(result.diff)
    err(f"ganxian: {result.summary}")
