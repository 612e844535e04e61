"""Which way a lead in 个百分点 points, by the word before it: 快于/领先/超 … ahead (positive),
慢于/落后/滞后/低于 … behind (negative). `validate` warns where a figure's sign disagrees (W004)
and `extract` gives a lead behind its minus."""

from __future__ import annotations

import re

# 不低于 / 不高于 set bounds, they say nothing of a direction
_WORD = re.compile(r"(?<!不)(慢于|落后|滞后|低于|快于|领先|高于|高出|超过|超出|超)")
_CLAUSE_BREAK = re.compile(r"[,;:。!?，；：！？]")
BEHIND = frozenset({"慢于", "落后", "滞后", "低于"})


def lead_word(text: str, start: int, end: int) -> str | None:
    """The direction word nearest before *end* in the clause of ``text[start:end]``, if any."""
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        start = m.end()
    words = _WORD.findall(text, start, end)
    return words[-1] if words else None
