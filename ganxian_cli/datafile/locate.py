"""Find the line where a key path stands in TOML text.

tomllib returns plain data without positions, so this scans the text for table headers and
`key = value` lines. It is tolerant rather than complete: a path it cannot place falls back to
its nearest placed parent, which is still the right neighbourhood for a hand-edited file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:[^"\\]|\\.)*"')
_LITERAL = re.compile(r"'[^']*'")


def _parse_key(text: str, pos: int) -> tuple[list[str], int] | None:
    """Parse a dotted key starting at *pos*; return its parts and the position after it."""
    parts: list[str] = []
    while True:
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        for pattern in (_BARE, _BASIC, _LITERAL):
            m = pattern.match(text, pos)
            if m:
                raw = m.group()
                if raw.startswith('"'):
                    import json  # a quoted key, read once a problem is to be located

                    try:
                        parts.append(json.loads(raw))
                    except ValueError:
                        parts.append(raw[1:-1])
                elif raw.startswith("'"):
                    parts.append(raw[1:-1])
                else:
                    parts.append(raw)
                pos = m.end()
                break
        else:
            return None
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return parts, pos


class LineIndex:
    """Maps key paths of one TOML text to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._lines: dict[Path, int] = {}
        self._scan(text)

    def _scan(self, text: str) -> None:
        table: Path = ()
        counts: dict[Path, int] = {}
        multiline: str | None = None
        depth = 0
        for number, line in enumerate(
            text.split("\n"), start=1
        ):  # TOML breaks lines at LF, not NEL or U+2028
            if multiline is not None:
                if line.count(multiline) % 2 == 1:
                    multiline = None
                continue
            if depth > 0:
                depth += _bracket_balance(line)
                continue
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            if stripped.startswith("[["):
                parsed = _parse_key(stripped, 2)
                if parsed:
                    array = tuple(parsed[0])
                    index = counts.get(array, 0)
                    counts[array] = index + 1
                    table = (*array, index)
                    self._lines.setdefault(array, number)
                    self._lines.setdefault(table, number)
                continue
            if stripped.startswith("["):
                parsed = _parse_key(stripped, 1)
                if parsed:
                    table = tuple(parsed[0])
                    self._lines.setdefault(table, number)
                continue
            parsed = _parse_key(line, 0)
            if not parsed or parsed[1] >= len(line) or line[parsed[1]] != "=":
                continue
            key = (*table, *parsed[0])
            self._lines.setdefault(key, number)
            value = line[parsed[1] + 1 :].lstrip()
            for quotes in ('"""', "'''"):
                if value.startswith(quotes) and value.count(quotes) == 1:
                    multiline = quotes
            if value.startswith("[") or value.startswith("{"):
                depth = _bracket_balance(value)

    def line_of(self, path: Sequence[str | int]) -> int | None:
        """The line of *path*, or of its nearest ancestor that could be placed."""
        key = tuple(path)
        while key:
            if key in self._lines:
                return self._lines[key]
            key = key[:-1]
        return None


def _bracket_balance(text: str) -> int:
    text = _BASIC.sub("", _LITERAL.sub("", text))
    text = text.split("#", 1)[0]
    return text.count("[") + text.count("{") - text.count("]") - text.count("}")


def format_path(path: tuple[str | int, ...]) -> str:
    """indicators.tax.observations[0].value"""
    out = ""
    for segment in path:
        if isinstance(segment, int):
            out += f"[{segment}]"
        else:
            out += f".{segment}" if out else str(segment)
    return out
