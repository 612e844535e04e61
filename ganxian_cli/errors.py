"""Problem records and the two exception types the CLI turns into exit statuses.

Exit statuses (documented in the README): 0 ok, 1 the data has problems, 2 usage error,
3 internal error, 130 interrupted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "note"]

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
INTERRUPTED = "ganxian: interrupted"

# Characters that can act on a terminal or hide text: DEL, C1 controls, the bidirectional
# marks, embeddings, overrides and isolates, zero-width characters and the Unicode line and
# paragraph separators. Machine output escapes these too (JSON as \u202e).
INVISIBLE = "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# ...and, in messages, every C0 control but tab; lone surrogates (bytes of a file name or
# argument that are not UTF-8) are shown as the byte they stand for.
_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f{INVISIBLE}\udc80-\udcff]")


def escape_control(text: str) -> str:
    """Control characters as visible escapes (ESC -> \\x1b): text cannot act on a terminal."""
    return _CONTROL.sub(lambda m: _escape_one(m.group()), text)


def _escape_one(ch: str) -> str:
    code = ord(ch)
    if ch == "\n":
        return "\\n"
    if ch == "\r":
        return "\\r"
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file, with where it stands."""

    code: str
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    severity: Severity = "error"

    def location(self) -> str:
        parts = [self.file or "<data>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def format(self) -> str:
        """`FILE:LINE:COL: error[CODE]: path: message`, control characters escaped."""
        where = f"{self.path}: " if self.path else ""
        text = f"{self.location()}: {self.severity}[{self.code}]: {where}{self.message}"
        return escape_control(text)


@dataclass
class DataError(Exception):
    """The data file cannot be used; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(p.format() for p in self.problems)


class UsageError(Exception):
    """The command was called wrongly: no such file, bad option value. Exit status 2."""


class UnknownIndicator(UsageError):
    """A figure names an indicator the file does not have (and gives no way to create it)."""

    def __init__(self, message: str, indicator: str) -> None:
        super().__init__(message)
        self.indicator = indicator


class OutputError(Exception):
    """Standard output cannot be written (closed, a full disk): status 2, one message."""


class ReaderGone(Exception):
    """The reader of standard output has gone (`| head`): the run ends quietly, status 0."""
