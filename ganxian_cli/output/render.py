"""Every output format of every command, chosen by name from one registry.

`RENDERERS[kind][format]` draws a document of that kind (see `views`) to standard output or to
the --output file, which `files` writes (atomically, never over a file the command reads).
`check_format` picks the format (--format, else the --output file's extension) and refuses a
format a command does not offer, a file format without --output, or an --output that cannot be
written, before any data is read; `render` says where the data came
from and any warnings, then draws. Each renderer imports what it draws with when it runs.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import UsageError

if TYPE_CHECKING:
    from ..model.lang import Lang
    from ..model.models import Dataset
    from .problems import ValidateView
    from .regions import ReportPart
    from .section_grid import ColorMode
    from .views import Header, ReportView, SectionsView

ONE_SECTION = ("history",)  # documents of one section: their CSV has no `section` column
FILE_FORMATS = ("xlsx", "html")  # need --output (an html page may go to `--output -`)


class Sink:
    """Where and how a document is drawn: the options of the output, and the writers of a line
    on standard error (*say*) and of machine text on standard output (*write*)."""

    __slots__ = ("bom", "color", "inputs", "output", "quiet", "say", "write")

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
        self.inputs: tuple[str, ...] = ()  # the files read, which --output never replaces

    @property
    def path(self) -> str:
        assert self.output is not None  # checked by check_format
        return self.output


Renderer = Callable[[Any, Sink], None]


# what a file name's extension says it holds (`report -o figures.csv` writes CSV)
SUFFIX_FORMATS = {
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".toml": "toml",
}

# the extension a file of each format gets in a suggestion: the first that names it
_EXTENSIONS: dict[str, str] = {}
for _extension, _format in SUFFIX_FORMATS.items():
    _EXTENSIONS.setdefault(_format, _extension)


def check_format(kind: str, fmt: str | None, output: str | None) -> str:
    """The format to draw: --format, else the one the --output file's extension names, else
    table. A format the command does not offer, a file format without --output, an --output
    whose extension names another format than --format, or one that cannot be written is
    refused before any data is read."""
    from .files import check_output

    named = None
    if output is not None and output != "-":
        root, extension = os.path.splitext(output)
        named = SUFFIX_FORMATS.get(extension.lower())
        takes = ", ".join(RENDERERS[kind])
        if named is not None and fmt is None and named not in RENDERERS[kind]:
            raise UsageError(
                f"--output {output} is named as {named}, which this command does not write (it "
                f"takes {takes}): choose one with --format, or rename the file"
            )
        if named is not None and fmt is not None and named != fmt:
            instead = (
                f", or leave out --format to write {named}" if named in RENDERERS[kind] else ""
            )
            raise UsageError(
                f"--output {output} is named as {named} but --format is {fmt}: name it "
                f"{root}{_EXTENSIONS.get(fmt, '.txt')}{instead}"
            )
    chosen = fmt or named or "table"
    if chosen in FILE_FORMATS and chosen not in RENDERERS[kind]:
        takes = ", ".join(RENDERERS[kind])
        raise UsageError(f"--format {chosen} is not available for this command (it takes {takes})")
    if chosen in FILE_FORMATS and not output:
        raise UsageError(f"--format {chosen} needs --output FILE")
    if output is not None:
        check_output(output, chosen)
    return chosen


def render(view: Any, fmt: str, sink: Sink) -> None:
    """Draw *view* in *fmt*, after the "data from" line and the warnings of its header; a text
    format with --output FILE goes to that file (atomically), not to standard output."""
    from .files import to_stdout

    header = getattr(view, "header", None)
    sink.inputs = header.inputs if header is not None else getattr(view, "inputs", ())
    shown = header is None or _introduced(header, fmt, sink)
    if fmt in FILE_FORMATS or to_stdout(sink.output):
        if shown:
            RENDERERS[view.kind][fmt](view, sink)
        return
    buffer = io.StringIO()
    if shown:
        with contextlib.redirect_stdout(buffer):
            RENDERERS[view.kind][fmt](view, sink)
    _to_file(sink, fmt, buffer.getvalue().encode("utf-8"))


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


def _write_file(sink: Sink, fmt: str, data: str | bytes) -> None:
    """A page or a workbook to its --output file; a page to standard output for `-o -`."""
    from .files import to_stdout

    if isinstance(data, str) and to_stdout(sink.output):
        sys.stdout.write(data)
        return
    _to_file(sink, fmt, data.encode("utf-8") if isinstance(data, str) else data)


def _to_file(sink: Sink, fmt: str, data: bytes) -> None:
    """*data* to the --output file; `wrote F` (or `replaced F`) on stderr unless --quiet."""
    from .files import write_bytes, wrote

    replaced = write_bytes(sink.path, fmt, data, sink.inputs)
    if not sink.quiet:
        sink.say(wrote(sink.path, replaced))


def _write_csv(text: str, bom: bool) -> None:
    sys.stdout.write(("\ufeff" if bom else "") + text)


_PAGE_WHAT = {
    "report": "figures as published",
    "progress": "progress against the year's targets (双过半)",
}


def _page_title(dataset: Dataset, lang: Lang, kind: str) -> str:
    """`地区:标题` in Chinese; in English, what the page shows, then the article's headline."""
    source = dataset.lead_source()
    if lang == "en":
        return f"{source.region_en}: {_PAGE_WHAT[kind]}, from “{source.title}”"
    return f"{source.region}: {source.title}"


# report


def _report_table(view: ReportView, sink: Sink) -> None:
    from .report import theme_sections
    from .report_grid import theme_layouts
    from .section_grid import Layouts, progress_layouts, use_color, write_tables

    if view.by == "period" and not view.header.several:
        _period_grid(view.parts[0], view.lang, use_color(sink.color, sys.stdout))
        return
    blocks: list[Layouts] = []
    for part in view.parts:
        sections = theme_sections(part.dataset, part.rows, fields=False)
        themes = theme_layouts(sections, view.lang, _caption(view, part))
        blocks += [[[grid] for grid in layouts] for layouts in themes]
        if part.progress:
            progress = part.progress
            blocks += progress_layouts(progress.sections, progress.headline, view.lang)
    write_tables(blocks, use_color(sink.color, sys.stdout))


def _caption(view: ReportView, part: ReportPart) -> str:
    """The line under a file's tables: its region (several files), the file, its sources."""
    from .report import source_legend

    zh = view.lang != "en"
    if view.header.several:
        return f"{part.region[view.lang]} · " + ("数据文件: " if zh else "") + part.path
    legend = source_legend(part.dataset, view.lang, part.rows).replace("\n", " · ")
    caption = ("数据文件: " if zh else "Data file: ") + part.path
    return caption + (f" · {legend}" if legend else "")


def _period_grid(part: ReportPart, lang: Lang, color: bool) -> None:
    from .report import theme_sections
    from .report_grid import period_matrix
    from .section_grid import terminal_width, write_tables

    grids = period_matrix(theme_sections(part.dataset, part.rows), lang, terminal_width(sys.stdout))
    write_tables([[[grid]] for grid in grids], color)


def _report_json(view: ReportView, sink: Sink) -> None:
    from .document import json_text
    from .regions import write_regions_json
    from .report import report_document

    if view.header.several:
        write_regions_json(view.parts, view.lang, sys.stdout.write)
        return
    first = view.parts[0]
    sink.write(json_text(report_document(first.dataset, first.rows, first.progress, view.lang)))


def _report_csv(view: ReportView, sink: Sink) -> None:
    from dataclasses import replace

    from .regions import write_records_csv
    from .report import CSV_COLUMNS, theme_sections
    from .sections import to_csv

    if view.header.several:
        write_records_csv(view.parts, sys.stdout.write)
        return
    part = view.parts[0]
    sections = theme_sections(part.dataset, part.rows)
    if part.progress:
        sections.append(replace(part.progress.targets, key="progress"))
    _write_csv(to_csv(sections, view.lang, CSV_COLUMNS), sink.bom)


def _report_markdown(view: ReportView, sink: Sink) -> None:
    from .report import theme_sections
    from .sections import to_markdown

    texts = []
    for part in view.parts:
        text = f"# {part.region[view.lang]}\n\n" if view.header.several else ""
        text += to_markdown(theme_sections(part.dataset, part.rows), view.lang)
        if part.progress:
            progress = part.progress
            text += "\n" + to_markdown(progress.sections, view.lang, progress.headline)
        texts.append(text)
    sink.write("\n".join(texts))


def _report_xlsx(view: ReportView, sink: Sink) -> None:
    from .exports import report_sheets
    from .xlsx import workbook_bytes

    part = view.parts[0]
    targets = part.progress.targets.records(view.lang) if part.progress else None
    sheets = report_sheets(part.dataset, part.rows, view.lang, targets)
    _write_file(sink, "xlsx", workbook_bytes(sheets, view.lang))


def _report_html(view: ReportView, sink: Sink) -> None:
    from .exports import report_page_tables
    from .html import page, section_table
    from .report import theme_sections

    part, lang = view.parts[0], view.lang
    tables = report_page_tables(theme_sections(part.dataset, part.rows), lang)
    headline, progress = "", None
    if part.progress:
        tables += [section_table(s, lang) for s in part.progress.sections if s.rows]
        headline, progress = part.progress.headline, part.progress.targets
    title = _page_title(part.dataset, lang, "report")
    html = page(title, tables, part.dataset, lang, headline, progress=progress)
    _write_file(sink, "html", html)


# progress, compare, list, history


def _progress_table(view: SectionsView, sink: Sink) -> None:
    from .section_grid import progress_layouts, use_color, write_tables
    from .views import SeveralProgress

    color = use_color(sink.color, sys.stdout)
    if isinstance(view, SeveralProgress):  # over several files: the rows wait in spools
        view.write_table(color)
        return
    write_tables(progress_layouts(view.sections, view.title, view.lang), color)


def _compare_table(view: SectionsView, sink: Sink) -> None:
    from .section_grid import section_layouts, use_color, write_tables

    blocks = [section_layouts(s, view.lang) for s in view.sections if s.rows]
    write_tables(blocks, use_color(sink.color, sys.stdout))


def _grid_table(view: SectionsView, sink: Sink) -> None:
    from .section_grid import write_sections

    write_sections(view.sections, view.lang)


def _sections_json(view: SectionsView, sink: Sink) -> None:
    from .document import envelope, json_text

    if "json" in view.streams:  # over several files: written file by file
        view.streams["json"](sys.stdout.write)
        return
    sink.write(json_text(envelope(view.kind, view.body())))


def _sections_csv(view: SectionsView, sink: Sink) -> None:
    from .sections import to_csv

    if "csv" in view.streams:  # over several files: written file by file
        view.streams["csv"](sys.stdout.write)
        return
    sections = view.sections[: view.csv_sections]
    text = to_csv(sections, view.lang, named=view.kind not in ONE_SECTION)
    _write_csv(text, view.bom and sink.bom)


def _sections_markdown(view: SectionsView, sink: Sink) -> None:
    from .sections import to_markdown

    if "markdown" in view.streams:  # over several files: written file by file
        view.streams["markdown"](sys.stdout.write)
        return
    sink.write(to_markdown(view.sections, view.lang, view.title))


def _sections_xlsx(view: SectionsView, sink: Sink) -> None:
    from .exports import section_sheets
    from .xlsx import workbook_bytes

    _write_file(sink, "xlsx", workbook_bytes(section_sheets(view.sections, view.lang), view.lang))


def _progress_html(view: SectionsView, sink: Sink) -> None:
    from .html import page, section_table

    assert view.dataset is not None  # one file: several are refused before
    tables = [section_table(s, view.lang) for s in view.sections if s.rows]
    title = _page_title(view.dataset, view.lang, "progress")
    progress = next((s for s in view.sections if s.key == "progress"), None)
    html = page(title, tables, view.dataset, view.lang, view.title, False, progress)
    _write_file(sink, "html", html)


# validate


def _validate_text(view: ValidateView, sink: Sink) -> None:
    from .problems import file_line, summary, text_lines

    for result in view.results:
        for line in text_lines(result, excerpt=sys.stdout.isatty()):
            sink.write(line)
    if view.per_file:
        for result in view.results:
            sink.write(file_line(result))
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
    from ..model.lang import Lang
    from .extract import review_section
    from .section_grid import section_layouts, use_color, write_tables

    lang = Lang(getattr(view, "lang", Lang.zh))
    layouts = section_layouts(review_section(view.extraction, view.name, view.path, lang), lang)
    write_tables([layouts], use_color(sink.color, sys.stdout))


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
