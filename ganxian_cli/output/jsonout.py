"""JSON text with Decimals written as JSON numbers, digit for digit (133.87, never 133.87000…).

Written by orjson (a Decimal goes in as a ready-made fragment of its plain digits), UTF-8 (not
\\u-escaped) except for characters that could act on a terminal or hide text (bidi overrides,
C1 controls, zero-width characters), which are written as \\u escapes: the JSON means the
same, but shows them. orjson's structural text is ASCII, so these are escaped in one pass over
the whole text. What orjson does not take (an integer beyond 64 bits, a key that is not a
string, a lone surrogate) goes through the slower writer below, which gives the same text, or
the error (a non-finite Decimal, an unknown type). Floats, which ganxian never makes, would be
written as orjson writes them (the slow writer refuses them).
"""

from __future__ import annotations

import re
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any

import orjson

from ..errors import INVISIBLE_RE
from ..model.numerals import plain

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def _fragment(value: Any) -> orjson.Fragment:
    if value.__class__ is Decimal and value.is_finite():
        text = str(value)  # `plain`, inlined: orjson calls this once per number
        if "E" in text or "e" in text:
            text = f"{value:f}"
        return orjson.Fragment(text)
    raise TypeError  # orjson gives up: the slow writer says why


def _escaped(text: str) -> str:
    if INVISIBLE_RE.search(text):
        text = INVISIBLE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


# The UTF-8 encodings of the characters INVISIBLE_RE finds (`errors.INVISIBLE`): searching
# orjson's bytes for them is faster than searching the decoded text.
INVISIBLE_UTF8 = re.compile(
    rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe2\x80[\x8b-\x8f\xa8-\xae]|\xe2\x81[\xa0\xa6-\xa9]|\xef\xbb\xbf"
)

_LEADS = b"\x7f\xc2\xd8\xe2\xef"  # the first bytes of those encodings


def dumps(value: Any, indent: int = 2) -> str:
    """Serialise dicts, lists, str, int, bool, None and finite Decimals."""
    if indent == 2:
        try:
            data = orjson.dumps(value, default=_fragment, option=_OPTIONS)
        except orjson.JSONEncodeError:
            pass
        else:
            text = data.decode()
            # most output has none of their first bytes: one pass in C says so
            leads = len(data.translate(None, _LEADS)) != len(data)
            return _escaped(text) if leads and INVISIBLE_UTF8.search(data) else text
    parts: list[str] = []
    _write(value, parts, indent, 0)
    return "".join(parts)


def _string(text: str) -> str:
    return _escaped(encode_basestring(text))


def _write(value: Any, out: list[str], indent: int, level: int) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"cannot write {value} as JSON")
        out.append(plain(value))
    elif value is None:
        out.append("null")
    elif isinstance(value, bool):
        out.append("true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        pad = "\n" + " " * (indent * (level + 1))
        out.append("{")
        for n, (key, item) in enumerate(value.items()):
            out.append(("," if n else "") + pad + _string(str(key)) + ": ")
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
