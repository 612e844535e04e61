"""`ganxian validate` output: problems as text lines, a JSON document and GitHub commands."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from typing import Any

from ..analysis.checks.validation import Result
from ..errors import Problem, UsageError, escape_control
from .document import envelope


def text_lines(result: Result, excerpt: bool = False) -> list[str]:
    """`FILE:LINE:COL: error[CODE]: path: message`, each with an excerpt when asked (a TTY).

    The marker sits under the right character by display width: a CJK character takes two
    columns of a terminal.
    """
    lines = result.text.split("\n")
    out = []
    for problem in result.problems:
        out.append(problem.format())
        if excerpt and problem.line and 0 < problem.line <= len(lines):
            raw = lines[problem.line - 1]
            gutter = f"{problem.line:>5} | "
            source = escape_control(raw)
            if problem.column and 0 < problem.column <= len(raw):
                start = display_width(escape_control(raw[: problem.column - 1]))
                width = display_width(escape_control(raw[problem.column - 1]))
            else:
                stripped = source.lstrip()
                start = display_width(source[: len(source) - len(stripped)])
                width = display_width(stripped.rstrip())
            out.append(gutter + source)
            out.append(" " * (len(gutter) - 2) + "| " + " " * start + "^" * max(1, width))
    return out


def display_width(text: str) -> int:
    """Terminal columns *text* takes: wide and full-width characters count two."""
    import unicodedata

    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def file_line(result: Result) -> str:
    """One file's result, for a run over several files."""
    if result.errors == 0:
        return f"{result.name}: ok, {result.figures} figures, {_count(result.warnings, 'warning')}"
    return (
        f"{result.name}: failed, {_count(result.errors, 'error')}, "
        f"{_count(result.warnings, 'warning')}"
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def summary(results: Sequence[Result]) -> str:
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    files = len(results)
    noun = "file" if files == 1 else "files"
    notes = sum(r.notes for r in results)
    noted = f", {notes} note{'s' * (notes != 1)}" if notes else ""
    if errors == 0:
        figures = sum(r.figures for r in results)
        return (
            f"ok: {files} {noun}, {figures} figures, {warnings} warning{'s' * (warnings != 1)}"
            + noted
        )
    return (
        f"failed: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {files} {noun}"
    )


def problem_record(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "path": problem.path,
        "code": problem.code,
        "message": problem.message,
        "severity": problem.severity,
    }


def json_document(results: Sequence[Result]) -> dict[str, Any]:
    """`validate --format json`: status, per-file counts and every problem."""
    return envelope(
        "validate",
        {
            "status": "fail" if any(r.failed for r in results) else "ok",
            "files": [
                {
                    "file": r.name,
                    "status": "fail" if r.failed else "ok",
                    "errors": r.errors,
                    "warnings": r.warnings,
                }
                for r in results
            ],
            "errors": [problem_record(p) for r in results for p in r.problems],
        },
    )


def _gh_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_control(escaped)


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def github_lines(problems: Iterable[Problem]) -> list[str]:
    """GitHub Actions workflow commands; data escaped so no message can start a command."""
    lines = []
    for p in problems:
        props = [f"file={_gh_property(p.file or '')}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        props.append(f"title={_gh_property(p.code)}")
        where = f"{p.path}: " if p.path else ""
        kind = {"warning": "warning", "note": "notice"}.get(p.severity, "error")
        lines.append(f"::{kind} {','.join(props)}::{_gh_data(where + p.message)}")
    return lines


class ValidateView:
    """`validate`: a result per file; whether any failed, whether any could not be read."""

    __slots__ = ("per_file", "results", "unreadable")
    kind = "validate"

    def __init__(self, results: list[Result], unreadable: bool, per_file: bool = False) -> None:
        self.results, self.unreadable = results, unreadable
        self.per_file = per_file  # a folder was named: the text says how each file fared

    @property
    def failed(self) -> bool:
        return any(r.failed for r in self.results)


def validate_doc(files: Sequence[str], source: str | None, strict: bool, fmt: str) -> ValidateView:
    """Every file checked, a folder's `*.toml` files among them; an unreadable one stops the
    run, but for the machine formats (json, github), whose document shows it as G001. A folder's
    entry that is no regular file (a FIFO, a dangling link) is not read and counts as an error."""
    from ..analysis.checks.validation import (
        read_source_text,
        unreadable_result,
        validate_file,
    )
    from ..datafile.paths import resolve_data_path

    named = list(files) or [resolve_data_path(None)]
    if named.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    source_text = read_source_text(source) if source else None
    results = []
    unreadable = False
    for entry in _expand_folders(named, fmt):
        if isinstance(entry, Result):
            results.append(entry)
            continue
        try:
            results.append(validate_file(entry, source_text, strict))
        except UsageError as exc:
            if fmt == "text":
                raise
            results.append(unreadable_result(entry, str(exc)))
            unreadable = True
    folders = any(p != "-" and os.path.isdir(p) for p in named)
    return ValidateView(results, unreadable, per_file=folders)


def _expand_folders(named: list[str], fmt: str) -> list[str | Result]:
    """The files to check in order: a folder gives its `*.toml` files sorted by name, and a
    G001 error for each entry that is not read."""
    from ..datafile.paths import empty_folder, folder_files

    entries: list[str | Result] = []
    for path in named:
        if path == "-" or not os.path.isdir(path):
            entries.append(path)
            continue
        files, skipped = folder_files(path)
        if not files and not skipped and fmt == "text":
            raise UsageError(empty_folder(path, skipped))
        entries.extend(files)
        entries.extend(
            Result(s.path, [Problem("G001", f"{s.reason}, not read", s.path)]) for s in skipped
        )
        if not files and not skipped:
            entries.append(Result(path, [Problem("G001", "no *.toml file in this folder", path)]))
    return entries
