"""Which known unit someone meant by an unknown one: 万圆 is 万元, not 万吨.

By meaning first (variant and traditional characters, English names: 圆 and 块 are 元, 噸 is 吨,
kW is 千瓦), then by the characters shared with a known unit, edit distance breaking ties.
"""

from __future__ import annotations

from collections.abc import Iterable

_SAME_MEANING = str.maketrans(
    {
        "圆": "元",
        "園": "元",
        "块": "元",
        "塊": "元",
        "萬": "万",
        "億": "亿",
        "噸": "吨",
        "畝": "亩",
        "個": "个",
        "項": "项",
        "條": "条",
        "臺": "台",
        "層": "层",
        "戶": "户",
        "％": "%",
    }
)
_WORDS = {
    "yuan": "元",
    "rmb": "元",
    "cny": "元",
    "mu": "亩",
    "t": "吨",
    "ton": "吨",
    "tons": "吨",
    "tonne": "吨",
    "tonnes": "吨",
    "kw": "千瓦",
    "percent": "%",
    "pct": "%",
    "pp": "个百分点",
    "百分比": "%",
    "人次": "人",
}


def suggest(symbol: str, known: Iterable[str]) -> str | None:
    """The known unit *symbol* most likely stands for, or None."""
    known = list(known)
    meant = _WORDS.get(symbol.strip().lower(), symbol.strip().translate(_SAME_MEANING))
    if meant in known:
        return meant
    from difflib import SequenceMatcher  # only on the error path

    def score(candidate: str) -> tuple[int, float]:
        shared = len(set(meant) & set(candidate))
        return shared, SequenceMatcher(None, meant, candidate).ratio()

    best = max(known, key=score, default=None)
    if best is None or score(best)[0] == 0:
        return None
    return best
