"""What the words next to a number in a quote say about it: its sign and its qualifier.

下降13.9% is a negative growth, 约1349亿元 is about, 300余名 is more than. Only the words next to
the figure count: the nearest growth word before it in its clause, the words touching it.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numerals import Occurrence, plain

_CLAUSE_BREAK = re.compile(r"[,;:。!?()]")
NEGATIVE_WORDS = (
    *("负增长", "下降", "减少", "回落", "下滑", "下跌", "降低", "缩减", "减收", "萎缩"),
    *("降幅", "亏损"),
)
_POSITIVE_WORDS = ("增长", "提高", "增加", "上升", "提升", "上涨", "增收", "增幅")
GROWTH_WORD = re.compile("|".join((*NEGATIVE_WORDS, *_POSITIVE_WORDS)))
# Every word `model.change_words` reads a sign from: a quote without one before its number has no
# sign word (the shortcut of `plainly_shown`).
_RATE_CHANGE_WORDS: tuple[str, ...] = (
    "加快",
    "扩大",
    "回升",
    "加大",
    "加深",
    "走高",
    "收窄",
    "放缓",
    "缩小",
)
_RATE_CHANGE_WORDS += ("减缓", "回调", "走低", "跌幅", "降速", "减幅")
CHANGE_WORD = re.compile("|".join((*NEGATIVE_WORDS, *_POSITIVE_WORDS, *_RATE_CHANGE_WORDS)))

# Qualifier words: before the number (约达180.3亿元: fillers such as 达 may stand between) …
_FILLER = "达到为计共有了是"
_BEFORE = re.compile(rf"(大约|约|将近|接近|近|超过|突破|不少于|不低于|逾|超)[{_FILLER}]{{0,2}}$")
_NOT_A_QUALIFIER = {"约": "签预节合制条履违特公邀", "近": "最附临靠就"}
# … and after it (1349亿元左右, 10亿元以上, 300余名, 1.2万多亩).
# 多 and 余 after the unit only where they are not the start of a word (3个多功能厅, 余额).
_AFTER = re.compile(r"(以上|左右|有余|多(?!功能|元|样|种|彩|媒体|方|措|家|个|项)|余(?!额|量|下))")
WORDS = {
    "大约": "about",
    "约": "about",
    "左右": "about",
    "将近": "nearly",
    "接近": "nearly",
    "近": "nearly",
    "超过": "more_than",
    "突破": "more_than",
    "不少于": "more_than",
    "不低于": "more_than",
    "逾": "more_than",
    "超": "more_than",
    "以上": "more_than",
    "有余": "more_than",
    "多": "more_than",
    "余": "more_than",
}
EXPECTED = {
    "more_than": "余/多/超过/以上/突破/不少于",
    "nearly": "近/将近",
    "about": "约/左右",
}


def sign_word_at(occ: Occurrence) -> str | None:
    """The minus sign right before *occ*, or the nearest growth word before it in its clause."""
    text = occ.text
    before = text[max(0, occ.start - 2) : occ.start]
    if before.endswith("-") and not before[:-1].isdigit():
        return "-"
    if GROWTH_WORD.search(text, 0, occ.start) is None:
        return None  # no growth word before it at all (most quotes): no clause to find
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, occ.start):
        clause_start = m.end()
    words = GROWTH_WORD.findall(text, clause_start, occ.start)
    return words[-1] if words else None


def is_negative(word: str | None) -> bool:
    """Whether a sign word (from `sign_word_at`) makes the number negative."""
    return word == "-" or word in NEGATIVE_WORDS


def qualifier_start(text: str, start: int, end: int) -> int:
    """Where a qualifier word touching *end* begins (超 of 超2个百分点), else *end*; the word
    lies within ``text[start:end]``."""
    before = _BEFORE.search(text, max(start, end - 6), end)  # as `qualifiers_at` looks
    return before.start(1) if before else end


def qualifiers_at(occ: Occurrence) -> dict[str, str]:
    """The qualifier words touching *occ*, each with the qualifier it means."""
    found: dict[str, str] = {}
    window = occ.text[max(0, occ.start - 6) : occ.start]  # a word, two fillers, one before
    before = _BEFORE.search(window)
    if before:
        word = before.group(1)
        at = before.start(1)
        excluded = _NOT_A_QUALIFIER.get(word, "")
        if not (at > 0 and window[at - 1] in excluded):
            found[word] = WORDS[word]
    form = occ.unit_form
    for approx in "余多":
        if approx not in form:
            continue
        if form.endswith(approx) and not _AFTER.match(occ.text, occ.end - 1):
            continue  # 3个多功能厅: 多 starts the next word
        found[approx] = "more_than"
    after = _AFTER.match(occ.text, occ.end)
    if after:
        found[after.group(1)] = WORDS[after.group(1)]
    return found


# Every qualifier word ends with one of these: a text without them has none (see `qualifiers_at`).
_QUALIFIER_ENDS = re.compile("[" + "".join(sorted({word[-1] for word in WORDS})) + "]")
_NOT_ALONE = frozenset("0123456789.,-")  # before a number: part of it, or its minus


def plainly_shown(text: str, value: Decimal, units: re.Pattern[str]) -> bool:
    """The common quote, read in one look: True where normalized *text* shows *value* as an
    exact figure with its unit (*units* is the unit's `unit_pattern`) and nothing to say
    against it, as the full reading would find.

    That is: the digits of the value's size first stand in the text as a number of their own
    with the unit after them; before them stands a minus (not after a digit or a point) where
    the value is negative, and otherwise nothing that could belong to the number or be its minus
    and no growth word; and no qualifier word stands anywhere. `occurrences` finds that very
    occurrence (only one spelling starts at one place), `sign_word_at` finds the minus or no
    word, and `qualifiers_at` no word. False decides nothing.
    """
    if _QUALIFIER_ENDS.search(text) is not None:
        return False
    digits = str(value)
    if "E" in digits or "e" in digits:
        digits = plain(value)  # `plain` is the text itself unless it has an exponent
    negative = digits[0] == "-"
    if negative:
        digits = digits[1:]  # the size, as `plain(abs(value))` prints it
    at = text.find(digits)
    if at < 0 or units.match(text, at + len(digits)) is None:
        return False
    if at == 0:
        return not negative
    before = text[at - 1]
    if negative:
        # after a digit or a point the minus is a range's dash (1-5, .-12), not a sign
        return before == "-" and not (at >= 2 and (text[at - 2].isdigit() or text[at - 2] == "."))
    if before in _NOT_ALONE or before.isdigit():
        return False
    return CHANGE_WORD.search(text, 0, at) is None
