"""Where a TOML document has comments, found by tokenizing its strings exactly.

A `#` starts a comment only outside strings, and TOML strings come in four kinds: basic
("…", with backslash escapes), literal ('…'), and their multi-line forms, which may end in up to
two extra quotes (four quotes are a quote and the closing delimiter). One regular expression with
possessive quantifiers reads every token once, so the scan is linear in the text's length.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""
      (?P<mlb>\"\"\"(?:[^"\\]++|\\[\s\S]|"{1,2}+(?!"))*+(?:"{3,5}+)?)  # multi-line basic string
    | (?P<mll>'''(?:[^']++|'{1,2}+(?!'))*+(?:'{3,5}+)?)           # multi-line literal string
    | (?P<basic>"(?:[^"\\\n]++|\\[^\n])*+"?)                      # basic string
    | (?P<literal>'[^'\n]*+'?)                                    # literal string
    | (?P<comment>\#[^\n]*+)                                      # comment, to the line end
    | [^"'\#]++                                                   # anything else
    | [\s\S]                                                      # a lone backslash
    """,
    re.VERBOSE,
)
# An unterminated string (invalid TOML) runs to the end of its line, or of the text: every
# character is read once, whatever the input.


def comment_offsets(text: str) -> list[int]:
    """The offsets of the `#` that start each comment in *text*."""
    if '"""' in text or "'''" in text:
        return [m.start() for m in _TOKEN.finditer(text) if m.lastgroup == "comment"]
    return _offsets_by_line(text)


def _offsets_by_line(text: str) -> list[int]:
    """`comment_offsets` of a text without multi-line strings, reading only lines with a `#`.

    Without triple quotes no token but plain text spans a line break, so every line starts
    outside any string, and a line without `#` holds no comment: the tokenizer need only read
    the lines where a `#` stands (a file written by ganxian has them only in references).
    """
    offsets: list[int] = []
    at = text.find("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        offsets.extend(
            m.start() for m in _TOKEN.finditer(text, start, end) if m.lastgroup == "comment"
        )
        at = text.find("#", end)
    return offsets


def comment_lines(text: str) -> list[int]:
    """The lines (from 1) holding a comment. TOML breaks lines at LF only."""
    lines: list[int] = []
    line, last = 1, 0
    for offset in comment_offsets(text):
        line += text.count("\n", last, offset)
        last = offset
        lines.append(line)
    return lines
