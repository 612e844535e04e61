"""References: themes, targets and relations name what the file holds (G201, G207, G208), in
units that fit (G203), and a target has a year-to-date actual (W002); an annual target's actual
is not a stock (W005), and a target of kind list counts items (W006).

Each check takes the collector and adds Problem records; `registry` puts them into its groups.
"""

from __future__ import annotations

from ...model.models import Indicator
from ...model.refs import RefError, Resolved, actuals_in_year, over_ceiling, resolve
from ...model.units import Kind
from .collector import Collector, Path


def check_themes(c: Collector) -> None:
    """G201 for an indicator whose theme the file does not declare."""
    themes = c.loaded.dataset.themes
    for ident, indicator in c.loaded.dataset.indicators.items():
        if indicator.theme not in themes:
            known = ", ".join(themes) or "none declared"
            c.add(
                "G201",
                f"unknown theme {indicator.theme!r} (known: {known})",
                ("indicators", ident, "theme"),
            )


def check_references(c: Collector) -> None:
    """Every reference of a target or relation resolves (G201) to a figure it may name (G207),
    in a unit that fits (G203), and the relations stay within the work ceiling (G208)."""
    dataset = c.loaded.dataset
    for t, target in enumerate(dataset.targets):
        path: Path = ("targets", t)
        found = c.resolve(target.target, (*path, "target"))
        if found and found.figure.status == "forecast":
            c.add(
                "G207",
                f"{target.target!r} is a forecast; a target must be a target or actual figure",
                (*path, "target"),
            )
        if found and not found.figure.period.is_year:
            c.add(
                "G207",
                f"a target must cover a whole year, not {found.figure.period}",
                (*path, "target"),
            )
        for field, unit_kind in (("actual", None), ("rate", "%"), ("gap", "个百分点")):
            ident = getattr(target, field)
            if ident is None:
                continue
            indicator = dataset.indicators.get(ident)
            if indicator is None:
                c.add("G201", f"unknown indicator {ident!r}", (*path, field))
            elif unit_kind and indicator.unit != unit_kind:
                c.add(
                    "G203", f"{ident} must be in {unit_kind}, not {indicator.unit}", (*path, field)
                )
            elif found and field == "actual" and not _same_family(indicator, found):
                c.add(
                    "G203",
                    f"{ident} is not measured like the target {target.target}",
                    (*path, field),
                )
    for r, relation in enumerate(dataset.relations):
        for field, value in relation:
            if field in ("kind", "note", "note_en", "over") or value is None:
                continue
            refs = value if isinstance(value, list) else [value]
            for k, ref in enumerate(refs):
                sub = (k,) if isinstance(value, list) else ()
                c.resolve(ref, ("relations", r, field, *sub), single=False)
    if too_much := over_ceiling(dataset):
        c.add("G208", too_much, ("relations",))


def _same_family(indicator: Indicator, found: Resolved) -> bool:
    return indicator.base.family == found.unit.family


def check_targets_have_actuals(c: Collector) -> None:
    """W002 for a target with no actual in its year to measure (a stock's actual is its level,
    whatever months it covers); W005 for an annual target whose actual is a stock (a level does
    not accrue over the year); W006 for a list target that is not a count of items."""
    dataset = c.loaded.dataset
    for t, target in enumerate(dataset.targets):
        try:
            goal = resolve(dataset, target.target)
        except RefError:
            continue
        year = goal.figure.period.year
        if goal.unit.kind is not Kind.COUNT and target.kind == "list":
            c.add(
                "W006",
                f'kind = "list" is a fixed list of items, but the target is in {goal.unit.symbol}; '
                "it is shown by completion only and left out of the 双过半 count",
                ("targets", t, "kind"),
                "warning",
            )
        indicator = dataset.indicators.get(target.actual)
        if indicator is None:
            continue
        if indicator.stock and target.kind == "annual":
            c.add(
                "W005",
                f"{target.actual} is a stock (a level at its period's end), which does not accrue "
                "toward an annual target; progress shows it by completion only (write "
                'kind = "list" where it counts a fixed list)',
                ("targets", t, "actual"),
                "warning",
            )
        if not any(
            r.figure.period.is_year_to_date or indicator.stock
            for r in actuals_in_year(dataset, target.actual, year)
        ):
            c.add("W002", f"target has no year-to-date actual in {year}", ("targets", t), "warning")
