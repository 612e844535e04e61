"""Read-modify-write of a data file under a lock: `record`, `import` and `fmt`.

Each write parses and validates the file as found once, edits the typed dataset
(`record.DatasetEdit`, whose pieces are validated as they go in), runs the checks on the result,
renders its text once, and then only compares bytes: the temporary copy against what was meant,
the file on disk against what was read.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import DataError, Problem, UnknownIndicator, UsageError
from ..model.models import Dataset
from ..model.refs import RefError, index_of
from .atomic import atomic_replace, check_new_size, locked, read_snapshot, writable_target
from .loader import Checker, Loaded, decode, parse_text, read_bytes
from .record import DatasetEdit, NewFigure, Refused, Spelling, text_path
from .writer import Rendered, canonical_order, canonical_text, refuse_comments, unified_diff


@dataclass(frozen=True)
class Checks:
    """The checks a write runs: *essential* on the file as found, *complete* on the result."""

    essential: Checker
    complete: Checker


@dataclass(frozen=True)
class Change:
    """What a write did (or would do): the diff and a one-line summary."""

    diff: str
    summary: str
    written: bool


class _Unlocated(Loaded):
    """A loaded file whose problems are not placed on lines: the quick first run of a check."""

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        return None


def _errors(check: Checker, loaded: Loaded) -> list[Problem]:
    """The errors *check* finds in *loaded*.

    Warnings do not stop a write and are not shown, so a check runs first without placing its
    problems on lines (building a 4 MiB file's line index costs more than many checks); only
    when it finds an error does it run again, to report every error where it stands.
    """
    quick = check(_Unlocated(loaded.dataset, loaded.name, loaded.text))
    if not any(p.severity == "error" for p in quick):
        return []
    return [p for p in check(loaded) if p.severity == "error"]


def _check_result(dataset: Dataset, text: str, name: str, checks: Checks) -> None:
    """Refuse a result with errors: nothing invalid is ever written.

    *text* is `canonical_text(dataset)`, which reads back as *dataset* (tests/test_roundtrip.py),
    and *dataset* lists its figures in the text's order, so the checks run on *dataset* instead
    of parsing and validating *text* again; problems still point at the lines of *text*, as
    `validate` would show them.
    """
    problems = _errors(checks.complete, Loaded(dataset, name, text))
    if problems:
        raise DataError(problems)


def _canonical_text(dataset: Dataset, loaded: Loaded, memo: Rendered | None = None) -> str:
    """The canonical text; a target that no longer names one figure is a refused write."""
    try:
        return canonical_text(dataset, memo)
    except RefError as exc:
        line = None
        for n, target in enumerate(dataset.targets):
            with contextlib.suppress(IndexError):
                if target.target in str(exc):
                    line = loaded.line_of(("targets", n, "target"))
                    break
        raise DataError([Problem("G201", str(exc), loaded.name, line)]) from None


def _refuse_found_errors(loaded: Loaded, checks: Checks) -> None:
    """Refuse the file as found when it has errors of its own, reported where they stand."""
    problems = _errors(checks.essential, loaded)
    if problems:
        raise DataError(problems)


Edit = Callable[[Loaded], tuple[Dataset, str]]
"""A change to a data file: the loaded file in; the new dataset in canonical order
(`record.DatasetEdit.result`), or the loaded one itself for no change, and a one-line summary
out."""
Located = Callable[[list[Problem], Dataset], list[Problem]]
"""Moves problems of the result to where the user can fix them (e.g. a draft's lines)."""


def edit_file(
    path: str,
    edit: Edit,
    dry_run: bool,
    checks: Checks,
    command: str,
    locate: Located | None = None,
) -> Change:
    """Run *edit* on the data file under its lock; validate the result, then write it atomically.

    Nothing is written when the file has comments, the result has errors or grows past the cap,
    or the file changed behind ganxian's back (`atomic.atomic_replace` checks just before the
    rename). The diff and summary are returned either way.
    """
    if path == "-":
        raise UsageError(f"{command} needs a file, not standard input")
    target = writable_target(path)
    with locked(target):
        before = read_snapshot(target)
        text = decode(before.data, path)
        loaded = parse_text(text, path)
        # The result is checked in full before it is written, and it holds every figure of the
        # file: the file as found is checked only when the edit does not go ahead, so that a
        # refusal names the file's own errors first, where they stand.
        try:
            refuse_comments(text, path)
            new_text, summary = _result(loaded, edit, checks, command, locate)
        except Exception:
            _refuse_found_errors(loaded, checks)
            raise
        if new_text is None:
            return Change("", summary, False)
        diff = unified_diff(text, new_text, path)
        written = bool(diff) and not dry_run
        if written:
            atomic_replace(target, new_text.encode("utf-8"), before)
    return Change(diff, summary, written)


def _result(
    loaded: Loaded, edit: Edit, checks: Checks, command: str, locate: Located | None
) -> tuple[str | None, str]:
    """The text *edit* makes of the loaded file (None for no change) and its summary; a result
    with errors or over the size cap is refused."""
    path, text = loaded.name, loaded.text
    memo: Rendered = {}  # the indicators an edit leaves alone are rendered once
    canonical = _canonical_text(loaded.dataset, loaded, memo) == text
    try:
        dataset, summary = edit(loaded)
    except UnknownIndicator as exc:
        raise UnknownIndicator(f"{path}: {exc}", exc.indicator) from None
    except UsageError as exc:
        raise UsageError(f"{path}: {exc}") from None  # name the file, as refusals do
    if dataset is loaded.dataset:
        _refuse_found_errors(loaded, checks)  # no result to check: the file as found is
        return None, summary
    index_of(dataset, like=loaded.dataset)  # the indicators the edit left alone: as found
    new_text = _canonical_text(dataset, loaded, memo)
    if not canonical:
        summary += " (the file was not in canonical layout: it is reformatted too, see the diff)"
    check_new_size(path, new_text.encode("utf-8"))
    try:
        _check_result(dataset, new_text, path, checks)
    except DataError as exc:
        problems = exc.problems if locate is None else locate(exc.problems, dataset)
        raise DataError(lines_on_disk(problems, text, new_text, command, path)) from None
    return new_text, summary


def lines_on_disk(
    problems: list[Problem], old: str, new: str, command: str, path: str | None = None
) -> list[Problem]:
    """Problems of a refused result (*new*) placed in the file as it is on disk (*old*): a line
    the edit left alone is given its line on disk, wherever the change moved it; a line of the
    changed text, which was never written, gets no line number and says so. Problems of another
    file than *path* (a draft's) stay as they are."""
    a, b = old.split("\n"), new.split("\n")
    shortest = min(len(a), len(b))
    head = 0
    while head < shortest and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < shortest - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    # a line of *new* (from 1) -> its line on disk: the shared head and tail, then the lines
    # difflib matches in the changed middle only (it grows quadratically with what it compares)
    on_disk = {n: n for n in range(1, head + 1)}
    on_disk.update((len(b) - k, len(a) - k) for k in range(tail))
    middle = difflib.SequenceMatcher(None, a[head : len(a) - tail], b[head : len(b) - tail])
    for block in middle.get_matching_blocks():
        on_disk.update((head + block.b + k + 1, head + block.a + k + 1) for k in range(block.size))
    placed = []
    for problem in problems:
        line = problem.line
        if line is None or (path is not None and problem.file != path):
            placed.append(problem)
        elif line in on_disk:
            placed.append(dataclasses.replace(problem, line=on_disk[line]))
        else:
            said = (
                _SET_FIELD.sub(r"give --\1 \2", problem.message)
                if command == "record"
                else (problem.message)
            )  # the new figure's fields are record's options
            message = f"{said} (in what {command} would write; nothing written)"
            placed.append(dataclasses.replace(problem, line=None, column=None, message=message))
    return placed


_SET_FIELD = re.compile(r'set (qualifier|status|unit|period) = "([^"]*)"')


def option(name: str) -> str:
    """A field of the request named as `ganxian record` takes it: its option."""
    return "--" + name.replace("_", "-")


def record_figure(
    path: str,
    new: NewFigure,
    replace: bool,
    dry_run: bool,
    checks: Checks,
    spelling: Spelling = option,
) -> Change:
    """Add or replace one figure; the result is checked before anything is written. Messages
    name the figure's fields as *spelling* does."""
    if new.source_text:
        new = dataclasses.replace(new, source_text=text_path(path, new.source_text))

    def edit(loaded: Loaded) -> tuple[Dataset, str]:
        change = DatasetEdit(loaded.dataset)
        try:
            summary = change.record(new, replace, spelling)
        except Refused as exc:
            raise exc.error(path, spelling, loaded.line_of) from None
        return change.result(), summary

    change = edit_file(path, edit, dry_run, checks, "record")
    return Change(change.diff, change.summary, not dry_run)


def format_file(path: str, check: bool, drop_comments: bool, checks: Checks) -> Change:
    """Rewrite the file in the canonical layout (or, with *check*, only say whether it is)."""
    if path == "-":
        raise UsageError("fmt needs a file, not standard input")
    if check:  # --check only reads
        text = decode(read_bytes(path), path)
        _dataset, new_text = _canonical_of(text, path, drop_comments, checks)
        if new_text == text:
            return Change("", f"{path}: already canonical", False)
        diff = unified_diff(text, new_text, path)
        return Change(diff, f"{path}: not in canonical layout; run `ganxian fmt {path}`", False)
    target = writable_target(path)
    with locked(target):
        before = read_snapshot(target)
        text = decode(before.data, path)
        dataset, new_text = _canonical_of(text, path, drop_comments, checks)
        if new_text == text:
            return Change("", f"{path}: already canonical", False)
        data = new_text.encode("utf-8")
        check_new_size(path, data)
        _check_result(dataset, new_text, path, checks)
        atomic_replace(target, data, before)
    return Change(unified_diff(text, new_text, path), f"{path}: reformatted", True)


def _canonical_of(text: str, path: str, drop_comments: bool, checks: Checks) -> tuple[Dataset, str]:
    """The file's dataset in canonical order, and its canonical text."""
    loaded = parse_text(text, path)
    problems = _errors(checks.essential, loaded)
    if problems:
        raise DataError(problems)
    if not drop_comments:
        refuse_comments(text, path)
    return canonical_order(loaded.dataset), _canonical_text(loaded.dataset, loaded)
