"""`ganxian validate`: run every check on a file and collect its problems."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ...datafile.loader import Loaded, decode, display_name, parse_toml, read_bytes, to_dataset
from ...datafile.locate import format_path
from ...errors import DataError, Problem, UsageError
from ...model.numerals import normalize
from .collector import Path, Remap
from .registry import all_problems, notes
from .texts import closest_passage, is_html


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
    def notes(self) -> int:
        return sum(p.severity == "note" for p in self.problems)

    @property
    def failed(self) -> bool:
        return self.errors > 0


def read_source_text(path: str) -> str:
    """The source text for --source (any UTF-8 text file)."""
    try:
        text = read_bytes(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: source text is not valid UTF-8 ({exc.reason})") from None
    except DataError as exc:
        raise UsageError(f"{path}: {exc.problems[0].message}") from None
    if is_html(text):  # a saved web page: its main text and tables, as extract reads it
        from ..extract.page import page_text

        return page_text(text.removeprefix("\ufeff"))[1]
    return text


def validate_file(path: str, source: str | None = None, strict: bool = False) -> Result:
    """Every problem of the file at *path*; a missing or unreadable file raises UsageError.

    Problems come in one run: figures (or tables) with schema problems are reported, then
    dropped, and every other check runs on what remains.
    """
    name = display_name(path)
    text = ""
    try:
        raw = read_bytes(path)
        text = decode(raw, name)
        data = parse_toml(text, name, raw)
    except DataError as exc:
        from .syntax import explain_syntax  # only for a file that does not parse

        return Result(name, _strict(explain_syntax(exc.problems, text), strict), text)
    schema: list[Problem] = []
    remap = None
    try:
        dataset = to_dataset(data, name, text)
    except DataError as exc:
        from .pruning import prune  # only for a file with schema problems

        schema = exc.problems
        pruned = prune(data)
        if pruned is None:
            return Result(name, _strict(schema, strict), text)
        try:
            dataset = to_dataset(pruned.data, name, text)
        except DataError:
            return Result(name, _strict(schema, strict), text)
        remap = pruned.remap
    loaded = Loaded(dataset, name, text)
    problems = schema + all_problems(loaded, remap)
    if source is not None:
        problems += quotes_in_source(loaded, source, remap)
    problems += notes(loaded, remap)
    figures = sum(len(indicator.observations) for indicator in dataset.indicators.values())
    # a clean file keeps no text (it is kept for excerpts): many files need the memory of one
    return Result(name, _strict(problems, strict), text if problems else "", figures)


def _strict(problems: list[Problem], strict: bool) -> list[Problem]:
    if not strict:
        return problems
    return [
        p if p.severity == "note" else dataclasses.replace(p, severity="error") for p in problems
    ]


def quotes_in_source(loaded: Loaded, source: str, remap: Remap | None = None) -> list[Problem]:
    """G211 for each quote that is not verbatim in *source*.

    White space is ignored, and full-width digits and punctuation (，％：) equal their ASCII forms.
    """
    haystack = normalize(source)
    problems = []
    tables = None  # the source's tables, found when a quote may be a table cell's
    for ident, _indicator, i, figure in loaded.dataset.figures():
        if figure.quote is None or normalize(figure.quote) in haystack:
            continue
        if "|" in figure.quote or "｜" in figure.quote:
            from ..extract.tables import cell_shown, find_tables

            tables = find_tables(source) if tables is None else tables
            if cell_shown(figure.quote, source, tables):
                continue
        path: Path = ("indicators", ident, "observations", i, "quote")
        if remap is not None:
            path = remap(path)
        closest = closest_passage(normalize(figure.quote), haystack)
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


# --- output ------------------------------------------------------------------------------------


def unreadable_result(path: str, message: str) -> Result:
    """A file that could not be read at all (missing, a folder, no permission): one G001."""
    name = display_name(path)
    return Result(name, [Problem("G001", message.removeprefix(f"{name}: "), name)])
