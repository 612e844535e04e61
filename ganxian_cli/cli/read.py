"""The commands that read data files and show them: report, progress, compare, list, history.

Each one checks its --format, opens the files, asks `output.views` for its document and hands it
to `output.render`; every format is drawn there.
"""

from typing import Annotated

import typer

from ..model.lang import Lang
from .app import (
    BasisOption,
    BomOption,
    By,
    Color,
    ColorOption,
    CompareFormatOption,
    DataManyOption,
    DataOption,
    FailOnOption,
    FormatOption,
    HistoryFormatOption,
    JsonFlag,
    LangOption,
    ListFormatOption,
    ListKind,
    OutputOption,
    QuietOption,
    app,
    chosen_format,
    completer,
    month_value,
    period_value,
)
from .run import err, fail_with, handle_errors, sink


@app.command(short_help="Every figure by theme, then 双过半 progress.")
@handle_errors
def report(
    data: DataManyOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    theme: Annotated[
        list[str] | None,
        typer.Option(
            "--theme",
            "-t",
            help="Only this theme, by id or Chinese or English name (repeatable).",
            autocompletion=completer("themes"),
        ),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            "-p",
            help="Only figures within this period, e.g. 2022 or 2022-01..2022-05.",
            autocompletion=completer("periods"),
            callback=period_value,
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
    from ..analysis.datasets import open_all
    from ..output.render import check_format, render
    from ..output.views import report_view

    chosen = check_format("report", chosen_format(fmt, as_json), output)
    view = report_view(open_all(data, err), theme or [], period, lang, by.value)
    render(view, chosen, sink(color.value, output, bom, quiet))


@app.command(short_help="双过半: each annual target against its year-to-date actual.")
@handle_errors
def progress(
    data: DataManyOption = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Evaluate as of YYYY-MM. Default: the latest cut-off in the data.",
            autocompletion=completer("months"),
            callback=month_value,
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
    fail_on: Annotated[
        FailOnOption | None,
        typer.Option(
            "--fail-on",
            help="For CI: exit 1 when a target is behind its time progress (or missed at year "
            "end), or only when one is missed at year end; the targets are named on stderr.",
        ),
    ] = None,
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
      ganxian progress --fail-on behind -q > /dev/null
    """
    from ..analysis.datasets import open_all
    from ..output.render import check_format, render
    from ..output.views import progress_doc

    chosen = check_format("progress", chosen_format(fmt, as_json), output)
    view = progress_doc(
        open_all(data, err), as_of, basis.value, lang, fail_on.value if fail_on else None
    )
    render(view, chosen, sink(color.value, output, bom, quiet))
    fail_with(view.failures)


@app.command(short_help="Year on year, period on period, shares, per firm, forecasts.")
@handle_errors
def compare(
    data: DataManyOption = None,
    fmt: CompareFormatOption = None,
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
    from ..analysis.datasets import open_all
    from ..output.render import check_format, render
    from ..output.views import compare_doc

    chosen = check_format("compare", chosen_format(fmt, as_json), output)
    view = compare_doc(open_all(data, err), lang)
    render(view, chosen, sink(color.value, output, bom, quiet))


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
    fmt: ListFormatOption = None,
    as_json: JsonFlag = False,
    lang: LangOption = Lang.zh,
    output: OutputOption = None,
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
    from ..analysis.datasets import open_data
    from ..output.render import check_format, render
    from ..output.views import list_doc

    chosen = check_format("list", chosen_format(fmt, as_json), output)
    view = list_doc(open_data(data), kind.value, search or "", lang)
    render(view, chosen, sink(output=output, bom=bom, quiet=quiet))


@app.command(short_help="One indicator across every period, with growth and bars.")
@handle_errors
def history(
    indicator: Annotated[
        str,
        typer.Argument(
            help="Indicator id (or its exact Chinese or English name).",
            autocompletion=completer("indicators"),
            show_default=False,
        ),
    ],
    data: DataOption = None,
    fmt: HistoryFormatOption = None,
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
      ganxian history 规模以上工业企业营业收入 --lang en
      ganxian history signed_amount --format xlsx --output signed.xlsx
    """
    from ..analysis.datasets import open_data
    from ..output.render import check_format, render
    from ..output.views import history_doc

    chosen = check_format("history", chosen_format(fmt, as_json), output)
    view = history_doc(open_data(data), indicator, lang)
    render(view, chosen, sink(output=output, bom=bom, quiet=quiet))
