"""`ganxian import`: add every figure of a reviewed draft in one locked, atomic, checked write.

All or nothing: problems are reported at the draft's own lines and nothing is written. A figure
already present with the same value is skipped and counted; another value needs *replace*.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..errors import DataError, Problem, UsageError
from ..model.models import Dataset
from ..model.periods import PeriodError, parse_period
from ..model.units import Unit, UnknownUnitError, get_unit
from ..model.units import declared as declared_units
from .loader import Loaded, decode, parse_toml, read_bytes
from .locate import LineIndex
from .record import NewFigure, apply_to, period_of, validated
from .store import Checks, edit_file

_KEYS: dict[str, type | tuple[type, ...]] = {
    "indicator": str,
    "new_indicator": bool,
    "theme": str,
    "name": str,
    "name_en": str,
    "value": (int, Decimal),
    "unit": str,
    "period": str,
    "status": str,
    "qualifier": str,
    "yoy": (int, Decimal),
    "subject": str,
    "quote": str,
    "note": str,
    "tracks": str,
    "source": str,
    "rate_of": str,
    "gap_of": str,
}
_REQUIRED = ("indicator", "value", "unit", "period")
_STATUS = ("actual", "forecast", "target")
_QUALIFIER = ("exact", "more_than", "nearly", "about")


@dataclass(frozen=True)
class DraftFigure:
    """One figure of a draft and the line its table starts on."""

    index: int
    line: int
    fields: dict[str, Any]
    unit_line: int = 0  # the line of its `unit`, where an unknown unit is reported

    def get(self, key: str) -> Any:
        return self.fields.get(key)


@dataclass(frozen=True)
class Imported:
    """What an import did (or, with dry run, would do)."""

    diff: str
    added: int
    replaced: int
    skipped: int
    written: bool
    linked: int = 0

    @property
    def summary(self) -> str:
        verb = "written" if self.written else "nothing written"
        links = f", {self.linked} linked to targets" if self.linked else ""
        return (
            f"{self.added} added, {self.replaced} replaced, {self.skipped} already present "
            f"(skipped){links}; {verb}"
        )


def read_draft(path: str) -> tuple[list[DraftFigure], list[Problem]]:
    """The draft's figures and the problems of its tables, at the draft's lines (DataError for
    a draft that cannot be read at all). A unit the catalogue does not know may be one the
    data file declares: `unknown_units` decides, once the data file is read."""
    name = "<stdin>" if path == "-" else path
    text = decode(read_bytes(path), name)
    data = parse_toml(text, name)
    index = LineIndex(text)
    problems: list[Problem] = []
    entries = data.get("figures")
    if not isinstance(entries, list) or not entries:
        raise DataError([Problem("G100", "no [[figures]] in the draft", name, 1, None, "figures")])
    figures: list[DraftFigure] = []
    for i, entry in enumerate(entries):
        line = index.line_of(("figures", i)) or 1
        if not isinstance(entry, dict):
            problems.append(Problem("G100", "expected a table", name, line, None, f"figures[{i}]"))
            continue
        found = _check_entry(entry)
        problems.extend(
            Problem("G101" if key == "unit" and "unknown unit" in message else "G100", message,
                    name, index.line_of(("figures", i, key)) or line, None, f"figures[{i}].{key}")
            for key, message in found
        )  # fmt: skip
        unit_line = index.line_of(("figures", i, "unit")) or line
        figures.append(DraftFigure(i, line, entry, unit_line))
    return figures, problems


def _check_entry(entry: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for key, value in entry.items():
        kind = _KEYS.get(key)
        if kind is None:
            found.append((key, f"unknown field (known: {', '.join(_KEYS)})"))
        elif (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            found.append((key, "wrong type"))
    found.extend((key, "missing field") for key in _REQUIRED if key not in entry)
    if found:
        return found
    try:
        parse_period(entry["period"])
    except PeriodError as exc:
        found.append(("period", str(exc)))
    if entry.get("status", "actual") not in _STATUS:
        found.append(("status", f"expected one of {', '.join(_STATUS)}"))
    if entry.get("qualifier", "exact") not in _QUALIFIER:
        found.append(("qualifier", f"expected one of {', '.join(_QUALIFIER)}"))
    return found


def unknown_units(
    figures: list[DraftFigure], declared: Mapping[str, Unit], draft: str
) -> list[Problem]:
    """G101 at the draft's line for each unit neither the catalogue nor the data file knows."""
    problems = []
    with declared_units(declared):
        for figure in figures:
            unit = figure.get("unit")
            if not isinstance(unit, str):
                continue  # missing or of the wrong type: `read_draft` has said so
            try:
                get_unit(unit)
            except UnknownUnitError as exc:
                where = f"figures[{figure.index}].unit"
                problems.append(Problem("G101", str(exc), draft, figure.unit_line, None, where))
    return problems


def _same(
    data: dict[str, Any], figure: DraftFigure, source: str | None
) -> tuple[Decimal, str] | None:
    """The value and unit already recorded for the figure's indicator, period, status, subject
    and article (a later article's figure for the same months is another figure)."""
    indicator = data.get("indicators", {}).get(figure.get("indicator"))
    if indicator is None:
        return None
    period = parse_period(figure.get("period"))
    status = figure.get("status") or "actual"
    article = figure.get("source") or source
    for existing in indicator.get("observations", ()):
        if (
            period_of(existing["period"]),
            existing.get("status", "actual"),
            existing.get("subject"),
        ) == (period, status, figure.get("subject")) and (
            article is None or _source_of(data, existing) in (None, article)
        ):
            return existing["value"], existing.get("unit") or indicator["unit"]
    return None


def _source_of(data: dict[str, Any], figure: dict[str, Any]) -> str | None:
    """`Dataset.source_of` for plain data: its own article, else the only one, else None."""
    if figure.get("source") is not None:
        return str(figure["source"])
    sources = data.get("sources") or {}
    if data.get("source") is None and len(sources) == 1:
        return str(next(iter(sources)))
    return None


def _new_figure(data: dict[str, Any], figure: DraftFigure, source: str | None) -> NewFigure:
    ident = figure.get("indicator")
    is_new = ident not in data.get("indicators", {})
    value = figure.get("value")
    yoy = figure.get("yoy")
    return NewFigure(
        indicator=ident,
        period=figure.get("period"),
        value=str(value),
        unit=figure.get("unit"),
        status=figure.get("status") or "actual",
        qualifier=figure.get("qualifier") or "exact",
        yoy=None if yoy is None else str(yoy),
        subject=figure.get("subject"),
        quote=figure.get("quote"),
        note=figure.get("note"),
        name=figure.get("name") if is_new else None,
        name_en=figure.get("name_en") if is_new else None,
        theme=figure.get("theme") if is_new else None,
        tracks=figure.get("tracks"),
        source=figure.get("source") or source,
    )


def _problem(draft: str, figure: DraftFigure, message: str, code: str = "G100") -> Problem:
    return Problem(code, message, draft, figure.line, None, f"figures[{figure.index}]")


def merge(
    data: dict[str, Any],
    figures: list[DraftFigure],
    draft: str,
    replace: bool,
    source: str | None = None,
) -> tuple[dict[str, Any], int, int, int]:
    """*data* (`record.editable_data`) with the draft's figures in: (data, added, replaced,
    skipped).

    The figures go into the one copy of the data, each checked as `record` would check it alone
    (its fields validated with the indicator and target it brings); the caller validates the
    whole once.
    """
    problems: list[Problem] = []
    added = replaced = skipped = 0
    for figure in figures:
        ident = figure.get("indicator")
        if ident not in data.get("indicators", {}):
            missing = [k for k in ("name", "name_en", "theme") if not figure.get(k)]
            if missing:
                problems.append(
                    _problem(draft, figure, f"new indicator {ident!r} needs {', '.join(missing)}")
                )
                continue
            themes = data.get("themes", {})
            if figure.get("theme") not in themes:
                known = ", ".join(themes)
                problems.append(
                    _problem(
                        draft, figure, f"unknown theme {figure.get('theme')!r} (known: {known})"
                    )
                )
                continue
        same = _same(data, figure, source)
        if same is not None and same == (Decimal(figure.get("value")), figure.get("unit")):
            skipped += 1
            continue
        if same is not None and not replace:
            problems.append(
                _problem(
                    draft,
                    figure,
                    f"{ident} already has {same[0]}{same[1]} for {figure.get('period')}; "
                    "give --replace to change it",
                )
            )
            continue
        try:
            _apply_checked(data, _new_figure(data, figure, source), replace, draft)
        except UsageError as exc:
            problems.append(_problem(draft, figure, str(exc)))
            continue
        except DataError as exc:
            problems.extend(_problem(draft, figure, p.message, p.code) for p in exc.problems)
            continue
        if same is None:
            added += 1
        else:
            replaced += 1
    if problems:
        raise DataError(problems)
    return data, added, replaced, skipped


def _apply_checked(data: dict[str, Any], new: NewFigure, replace: bool, draft: str) -> None:
    """`apply_to`, then validate what it brought; a figure that does not validate is taken out.

    The rest of *data* is valid already (the file as found, the figures before this one), so
    validating the figure with its indicator's fields, the file's sources, units and themes and
    the target it adds finds what validating the whole would find.
    """
    indicators = data.get("indicators", {})
    had = indicators.get(new.indicator)
    observations = list(had.get("observations", ())) if had is not None else []
    targets = len(data.get("targets", ()))
    apply_to(data, new, replace)
    indicator = data["indicators"][new.indicator]
    figure = _changed(observations, indicator["observations"])
    part = {k: v for k, v in data.items() if k not in ("indicators", "targets", "relations")}
    fields = {k: v for k, v in indicator.items() if k != "withheld"}
    part["indicators"] = {new.indicator: {**fields, "observations": [figure]}}
    part["targets"] = data.get("targets", [])[targets:]
    try:
        validated(part, draft)
    except DataError:
        if had is None:
            del data["indicators"][new.indicator]
        else:
            indicator["observations"][:] = observations
        del data.get("targets", [])[targets:]
        raise


def _changed(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> dict[str, Any]:
    """The figure `apply_to` put in: appended at the end, or replacing one in place."""
    if len(after) > len(before):
        return after[-1]
    return next(new for old, new in zip(before, after, strict=True) if new is not old)


def link_rates(data: dict[str, Any], figures: list[DraftFigure], draft: str) -> int:
    """Set a target's `rate` or `gap` from figures with `rate_of`/`gap_of` = its actual's id;
    how many were set."""
    targets: list[dict[str, Any]] = data.get("targets", [])
    problems: list[Problem] = []
    linked = 0
    for figure in figures:
        for key, field in (("rate_of", "rate"), ("gap_of", "gap")):
            actual = figure.get(key)
            if actual is None:
                continue
            ident = figure.get("indicator")
            found = [t for t in targets if t["actual"] == actual]
            if not found:
                problems.append(
                    _problem(draft, figure, f"{key}: no target is tracked by {actual!r}; "
                             "give its target figure `tracks`, or remove the key")
                )  # fmt: skip
                continue
            for target in found:
                if target.get(field) not in (None, ident):
                    problems.append(
                        _problem(draft, figure, f"{key}: the target of {actual!r} already has "
                                 f"{field} = {target[field]!r}")
                    )  # fmt: skip
                elif target.get(field) is None:
                    target[field] = ident
                    linked += 1
    if problems:
        raise DataError(problems)
    return linked


def _at_draft_lines(
    problems: list[Problem], result: Dataset, figures: list[DraftFigure], draft: str
) -> list[Problem]:
    """Problems in figures the draft brought, moved to the draft's lines."""
    where: dict[str, DraftFigure] = {}
    for figure in figures:
        indicator = result.indicators.get(figure.get("indicator"))
        if indicator is None:
            continue
        period = parse_period(figure.get("period"))
        for k, existing in enumerate(indicator.observations):
            if existing.period == period and existing.subject == figure.get("subject"):
                where[f"indicators.{figure.get('indicator')}.observations[{k}]"] = figure
    moved: list[Problem] = []
    for p in problems:
        prefix = next((k for k in where if p.path == k or p.path.startswith(k + ".")), None)
        if prefix is None:
            moved.append(p)
        else:
            moved.append(_problem(draft, where[prefix], p.message, p.code))
    return moved


def import_draft(
    path: str,
    draft: str,
    replace: bool,
    dry_run: bool,
    checks: Checks,
    source: str | None = None,
) -> Imported:
    """Merge the draft into the data file at *path*: every figure or none."""
    if path == "-":
        raise UsageError("import needs a data file, not standard input")
    figures, problems = read_draft(draft)
    draft_name = "<stdin>" if draft == "-" else draft
    counts: dict[str, int] = {}

    def edit(loaded: Loaded, data: dict[str, Any]) -> tuple[Dataset, str]:
        unknown = unknown_units(figures, loaded.dataset.declared_units, draft_name)
        if problems or unknown:  # every problem of the draft in one run, in its line order
            raise DataError(sorted([*problems, *unknown], key=lambda p: p.line or 0))
        data, added, replaced, skipped = merge(data, figures, draft_name, replace, source)
        linked = link_rates(data, figures, draft_name)
        counts.update(added=added, replaced=replaced, skipped=skipped, linked=linked)
        if not (added or replaced or linked):
            return loaded.dataset, "import"
        return validated(data, draft_name), "import"

    def locate(problems: list[Problem], dataset: Dataset) -> list[Problem]:
        return _at_draft_lines(problems, dataset, figures, draft_name)

    change = edit_file(path, edit, dry_run, checks, "import", locate)
    return Imported(
        change.diff,
        counts["added"],
        counts["replaced"],
        counts["skipped"],
        change.written,
        counts["linked"],
    )
