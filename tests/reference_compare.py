"""The comparison tables as ganxian built them before rows held only machine fields: a
reference the fast code is checked against, row by row and cell by cell (test-only)."""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from ganxian_cli.analysis.derived import AMOUNT_PLACES, Num, amount_text, combine_status, marked
from ganxian_cli.analysis.results import Column, Section, Shown, both
from ganxian_cli.analysis.schedule import HUNDRED
from ganxian_cli.model.intervals import Interval
from ganxian_cli.model.models import Dataset, PerRelation, ShareRelation, SumRelation
from ganxian_cli.model.periods import Period
from ganxian_cli.model.refs import Resolved, resolve_all
from ganxian_cli.model.units import UNITS, Kind, Unit

Key = tuple[str, str, str | None]  # indicator, status, subject


@dataclass(frozen=True)
class Entry:
    """A value for a period: printed (`found`), or derived from two cumulative figures."""

    key: Key
    period: Period
    num: Num
    found: Resolved | None = None
    later: Resolved | None = None
    earlier: Resolved | None = None

    @property
    def derived(self) -> bool:
        return self.found is None


class FigureIndex:
    """Every figure of a dataset by key and period; derived single periods beside them."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.printed: dict[Key, dict[Period, Entry]] = defaultdict(dict)
        self.derived: dict[Key, dict[Period, Entry]] = defaultdict(dict)
        for ident, indicator, index, figure in dataset.figures():
            unit = indicator.base
            if unit.kind is Kind.RANK or dataset.superseded(ident, index):
                continue  # a rank takes no arithmetic; a replaced figure does not count
            found = Resolved(ident, indicator, index, figure)
            key: Key = (ident, str(figure.status), figure.subject)
            self.printed[key][figure.period] = Entry(key, figure.period, Num.of(found, unit), found)
        for key, by_period in self.printed.items():
            if key[1] == "target" or self.dataset.indicators[key[0]].base.kind is Kind.RATE:
                continue  # rates and targets do not subtract
            cumulative = sorted(
                (e for e in by_period.values() if e.period.is_year_to_date),
                key=lambda e: (e.period.year, e.period.cutoff),
            )
            for a, b in pairwise(cumulative):
                if a.period.year != b.period.year:
                    continue
                period = Period(a.period.year, a.period.cutoff + 1, b.period.cutoff)
                if period in by_period:
                    continue
                self.derived[key][period] = Entry(
                    key, period, b.num - a.num, None, b.found, a.found
                )

    def get(self, key: Key, period: Period) -> Entry | None:
        """The printed figure for *period*, else a derived one."""
        return self.printed.get(key, {}).get(period) or self.derived.get(key, {}).get(period)

    def entries(self, key: Key) -> list[Entry]:
        """Printed and derived entries of *key*, by period."""
        merged = {**self.derived.get(key, {}), **self.printed.get(key, {})}
        return [merged[p] for p in sorted(merged, key=lambda p: (p.year, p.start, p.end))]


EN = ("en",)
LANGS = ("zh", "en")
DERIVED = {"zh": "(推算)", "en": " (derived)"}
STATUS_MARK = {
    "zh": {"forecast": "(预计)", "target": "(目标)"},
    "en": {"forecast": " (forecast)", "target": " (target)"},
}


def show(
    num: Num | None,
    unit: Unit | None = None,
    like: Decimal | None = None,
    unit_in: tuple[str, ...] = ("zh", "en"),
) -> Shown | None:
    """约180.3亿元(预计) / ~18.03 billion yuan (forecast): qualifier and status marked, in both
    languages, in *unit* where *unit_in* says (in English in the word *like* takes: see
    `amount_text`). The text is made when a table reads it (JSON and CSV never do)."""
    if num is None:
        return None
    return Shown(lambda lang: shown_text(num, unit, like, unit_in, lang))


def shown_text(
    num: Num, unit: Unit | None, like: Decimal | None, unit_in: tuple[str, ...], lang: str
) -> str:
    """The text `show` gives in *lang*."""
    text = amount_text(num.shown(), unit if lang in unit_in else None, lang, like)
    return marked(text, num.qualifier, lang) + STATUS_MARK[lang].get(num.status, "")


def _name(found: Resolved) -> dict[str, str]:
    ind, subject = found.indicator, found.figure.subject
    extra = f"({subject})" if subject else ""
    return both(ind.name + extra, ind.name_en + (f" ({subject})" if subject else ""))


def _label(found: Resolved) -> Shown:
    ind, period = found.indicator, found.figure.period
    return Shown(
        lambda lang: (
            f"{ind.name_en} ({found.figure.period_label('en')})"
            if lang == "en"
            else f"{ind.name}({found.figure.period_label('zh')})"
        )
    )


@functools.cache
def _period_text(period: Period) -> str:
    """str(period), worked out once per period (rows repeat the same few hundred periods)."""
    return str(period)


def _period_label(period: Any) -> Shown:
    return Shown(period.label)


NAME = Column("name", "指标", "Indicator")
STATUS_LABEL = {
    "actual": both("实际", "actual"),
    "forecast": both("预计", "forecast"),
    "target": both("目标", "target"),
}


def yoy_section(dataset: Dataset) -> Section:
    rows = []
    for ident, indicator, index, figure in dataset.figures():
        if figure.yoy is None:
            continue
        found = Resolved(ident, indicator, index, figure)
        value = Num.of(found)
        growth = Num(figure.yoy, Interval.printed(figure.yoy)).scale(Decimal("0.01"))
        factor = Num.exact(Decimal(1)) + growth
        previous = (
            value.divide(factor, AMOUNT_PLACES, fixed=False) if factor.value > 0 else None
        )  # growth of -100 % or less has no base
        change = value - previous if previous else None
        rows.append(
            {
                "indicator": ident,
                "name": _name(found),
                "period": _period_text(figure.period),
                "period_label": _period_label(figure.period),
                "status": figure.status,
                "qualifier": figure.qualifier,
                "value": figure.value,
                "unit": found.unit.symbol,
                "yoy_pct": figure.yoy,
                "previous_implied": previous.shown() if previous else None,
                "change_implied": change.shown() if change else None,
                "implied_qualifier": previous.qualifier if previous else None,
                # Chinese shows the unit in its own column, English with each number
                "d_value": show(value, found.unit, value.shown(), EN),
                "d_previous": show(previous, found.unit, value.shown(), EN),
                "d_change": show(change, found.unit, value.shown(), EN),
            }
        )
    return Section(
        "year_on_year",
        "同比",
        "Year on year",
        (
            NAME,
            Column("period_label", "时期", "Period"),
            Column("d_value", "数值", "Value", True),
            Column("unit", "单位", "Unit", only="zh"),
            Column("yoy_pct", "同比%", "YoY %", True),
            Column("d_previous", "上年同期(推算)", "Previous year (derived)", True),
            Column("d_change", "增量(推算)", "Change (derived)", True),
        ),
        rows,
        "上年同期 = 数值 ÷ (1 + 同比);官方增速按同口径计算,推算值仅供参考。",
        "Previous year = value / (1 + growth); official growth uses a same-scope base (同口径), "
        "so the derived figures are approximate.",
        ("indicator", "name", "period", "status", "qualifier", "value", "unit", "yoy_pct",
         "previous_implied", "change_implied", "implied_qualifier"),
    )  # fmt: skip


def _entry_name(index: FigureIndex, key: Key) -> dict[str, str]:
    ind = index.dataset.indicators[key[0]]
    extra_zh, extra_en = (f"({key[2]})", f" ({key[2]})") if key[2] else ("", "")
    return both(ind.name + extra_zh, ind.name_en + extra_en)


def derived_section(index: FigureIndex) -> Section:
    """Single periods implied by two cumulative figures (1–6月 − 1–5月 = 6月)."""
    rows = []
    for key, by_period in index.derived.items():
        unit = index.dataset.indicators[key[0]].base
        for period, e in by_period.items():
            assert e.later and e.earlier
            rows.append(
                {
                    "indicator": key[0],
                    "name": _entry_name(index, key),
                    "status": key[1],
                    "subject": key[2],
                    "period": _period_text(period),
                    "period_label": _period_label(period),
                    "from_period": _period_text(e.later.figure.period),
                    "minus_period": _period_text(e.earlier.figure.period),
                    "value": e.num.shown(),
                    "unit": unit.symbol,
                    "qualifier": e.num.qualifier,
                    "d_value": show(e.num, unit),
                    "d_how": _how(e.later.figure.period, e.earlier.figure.period),
                }
            )
    return Section(
        "derived_periods",
        "由累计值推算的单期数",
        "Single periods derived from cumulative figures",
        (
            NAME,
            Column("period_label", "时期", "Period"),
            Column("d_value", "推算值", "Derived", True),
            Column("d_how", "推算方法", "From"),
        ),
        rows,
        "两个累计值之差;精度按两者的印刷精度确定。",
        "The difference of two cumulative figures, to the precision both were printed with.",
        ("indicator", "name", "status", "subject", "period", "from_period", "minus_period",
         "value", "unit", "qualifier"),
    )  # fmt: skip


def _how(later: Any, earlier: Any) -> Shown:
    return Shown(lambda lang: f"{later.label(lang)} − {earlier.label(lang)}")


def _ordinal(year: int, month: int) -> int:
    return year * 12 + month - 1


def periods_section(index: FigureIndex) -> Section:
    """Each period against the one before it of the same length (printed or derived)."""
    rows = []
    for key in sorted(set(index.printed) | set(index.derived), key=str):
        if key[1] == "target":
            continue
        unit = index.dataset.indicators[key[0]].base
        name = _entry_name(index, key)
        entries = index.entries(key)
        by_start = {(_ordinal(e.period.year, e.period.start), _length(e)): e for e in entries}
        for later in entries:
            length = _length(later)
            if length == 12:
                continue  # year against year is year on year, not 环比
            earlier = by_start.get(
                (_ordinal(later.period.year, later.period.start) - length, length)
            )
            if earlier is None:
                continue
            rows.append(_period_row(name, key, unit, earlier, later))
    return Section(
        "period_on_period",
        "环比(相同长度的相邻时期)",
        "Period on period (adjacent periods of the same length)",
        (
            NAME,
            Column("d_status", "状态", "Status"),
            Column("d_from", "由", "From"),
            Column("d_to", "至", "To"),
            Column("d_change", "变化", "Change", True),
            Column("d_change_pct", "变化%", "Change %", True),
        ),
        rows,
        "“(推算)”为两个累计值之差;比率的变化以个百分点计。",
        "“(derived)” marks the difference of two cumulative figures; rates change in points.",
        ("indicator", "name", "status", "subject", "months", "from_period", "to_period",
         "from_value", "from_derived", "to_value", "to_derived", "unit", "change",
         "change_unit", "change_pct", "qualifier"),
    )  # fmt: skip


def _length(e: Entry) -> int:
    return e.period.end - e.period.start + 1


def _dated(e: Entry, unit: Unit) -> Shown:
    """1–5月: 12.3亿元(推算): a period and its value, marked when derived."""

    def text(lang: str) -> str:
        shown = shown_text(e.num, unit, None, LANGS, lang)
        return f"{e.period.label(lang)}: {shown}{DERIVED[lang] if e.derived else ''}"

    return Shown(text)


def _period_row(name: dict[str, str], key: Key, unit: Unit, a: Entry, b: Entry) -> dict[str, Any]:
    rate = unit.kind is Kind.RATE
    change = b.num - a.num
    pct = None
    if not rate and a.num.value > 0:
        ratio = change.divide(a.num)
        pct = ratio.scale(HUNDRED) if ratio else None
    change_unit = UNITS["个百分点"] if rate else unit
    return {
        "indicator": key[0],
        "name": name,
        "status": key[1],
        "subject": key[2],
        "months": _length(b),
        "from_period": _period_text(a.period),
        "to_period": _period_text(b.period),
        "from_value": a.num.shown(),
        "from_derived": a.derived,
        "to_value": b.num.shown(),
        "to_derived": b.derived,
        "unit": unit.symbol,
        "change": change.shown(),
        "change_unit": change_unit.symbol,
        "change_pct": pct.shown() if pct else None,
        "qualifier": change.qualifier,
        "d_status": STATUS_LABEL[key[1]],
        "d_from": _dated(a, unit),
        "d_to": _dated(b, unit),
        "d_change": show(change, change_unit),
        "d_change_pct": show(pct),
    }


def _pairs(left: list[Resolved], right: list[Resolved]) -> list[tuple[Resolved, Resolved]]:
    """Figures of two references paired by period and status (single figures: each other)."""
    by_key: dict[tuple[Any, str], list[Resolved]] = defaultdict(list)
    for b in right:
        by_key[(b.figure.period, b.figure.status)].append(b)
    matched = [(a, b) for a in left for b in by_key.get((a.figure.period, a.figure.status), [])]
    if not matched and len(left) == 1 and len(right) == 1:
        return [(left[0], right[0])]
    return matched


def _side(prefix: str, found: Resolved) -> dict[str, Any]:
    f = found.figure
    return {
        f"{prefix}_indicator": found.ident,
        f"{prefix}_name": _name(found),
        f"{prefix}_period": _period_text(f.period),
        f"{prefix}_value": f.value,
        f"{prefix}_unit": found.unit.symbol,
        f"{prefix}_status": f.status,
        f"{prefix}_qualifier": f.qualifier,
        f"d_{prefix}": Shown(lambda lang: shown_text(Num.of(found), found.unit, None, LANGS, lang)),
    }


def _side_fields(prefix: str) -> tuple[str, ...]:
    return tuple(
        f"{prefix}_{k}" for k in ("indicator", "name", "period", "value", "unit", "status",
                                  "qualifier")
    )  # fmt: skip


def shares_section(dataset: Dataset) -> Section:
    rows = []
    for relation in dataset.relations:
        if not isinstance(relation, ShareRelation):
            continue
        rates = resolve_all(dataset, relation.rate) if relation.rate else []
        for part, whole in _pairs(
            resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
        ):
            unit = whole.unit
            if part.unit.family != unit.family:
                continue
            quoted = [r.figure.value for r, _p in _pairs(rates, [part])]
            ratio = Num.of(part, unit).divide(Num.of(whole, unit))
            share = ratio.scale(HUNDRED) if ratio else None
            rows.append(
                {
                    "part": _label(part),
                    "whole": _label(whole),
                    **_side("part", part),
                    **_side("whole", whole),
                    "share_pct": share.shown() if share else None,
                    "share_qualifier": share.qualifier if share else None,
                    "status": combine_status(part.figure.status, whole.figure.status),
                    "quoted_pct": quoted[0] if quoted else None,
                    "d_share": show(share),
                }
            )
    return Section(
        "part_of_whole",
        "部分与整体",
        "Part of whole",
        (
            Column("part", "部分", "Part"),
            Column("d_part", "部分数值", "Part value", True),
            Column("whole", "整体", "Whole"),
            Column("d_whole", "整体数值", "Whole value", True),
            Column("d_share", "占比%", "Share %", True),
            Column("quoted_pct", "原文%", "Quoted %", True),
        ),
        rows,
        fields=(*_side_fields("part"), *_side_fields("whole"), "share_pct", "share_qualifier",
                "status", "quoted_pct"),
    )  # fmt: skip


def _readable(num: Num, unit: Unit) -> tuple[Num, Unit]:
    """*num* in the largest unit of its family that keeps it at 1 or more."""
    family = sorted(
        {u for u in UNITS.values() if u.family == unit.family} | {unit}, key=lambda u: -u.scale
    )
    base = abs(num.value) * unit.scale
    chosen = next((u for u in family if base >= u.scale), family[-1])
    return num.scale(unit.scale / chosen.scale), chosen


def per_unit_section(dataset: Dataset) -> Section:
    rows = []
    for relation in dataset.relations:
        if not isinstance(relation, PerRelation):
            continue
        for amount, count in _pairs(
            resolve_all(dataset, relation.amount), resolve_all(dataset, relation.count)
        ):
            each = Num.of(amount).divide(Num.of(count), AMOUNT_PLACES, fixed=False)
            if each is None:
                continue
            per, unit = _readable(each, amount.unit)
            rows.append(
                {
                    "amount": _label(amount),
                    "count": _label(count),
                    **_side("amount", amount),
                    **_side("count", count),
                    "per_unit": per.shown(),
                    "unit": unit.symbol,
                    "qualifier": per.qualifier,
                    "status": per.status,
                    "d_per": show(per, unit),
                }
            )
    return Section(
        "per_unit",
        "单位平均",
        "Per unit",
        (
            Column("amount", "总量", "Amount"),
            Column("d_amount", "总量数值", "Amount value", True),
            Column("count", "数量", "Count"),
            Column("d_count", "数量数值", "Count value", True),
            Column("d_per", "平均每个", "Each", True),
        ),
        rows,
        "平均值按输入的印刷精度取舍;由约数或概数推算的标约/近/逾。",
        "Per-unit figures keep the precision of their inputs; ~ ≤ ≥ mark approximate inputs.",
        (*_side_fields("amount"), *_side_fields("count"), "per_unit", "unit", "qualifier",
         "status"),
    )  # fmt: skip


def sums_section(dataset: Dataset) -> Section:
    rows: list[dict[str, Any]] = []
    for relation in dataset.relations:
        if not isinstance(relation, SumRelation):
            continue
        found = [r for ref in relation.parts for r in _single(dataset, ref)]
        if not found or len({p.unit.family for p in found}) != 1:
            continue
        total_fig = _single(dataset, relation.total) if relation.total else []
        unit = (
            total_fig[0].unit if total_fig else max((p.unit for p in found), key=lambda u: u.scale)
        )
        nums = [Num.of(p, unit) for p in found]
        total = nums[0]
        for num in nums[1:]:
            total = total + num
        like = total.shown()  # English: every converted figure in the word the total takes
        for p, num in zip(found, nums, strict=True):
            row = _sum_row("part", _label(p), _name(p), p.ident, p, num, unit, like)
            rows.append({**row, "derived": False, "note": None})
        quoted = total_fig[0] if total_fig else None
        label = (
            both("合计", "Total")
            if quoted
            else both("合计(推算,原文无合计)", "Total (computed; the source gives none)")
        )
        row = _sum_row("total", label, label, None, quoted, total, unit, like)
        rows.append({**row, "derived": quoted is None, "note": relation.note})
    return Section(
        "side_by_side",
        "同一单位并列",
        "Side by side in one unit",
        (
            Column("item", "项目", "Item"),
            Column("d_printed", "原文数值", "As printed", True),
            Column("d_converted", "换算值", "Converted", True),
        ),
        rows,
        "合计按各项的印刷精度取舍。",
        "The total keeps the precision of its least precise part.",
        ("row", "indicator", "name", "period", "status", "value", "unit", "qualifier",
         "converted", "converted_unit", "converted_qualifier", "derived", "note"),
    )  # fmt: skip


def _single(dataset: Dataset, ref: str) -> list[Resolved]:
    found = resolve_all(dataset, ref)
    return found if len(found) == 1 else []


def _sum_row(
    kind: str, label: Mapping[str, str], name: dict[str, str], ident: str | None,
    printed: Resolved | None, num: Num, unit: Unit, total: Decimal,
) -> dict[str, Any]:  # fmt: skip
    return {
        "row": kind,
        "item": label,
        "indicator": ident,
        "name": name,
        "period": _period_text(printed.figure.period) if printed else None,
        "status": num.status,
        "value": printed.figure.value if printed else None,
        "unit": printed.unit.symbol if printed else None,
        "qualifier": printed.figure.qualifier if printed else None,
        "converted": num.shown(),
        "converted_unit": unit.symbol,
        "converted_qualifier": num.qualifier,
        "d_printed": show(Num.of(printed), printed.unit) if printed else None,
        "d_converted": show(num, unit, total),
    }


def _marked_derived(num: Num, unit: Unit, derived: bool) -> Shown:
    return Shown(
        lambda lang: shown_text(num, unit, None, LANGS, lang) + (DERIVED[lang] if derived else "")
    )


def forecasts_section(index: FigureIndex) -> Section:
    """Each forecast against the actual of the same period (printed, or derived)."""
    rows = []
    for key, by_period in index.printed.items():
        if key[1] != "forecast":
            continue
        unit = index.dataset.indicators[key[0]].base
        for period, forecast in by_period.items():
            actual = index.get((key[0], "actual", key[2]), period)
            if actual is None:
                continue
            ratio = forecast.num.divide(actual.num)
            pct = ratio.scale(HUNDRED) if ratio else None
            difference = forecast.num - actual.num
            rows.append(
                {
                    "indicator": key[0],
                    "name": _entry_name(index, key),
                    "period": _period_text(period),
                    "period_label": _period_label(period),
                    "unit": unit.symbol,
                    "forecast_value": forecast.num.shown(),
                    "forecast_qualifier": forecast.num.qualifier,
                    "actual_value": actual.num.shown(),
                    "actual_qualifier": actual.num.qualifier,
                    "actual_derived": actual.derived,
                    "difference": difference.shown(),
                    "ratio_pct": pct.shown() if pct else None,
                    "ratio_qualifier": pct.qualifier if pct else None,
                    "d_forecast": show(forecast.num, unit),
                    "d_actual": _marked_derived(actual.num, unit, actual.derived),
                    "d_ratio": show(pct),
                }
            )
    return Section(
        "forecast_vs_actual",
        "预计与实际(同一时期)",
        "Forecast against actual (same period)",
        (
            NAME,
            Column("period_label", "时期", "Period"),
            Column("d_forecast", "预计", "Forecast", True),
            Column("d_actual", "实际", "Actual", True),
            Column("d_ratio", "预计/实际%", "Forecast/actual %", True),
        ),
        rows,
        fields=("indicator", "name", "period", "unit", "forecast_value", "forecast_qualifier",
                "actual_value", "actual_qualifier", "actual_derived", "difference",
                "ratio_pct", "ratio_qualifier"),
    )  # fmt: skip


def compare(dataset: Dataset) -> list[Section]:
    """Every comparison section, in reading order."""
    index = FigureIndex(dataset)
    return [
        yoy_section(dataset),
        derived_section(index),
        periods_section(index),
        shares_section(dataset),
        per_unit_section(dataset),
        sums_section(dataset),
        forecasts_section(index),
    ]
