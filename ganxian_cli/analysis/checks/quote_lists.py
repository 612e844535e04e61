"""Where one quote holds several figures, each value and growth sits where the wording puts it.

"工业、农业和服务业增加值分别增长a、b和c": the n-th name goes with the n-th number (G215);
"营业收入X亿元,同比增长Y%,利润Z亿元,同比增长W%": Y is the first growth after X. Figures are grouped
by quote once, so this stays linear in the number of figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from ...model.models import Figure, Indicator
from ...model.numerals import (
    Occurrence,
    growth_occurrences,
    normalize,
    number_tokens,
    occurrences,
    plain,
)
from .collector import Collector, fig_path

_LIST_SEPARATORS = re.compile(r"[、和及与]")
_CLAUSE_BREAKS = ",;:。!?()"
_GROWTH_CONTEXT = (
    "同比",
    "增长",
    "增速",
    "增幅",
    "下降",
    "减少",
    "回落",
    "提高",
    "比上年",
    "比去年",
)

Entry = tuple[str, Indicator, int, Figure]
_MAX_ITEMS = 64  # a longer list is not read item by item: the work stays linear in figures


def check_lists(c: Collector) -> None:
    """Where a quote holds several figures, each value and growth must sit where it says."""
    by_quote: dict[str, list[Entry]] = defaultdict(list)
    for entry in c.loaded.dataset.figures():
        quote = entry[3].quote
        if quote is not None:
            by_quote[normalize(quote)].append(entry)
    for text, entries in by_quote.items():
        if "分别" in text:
            _check_respectively(c, text, entries)
        else:
            if len(entries) > 1 and "、" in text:
                _check_enumeration(c, text, entries)
            for entry in entries:
                _check_own_growth(c, text, entry)


def _check_own_growth(c: Collector, text: str, entry: Entry) -> None:
    """实现营业收入X亿元,同比增长Y%: Y is the first growth after X, not one of another clause."""
    ident, indicator, i, figure = entry
    if figure.yoy is None or figure.quote is None or text.count("%") < 2:
        return  # with one rate in the quote, G210 alone says whether it is the growth
    values = occurrences(text, figure.value, indicator.unit_of(figure))
    if len(values) != 1:
        return
    after = [(s, e, n) for s, e, n in number_tokens(text) if s >= values[0].end]
    rate = next(
        ((s, n) for s, e, n in after if text.startswith("%", e) and _is_growth(text, s)), None
    )
    if rate is None or rate[1] == abs(figure.yoy):
        return
    if not growth_occurrences(text, figure.yoy):
        return  # G210 already says the growth is missing
    c.add(
        "G215",
        f"the growth next to {values[0].shown} in the quote is {plain(rate[1])}%, not "
        f"{plain(abs(figure.yoy))}% (that one belongs to another figure of the quote)",
        fig_path(ident, i, "yoy"),
    )


def _is_growth(text: str, start: int) -> bool:
    """Whether the rate at *start* is a growth (同比增长12%), not a share (占全年计划的70.11%)."""
    clause = max(text.rfind(ch, 0, start) for ch in _CLAUSE_BREAKS) + 1
    return any(word in text[clause:start] for word in _GROWTH_CONTEXT)


def _check_respectively(c: Collector, text: str, entries: list[Entry]) -> None:
    """A、B和C分别增长a、b和c: the n-th name goes with the n-th number."""
    at = text.index("分别")
    start = max((text.rfind(ch, 0, at) for ch in _CLAUSE_BREAKS), default=-1) + 1
    items = [s for s in _LIST_SEPARATORS.split(text[start:at]) if s]
    stop = min(
        (p for p in (text.find(ch, at) for ch in _CLAUSE_BREAKS) if p >= 0), default=len(text)
    )
    numbers = [(s, n) for s, _e, n in number_tokens(text[:stop]) if s > at]
    if len(items) < 2 or len(items) != len(numbers):
        return
    keys = _distinctive_keys(entries)
    for entry, key in zip(entries, keys, strict=True):
        matches = [k for k, item in enumerate(items) if key and (key in item or item in key)]
        if len(matches) != 1:
            continue
        want = numbers[matches[0]][1]
        _check_position(c, entry, text, numbers, want, items[matches[0]])


def _check_position(
    c: Collector,
    entry: Entry,
    text: str,
    numbers: list[tuple[int, Decimal]],
    want: Decimal,
    item: str,
) -> None:
    ident, indicator, i, figure = entry
    starts = {s for s, _n in numbers}
    fields: list[tuple[str, Decimal, Callable[[], list[Occurrence]]]] = [
        ("value", figure.value, lambda: occurrences(text, figure.value, indicator.unit_of(figure)))
    ]
    if figure.yoy is not None:
        yoy = figure.yoy
        fields.append(("yoy", yoy, lambda: growth_occurrences(text, yoy)))
    for field, value, find in fields:
        listed = [o for o in find() if o.start in starts]
        if listed and abs(value) != want:
            c.add(
                "G215",
                f"the quote lists {item!r} with {plain(want)}, not {plain(abs(value))} "
                f"(分别 pairs names and numbers in order)",
                fig_path(ident, i, field),
            )


def _check_enumeration(c: Collector, text: str, entries: list[Entry]) -> None:
    """年可实现产值127亿元、税收2亿元: each figure's value is the one next to its own label.

    The quote is cut at 、 and clause breaks into items of a label and a number; a figure whose
    distinctive name falls in exactly one item's label must have that item's number (G215)."""
    items: list[tuple[str, str]] = []  # (label, the whole item)
    for part in re.split(r"[、,;:。]", text):
        tokens = number_tokens(part)
        if tokens:
            items.append((part[: tokens[0][0]], part))
    if not 2 <= len(items) <= _MAX_ITEMS:
        return
    for entry, key in zip(entries, _distinctive_keys(entries), strict=True):
        if not key:
            continue
        ident, indicator, i, figure = entry
        own = [item for label, item in items if key in label]
        if len(own) != 1 or occurrences(own[0], figure.value, indicator.unit_of(figure)):
            continue
        elsewhere = [item for _label, item in items if item is not own[0]]
        unit = indicator.unit_of(figure)
        if any(occurrences(item, figure.value, unit) for item in elsewhere):
            printed = plain(number_tokens(own[0])[0][2])
            c.add(
                "G215",
                f"the quote prints {printed} next to {key} ({own[0]!r}), not "
                f"{plain(figure.value)}{unit.symbol}, which belongs to another item of its list",
                fig_path(ident, i, "value"),
            )


def _distinctive_keys(entries: list[Entry]) -> list[str]:
    """What tells the figures of one quote apart: their subjects, else their names' middles."""
    subjects = [e[3].subject or "" for e in entries]
    if all(subjects) and len(set(subjects)) == len(subjects):
        return subjects
    names = [e[1].name for e in entries]
    prefix = _common_prefix(names)
    suffix = _common_prefix([n[::-1] for n in names])
    return [n[prefix : max(prefix, len(n) - suffix)] for n in names]


def _common_prefix(texts: list[str]) -> int:
    if len(texts) < 2:
        return 0
    shortest = min(len(t) for t in texts)
    n = 0
    while n < shortest and len({t[n] for t in texts}) == 1:
        n += 1
    return n
