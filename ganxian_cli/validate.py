"""`ganxian validate`: run every check on a file and format the problems for people and CI."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .checks import all_problems
from .errors import DataError, Problem, UsageError, escape_control
from .loader import Loaded, decode, display_name, parse_text, read_bytes
from .locate import format_path
from .models import SCHEMA_VERSION
from .numerals import compact


@dataclass(frozen=True)
class Result:
    """The problems found in one file, and its text for excerpts."""

    name: str
    problems: list[Problem]
    text: str = ""
    figures: int = 0

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    @property
    def failed(self) -> bool:
        return self.errors > 0


def read_source_text(path: str) -> str:
    """The source text for --source (any UTF-8 text file)."""
    try:
        return read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: source text is not valid UTF-8 ({exc.reason})") from None
    except DataError as exc:
        raise UsageError(f"{path}: {exc.problems[0].message}") from None


def validate_file(path: str, source: str | None = None, strict: bool = False) -> Result:
    """Every problem of the file at *path*; a missing or unreadable file raises UsageError."""
    name = display_name(path)
    text = ""
    try:
        text = decode(read_bytes(path), name)
        loaded = parse_text(text, name)
    except DataError as exc:
        return Result(name, _strict(exc.problems, strict), text)
    problems = all_problems(loaded)
    if source is not None:
        problems += quotes_in_source(loaded, source)
    return Result(name, _strict(problems, strict), text, sum(1 for _ in loaded.dataset.figures()))


def _strict(problems: list[Problem], strict: bool) -> list[Problem]:
    if not strict:
        return problems
    return [dataclasses.replace(p, severity="error") for p in problems]


def quotes_in_source(loaded: Loaded, source: str) -> list[Problem]:
    """G211 for each quote that is not verbatim in *source* (white space ignored)."""
    haystack = compact(source)
    problems = []
    for ident, _indicator, i, figure in loaded.dataset.figures():
        if figure.quote is None or compact(figure.quote) in haystack:
            continue
        path = ("indicators", ident, "observations", i, "quote")
        closest = closest_passage(compact(figure.quote), haystack)
        problems.append(
            Problem(
                "G211",
                f"quote not found in the source; closest passage: {closest!r}",
                loaded.name,
                loaded.line_of(path),
                None,
                format_path(path),
            )
        )
    return problems


def closest_passage(needle: str, haystack: str) -> str:
    """The stretch of *haystack* around its longest run in common with *needle*."""
    from difflib import SequenceMatcher  # only needed when a quote is missing

    if not needle or not haystack:
        return ""
    matcher = SequenceMatcher(None, haystack, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, match.a - match.b)
    return haystack[start : start + len(needle)]


# --- output ------------------------------------------------------------------------------------


def text_lines(result: Result, excerpt: bool = False) -> list[str]:
    """`FILE:LINE:COL: error[CODE]: path: message`, each with an excerpt when asked (a TTY)."""
    lines = result.text.split("\n")
    out = []
    for problem in result.problems:
        out.append(problem.format())
        if excerpt and problem.line and 0 < problem.line <= len(lines):
            gutter = f"{problem.line:>5} | "
            source = escape_control(lines[problem.line - 1])
            out.append(gutter + source)
            indent = len(source) - len(source.lstrip())
            start = (problem.column - 1) if problem.column else indent
            width = 1 if problem.column else max(1, len(source.strip()))
            out.append(" " * (len(gutter) - 2) + "| " + " " * start + "^" * width)
    return out


def summary(results: Sequence[Result]) -> str:
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    files = len(results)
    noun = "file" if files == 1 else "files"
    if errors == 0:
        figures = sum(r.figures for r in results)
        return f"ok: {files} {noun}, {figures} figures, {warnings} warning{'s' * (warnings != 1)}"
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
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "validate",
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
    }


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
        kind = "warning" if p.severity == "warning" else "error"
        lines.append(f"::{kind} {','.join(props)}::{_gh_data(where + p.message)}")
    return lines
