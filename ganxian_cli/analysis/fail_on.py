"""`progress --fail-on`: the targets that make a CI run fail, each named in one line.

`behind` fails on a target behind its time progress (滞后序时进度) and on one missed at year end;
`missed` only on a target missed at year end (judged in December).
"""

from __future__ import annotations

from collections.abc import Iterable

from .derived import marked
from .progress import Progress, round2

FAILING: dict[str, frozenset[str]] = {
    "behind": frozenset({"behind", "missed"}),
    "missed": frozenset({"missed"}),
}


def failing(results: Iterable[Progress], fail_on: str) -> list[Progress]:
    """The targets whose verdict *fail_on* (behind or missed) counts as a failure, in order."""
    return [r for r in results if r.verdict in FAILING[fail_on]]


def failure_line(r: Progress, region: str = "") -> str:
    """One stderr line naming the target, its figures and why it fails."""
    name = r.actual.indicator.name
    where = f"{region}: " if region else ""
    done = marked(f"{r.completion.shown()}%", r.completion.qualifier, "en") if r.completion else "—"
    period = r.actual.figure.period
    if r.verdict == "missed":
        why = f"target missed: {done} of the year's target done in {period}"
    else:
        size = abs(r.gap) if r.gap else None
        lag = marked(f"{size.shown()}", size.qualifier, "en") if size else "—"
        why = (
            f"behind: {done} done against {round2(r.time_progress)}% time elapsed at {period} "
            f"({lag} percentage points behind)"
        )
    return f"ganxian: {where}{name} ({r.actual.ident}): {why}"
