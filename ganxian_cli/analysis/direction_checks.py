"""A lead's sign against the direction its quote gives (W004): 慢于全市平均0.8个百分点 is -0.8.

A warning, not an error: a file that validated before this check must still validate (exit 0
without --strict), though what it says may be the slip of copying a number without its
direction.
"""

from __future__ import annotations

from ..model.direction import BEHIND, POINTS, lead_word
from ..model.numerals import normalize, occurrences, plain
from .collector import Collector, fig_path


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
