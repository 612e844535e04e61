"""What a data file holds, for `ganxian list`: indicators, themes, periods, targets, sources.

Each listing is a `Section` of plain rows; `--search` keeps the rows whose ids or names contain
the text (case-insensitive). `theme_id` and `resolve_indicator` read a theme or an
indicator given by id or name; `suggest` names the closest ids and Chinese names for an unknown id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from ..errors import UsageError
from ..model.models import Dataset
from ..model.periods import Period
from .results import Column, Section, unit_text

KINDS = ("indicators", "themes", "periods", "targets", "sources")


def _keys(columns: tuple[Column, ...]) -> tuple[str, ...]:
    """A listing's machine fields (CSV columns): every column it shows."""
    return tuple(c.key for c in columns)


def _indicators(dataset: Dataset) -> Section:
    rows = [
        {
            "id": ident,
            "name": ind.name,
            "name_en": ind.name_en,
            "theme": ind.theme,
            "unit": ind.unit,
            "figures": len(ind.observations),
            "d_unit": ind.base,
        }
        for ident, ind in dataset.indicators.items()
    ]
    columns = (
        Column("id", "编号", "Id"),
        Column("name", "名称", "Name"),
        Column("name_en", "英文名称", "English name"),
        Column("theme", "主题", "Theme"),
        Column("unit", "单位", "Unit", text=unit_text),
        Column("figures", "数据数", "Figures", True),
    )
    return Section("indicators", "指标", "Indicators", columns, rows, fields=_keys(columns))


def _themes(dataset: Dataset) -> Section:
    counts = Counter(ind.theme for ind in dataset.indicators.values())
    rows = [
        {"id": key, "name": t.name, "name_en": t.name_en, "indicators": counts[key]}
        for key, t in dataset.themes.items()
    ]
    columns = (
        Column("id", "编号", "Id"),
        Column("name", "名称", "Name"),
        Column("name_en", "英文名称", "English name"),
        Column("indicators", "指标数", "Indicators", True),
    )
    return Section("themes", "主题", "Themes", columns, rows, fields=_keys(columns))


def _periods(dataset: Dataset) -> Section:
    counts: Counter[Period] = Counter(f.period for _i, _ind, _n, f in dataset.figures())
    rows = [
        {"period": str(p), "label": {"zh": p.label("zh"), "en": p.label("en")}, "figures": n}
        for p, n in sorted(counts.items(), key=lambda item: (not item[0].is_dated, item[0]))
    ]
    columns = (
        Column("period", "时期", "Period"),
        Column("label", "说明", "Reads"),
        Column("figures", "数据数", "Figures", True),
    )
    return Section("periods", "时期", "Periods", columns, rows, fields=_keys(columns))


def _targets(dataset: Dataset) -> Section:
    """Each target with its kind and note; a fixed list has no time basis (it is not judged
    against time progress)."""
    rows = [
        {"target": str(t.target), "actual": t.actual, "kind": t.kind, "rate": t.rate,
         "gap": t.gap, "basis": t.basis if t.kind == "annual" else None,
         "note": None if t.note is None else {"zh": t.note, "en": t.note_en or t.note}}
        for t in dataset.targets
    ]  # fmt: skip
    columns = (
        Column("target", "目标", "Target"),
        Column("actual", "实际", "Actual"),
        Column("kind", "类型", "Kind"),
        Column("rate", "原文完成率", "Quoted rate"),
        Column("gap", "原文超序时", "Quoted gap"),
        Column("basis", "序时口径", "Basis"),
        Column("note", "附注", "Note"),
    )
    return Section("targets", "目标", "Targets", columns, rows, fields=_keys(columns))


def _sources(dataset: Dataset) -> Section:
    rows: list[dict[str, Any]] = []
    if dataset.source is not None:
        s = dataset.source
        rows.append(
            {"id": None, "region": s.region, "region_en": s.region_en, "title": s.title,
             "published": s.published, "publisher": s.publisher, "url": s.url}
        )  # fmt: skip
    for ident, a in dataset.sources.items():
        rows.append(
            {"id": ident, "region": a.region, "region_en": a.region_en, "title": a.title,
             "published": a.published, "publisher": a.publisher, "url": a.url}
        )  # fmt: skip
    columns = (
        Column("id", "编号", "Id"),
        Column("region", "地区", "Region"),
        Column("region_en", "英文地区", "Region (English)"),
        Column("title", "标题", "Title"),
        Column("published", "发布", "Published"),
        Column("publisher", "发布者", "Publisher"),
        Column("url", "网址", "URL"),
    )
    return Section("sources", "来源", "Sources", columns, rows, fields=_keys(columns))


_BUILD: dict[str, Callable[[Dataset], Section]] = {
    "indicators": _indicators,
    "themes": _themes,
    "periods": _periods,
    "targets": _targets,
    "sources": _sources,
}


def _matches(row: dict[str, Any], needle: str) -> bool:
    for value in row.values():
        texts = value.values() if isinstance(value, dict) else [value]
        if any(isinstance(t, str) and needle in t.casefold() for t in texts):
            return True
    return False


def listing(dataset: Dataset, kind: str, search: str = "") -> Section:
    """The rows of *kind* (one of KINDS), only those matching *search* when given."""
    section = _BUILD[kind](dataset)
    if search:
        needle = search.casefold()
        section.rows[:] = [row for row in section.rows if _matches(row, needle)]
    return section


def suggest(dataset: Dataset, unknown: str, limit: int = 3) -> list[str]:
    """The closest indicator ids, as "id (中文名)": by id, Chinese or English name."""
    from difflib import SequenceMatcher  # only on the error path

    def score(ident: str) -> float:
        ind = dataset.indicators[ident]
        if unknown in (ind.name, ind.name_en) or unknown in ident:
            return 2.0
        ratio = max(
            SequenceMatcher(None, unknown.casefold(), text.casefold()).ratio()
            for text in (ident, ind.name, ind.name_en)
        )
        # a name holding every character typed, in order (工业营业收入 in 规模以上工业企业营业收入)
        # is a shortened name: it ranks above a name that only looks alike
        shortened = any(
            _in_order(unknown.casefold(), t.casefold()) for t in (ind.name, ind.name_en)
        )
        return 1.0 + ratio if shortened else ratio

    ranked = sorted(((score(i), i) for i in dataset.indicators), reverse=True)
    return [f"{i} ({dataset.indicators[i].name})" for s, i in ranked[:limit] if s >= 0.5]


def _in_order(typed: str, text: str) -> bool:
    """Whether every character of *typed* occurs in *text*, in order."""
    rest = iter(text)
    return all(ch in rest for ch in typed)


def unknown_indicator(dataset: Dataset, ident: str) -> str:
    """The message for an unknown indicator id, with the closest ones."""
    close = suggest(dataset, ident)
    hint = f"; did you mean {' or '.join(close)}?" if close else " (see `ganxian list`)"
    return f"unknown indicator {ident!r}{hint}"


def unknown_indicator_hint(dataset: Dataset, ident: str) -> str:
    """What `record` adds to its refusal of an unknown indicator: the closest known ids."""
    close = suggest(dataset, ident)
    return f"; or did you mean {' or '.join(close)}?" if close else ""


def resolve_indicator(dataset: Dataset, text: str) -> str | None:
    """The id *text* names: an id, or an indicator's exact Chinese or English name."""
    if text in dataset.indicators:
        return text
    for ident, ind in dataset.indicators.items():
        if text in (ind.name, ind.name_en):
            return ident
    return None


def theme_id(dataset: Dataset, name: str) -> str:
    """The id of the theme *name* gives: its id, or its Chinese or English name (any case)."""
    if name in dataset.themes:
        return name
    for key, theme in dataset.themes.items():
        if name in (theme.name, theme.name_en) or name.casefold() == theme.name_en.casefold():
            return str(key)
    import difflib

    known = ", ".join(dataset.themes)
    close = difflib.get_close_matches(name, list(dataset.themes), n=1)
    meant = f"; did you mean {close[0]}?" if close else ""
    raise UsageError(f"unknown theme {name!r}{meant} (known: {known}, or their names)")


def completions(dataset: Dataset, kind: str) -> list[tuple[str, str]]:
    """(value, help) pairs for shell completion: indicator ids, theme ids and names, periods,
    months (YYYY-MM)."""
    if kind == "indicators":
        return [(ident, ind.name) for ident, ind in dataset.indicators.items()]
    if kind == "themes":
        return [(key, t.name) for key, t in dataset.themes.items()] + [
            (t.name, key) for key, t in dataset.themes.items()
        ]
    if kind == "months":  # --as-of: the months the dated figures end in, latest first
        months = {(f.period.year, f.period.end) for _i, _ind, _n, f in dataset.figures()}
        return [(f"{y}-{m:02d}", "") for y, m in sorted(months, reverse=True) if y]
    periods = sorted({f.period for _i, _ind, _n, f in dataset.figures()})
    return [(str(p), p.label("zh")) for p in periods]
