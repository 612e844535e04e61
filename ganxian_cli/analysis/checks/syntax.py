"""A TOML syntax error caused by full-width punctuation gets its own message (G022).

Typing Chinese, an editor easily puts “…”, ＝ or ， where TOML needs the ASCII character.
"""

from __future__ import annotations

import dataclasses

from ...datafile.loader import outside_strings
from ...errors import Problem

ASCII_FOR = {
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "＂": '"',
    "＝": "=",
    "，": ",",
    "［": "[",
    "］": "]",
    "｛": "{",
    "｝": "}",
    "＃": "#",
    "．": ".",
    "\u3000": " ",
}


def _first_full_width(line: str) -> int | None:
    """Index of the first full-width TOML character outside ASCII-quoted strings."""
    return next((i for i, ch in outside_strings(line) if ch in ASCII_FOR), None)


def explain_syntax(problems: list[Problem], text: str) -> list[Problem]:
    """G020 problems on a line with full-width punctuation become G022 with the fix."""
    lines = text.split("\n")
    out = []
    for problem in problems:
        line = problem.line
        if problem.code == "G020" and line is not None and 0 < line <= len(lines):
            at = _first_full_width(lines[line - 1])
            if at is not None:
                ch = lines[line - 1][at]
                name = "a full-width space" if ch == "\u3000" else f"full-width {ch!r}"
                problem = dataclasses.replace(
                    problem,
                    code="G022",
                    column=at + 1,
                    message=f"{name} where TOML needs ASCII {ASCII_FOR[ch]!r}; retype it "
                    "(quotes inside a string may stay full-width)",
                )
        out.append(problem)
    return out
