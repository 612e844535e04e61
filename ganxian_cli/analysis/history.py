"""One indicator across every period and source, for `ganxian history`.

Rows are in period order (year, cut-off month, then length), each with its growth where quoted
and its size against the largest figure of the indicator (in one unit) for a bar.
"""

from __future__ import annotations

from decimal import Decimal

from ..model.models import Dataset
from ..model.units import convert
from .results import Column, Section, both

_STATUS_ORDER = {"actual": 0, "forecast": 1, "target": 2}
# the status as a reader's word: the machine field `status` keeps the key
_STATUS_SHOWN = {
    "actual": both("实际", "actual"),
    "forecast": both("预计", "forecast"),
    "target": both("目标", "target"),
}


def history(dataset: Dataset, ident: str) -> Section:
    """Every figure of indicator *ident* (which must exist) as a Section."""
    indicator = dataset.indicators[ident]
    figures = sorted(
        indicator.observations,
        key=lambda f: (f.period.year, f.period.end, -f.period.start, _STATUS_ORDER[f.status]),
    )
    common = [convert(f.value, indicator.unit_of(f).symbol, indicator.unit) for f in figures]
    largest = max((abs(v) for v in common), default=Decimal(0))
    rows = []
    for figure, value in zip(figures, common, strict=True):
        share = (abs(value) / largest * 100).quantize(Decimal("0.01")) if largest else None
        rows.append(
            {
                "period": str(figure.period),
                "label": {"zh": figure.period.label("zh"), "en": figure.period.label("en")},
                "status": figure.status,
                "d_status": _STATUS_SHOWN[figure.status],
                "qualifier": figure.qualifier,
                "value": figure.value,
                "unit": indicator.unit_of(figure).symbol,
                "yoy": figure.yoy,
                "share": share,
                "subject": figure.subject,
                "quote": figure.quote,
            }
        )
    columns = (
        Column("label", "时期", "Period"),
        Column("d_status", "状态", "Status"),
        Column("value", "数值", "Value", True),
        Column("unit", "单位", "Unit"),
        Column("yoy", "同比%", "YoY %", True),
        Column("share", "占最大%", "% of largest", True),
        Column("subject", "主体", "Subject"),
    )
    title_zh = f"{indicator.name}({ident})"
    title_en = f"{indicator.title_en} ({ident})"
    fields = ("period", "status", "qualifier", "value", "unit", "yoy", "share", "subject", "quote")
    withheld = [(w.period, w.subject) for w in indicator.withheld]
    note_zh = "未公布数值:" + "、".join(
        f"{p.label('zh')}{f'({s})' if s else ''}" for p, s in withheld
    )
    note_en = "Withheld by the source: " + "; ".join(
        f"{p.label('en')}{f' ({s})' if s else ''}" for p, s in withheld
    )
    return Section(
        "history", title_zh, title_en, columns, rows,
        note_zh if withheld else "", note_en if withheld else "", fields=fields,
    )  # fmt: skip
