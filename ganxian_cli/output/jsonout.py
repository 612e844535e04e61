"""JSON text with Decimals written as JSON numbers, digit for digit (133.87, never 133.87000…)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ..model.numerals import plain


def dumps(value: Any, indent: int = 2) -> str:
    """Serialise dicts, lists, str, int, bool, None and finite Decimals; UTF-8, not \\u-escaped."""
    parts: list[str] = []
    _write(value, parts, indent, 0)
    return "".join(parts)


def _write(value: Any, out: list[str], indent: int, level: int) -> None:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as JSON")
        out.append(plain(value))
    elif value is None or isinstance(value, bool | int | str):
        out.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        pad = "\n" + " " * (indent * (level + 1))
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            out.append(("," if n else "") + pad + json.dumps(str(key), ensure_ascii=False) + ": ")
            _write(item, out, indent, level + 1)
        out.append("\n" + " " * (indent * level) + "}")
    elif isinstance(value, list | tuple):
        if not value:
            out.append("[]")
            return
        pad = "\n" + " " * (indent * (level + 1))
        out.append("[")
        for n, item in enumerate(value):
            out.append(("," if n else "") + pad)
            _write(item, out, indent, level + 1)
        out.append("\n" + " " * (indent * level) + "]")
    else:
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
