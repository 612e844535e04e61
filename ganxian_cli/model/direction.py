"""Which way a lead in 个百分点 points, by the word before it: 快于/领先/超序时 … ahead (positive),
慢于/落后/滞后/低于 … behind (negative), and so do 高/快 and 低/慢 right before the number after
比/较 (比全市低1.2个百分点). `validate` warns where a figure's sign disagrees (W004), the sign
check takes a word behind as a lead's minus, and `extract` gives such a lead its minus.

Only the nearest word before the number in its clause counts, and a growth word (提高/回落) that
stands nearer decides instead (the sign check reads those). 超/超过 touching the number is its
qualifier (低于全省超2个百分点: behind, by more than 2), not a direction.
"""

from __future__ import annotations

import re

from .wording import GROWTH_WORD, qualifier_start

_DIRECTION = (
    r"(?<!不)(?:慢于|滞后|低于|落后(?!产能|工艺|设备)"
    r"|快于|领先|高于|高出|超过|超出|超(?=序时|时序|时间))"
)
_WORD = re.compile(f"(?P<direction>{_DIRECTION})|{GROWTH_WORD.pattern}")
# 比全市低1.2个百分点: 低/慢/高/快 touching the number, after 比/较 in the clause (not the end
# of a growth word: 提高, 降低)
_COMPARED = re.compile(r"(?:比|较)[^比较]*?(?<![提升降减])(低|慢|高|快)了?$")
_CLAUSE_BREAK = re.compile(r"[,;:。!?，；：！？、]")
BEHIND = frozenset({"慢于", "落后", "滞后", "低于", "低", "慢"})
POINTS = "个百分点"  # the unit of a lead


def lead_word(text: str, start: int, end: int) -> str | None:
    """The direction word nearest before *end* in the clause of ``text[start:end]``, unless a
    growth word stands nearer; a qualifier touching *end* is not looked at."""
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        start = m.end()
    end = qualifier_start(text, start, end)
    compared = _COMPARED.search(text, start, end)
    if compared:
        return compared.group(1)
    found = _WORD.findall(text, start, end)
    return (found[-1] or None) if found else None  # "": a growth word stands nearer


def lead_behind(text: str, start: int, end: int, unit: str) -> bool:
    """Whether the number at *end*, in *unit*, is a lead its words say is behind."""
    return unit == POINTS and lead_word(text, start, end) in BEHIND
