"""Comparison tables an analyst builds by hand, from the figures and the declared relations.

Units convert within a family first (30478万元 = 3.0478亿元); figures of different families are
never combined. Every derived number carries its inputs' qualifier and status and is rounded to
the precision their printed bounds justify (see `derived`). Period on period compares only
periods of the same length; a single month two cumulative figures imply is derived and marked.
Rates change in 个百分点, never in percent of a percentage.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ..model.english import subject_in
from ..model.intervals import DIVISION, Interval
from ..model.models import Dataset, PerRelation, ShareRelation, SumRelation
from ..model.refs import Resolved, pairs, partners, resolve_all
from ..model.units import UNITS, Kind, Unit
from .derived import (
    AMOUNT_PLACES,
    Num,
    amount_text,
    combine_status,
    marked,
    merge_qualifiers,
    places_of,
    quantize,
)
from .results import Column, Section, Shown, both, note_text
from .same_article import SameArticle
from .schedule import HUNDRED
from .series_values import Entry, Key, SeriesValues

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
    unit = unit if lang in unit_in else None
    return number_text(num.shown(), num.qualifier, num.status, unit, lang, like)


def number_text(
    value: Decimal, qualifier: str, status: str, unit: Unit | None, lang: str,
    like: Decimal | None = None,
) -> str:  # fmt: skip
    """A shown value marked with its qualifier and status: 约180.3亿元(预计)."""
    text = amount_text(value, unit, lang, like)
    return marked(text, qualifier, lang) + STATUS_MARK[lang].get(status, "")


def _name(found: Resolved) -> dict[str, str]:
    ind, subject = found.indicator, found.figure.subject
    extra = f"({subject})" if subject else ""
    english = subject_in(subject, found.figure.subject_en, "en")
    return both(ind.name + extra, ind.title_en + (f" ({english})" if english else ""))


def _label(found: Resolved) -> Shown:
    return Shown(lambda lang: label_text(found, lang))


def label_text(found: Resolved, lang: str) -> str:
    """An indicator and its figure's period: 地区生产总值(2022年1—5月)."""
    ind, figure = found.indicator, found.figure
    if lang == "en":
        return f"{ind.title_en} ({_unnested(ind.period_label(figure, 'en'), ' (', ', ')})"
    return f"{ind.name}({_unnested(ind.period_label(figure, 'zh'), '(', ',')})"


def _unnested(label: str, opening: str, comma: str) -> str:
    """A label set in brackets without brackets of its own: 今年以来(截至6月) inside 留抵退税(…)
    reads 今年以来,截至6月; year to date (to June 2022) reads year to date, to June 2022."""
    if not label.endswith(")") or opening not in label:
        return label
    return label[:-1].replace(opening, comma, 1)


def _period_label(period: Any, stock: bool = False) -> Shown:
    """The period for a reader; a stock's as the level at its end (截至2022年6月)."""
    return Shown(period.stock_label if stock else period.label)


NAME = Column("name", "指标", "Indicator")
STATUS_LABEL = {
    "actual": both("实际", "actual"),
    "forecast": both("预计", "forecast"),
    "target": both("目标", "target"),
}


def yoy_section(dataset: Dataset) -> Section:
    rows = []
    notes = _Notes()
    for ident, indicator, index, figure in dataset.figures():
        if figure.yoy is None or not dataset.counts(ident, index):
            continue  # a figure another article revised is left out, as everywhere in compare
        found = Resolved(ident, indicator, index, figure)
        value = Num.of(found)
        growth = Num(figure.yoy, Interval.printed(figure.yoy)).scale(Decimal("0.01"))
        factor = Num.exact(Decimal(1)) + growth
        previous = (
            value.divide(factor, AMOUNT_PLACES, fixed=False) if factor.value > 0 else None
        )  # growth of -100 % or less has no base
        change = value - previous if previous else None
        notes.figure(found)
        rows.append(
            {
                "indicator": ident,
                "name": _name(found),
                "period": str(figure.period),
                "period_label": _period_label(figure.period, indicator.stock),
                "status": figure.status,
                "qualifier": figure.qualifier,
                "value": figure.value,
                "unit": found.unit.symbol,
                "yoy_pct": figure.yoy,
                "previous_implied": previous.shown() if previous else None,
                "change_implied": change.shown() if change else None,
                "implied_qualifier": previous.qualifier if previous else None,
                "note": row_note(_figure_notes(found)),
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
            Column("d_previous", "上年同期(推算)", "Same period last year (derived)", True),
            Column("d_change", "增量(推算)", "Change (derived)", True),
        ),
        rows,
        notes.text("zh", "上年同期 = 数值 ÷ (1 + 同比);官方增速按同口径计算,推算值仅供参考。"),
        notes.text("en", "Same period last year = value / (1 + growth); official growth uses a "
                   "same-scope base (同口径), so the derived figures are approximate."),
        ("indicator", "name", "period", "status", "qualifier", "value", "unit", "yoy_pct",
         "previous_implied", "change_implied", "implied_qualifier", "note"),
    )  # fmt: skip


def _entry_name(index: SeriesValues, key: Key) -> dict[str, str]:
    ind, subject = index.dataset.indicators[key[0]], key[2]
    if not subject:
        return both(ind.name, ind.title_en)
    english = subject_in(subject, subject_en(index, key), "en")
    return both(f"{ind.name}({subject})", f"{ind.title_en} ({english})")


def subject_en(index: SeriesValues, key: Key) -> str | None:
    """The English name the file gives the subject of *key*'s figures (None: none given, or
    no subject). A derived period's figures are printed ones of the same key."""
    if not key[2]:
        return None
    printed = index.printed.get(key, {}).values()
    return next((e.found.figure.subject_en for e in printed
                 if e.found is not None and e.found.figure.subject_en), None)  # fmt: skip


# Rows hold their machine fields (what JSON and CSV write), and the entries or figures they
# came from under the keys of the columns that show them ("d_…"); a column's `text` makes what
# it shows from these when a table asks.


def _derived_value(row: Mapping[str, Any], lang: str) -> str:
    e: Entry = row["d_value"]
    return number_text(row["value"], row["qualifier"], e.num.status, e.unit, lang)


def _derived_how(row: Mapping[str, Any], lang: str) -> str:
    e: Entry = row["d_value"]
    assert e.later and e.earlier
    return f"{e.later.figure.period.label(lang)} − {e.earlier.figure.period.label(lang)}"


def derived_section(index: SeriesValues) -> Section:
    """Single periods implied by two cumulative figures (1–6月 − 1–5月 = 6月)."""
    rows = []
    notes = _Notes()
    of_figure = index.of_figure  # the printed entries, whose period text is made
    for key, by_period in index.derived.items():
        ident, status, subject = key
        if index.dataset.indicators[ident].stock:
            continue  # two levels differ by a change, not by a single period's amount
        symbol = index.dataset.indicators[ident].base.symbol
        name, english = _entry_name(index, key), subject_en(index, key)
        for e in by_period.values():
            later, earlier = e.later, e.earlier
            assert later and earlier
            num = e.num
            notes.entry(e)
            rows.append(
                {
                    "indicator": ident,
                    "name": name,
                    "status": status,
                    "subject": subject,
                    "subject_en": english,
                    "period": e.text,
                    "from_period": of_figure[id(later)].text,
                    "minus_period": of_figure[id(earlier)].text,
                    "value": num.shown(),
                    "unit": symbol,
                    "qualifier": num.qualifier,
                    "note": row_note(_entry_notes(e)),
                    "d_value": e,
                }
            )
    return Section(
        "derived_periods",
        "由累计值推算的单期数",
        "Single periods derived from cumulative figures",
        (
            NAME,
            Column("period_label", "时期", "Period", text=_entry_period),
            Column("d_value", "推算值", "Derived", True, text=_derived_value),
            Column("d_how", "推算方法", "From", text=_derived_how),
        ),
        rows,
        notes.text("zh", "两个累计值之差;精度按两者的印刷精度确定。"),
        notes.text("en", "The difference of two cumulative figures, to the precision both were "
                   "printed with."),
        ("indicator", "name", "status", "subject", "subject_en", "period", "from_period",
         "minus_period",
         "value", "unit", "qualifier", "note"),
        uniform=True,
    )  # fmt: skip


def _entry_period(row: Mapping[str, Any], lang: str) -> str:
    e: Entry = row["d_value"]
    return e.period.label(lang)


def _status_label(row: Mapping[str, Any], lang: str) -> str:
    return STATUS_LABEL[row["status"]][lang]


def _dated(e: Entry, lang: str) -> str:
    """1–5月: 12.3亿元(推算): a period and its value, marked when derived."""
    shown = shown_text(e.num, e.unit, None, LANGS, lang)
    found = e.found
    when = found.indicator.period_label(found.figure, lang) if found else e.period.label(lang)
    return f"{when}: {shown}{DERIVED[lang] if found is None else ''}"


def _from_text(row: Mapping[str, Any], lang: str) -> str:
    return _dated(row["d_from"], lang)


def _to_text(row: Mapping[str, Any], lang: str) -> str:
    return _dated(row["d_to"], lang)


def _change_unit(unit: Unit) -> Unit:
    return UNITS["个百分点"] if unit.kind is Kind.RATE else unit


def _change_text(row: Mapping[str, Any], lang: str) -> str:
    unit = _change_unit(row["d_to"].unit)
    return number_text(row["change"], row["qualifier"], row["status"], unit, lang)


def _change_pct_text(row: Mapping[str, Any], lang: str) -> str | None:
    pct = row["change_pct"]
    if pct is None:
        return None
    earlier: Entry = row["d_from"]
    qualifier = merge_qualifiers(row["qualifier"], earlier.num.qualifier, flip=True)
    return number_text(pct, qualifier, row["status"], None, lang)


def periods_section(index: SeriesValues) -> Section:
    """Each period against the one before it of the same length (printed or derived)."""
    rows = []
    notes = _Notes()
    for key in sorted(set(index.printed) | set(index.derived), key=str):
        if key[1] == "target":
            continue
        unit = index.dataset.indicators[key[0]].base
        stock = index.dataset.indicators[key[0]].stock
        name, english = _entry_name(index, key), subject_en(index, key)
        entries = index.entries(key)
        by_start = {}
        for e in entries:
            p = e.period
            by_start[(p.year * 12 + p.start, p.end - p.start)] = e
        for later in entries:
            p = later.period
            length = p.end - p.start
            if length == 11:
                continue  # year against year is year on year, not 环比
            earlier = by_start.get((p.year * 12 + p.start - length - 1, length))
            if earlier is None or (stock and (earlier.derived or later.derived)):
                continue  # a level's periods are printed levels, never differences
            rows.append(_period_row(name, english, key, unit, earlier, later))
            notes.entry(earlier)
            notes.entry(later)
    return Section(
        "period_on_period",
        "环比(相同长度的相邻时期)",
        "Period on period (adjacent periods of the same length)",
        (
            NAME,
            Column("d_status", "状态", "Status", text=_status_label),
            Column("d_from", "由", "From", text=_from_text),
            Column("d_to", "至", "To", text=_to_text),
            Column("d_change", "变化", "Change", True, text=_change_text),
            Column("d_change_pct", "变化%", "Change %", True, text=_change_pct_text),
        ),
        rows,
        notes.text("zh", "“(推算)”为两个累计值之差;比率的变化以个百分点计。"),
        notes.text("en", "“(derived)” marks the difference of two cumulative figures; rates "
                   "change in percentage points."),
        ("indicator", "name", "status", "subject", "subject_en", "months", "from_period",
         "to_period",
         "from_value", "from_derived", "to_value", "to_derived", "unit", "change",
         "change_unit", "change_pct", "qualifier", "note"),
        uniform=True,
    )  # fmt: skip


def period_change(a: Num, b: Num, rate: bool) -> tuple[Decimal, str, Decimal | None]:
    """b − a as shown, its qualifier, and the change in percent of *a* as shown (None for a
    rate, or an *a* not above zero): what ``b - a`` and ``(b - a).divide(a).scale(100)`` show,
    worked out on plain Decimals (the same operations, in the same contexts)."""
    value = b.value - a.value
    sa, sb = a.span, b.span
    lo = hi = width = None
    if sa is not None and sb is not None:
        lo, hi = sb.lo - sa.hi, sb.hi - sa.lo
        width = hi - lo
    qualifier = merge_qualifiers(b.qualifier, a.qualifier, flip=True)
    change = quantize(value, places_of(value, width, qualifier, b.max_places, b.fixed), qualifier)
    if rate or not a.value > 0:
        return change, qualifier, None
    return change, qualifier, percent(value, lo, hi, a, qualifier)


def percent(
    value: Decimal, lo: Decimal | None, hi: Decimal | None, of: Num, qualifier: str
) -> Decimal:
    """*value* (bounds *lo*..*hi*, None: unknown; *qualifier* its own) in percent of *of* (not
    zero), as shown: what ``x.divide(of).scale(100).shown()`` gives for a `Num` x, on plain
    Decimals."""
    pct = DIVISION.divide(value, of.value) * HUNDRED
    width = None
    span = of.span
    if lo is not None and hi is not None and span is not None and not span.lo <= 0 <= span.hi:
        div = DIVISION.divide
        if span.lo > 0:  # x / y rises with x and, for x below 0, with y: two corners suffice
            least = div(lo, span.hi if lo >= 0 else span.lo)
            most = div(hi, span.lo if hi >= 0 else span.hi)
            width = most * HUNDRED - least * HUNDRED  # rounding keeps the order
        else:
            quotients = [div(lo, span.lo), div(lo, span.hi), div(hi, span.lo), div(hi, span.hi)]
            x, y = min(quotients) * HUNDRED, max(quotients) * HUNDRED
            width = max(x, y) - min(x, y)
    merged = merge_qualifiers(qualifier, of.qualifier, flip=True)
    return quantize(pct, places_of(pct, width, merged, 2, True), merged)


def _period_row(
    name: dict[str, str], english: str | None, key: Key, unit: Unit, a: Entry, b: Entry
) -> dict[str, Any]:
    rate = unit.kind is Kind.RATE
    change, qualifier, pct = period_change(a.num, b.num, rate)
    return {
        "indicator": key[0],
        "name": name,
        "status": key[1],
        "subject": key[2],
        "subject_en": english,
        "months": b.period.end - b.period.start + 1,
        "from_period": a.text,
        "to_period": b.text,
        "from_value": a.num.shown(),
        "from_derived": a.found is None,
        "to_value": b.num.shown(),
        "to_derived": b.found is None,
        "unit": unit.symbol,
        "change": change,
        "change_unit": "个百分点" if rate else unit.symbol,
        "change_pct": pct,
        "qualifier": qualifier,
        "note": row_note(_entry_notes(a) + _entry_notes(b)),
        "d_from": a,
        "d_to": b,
    }


_SIDE_KEYS = {
    prefix: (*(f"{prefix}_{k}" for k in ("indicator", "name", "period", "value", "unit",
                                         "status", "qualifier")), f"d_{prefix}")
    for prefix in ("part", "whole", "amount", "count")
}  # fmt: skip

Names = dict[tuple[str, str | None], dict[str, str]]


def _side(
    prefix: str, found: Resolved, names: Names, row: dict[str, Any] | None = None
) -> dict[str, Any]:
    """*row* (or a new one) with the fields of one of its figures, and the figure."""
    f = found.figure
    name = names.get((found.ident, f.subject))
    if name is None:
        name = names[(found.ident, f.subject)] = _name(found)
    k = _SIDE_KEYS[prefix]
    if row is None:
        row = {}
    row[k[0]] = found.ident
    row[k[1]] = name
    row[k[2]] = str(f.period)
    row[k[3]] = f.value
    row[k[4]] = found.unit.symbol
    row[k[5]] = f.status
    row[k[6]] = f.qualifier
    row[k[7]] = found
    return row


def _side_fields(prefix: str) -> tuple[str, ...]:
    return tuple(
        f"{prefix}_{k}" for k in ("indicator", "name", "period", "value", "unit", "status",
                                  "qualifier")
    )  # fmt: skip


def _side_columns(
    prefix: str, zh: str, en: str, zh_value: str, en_value: str
) -> tuple[Column, Column]:
    """The label of a row's *prefix* figure, and its value as printed."""
    hidden = f"d_{prefix}"

    def label(row: Mapping[str, Any], lang: str) -> str:
        return label_text(row[hidden], lang)

    def value(row: Mapping[str, Any], lang: str) -> str:
        found: Resolved = row[hidden]
        return shown_text(Num.of(found), found.unit, None, LANGS, lang)

    return (
        Column(prefix, zh, en, text=label),
        Column(hidden, zh_value, en_value, True, text=value),
    )


# A share of a planned amount is no target: 年度计划投资占总投资 27.74% is a share of the plan
SHARE_MARK = {"zh": {"target": "(按计划)"}, "en": {"target": " (of plan)"}}


def _share_text(row: Mapping[str, Any], lang: str) -> str | None:
    share = row["share_pct"]
    if share is None:
        return None
    status = row["status"]
    if status in SHARE_MARK[lang]:
        text = marked(amount_text(share, None, lang), row["share_qualifier"], lang)
        return text + SHARE_MARK[lang][status]
    return number_text(share, row["share_qualifier"], status, None, lang)


class _Notes:
    """The notes of the figures (and their indicators) and relations a table shows, once each,
    to print under it: what qualifies a number must reach where the number is shown."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], tuple[dict[str, str], str, str | None]] = {}

    def figure(self, found: Resolved) -> None:
        ind, figure = found.indicator, found.figure
        if not ind.note and not figure.note:
            return  # most figures: nothing to note
        for note, note_en in ((ind.note, ind.note_en), (figure.note, figure.note_en)):
            if note:
                name = both(ind.name, ind.title_en)
                self._seen.setdefault((found.ident, note), (name, note, note_en))

    def entry(self, e: Entry) -> None:
        for found in (e.found, e.later, e.earlier):
            if found is not None:
                self.figure(found)

    def relation(self, name: Mapping[str, str], note: str | None, note_en: str | None) -> None:
        if note:
            self._seen.setdefault(("", note), (dict(name), note, note_en))

    def text(self, lang: str, before: str = "") -> str:
        lead = "Note" if lang == "en" else "注"
        colon = ": " if lang == "en" else ":"
        lines = [before] if before else []
        lines += [
            f"{lead}{colon}{name[lang]}{colon}{note_text(note, lang, note_en)}"
            for name, note, note_en in self._seen.values()
        ]
        return "\n".join(lines)


NoteParts = list[tuple[str, str | None]]
NO_NOTE: dict[str, str | None] = {"zh": None, "en": None}


def _figure_notes(found: Resolved | None) -> NoteParts:
    """The notes that qualify *found*: its indicator's, then its own."""
    if found is None:
        return []
    ind, figure = found.indicator, found.figure
    if not ind.note and not figure.note:
        return []  # most figures: nothing to note
    return [(n, e) for n, e in ((ind.note, ind.note_en), (figure.note, figure.note_en)) if n]


def _entry_notes(e: Entry) -> NoteParts:
    """The notes of the figures an entry comes from (printed, or the two it is derived from)."""
    return _figure_notes(e.found) + _figure_notes(e.later) + _figure_notes(e.earlier)


def row_note(parts: NoteParts) -> dict[str, str | None]:
    """A row's note for machine output in each language (note_en where the file gives it),
    each note once; {"zh": None, "en": None} for none, so every row has the same shape."""
    unique = list(dict.fromkeys(parts))
    if not unique:
        return NO_NOTE
    return {"zh": "; ".join(n for n, _e in unique), "en": "; ".join(e or n for n, e in unique)}


def shares_section(dataset: Dataset, index: SeriesValues | None = None) -> Section:
    rows = []
    notes = _Notes()
    num = index.num if index is not None else Num.of
    names: dict[tuple[str, str | None], dict[str, str]] = {}
    articles = SameArticle(dataset)
    for relation in dataset.relations:
        if not isinstance(relation, ShareRelation):
            continue
        rates = resolve_all(dataset, relation.rate) if relation.rate else []
        for counted_part, counted_whole in pairs(
            resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
        ):
            # a part over its own article's whole; figures only different articles give are
            # shown side by side, undivided, with a note saying why
            paired = articles.pair(counted_part, counted_whole)
            part, whole = paired or (counted_part, counted_whole)
            unit = whole.unit
            if part.unit.family != unit.family:
                continue
            source = articles.source(part)
            quoted = [r for r in (articles.of(q, source) for q in partners(rates, part)) if r]
            apart: NoteParts = [] if paired else [_apart(articles, part, whole)]
            of, whole_num = num(part, unit), num(whole, unit)
            share = qualifier = None
            if whole_num.value and paired:  # a share of zero is none
                span = of.span
                lo, hi = (span.lo, span.hi) if span is not None else (None, None)
                share = percent(of.value, lo, hi, whole_num, of.qualifier)
                qualifier = merge_qualifiers(of.qualifier, whole_num.qualifier, flip=True)
            row = _side("whole", whole, names, _side("part", part, names))
            row["share_pct"] = share
            row["share_qualifier"] = qualifier
            row["status"] = combine_status(part.figure.status, whole.figure.status)
            row["quoted_pct"] = quoted[0].figure.value if quoted and paired else None
            own = [(relation.note, relation.note_en)] if relation.note else []
            row["note"] = row_note(_figure_notes(part) + _figure_notes(whole) + own + apart)
            rows.append(row)
            notes.figure(part)
            notes.figure(whole)
            notes.relation(_name(part), relation.note, relation.note_en)
            for note, note_en in apart:
                notes.relation(_name(part), note, note_en)
    return Section(
        "part_of_whole",
        "部分与整体",
        "Part of whole",
        (
            *_side_columns("part", "部分", "Part", "部分数值", "Part value"),
            *_side_columns("whole", "整体", "Whole", "整体数值", "Whole value"),
            Column("d_share", "占比%", "Share %", True, text=_share_text),
            Column("quoted_pct", "原文%", "Quoted %", True),
        ),
        rows,
        notes.text("zh"),
        notes.text("en"),
        fields=(*_side_fields("part"), *_side_fields("whole"), "share_pct", "share_qualifier",
                "status", "quoted_pct", "note"),
        uniform=True,
    )  # fmt: skip


def _apart(articles: SameArticle, a: Resolved, b: Resolved) -> tuple[str, str]:
    """The note for two figures only different articles give: they are not divided, since
    their ratio is one no article printed and the two may count differently (43 projects in
    negotiation in June, 39 in July)."""
    first, second = articles.source(a) or "source", articles.source(b) or "source"
    return (
        f"{a.figure.period}的{a.indicator.name}({first})与{b.indicator.name}({second})"
        "出自不同文章,不相除",
        f"{a.figure.period}: {a.indicator.title_en} ({first}) and {b.indicator.title_en} "
        f"({second}) come from different articles and are not divided",
    )


def _one_article(
    articles: SameArticle, parts: list[Resolved], total: list[Resolved]
) -> tuple[list[Resolved], list[Resolved]]:
    """The parts and total as one article gives them all: the total's article first, then each
    part's; as they count where no article gives them all."""
    for figure in [*total, *parts]:
        source = articles.source(figure)
        mine = [articles.of(f, source) for f in [*parts, *total]]
        if all(mine):
            found = [f for f in mine if f is not None]
            return found[: len(parts)], found[len(parts) :]
    return parts, total


def _apart_sum(articles: SameArticle, found: list[Resolved]) -> NoteParts:
    """The note for the items of a sum that come from several articles (none otherwise)."""
    sources = list(dict.fromkeys(articles.source(f) or "source" for f in found))
    if len(sources) < 2:
        return []
    return [
        (
            f"各项出自不同文章({'、'.join(sources)}),不相加",
            f"the items come from different articles ({', '.join(sources)}) and are not added up",
        )
    ]


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
    notes = _Notes()
    names: dict[tuple[str, str | None], dict[str, str]] = {}
    articles = SameArticle(dataset)
    for relation in dataset.relations:
        if not isinstance(relation, PerRelation):
            continue
        for counted_amount, counted_count in pairs(
            resolve_all(dataset, relation.amount), resolve_all(dataset, relation.count)
        ):
            paired = articles.pair(counted_amount, counted_count)
            amount, count = paired or (counted_amount, counted_count)
            apart: NoteParts = [] if paired else [_apart(articles, amount, count)]
            each = Num.of(amount).divide(Num.of(count), AMOUNT_PLACES, fixed=False)
            if each is None:
                continue
            per, unit = _readable(each, amount.unit)
            notes.figure(amount)
            notes.figure(count)
            notes.relation(_name(amount), relation.note, relation.note_en)
            for note, note_en in apart:
                notes.relation(_name(amount), note, note_en)
            own = [(relation.note, relation.note_en)] if relation.note else []
            rows.append(
                {
                    **_side("amount", amount, names),
                    **_side("count", count, names),
                    "per_unit": per.shown() if paired else None,
                    "unit": unit.symbol if paired else None,
                    "qualifier": per.qualifier if paired else None,
                    "status": per.status,
                    "note": row_note(_figure_notes(amount) + _figure_notes(count) + own + apart),
                    "d_per": show(per, unit) if paired else None,
                }
            )
    return Section(
        "per_unit",
        "单位平均",
        "Per unit",
        (
            *_side_columns("amount", "总量", "Amount of", "总量数值", "Amount"),
            *_side_columns("count", "数量", "Count of", "数量数值", "Count"),
            Column("d_per", "平均每个", "Average", True),
        ),
        rows,
        notes.text("zh", "平均值按输入的印刷精度取舍;由约数或概数推算的标约/近/逾。"),
        notes.text("en", "Per-unit figures keep the precision of their inputs; "
                   "~ ≤ ≥ mark approximate inputs."),
        (*_side_fields("amount"), *_side_fields("count"), "per_unit", "unit", "qualifier",
         "status", "note"),
        uniform=True,
    )  # fmt: skip


def sums_section(dataset: Dataset) -> Section:
    rows: list[dict[str, Any]] = []
    notes = _Notes()
    articles = SameArticle(dataset)
    for relation in dataset.relations:
        if not isinstance(relation, SumRelation):
            continue
        found = [r for ref in relation.parts for r in _single(dataset, ref)]
        if not found or len({p.unit.family for p in found}) != 1:
            continue
        total_fig = _single(dataset, relation.total) if relation.total else []
        found, total_fig = _one_article(articles, found, total_fig)
        apart = _apart_sum(articles, [*found, *total_fig])
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
            part_note = row_note(_figure_notes(p) + apart)
            rows.append(
                {**row, "derived": False, "note": None if part_note is NO_NOTE else part_note}
            )
            notes.figure(p)
        if apart:  # figures of several articles: shown side by side, never added up
            for why, why_en in apart:
                notes.relation(both("合计", "Total"), why, why_en)
            continue
        quoted = total_fig[0] if total_fig else None
        # a total the source never states is ganxian's sum, and says so wherever it is shown
        label = both("合计", "Total") if quoted else both(*SUM_NOT_IN_SOURCE)
        row = _sum_row("total", label, label, None, quoted, total, unit, like)
        note = both(relation.note, relation.note_en or relation.note) if relation.note else None
        rows.append({**row, "derived": quoted is None, "note": note})
        notes.relation(label, relation.note, relation.note_en)
    return Section(
        "side_by_side",
        "折算为同一单位",
        "In one unit",
        (
            Column("item", "项目", "Item"),
            Column("d_printed", "原文数值", "As printed", True),
            Column("d_converted", "换算值", "Converted", True),
        ),
        rows,
        notes.text("zh", "换算值与原文数值精度相同;合计按各项中最粗的印刷精度取舍。"),
        notes.text(
            "en",
            "Converted figures keep the precision printed; the total keeps the precision of "
            "its least precise part.",
        ),
        ("row", "indicator", "name", "period", "status", "value", "unit", "qualifier",
         "converted", "converted_unit", "converted_qualifier", "derived", "note"),
    )  # fmt: skip


SUM_NOT_IN_SOURCE = ("合计(推算,原文无合计)", "Total (computed; the source gives none)")


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
        "period": str(printed.figure.period) if printed else None,
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


def forecasts_section(index: SeriesValues) -> Section:
    """Each forecast against the actual of the same period (printed, or derived)."""
    rows = []
    notes = _Notes()
    for key, by_period in index.printed.items():
        if key[1] != "forecast":
            continue
        indicator = index.dataset.indicators[key[0]]
        unit = indicator.base
        for period, forecast in by_period.items():
            actual = index.get((key[0], "actual", key[2]), period)
            if actual is None:
                continue
            ratio = forecast.num.divide(actual.num)
            pct = ratio.scale(HUNDRED) if ratio else None
            difference = forecast.num - actual.num
            notes.entry(forecast)
            notes.entry(actual)
            rows.append(
                {
                    "indicator": key[0],
                    "name": _entry_name(index, key),
                    "period": str(period),
                    "period_label": _period_label(period, indicator.stock),
                    "unit": unit.symbol,
                    "forecast_value": forecast.num.shown(),
                    "forecast_qualifier": forecast.num.qualifier,
                    "actual_value": actual.num.shown(),
                    "actual_qualifier": actual.num.qualifier,
                    "actual_derived": actual.derived,
                    "difference": difference.shown(),
                    "ratio_pct": pct.shown() if pct else None,
                    "ratio_qualifier": pct.qualifier if pct else None,
                    "note": row_note(_entry_notes(forecast) + _entry_notes(actual)),
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
        notes.text("zh"),
        notes.text("en"),
        fields=("indicator", "name", "period", "unit", "forecast_value", "forecast_qualifier",
                "actual_value", "actual_qualifier", "actual_derived", "difference",
                "ratio_pct", "ratio_qualifier", "note"),
    )  # fmt: skip


def compare(dataset: Dataset) -> list[Section]:
    """Every comparison section, in reading order."""
    index = SeriesValues(dataset)
    return [
        yoy_section(dataset),
        derived_section(index),
        periods_section(index),
        shares_section(dataset, index),
        per_unit_section(dataset),
        sums_section(dataset),
        forecasts_section(index),
    ]
