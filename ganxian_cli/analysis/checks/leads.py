"""Leads over a baseline (超序时进度28.44个百分点, 快于全市整体进度3.2个百分点).

A lead over time progress is checked against the quoted completion rate (G304) or, with no rate
quoted, against the amounts (G305). A lead over a baseline the data cannot compute (全市整体进度)
is checked against the other leads over the same baseline in the same period: completion minus
lead must give one baseline for all of them (G306).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ...model.intervals import Interval
from ...model.numerals import normalize, occurrences, plain
from ...model.periods import Period
from ...model.refs import Resolved
from ..schedule import HUNDRED, Basis, time_progress
from .collector import Collector

_COMPARED = re.compile(r"(?:快于|高于|超过|超出|领先|高出|慢于|低于|落后于?)([^,;:。]*)$")
_COMPARING = re.compile("快于|高于|超过|超出|领先|高出|慢于|低于|落后")
_TIME = ("时间", "序时", "时序", "序进度")
_FILLER_WORDS = re.compile("整体|总体|平均|进度|水平|的")
TWO_PLACES = Decimal("0.01")


def rounded(value: Decimal, like: Decimal) -> str:
    exponent = like.as_tuple().exponent
    places = exponent if isinstance(exponent, int) else 0
    return plain(value.quantize(Decimal(1).scaleb(places)))


def baseline_of(gap: Resolved) -> str | None:
    """The baseline a lead's quote names, or None for time progress (the default)."""
    quote = gap.figure.quote
    if quote is None:
        return None
    text = normalize(quote)
    if _COMPARING.search(text) is None:
        return None  # no comparing word anywhere (most leads are over time progress)
    found = occurrences(text, gap.figure.value, gap.unit)
    if not found:
        return None
    m = _COMPARED.search(text, 0, found[0].start)
    if m is None:
        return None
    phrase = m.group(1)
    if not phrase or any(word in phrase for word in _TIME):
        return None
    return phrase


def _baseline_key(phrase: str) -> str:
    """One key for the ways an article names one baseline: 全市整体进度, 全市进度, 全市平均水平."""
    return _FILLER_WORDS.sub("", phrase) or phrase


def completion(actual: Resolved, goal: Resolved) -> Interval | None:
    """Actual ÷ target in %, from the printed amounts; None for a zero target."""
    unit = goal.unit
    if actual.unit.family != unit.family:
        return None
    ratio = actual.span(unit).divide(goal.span(unit))
    return None if ratio is None else ratio.scale(HUNDRED)


@dataclass
class Baselines:
    """Leads over named baselines seen so far, by period and baseline."""

    seen: dict[tuple[Period, str], tuple[Interval, str]] = field(default_factory=dict)

    def check(
        self, c: Collector, gap: Resolved, done: Interval, basis_text: str, phrase: str
    ) -> None:
        """Record the baseline the lead over *phrase* implies; G306 where two disagree."""
        implied = done - gap.printed_span
        how = f"{basis_text} - {plain(gap.figure.value)}"
        key = (gap.figure.period, _baseline_key(phrase))
        if key not in self.seen:
            self.seen[key] = (implied, how)
            return
        common, first = self.seen[key]
        if common.overlaps(implied):
            self.seen[key] = (
                Interval(max(common.lo, implied.lo), min(common.hi, implied.hi)),
                first,
            )
            return
        c.add(
            "G306",
            f"this lead over {phrase} implies a baseline of {rounded(implied.mid, TWO_PLACES)}% "
            f"({how}), another lead over the same baseline implies "
            f"{rounded(common.mid, TWO_PLACES)}% ({first})",
            (*gap.path, "value"),
        )


def check_lead(
    c: Collector,
    actual: Resolved,
    goal: Resolved,
    rate: Resolved | None,
    gap: Resolved,
    basis: Basis,
    baselines: Baselines,
    other_article: str | None = None,
) -> None:
    """The quoted lead against the quoted rate, or against the amounts when none is quoted
    (a note only where the target is of *other_article*: the lead's article prints none)."""
    if rate is not None:
        done = rate.printed_span
    else:
        computed = completion(actual, goal)
        if computed is None:
            return
        done = computed
    phrase = baseline_of(gap)
    if phrase is not None:
        baselines.check(c, gap, done, _basis_text(actual, goal, rate, done), phrase)
        return
    progress = time_progress(gap.figure.period, basis)
    quoted = gap.printed_span
    # `(done - Interval.exact(progress)).overlaps(quoted)`, without making the interval
    if done.lo - progress <= quoted.hi and quoted.lo <= done.hi - progress:
        return
    lead = done - Interval.exact(progress)
    code = "G304" if rate is not None else "G305"
    message = (
        f"expected {plain(gap.figure.value)} points ahead of schedule, computed "
        f"{rounded(lead.mid, gap.figure.value)} from {_basis_text(actual, goal, rate, done)} "
        f"- {rounded(progress, TWO_PLACES)}% time progress ({basis} basis)"
    )
    if rate is None and other_article is not None:
        message += (
            f", the target as {other_article} gives it: the lead's own article prints none, and "
            "the target may have been revised since"
        )
        c.add(code, message, (*gap.path, "value"), "note")
        return
    c.add(code, message, (*gap.path, "value"))


def _basis_text(actual: Resolved, goal: Resolved, rate: Resolved | None, done: Interval) -> str:
    """How the completion a lead is checked against was found, for messages."""
    if rate is not None:
        return f"{plain(rate.figure.value)}%"
    return (
        f"{plain(actual.figure.value)} / {plain(goal.figure.value)} = "
        f"{rounded(done.mid, TWO_PLACES)}%"
    )
