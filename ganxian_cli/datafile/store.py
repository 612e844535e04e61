"""Read-modify-write of a data file under a lock: `record` and `fmt`."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from ..errors import DataError, UsageError
from .loader import Checker, decode, load_text, parse_text, read_bytes
from .record import NewFigure, apply
from .writer import atomic_replace, canonical_text, locked, refuse_comments, unified_diff


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


def _check_text(text: str, name: str, checks: Checks) -> None:
    """Refuse text that does not load or has errors: nothing invalid is ever written."""
    problems = [p for p in checks.complete(parse_text(text, name)) if p.severity == "error"]
    if problems:
        raise DataError(problems)


def _write(path: str, original: bytes, new_text: str, checks: Checks) -> None:
    if read_bytes(path) != original:
        raise UsageError(
            f"{path} changed while ganxian was working on it; nothing written, run again"
        )
    atomic_replace(path, new_text, lambda data: _check_text(decode(data, path), path, checks))


def record_figure(
    path: str, new: NewFigure, replace: bool, dry_run: bool, checks: Checks
) -> Change:
    """Add or replace one figure; the result is validated before anything is written."""
    if path == "-":
        raise UsageError("record needs a file, not standard input")
    with locked(path):
        original = read_bytes(path)
        text = decode(original, path)
        refuse_comments(text, path)
        current = load_text(text, path, checks.essential).dataset
        dataset, summary = apply(current, new, replace)
        if canonical_text(current) != text:
            summary += (
                " (the file was not in canonical layout: it is reformatted too, see the diff)"
            )
        new_text = canonical_text(dataset)
        _check_text(new_text, path, checks)
        diff = unified_diff(text, new_text, path)
        if not dry_run:
            _write(path, original, new_text, checks)
    return Change(diff, summary, not dry_run)


def format_file(path: str, check: bool, drop_comments: bool, checks: Checks) -> Change:
    """Rewrite the file in the canonical layout (or, with *check*, only say whether it is)."""
    if path == "-":
        raise UsageError("fmt needs a file, not standard input")
    with contextlib.nullcontext() if check else locked(path):  # --check only reads
        original = read_bytes(path)
        text = decode(original, path)
        if not drop_comments:
            refuse_comments(text, path)
        new_text = canonical_text(load_text(text, path, checks.essential).dataset)
        diff = unified_diff(text, new_text, path)
        if not diff:
            return Change("", f"{path}: already canonical", False)
        if check:
            return Change(diff, f"{path}: not in canonical layout; run `ganxian fmt {path}`", False)
        _write(path, original, new_text, checks)
    return Change(diff, f"{path}: reformatted", True)
