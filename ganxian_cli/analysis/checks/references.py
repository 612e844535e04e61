"""References: themes, targets and relations name what the file holds (G201, G207, G208), in
units that fit (G203), and a target has a year-to-date actual (W002).

Each check takes the collector and adds Problem records; `registry` puts them into its groups.
"""

from __future__ import annotations

from ...model.models import Indicator
from ...model.refs import RefError, Resolved, actuals_in_year, over_ceiling, resolve
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
    dataset = c.loaded.dataset
    for t, target in enumerate(dataset.targets):
        try:
            year = resolve(dataset, target.target).figure.period.year
        except RefError:
            continue
        if target.actual in dataset.indicators and not any(
            r.figure.period.is_year_to_date for r in actuals_in_year(dataset, target.actual, year)
        ):
            c.add("W002", f"target has no year-to-date actual in {year}", ("targets", t), "warning")
