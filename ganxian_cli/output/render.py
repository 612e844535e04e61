"""Every output format of every command, chosen by name from one registry.

`RENDERERS[kind][format]` draws a document of that kind (see `views`) to standard output or to
the --output file. `check_format` refuses a format a command does not offer, or a file format
without --output, before any data is read; `render` says where the data came from and any
warnings, then draws. Each renderer imports what it draws with when it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..model.lang import Lang
    from ..model.models import Dataset
    from .problems import ValidateView
    from .regions import ReportPart
    from .table import ColorMode
    from .views import Header, ReportView, SectionsView

FILE_FORMATS = ("xlsx", "html")  # written to --output, never to standard output


class Sink:
    """Where and how a document is drawn: the options of the output, and the writers of a line
    on standard error (*say*) and of machine text on standard output (*write*)."""

    __slots__ = ("bom", "color", "output", "quiet", "say", "write")

    def __init__(
        self,
        say: Callable[[str], None],
        write: Callable[[str], None],
        color: ColorMode = "auto",
        output: str | None = None,
        bom: bool = False,
        quiet: bool = False,
    ) -> None:
        self.say, self.write, self.color = say, write, color
        self.output, self.bom, self.quiet = output, bom, quiet

    @property
    def path(self) -> str:
        assert self.output is not None  # checked by check_format
        return self.output


Renderer = Callable[[Any, Sink], None]


def check_format(kind: str, fmt: str, output: str | None) -> None:
    """xlsx and html are written to --output (and only for some commands); others to stdout."""
    if fmt in FILE_FORMATS and fmt not in RENDERERS[kind]:
        raise UsageError(f"--format {fmt} is not available for this command")
    if fmt in FILE_FORMATS and not output:
        raise UsageError(f"--format {fmt} needs --output FILE")


def render(view: Any, fmt: str, sink: Sink) -> None:
    """Draw *view* in *fmt*, after the "data from" line and the warnings of its header."""
    header = getattr(view, "header", None)
    if header is None or _introduced(header, fmt, sink):
        RENDERERS[view.kind][fmt](view, sink)


def _introduced(header: Header, fmt: str, sink: Sink) -> bool:
    """Say where the data came from (not above a table) and what is wrong; False: an empty
    result that tables and Markdown leave unsaid."""
    from .views import EMPTY_SHOWS_NOTHING

    if header.several and fmt in FILE_FORMATS:
        raise UsageError(f"--format {fmt} takes one data file")
    if fmt != "table" and (header.several or not sink.quiet):
        sink.say(f"ganxian: data from {header.paths}")
    for warning in header.warnings:
        sink.say(warning)
    return not (header.empty and fmt in EMPTY_SHOWS_NOTHING)


def _write_text(path: str, text: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _write_csv(text: str, bom: bool) -> None:
    sys.stdout.write(("\ufeff" if bom else "") + text)


def _page_title(dataset: Dataset, lang: Lang) -> str:
    source = dataset.lead_source()
    return f"{source.region_en if lang == 'en' else source.region}: {source.title}"


# report


def _report_table(view: ReportView, sink: Sink) -> None:
    from .table import make_console, print_tables, progress_renderables, report_tables

    if view.by == "period" and not view.header.several:
        _period_grid(view.parts[0], view.lang)
        return
    tables: list[Any] = []
    for part in view.parts:
        tables += report_tables(part.dataset, part.rows, view.lang, _caption(view, part))
        if part.progress:
            tables += progress_renderables(
                part.progress.sections, part.progress.headline, view.lang
            )
    print_tables(tables, make_console(sink.color))


def _caption(view: ReportView, part: ReportPart) -> str:
    """The line under a file's tables: its region (several files), the file, its sources."""
    from .report import source_legend

    zh = view.lang != "en"
    if view.header.several:
        return f"{part.region[view.lang]} · " + ("数据文件: " if zh else "") + part.path
    legend = source_legend(part.dataset, view.lang, part.rows).replace("\n", " · ")
    caption = ("数据文件: " if zh else "Data file: ") + part.path
    return caption + (f" · {legend}" if legend else "")


def _period_grid(part: ReportPart, lang: Lang) -> None:
    from .grid import plain_text
    from .report_grid import period_matrix
    from .section_grid import terminal_width

    grid = period_matrix(part.rows, lang)
    sys.stdout.write(plain_text(grid.lines(terminal_width(sys.stdout) or grid.natural_width())))


def _report_json(view: ReportView, sink: Sink) -> None:
    from .document import json_text
    from .regions import progress_of_regions, region_records
    from .report import report_document

    first = view.parts[0]
    if not view.header.several:
        sink.write(json_text(report_document(first.dataset, first.rows, first.progress, view.lang)))
        return
    doc = report_document(first.dataset, [])
    doc["figures"] = region_records(view.parts)
    doc["progress"] = progress_of_regions(view.parts, view.lang)
    sink.write(json_text(doc))


def _report_csv(view: ReportView, sink: Sink) -> None:
    from .regions import records_csv, region_records
    from .report import to_csv

    if view.header.several:
        sys.stdout.write(records_csv(region_records(view.parts)))
        return
    part = view.parts[0]
    targets = part.progress.targets if part.progress else None
    _write_csv(to_csv(part.rows, targets, view.lang), sink.bom)


def _report_markdown(view: ReportView, sink: Sink) -> None:
    from .report import to_markdown
    from .sections import to_markdown as sections_markdown

    texts = []
    for part in view.parts:
        text = f"# {part.region[view.lang]}\n\n" if view.header.several else ""
        text += to_markdown(part.dataset, part.rows, view.lang)
        if part.progress:
            progress = part.progress
            text += "\n" + sections_markdown(progress.sections, view.lang, progress.headline)
        texts.append(text)
    sink.write("\n".join(texts))


def _report_xlsx(view: ReportView, sink: Sink) -> None:
    from .exports import report_sheets
    from .xlsx import write_workbook

    part = view.parts[0]
    targets = part.progress.targets.records(view.lang) if part.progress else None
    write_workbook(sink.path, report_sheets(part.dataset, part.rows, view.lang, targets), view.lang)


def _report_html(view: ReportView, sink: Sink) -> None:
    from .exports import report_page_tables
    from .html import page, section_table

    part, lang = view.parts[0], view.lang
    tables = report_page_tables(part.dataset, part.rows, lang)
    headline = ""
    if part.progress:
        tables += [section_table(s, lang) for s in part.progress.sections if s.rows]
        headline = part.progress.headline
    title = _page_title(part.dataset, lang)
    _write_text(sink.path, page(title, tables, part.dataset, lang, headline))


# progress, compare, list, history


def _progress_table(view: SectionsView, sink: Sink) -> None:
    from .table import make_console, print_fitted, progress_renderables

    renderables = progress_renderables(view.sections, view.title, view.lang)
    print_fitted(renderables, make_console(sink.color))


def _compare_table(view: SectionsView, sink: Sink) -> None:
    from .table import make_console, print_fitted, section_table

    tables = [section_table(s, view.lang) for s in view.sections if s.rows]
    print_fitted(tables, make_console(sink.color))


def _grid_table(view: SectionsView, sink: Sink) -> None:
    from .section_grid import write_sections

    write_sections(view.sections, view.lang)


def _sections_json(view: SectionsView, sink: Sink) -> None:
    from .document import envelope, json_text

    sink.write(json_text(envelope(view.kind, view.body())))


def _sections_csv(view: SectionsView, sink: Sink) -> None:
    from .sections import to_csv

    _write_csv(to_csv(view.sections[: view.csv_sections], view.lang), view.bom and sink.bom)


def _sections_markdown(view: SectionsView, sink: Sink) -> None:
    from .sections import to_markdown

    sink.write(to_markdown(view.sections, view.lang, view.title))


def _sections_xlsx(view: SectionsView, sink: Sink) -> None:
    from .exports import section_sheets
    from .xlsx import write_workbook

    write_workbook(sink.path, section_sheets(view.sections, view.lang), view.lang)


def _progress_html(view: SectionsView, sink: Sink) -> None:
    from .html import page, section_table

    assert view.dataset is not None  # one file: several are refused before
    tables = [section_table(s, view.lang) for s in view.sections if s.rows]
    title = _page_title(view.dataset, view.lang)
    _write_text(sink.path, page(title, tables, view.dataset, view.lang, view.title, False))


# validate


def _validate_text(view: ValidateView, sink: Sink) -> None:
    from .problems import summary, text_lines

    for result in view.results:
        for line in text_lines(result, excerpt=sys.stdout.isatty()):
            sink.write(line)
    sink.write(summary(view.results))


def _validate_json(view: ValidateView, sink: Sink) -> None:
    from .document import json_text
    from .problems import json_document

    sink.write(json_text(json_document(view.results)))


def _validate_github(view: ValidateView, sink: Sink) -> None:
    from .problems import github_lines

    for result in view.results:
        for line in github_lines(result.problems):
            sink.write(line)


# extract


def _extract_table(view: Any, sink: Sink) -> None:
    from .extract import HEADERS, rows
    from .table import extract_table, make_console, print_tables

    result = view.extraction
    caption = f"{view.name}: 时期按 {result.published} 推算; 指标来自 {view.path}"
    print_tables([extract_table(HEADERS, rows(result), caption)], make_console(sink.color))


def _extract_json(view: Any, sink: Sink) -> None:
    from .document import json_text
    from .extract import document

    sink.write(json_text(document(view.extraction, view.name, view.article_id)))


def _extract_toml(view: Any, sink: Sink) -> None:
    from .extract import draft

    sink.write(draft(view.extraction, view.name, view.article_id))


_SECTIONS: dict[str, Renderer] = {
    "json": _sections_json,
    "csv": _sections_csv,
    "markdown": _sections_markdown,
}

RENDERERS: dict[str, dict[str, Renderer]] = {
    "report": {
        "table": _report_table,
        "json": _report_json,
        "csv": _report_csv,
        "markdown": _report_markdown,
        "xlsx": _report_xlsx,
        "html": _report_html,
    },
    "progress": {
        "table": _progress_table,
        **_SECTIONS,
        "xlsx": _sections_xlsx,
        "html": _progress_html,
    },
    "compare": {"table": _compare_table, **_SECTIONS, "xlsx": _sections_xlsx},
    "list": {"table": _grid_table, **_SECTIONS},
    "history": {"table": _grid_table, **_SECTIONS, "xlsx": _sections_xlsx},
    "validate": {"text": _validate_text, "json": _validate_json, "github": _validate_github},
    "extract": {"table": _extract_table, "json": _extract_json, "toml": _extract_toml},
}
