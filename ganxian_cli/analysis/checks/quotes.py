"""Checks that a figure is the one its quote shows: number, sign, qualifier, list position.

Each quote is read once: the figure's number must stand in it as a whole token (G210), the
words before it must give it its sign (G212), the words touching it its qualifier (G214);
`quote_lists` pairs the figures of one quote (G215). Growth below -100% cannot be (G213).
A table cell's quote (``ROW | COLUMN | VALUE | 单位:UNIT | 同比增长(%):G``, `extract.tables`)
shows the figure when its value, unit and growth part are the figure's (G210).
A lead in 个百分点 takes the direction its quote gives (W004): 慢于全市平均0.8个百分点 is -0.8, a
warning, not an error, so that a file that validated before still does without --strict.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from ...model.change_words import Reading, reading
from ...model.direction import BEHIND, POINTS, lead_word
from ...model.models import Figure
from ...model.numerals import (
    Occurrence,
    growth_occurrences,
    normalize,
    occurrences,
    plain,
    printed_numbers,
    unit_pattern,
)
from ...model.units import Kind, Unit, get_unit
from ...model.wording import EXPECTED, plainly_shown, qualifiers_at
from .collector import Collector, fig_path
from .quote_lists import check_lists

if TYPE_CHECKING:
    from ..extract.tables import CellQuote

_MINUS_100 = Decimal(-100)


def cell_of(quote: str | None) -> CellQuote | None:
    """The parts of a table cell's quote; None for any other quote (the table reader is loaded
    only for a quote with a bar in it)."""
    if not quote or ("|" not in quote and "｜" not in quote):
        return None
    from ..extract.tables import parse_cell_quote

    return parse_cell_quote(quote)


def check_provenance(c: Collector) -> None:
    """Each quote must show the figure as printed (and its growth rate, where given)."""
    lists = False  # whether any quote may hold a list of figures that `check_lists` reads
    for ident, indicator in c.loaded.dataset.indicators.items():
        base = indicator.base
        base_units = unit_pattern(base)
        for i, figure in enumerate(indicator.observations):
            quote = figure.quote
            cell = cell_of(quote)
            if quote is None:
                c.add("W001", "figure has no quote", fig_path(ident, i), "warning")
            elif cell is not None:  # a table cell: ROW | COLUMN | VALUE | 单位:UNIT | 同比:G
                _check_cell(c, ident, indicator.unit_of(figure), i, figure, cell)
                continue
            else:
                unit = base if figure.unit is None else indicator.unit_of(figure)
                units = base_units if unit is base else unit_pattern(unit)
                text = normalize(quote)
                # the common quote in one look; anything else gets the full reading
                if not (figure.qualifier == "exact" and plainly_shown(text, figure.value, units)):
                    _check_value(c, ident, unit, i, figure, quote)
                lists = lists or "分别" in text or "、" in text
            if figure.yoy is not None:
                lists = True
                _check_growth(c, ident, i, figure.yoy, quote)
    if lists:  # without a growth, a 分别 or a 、 it has nothing to check
        check_lists(c)


def _check_cell(
    c: Collector, ident: str, unit: Unit, i: int, figure: Figure, cell: CellQuote
) -> None:
    """A cell quote shows the figure when its value is the figure's (in the figure's unit, or
    one of its family the quote names), its growth column the figure's yoy, and a table cell,
    printed as it is, is exact."""
    shown = cell.value
    if cell.unit and cell.unit != unit.symbol:
        try:
            quoted = get_unit(cell.unit)
        except ValueError:
            quoted = None
        if quoted is None or quoted.family != unit.family:
            c.add(
                "G210",
                f"the cell quote is in {cell.unit}, the figure in {unit.symbol}: {figure.quote!r}",
                fig_path(ident, i, "unit"),
            )
            return
        shown = shown * quoted.scale / unit.scale
    if shown != figure.value:
        c.add(
            "G210",
            f"quote does not show {plain(figure.value)}{unit.symbol} (the cell shows "
            f"{cell.printed}{cell.unit}): {figure.quote!r}",
            fig_path(ident, i, "quote"),
        )
    if figure.qualifier != "exact":
        c.add(
            "G214",
            f"qualifier {figure.qualifier}, but a table cell is printed exactly; "
            'set qualifier = "exact"',
            fig_path(ident, i, "qualifier"),
        )
    yoy = figure.yoy
    if yoy is None:
        return
    if yoy < _MINUS_100:
        c.add(
            "G213",
            f"growth {plain(yoy)}% is impossible: nothing falls by more than 100%",
            fig_path(ident, i, "yoy"),
        )
    if cell.growth != yoy:
        said = f" (it shows {cell.growth_printed})" if cell.growth_printed else ""
        c.add(
            "G210",
            f"quote does not show the growth {plain(yoy)}%{said}: {figure.quote!r}",
            fig_path(ident, i, "yoy"),
        )


def _check_value(c: Collector, ident: str, unit: Unit, i: int, figure: Figure, quote: str) -> None:
    value = figure.value
    found = occurrences(quote, value, unit)
    if not found:
        printed = printed_numbers(quote, unit)
        hint = f" (it shows {', '.join(printed)})" if printed else ""
        c.add(
            "G210",
            f"quote does not show {plain(value)}{unit.symbol}{hint}: {quote!r}",
            fig_path(ident, i, "quote"),
        )
        return
    signed = [o for o in found if _sign_fits(o, value, unit)]
    if not signed:
        shown = plain(value) + unit.symbol
        message = _sign_message(found[0], value, shown, "value", unit.symbol == POINTS)
        c.add("G212", message, fig_path(ident, i, "value"))
        signed = found
    _check_qualifier(c, ident, i, figure.qualifier, signed)


def _sign_of(occ: Occurrence) -> Reading | None:
    """What the words before *occ* say about its sign: `model.change_words`, as extract reads.
    A lead word (低于/快于) is W004's to judge, and only of a lead in 个百分点: here it says
    nothing (失业率低于3.5% is no negative rate)."""
    found = reading(occ.text, occ.start, occ.number_end)
    return None if found is not None and found.how == "lead" else found


def _sign_fits(occ: Occurrence, value: Decimal, unit: Unit | None) -> bool:
    """A negative number needs 下降/减少/负增长/降幅扩大/… or a minus; a positive one must not
    have them (降幅收窄1.2个百分点 is a rise: +1.2).

    For amounts and counts only a minus sign counts against a positive value: 减少 may be
    the name of what is counted (减少排放12万吨). A lead whose nearest word is a direction
    (慢于/快于…: `model.direction`) is W004's to judge, whichever its sign.
    """
    found = _sign_of(occ)
    minus = found is not None and found.how == "minus"
    if (
        not minus
        and unit is not None
        and unit.symbol == POINTS
        and lead_word(occ.text, 0, occ.start)
    ):
        return True
    if found is None:  # no sign either way (most quotes): only a negative value lacks one
        return not value < 0
    negative = found.sign < 0
    if value < 0:
        return negative
    if value == 0:
        return True
    if unit is not None and unit.kind is not Kind.RATE:
        return not minus
    return not negative


def _sign_message(
    occ: Occurrence, value: Decimal, shown: str, field: str, lead: bool = False
) -> str:
    if value < 0:
        return (
            f"{shown} is negative but the quote shows {occ.shown} without 下降/减少/回落/负增长 "
            f"{'(for a lead 慢于/落后/滞后/低于) ' if lead else ''}or a minus before it; record "
            f"the sign the wording gives"
        )
    found = _sign_of(occ)
    word = found.word if found is not None else None
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
    c: Collector, ident: str, i: int, qualifier: str, found: list[Occurrence]
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


def check_lead_directions(c: Collector) -> None:
    """Each figure in 个百分点 whose quote says behind (慢于/落后/滞后/低于) must be negative, and
    one that says ahead (快于/领先/高于/超…) must not be."""
    for ident, indicator in c.loaded.dataset.indicators.items():
        points = indicator.base.symbol == POINTS
        for i, figure in enumerate(indicator.observations):
            quote, value = figure.quote, figure.value
            if quote is None or not value:
                continue
            if figure.unit is None and not points:
                continue  # the common case, settled without looking the unit up
            unit = indicator.unit_of(figure)
            if unit.symbol != POINTS:
                continue
            text = normalize(quote)
            found = occurrences(text, value, unit)  # where, sign aside
            # any place that shows the number with its direction (or none) will do
            words = [lead_word(text, 0, occ.start) for occ in found]
            if not words or any(w is None or (w in BEHIND) == (value < 0) for w in words):
                continue
            word = words[0]
            said, recorded = ("behind", "positive") if word in BEHIND else ("ahead", "negative")
            c.add(
                "W004",
                f"{plain(value)}个百分点 is {recorded} but the quote says {word} ({said}) before "
                f"{found[0].shown}; write value = {plain(-value)}",
                fig_path(ident, i, "value"),
                "warning",
            )
