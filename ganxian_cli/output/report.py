"""The figures of a dataset as values: selected rows, a JSON document, and the report's
tables as `Section`s (one per theme), which every format draws (see `sections`, `section_grid`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..analysis.results import Column, Section
from ..model.english import quantity, subject_in
from ..model.lang import Lang
from ..model.models import SINGLE_SOURCE, Dataset, Figure, Indicator, Withheld
from ..model.numerals import plain
from ..model.periods import Period
from ..model.units import Unit
from .document import envelope

if TYPE_CHECKING:
    from ..analysis.progress_view import ProgressView

WITHHELD = {"zh": "未公开", "en": "withheld"}
STATUS_LABEL = {
    "zh": {"actual": "实际", "forecast": "预计", "target": "目标"},
    "en": {"actual": "actual", "forecast": "forecast", "target": "target"},
}
HEADERS = {
    "zh": ("指标", "时期", "数值", "同比", "状态", "主体"),
    "en": ("Indicator", "Period", "Value", "YoY", "Status", "Subject"),
}
HEADERS_PAIRS = tuple(zip(HEADERS["zh"], HEADERS["en"], strict=True))


@dataclass(slots=True)
class Row:
    """One figure with everything a renderer needs (never changed once made; not `frozen`,
    which triples the cost of making one)."""

    theme: str
    ident: str
    indicator: Indicator
    figure: Figure
    unit: Unit
    source: dict[str, str | None] | None = None  # the figure's article: id and title
    withheld: bool = False  # the source does not print the number ("XX亿元")
    mark: str = ""  # the article's id, shown where a file has several (see source_legend)
    counts: bool = True  # False: another article's figure for the same months counts instead
    superseded_by: str | None = None  # the source id of the figure that counts instead


def select(dataset: Dataset, themes: Sequence[str] = (), period: Period | None = None) -> list[Row]:
    """Figures in theme order, then file order; filtered by theme and by a period they lie in."""
    order = {theme: n for n, theme in enumerate(dataset.themes)}
    sources = _Sources(dataset)
    replaced = dataset.superseded_figures  # most files: none, and no look-up per figure
    rows = [
        Row(
            indicator.theme,
            ident,
            indicator,
            figure,
            base if figure.unit is None and base is not None else indicator.unit_of(figure),
            sources.of(figure),
            counts=not replaced or dataset.counts(ident, i),
            superseded_by=dataset.superseded_by(ident, i) if replaced else None,
        )
        for ident, indicator in dataset.indicators.items()
        if not themes or indicator.theme in themes
        for base in (_base(indicator),)
        for i, figure in enumerate(indicator.observations)
        if period is None or _within(figure.period, period)
    ] + _withheld_rows(dataset, themes, period)
    if article_count(dataset) > 1:
        rows = [
            dataclasses.replace(r, mark=(r.source or {}).get("id") or SINGLE_SOURCE) for r in rows
        ]
    return sorted(rows, key=lambda row: order.get(row.theme, len(order)))


def _base(indicator: Indicator) -> Unit | None:
    """The unit of *indicator*'s figures that name none (None where it is unknown: a figure
    then looks its unit up itself, and reports it)."""
    try:
        return indicator.base
    except ValueError:
        return None


def _withheld_rows(dataset: Dataset, themes: Sequence[str], period: Period | None) -> list[Row]:
    """Figures printed without a number, as rows whose value is shown as withheld."""
    sources = _Sources(dataset)
    return [
        Row(
            indicator.theme,
            ident,
            indicator,
            Figure.model_construct(
                period=w.period,
                value=Decimal(0),
                status=w.status,
                qualifier="exact",
                yoy=None,
                unit=None,
                subject=w.subject,
                quote=w.quote,
                note=w.note,
                source=w.source,
            ),
            indicator.base,
            sources.of(w),
            withheld=True,
        )
        for ident, indicator in dataset.indicators.items()
        for w in indicator.withheld
        if (not themes or indicator.theme in themes)
        and (period is None or _within(w.period, period))
    ]


class _Sources:
    """Each figure's article: its [sources] id and title (id null for the one [source] table),
    one record per article, shared by its figures' rows (never changed once made)."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.made: dict[str | None, dict[str, str | None] | None] = {}

    def of(self, figure: Figure | Withheld) -> dict[str, str | None] | None:
        ident = self.dataset.source_of(figure)
        try:
            return self.made[ident]
        except KeyError:
            pass
        dataset = self.dataset
        record: dict[str, str | None] | None = None
        if ident is not None:
            record = {"id": ident, "title": dataset.sources[ident].title}
        elif dataset.source:
            record = {"id": None, "title": dataset.source.title}
        self.made[ident] = record
        return record


def article_count(dataset: Dataset) -> int:
    """How many articles a file quotes: its [sources] and its single [source] table."""
    return len(dataset.sources) + (dataset.source is not None)


def _within(inner: Period, outer: Period) -> bool:
    return inner.year == outer.year and outer.start <= inner.start and inner.end <= outer.end


def display_value(
    value: Decimal, unit: Unit, qualifier: str, lang: Lang = Lang.zh, quote: str | None = None
) -> str:
    """300余名, 1.2万多亩, 近1000亩, 约180.3亿元 / over 300 people, about 18.03 billion yuan.
    余 and 多 say the same (more than); the one the *quote* prints after the number is kept
    (6000多万元), else 余."""
    if lang == "en":
        return quantity(value, unit, qualifier)
    number = plain(value)
    if qualifier == "nearly":
        return f"近{number}{unit.symbol}"
    if qualifier == "about":
        return f"约{number}{unit.symbol}"
    if qualifier == "more_than":
        if unit.magnitude and "." in number:  # 1.2万多亩: 多 follows the magnitude
            rest = unit.symbol.removeprefix(unit.magnitude)
            return f"{number}{unit.magnitude}多{rest}"
        word = "多" if quote and f"{number}多" in quote else "余"
        return f"{number}{word}{unit.symbol}"
    return f"{number}{unit.symbol}"


def display_growth(yoy: Decimal | None) -> str:
    if yoy is None:
        return ""
    return f"{'+' if yoy > 0 else ''}{plain(yoy)}%"


def name_of(indicator: Indicator, lang: Lang) -> str:
    return indicator.title_en if lang == "en" else indicator.name


SUPERSEDED_MARK = "†"
SUPERSEDED_NOTE = {
    "zh": "† 不计入: 另一篇文章同一时期的数字计入(默认为最晚发布者)",
    "en": "† does not count: another article's figure for the same months counts "
    "(by default the latest published)",
}


def source_legend(dataset: Dataset, lang: Lang, rows: Sequence[Row] = ()) -> str:
    """Which article each [id] beside a status stands for, where a file has several, and what
    † marks where a row carries it."""
    lines = []
    if article_count(dataset) > 1:
        items = [f"[{key}] {a.title} ({a.published})" for key, a in dataset.sources.items()]
        if dataset.source is not None:
            single = dataset.source
            when = f" ({single.published})" if single.published else ""
            items.insert(0, f"[{SINGLE_SOURCE}] {single.title}{when}")
        lines.append(("来源: " if lang == "zh" else "Sources: ") + "; ".join(items))
    if any(not row.counts for row in rows):
        lines.append(SUPERSEDED_NOTE[lang])
    return "\n".join(lines)


def source_info(dataset: Dataset) -> dict[str, Any]:
    return dataset.lead_source().model_dump(exclude_none=True, exclude={"text"})


def figure_record(row: Row) -> dict[str, Any]:
    """All fields of one figure for machine output (JSON), absent optional fields as null."""
    f = row.figure
    return {
        "indicator": row.ident,
        "name": row.indicator.name,
        "name_en": row.indicator.name_en,
        "theme": row.theme,
        "period": str(f.period),
        "period_label": {
            "zh": row.indicator.period_label(f, "zh"),
            "en": row.indicator.period_label(f, "en"),
        },
        "year": f.period.year if f.period.is_dated else None,  # null: no year stated
        "start_month": f.period.start if f.period.is_dated else None,
        "end_month": f.period.end if f.period.is_dated else None,
        "stock": row.indicator.stock,
        "status": f.status,
        "qualifier": f.qualifier,
        "value": None if row.withheld else f.value,
        "withheld": row.withheld,
        "unit": row.unit.symbol,
        "yoy": f.yoy,
        "subject": f.subject,
        "subject_en": f.subject_en,
        "quote": f.quote,
        "note": f.note,
        "note_en": f.note_en,
        "source": row.source,
        "counts": row.counts,
        "superseded_by": row.superseded_by,
    }


def report_document(
    dataset: Dataset,
    rows: Iterable[Row],
    progress: ProgressView | None = None,
    lang: Lang = Lang.zh,
) -> dict[str, Any]:
    """The `report --format json` document (schema in docs/schemas): the figures, then the
    双过半 section (*progress*: its summary and its targets) or null."""
    return envelope(
        "report",
        {
            "source": source_info(dataset),
            "themes": [
                {"id": key, "name": theme.name, "name_en": theme.name_en}
                for key, theme in dataset.themes.items()
            ],
            "figures": [figure_record(row) for row in rows],
            "progress": progress_record(progress, lang) if progress else None,
        },
    )


def progress_record(progress: ProgressView, lang: Lang) -> dict[str, Any]:
    """The 双过半 section of a report document: the summary, then every target."""
    return {**progress.summary, "targets": progress.targets.records(lang)}


CSV_COLUMNS = (
    "theme", "indicator", "name", "name_en", "period", "status", "qualifier",
    "value", "unit", "yoy", "subject", "quote", "note", "source", "counts", "superseded_by",
    "period_label", "period_label_en", "stock", "note_en",
)  # fmt: skip


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """A figure record for a flat table (CSV, a spreadsheet): its article as its id alone,
    `source` for the single [source] table; its period label in each language."""
    flat = dict(record)
    source = record.get("source")
    if isinstance(source, dict):
        flat["source"] = source.get("id") or SINGLE_SOURCE
    label = record.get("period_label")
    if isinstance(label, dict):
        flat["period_label"], flat["period_label_en"] = label["zh"], label["en"]
    return flat


def _name(row: Mapping[str, Any], lang: str) -> str:
    return name_of(row[ROW].indicator, Lang.en if lang == "en" else Lang.zh)


def _period(row: Mapping[str, Any], lang: str) -> str:
    r: Row = row[ROW]
    return r.indicator.period_label(r.figure, lang)


def _value(row: Mapping[str, Any], lang: str) -> str:
    r: Row = row[ROW]
    mark = "" if r.counts else SUPERSEDED_MARK
    if r.withheld:
        return WITHHELD[lang] + mark
    f = r.figure
    shown = Lang.en if lang == "en" else Lang.zh
    return display_value(f.value, r.unit, f.qualifier, shown, f.quote) + mark


def _growth(row: Mapping[str, Any], lang: str) -> str:
    return display_growth(row["yoy"])


def _status(row: Mapping[str, Any], lang: str) -> str:
    mark = row[ROW].mark
    return STATUS_LABEL[lang][row["status"]] + (f" [{mark}]" if mark else "")


def _subject(row: Mapping[str, Any], lang: str) -> str:
    f = row[ROW].figure
    return subject_in(f.subject, f.subject_en, lang)


ROW = "figure_row"  # the key of a report row's `Row` (no machine field)
REPORT_COLUMNS = (
    Column("name", *HEADERS_PAIRS[0], text=_name),
    Column("period", *HEADERS_PAIRS[1], text=_period),
    Column("value", *HEADERS_PAIRS[2], numeric=True, text=_value),
    Column("yoy", *HEADERS_PAIRS[3], numeric=True, text=_growth),
    Column("status", *HEADERS_PAIRS[4], text=_status),
    Column("subject", *HEADERS_PAIRS[5], text=_subject),
)


def theme_sections(dataset: Dataset, rows: Sequence[Row], fields: bool = True) -> list[Section]:
    """The report's tables: a `Section` per theme (key "figure"), in the order of *rows*; a row
    holds every field of its figure (`figure_record`) and its `Row`; the last section's note
    says which article each [id] stands for, where the file has several.

    Without *fields*, a row holds only what the columns and a drawn table read (its `Row`, its
    status and growth): for a table, which never shows the machine fields.
    """
    out: list[Section] = []
    for theme, theme_rows in group(rows):
        t = dataset.themes.get(theme)
        if fields:
            records = [{**flat_record(figure_record(row)), ROW: row} for row in theme_rows]
        else:
            records = [
                {"status": row.figure.status, "yoy": row.figure.yoy, ROW: row} for row in theme_rows
            ]
        zh, en = (t.name, t.name_en) if t else (theme, theme)
        out.append(Section("figure", zh, en, REPORT_COLUMNS, records, fields=CSV_COLUMNS))
    if out:
        legend = {lang: source_legend(dataset, lang, rows) for lang in (Lang.zh, Lang.en)}
        out[-1] = replace(out[-1], note_zh=legend[Lang.zh], note_en=legend[Lang.en])
    return out


def group(rows: Sequence[Row]) -> list[tuple[str, list[Row]]]:
    """Consecutive rows of one theme together, in order."""
    groups: list[tuple[str, list[Row]]] = []
    for row in rows:
        if groups and groups[-1][0] == row.theme:
            groups[-1][1].append(row)
        else:
            groups.append((row.theme, [row]))
    return groups
