"""The commands that write data files: record, import, fmt, init.

Every write is checked before anything changes and lands atomically (see `datafile.store`);
the diff and a one-line summary go to stderr (to stdout with --dry-run).
"""

from dataclasses import fields
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import DataError, UnknownIndicator, UsageError
from .app import (
    DataWriteOption,
    FigureStatus,
    NameEnStatus,
    Qualifier,
    TargetKind,
    app,
    completer,
    percent_value,
    period_value,
    published_value,
)
from .run import err, exit_with, handle_errors, out

if TYPE_CHECKING:
    from ..datafile.record import NewFigure


SourceTitleOption = Annotated[
    str | None, typer.Option("--source-title", help="New --source: the article's title.")
]
SourcePublishedOption = Annotated[
    str | None,
    typer.Option("--source-published", help="New --source: YYYY-MM.", callback=published_value),
]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", "-n", help="Print the diff; write nothing.")
]
SourceTextOption = Annotated[
    str | None,
    typer.Option(
        "--source-text",
        help="New --source: a copy of the article inside the data file's folder "
        "(validate checks quotes against it).",
    ),
]


@app.command(short_help="Add or update one figure, validated before writing.")
@handle_errors
def record(
    ctx: typer.Context,
    indicator: Annotated[
        str,
        typer.Argument(
            help="Indicator id, e.g. industrial_revenue.",
            autocompletion=completer("indicators"),
        ),
    ],
    period: Annotated[
        str, typer.Option("--period", "-p", help="e.g. 2022-01..2022-06.", callback=period_value)
    ],
    value: Annotated[str, typer.Option("--value", "-v", help="The number exactly as printed.")],
    unit: Annotated[
        str | None, typer.Option("--unit", help="Unit as printed (a new indicator's unit).")
    ] = None,
    status: Annotated[
        FigureStatus, typer.Option("--status", help="actual, forecast or target.")
    ] = FigureStatus.actual,
    qualifier: Annotated[
        Qualifier | None,
        typer.Option(
            "--qualifier",
            help="exact (default), more_than (余/多), nearly (近) or about (约/左右).",
            show_default=False,
        ),
    ] = None,
    yoy: Annotated[
        str | None,
        typer.Option("--yoy", help="Year-on-year growth, %: 13.1 or 13.1%", callback=percent_value),
    ] = None,
    subject: Annotated[str | None, typer.Option("--subject", help="Company or place.")] = None,
    subject_en: Annotated[
        str | None, typer.Option("--subject-en", help="The subject's English name.")
    ] = None,
    quote: Annotated[str | None, typer.Option("--quote", help="Verbatim source clause.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="Free text.")] = None,
    note_en: Annotated[
        str | None, typer.Option("--note-en", help="The note in English, beside a Chinese --note.")
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="New indicator: Chinese name.")] = None,
    name_en: Annotated[
        str | None, typer.Option("--name-en", help="New indicator: English name.")
    ] = None,
    name_en_status: Annotated[
        NameEnStatus | None,
        typer.Option(
            "--name-en-status",
            help="New indicator: composed or untranslated, where no person wrote --name-en.",
        ),
    ] = None,
    theme: Annotated[str | None, typer.Option("--theme", help="New indicator: theme id.")] = None,
    stock: Annotated[
        bool,
        typer.Option(
            "--stock",
            help="New indicator: levels at each period's end (截至目前: projects under "
            "construction, firms on the register), not flows.",
        ),
    ] = False,
    tracks: Annotated[
        str | None,
        typer.Option("--tracks", help="With --status target: the indicator of its actuals."),
    ] = None,
    target_kind: Annotated[
        TargetKind | None,
        typer.Option(
            "--target-kind",
            help="With --tracks: annual (default), or list: a fixed list of items to complete "
            "(23 projects to start), shown by its completion only.",
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Change an existing figure for that period: what you give; the rest is kept.",
        ),
    ] = False,
    dry_run: DryRunOption = False,
    data: DataWriteOption = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The figure's article: a [sources] id.")
    ] = None,
    source_title: SourceTitleOption = None,
    source_published: SourcePublishedOption = None,
    source_url: Annotated[
        str | None, typer.Option("--source-url", help="New --source: its address.")
    ] = None,
    source_text: SourceTextOption = None,
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
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No diff on stderr: only the one-line summary.")
    ] = False,
) -> None:
    """Add or update one figure, validated before anything is written.

    \b
    Examples:
      ganxian record industrial_revenue --period 2022-01..2022-06 --value 190.2 \\
          --yoy 13.1 --quote "1至6月实现营业收入190.2亿元,同比增长13.1%"
      ganxian record cadres_in_enterprises --period 2022-07 --value 300 \\
          --qualifier more_than --quote "下沉300余名干部" --dry-run
    """
    from ..analysis.datasets import write_checks
    from ..datafile.paths import resolve_write_path
    from ..datafile.record import fields_named
    from ..datafile.store import option, record_figure

    new, data_file = new_figure(ctx.params), one(data)
    try:
        change = record_figure(resolve_write_path(data_file), new, replace, dry_run, write_checks())
    except UnknownIndicator as exc:
        raise UsageError(str(exc) + _suggestions(exc.indicator, data_file)) from None
    except DataError as exc:  # each problem of the new figure named by its option
        raise DataError(fields_named(exc.problems, new, option)) from None
    if dry_run:
        out(change.diff or "(no change)")
        return
    if not quiet:  # the diff of what was written; -q: only the summary
        for line in change.diff.splitlines():
            err(line)
    err(f"ganxian: {change.summary}")


def one(data: list[str] | None) -> str | None:
    """The one data file a write command was given (a second is refused as it is parsed)."""
    return data[0] if data else None


def new_figure(options: dict[str, Any]) -> "NewFigure":
    """The figure `record` was asked for, from its options by name (each field of
    `NewFigure` is the option of the same name; choices as their plain values)."""
    from ..datafile.record import NewFigure

    def plain(value: Any) -> Any:
        return value.value if isinstance(value, Enum) else value

    return NewFigure(
        **{f.name: plain(options[f.name]) for f in fields(NewFigure) if f.name in options}
    )


def _suggestions(indicator: str, data: str | None) -> str:
    """The closest known ids to an unknown indicator (the file read only on this error)."""
    from ..analysis.catalog import unknown_indicator_hint
    from ..analysis.datasets import open_data

    return unknown_indicator_hint(open_data(data).dataset, indicator)


@app.command(name="import", short_help="Add a reviewed draft in one all-or-nothing write.")
@handle_errors
def import_(
    draft: Annotated[str, typer.Argument(help="A reviewed draft from `extract --format toml`.")],
    data: DataWriteOption = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Change figures already present with another value.")
    ] = False,
    dry_run: DryRunOption = False,
    source: Annotated[
        str | None,
        typer.Option(
            "--source", help="The [sources] id of the article: figures without one get it."
        ),
    ] = None,
    source_title: SourceTitleOption = None,
    source_published: SourcePublishedOption = None,
    source_text: SourceTextOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No diff on stderr: only the one-line summary.")
    ] = False,
) -> None:
    """Add every figure of a draft (`extract --format toml` or `json`) in one checked,
    all-or-nothing write.

    A figure already present with the same value is skipped; another value needs --replace.
    With --source, the draft's figures belong to that article, so a later article's figures
    for the same months are added beside the earlier ones (the latest article counts); with
    --source-title and --source-published too, a [sources] table the file lacks is added.
    --dry-run lists where each figure goes and why, then the diff.

    \b
    Examples:
      ganxian import draft.toml --data mine.toml --dry-run
      ganxian import july.toml --data mine.toml --source jul
      ganxian import h1.toml --data mine.toml --source h1 --source-title "上半年经济运行" \\
          --source-published 2026-07 --source-text h1.txt
    """
    from ..analysis.datasets import write_checks
    from ..datafile.importer import NewSource, import_draft
    from ..datafile.paths import resolve_write_path

    article = NewSource(source_title, source_published, source_text)
    result = import_draft(
        resolve_write_path(one(data)), draft, replace, dry_run, write_checks(), source, article
    )
    if dry_run:
        for line in result.matches:
            out(line)
        out(result.diff or "(no change)")
    elif not quiet:  # the diff of what was written; -q: only the summary
        err_raw(result.diff)
    err(f"ganxian: {result.summary}")


def err_raw(text: str) -> None:
    """A diff on stderr as it is (its lines already end)."""
    import sys

    sys.stderr.write(text)


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
    from ..analysis.datasets import write_checks
    from ..datafile.paths import resolve_write_path
    from ..datafile.store import format_file

    checks = write_checks()
    unformatted = False
    for path in [resolve_write_path(f) for f in files] if files else [resolve_write_path(None)]:
        change = format_file(path, check, drop_comments, checks)
        if check and change.diff:
            out(change.diff)
            unformatted = True
        err(change.summary)
    exit_with(False, unformatted)


@app.command(short_help="Start a new data file for a region and article.")
@handle_errors
def init(
    file: Annotated[str, typer.Argument(help="The new data file (never overwritten).")],
    region: Annotated[str, typer.Option("--region", help="Region as printed, e.g. 江北县.")],
    title: Annotated[str, typer.Option("--title", help="Title of the first article.")],
    published: Annotated[
        str, typer.Option("--published", help="Its month, YYYY-MM.", callback=published_value)
    ],
    region_en: Annotated[
        str | None, typer.Option("--region-en", help="Region in English (default: --region).")
    ] = None,
) -> None:
    """Start a new data file: one source article and a starter set of themes."""
    from ..datafile.starter import create, starter_text

    create(file, starter_text(region, region_en, title, published))
    err(f"ganxian: wrote {file}; add figures with `ganxian record ID --data {file} …`")
