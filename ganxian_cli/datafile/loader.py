"""Read a data file into a Dataset, or fail with every problem found and where it stands.

Steps: read bytes (size-capped) -> decode UTF-8 -> parse TOML with exact decimals -> validate
against the models -> the checks every command relies on (references, units, duplicates).
"""

from __future__ import annotations

import functools
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

try:  # the compiled tomli wheel: the same parser and API as tomllib, in a third of the time
    from tomli import TOMLDecodeError, loads
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib reads the same files
    from tomllib import TOMLDecodeError, loads  # type: ignore[assignment]

from ..errors import DataError, Problem, UsageError
from ..model.models import Dataset
from .locate import LineIndex, format_path

MAX_FILE_BYTES = 4 * 1024 * 1024
MAX_NESTING = 64
STDIN = "-"

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)$")


@dataclass(frozen=True)
class Loaded:
    """A dataset with the text it came from, for messages that point at lines."""

    dataset: Dataset
    name: str
    text: str

    @functools.cached_property
    def index(self) -> LineIndex:
        """Built on first use: a file without problems never needs it."""
        return LineIndex(self.text)

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        return self.index.line_of(path)


def stat_regular(path: str, shown: str | None = None) -> os.stat_result:
    """`os.stat` of *path*, refusing (UsageError, naming *shown* or *path*) a missing or
    unreadable path, a directory, and anything else that is not a regular file."""
    name = shown or path
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(f"{name}: is a directory, not a data file")
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{name}: not a regular file")
    return info


def read_bytes(path: str) -> bytes:
    """Read a data file, or standard input for "-", refusing what is not a regular file."""
    if path == STDIN:
        return _read_stdin()
    info = stat_regular(path)
    check_size(path, info.st_size)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    check_size(path, len(data))
    return data


def _read_stdin() -> bytes:
    stream = sys.stdin
    if stream is None:
        raise UsageError("standard input is closed; nothing to read for '-'")
    try:
        data = stream.buffer.read(MAX_FILE_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise UsageError(
            f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    check_size(display_name(STDIN), len(data))
    return data


def check_size(name: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise DataError([Problem("G013", f"file larger than {limit} MiB; refusing to read", name)])


def decode(data: bytes, name: str) -> str:
    """UTF-8 text without a byte-order mark or NUL bytes."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise DataError(
            [
                Problem(
                    "G011",
                    "file starts with a byte-order mark; save it as UTF-8 without BOM",
                    name,
                    1,
                    1,
                )
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        message = (
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue a character"
        )
        raise DataError([Problem("G010", message, name, line, column)]) from None
    nul = text.find("\x00")
    if nul >= 0:
        line = text.count("\n", 0, nul) + 1
        column = nul - (text.rfind("\n", 0, nul) + 1) + 1
        raise DataError([Problem("G012", "NUL byte in file", name, line, column)])
    return text


def parse_toml(text: str, name: str, data: bytes | None = None) -> dict[str, Any]:
    """Parse TOML with floats as Decimal, turning every parser failure into a DataError.

    *data* is the text's UTF-8 encoding, if the caller has it (it spares encoding it again).
    """
    _check_nesting(text, name, data)
    try:
        return loads(text, parse_float=Decimal)
    except TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        line = column = None
        if m:
            line, column = int(m.group(1)), int(m.group(2))
            message = message[: m.start()].rstrip()
        elif message.endswith("(at end of document)"):
            line = text.count("\n") + 1
            message = message.removesuffix("(at end of document)").rstrip() + " at end of file"
        raise DataError([Problem("G020", f"TOML syntax: {message}", name, line, column)]) from None
    except RecursionError:
        raise DataError([Problem("G021", "nesting too deep", name)]) from None
    except ValueError:  # an integer beyond Python's digit limit
        raise DataError([_unreadable_number(text, name)]) from None


_LONG_DIGITS = re.compile(r"[0-9_]{1000,}")


def _unreadable_number(text: str, name: str) -> Problem:
    """G021 for a number too long to read, on its line when it can be found."""
    limit = sys.get_int_max_str_digits() or 4300
    m = _LONG_DIGITS.search(text)
    line = text.count("\n", 0, m.start()) + 1 if m else None
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1 if m else None
    message = f"a number with more than {limit} digits cannot be read"
    return Problem("G021", message, name, line, column)


# Everything but brackets outside strings and comments: plain runs, strings (to the end of
# their line if unclosed, as `_report_nesting` reads them) and comments.
_NOT_BRACKET = re.compile(r'[^"\'#\[\]{}]+|"[^"\\\n]*(?:\\[^\n][^"\\\n]*)*"?|\'[^\'\n]*\'?|#[^\n]*')
_ONE_KIND = str.maketrans("{}", "[]")  # the scan counts any closer against any opener
# What the line scan of `_report_nesting` reads: quotes, comment marks, brackets, escapes and
# line ends. Every other byte of UTF-8 text is left out (no ASCII byte is part of a longer
# character), which leaves a scan the same verdict.
_SCANNED = b"\"'#[]{}\\\n"
_NOT_SCANNED = bytes(b for b in range(256) if b not in _SCANNED)
_ONE_KIND_BYTES = bytes.maketrans(b"{}", b"[]")
# Strings and comments among those bytes, where there is no backslash to escape a quote.
_STRINGS_AND_COMMENTS = re.compile(rb'"[^"\n]*"?|\'[^\'\n]*\'?|#[^\n]*')


def _check_nesting(text: str, name: str, data: bytes | None = None) -> None:
    """Refuse absurd nesting of arrays and inline tables before the recursive parser sees it.

    Strings are skipped line by line; a bracket inside a multi-line string can only make this
    count higher, and the limit is far above what any data file needs. Only a file that may go
    too deep is scanned again character by character, for the line to report. *data* is the
    text's UTF-8 encoding, if the caller has it.
    """
    brackets = _brackets(text, data)
    for _ in range(MAX_NESTING + 1):  # each round removes the innermost level of pairs
        fewer = brackets.replace("[]", "")
        if fewer == brackets:
            break
        brackets = fewer
    else:
        _report_nesting(text, name)  # still pairs after the limit's worth of rounds: too deep
    if "[" in brackets:
        _report_nesting(text, name)  # an unclosed bracket (a syntax error): count exactly


def _brackets(text: str, data: bytes | None) -> str:
    """The brackets outside strings and comments, in order, each closer as ] and opener as [.

    At C speed: the bytes the scan reads are kept, then (for text without backslashes, whose
    escapes would need the bytes left out) empty strings dropped, "" being a string opened and
    closed or closed and opened again, which leaves the scan where it was. A regular expression
    strips the strings and comments left, if any; then line ends no longer matter.
    """
    if data is None:
        data = text.encode("utf-8", "surrogatepass")  # a lone surrogate is no bracket either
    scanned = data.translate(None, _NOT_SCANNED)
    if b"\\" in scanned:
        return _NOT_BRACKET.sub("", text).translate(_ONE_KIND)
    scanned = scanned.replace(b'""', b"")
    if b'"' in scanned or b"'" in scanned or b"#" in scanned:
        scanned = _STRINGS_AND_COMMENTS.sub(b"", scanned)
    return scanned.translate(_ONE_KIND_BYTES, b"\n").decode("ascii")


def outside_strings(line: str) -> Iterator[tuple[int, str]]:
    """Each character of one TOML line that stands outside a string, with its index, up to a
    comment (a line scan: multi-line strings are not followed)."""
    quote = ""
    escaped = False
    for i, ch in enumerate(line):
        if quote:
            if escaped:
                escaped = False
            elif ch == "\\" and quote == '"':
                escaped = True
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return
        else:
            yield i, ch


def _report_nesting(text: str, name: str) -> None:
    """Raise G021 at the line where nesting first goes past the limit."""
    depth = 0
    # TOML breaks lines at LF, not NEL or U+2028
    for number, line in enumerate(text.split("\n"), start=1):
        for _i, ch in outside_strings(line):
            if ch in "[{":
                depth += 1
                if depth > MAX_NESTING:
                    message = f"arrays or inline tables nested more than {MAX_NESTING} deep"
                    raise DataError([Problem("G021", message, name, number)])
            elif ch in "]}":
                depth = max(0, depth - 1)


def to_dataset(data: dict[str, Any], name: str, text: str) -> Dataset:
    """Validate parsed TOML against the models; map every error to a path and line."""
    try:
        return Dataset.model_validate(data)
    except ValidationError as exc:
        index = LineIndex(text)
        problems = [_problem_from(error, data, name, index) for error in exc.errors()]
        raise DataError(problems) from None


def _problem_from(error: Any, data: dict[str, Any], name: str, index: LineIndex) -> Problem:
    loc = _data_path(error["loc"], data)
    message = str(error["msg"]).removeprefix("Value error, ")
    kind = error["type"]
    if kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "missing field"
    code = "G101" if "unknown unit" in message else "G100"
    # A problem at the top level (a missing table) is reported on line 1.
    return Problem(code, message, name, index.line_of(loc) or 1, None, format_path(loc))


Checker = Callable[[Loaded], list[Problem]]
"""A check run on a loaded file: the analysis layer supplies these, loading only calls them."""


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[str | int, ...]:
    """Pydantic's error location with its own markers (dict keys, union tags) taken out."""
    path: list[str | int] = []
    current: Any = data
    for segment in loc:
        if segment == "[key]":
            continue
        if isinstance(current, dict) and segment not in current and current.get("kind") == segment:
            continue  # the discriminator tag pydantic inserts for tagged unions
        path.append(segment)
        if isinstance(current, dict):
            current = current.get(segment)
        elif isinstance(current, list) and isinstance(segment, int) and segment < len(current):
            current = current[segment]
        else:
            current = None
    return tuple(path)


def parse_text(text: str, name: str) -> Loaded:
    """Parse and validate TOML text against the models, without the meaning checks."""
    data = parse_toml(text, name)
    return Loaded(to_dataset(data, name, text), name, text)


def refuse_errors(loaded: Loaded, check: Checker | None) -> Loaded:
    """*loaded* itself, unless *check* finds errors in it (then DataError with all of them)."""
    if check is not None:
        problems = [p for p in check(loaded) if p.severity == "error"]
        if problems:
            raise DataError(problems)
    return loaded


def display_name(path: str) -> str:
    return "<stdin>" if path == STDIN else path


def load(path: str, check: Checker | None = None) -> Loaded:
    """Read, decode, parse and validate the data file at *path* ("-" for standard input)."""
    name = display_name(path)
    data = read_bytes(path)
    text = decode(data, name)
    loaded = Loaded(to_dataset(parse_toml(text, name, data), name, text), name, text)
    return refuse_errors(loaded, check)
