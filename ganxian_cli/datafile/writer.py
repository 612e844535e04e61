"""Writing data files: the canonical layout, and a safe, locked, atomic replace.

The canonical layout is what tomli-w writes for the dataset with defaults left out, themes in
file order, indicators grouped by theme, figures by period. tomli-w cannot keep comments, so a
file with comments is refused rather than silently stripped. `atomic` does the writing.
"""

from __future__ import annotations

import difflib
import json
import re
from decimal import Decimal
from typing import Any

import tomli_w

from ..errors import DataError, Problem, escape_control
from ..model.models import Dataset
from ..model.refs import pin, resolve
from .comments import comment_lines

STATUS_ORDER = {"target": 0, "actual": 1, "forecast": 2}


def _plain_data(value: Any) -> Any:
    """Integral Decimals written without a point become ints again (30478 stays 30478)."""
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent == 0 else value
    if isinstance(value, dict):
        return {k: _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    return value


def canonical_data(dataset: Dataset) -> dict[str, Any]:
    """The dataset as plain data in canonical order, defaults left out."""
    theme_order = {theme: n for n, theme in enumerate(dataset.themes)}
    indicators = sorted(
        dataset.indicators.items(),
        key=lambda item: theme_order.get(item[1].theme, len(theme_order)),
    )
    data = dataset.model_dump(mode="python", exclude_defaults=True)
    # A target names one figure for good: pin it, so figures recorded later cannot make it vague.
    for target in data.get("targets", []):
        target["target"] = pin(resolve(dataset, target["target"]))
    data["indicators"] = {}
    for ident, indicator in indicators:
        dumped = indicator.model_dump(mode="python", exclude_defaults=True)
        order = sorted(
            range(len(indicator.observations)),
            key=lambda i: _figure_key(indicator.observations[i]),
        )
        if order:
            dumped["observations"] = [dumped["observations"][i] for i in order]
        data["indicators"][ident] = dumped
    return {k: v for k, v in _plain_data(data).items() if v not in ({}, [])}


def _figure_key(figure: Any) -> tuple[int, int, int, int, str]:
    p = figure.period
    return (p.year, p.start, p.end, STATUS_ORDER[figure.status], figure.subject or "")


def canonical_text(dataset: Dataset) -> str:
    """The file text `ganxian fmt` writes.

    Every table and array of tables gets its own header, short or long, so each figure has one
    obvious place in the file; the values themselves are formatted by tomli-w. Keys are bare
    identifiers (the models enforce it), except declared unit symbols, which are quoted.
    """
    data = canonical_data(dataset)
    chunks = [tomli_w.dumps({k: v for k, v in data.items() if not isinstance(v, dict | list)})]
    for key, value in data.items():
        if key == "indicators":
            for ident, indicator in value.items():
                observations = indicator.pop("observations", [])
                withheld = indicator.pop("withheld", [])
                chunks.append(_table(f"[indicators.{ident}]", indicator))
                chunks.extend(
                    _table(f"[[indicators.{ident}.observations]]", figure)
                    for figure in observations
                )
                chunks.extend(
                    _table(f"[[indicators.{ident}.withheld]]", figure) for figure in withheld
                )
        elif key in ("themes", "sources", "units"):
            chunks.extend(_table(f"[{key}.{_key(ident)}]", table) for ident, table in value.items())
        elif isinstance(value, dict):
            chunks.append(_table(f"[{key}]", value))
        elif isinstance(value, list):
            chunks.extend(_table(f"[[{key}]]", item) for item in value)
    return "\n".join(chunks)


def _key(key: str) -> str:
    """A TOML key: bare when it can be, else a basic string (declared units: "万标箱")."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return key
    return json.dumps(key, ensure_ascii=False).replace("\x7f", "\\u007f")


def _table(header: str, body: dict[str, Any]) -> str:
    return f"{header}\n{tomli_w.dumps(body)}"


def refuse_comments(text: str, name: str) -> None:
    lines = comment_lines(text)
    if lines:
        shown = ", ".join(str(n) for n in lines[:10]) + (", …" if len(lines) > 10 else "")
        raise DataError(
            [
                Problem(
                    "G401",
                    f"file has comments (lines {shown}), which rewriting would lose; move them "
                    "into `note` fields or run `ganxian fmt --drop-comments`",
                    name,
                    lines[0],
                )
            ]
        )


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff of two texts ("" when equal), control characters shown escaped.

    Lines are split at LF only (as TOML does); each line's text, and the file name, are escaped
    as in messages, so a data file cannot act on the terminal or CI log showing the diff.
    """
    if old == new:
        return ""
    shown = escape_control(name)
    a, b = _lines(old), _lines(new)
    # difflib grows quadratically with the lines it compares: give it only the changed middle
    # (with its context), then put the hunks back at their real line numbers.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    start = max(0, head - _CONTEXT)
    a_mid = a[start : len(a) - max(0, tail - _CONTEXT)]
    b_mid = b[start : len(b) - max(0, tail - _CONTEXT)]
    lines = difflib.unified_diff(a_mid, b_mid, f"a/{shown}", f"b/{shown}", n=_CONTEXT)
    return "".join(_shift(line, start) for line in lines)


_CONTEXT = 3
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _shift(line: str, offset: int) -> str:
    """A hunk header of a diff of a slice, moved *offset* lines down (other lines as they are)."""
    m = _HUNK.match(line)
    if m is None or offset == 0:
        return line
    a_start, b_start = int(m.group(1)) + offset, int(m.group(3)) + offset
    return f"@@ -{a_start}{m.group(2) or ''} +{b_start}{m.group(4) or ''} @@" + line[m.end() :]


def _lines(text: str) -> list[str]:
    parts = text.split("\n")
    lines = [escape_control(part) + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(escape_control(parts[-1]) + "\n\\ No newline at end of file\n")
    return lines
