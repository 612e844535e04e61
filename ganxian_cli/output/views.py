"""What each reading command shows, built in one call from the opened data files.

A command asks for its document here (`report_view`, `progress_doc`, `compare_doc`,
`list_doc`, `history_doc`; `problems.validate_doc` and `extract.extract_doc` for the others),
then hands it to `render.render` with the --format asked for. Several files (`--data` twice,
or a folder) are merged here: the rows of each file with its region.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, overload

from ..errors import UsageError
from .regions import ReportPart

if TYPE_CHECKING:
    from ..analysis.datasets import Opened, OpenedFiles
    from ..analysis.progress import AsOf
    from ..analysis.progress_view import ProgressView
    from ..analysis.results import Section
    from ..analysis.schedule import Basis
    from ..model.lang import Lang
    from ..model.models import Dataset
    from .document import Kind
    from .regions import Spooled
    from .section_grid import Layouts

EMPTY_SHOWS_NOTHING = frozenset({"table", "markdown"})


class Header:
    """What every document says before its output: where the data came from, warnings;
    *empty*: nothing to show (tables and Markdown print nothing); *several*: a report or
    progress of several files (one file's formats refused, the files named even with -q)."""

    __slots__ = ("empty", "inputs", "paths", "several", "warnings")

    def __init__(
        self,
        files: Sequence[str],
        warnings: tuple[str, ...] = (),
        empty: bool = False,
        several: bool = False,
    ) -> None:
        self.inputs = tuple(files)  # the files read: an --output never replaces one
        self.paths = ", ".join(files)
        self.warnings, self.empty, self.several = warnings, empty, several


class ReportView:
    """`report`: each file's figures then its progress; `by` theme or period (tables)."""

    __slots__ = ("by", "header", "lang", "parts")
    kind = "report"

    def __init__(self, header: Header, parts: Sequence[ReportPart], lang: Lang, by: str) -> None:
        self.header, self.parts, self.lang, self.by = header, parts, lang, by


class SectionsView:
    """`progress`, `compare`, `list` and `history`: titled tables of rows (`Section`); *body*
    gives the JSON document's fields after its kind; CSV shows the first *csv_sections* only
    (progress: the targets), with a byte-order mark if asked and *bom*; *dataset*: the one
    file, for an HTML page."""

    __slots__ = (
        "body", "bom", "csv_sections", "dataset", "failures", "header", "kind", "lang", "sections",
        "streams", "title",
    )  # fmt: skip

    def __init__(
        self,
        kind: Kind,
        header: Header,
        sections: list[Section],
        lang: Lang,
        body: Callable[[], dict[str, Any]],
        title: str = "",
        csv_sections: int | None = None,
        bom: bool = True,
        dataset: Dataset | None = None,
    ) -> None:
        self.kind, self.header, self.sections, self.lang, self.body = (
            kind, header, sections, lang, body
        )  # fmt: skip
        self.title, self.csv_sections, self.bom, self.dataset = title, csv_sections, bom, dataset
        self.failures: tuple[str, ...] = ()  # progress --fail-on: the targets that fail, named
        # formats written by a writer of their own, file by file (given where to write)
        self.streams: dict[str, Callable[[Callable[[str], object]], None]] = {}


def _asked(themes: list[str], period: str | None) -> str:
    """The filters a report was asked for, as typed: --period 2022 and --theme industry."""
    asked = [f"--period {period}"] if period else []
    asked += [f"--theme {','.join(themes)}"] if themes else []
    return " and ".join(asked)


def _within(period: str | None) -> Any:
    from ..model.periods import PeriodError, parse_period

    try:
        return parse_period(period) if period is not None else None
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from None


def _theme_ids(dataset: Dataset, themes: list[str]) -> list[str]:
    if not themes:
        return []
    from ..analysis.catalog import theme_id

    return [theme_id(dataset, t) for t in themes]


def _region(dataset: Dataset) -> dict[str, str]:
    from .regions import region_of

    return region_of(dataset)


class RegionParts(Sequence[ReportPart]):
    """The parts of a report over several files, each read and built when it is reached and
    dropped after: one file in memory at a time, whatever the number of files."""

    __slots__ = ("files", "lang", "themes", "unfiltered", "within")

    def __init__(
        self, files: OpenedFiles, themes: list[str], within: Any, unfiltered: bool, lang: Lang
    ) -> None:
        self.files, self.themes, self.within = files, themes, within
        self.unfiltered, self.lang = unfiltered, lang

    def __len__(self) -> int:
        return len(self.files)

    @overload
    def __getitem__(self, index: int) -> ReportPart: ...
    @overload
    def __getitem__(self, index: slice) -> list[ReportPart]: ...
    def __getitem__(self, index: int | slice) -> ReportPart | list[ReportPart]:
        if isinstance(index, slice):
            return [self._part(o) for o in self.files[index]]
        return self._part(self.files[index])

    def __iter__(self) -> Iterator[ReportPart]:
        for opened in self.files:
            yield self._part(opened)

    def _part(self, opened: Opened) -> ReportPart:
        from ..analysis.progress_view import latest
        from .report import select

        dataset = opened.dataset
        return ReportPart(
            opened.path,
            dataset,
            select(dataset, self.themes, self.within),
            _region(dataset),
            latest(dataset, self.lang) if self.unfiltered else None,
        )


def report_view(
    opened: OpenedFiles, themes: list[str], period: str | None, lang: Lang, by: str
) -> ReportView:
    """The figures of every file (only *themes*, by id or name, within *period* when given),
    each followed by its 双过半 progress when nothing is filtered out. Over several files the
    parts are read one at a time as the output is written (`RegionParts`)."""
    from ..analysis.progress_view import latest
    from .report import select

    if len(opened) > 1:  # each file's own theme ids: the names are matched as given
        unfiltered = not themes and not period
        parts = RegionParts(opened, themes, _within(period or None), unfiltered, lang)
        return ReportView(Header(opened.files(), several=True), parts, lang, by)
    one = opened[0]
    themes = _theme_ids(one.dataset, themes)
    within = _within(period)
    unfiltered = not themes and not period
    part = ReportPart(
        one.path,
        one.dataset,
        select(one.dataset, themes, within),
        {},
        latest(one.dataset, lang) if unfiltered else None,
    )
    empty = not part.rows
    asked = _asked(themes, period)
    nothing = f"no figure matches {asked}" if asked else "the data file holds no figure yet"
    warnings = (f"ganxian: {nothing}",) if empty else ()
    return ReportView(Header([one.path], warnings, empty), [part], lang, by)


def _as_of_text(when: AsOf | None) -> str:
    return f"up to {when}" if when else "(no targets declared, or no actuals for them)"


def progress_doc(
    opened: OpenedFiles,
    as_of: str | None,
    basis: Basis,
    lang: Lang,
    fail_on: str | None = None,
) -> SectionsView:
    """双过半 progress of every file, each judged as of *as_of* or its own latest month; with
    *fail_on*, the failing targets named in `.failures`."""
    from ..analysis.progress import parse_as_of

    try:
        when = parse_as_of(as_of) if as_of else None
    except ValueError as exc:
        raise UsageError(f"--as-of: {exc}") from None
    if len(opened) > 1:
        return _progress_of_several(opened, when, basis, lang, fail_on)
    return _progress_of_one(opened[0], when, basis, lang, fail_on)


def _failures(results: Sequence[Any], fail_on: str | None, region: str = "") -> list[str]:
    """The targets among *results* that fail `--fail-on` (none without it), one line each."""
    from ..analysis.fail_on import failing, failure_line

    return [failure_line(r, region) for r in failing(results, fail_on)] if fail_on else []


def _progress_of_one(
    opened: Opened, when: AsOf | None, basis: Basis, lang: Lang, fail_on: str | None
) -> SectionsView:
    from ..analysis.progress import early_data_warnings
    from ..analysis.progress_view import progress_view

    view = progress_view(opened.dataset, when, basis, lang)
    warnings = [] if view.results else [f"ganxian: no target has year-to-date data "
                                        f"{_as_of_text(view.as_of)}"]  # fmt: skip
    warnings += [f"ganxian: {w}" for w in early_data_warnings(view.results)]
    header = Header([opened.path], tuple(warnings), not view.results)
    shown = SectionsView(
        "progress",
        header,
        view.sections,
        lang,
        lambda: {"lang": lang.value, **view.summary, "targets": view.targets.records(lang)},
        view.headline,
        csv_sections=1,
        dataset=opened.dataset,
    )
    shown.failures = tuple(_failures(view.results, fail_on))
    return shown


def _progress_of_several(
    opened: OpenedFiles, when: AsOf | None, basis: Basis, lang: Lang, fail_on: str | None
) -> SectionsView:
    """One table with a region column; one headline per region (each file is judged at its
    own latest month unless --as-of is given)."""
    return SeveralProgress(opened, when, basis, lang, fail_on)


class SeveralProgress(SectionsView):
    """`progress` over several files. JSON, CSV and Markdown are written file by file
    (`streams`), and so is the table (`write_table`): of each file only its counts, its
    `--fail-on` failures and its headline (in `title`) are kept for the next; Markdown and the
    table write each row's text to a spool and keep only what their layout reads of every row.
    `sections` (one table of every region's rows) and `body` (the whole JSON document) hold
    every row at once: they, `title` and `failures` are made in one pass over the files the
    first time one of them is read (`__getattr__` is reached only while a slot is unset)."""

    __slots__ = ("_parts", "_tally", "basis", "fail_on", "opened", "when")

    def __init__(
        self,
        opened: OpenedFiles,
        when: AsOf | None,
        basis: Basis,
        lang: Lang,
        fail_on: str | None,
    ) -> None:
        from .regions import write_progress_csv, write_progress_json

        self.kind, self.lang, self.csv_sections, self.bom, self.dataset = (
            "progress", lang, 1, False, None
        )  # fmt: skip
        self.header = Header(opened.files(), several=True)
        self.opened, self.when, self.basis, self.fail_on = opened, when, basis, fail_on
        self.body = self._body
        self.streams = {
            "json": lambda write: write_progress_json(self._each(), self._head, lang, write),
            "csv": lambda write: write_progress_csv(self._each(), lang, write),
            "markdown": self._markdown,
        }

    def __getattr__(self, name: str) -> Any:
        if name not in ("sections", "title", "failures"):  # what a pass over the files sets
            raise AttributeError(name)
        self._whole()
        return getattr(self, name)

    def _counts(self, on_track: int, total: int) -> dict[str, Any]:
        from ..analysis.progress_view import summary

        counts = summary([], self.when, self.basis)
        counts["on_track"], counts["targets_total"] = on_track, total
        return counts

    def _read(self, opened: Opened) -> tuple[ProgressView, dict[str, str], list[str]]:
        """A file's progress, its region and its failures."""
        from ..analysis.progress_view import progress_view
        from .regions import region_of

        view = progress_view(opened.dataset, self.when, self.basis, self.lang)
        region = region_of(opened.dataset)
        return view, region, _failures(view.results, self.fail_on, region["en"])

    def _each(self) -> Iterator[tuple[Section, dict[str, str]]]:
        """Each file's progress table and region, in turn; the counts of its targets and its
        failures are kept, its results are not."""
        on_track = total = 0
        failures: list[str] = []
        for opened in self.opened:
            view, region, failed = self._read(opened)
            failures += failed
            on_track += view.summary["on_track"]
            total += view.summary["targets_total"]
            yield view.targets, region
        self.failures = tuple(failures)
        self._tally = (on_track, total)

    def _head(self) -> dict[str, Any]:
        """The document, its list of targets empty, once every file has been read."""
        from .document import envelope

        counts = self._counts(*self._tally)
        return envelope("progress", {"lang": self.lang.value, **counts, "targets": []})

    def _spool(self, spooled: Spooled[Any]) -> None:
        """One pass over the files: each file's sections go to *spooled*; of each, its headline
        (into `title`) and failures are kept, its results are not."""
        headlines: list[tuple[dict[str, str], str]] = []
        failures: list[str] = []
        for opened in self.opened:
            view, region, failed = self._read(opened)
            spooled.add(view.sections, region)
            headlines.append((region, view.headline))
            failures += failed
        self.title = self._title(headlines)
        self.failures = tuple(failures)

    def _title(self, headlines: list[tuple[dict[str, str], str]]) -> str:
        """Each region's 双过半 headline after its name, in a line."""
        lang = self.lang
        return ("; " if lang == "en" else ";").join(f"{r[lang]}: {h}" for r, h in headlines)

    def write_table(self, color: bool, stream: IO[str] | None = None) -> None:
        """The table of every region's rows, as that of `sections` (`progress_layouts`), its
        rows read from spools once every file is read."""
        from .section_grid import write_tables

        with self.table() as blocks:
            write_tables(blocks, color, stream)

    @contextmanager
    def table(self) -> Iterator[list[Layouts]]:
        """The blocks of the table (see `write_tables`), after one pass over the files; their
        rows wait in spools, which are closed on leaving."""
        from .regions import Spooled
        from .section_grid import BAR_AFTER, SpooledRows, spooled_progress_layouts

        lang = self.lang

        def start(section: Section, before: int) -> SpooledRows:
            return SpooledRows(section, lang, BAR_AFTER if before == 0 else "")

        with Spooled(start) as spooled:
            self._spool(spooled)
            yield spooled_progress_layouts(spooled.parts(), self.title, lang)

    def _markdown(self, write: Callable[[str], object]) -> None:
        """The Markdown of `sections`, its rows read from spools once every file is read."""
        from .regions import Spooled
        from .sections import MarkdownRows, write_markdown

        lang = self.lang
        with Spooled(lambda section, _before: MarkdownRows(section, lang)) as spooled:
            self._spool(spooled)
            write_markdown(spooled.parts(), lang, self.title, write)

    def _whole(self) -> None:
        """Every region's rows and headline, and the failures, in one pass over the files."""
        from .regions import RegionProgress, merged

        parts = []  # one file at a time: of each, its text, counts and failures, not its results
        pairs: dict[tuple[str, ...], dict[str, str]] = {}
        for opened in self.opened:
            view, region, failed = self._read(opened)
            parts.append(RegionProgress(view, region, failed, pairs))
        self.title = self._title([(p.region, p.headline) for p in parts])
        self.sections = merged([p.sections for p in parts])
        self.failures = tuple(f for p in parts for f in p.failures)
        self._parts = parts

    def _body(self) -> dict[str, Any]:
        """The whole JSON document's fields after its kind, every target at once (the
        formats that write it use `streams`)."""
        from .regions import with_region

        try:
            parts = self._parts
        except AttributeError:
            self._whole()
            parts = self._parts
        counts = self._counts(sum(p.on_track for p in parts), sum(p.total for p in parts))
        targets = [row for p in parts for row in with_region(p.targets(self.lang), p.region)]
        return {"lang": self.lang.value, **counts, "targets": targets}


def compare_doc(opened: OpenedFiles, lang: Lang) -> SectionsView:
    """Year on year, period on period, shares, per unit and forecasts; over several files, each
    section's rows of every file with its region."""
    from ..analysis.compare import compare
    from .regions import merged, region_of, tagged

    if len(opened) > 1:  # one file at a time: only the rows of each are kept
        sections = merged([tagged(compare(o.dataset), region_of(o.dataset)) for o in opened])
        paths = opened.files()
    else:
        one = opened[0]
        sections, paths = compare(one.dataset), [one.path]
    nothing = not any(s.rows for s in sections)
    warnings = ("ganxian: nothing to compare: no growth rates, relations, cumulative figures "
                "or forecasts",) if nothing else ()  # fmt: skip
    header = Header(paths, warnings)

    def body() -> dict[str, Any]:
        return {"lang": lang.value, **{s.key: s.records(lang) for s in sections}}

    return SectionsView("compare", header, sections, lang, body)


def list_doc(opened: Opened, kind: str, search: str, lang: Lang) -> SectionsView:
    """The indicators, themes, periods, targets or sources of one file, those matching
    *search* when given."""
    from ..analysis.catalog import listing

    section = listing(opened.dataset, kind, search)

    def body() -> dict[str, Any]:  # a row's machine fields, not what only tables show
        return {"of": kind, "items": [{k: row[k] for k in section.fields} for row in section.rows]}

    return SectionsView("list", Header([opened.path]), [section], lang, body)


def history_doc(opened: Opened, indicator: str, lang: Lang) -> SectionsView:
    """One indicator (by id or exact name) across every period and source."""
    from ..analysis.catalog import resolve_indicator, unknown_indicator
    from ..analysis.history import history

    dataset = opened.dataset
    ident = resolve_indicator(dataset, indicator)
    if ident is None:
        raise UsageError(unknown_indicator(dataset, indicator))
    section = history(dataset, ident)
    ind = dataset.indicators[ident]

    def body() -> dict[str, Any]:
        about = {"id": ident, "name": ind.name, "name_en": ind.name_en, "unit": ind.unit}
        figures = [{k: v for k, v in row.items() if not k.startswith("d_")} for row in section.rows]
        return {"indicator": about, "figures": figures}

    return SectionsView("history", Header([opened.path]), [section], lang, body)
