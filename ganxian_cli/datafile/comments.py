"""Where a TOML document has comments, found by tokenizing its strings exactly.

A `#` starts a comment only outside strings, and TOML strings come in four kinds: basic
("…", with backslash escapes), literal ('…'), and their multi-line forms, which may end in up to
two extra quotes (four quotes are a quote and the closing delimiter). A small scanner reads them:
each step searches forward from where the last one stopped for one of a few characters, so every
character is read once and the scan is linear in the text's length. It needs no possessive
quantifier or atomic group, whose matching differs between Python releases (3.11.2 and 3.11.5).
"""

from __future__ import annotations

import re

_OUTSIDE = re.compile(r"[\"'#]")  # what can start a string or a comment
_IN_BASIC = re.compile(r'["\\\n]')  # a basic string ends at its quote or the line end
_IN_LITERAL = re.compile(r"['\n]")
_IN_MULTI_BASIC = re.compile(r'["\\]')
_QUOTES = re.compile(r'"{1,5}')  # three to five close a multi-line string, one or two do not
_APOSTROPHES = re.compile(r"'{1,5}")
# An unterminated string (invalid TOML) runs to the end of its line, or of the text: every
# character is read once, whatever the input.


def comment_offsets(text: str) -> list[int]:
    """The offsets of the `#` that start each comment in *text*."""
    if '"""' in text or "'''" in text:
        return _scan(text, 0, len(text))
    return _offsets_by_line(text)


def _offsets_by_line(text: str) -> list[int]:
    """`comment_offsets` of a text without multi-line strings, reading only lines with a `#`.

    Without triple quotes no token but plain text spans a line break, so every line starts
    outside any string, and a line without `#` holds no comment: the scanner need only read
    the lines where a `#` stands (a file written by ganxian has them only in references).
    """
    offsets: list[int] = []
    at = text.find("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        offsets.extend(_scan(text, start, end))
        at = text.find("#", end)
    return offsets


def _scan(text: str, at: int, end: int) -> list[int]:
    """The comments' offsets in text[at:end], which starts outside any string."""
    offsets: list[int] = []
    while True:
        found = _OUTSIDE.search(text, at, end)
        if found is None:
            return offsets
        start = found.start()
        if text[start] == "#":
            offsets.append(start)
            line_end = text.find("\n", start, end)
            at = end if line_end < 0 else line_end
        elif text.startswith('"""', start, end):
            at = _multi_line(text, start + 3, end, _IN_MULTI_BASIC, _QUOTES)
        elif text.startswith("'''", start, end):
            at = _multi_line(text, start + 3, end, _APOSTROPHES, _APOSTROPHES)
        elif text[start] == '"':
            at = _single_line(text, start + 1, end, _IN_BASIC)
        else:
            at = _single_line(text, start + 1, end, _IN_LITERAL)


def _single_line(text: str, at: int, end: int, stop: re.Pattern[str]) -> int:
    """Where a basic or literal string whose content starts at *at* ends (after its closing
    quote; at a line end or a backslash before one when unterminated)."""
    while True:
        found = stop.search(text, at, end)
        if found is None:
            return end
        at = found.start()
        char = text[at]
        if char == "\\":
            if at + 1 >= end or text[at + 1] == "\n":
                return at
            at += 2
        elif char == "\n":
            return at
        else:
            return at + 1


def _multi_line(
    text: str, at: int, end: int, stop: re.Pattern[str], closing: re.Pattern[str]
) -> int:
    """Where a multi-line string whose content starts at *at* ends: after the first run of three
    to five quotes (*closing*) outside an escape, or at the end of the text."""
    while True:
        found = stop.search(text, at, end)
        if found is None:
            return end
        at = found.start()
        if text[at] == "\\":
            at += 2
            continue
        run = closing.match(text, at, end)
        assert run is not None  # *stop* found a quote here
        if run.end() - at >= 3:
            return run.end()
        at = run.end()


def comment_lines(text: str) -> list[int]:
    """The lines (from 1) holding a comment. TOML breaks lines at LF only."""
    lines: list[int] = []
    line, last = 1, 0
    for offset in comment_offsets(text):
        line += text.count("\n", last, offset)
        last = offset
        lines.append(line)
    return lines
