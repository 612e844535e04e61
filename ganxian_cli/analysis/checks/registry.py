"""Which checks run, and in what order: `essential_problems` holds what every command relies on
(references resolve, units fit, no duplicates); `all_problems` adds provenance, warnings and
the arithmetic the source states. Codes are stable and listed in the README.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from ...errors import Problem
from .collector import Collector, Remap
from .references import check_references, check_themes
from .sources import check_figure_sources
from .values import check_duplicates, check_ranks, check_stock_levels, check_values

if TYPE_CHECKING:
    from ...datafile.loader import Loaded


Check = Callable[[Collector], None]

# What every command relies on; an error of `check_references` keeps LINKED from running.
ESSENTIAL: tuple[Check, ...] = (
    check_themes,
    check_values,
    check_duplicates,
    check_stock_levels,
    check_references,
    check_figure_sources,
    check_ranks,
)


@functools.cache
def _more() -> tuple[tuple[Check, ...], tuple[Check, ...], tuple[Check, ...]]:
    """(FIGURES, NOTES, LINKED), imported on first use: a command that needs only ESSENTIAL
    does not import the quote and period readers (their word lists and patterns)."""
    from .arithmetic import check_arithmetic, check_leads, check_within
    from .counting import check_marked_counts, check_period_words, check_revisions
    from .quotes import check_lead_directions, check_provenance
    from .references import check_targets_have_actuals
    from .series import check_cumulative
    from .sources import check_quotes_in_sources

    # Checks of each figure on its own and of series: they run whatever else is wrong.
    figures: tuple[Check, ...] = (
        check_provenance,
        check_lead_directions,
        check_quotes_in_sources,
        check_cumulative,
        check_marked_counts,
        check_period_words,
    )
    # What `validate` adds for people reading the file: notes, never warnings or errors.
    notes: tuple[Check, ...] = (check_revisions,)
    # Checks that follow references: they need every reference to resolve.
    linked: tuple[Check, ...] = (
        check_targets_have_actuals,
        check_arithmetic,
        check_within,
        check_leads,
    )
    return figures, notes, linked


def _run(loaded: Loaded, full: bool, remap: Remap | None = None) -> list[Problem]:
    collector = Collector(loaded, remap)
    broken = False
    for check in ESSENTIAL:
        before = len(collector.problems)
        check(collector)
        if check is check_references:
            broken = any(p.severity == "error" for p in collector.problems[before:])
    if full:
        figures, _notes, linked = _more()
        for check in figures:
            check(collector)
        if not broken:  # linked checks need every reference to resolve
            for check in linked:
                check(collector)
    return collector.problems


def notes(loaded: Loaded, remap: Remap | None = None) -> list[Problem]:
    """The notes `ganxian validate` prints after the problems (revisions between articles)."""
    collector = Collector(loaded, remap)
    for check in _more()[1]:
        check(collector)
    return collector.problems


def essential_problems(loaded: Loaded) -> list[Problem]:
    """Problems that make the data unusable for any command."""
    return _run(loaded, full=False)


def all_problems(loaded: Loaded, remap: Remap | None = None) -> list[Problem]:
    """Everything `ganxian validate` reports, in check order.

    *remap* maps paths of a dataset that validation pruned back to the file's paths.
    """
    return _run(loaded, full=True, remap=remap)
