"""Recording figures: a typed edit of the Dataset, for `record` and `import`.

A request (`NewFigure`) is planned against the dataset as it stands (`plan`): every refusal
comes then, before anything changes, and every piece the figure brings (the figure, a new
indicator, article, theme, target link or relation) is validated as its own model.
`DatasetEdit` applies planned figures one after the other and assembles the new dataset once,
without validating the whole file again. Messages name the request's fields as the caller
spells them (`Spelling`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..errors import DataError, Problem, UnknownIndicator, UsageError
from ..model.models import (
    Article,
    Dataset,
    Figure,
    Ident,
    Indicator,
    Relation,
    Target,
    Theme,
    UnitDeclaration,
)
from ..model.periods import Period, PeriodError, parse_period
from ..model.refs import pin, resolve
from ..model.units import Kind, declare, declared, get_unit
from .locate import format_path
from .writer import canonical_order

_IDENT = re.compile(r"[a-z][a-z0-9_]*")  # as the model's ids
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")  # +13.1 as a growth is printed


@dataclass(frozen=True)
class NewFigure:
    """A figure to record, with what it may bring; its fields are named as the edit names them."""

    indicator: str
    period: str
    value: str | Decimal  # as typed, or a number read from a draft
    unit: str | None = None
    status: str = "actual"
    qualifier: str | None = None  # exact, unless a replaced figure has another
    yoy: str | Decimal | None = None
    subject: str | None = None
    subject_en: str | None = None  # the subject's English name
    quote: str | None = None
    note: str | None = None
    note_en: str | None = None  # the note in English, where `note` is Chinese
    name: str | None = None
    name_en: str | None = None
    name_en_status: str | None = None  # a new indicator's: composed or untranslated
    stock: bool = False  # a new indicator's: levels at each period's end (截至目前), not flows
    theme: str | None = None
    tracks: str | None = None
    target_kind: str | None = None  # with tracks: annual (default) or list (items to complete)
    source: str | None = None  # the figure's article ([sources] id)
    source_title: str | None = None  # with source_published: add that article
    source_published: str | None = None
    source_url: str | None = None
    source_text: str | None = None  # the article's local copy, relative to the data file
    theme_name: str | None = None  # with theme_name_en: add the theme
    theme_name_en: str | None = None
    rate: str | None = None  # with tracks: the target's quoted completion rate
    gap: str | None = None  # with tracks: the target's quoted lead over time progress
    within: str | None = None  # a reference: add a `within` relation, this figure inside it
    share_of: str | None = None  # a reference: add a `share` relation, this figure its part


def text_path(data_file: str, given: str) -> str:
    """The `text` of a new source from the file *given* (as typed, from the working folder):
    its path relative to *data_file*'s folder, which must hold it."""
    import os

    if not os.path.isfile(given):
        raise UsageError(f"--source-text: no file {given!r}")
    folder = os.path.dirname(os.path.abspath(data_file))
    relative = os.path.relpath(os.path.abspath(given), folder)
    if relative.startswith(".."):
        raise UsageError(
            f"--source-text: {given!r} must be inside the data file's folder ({folder}), "
            "where validate reads it"
        )
    return relative.replace(os.sep, "/")


Spelling = Callable[[str], str]
"""How messages name a request's fields: as a command's options, or as a draft's keys."""


def as_field(name: str) -> str:
    """Fields named as they are: a draft's keys, or `NewFigure`'s fields."""
    return name


@dataclass(frozen=True)
class Fault:
    """Why a figure cannot go in: *field* is the request's field at fault (None: the figure
    as a whole); *path* is where in the data file a piece did not validate ("" for a refused
    request)."""

    message: str
    field: str | None = None
    code: str = "G100"
    path: str = ""
    unknown_indicator: str | None = None  # the request names no indicator of the file
    at: tuple[str | int, ...] = ()  # the figure in the file the fault is about, for its line


class Refused(Exception):
    """A figure refused before anything changed: a wrong request (*usage*), or pieces that do
    not validate."""

    def __init__(self, faults: list[Fault], usage: bool) -> None:
        super().__init__("; ".join(f.message for f in faults))
        self.faults = faults
        self.usage = usage

    def error(
        self,
        name: str,
        spelling: Spelling,
        line_of: Callable[[tuple[str | int, ...]], int | None] | None = None,
    ) -> UsageError | DataError:
        """The refusal as a command reports it, each field named by *spelling*: a usage error
        (the caller names the file), or problems of the data file *name*, at the line
        *line_of* gives the figure a fault is about."""

        def said(fault: Fault) -> str:
            if fault.field is None:
                return fault.message
            return f"{spelling(fault.field)}: {fault.message}"

        if self.usage:  # the caller names the file
            first = self.faults[0]
            if first.unknown_indicator is not None:
                return UnknownIndicator(said(first), first.unknown_indicator)
            return UsageError(said(first))
        return DataError(
            [
                Problem(f.code, said(f), name, line_of(f.at) if line_of and f.at else None,
                        path=f.path)
                for f in self.faults
            ],
        )  # fmt: skip


def _refuse(message: str, field: str | None = None) -> Refused:
    return Refused([Fault(message, field)], usage=True)


def parse_number(text: str | Decimal, field: str) -> Decimal:
    """A decimal exactly as typed: 190.2 stays 190.2; no exponents, no thousands separators.

    A number read from a draft is taken as it is (the model bounds its digits), unless only an
    exponent can write it (1E+5).
    """
    if isinstance(text, Decimal):
        exponent = text.as_tuple().exponent
        if isinstance(exponent, int) and exponent > 0:
            raise _refuse(f"not a plain decimal number: '{text}' (e.g. 190.2 or -3.5)", field)
        return abs(text) if text.is_zero() else text
    if not _NUMBER.fullmatch(text.strip()):
        raise _refuse(f"not a plain decimal number: {text!r} (e.g. 190.2 or -3.5)", field)
    try:
        number = Decimal(text.strip())
    except InvalidOperation:  # pragma: no cover - the pattern already guarantees a number
        raise _refuse(f"not a number: {text!r}", field) from None
    return abs(number) if number.is_zero() else number  # -0.00 is 0.00, as a quote prints it


def _value(new: NewFigure, unit: str) -> Decimal:
    """The figure's value: 13.1% of a percentage is 13.1; a % sign on a value in another unit
    is refused, naming that unit."""
    value = new.value
    if not isinstance(value, str) or not value.strip().endswith(("%", "％")):
        return parse_number(value, "value")
    if unit == "%":
        return parse_number(value.strip().removesuffix("%").removesuffix("％").rstrip(), "value")
    raise _refuse(f"{value.strip()!r} is a percentage, but {new.indicator} is in {unit}", "value")


def same_figure(
    dataset: Dataset,
    ident: str,
    period: Period,
    status: str,
    subject: str | None,
    source: str | None,
    any_article: bool = False,
) -> int | None:
    """The index of *ident*'s figure for the same period, status, subject and article (a
    figure naming no article comes from the file's only one), or None. With *any_article*, a
    figure whose article is not known (no *source*, several articles) matches any article's."""
    indicator = dataset.indicators.get(ident)
    if indicator is None:
        return None
    article = source or dataset.default_source()
    for i, f in enumerate(indicator.observations):
        if (
            f.period == period
            and f.status == status
            and f.subject == subject
            and ((article is None and any_article) or dataset.source_of(f) == article)
        ):
            return i
    return None


# --- validating the pieces a figure brings -----------------------------------------------------

_FIGURE_FIELDS = {
    name: name
    for name in (
        *("period", "value", "unit", "status", "qualifier", "yoy", "subject", "subject_en"),
        *("quote", "note", "note_en"),
        *("source", "name", "name_en", "name_en_status", "theme"),
    )
}
_ARTICLE_FIELDS = {
    "title": "source_title",
    "published": "source_published",
    "url": "source_url",
    "text": "source_text",
}
_THEME_FIELDS = {"name": "theme_name", "name_en": "theme_name_en"}
_TARGET_FIELDS = {"actual": "tracks", "rate": "rate", "gap": "gap", "kind": "target_kind"}


@functools.cache
def _adapter(kind: Any) -> TypeAdapter[Any]:
    return TypeAdapter(kind)


def _valid(
    kind: Any,
    data: Any,
    where: tuple[str | int, ...],
    fields: Mapping[str, str],
    faults: list[Fault],
) -> Any:
    """*data* validated as *kind* (None, with its faults added, if it does not validate)."""
    try:
        return _adapter(kind).validate_python(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(s for s in error["loc"] if s != "[key]")
            message = str(error["msg"]).removeprefix("Value error, ")
            field = next(
                (fields[s] for s in reversed(loc) if isinstance(s, str) and s in fields), None
            )
            code = "G101" if "unknown unit" in message else "G100"
            faults.append(Fault(message, field, code, format_path(where + loc)))
        return None


_INDICATOR_FIELDS = {k: k for k in ("name", "name_en", "name_en_status", "theme", "unit", "stock")}
_KEPT = ("unit", "qualifier", "yoy", "quote", "note", "note_en", "subject_en")  # see `kept`
_UNWRITTEN = " (in what record would write; nothing written)"


def fields_named(problems: list[Problem], new: NewFigure, spelling: Spelling) -> list[Problem]:
    """Problems of what recording *new* would write, each named by the request's field at fault
    as *spelling* names it (`--quote`), not by its place in the unwritten file: a problem with a
    line is about the file as it is on disk, and stays as it is."""
    places = (
        (f"indicators.{new.indicator}.observations[", _FIGURE_FIELDS, True),
        (f"indicators.{new.indicator}.", _INDICATOR_FIELDS, False),
        (f"sources.{new.source}.", _ARTICLE_FIELDS, False),
        (f"themes.{new.theme}.", _THEME_FIELDS, False),
        ("targets[", _TARGET_FIELDS, False),
    )
    named = []
    for problem in problems:
        place = next((p for p in places if problem.path.startswith(p[0])), None)
        key = problem.path.rpartition(".")[2]
        kept_field = key in _KEPT and getattr(new, key) is None  # from the figure replaced
        if problem.line is not None and place is not None and place[2] and kept_field:
            message = f"{problem.message} (kept from the figure replaced: give {spelling(key)})"
            named.append(dataclasses.replace(problem, message=message))
            continue
        if problem.line is not None or place is None or key not in place[1]:
            named.append(problem)
            continue
        option = spelling(place[1][key])
        message = problem.message.removesuffix(_UNWRITTEN).removeprefix(f"{option}: ")
        where = "in the figure you gave; " if place[2] else ""
        message = f"{option}: {message} ({where}nothing written)"
        named.append(dataclasses.replace(problem, path="", message=message))
    return named


# --- planning and applying one figure -----------------------------------------------------------


@dataclass(frozen=True)
class FigureEdit:
    """One figure planned against a dataset: the validated pieces, and where they go."""

    indicator: str
    period: Period
    figure: Figure
    new_indicator: Indicator | None  # with the figure in it
    replaces: int | None  # the index of the figure replaced
    article: tuple[str, Article] | None
    theme: tuple[str, Theme] | None
    target: Target | None  # a new target link
    tracks: str | None = None
    quoted: dict[str, str] = field(default_factory=dict)  # rate/gap/kind of the tracked targets
    relations: tuple[Any, ...] = ()
    summary: str = ""


def plan(
    dataset: Dataset,
    new: NewFigure,
    replace: bool,
    spelling: Spelling,
    coming: frozenset[str] = frozenset(),
) -> FigureEdit:
    """Plan recording *new* in *dataset*: every refusal (`Refused`) comes here. *coming*: the
    indicators figures recorded after this one bring (which it may track)."""
    try:
        period = parse_period(new.period)
    except PeriodError as exc:
        raise _refuse(str(exc), "period") from None
    subject = new.subject or None  # an empty subject means no subject
    sources = dataset.sources
    if new.source and new.source not in sources and not (new.source_title and new.source_published):
        known = ", ".join(sources) or "none"
        raise _refuse(
            f"no source {new.source!r} (known: {known}); add it with `ganxian record … "
            f"--source {new.source} --source-title TITLE --source-published YYYY-MM` or a "
            f"[sources.{new.source}] table"
        )
    indicator = dataset.indicators.get(new.indicator)
    if indicator is None:
        missing = [key for key in ("name", "name_en", "theme", "unit") if not getattr(new, key)]
        if missing:
            message = (
                f"no indicator {new.indicator!r}; to create it give "
                f"{', '.join(map(spelling, missing))}"
            )
            raise Refused([Fault(message, unknown_indicator=new.indicator)], usage=True)
    elif new.name or new.name_en or new.theme:
        raise _refuse(
            f"{new.indicator} exists already; {spelling('name')}, {spelling('name_en')} "
            f"and {spelling('theme')} are only for new indicators"
        )
    elif new.stock and not indicator.stock:
        raise _refuse(
            f"{new.indicator} exists already and is not a stock; {spelling('stock')} is only "
            "for new indicators (mark the file's indicator stock = true to change it)",
            "stock",
        )
    if indicator is None and new.theme not in dataset.themes and not new.theme_name:
        known = ", ".join(dataset.themes) or "none"
        raise _refuse(f"unknown theme {new.theme!r}{_meant(new.theme, dataset.themes)} "
                      f"(known: {known}; a new theme needs {spelling('theme_name')} and "
                      f"{spelling('theme_name_en')})", "theme")  # fmt: skip
    unit = new.unit if indicator is None else indicator.unit
    assert unit is not None  # a new indicator without a unit is refused above
    same = same_figure(dataset, new.indicator, period, new.status, subject, new.source)
    if same is not None and replace:  # what the request does not give, the figure keeps
        assert indicator is not None
        new = kept(new, indicator.observations[same])
    figure_data: dict[str, Any] = {"period": period, "value": _value(new, new.unit or unit)}
    if new.unit and new.unit != unit:
        figure_data["unit"] = new.unit
    figure_data["status"] = new.status
    figure_data["qualifier"] = new.qualifier or "exact"
    if new.yoy is not None:
        figure_data["yoy"] = parse_number(new.yoy, "yoy")
    for key in ("quote", "note", "note_en", "source"):
        if getattr(new, key):
            figure_data[key] = getattr(new, key)
    if subject:
        figure_data["subject"] = subject
        if new.subject_en:
            figure_data["subject_en"] = new.subject_en
    elif new.subject_en:
        raise _refuse(f"is the English name of {spelling('subject')}; give both", "subject_en")
    if new.target_kind == "list":
        with declared(dataset.declared_units):
            counted = get_unit(new.unit or unit)
        if counted.kind is not Kind.COUNT:
            raise _refuse(list_of_items(new.indicator, counted.symbol), "target_kind")
    if same is not None and not replace:
        assert indicator is not None
        old = indicator.observations[same]
        message = (
            f"{new.indicator} already has {'an' if new.status == 'actual' else 'a'} {new.status}"
            f" figure for {period}: {old.value}{old.unit or unit}; use {spelling('replace')} to "
            "change it"
        )
        where: tuple[str | int, ...] = ("indicators", new.indicator, "observations", same)
        raise Refused([Fault(message, at=where)], usage=False)  # the data refuse it: status 1
    if new.tracks and new.status != "target" and not _list_size(new):
        raise _refuse(
            f"{spelling('tracks')} links a target; use it with {spelling('status')} target "
            f"(or, on the actual count of a list's items, with {spelling('target_kind')} list)"
        )
    if new.target_kind and not new.tracks:
        raise _refuse(f"is a target's kind: use it with {spelling('tracks')}", "target_kind")
    if (new.rate or new.gap) and not new.tracks:
        raise _refuse(
            f"{spelling('rate')} and {spelling('gap')} belong to a target: use them with "
            f"{spelling('tracks')}"
        )
    if (
        new.tracks
        and _IDENT.fullmatch(new.tracks)
        and new.tracks not in {*dataset.indicators, *coming, new.indicator}
    ):
        meant = _meant(new.tracks, dataset.indicators)
        raise _refuse(f"unknown indicator {new.tracks!r}{meant}", "tracks")
    faults: list[Fault] = []
    with declared(dataset.declared_units):
        if indicator is None:
            fresh: dict[str, Any] = {
                "name": new.name,
                "name_en": new.name_en,
                "theme": new.theme,
                "unit": unit,
            }
            if new.name_en_status:
                fresh["name_en_status"] = new.name_en_status
            if new.stock:
                fresh["stock"] = True
            made = _valid(
                dict[Ident, Indicator],
                {new.indicator: {**fresh, "observations": [figure_data]}},
                ("indicators",),
                _FIGURE_FIELDS,
                faults,
            )
            new_indicator: Indicator | None = None if made is None else made[new.indicator]
            figure = None if new_indicator is None else new_indicator.observations[0]
        else:
            new_indicator = None
            at = len(indicator.observations) if same is None else same
            where = ("indicators", new.indicator, "observations", at)
            figure = _valid(Figure, figure_data, where, _FIGURE_FIELDS, faults)
    article = _article(dataset, new, faults)
    theme = _theme(dataset, new, faults)
    target, quoted = _target(dataset, new, period, faults)
    relations = _relations(dataset, new, period, subject, faults)
    if faults or figure is None:
        raise Refused(faults, usage=False)
    if new_indicator is not None and dataset.declared_units:
        new_indicator._declared = dataset.declared_units
    action = f"new indicator {new.indicator}" if indicator is None else new.indicator
    verb = "added" if same is None else "replaced"
    action += f": {verb} {new.status} figure for {period}"
    if target is not None:
        action += f", tracked by {new.tracks}"
    if article is not None:
        action += f", new source {article[0]}"
    if theme is not None:
        action += f", new theme {theme[0]}"
    for relation in relations:
        action += f", {relation.kind} {relation.whole}"
    said = [key for key in quoted if key != "kind"]
    if said:
        action += ", with its quoted " + " and ".join(said)
    if new.target_kind:
        action += f", a target of kind {new.target_kind}"
    return FigureEdit(
        new.indicator,
        period,
        figure,
        new_indicator,
        same,
        article,
        theme,
        target,
        new.tracks,
        quoted,
        relations,
        action,
    )


def _article(dataset: Dataset, new: NewFigure, faults: list[Fault]) -> tuple[str, Article] | None:
    if not new.source or new.source in dataset.sources:
        return None
    article = {"title": new.source_title, "published": new.source_published}
    if new.source_url:
        article["url"] = new.source_url
    if new.source_text:
        article["text"] = new.source_text
    made = _valid(
        dict[Ident, Article], {new.source: article}, ("sources",), _ARTICLE_FIELDS, faults
    )
    return None if made is None else (new.source, made[new.source])


def _theme(dataset: Dataset, new: NewFigure, faults: list[Fault]) -> tuple[str, Theme] | None:
    if not (new.theme and new.theme not in dataset.themes and new.theme_name and new.theme_name_en):
        return None
    theme = {"name": new.theme_name, "name_en": new.theme_name_en}
    made = _valid(dict[Ident, Theme], {new.theme: theme}, ("themes",), _THEME_FIELDS, faults)
    return None if made is None else (new.theme, made[new.theme])


def _target(
    dataset: Dataset, new: NewFigure, period: Period, faults: list[Fault]
) -> tuple[Target | None, dict[str, str]]:
    """A new target link for *new* (None if there is one), and what it sets on the target:
    the quoted rate and gap, and its kind."""
    if not new.tracks:
        return None, {}
    quoted = {key: value for key in ("rate", "gap") if (value := getattr(new, key))}
    if new.target_kind:
        quoted["kind"] = new.target_kind
    ref = f"{new.indicator}@{period}#{new.status}"  # a list's size may be an actual count
    exists = any(t.target == ref for t in dataset.targets)
    if exists and not quoted:
        return None, {}
    data = {"target": ref, "actual": new.tracks, **quoted}
    target = _valid(Target, data, ("targets", len(dataset.targets)), _TARGET_FIELDS, faults)
    return (None if exists else target), quoted


def _meant(value: str | None, known: Mapping[str, Any]) -> str:
    """`; did you mean X?` for the known id closest to a mistyped *value*, else nothing."""
    import difflib

    close = difflib.get_close_matches(value or "", list(known), n=1, cutoff=0.6)
    return f"; did you mean {close[0]}?" if close else ""


def kept(new: NewFigure, old: Figure) -> NewFigure:
    """*new*, a replacement of the figure *old*, with what it does not give taken from *old*:
    its unit, qualifier, growth, quote, note and subject's English name."""
    return dataclasses.replace(
        new,
        unit=new.unit or old.unit,
        qualifier=new.qualifier or old.qualifier,
        yoy=old.yoy if new.yoy is None else new.yoy,
        quote=new.quote or old.quote,
        note=new.note or old.note,
        note_en=new.note_en or old.note_en,
        subject_en=new.subject_en or old.subject_en,
    )


def list_of_items(indicator: str, unit: str) -> str:
    """Why a target of kind list must count items."""
    return (
        f'"list" is a fixed list of items to complete, but {indicator} is in {unit}, not a '
        "count of items; a plan in an amount is annual (the default)"
    )


def _list_size(new: NewFigure) -> bool:
    """*new* is the actual count of a fixed list's items (23 key projects), the target of a
    target of kind list."""
    return new.target_kind == "list" and new.status == "actual"


def _relations(
    dataset: Dataset, new: NewFigure, period: Period, subject: str | None, faults: list[Fault]
) -> tuple[Any, ...]:
    ref = f"{new.indicator}{{{subject}}}" if subject else new.indicator
    ref += f"@{period}#{new.status}"
    found: list[Any] = []
    for kind, whole, key in (("within", new.within, "within"), ("share", new.share_of, "share_of")):
        if not whole:
            continue
        data = (
            {"kind": "within", "parts": [ref], "whole": whole}
            if kind == "within"
            else {"kind": "share", "part": ref, "whole": whole}
        )
        where = ("relations", len(dataset.relations) + len(found))
        relation = _valid(Relation, data, where, {"whole": key}, faults)
        if relation is not None and relation not in dataset.relations:
            found.append(relation)
    return tuple(found)


class DatasetEdit:
    """A dataset that figures go into one by one (each planned against the one before);
    `result` is the new dataset, assembled once."""

    def __init__(self, dataset: Dataset) -> None:
        # A target names one figure for good: pinned, figures recorded now cannot make it vague.
        targets = [
            t.model_copy(update={"target": pin(resolve(dataset, t.target))})
            for t in dataset.targets
        ]
        self._current = dataset.model_copy(update={"targets": targets})
        self.changed = False
        self.coming: frozenset[str] = frozenset()  # indicators figures still to come bring

    @property
    def current(self) -> Dataset:
        """The dataset so far (which figures no longer count is worked out by `result`)."""
        return self._current

    def record(self, new: NewFigure, replace: bool, spelling: Spelling) -> str:
        """Put *new* in (see `plan`); say what changed. A refusal changes nothing."""
        edit = plan(self._current, new, replace, spelling, self.coming)
        self._current = _applied(self._current, edit)
        self.changed = True
        return edit.summary

    def declare_units(self, units: Mapping[str, UnitDeclaration]) -> None:
        """Add the `[units]` entries of *units* (a draft's) the file does not declare yet, so
        that the figures after it may use them."""
        fresh = {s: d for s, d in units.items() if s not in self._current.units}
        if not fresh:
            return
        known = dict(self._current.declared_units)
        for symbol, d in fresh.items():
            known[symbol] = declare(symbol, d.family, d.factor, d.name_en, d.kind)
        dataset = self._current.model_copy(update={"units": {**self._current.units, **fresh}})
        indicators = {}
        for ident, indicator in dataset.indicators.items():
            copy = indicator.model_copy()
            copy._declared = known
            indicators[ident] = copy
        dataset = dataset.model_copy(update={"indicators": indicators})
        dataset._units = known  # as validation attaches them (`Dataset._with_declared_units`)
        dataset._superseded = self._current._superseded
        self._current = dataset
        self.changed = True

    def set_targets(self, targets: list[Target]) -> None:
        self._current = self._current.model_copy(update={"targets": targets})
        self.changed = True

    def result(self) -> Dataset:
        """The new dataset, in canonical order (as its text will list it)."""
        return canonical_order(self._current)


def _applied(dataset: Dataset, edit: FigureEdit) -> Dataset:
    indicators = dict(dataset.indicators)
    sources = dict(dataset.sources)
    if edit.article is not None:
        ident, article = edit.article
        only = dataset.default_source()
        if only is not None:  # a second article: the figures of the only one name it now
            for key, indicator in indicators.items():
                if any(f.source is None for f in indicator.observations):
                    observations = [
                        f if f.source is not None else f.model_copy(update={"source": only})
                        for f in indicator.observations
                    ]
                    indicators[key] = indicator.model_copy(update={"observations": observations})
        sources[ident] = article
    if edit.new_indicator is not None:
        indicators[edit.indicator] = edit.new_indicator
    else:
        indicator = indicators[edit.indicator]
        observations = list(indicator.observations)
        if edit.replaces is None:
            observations.append(edit.figure)
        else:
            observations[edit.replaces] = edit.figure
        indicators[edit.indicator] = indicator.model_copy(update={"observations": observations})
    themes = dict(dataset.themes)
    if edit.theme is not None:
        themes[edit.theme[0]] = edit.theme[1]
    targets = list(dataset.targets)
    if edit.target is not None:
        targets.append(edit.target)
    if edit.quoted:
        prefix = f"{edit.indicator}@"
        targets = [
            t.model_copy(update=edit.quoted)
            if t.target.startswith(prefix) and t.actual == edit.tracks
            else t
            for t in targets
        ]
    relations = [*dataset.relations, *edit.relations]
    return dataset.model_copy(
        update={
            "indicators": indicators,
            "sources": sources,
            "themes": themes,
            "targets": targets,
            "relations": relations,
        }
    )
