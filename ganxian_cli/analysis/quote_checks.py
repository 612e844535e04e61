"""Checks that a figure is the one its quote shows: number, sign, qualifier, list position.

Each quote is read once: the figure's number must stand in it as a whole token (G210), the
words before it must give it its sign (G212), the words touching it its qualifier (G214), and
where a quote holds several figures, each value and growth must sit where the wording puts it
(G215). Growth rates below -100% cannot be (G213).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from ..model.models import Figure, Indicator
from ..model.numerals import (
    Occurrence,
    growth_occurrences,
    normalize,
    number_tokens,
    occurrences,
    plain,
    printed_numbers,
)
from ..model.units import Kind, Unit
from ..model.wording import EXPECTED, is_negative, qualifiers_at, sign_word_at
from .collector import Collector, fig_path

_MINUS_100 = Decimal(-100)


def check_provenance(c: Collector) -> None:
    """Each quote must show the figure as printed (and its growth rate, where given)."""
    for ident, indicator, i, figure in c.loaded.dataset.figures():
        if figure.quote is None:
            c.add("W001", "figure has no quote", fig_path(ident, i), "warning")
        else:
            _check_value(c, ident, indicator, i, figure, figure.quote)
        if figure.yoy is not None:
            _check_growth(c, ident, i, figure.yoy, figure.quote)
    check_lists(c)


def _check_value(
    c: Collector, ident: str, indicator: Indicator, i: int, figure: Figure, quote: str
) -> None:
    unit = indicator.unit_of(figure)
    shown = plain(figure.value) + unit.symbol
    found = occurrences(quote, figure.value, unit)
    if not found:
        printed = printed_numbers(quote, unit)
        hint = f" (it shows {', '.join(printed)})" if printed else ""
        c.add(
            "G210",
            f"quote does not show {shown}{hint}: {quote!r}",
            fig_path(ident, i, "quote"),
        )
        return
    signed = [o for o in found if _sign_fits(o, figure.value, unit)]
    if not signed:
        message = _sign_message(found[0], figure.value, shown, "value")
        c.add("G212", message, fig_path(ident, i, "value"))
        signed = found
    _check_qualifier(c, ident, i, figure.qualifier, signed, shown)


def _sign_fits(occ: Occurrence, value: Decimal, unit: Unit | None) -> bool:
    """A negative number needs 下降/减少/… or a minus; a positive one must not have them.

    For amounts and counts only a minus sign counts against a positive value: 减少 may be
    the name of what is counted (减少排放12万吨).
    """
    word = sign_word_at(occ)
    negative = is_negative(word)
    if value < 0:
        return negative
    if value == 0:
        return True
    if unit is not None and unit.kind is not Kind.RATE:
        return word != "-"
    return not negative


def _sign_message(occ: Occurrence, value: Decimal, shown: str, field: str) -> str:
    word = sign_word_at(occ)
    if value < 0:
        return (
            f"{shown} is negative but the quote shows {occ.shown} without 下降/减少/回落/负增长 "
            f"or a minus before it; record the sign the wording gives"
        )
    return (
        f"{shown} is positive but the quote says {word!r} before {occ.shown}; "
        f"write {field} = {plain(-value)}"
    )


def _check_growth(c: Collector, ident: str, i: int, yoy: Decimal, quote: str | None) -> None:
    path = fig_path(ident, i, "yoy")
    if yoy < _MINUS_100:
        c.add(
            "G213",
            f"growth {plain(yoy)}% is impossible: nothing falls by more than 100%",
            path,
        )
    if quote is None:
        return
    found = growth_occurrences(quote, yoy)
    if not found:
        c.add("G210", f"quote does not show the growth {plain(yoy)}%: {quote!r}", path)
    elif not any(_sign_fits(o, yoy, None) for o in found):
        c.add("G212", _sign_message(found[0], yoy, f"growth {plain(yoy)}%", "yoy"), path)


def _check_qualifier(
    c: Collector, ident: str, i: int, qualifier: str, found: list[Occurrence], shown: str
) -> None:
    readings = [qualifiers_at(o) for o in found]
    if any(_qualifier_fits(qualifier, words) for words in readings):
        return
    words = readings[0]
    path = fig_path(ident, i, "qualifier")
    if words:
        said = "/".join(words)
        meant = next(iter(words.values()))
        c.add(
            "G214",
            f"the quote says {said!r} next to {found[0].shown} ({meant}) but the figure is "
            f'{qualifier}; set qualifier = "{meant}"',
            path,
        )
    else:
        c.add(
            "G214",
            f"qualifier {qualifier} needs {EXPECTED[qualifier]} next to the figure, but the "
            f'quote shows {found[0].shown} without them; set qualifier = "exact" or fix the quote',
            path,
        )


def _qualifier_fits(qualifier: str, words: dict[str, str]) -> bool:
    if qualifier == "exact":
        return not words
    return qualifier in words.values()


# --- several figures in one quote --------------------------------------------------------------

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
