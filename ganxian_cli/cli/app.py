"""The Typer app: its help, the root options, the choices and the options commands share.

Each command module (`read`, `write`, `check`, `extract`, `export`) adds its commands to `app`;
an option several commands take is declared here once, with its help.
"""

import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer

from .. import __version__
from ..model.lang import Lang
from .run import STATE, out
from .usage import Group

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
    cls=Group,
    help=HELP,
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"
    html = "html"


class CompareFormat(StrEnum):
    """The formats `compare` draws (xlsx with --output; no html page)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


class ListFormat(StrEnum):
    """The formats `list` draws: text only (--output writes them to a file)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class HistoryFormat(StrEnum):
    """The formats `history` draws (xlsx with --output; no html page)."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class ExtractFormat(StrEnum):
    table = "table"
    json = "json"
    toml = "toml"


class ExportFormat(StrEnum):
    sqlite = "sqlite"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class NameEnStatus(StrEnum):
    composed = "composed"
    untranslated = "untranslated"


class TargetKind(StrEnum):
    annual = "annual"
    list = "list"


class FigureStatus(StrEnum):
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


class FailOnOption(StrEnum):
    behind = "behind"
    missed = "missed"


class BasisOption(StrEnum):
    months = "months"
    days = "days"


class ListKind(StrEnum):
    indicators = "indicators"
    themes = "themes"
    periods = "periods"
    targets = "targets"
    sources = "sources"


class SchemaKind(StrEnum):
    data = "data"
    report = "report"
    validate = "validate"
    progress = "progress"
    compare = "compare"


def chosen_format(
    fmt: Format | CompareFormat | ListFormat | HistoryFormat | None, as_json: bool
) -> str | None:
    """The format asked for (None: not asked; --output's extension or table): --json is short
    for --format json."""
    return "json" if as_json else fmt.value if fmt is not None else None


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
        STATE.traceback = True


def period_value(value: str | None) -> str | None:
    """A period option: one written another unambiguous way (2022.6, 2022年6月) is refused with
    the period syntax for it; any other the command itself judges."""
    if not value:
        return value
    from ..model.periods import PeriodError, parse_period

    try:
        parse_period(value)
    except PeriodError:
        from .typos import period_reading

        meant = period_reading(value)
        if meant is not None:
            raise typer.BadParameter(f"not a period: {value!r}; did you mean {meant}?") from None
    return value


_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-\d{2}")


def month_value(value: str | None) -> str | None:
    """A month option (YYYY-MM): one written another unambiguous way (2022-6, 2022.6, 2022年6月)
    is refused with YYYY-MM for it; any other the command itself judges."""
    if not value or _MONTH.fullmatch(value):
        return value
    from .typos import month_reading

    meant = month_reading(value)
    if meant is not None:
        raise typer.BadParameter(f"expected YYYY-MM, not {value!r}; did you mean {meant}?")
    return value


def published_value(value: str | None) -> str | None:
    """An article's month (YYYY-MM) or day (YYYY-MM-DD), as `month_value`."""
    if value and _DAY.fullmatch(value):
        return value
    return month_value(value)


def percent_value(value: str | None) -> str | None:
    """A percentage option: 13.1% is read as 13.1."""
    if value is None:
        return value
    from .typos import percent_number

    number = percent_number(value)
    if not _PLAIN.fullmatch(number.strip()):
        raise typer.BadParameter(
            f"not a percentage: {value!r} (a plain decimal number, e.g. 13.1, +13.1% or -3.5)"
        )
    return number


_PLAIN = re.compile(r"[+-]?\d+(\.\d+)?")


def completer(kind: str) -> Callable[..., list[tuple[str, str]]]:
    """Shell completion of ids, themes or periods, read from the data file only when asked."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        data = ctx.params.get("data")
        try:
            from ..analysis.datasets import open_data

            opened = open_data(data[0] if isinstance(data, list) and data else data or None)
        except Exception:  # completion never fails: it offers nothing
            return []
        from ..analysis.catalog import completions

        return [(v, h) for v, h in completions(opened.dataset, kind) if v.startswith(incomplete)]

    return complete


def complete_data_paths(incomplete: str) -> list[str]:
    """Shell completion of data paths: folders and `*.toml` files (not every file)."""
    import os

    folder, _sep, start = incomplete.rpartition(os.sep)
    try:
        names = sorted(os.listdir(folder or "."))
    except OSError:
        return []
    found = []
    for name in names:
        if not name.startswith(start) or (name.startswith(".") and not start.startswith(".")):
            continue
        path = f"{folder}{os.sep}{name}" if folder or incomplete.startswith(os.sep) else name
        if os.path.isdir(path):
            found.append(path + os.sep)
        elif name.endswith(".toml"):
            found.append(path)
    return found


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


def one_data_file(value: list[str] | None) -> list[str] | None:
    """A write command's --data: one file; a second is refused (which was meant is not known)."""
    if value and len(value) > 1:
        shown = ", ".join(value)
        raise typer.BadParameter(f"a write command takes one data file, not {len(value)} ({shown})")
    return value


DataWriteOption = Annotated[
    list[str] | None,
    typer.Option(
        "--data",
        "-d",
        help="Data file. Default: $GANXIAN_DATA, ./data/indicators.toml, then the packaged copy.",
        show_default=False,
        metavar="PATH",
        callback=one_data_file,
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
_BY_NAME = "default: what --output's extension names, else table"
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format ({_BY_NAME}). xlsx (report, progress, compare, history) and html "
        "(report, progress) need --output.",
        show_default=False,
    ),
]
CompareFormatOption = Annotated[
    CompareFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format ({_BY_NAME}); xlsx needs --output.",
        show_default=False,
    ),
]
ListFormatOption = Annotated[
    ListFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format ({_BY_NAME}).",
        show_default=False,
    ),
]
HistoryFormatOption = Annotated[
    HistoryFormat | None,
    typer.Option(
        "--format",
        "-f",
        help=f"Output format ({_BY_NAME}); xlsx needs --output.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file instead of standard output, replaced atomically (xlsx and html "
        "need one; '-' is standard output). Never a data file read, a FIFO or a device.",
        show_default=False,
        metavar="PATH",
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option("--quiet", "-q", help='No "data from …" or "wrote FILE" line on stderr.'),
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
