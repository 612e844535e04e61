"""`ganxian import`: add every figure of a reviewed draft in one locked, atomic, checked write.

All or nothing: problems are reported at the draft's own lines and nothing is written. A figure
already present with the same value is skipped and counted; another value needs *replace*.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from ..errors import DataError, Problem, UsageError
from ..model.english import SUBJECT_THEMES
from ..model.models import Dataset, UnitDeclaration
from ..model.periods import PeriodError, parse_period
from ..model.precision import agrees
from ..model.refs import resolve
from ..model.units import UNITS, Kind, Unit, UnknownUnitError, declare, get_unit
from ..model.units import declared as declared_units
from .loader import Loaded, decode, parse_toml, read_bytes
from .locate import LineIndex
from .record import (
    DatasetEdit,
    NewFigure,
    Refused,
    as_field,
    list_of_items,
    same_figure,
    text_path,
)
from .store import Checks, edit_file

_KEYS: dict[str, type | tuple[type, ...]] = {
    "indicator": str,
    "new_indicator": bool,
    "theme": str,
    "name": str,
    "name_en": str,
    "name_en_status": str,
    "value": (int, Decimal),
    "unit": str,
    "period": str,
    "status": str,
    "qualifier": str,
    "yoy": (int, Decimal),
    "subject": str,
    "subject_en": str,
    "quote": str,
    "note": str,
    "note_en": str,
    "stock": bool,
    "tracks": str,
    "target_kind": str,
    "source": str,
    "rate_of": str,
    "gap_of": str,
    "restates": int,
}
_REQUIRED = ("indicator", "value", "unit", "period")
_STATUS = ("actual", "forecast", "target")
_QUALIFIER = ("exact", "more_than", "nearly", "about")
_NAME_EN_STATUS = ("composed", "untranslated")
_TARGET_KIND = ("annual", "list")


DRAFT_VERSION = 1
DRAFT_KIND = "extract-draft"  # what `ganxian extract --format toml` writes
JSON_KIND = "extract"  # what `ganxian extract --format json` writes
# the fields of a JSON document's figure that a draft does not have: relation/relates_to
# become rate_of/gap_of (where `links` says a target is tracked by it), the others are dropped
_JSON_ONLY = ("relation", "relates_to", "links", "reason")


@dataclass(frozen=True)
class DraftFigure:
    """One figure of a draft, the line its table starts on and the line of each field."""

    index: int
    line: int
    fields: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> Any:
        return self.fields.get(key)

    def line_of(self, key: str | None) -> int:
        """The line of field *key* (the table's line for a field it does not have)."""
        return self.lines.get(key, self.line) if key else self.line


@dataclass(frozen=True)
class Imported:
    """What an import did (or, with dry run, would do)."""

    diff: str
    added: int
    replaced: int
    skipped: int
    written: bool
    linked: int = 0
    matches: tuple[str, ...] = ()  # per figure: the indicator it goes onto and why

    @property
    def summary(self) -> str:
        verb = "written" if self.written else "nothing written"
        links = f", {self.linked} linked to targets" if self.linked else ""
        return (
            f"{self.added} added, {self.replaced} replaced, {self.skipped} already present "
            f"(skipped){links}; {verb}"
        )


def row(index: int, key: str | None = None) -> str:
    """Where a draft's figure is, numbered as `extract` numbers its rows (from 1): figure #4,
    figure #4, unit."""
    return f"figure #{index + 1}" + (f", {key}" if key else "")


def read_draft(
    path: str, unit_lines: dict[str, int] | None = None
) -> tuple[list[DraftFigure], list[Problem], dict[str, UnitDeclaration]]:
    """The draft's figures, the problems of its tables, at the draft's lines (DataError for a
    draft that cannot be read at all), and the units its `[units]` declares (*unit_lines* gets
    the line of each). A unit the
    catalogue does not know may be one the data file or the draft declares: `unknown_units`
    decides, once the data file is read."""
    name = "<stdin>" if path == "-" else path
    text = decode(read_bytes(path), name)
    if text.lstrip().startswith("{"):
        data, index = _json_draft(text, name), None
        problems = _json_header_problems(data, name)
    else:
        data, index = parse_toml(text, name), LineIndex(text)
        problems = _header_problems(data, name, index)
    units = _draft_units(data, name, index, problems, {} if unit_lines is None else unit_lines)
    entries = data.get("figures")
    if not isinstance(entries, list) or not entries:
        raise DataError(
            [*problems, Problem("G100", "no [[figures]] in the draft", name, 1, None, "figures")]
        )
    if index is None:
        entries = _from_json(entries)
    figures: list[DraftFigure] = []
    for i, entry in enumerate(entries):
        line = (index.line_of(("figures", i)) if index else None) or 1
        if not isinstance(entry, dict):
            problems.append(Problem("G100", "expected a table", name, line, None, row(i)))
            continue
        lines = {key: (index.line_of(("figures", i, key)) if index else None) or line
                 for key in entry}  # fmt: skip
        figure = DraftFigure(i, line, entry, lines)
        problems.extend(
            Problem("G101" if key == "unit" and "unknown unit" in message else "G100", message,
                    name, figure.line_of(key), None, row(i, key))
            for key, message in _check_entry(entry)
        )  # fmt: skip
        figures.append(figure)
    return figures, problems, units


def _draft_units(
    data: dict[str, Any],
    name: str,
    index: LineIndex | None,
    problems: list[Problem],
    lines: dict[str, int],
) -> dict[str, UnitDeclaration]:
    """The draft's `[units."SYMBOL"]` tables (a JSON document's `units`), as a data file's,
    each checked; *lines* gets the draft's line of each."""
    table = data.get("units", {})
    if not isinstance(table, dict):
        line = (index.line_of(("units",)) if index else None) or 1
        problems.append(Problem("G100", "expected a table of units", name, line, None, "units"))
        return {}
    units: dict[str, UnitDeclaration] = {}
    for symbol, spec in table.items():
        line = lines[symbol] = (index.line_of(("units", symbol)) if index else None) or 1
        where = f"units.{symbol}"
        if symbol in UNITS:
            message = f"unit {symbol} is built in and cannot be redefined"
            problems.append(Problem("G100", message, name, line, None, where))
            continue
        try:
            units[symbol] = UnitDeclaration.model_validate(spec)
        except ValidationError as exc:
            said = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'unit'}: {e['msg']}" for e in exc.errors()
            )
            problems.append(Problem("G100", said, name, line, None, where))
    return units


def conflicting_units(
    dataset: Dataset,
    units: Mapping[str, UnitDeclaration],
    draft: str,
    lines: Mapping[str, int] | None = None,
) -> list[Problem]:
    """A problem, at the draft's line (*lines*), for each unit the data file declares otherwise
    (another family, factor or kind; the English name and how the factor is written do not
    count)."""
    lines = lines or {}
    problems = []
    for symbol, d in units.items():
        have = dataset.units.get(symbol)
        if have is None or _meaning(have) == _meaning(d):
            continue
        message = (
            f"unit {symbol} is declared otherwise by the data file ({_shown(have)}; the draft: "
            f"{_shown(d)})"
        )
        problems.append(Problem("G100", message, draft, lines.get(symbol, 1), None,
                                f"units.{symbol}"))  # fmt: skip
    return problems


def _meaning(d: UnitDeclaration) -> tuple[str, Decimal, str]:
    unit = declare("", d.family, d.factor, d.name_en, d.kind)  # a kind left out, as settled
    return unit.family, unit.scale.normalize(), unit.kind.value


def _shown(d: UnitDeclaration) -> str:
    return f"family {d.family}, factor {d.factor}" + (f", kind {d.kind}" if d.kind else "")


def _header_problems(data: dict[str, Any], name: str, index: LineIndex) -> list[Problem]:
    """A draft of another format or version is refused: its figures may mean something else."""
    problems = []
    for key, expected in (("schema_version", DRAFT_VERSION), ("kind", DRAFT_KIND)):
        if key not in data:
            continue  # a draft written by hand may leave its header out
        value = data[key]
        if type(value) is not type(expected) or value != expected:
            message = f"a draft with {key} = {expected!r} is expected, not {value!r}"
            line = index.line_of((key,)) or 1
            problems.append(Problem("G100", message, name, line, None, key))
    return problems


def _json_draft(text: str, name: str) -> dict[str, Any]:
    """The `extract --format json` document *text* (numbers as exact Decimals)."""
    import json

    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        problem = Problem("G100", f"not a JSON document: {exc}", name, 1, None, "")
        raise DataError([problem]) from None
    if not isinstance(data, dict):
        raise DataError([Problem("G100", "expected a JSON object", name, 1, None, "")])
    return data


def _json_header_problems(data: dict[str, Any], name: str) -> list[Problem]:
    """A JSON document of another kind is refused (its version is the extract document's)."""
    kind = data.get("kind")
    if kind != JSON_KIND or not isinstance(data.get("schema_version"), int):
        message = f"a JSON draft is the document `extract --format json` writes, not kind {kind!r}"
        return [Problem("G100", message, name, 1, None, "kind")]
    return []


def _from_json(entries: list[Any]) -> list[Any]:
    """JSON figures as a draft's tables: no null fields; a rate or gap of an indicator the file
    has as rate_of/gap_of (as the TOML draft writes it)."""
    new = {e.get("indicator") for e in entries if isinstance(e, dict) and e.get("new_indicator")}
    tables: list[Any] = []
    for entry in entries:
        if not isinstance(entry, dict):
            tables.append(entry)
            continue
        out = {k: v for k, v in entry.items() if v is not None and k not in _JSON_ONLY}
        relation, target = entry.get("relation"), entry.get("relates_to")
        links = entry.get("links", target not in new)  # documents of version 1 have none
        if relation in ("rate", "gap") and isinstance(target, str) and links is True:
            out[f"{relation}_of"] = target
        tables.append(out)
    return tables


_WANTED: dict[type | tuple[type, ...], str] = {
    bool: "expected true or false (without quotes)",
    str: "expected a string (in quotes)",
    (int, Decimal): "expected a number (without quotes)",
    int: "expected a whole number (without quotes)",
}


def _one_of(value: str, choices: tuple[str, ...]) -> str:
    """`expected one of annual, list; did you mean list?` for a mistyped choice."""
    import difflib

    said = f"expected one of {', '.join(choices)}"
    folded = {c.casefold(): c for c in choices}
    close = folded.get(value.casefold()) or next(
        iter(difflib.get_close_matches(value, choices, n=1)), None
    )
    return f"{said}; did you mean {close}?" if close else said


def _check_entry(entry: dict[str, Any]) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for key, value in entry.items():
        kind = _KEYS.get(key)
        if kind is None:
            found.append((key, f"unknown field (known: {', '.join(_KEYS)})"))
        elif (isinstance(value, bool) and kind is not bool) or not isinstance(value, kind):
            found.append((key, _WANTED.get(kind, "wrong type")))
    found.extend((key, "missing field") for key in _REQUIRED if key not in entry)
    if found:
        return found
    try:
        parse_period(entry["period"])
    except PeriodError as exc:
        found.append(("period", str(exc)))
    if entry.get("status", "actual") not in _STATUS:
        found.append(("status", _one_of(entry["status"], _STATUS)))
    if entry.get("qualifier", "exact") not in _QUALIFIER:
        found.append(("qualifier", _one_of(entry["qualifier"], _QUALIFIER)))
    if entry.get("name_en_status", "composed") not in _NAME_EN_STATUS:
        found.append(("name_en_status", _one_of(entry["name_en_status"], _NAME_EN_STATUS)))
    if entry.get("target_kind", "annual") not in _TARGET_KIND:
        found.append(("target_kind", _one_of(entry["target_kind"], _TARGET_KIND)))
    elif "target_kind" in entry and (entry.get("status", "actual"), entry["target_kind"]) not in (
        ("target", "annual"),
        ("target", "list"),
        ("actual", "list"),
    ):
        found.append(
            ("target_kind", 'is a target\'s kind: use it on a figure of status "target" '
             '(or "list" on the actual count of a list\'s items)')
        )  # fmt: skip
    return found


def restated(figures: list[DraftFigure], draft: str) -> tuple[list[DraftFigure], list[Problem]]:
    """The figures to record: one with `restates = N` (a less precise print of the draft's
    figure N, 45.3亿元 for 452871万元) is left out once it agrees with figure N: same period,
    and its value is figure N's rounded to its own last digit."""
    keep: list[DraftFigure] = []
    problems: list[Problem] = []
    for figure in figures:
        other = figure.get("restates")
        if other is None:
            keep.append(figure)
            continue
        target = figures[other] if isinstance(other, int) and 0 <= other < len(figures) else None
        if target is None or target.index != other or target is figure:
            message = f"restates = {other}: no other figure {other} in this draft"
        elif target.get("restates") is not None:
            message = f"restates = {other}: figure {other} restates another figure itself"
        elif target.get("period") != figure.get("period"):
            message = (
                f"restates = {other}: figure {other} is for {target.get('period')}, "
                f"this one for {figure.get('period')}"
            )
        elif not agrees(
            Decimal(figure.get("value")),
            figure.get("unit"),
            Decimal(target.get("value")),
            target.get("unit"),
        ):
            message = (
                f"restates = {other}: {figure.get('value')}{figure.get('unit')} is not "
                f"{target.get('value')}{target.get('unit')} rounded; correct one of them or "
                "remove the key to record both"
            )
        else:
            continue  # one figure, recorded as figure N
        problems.append(_problem(draft, figure, message, key="restates"))
    return keep, problems


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
                where = row(figure.index, "unit")
                problems.append(
                    Problem("G101", str(exc), draft, figure.line_of("unit"), None, where)
                )
    return problems


@dataclass(frozen=True)
class NewSource:
    """The article of `import --source ID` when the file has no [sources.ID] yet."""

    title: str | None = None
    published: str | None = None
    text: str | None = None  # relative to the data file's folder (`record.text_path`)


def _subjects_in_english(dataset: Dataset) -> dict[str, str]:
    """The English name the file gives each subject (the last one given)."""
    return {
        f.subject: f.subject_en
        for _, _, _, f in dataset.figures()
        if f.subject is not None and f.subject_en
    }


def _new_figure(
    dataset: Dataset,
    figure: DraftFigure,
    source: str | None,
    article: NewSource,
    english: dict[str, str],
) -> NewFigure:
    """The draft's figure as `record` takes one; a subject the file names in English elsewhere
    gets that English name unless the draft gives one."""
    ident = figure.get("indicator")
    is_new = ident not in dataset.indicators
    theme = figure.get("theme") if is_new else None
    theme_names = SUBJECT_THEMES.get(theme or "") if theme not in dataset.themes else None
    value = figure.get("value")
    yoy = figure.get("yoy")
    return NewFigure(
        indicator=ident,
        period=figure.get("period"),
        value=Decimal(value),
        unit=figure.get("unit"),
        status=figure.get("status") or "actual",
        qualifier=figure.get("qualifier"),
        yoy=None if yoy is None else Decimal(yoy),
        subject=figure.get("subject"),
        subject_en=figure.get("subject_en") or english.get(figure.get("subject") or ""),
        quote=figure.get("quote"),
        note=figure.get("note"),
        note_en=figure.get("note_en"),
        stock=figure.get("stock") is True,
        name=figure.get("name") if is_new else None,
        name_en=figure.get("name_en") if is_new else None,
        name_en_status=figure.get("name_en_status") if is_new else None,
        theme=theme,
        theme_name=theme_names[0] if theme_names else None,
        theme_name_en=theme_names[1] if theme_names else None,
        tracks=figure.get("tracks"),
        target_kind=figure.get("target_kind") if figure.get("tracks") else None,
        source=figure.get("source") or source,
        source_title=article.title,
        source_published=article.published,
        source_text=article.text,
    )


def _target_ref(figure: DraftFigure) -> str:
    """The reference of the target that is *figure* (a list's size may be an actual)."""
    period = parse_period(figure.get("period"))
    return f"{figure.get('indicator')}@{period}#{figure.get('status') or 'actual'}"


def _tracked_by(dataset: Dataset, figure: DraftFigure) -> str | None:
    """The actual of the file's target that is *figure*, where the draft gives it a
    `target_kind` but no `tracks` (a later article's figure of a target the file has)."""
    if figure.get("target_kind") is None or figure.get("tracks"):
        return None
    ref = _target_ref(figure)
    return next((t.actual for t in dataset.targets if t.target == ref), None)


def _problem(
    draft: str, figure: DraftFigure, message: str, code: str = "G100", key: str | None = None
) -> Problem:
    """A problem of *figure*, at the line of its field *key* (of its table, without one)."""
    where = row(figure.index, key)
    return Problem(code, message, draft, figure.line_of(key), None, where)


def merge(
    edit: DatasetEdit,
    figures: list[DraftFigure],
    draft: str,
    replace: bool,
    source: str | None = None,
    article: NewSource | None = None,
    said: list[str] | None = None,
) -> tuple[int, int, int]:
    """Put the draft's figures into *edit*, each planned as `record` plans one: (added,
    replaced, skipped). Every figure's problems are reported at once, at the draft's lines.
    *said* gets one line per figure: the indicator it goes onto and why."""
    problems: list[Problem] = []
    added = replaced = skipped = 0
    english = _subjects_in_english(edit.current)
    for figure in figures:
        dataset = edit.current
        ident = figure.get("indicator")
        if said is not None:
            said.append(match_line(dataset, figure, draft))
        if ident not in dataset.indicators:
            missing = [k for k in ("name", "name_en", "theme") if not figure.get(k)]
            if missing:
                problems.append(
                    _problem(draft, figure, f"new indicator {ident!r} needs {', '.join(missing)}")
                )
                continue
            theme = figure.get("theme")
            if theme not in dataset.themes and theme not in SUBJECT_THEMES:
                known = ", ".join(dataset.themes)
                problems.append(
                    _problem(
                        draft,
                        figure,
                        f"unknown theme {figure.get('theme')!r} (known: {known})",
                    )
                )
                continue
        new = _new_figure(dataset, figure, source, article or NewSource(), english)
        same = same_figure(
            dataset,
            ident,
            parse_period(new.period),
            new.status,
            new.subject,
            new.source,
            any_article=True,  # a figure naming no article: whose is it? --replace says
        )
        if same is not None:
            indicator = dataset.indicators[ident]
            existing = indicator.observations[same]
            unit = existing.unit or indicator.unit
            if (existing.value, unit) == (Decimal(figure.get("value")), figure.get("unit")):
                skipped += 1
                continue
            if not replace:
                problems.append(
                    _problem(
                        draft,
                        figure,
                        f"{ident} already has {existing.value}{unit} for {figure.get('period')}; "
                        + (
                            "give --replace to change it"
                            if new.source
                            else "a later article's figure: give --source ID (with "
                            "--source-title and --source-published for an article the file "
                            "lacks); a correction: give --replace"
                        ),
                    )
                )
                continue
        try:
            edit.record(new, replace, as_field)
        except Refused as exc:
            problems.extend(
                _problem(draft, figure, fault.message, fault.code, fault.field)
                for fault in exc.faults
            )
            continue
        if same is None:
            added += 1
        else:
            replaced += 1
    if problems:
        raise DataError(problems)
    return added, replaced, skipped


def match_line(dataset: Dataset, figure: DraftFigure, draft: str) -> str:
    """Where *figure* goes and why: onto an indicator the file has (its name, unit and the
    subject its figures have), or a new indicator (its English and theme); a warning where
    the subject is not named in the quote, or is not the one the indicator's figures have."""
    ident = figure.get("indicator")
    at = f"{draft}:{figure.line}: #{figure.index + 1} {figure.get('name') or ident}"
    at += f" {figure.get('value')}{figure.get('unit')} ({figure.get('period')})"
    subject = figure.get("subject")
    whose = f"subject {subject}" if subject else "no subject (the region's)"
    quote = figure.get("quote")
    warning = ""
    if subject and isinstance(quote, str) and quote and subject not in quote:
        warning = f"; warning: the quote does not name {subject}"
    kind = figure.get("target_kind")
    if kind and not figure.get("tracks") and _tracked_by(dataset, figure) is None:
        warning += (
            f"; warning: target_kind {kind} not recorded: no target yet (give tracks = ACTUAL, the "
            "indicator whose figures count towards it)"
        )
    indicator = dataset.indicators.get(ident)
    if indicator is None:
        if figure.get("stock") is True:
            warning = ", a stock (levels at each period's end)" + warning
        mark = {"composed": " (composed)", "untranslated": " [untranslated]"}.get(
            figure.get("name_en_status") or "", ""
        )
        theme = figure.get("theme")
        made = "" if theme in dataset.themes else " (new theme)"
        return (
            f"{at} -> new indicator {ident}: {figure.get('name_en')!r}{mark}, theme {theme}"
            f"{made}, {whose}{warning}"
        )
    subjects = {f.subject for f in indicator.observations}
    unit = figure.get("unit")
    reasons = [f"name {indicator.name}", f"unit {indicator.unit}"]
    if unit != indicator.unit:
        reasons[-1] = f"unit {unit} (its {indicator.unit})"
    if subject in subjects or not subjects:
        reasons.append(f"{whose} as its figures")
    else:
        theirs = ", ".join(sorted(s or "the region" for s in subjects))
        warning += f"; warning: {whose}, but its figures are of {theirs}"
    return f"{at} -> {ident}: by {', '.join(reasons)}{warning}"


def link_rates(edit: DatasetEdit, figures: list[DraftFigure], draft: str) -> int:
    """Set a target's `rate` or `gap` from figures with `rate_of`/`gap_of` = its actual's id;
    how many were set."""
    targets = list(edit.current.targets)
    problems: list[Problem] = []
    linked = 0
    for figure in figures:
        for key, name in (("rate_of", "rate"), ("gap_of", "gap")):
            actual = figure.get(key)
            if actual is None:
                continue
            ident = figure.get("indicator")
            found = [n for n, t in enumerate(targets) if t.actual == actual]
            if not found:
                problems.append(
                    _problem(draft, figure, f"{key}: no target is tracked by {actual!r}; "
                             "give its target figure `tracks`, or remove the key")
                )  # fmt: skip
                continue
            for n in found:
                now = getattr(targets[n], name)
                if now not in (None, ident):
                    problems.append(
                        _problem(draft, figure, f"{key}: the target of {actual!r} already has "
                                 f"{name} = {now!r}")
                    )  # fmt: skip
                elif now is None:
                    targets[n] = targets[n].model_copy(update={name: ident})
                    linked += 1
    if problems:
        raise DataError(problems)
    if linked:
        edit.set_targets(targets)
    return linked


def set_target_kinds(edit: DatasetEdit, figures: list[DraftFigure], draft: str) -> None:
    """A figure's `target_kind` set on the file's target that is that figure (tracked by its
    `tracks`, where it gives one): a later article's figure of a target the file has, or a
    figure already present, skipped. A list must count items (refused at the draft's line)."""
    dataset = edit.current
    targets = list(dataset.targets)
    changed = False
    problems: list[Problem] = []
    for figure in figures:
        kind = figure.get("target_kind")
        if kind is None:
            continue
        ref, tracks = _target_ref(figure), figure.get("tracks")
        for n, target in enumerate(targets):
            if target.target == ref and target.kind != kind and tracks in (None, target.actual):
                unit = resolve(dataset, target.target).unit
                if kind == "list" and unit.kind is not Kind.COUNT:
                    message = list_of_items(figure.get("indicator"), unit.symbol)
                    problems.append(_problem(draft, figure, message, key="target_kind"))
                    continue
                targets[n] = target.model_copy(update={"kind": kind})
                changed = True
    if problems:
        raise DataError(problems)
    if changed:
        edit.set_targets(targets)


def _at_draft_lines(
    problems: list[Problem],
    result: Dataset,
    figures: list[DraftFigure],
    draft: str,
    before: Dataset | None = None,
) -> list[Problem]:
    """Problems in figures the draft brought (and in the targets and indicators they bring,
    which *before*, the data file as it was, lacks), moved to the draft's figures and lines."""
    before_indicators = set(before.indicators) if before is not None else set(result.indicators)
    before_targets = {t.target for t in (before or result).targets}
    where: dict[str, DraftFigure] = {}
    for figure in figures:
        indicator = result.indicators.get(figure.get("indicator"))
        if indicator is None:
            continue
        period = parse_period(figure.get("period"))
        for k, existing in enumerate(indicator.observations):
            if existing.period == period and existing.subject == figure.get("subject"):
                where[f"indicators.{figure.get('indicator')}.observations[{k}]"] = figure
    # a target the draft's figure is, and an indicator it brings: at that figure's field
    fields: dict[str, tuple[DraftFigure, str | None]] = {}
    refs = {_target_ref(figure): figure for figure in figures if figure.get("tracks")}
    for k, target in enumerate(result.targets):
        if target.target in refs and target.target not in before_targets:
            fields[f"targets[{k}]"] = (refs[target.target], "tracks")
    for figure in reversed(figures):  # the first figure that brings it
        if figure.get("indicator") not in before_indicators:
            fields[f"indicators.{figure.get('indicator')}"] = (figure, None)
    moved: list[Problem] = []
    for p in problems:
        prefix = next((k for k in where if p.path == k or p.path.startswith(k + ".")), None)
        if prefix is not None:
            moved.append(_problem(draft, where[prefix], p.message, p.code))
            continue
        place = next((k for k in fields if p.path.startswith(k + ".")), None)
        if place is None:
            moved.append(_with_figures(p, result, figures))
            continue
        figure, key = fields[place]
        named = p.path.removeprefix(place + ".").split(".")[0].split("[")[0]
        field = key if place.startswith("targets[") and named == "actual" else named
        if field not in figure.fields:
            field = key if key in figure.fields else None
        moved.append(_problem(draft, figure, p.message, p.code, field))
    return moved


_AT = re.compile(r"(indicators\.([a-z][a-z0-9_]*)|relations\[(\d+)\])")


def _with_figures(problem: Problem, result: Dataset, figures: list[DraftFigure]) -> Problem:
    """A problem of the data file that the draft's figures take part in (a relation between
    them, a quoted rate of their target) says which: `(with the draft's figure #5)`."""
    m = _AT.match(problem.path)
    if m is None:
        return problem
    involved: set[str] = set()
    if m.group(2):
        involved.add(m.group(2))
        for t in result.targets:  # a quoted rate or gap: of the target and its actual
            if m.group(2) in (t.rate, t.gap):
                involved.update((t.actual, _indicator_of(t.target)))
    elif int(m.group(3)) < len(result.relations):
        dumped = result.relations[int(m.group(3))].model_dump()
        for value in dumped.values():
            for ref in value if isinstance(value, list) else [value]:
                if isinstance(ref, str):
                    involved.add(_indicator_of(ref))
    numbers = [f"#{f.index + 1}" for f in figures if f.get("indicator") in involved]
    if not numbers:
        return problem
    said = f"{problem.message} (with the draft's figure {', '.join(numbers)})"
    return dataclasses.replace(problem, message=said)


def _indicator_of(ref: str) -> str:
    """The indicator id a reference (x@2022#target, x{subject}@2022) names."""
    return re.split(r"[@{]", ref, maxsplit=1)[0]


def import_draft(
    path: str,
    draft: str,
    replace: bool,
    dry_run: bool,
    checks: Checks,
    source: str | None = None,
    article: NewSource | None = None,
) -> Imported:
    """Merge the draft into the data file at *path*: every figure or none. *article*: the
    source to add as [sources.*source*] where the file has none of that id."""
    if path == "-":
        raise UsageError("import needs a data file, not standard input")
    article = article or NewSource()
    if article.text:
        article = NewSource(article.title, article.published, text_path(path, article.text))
    said: list[str] = []
    unit_lines: dict[str, int] = {}
    figures, problems, units = read_draft(draft, unit_lines)
    draft_name = "<stdin>" if draft == "-" else draft
    if not problems:
        figures, wrong = restated(figures, draft_name)
        problems = problems + wrong
    counts: dict[str, int] = {}

    original: list[Dataset] = []

    def edit(loaded: Loaded) -> tuple[Dataset, str]:
        original[:] = [loaded.dataset]
        known = dict(loaded.dataset.declared_units)
        for symbol, d in units.items():  # the draft's own, where the file has none of the name
            known.setdefault(symbol, declare(symbol, d.family, d.factor, d.name_en, d.kind))
        unknown = unknown_units(figures, known, draft_name)
        unknown += conflicting_units(loaded.dataset, units, draft_name, unit_lines)
        if problems or unknown:  # every problem of the draft in one run, in its line order
            raise DataError(sorted([*problems, *unknown], key=lambda p: p.line or 0))
        change = DatasetEdit(loaded.dataset)
        change.coming = frozenset(f.get("indicator") for f in figures)
        used = {f.get("unit") for f in figures}
        change.declare_units({s: d for s, d in units.items() if s in used})
        said.clear()
        added, replaced, skipped = merge(
            change, figures, draft_name, replace, source, article, said
        )
        linked = link_rates(change, figures, draft_name)
        set_target_kinds(change, figures, draft_name)
        counts.update(added=added, replaced=replaced, skipped=skipped, linked=linked)
        if not change.changed:
            return loaded.dataset, "import"
        return change.result(), "import"

    def locate(problems: list[Problem], dataset: Dataset) -> list[Problem]:
        return _at_draft_lines(problems, dataset, figures, draft_name, *original[:1])

    change = edit_file(path, edit, dry_run, checks, "import", locate)
    return Imported(
        change.diff,
        counts["added"],
        counts["replaced"],
        counts["skipped"],
        change.written,
        counts["linked"],
        tuple(said),
    )
