"""Comparison tables an analyst builds by hand, from the relations the data file declares.

Units convert within a family first (30478万元 = 3.0478亿元); figures of different families are
never combined. Derived numbers are rounded for reading: percentages to 0.01, amounts to two
more decimals than their inputs, per-unit figures to the significant digits of their inputs.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from itertools import pairwise
from typing import Any

from ..model.models import Dataset, PerRelation, ShareRelation, SumRelation
from ..model.refs import Resolved, pairs, resolve, resolve_all
from ..model.units import UNITS, Kind, Unit
from .results import Column, Section
from .schedule import HUNDRED

CENT = Decimal("0.01")


def _q(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _sig_round(value: Decimal, digits: int) -> Decimal:
    if value == 0:
        return value
    return _q(value, max(0, digits - 1 - value.adjusted()))


def _sig_digits(value: Decimal) -> int:
    return len(value.normalize().as_tuple().digits) if value else 1


def _label(found: Resolved) -> dict[str, str]:
    ind, period = found.indicator, found.figure.period
    return {
        "zh": f"{ind.name}({period.label('zh')})",
        "en": f"{ind.name_en} ({period.label('en')})",
    }


NAME = Column("name", "指标", "Indicator")
PERIOD = Column("period_label", "时期", "Period")


def _period_label(found: Resolved) -> dict[str, str]:
    period = found.figure.period
    return {"zh": period.label("zh"), "en": period.label("en")}


def _dated(found: Resolved) -> dict[str, str]:
    label = _period_label(found)
    return {lang: f"{text}: {found.shown()}" for lang, text in label.items()}


def yoy_section(dataset: Dataset) -> Section:
    rows = []
    for ident, indicator, index, figure in dataset.figures():
        if figure.yoy is None:
            continue
        found = Resolved(ident, indicator, index, figure)
        previous = figure.value / (1 + figure.yoy / HUNDRED)
        places = _places(figure.value)
        rows.append(
            {
                "indicator": ident,
                "name": {"zh": indicator.name, "en": indicator.name_en},
                "period": str(figure.period),
                "period_label": _period_label(found),
                "value": figure.value,
                "unit": found.unit.symbol,
                "yoy": figure.yoy,
                "previous_implied": _q(previous, places),
                "change_implied": _q(figure.value - previous, places),
            }
        )
    return Section(
        "year_on_year",
        "同比",
        "Year on year",
        (
            NAME,
            PERIOD,
            Column("value", "数值", "Value", True),
            Column("unit", "单位", "Unit"),
            Column("yoy", "同比%", "YoY %", True),
            Column("previous_implied", "上年同期(推算)", "Previous year (derived)", True),
            Column("change_implied", "增量(推算)", "Change (derived)", True),
        ),
        rows,
        "上年同期 = 数值 ÷ (1 + 同比);官方增速按同口径计算,推算值仅供参考。",
        "Previous year = value / (1 + growth); official growth uses a same-scope base (同口径), "
        "so the derived figures are approximate.",
    )


def periods_section(dataset: Dataset) -> Section:
    rows = []
    for ident, indicator in dataset.indicators.items():
        groups: dict[tuple[str, str | None, int], list[Resolved]] = defaultdict(list)
        for index, figure in enumerate(indicator.observations):
            key = (figure.status, figure.subject, figure.period.year)
            groups[key].append(Resolved(ident, indicator, index, figure))
        base = indicator.base
        if base.kind is Kind.RANK:
            continue  # a rank (位) takes no arithmetic
        for (status, _subject, _year), found in groups.items():
            if status == "target":
                continue
            found.sort(key=lambda r: (r.figure.period.start, r.figure.period.end))
            for earlier, later in pairwise(found):
                a, b = earlier.value_in(base), later.value_in(base)
                if a == b and earlier.figure.period == later.figure.period:
                    continue
                places = max(_places(a), _places(b))
                months = later.figure.period.cutoff - earlier.figure.period.cutoff
                cumulative = (
                    earlier.figure.period.is_year_to_date and later.figure.period.is_year_to_date
                )
                rows.append(
                    {
                        "indicator": ident,
                        "name": {"zh": indicator.name, "en": indicator.name_en},
                        "status": status,
                        "from": str(earlier.figure.period),
                        "to": str(later.figure.period),
                        "from_label": _period_label(earlier),
                        "to_label": _period_label(later),
                        "from_value": _q(a, places),
                        "to_value": _q(b, places),
                        "unit": base.symbol,
                        "change": _q(b - a, places),
                        "change_pct": _q(HUNDRED * (b - a) / a, 2) if a else None,
                        "monthly_pace": _q((b - a) / months, places + 2)
                        if cumulative and months > 0
                        else None,
                    }
                )
    return Section(
        "period_on_period",
        "环比(同一指标不同时期)",
        "Period on period",
        (
            NAME,
            Column("status", "状态", "Status"),
            Column("from_label", "由", "From"),
            Column("to_label", "至", "To"),
            Column("from_value", "前值", "Earlier", True),
            Column("to_value", "后值", "Later", True),
            Column("unit", "单位", "Unit"),
            Column("change", "变化", "Change", True),
            Column("change_pct", "变化%", "Change %", True),
            Column("monthly_pace", "月均增量", "Per month", True),
        ),
        rows,
        "月均增量仅对自1月起的累计值计算。",
        "The monthly pace is given for cumulative (from January) figures only.",
    )


def shares_section(dataset: Dataset) -> Section:
    rows = []
    for relation in dataset.relations:
        if not isinstance(relation, ShareRelation):
            continue
        rates = resolve_all(dataset, relation.rate) if relation.rate else []
        for part, whole in pairs(
            resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
        ):
            unit = whole.unit
            if part.unit.family != unit.family:
                continue
            quoted = [r.figure.value for r, _p in pairs(rates, [part])]
            whole_value = whole.value_in(unit)
            rows.append(
                {
                    "part": _label(part),
                    "whole": _label(whole),
                    "part_value": part.shown(),
                    "whole_value": whole.shown(),
                    "share_pct": _q(HUNDRED * part.value_in(unit) / whole_value, 2)
                    if whole_value
                    else None,
                    "quoted_pct": quoted[0] if quoted else None,
                }
            )
    return Section(
        "part_of_whole",
        "部分与整体",
        "Part of whole",
        (
            Column("part", "部分", "Part"),
            Column("part_value", "部分数值", "Part value", True),
            Column("whole", "整体", "Whole"),
            Column("whole_value", "整体数值", "Whole value", True),
            Column("share_pct", "占比%", "Share %", True),
            Column("quoted_pct", "原文%", "Quoted %", True),
        ),
        rows,
    )


def _readable(value: Decimal, unit: Unit) -> tuple[Decimal, Unit]:
    """*value* in the largest unit of its family that keeps it at 1 or more."""
    family = sorted(
        {u for u in UNITS.values() if u.family == unit.family} | {unit}, key=lambda u: -u.scale
    )
    base = value * unit.scale
    for candidate in family:
        if abs(base) >= candidate.scale:
            return base / candidate.scale, candidate
    smallest = family[-1]
    return base / smallest.scale, smallest


def per_unit_section(dataset: Dataset) -> Section:
    rows = []
    for relation in dataset.relations:
        if not isinstance(relation, PerRelation):
            continue
        for amount, count in pairs(
            resolve_all(dataset, relation.amount), resolve_all(dataset, relation.count)
        ):
            if not count.figure.value:
                continue
            per, unit = _readable(amount.figure.value / count.figure.value, amount.unit)
            digits = min(
                _sig_digits(amount.figure.value),
                _sig_digits(count.figure.value) if count.unit.kind is not Kind.COUNT else 99,
            )
            rows.append(
                {
                    "amount": _label(amount),
                    "amount_value": amount.shown(),
                    "count": _label(count),
                    "count_value": count.shown(),
                    "per_unit": _sig_round(per, digits),
                    "unit": unit.symbol,
                }
            )
    return Section(
        "per_unit",
        "单位平均",
        "Per unit",
        (
            Column("amount", "总量", "Amount"),
            Column("amount_value", "总量数值", "Amount value", True),
            Column("count", "数量", "Count"),
            Column("count_value", "数量数值", "Count value", True),
            Column("per_unit", "平均每个", "Each", True),
            Column("unit", "单位", "Unit"),
        ),
        rows,
        "平均值按输入的有效数字取舍。",
        "Per-unit figures keep the significant digits of their inputs.",
    )


def sums_section(dataset: Dataset) -> Section:
    rows: list[dict[str, Any]] = []
    for relation in dataset.relations:
        if not isinstance(relation, SumRelation):
            continue
        parts = [
            resolve(dataset, ref) if len(resolve_all(dataset, ref)) == 1 else None
            for ref in relation.parts
        ]
        found = [p for p in parts if p is not None]
        if not found or len({p.unit.family for p in found}) != 1:
            continue
        total_fig = resolve(dataset, relation.total) if relation.total else None
        unit = total_fig.unit if total_fig else max((p.unit for p in found), key=lambda u: u.scale)
        total = sum((p.value_in(unit) for p in found), Decimal(0))  # exact: nothing to round
        rows.extend(
            {
                "item": _label(p),
                "value": p.shown(),
                "in_unit": p.value_in(unit),
                "unit": unit.symbol,
            }
            for p in found
        )
        label = {"zh": "合计", "en": "Total"}
        quoted = total_fig.shown() if total_fig else None
        rows.append({"item": label, "value": quoted, "in_unit": total, "unit": unit.symbol})
    return Section(
        "side_by_side",
        "同一单位并列",
        "Side by side in one unit",
        (
            Column("item", "项目", "Item"),
            Column("value", "原文数值", "As printed", True),
            Column("in_unit", "换算值", "Converted", True),
            Column("unit", "单位", "Unit"),
        ),
        rows,
    )


def forecasts_section(dataset: Dataset) -> Section:
    rows = []
    for ident, indicator in dataset.indicators.items():
        unit = indicator.base
        if unit.kind is Kind.RANK:
            continue  # a rank (位) takes no arithmetic
        actuals = [
            Resolved(ident, indicator, i, f)
            for i, f in enumerate(indicator.observations)
            if f.status == "actual"
        ]
        for index, figure in enumerate(indicator.observations):
            if figure.status != "forecast":
                continue
            forecast = Resolved(ident, indicator, index, figure)
            same = [a for a in actuals if a.figure.period == figure.period]
            before = [
                a
                for a in actuals
                if a.figure.period.year == figure.period.year
                and a.figure.period.cutoff < figure.period.start
            ]
            if same:
                actual, relation = same[0], "outcome"
            elif before:
                actual, relation = max(before, key=lambda a: a.figure.period.cutoff), "before"
            else:
                continue
            f, a = forecast.value_in(unit), actual.value_in(unit)
            rows.append(
                {
                    "name": {"zh": indicator.name, "en": indicator.name_en},
                    "forecast": _dated(forecast),
                    "actual": _dated(actual),
                    "relation": {
                        "zh": "实际结果" if relation == "outcome" else "此前实际",
                        "en": "outcome" if relation == "outcome" else "earlier actual",
                    },
                    "ratio_pct": _q(HUNDRED * f / a, 2) if a else None,
                }
            )
    return Section(
        "forecast_vs_actual",
        "预计与实际",
        "Forecast against actual",
        (
            NAME,
            Column("forecast", "预计", "Forecast"),
            Column("actual", "实际", "Actual"),
            Column("relation", "对照", "Compared with"),
            Column("ratio_pct", "预计/实际%", "Forecast/actual %", True),
        ),
        rows,
    )


def compare(dataset: Dataset) -> list[Section]:
    """Every comparison section, in reading order."""
    return [
        yoy_section(dataset),
        periods_section(dataset),
        shares_section(dataset),
        per_unit_section(dataset),
        sums_section(dataset),
        forecasts_section(dataset),
    ]
