"""The sign that change words give a number: 增长3.4% is +3.4, 下降3.4% and 负增长3.4% are −3.4.

One reading shared by `validate` (G212: does a figure's sign fit its words?) and `extract` (which
sign does a number get?). `reading` looks only at the clause before the number, once:

- a minus (or plus) touching the number decides, also inside brackets: 较一季度(-8.1%) is −8.1;
- else the nearest change word before the number in its clause, skipping bracketed text:
  增长/增加/提高/上升/上涨/加快/扩大/回升 +, 下降/减少/回落/下滑/降低/下跌/负增长/收窄/放缓 −;
- a change of a rate (个百分点) reads with its subject: the change word of a DECLINE (降幅/跌幅)
  turns over, so 降幅收窄1.2个百分点 is +1.2 (a narrowing decline is a rise) and 降幅扩大1.9个百分点
  −1.9, while 增幅回落1.3个百分点 is −1.3 and 增速加快0.8个百分点 +0.8; 收窄/扩大/缩小 with no
  rate named in the clause (a quote cut to 收窄5.2个百分点) decide nothing;
- a 分别-list takes its head's word for every item: 分别回落3.05和0.87个百分点 are both −, and
  分别下降2.1%、3.4%和0.5% all − (、 and 和 do not end the clause);
- the lead words of `model.direction` (快于/领先/超序时 ahead +, 慢于/落后/滞后/低于 behind −,
  比全市低1.2个百分点) decide where they stand nearer than any change word.

For an amount or a count a decrease word (比上年减少2.1万亩) says what changed, not a negative
figure: `Reading.how` tells the caller which kind of word decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .direction import BEHIND, lead_word

Sign = Literal[1, -1]
How = Literal["minus", "change", "rate", "lead"]

# Subjects of a rate change: the rate of a decline turns the change word over.
_DECLINE_RATES = ("降幅", "跌幅", "降速", "减幅", "下降幅度", "下降速度", "下滑幅度")
_GROWTH_RATES = ("增幅", "增速", "涨幅", "增长速度", "增长幅度", "增长率", "增长面", "下降面")
_UP: tuple[str, ...] = (
    "增长",
    "增加",
    "提高",
    "上升",
    "上涨",
    "提升",
    "加快",
    "扩大",
    "回升",
    "增收",
    "加大",
)
_UP += ("加深", "走高")
_DOWN: tuple[str, ...] = (
    "负增长",
    "下降",
    "减少",
    "回落",
    "下滑",
    "降低",
    "下跌",
    "收窄",
    "放缓",
    "缩小",
)
_DOWN += ("减缓", "缩减", "减收", "萎缩", "回调", "走低")
_WORDS = re.compile(
    "|".join(
        (
            f"(?P<decline>{'|'.join(_DECLINE_RATES)})",
            f"(?P<rate>{'|'.join(_GROWTH_RATES)})",
            f"(?P<down>{'|'.join(sorted(_DOWN, key=len, reverse=True))})",
            f"(?P<up>{'|'.join(sorted(_UP, key=len, reverse=True))})",
        )
    )
)
# Words that say only which way the SIZE of a rate went: without 降幅/增幅 they decide nothing.
_NEEDS_SUBJECT = frozenset({"收窄", "缩小", "扩大", "加大", "加深"})
# What ends a clause (not 、 nor 和: a 分别-list goes on over them).
_BREAKS = frozenset(",，;；。:：!！?？\n")
_OPEN, _CLOSE = "(（", ")）"
_MINUS = "-－−"
_PLUS = "+＋"
_DIGIT_OR_POINT = frozenset("0123456789.０１２３４５６７８９．")


@dataclass(frozen=True)
class Reading:
    """The sign the words give a number, the word that gave it and where it stands."""

    sign: Sign
    word: str
    how: How  # minus: a sign touching it; change: 增长/下降…; rate: 降幅收窄…; lead: 快于/慢于…
    at: int


def _clause_start(text: str, start: int) -> int:
    """Where the clause of the number at *start* begins: after the last break, or after the
    bracket the number stands in. Reads back only over the clause."""
    depth = 0
    i = start - 1
    while i >= 0:
        ch = text[i]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                return i + 1  # the number is in these brackets: they are its clause
            depth -= 1
        elif ch in _BREAKS and depth == 0:
            return i + 1
        i -= 1
    return 0


def _outside_brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of text[start:end] outside brackets (the clause of a number outside them)."""
    parts: list[tuple[int, int]] = []
    depth, last = 0, start
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            if depth == 0 and i > last:
                parts.append((last, i))
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
            if depth == 0:
                last = i + 1
    if depth == 0 and end > last:
        parts.append((last, end))
    return parts


def _touching(text: str, start: int, end: int) -> Reading | None:
    """A minus or plus at the start of the number, or right before it (not after a digit)."""
    at = start
    if at < end and text[at] in _MINUS + _PLUS:
        pass
    elif at > 0 and text[at - 1] in _MINUS + _PLUS:
        at -= 1
        if at > 0 and text[at - 1] in _DIGIT_OR_POINT:
            return None  # 1-5: a range, not a sign
    else:
        return None
    sign: Sign = -1 if text[at] in _MINUS else 1
    return Reading(sign, text[at], "minus", at)


def _change(text: str, parts: list[tuple[int, int]]) -> Reading | None:
    """The nearest change word in *parts*, turned over where a decline's rate is its subject."""
    word: re.Match[str] | None = None
    subject: str | None = None  # the rate noun nearest before that word
    last_rate: re.Match[str] | None = None
    for start, end in parts:
        for m in _WORDS.finditer(text, start, end):
            if m.lastgroup in ("decline", "rate"):
                last_rate = m
                word = None
                subject = None
            else:
                word = m
                subject = None if last_rate is None else last_rate.lastgroup
    if word is None:
        if last_rate is not None and last_rate.lastgroup == "decline":
            return Reading(-1, last_rate.group(), "change", last_rate.start())  # 降幅为3.2%
        return None
    if subject is None and word.group() in _NEEDS_SUBJECT:
        return None  # 收窄5.2个百分点: narrowing a decline or a growth? the quote does not say
    up = word.lastgroup == "up"
    if subject == "decline":
        up = not up  # 降幅收窄: the decline's rate narrows, the rate rises
    sign: Sign = 1 if up else -1
    return Reading(sign, word.group(), "rate" if subject else "change", word.start())


def reading(text: str, start: int, end: int) -> Reading | None:
    """What the words before the number at text[start:end] say about its sign; None when no
    word decides. Reads only the number's clause (and the head of its 分别-list)."""
    touching = _touching(text, start, end)
    if touching is not None:
        return touching
    clause = _clause_start(text, start)
    parts = _outside_brackets(text, clause, start)
    change = _change(text, parts)
    after = change.at + len(change.word) if change is not None else clause
    lead = lead_word(text, after, start)
    if lead:
        return Reading(-1 if lead in BEHIND else 1, lead, "lead", text.rfind(lead, after, start))
    return change


def sign_of(text: str, start: int, end: int) -> Sign | None:
    """The sign the words give the number at text[start:end]: 1, -1, or None (no word)."""
    found = reading(text, start, end)
    return None if found is None else found.sign
