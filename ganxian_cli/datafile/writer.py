"""Writing data files: the canonical layout, and a safe, locked, atomic replace.

The canonical layout is what tomli-w writes for the dataset with defaults left out, themes in
file order, indicators grouped by theme, figures by period. tomli-w cannot keep comments, so a
file with comments is refused rather than silently stripped. `atomic` does the writing.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import tomli_w

from ..errors import DataError, Problem, escape_control
from ..model.models import Dataset, Figure, Indicator
from ..model.periods import Period
from ..model.refs import pin, resolve
from .comments import comment_lines

STATUS_ORDER = {"target": 0, "actual": 1, "forecast": 2}
_ONE = Decimal(1)


def _plain_data(value: Any) -> Any:
    """Integral Decimals written without a point become ints again (30478 stays 30478)."""
    kind = type(value)  # exact types first: a dump is made of them, and this runs on every value
    if kind is dict:  # a string or an int (most values of a figure) as it is, without a call
        return {
            k: v if v.__class__ is str or v.__class__ is int else _plain_data(v)
            for k, v in value.items()
        }
    if kind is list:
        return [_plain_data(v) for v in value]
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if isinstance(value, Decimal):  # exponent 0, without building the digit tuple
        return int(value) if value.is_finite() and value.same_quantum(_ONE) else value
    if isinstance(value, dict):
        return {k: _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    return value


def canonical_data(dataset: Dataset) -> dict[str, Any]:
    """The dataset as plain data in canonical order, defaults left out.

    This is exactly what `tomllib` reads back from `render` of it (tests/test_roundtrip.py),
    so a write can check this data instead of parsing the text it is about to write.
    """
    data = dataset.model_dump(mode="python", exclude_defaults=True)
    _pin_targets(dataset, data)
    dumped = data.get("indicators", {})
    data["indicators"] = {
        ident: _in_order(dumped[ident], indicator) for ident, indicator in _by_theme(dataset)
    }
    return {k: v for k, v in _plain_data(data).items() if v not in ({}, [])}


def _pin_targets(dataset: Dataset, data: dict[str, Any]) -> None:
    # A target names one figure for good: pin it, so figures recorded later cannot make it vague.
    for target in data.get("targets", []):
        target["target"] = pin(resolve(dataset, target["target"]))


def _by_theme(dataset: Dataset) -> list[tuple[str, Indicator]]:
    """The indicators in canonical order: by theme, then in file order."""
    theme_order = {theme: n for n, theme in enumerate(dataset.themes)}
    return sorted(
        dataset.indicators.items(),
        key=lambda item: theme_order.get(item[1].theme, len(theme_order)),
    )


def _in_order(dumped: dict[str, Any], indicator: Indicator) -> dict[str, Any]:
    """An indicator's dump with its figures in canonical order."""
    observations = indicator.observations
    if observations:
        keys = [_figure_key(figure) for figure in observations]
        order = sorted(range(len(observations)), key=keys.__getitem__)
        if order != list(range(len(order))):
            dumped["observations"] = [dumped["observations"][i] for i in order]
    return dumped


Rendered = dict[str, tuple[Indicator, str]]
"""The text of each indicator's tables, by id, with the indicator it was made from."""


def canonical_text(dataset: Dataset, memo: Rendered | None = None) -> str:
    """The file text `ganxian fmt` writes: `render` of `canonical_data`.

    With *memo*, an indicator's tables are rendered once: an indicator that is the very object
    the memo holds (datasets are frozen, and an edit keeps the indicators it leaves alone) takes
    its text from there, so rendering a file and then the file with one figure more renders the
    other indicators only once.
    """
    if memo is None:
        memo = {}
    data = dataset.model_dump(mode="python", exclude_defaults=True, exclude={"indicators"})
    _pin_targets(dataset, data)
    texts: dict[str, str] = {}
    for ident, indicator in _by_theme(dataset):
        kept = memo.get(ident)
        if kept is None or kept[0] is not indicator:
            kept = memo[ident] = (indicator, _indicator_text(ident, indicator))
        texts[ident] = kept[1]
    plain = _plain_data(data)
    plain["indicators"] = texts
    ordered = {k: plain[k] for k in _FIELDS if k in plain}  # where the full dump has them
    return render({k: v for k, v in ordered.items() if v not in ({}, [])})


def canonical_order(dataset: Dataset) -> Dataset:
    """*dataset* with its indicators and figures in the order `canonical_data` lists them, so
    that a figure's index is its place in the canonical text (the figures that no longer count,
    known by index, are worked out again)."""
    theme_order = {theme: n for n, theme in enumerate(dataset.themes)}
    indicators = sorted(
        dataset.indicators.items(),
        key=lambda item: theme_order.get(item[1].theme, len(theme_order)),
    )
    ordered = {}
    for ident, indicator in indicators:
        figures = indicator.observations
        in_order = sorted(figures, key=_figure_key)
        if any(a is not b for a, b in zip(in_order, figures, strict=True)):
            indicator = indicator.model_copy(update={"observations": in_order})
        ordered[ident] = indicator
    result = dataset.model_copy(update={"indicators": ordered})
    result.settle()
    return result


def _figure_key(figure: Any) -> tuple[int, int, int, int, str]:
    p = figure.period
    return (p.year, p.start, p.end, STATUS_ORDER[figure.status], figure.subject or "")


def render(data: dict[str, Any]) -> str:
    """The text of canonical data (it is not changed).

    Every table and array of tables gets its own header, short or long, so each figure has one
    obvious place in the file; the values themselves are formatted by tomli-w.
    Keys are bare identifiers (the models enforce it), except declared unit symbols, which are
    quoted.
    """
    chunks = [tomli_w.dumps({k: v for k, v in data.items() if not isinstance(v, dict | list)})]
    for key, value in data.items():
        if key == "indicators":  # each indicator's plain data, or its text already made
            chunks.extend(
                indicator if isinstance(indicator, str) else _indicator_tables(ident, indicator)
                for ident, indicator in value.items()
            )
        elif key in ("themes", "sources", "units"):
            chunks.extend(_table(f"[{key}.{_key(ident)}]", table) for ident, table in value.items())
        elif isinstance(value, dict):
            chunks.append(_table(f"[{key}]", value))
        elif isinstance(value, list):
            chunks.extend(_table(f"[[{key}]]", item) for item in value)
    return "\n".join(chunks)


_FIGURE_LISTS = ("observations", "withheld")
_FIELDS = tuple(Dataset.model_fields)


def _indicator_text(ident: str, indicator: Indicator) -> str:
    """`_indicator_tables` of *indicator*'s canonical data, its figures written straight from
    the models (a file has thousands: dumping each to plain data first costs more than this)."""
    dumped = indicator.model_dump(mode="python", exclude_defaults=True, exclude={"observations"})
    rest = _plain_data(dumped)
    withheld = rest.pop("withheld", ())
    chunks = [_table(f"[indicators.{ident}]", rest)]
    header = f"[[indicators.{ident}.observations]]\n"
    chunks.extend(header + _figure_body(f) for f in sorted(indicator.observations, key=_figure_key))
    header = f"[[indicators.{ident}.withheld]]\n"
    chunks.extend(header + (_flat_table(w) or tomli_w.dumps(w)) for w in withheld)
    return "\n".join(chunks)


_FIGURE_FIELDS = tuple((name, field.default) for name, field in Figure.model_fields.items())


def _figure_body(figure: Figure) -> str:
    """What `_flat_table` (or tomli-w) writes for *figure*'s plain data, defaults left out."""
    values = figure.__dict__
    lines = []
    for name, default in _FIGURE_FIELDS:
        value = values[name]
        if value is default or value == default:
            continue  # as pydantic's exclude_defaults compares (None and False: by identity)
        kind = value.__class__
        if kind is str:
            if _ESCAPED.search(value):
                return _figure_fallback(figure)
            lines.append(f'{name} = "{value}"\n')
        elif kind is Decimal:
            if value.same_quantum(_ONE):  # `_plain_data` makes it an int
                lines.append(f"{name} = {int(value)!r}\n")
                continue
            if not value.is_finite():
                return _figure_fallback(figure)
            text = str(value).lower()
            if "." not in text and "e" not in text:
                text += ".0"
            lines.append(f"{name} = {text}\n")
        elif kind is Period:  # its text is digits, Q, H, dashes and dots, or `undated`
            lines.append(f'{name} = "{value}"\n')
        elif kind is bool:
            lines.append(f"{name} = true\n" if value else f"{name} = false\n")
        else:
            return _figure_fallback(figure)
    return "".join(lines)


def _figure_fallback(figure: Figure) -> str:
    plain = _plain_data(figure.model_dump(mode="python", exclude_defaults=True))
    return _flat_table(plain) or tomli_w.dumps(plain)


def _indicator_tables(ident: str, indicator: dict[str, Any]) -> str:
    """The tables of one indicator's plain data: its own, then one per figure."""
    rest = {k: v for k, v in indicator.items() if k not in _FIGURE_LISTS}
    chunks = [_table(f"[indicators.{ident}]", rest)]
    for name in _FIGURE_LISTS:
        header = f"[[indicators.{ident}.{name}]]\n"
        chunks.extend(
            header + (_flat_table(figure) or tomli_w.dumps(figure))
            for figure in indicator.get(name, ())
        )
    return "\n".join(chunks)


# What tomli-w writes as an escape in a basic string: quote, backslash, controls but the tab.
_ESCAPED = re.compile(r'["\\\x00-\x08\x0a-\x1f\x7f]')
_BARE = re.compile(r"[A-Za-z0-9_-]+")
_BARE_KEYS: set[str] = set()  # keys found bare: a file names the same few fields throughout


def _flat_table(table: dict[str, Any]) -> str:
    """The body tomli-w writes for a table of plain values (a figure): `key = value` lines,
    made here because a file has thousands of figures and tomli-w walks each value through
    its generic writer. "" for anything else (tomli-w writes it): a string it would escape, a
    list, a quoted key, a value of another type."""
    lines = []
    for key, value in table.items():
        kind = type(value)
        if kind is str:
            if _ESCAPED.search(value):
                return ""
            text = f'"{value}"'
        elif kind is Decimal:
            if not value.is_finite():
                return ""
            text = str(value).lower()
            if "." not in text and "e" not in text:
                text += ".0"
        elif kind is bool:
            text = "true" if value else "false"
        elif kind is int:
            text = int.__repr__(value)
        else:
            return ""
        if key not in _BARE_KEYS:
            if not _BARE.fullmatch(key):
                return ""
            _BARE_KEYS.add(key)
        lines.append(f"{key} = {text}\n")
    return "".join(lines)


def _key(key: str) -> str:
    """A TOML key: bare when it can be, else a basic string (declared units: "万标箱")."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return key
    return json.dumps(key, ensure_ascii=False).replace("\x7f", "\\u007f")


def _table(header: str, body: dict[str, Any]) -> str:
    return f"{header}\n{_flat_table(body) or tomli_w.dumps(body)}"


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
    a_raw, b_raw = _raw_lines(old), _raw_lines(new)
    # difflib grows quadratically with the lines it compares: give it only the changed middle
    # (with its context), then put the hunks back at their real line numbers. The shared head
    # and tail are found on the raw lines (equal lines escape alike), then on escaped ones
    # (escaping can make different lines look alike), so only the middle is escaped at all.
    a_esc: dict[int, str] = {}
    b_esc: dict[int, str] = {}

    def same(i: int, j: int) -> bool:
        if a_raw[i] == b_raw[j]:
            return True
        if i not in a_esc:
            a_esc[i] = _escaped(a_raw[i])
        if j not in b_esc:
            b_esc[j] = _escaped(b_raw[j])
        return a_esc[i] == b_esc[j]

    shortest = min(len(a_raw), len(b_raw))
    # the lines wholly inside the texts' common start and end are equal: counted at C speed,
    # the comparisons line by line start after them
    prefix = _common_prefix(old, new)
    suffix = _common_suffix(old, new, min(len(old), len(new)) - prefix)
    head = old.count("\n", 0, prefix)
    while head < shortest and a_raw[head] == b_raw[head]:
        head += 1
    while head < shortest and same(head, head):
        head += 1
    tail = min(max(0, old.count("\n", len(old) - suffix) - 1), shortest - head)
    while tail < shortest - head and a_raw[-1 - tail] == b_raw[-1 - tail]:
        tail += 1
    while tail < shortest - head and same(len(a_raw) - 1 - tail, len(b_raw) - 1 - tail):
        tail += 1
    start = max(0, head - _CONTEXT)
    a_mid = [_escaped(line) for line in a_raw[start : len(a_raw) - max(0, tail - _CONTEXT)]]
    b_mid = [_escaped(line) for line in b_raw[start : len(b_raw) - max(0, tail - _CONTEXT)]]
    lines = _unified(a_mid, b_mid, f"a/{shown}", f"b/{shown}", _opcodes(a_mid, b_mid))
    return "".join(_shift(line, start) for line in lines)


_BLOCK = 4096


def _common_prefix(a: str, b: str) -> int:
    """How many characters *a* and *b* share at their start (compared a block at a time)."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i : i + _BLOCK] == b[i : i + _BLOCK]:
        i += _BLOCK
    i = min(i, n)
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str, most: int) -> int:
    """How many characters, at most *most*, *a* and *b* share at their end."""
    la, lb = len(a), len(b)
    k = 0
    while k < most and a[max(la - k - _BLOCK, 0) : la - k] == b[max(lb - k - _BLOCK, 0) : lb - k]:
        k += _BLOCK
    k = min(k, most)
    while k < most and a[la - k - 1] == b[lb - k - 1]:
        k += 1
    return k


Opcode = tuple[str, int, int, int, int]
_LINE_BY_LINE = 4000
"""Middles of up to this many lines (both sides) are diffed as difflib diffs them, line by line.

difflib's matcher grows quadratically with the lines it compares when many lines repeat (a
4 MiB data file has thousands of `value = 10`), and a write that changes places far apart (an
import) leaves a long middle. Longer middles are matched table by table first (`_by_table`).
"""


def _opcodes(a: list[str], b: list[str]) -> list[Opcode]:
    if len(a) + len(b) <= _LINE_BY_LINE:
        return list(difflib.SequenceMatcher(None, a, b).get_opcodes())
    return _by_table(a, b)


def _by_table(a: list[str], b: list[str]) -> list[Opcode]:
    """Opcodes that match whole tables (a header line and the lines up to the next) first,
    then diff the lines of each changed stretch: of each pair of tables where as many changed on
    both sides, else of the whole stretch if it is short, else it is replaced whole."""
    a_starts, b_starts = _table_starts(a), _table_starts(b)
    a_keys = ["".join(a[x:y]) for x, y in itertools.pairwise(a_starts)]
    b_keys = ["".join(b[x:y]) for x, y in itertools.pairwise(b_starts)]
    codes: list[Opcode] = []
    matcher = difflib.SequenceMatcher(None, a_keys, b_keys)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        x1, x2, y1, y2 = a_starts[i1], a_starts[i2], b_starts[j1], b_starts[j2]
        if tag == "equal":
            _add(codes, ("equal", x1, x2, y1, y2))
        elif i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                _add_lines(codes, a, b, a_starts[i1 + k], a_starts[i1 + k + 1],
                           b_starts[j1 + k], b_starts[j1 + k + 1])  # fmt: skip
        else:
            _add_lines(codes, a, b, x1, x2, y1, y2)
    return codes


def _table_starts(lines: list[str]) -> list[int]:
    """Where each table starts (and the first stretch before any), and the end."""
    starts = [0] + [i for i, line in enumerate(lines) if line.startswith("[") and i]
    return [*starts, len(lines)] if lines else [0]


def _add_lines(
    codes: list[Opcode], a: list[str], b: list[str], x1: int, x2: int, y1: int, y2: int
) -> None:
    if (x2 - x1) + (y2 - y1) > _LINE_BY_LINE:
        tag = "replace" if x2 > x1 and y2 > y1 else "delete" if x2 > x1 else "insert"
        _add(codes, (tag, x1, x2, y1, y2))
        return
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a[x1:x2], b[y1:y2]).get_opcodes():
        _add(codes, (tag, x1 + i1, x1 + i2, y1 + j1, y1 + j2))


def _add(codes: list[Opcode], code: Opcode) -> None:
    """Append *code*, merging it into the previous one when both are equal stretches."""
    if codes and code[0] == "equal" and codes[-1][0] == "equal":
        codes[-1] = ("equal", codes[-1][1], code[2], codes[-1][3], code[4])
    elif code[1] < code[2] or code[3] < code[4]:
        codes.append(code)


def _unified(
    a: list[str], b: list[str], from_file: str, to_file: str, codes: list[Opcode]
) -> Iterator[str]:
    """`difflib.unified_diff(a, b, from_file, to_file, n=_CONTEXT)` for the given opcodes."""
    for n, group in enumerate(_Given(codes).get_grouped_opcodes(_CONTEXT)):
        if n == 0:
            yield f"--- {from_file}\n"
            yield f"+++ {to_file}\n"
        first, last = group[0], group[-1]
        yield f"@@ -{_range(first[1], last[2])} +{_range(first[3], last[4])} @@\n"
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                yield from (" " + line for line in a[i1:i2])
                continue
            if tag in ("replace", "delete"):
                yield from ("-" + line for line in a[i1:i2])
            if tag in ("replace", "insert"):
                yield from ("+" + line for line in b[j1:j2])


class _Given(difflib.SequenceMatcher[str]):
    """A matcher whose opcodes are given, so that difflib groups them into hunks."""

    def __init__(self, codes: list[Opcode]) -> None:
        super().__init__(None, [], [])
        self.codes = codes

    def get_opcodes(self) -> list[Opcode]:  # type: ignore[override]
        return self.codes


def _range(start: int, stop: int) -> str:
    """A unified diff's line range, as difflib writes it."""
    beginning, length = start + 1, stop - start
    if length == 1:
        return f"{beginning}"
    if not length:
        beginning -= 1
    return f"{beginning},{length}"


_CONTEXT = 3
_HUNK = re.compile(r"^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")
_NO_NEWLINE = "\n\\ No newline at end of file\n"


def _shift(line: str, offset: int) -> str:
    """A hunk header of a diff of a slice, moved *offset* lines down (other lines as they are)."""
    m = _HUNK.match(line)
    if m is None or offset == 0:
        return line
    a_start, b_start = int(m.group(1)) + offset, int(m.group(3)) + offset
    return f"@@ -{a_start}{m.group(2) or ''} +{b_start}{m.group(4) or ''} @@" + line[m.end() :]


def _raw_lines(text: str) -> list[str]:
    """The lines of *text* split at LF, as `_escaped` takes them (the last one may be marked
    as having no newline: no other line holds a LF, so it cannot look like one)."""
    lines = text.split("\n")
    last = lines.pop()
    if last:
        lines.append(last + _NO_NEWLINE)
    return lines


def _escaped(line: str) -> str:
    """A raw line as the diff shows it: escaped, with its newline."""
    if line.endswith(_NO_NEWLINE):
        return escape_control(line[: -len(_NO_NEWLINE)]) + _NO_NEWLINE
    return escape_control(line) + "\n"
