"""`ganxian record`: add or replace one figure (and, if asked, its indicator or target link)."""

from __future__ import annotations

import contextlib
import functools
import re
from dataclasses import dataclass
from dataclasses import replace as replace_fields
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError

from ..errors import DataError, Problem, UsageError
from ..model.models import Dataset
from ..model.periods import Period, PeriodError, parse_period
from ..model.refs import RefError, pin, resolve
from .locate import format_path

_NUMBER = re.compile(r"-?\d+(\.\d+)?")


@dataclass(frozen=True)
class NewFigure:
    """What the command line asked to record."""

    indicator: str
    period: str
    value: str
    unit: str | None = None
    status: str = "actual"
    qualifier: str = "exact"
    yoy: str | None = None
    subject: str | None = None
    quote: str | None = None
    note: str | None = None
    name: str | None = None
    name_en: str | None = None
    theme: str | None = None
    tracks: str | None = None
    source: str | None = None  # the figure's article ([sources] id)
    source_title: str | None = None  # with source_published: add that article
    source_published: str | None = None
    source_url: str | None = None
    theme_name: str | None = None  # with theme_name_en: add the theme
    theme_name_en: str | None = None
    rate: str | None = None  # with tracks: the target's quoted completion rate
    gap: str | None = None  # with tracks: the target's quoted lead over time progress
    within: str | None = None  # a reference: add a `within` relation, this figure inside it
    share_of: str | None = None  # a reference: add a `share` relation, this figure its part


def parse_number(text: str, option: str) -> Decimal:
    """A decimal exactly as typed: 190.2 stays 190.2; no exponents, no thousands separators."""
    if not _NUMBER.fullmatch(text.strip()):
        raise UsageError(f"{option}: not a plain decimal number: {text!r} (e.g. 190.2 or -3.5)")
    try:
        number = Decimal(text.strip())
    except InvalidOperation:  # pragma: no cover - the pattern already guarantees a number
        raise UsageError(f"{option}: not a number: {text!r}") from None
    return abs(number) if number.is_zero() else number  # -0.00 is 0.00, as a quote prints it


def apply(dataset: Dataset, new: NewFigure, replace: bool, name: str) -> tuple[Dataset, str]:
    """The dataset with the figure recorded, and a one-line description of the change.

    Targets are pinned to the figure they name first, so a figure recorded now (a forecast
    for a target's year) cannot make a hand-written reference ambiguous.
    """
    return apply_data(editable_data(dataset), new, replace, name)


def apply_data(
    data: dict[str, Any], new: NewFigure, replace: bool, name: str
) -> tuple[Dataset, str]:
    """`apply` to plain data (see `editable_data`), which it changes."""
    action = apply_to(data, new, replace)
    return validated(data, name), action


def editable_data(dataset: Dataset) -> dict[str, Any]:
    """The dataset as plain data to change, its targets pinned to the figures they name."""
    data = dataset.model_dump(mode="python", exclude_defaults=True)
    for target in data.get("targets", []):
        with contextlib.suppress(RefError):
            target["target"] = pin(resolve(dataset, target["target"]))
    return data


def validated(data: dict[str, Any], name: str) -> Dataset:
    """*data* as a dataset; a field that does not validate is named by its option."""
    try:
        return Dataset.model_validate(data)
    except ValidationError as exc:
        raise DataError([_problem(e, name) for e in exc.errors()]) from None


def apply_to(data: dict[str, Any], new: NewFigure, replace: bool) -> str:
    """Record *new* in plain *data* (`editable_data`, or `writer.canonical_data`); say what
    changed.

    A refusal (UsageError) comes before anything in *data* changes, so a caller recording
    many figures into one data can go on with the next.
    """
    try:
        period = parse_period(new.period)
    except PeriodError as exc:
        raise UsageError(f"--period: {exc}") from None
    new = replace_fields(new, subject=new.subject or None)  # --subject '' means no subject
    _check_context(data, new)
    indicator = data.get("indicators", {}).get(new.indicator)
    if indicator is None:
        fresh = _new_indicator(new)
        unit = fresh["unit"]
    elif new.name or new.name_en or new.theme:
        raise UsageError(
            f"{new.indicator} exists already; "
            "--name, --name-en and --theme are only for new indicators"
        )
    else:
        unit = indicator["unit"]
    figure = _figure(new, str(period), unit)
    # an indicator with only withheld figures has no observations (an empty list is left out)
    observations: list[dict[str, Any]] = (
        [] if indicator is None else indicator.get("observations", [])
    )
    same = _same_figure(data, observations, period, new)
    if same is not None and not replace:
        old = observations[same]
        raise UsageError(
            f"{new.indicator} already has {'an' if new.status == 'actual' else 'a'} {new.status}"
            f" figure for {period}: "
            f"{old['value']}{old.get('unit', unit)}; use --replace to change it"
        )
    if new.tracks and new.status != "target":
        raise UsageError("--tracks links a target; use it with --status target")
    if (new.rate or new.gap) and not new.tracks:
        raise UsageError("--rate and --gap belong to a target: use them with --tracks")
    # Nothing below refuses: the figure goes in.
    context = add_context(data, new)
    if indicator is None:
        data.setdefault("indicators", {})[new.indicator] = fresh
        observations = fresh["observations"]
        action = f"new indicator {new.indicator}"
    else:
        observations = indicator.setdefault("observations", [])
        action = f"{new.indicator}"
    if same is not None:
        observations[same] = figure
        action += f": replaced {new.status} figure for {period}"
    else:
        observations.append(figure)
        action += f": added {new.status} figure for {period}"
    if new.tracks:
        ref = f"{new.indicator}@{period}#target"
        data.setdefault("targets", [])
        if not any(t["target"] == ref for t in data["targets"]):
            data["targets"].append({"target": ref, "actual": new.tracks})
            action += f", tracked by {new.tracks}"
    return action + context + apply_extras(data, new)


def _same_figure(
    data: dict[str, Any], observations: list[dict[str, Any]], period: Period, new: NewFigure
) -> int | None:
    """The index of the figure *new* would replace: same period, status, subject, article."""
    for i, f in enumerate(observations):
        if (
            period_of(f["period"]) == period
            and f.get("status", "actual") == new.status
            and f.get("subject") == new.subject
            and _same_source(data, f.get("source"), new.source)
        ):
            return i
    return None


@functools.cache
def period_of(text: str) -> Period:
    """A recorded (valid) period string parsed, each distinct string once per run."""
    return parse_period(text)


# The option that supplied each field of a recorded figure or new indicator.
_OPTIONS = {
    "value": "--value",
    "unit": "--unit",
    "yoy": "--yoy",
    "subject": "--subject",
    "quote": "--quote",
    "note": "--note",
    "name": "--name",
    "name_en": "--name-en",
    "theme": "--theme",
    "period": "--period",
    "status": "--status",
    "qualifier": "--qualifier",
    "actual": "--tracks",
}


def _problem(error: Any, name: str) -> Problem:
    """A refused record, named as `validate` names it: the file, the option, the same code."""
    loc = tuple(s for s in error["loc"] if s != "[key]")
    message = str(error["msg"]).removeprefix("Value error, ")
    field = next((s for s in reversed(loc) if isinstance(s, str) and s in _OPTIONS), None)
    if field:
        message = f"{_OPTIONS[field]}: {message}"
    code = "G101" if "unknown unit" in message else "G100"
    return Problem(code, message, name, path=format_path(loc))


def _new_indicator(new: NewFigure) -> dict[str, Any]:
    missing = [
        option
        for option, value in (
            ("--name", new.name),
            ("--name-en", new.name_en),
            ("--theme", new.theme),
            ("--unit", new.unit),
        )
        if not value
    ]
    if missing:
        raise UsageError(f"no indicator {new.indicator!r}; to create it give {', '.join(missing)}")
    return {
        "name": new.name,
        "name_en": new.name_en,
        "theme": new.theme,
        "unit": new.unit,
        "observations": [],
    }


def _figure(new: NewFigure, period: str, indicator_unit: str) -> dict[str, Any]:
    figure: dict[str, Any] = {"period": period, "value": parse_number(new.value, "--value")}
    if new.unit and new.unit != indicator_unit:
        figure["unit"] = new.unit
    if new.status != "actual":
        figure["status"] = new.status
    if new.qualifier != "exact":
        figure["qualifier"] = new.qualifier
    if new.yoy is not None:
        figure["yoy"] = parse_number(new.yoy, "--yoy")
    for key in ("subject", "quote", "note", "source"):
        if getattr(new, key):
            figure[key] = getattr(new, key)
    return figure


def _same_source(data: dict[str, Any], old: str | None, new: str | None) -> bool:
    """Whether two figures come from one article (a missing id means the only source)."""
    sources = data.get("sources") or {}
    only = next(iter(sources)) if len(sources) == 1 and "source" not in data else None
    return (old or only) == (new or only)


def _check_context(data: dict[str, Any], new: NewFigure) -> None:
    """Refuse a figure from an unknown article unless it is given in full."""
    sources = data.get("sources") or {}
    if new.source and new.source not in sources and not (new.source_title and new.source_published):
        known = ", ".join(sources) or "none"
        raise UsageError(
            f"no source {new.source!r} (known: {known}); add it with `ganxian record … --source "
            f"{new.source} --source-title TITLE --source-published YYYY-MM` or a "
            f"[sources.{new.source}] table"
        )


def add_context(data: dict[str, Any], new: NewFigure) -> str:
    """Add the source and theme the figure needs, if asked (`apply_to` has refused an unknown
    source given without its title and date); say what was added."""
    added = ""
    sources: dict[str, Any] = data.setdefault("sources", {})
    if new.source and new.source not in sources:
        if len(sources) == 1 and "source" not in data:  # its figures lose their default
            (only,) = sources
            for indicator in data.get("indicators", {}).values():
                for figure in indicator.get("observations", []):
                    figure.setdefault("source", only)
        article = {"title": new.source_title, "published": new.source_published}
        if new.source_url:
            article["url"] = new.source_url
        sources[new.source] = article
        added += f", new source {new.source}"
    themes: dict[str, Any] = data.setdefault("themes", {})
    if new.theme and new.theme not in themes and new.theme_name and new.theme_name_en:
        themes[new.theme] = {"name": new.theme_name, "name_en": new.theme_name_en}
        added += f", new theme {new.theme}"
    return added


def apply_extras(data: dict[str, Any], new: NewFigure) -> str:
    """Relations, and the target's quoted rate and gap (with --tracks); say what was added."""
    return _add_relations(data, new) + _add_rate_gap(data, new)


def _add_relations(data: dict[str, Any], new: NewFigure) -> str:
    subject = f"{{{new.subject}}}" if new.subject else ""
    ref = f"{new.indicator}{subject}@{parse_period(new.period)}#{new.status}"
    added = ""
    relations: list[dict[str, Any]] = data.setdefault("relations", [])
    for kind, whole in (("within", new.within), ("share", new.share_of)):
        if not whole:
            continue
        relation = (
            {"kind": "within", "parts": [ref], "whole": whole}
            if kind == "within"
            else {"kind": "share", "part": ref, "whole": whole}
        )
        if relation not in relations:
            relations.append(relation)
            added += f", {kind} {whole}"
    return added


def _add_rate_gap(data: dict[str, Any], new: NewFigure) -> str:
    if not (new.rate or new.gap):
        return ""
    if not new.tracks:  # pragma: no cover - apply_to refuses this before changing anything
        raise UsageError("--rate and --gap belong to a target: use them with --tracks")
    for target in data.get("targets", []):
        if target["target"].startswith(f"{new.indicator}@") and target["actual"] == new.tracks:
            for key in ("rate", "gap"):
                if getattr(new, key):
                    target[key] = getattr(new, key)
    return ", with its quoted " + " and ".join(k for k in ("rate", "gap") if getattr(new, k))
