"""One indicator across every period and source, for `ganxian history`.

Rows are in period order (year, cut-off month, then length), each with its growth where quoted
and its size against the largest figure of the indicator (in one unit) for a bar.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..model.english import subject_in
from ..model.models import SINGLE_SOURCE, Dataset
from ..model.units import convert
from .results import Column, Section, both, unit_text

_STATUS_ORDER = {"actual": 0, "forecast": 1, "target": 2}
# the status as a reader's word: the machine field `status` keeps the key
_STATUS_SHOWN = {
    "actual": both("实际", "actual"),
    "forecast": both("预计", "forecast"),
    "target": both("目标", "target"),
}


def history(dataset: Dataset, ident: str) -> Section:
    """Every figure of indicator *ident* (which must exist) as a Section.

    Where several articles give a figure for the same months (a revision), the one that counts
    comes first and each other one shows its source and its change from the one that counts."""
    indicator = dataset.indicators[ident]
    observations = indicator.observations
    order = sorted(
        range(len(observations)),
        key=lambda i: (
            (f := observations[i]).period.year,
            f.period.end,
            -f.period.start,
            _STATUS_ORDER[f.status],
            f.subject or "",
            not dataset.counts(ident, i),
        ),
    )
    figures = [observations[i] for i in order]
    common = [convert(f.value, indicator.unit_of(f).symbol, indicator.unit) for f in figures]
    largest = max((abs(v) for v in common), default=Decimal(0))
    several = len({dataset.source_of(f) for f in observations}) > 1
    rows = []
    for i, figure, value in zip(order, figures, common, strict=True):
        share = (abs(value) / largest * 100).quantize(Decimal("0.01")) if largest else None
        other = dataset.counted_instead(ident, i)
        change = None  # from the figure that counts instead, in this figure's unit
        if other is not None:
            counted = observations[other]
            unit = indicator.unit_of(figure).symbol
            change = figure.value - convert(counted.value, indicator.unit_of(counted).symbol, unit)
        source = dataset.source_of(figure) or SINGLE_SOURCE
        counts = dataset.counts(ident, i)
        rows.append(
            {
                "period": str(figure.period),
                "label": {
                    "zh": indicator.period_label(figure, "zh"),
                    "en": indicator.period_label(figure, "en"),
                },
                "status": figure.status,
                "d_status": _STATUS_SHOWN[figure.status],
                "qualifier": figure.qualifier,
                "value": figure.value,
                "unit": indicator.unit_of(figure).symbol,
                "d_unit": indicator.unit_of(figure),  # with the noun of what it counts
                "yoy": figure.yoy,
                "share": share,
                "subject": figure.subject,
                "subject_en": figure.subject_en,
                "quote": figure.quote,
                "source": source,
                "counts": counts,
                "superseded_by": dataset.superseded_by(ident, i),
                "change": change,
                "d_source": source + ("" if counts else "†"),
            }
        )
    columns: tuple[Column, ...] = (
        Column("label", "时期", "Period"),
        Column("d_status", "状态", "Status"),
        Column("value", "数值", "Value", True),
        Column("unit", "单位", "Unit", text=unit_text),
        Column("yoy", "同比%", "YoY %", True),
        Column("share", "占最大%", "% of largest", True),
        Column("subject", "主体", "Subject", text=_subject),
    )
    if several:
        columns = (
            *columns[:4],
            Column("d_source", "来源", "Source"),
            Column("change", "较计入值", "Change from counted", True),
            *columns[4:],
        )
    title_zh = f"{indicator.name}({ident})"
    title_en = f"{indicator.title_en} ({ident})"
    fields = (
        *("period", "status", "qualifier", "value", "unit", "yoy", "share", "subject"),
        *("subject_en", "quote"),
        *("source", "counts", "superseded_by", "change"),
    )
    withheld = [(w.period, w.subject) for w in indicator.withheld]
    note_zh = "未公布数值:" + "、".join(
        f"{p.label('zh')}{f'({s})' if s else ''}" for p, s in withheld
    )
    note_en = "Withheld by the source: " + "; ".join(
        f"{p.label('en')}{f' ({s})' if s else ''}" for p, s in withheld
    )
    notes_zh = [note_zh] if withheld else []
    notes_en = [note_en] if withheld else []
    if several and any(not r["counts"] for r in rows):
        notes_zh.append("† 不计入: 同一时期以另一篇文章(默认最晚发布者)的数字为准")
        notes_en.append(
            "† does not count: another article's figure for the same months counts "
            "(by default the latest published)"
        )
    return Section(
        "history", title_zh, title_en, columns, rows,
        "; ".join(notes_zh), "; ".join(notes_en), fields=fields,
    )  # fmt: skip


def _subject(row: Mapping[str, Any], lang: str) -> str | None:
    """The subject, by its English name in English where the file gives one."""
    return subject_in(row["subject"], row["subject_en"], lang) or None
