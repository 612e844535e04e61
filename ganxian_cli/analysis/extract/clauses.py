"""Clauses, names, subjects and quotes: the shortest verbatim text that shows a figure."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from ...model.units import Kind

CLAUSE_END = set("，,；;。！？!?：:|｜")  # a bar left by a table is no prose
WINDOW = 120  # a clause is never looked for further than this from its figure

_SUBJECT = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:有限公司|股份公司|集团公司|集团|公司|医院|小区|[乡镇][\u4e00-\u9fff]{1,4}?村)"
)
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|并|该区|该县|该市|该省|全区|全县|全市|全省|今年|目前|"
    # 在 as a preposition, not of a register's name (在建项目, 在谈项目, 在库, 在营企业)
    r"截至目前|共|累计|已经?|还|为|对|在(?!建|谈|库|营|岗|册|线|校|园|职)|实现|完成|达到?|有|的|"
    r"又|再|共计|预计到?|预计|将|"
    r"确保|力争|争取)+"
)
_TAIL = re.compile(
    r"(?:达到?|为|约|近|将近|接近|共|超过|超|逾|突破|是|有|的|了|至|到|已|可|计|预计|将|预)+$"
)
# a count inside the words before another figure (为415户企业办理留抵退税4.06亿元): how many,
# not what the figure measures
_COUNTED = re.compile(
    r"[近约超逾]?\d+(?:\.\d+)?[余多]?(?:万|亿)?[户家个名人项条件台所座](?!目)(?=[\u4e00-\u9fff])"
)
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,12}")


def clause(text: str, pos: int, lower: int, upper: int) -> tuple[int, int]:
    """The clause around *pos*, inside [lower, upper) and within WINDOW of it."""
    start = pos
    floor = max(lower, pos - WINDOW)
    while start > floor and not _ends(text, start - 1):
        start -= 1
    end = pos
    ceiling = min(upper, pos + WINDOW)
    while end < ceiling and not _ends(text, end):
        end += 1
    return start, end


def _ends(text: str, i: int) -> bool:
    """Whether text[i] ends a clause: a colon between digits is a ratio's (12.3:40.5:47.2)."""
    ch = text[i]
    if ch not in CLAUSE_END:
        return False
    if ch in ":：" and 0 < i < len(text) - 1:
        return not (text[i - 1].isdigit() and text[i + 1].isdigit())
    return True


def name(text: str, start: int, stop: int, after: int, after_limit: int, cut: str) -> str:
    """The phrase a figure measures: the clause's words before it, or the noun after it."""
    lead = text[start:stop]
    if cut:
        lead = lead.replace(cut, "")
    lead = re.sub(r"[“”‘’\"'《》()（）]", "", lead)
    whole = _TAIL.sub("", lead)
    lead = _TAIL.sub("", _LEAD.sub("", _COUNTED.sub("", lead)))
    if len(lead) >= 2:
        return lead[-24:]
    if len(lead) == 1 and len(whole) >= 2:
        return whole[-24:]  # 完成率: the verb is the name's
    m = _NOUN_AFTER.match(text, after, after_limit)
    return (lead + (m.group() if m else "")).strip() or lead


# a village or company a sentence or clause opens with (枫岭村村级集体经济收入…, 石岭村突破10万元):
# a village's name is short; 各村, 全村, 本村, 该村 and 农村 name none
_OPENER = re.compile(
    r"(?![农乡各全本该每此])[\u4e00-\u9fff]{1,2}村(?!民|委|级|组)"
    r"|[\u4e00-\u9fff]{2,14}?(?:有限公司|股份公司|集团公司|集团|公司)"
)
_OPENER_LONGEST = 20  # 14 characters and 有限公司
_OPENS_AT = "，,；;"
# the builder of a project named without a company word: 由鼎新医疗投资建设的…项目
_BUILDER = re.compile(r"由([\u4e00-\u9fff]{2,12}?)(?:投资建设|投资兴建|建设|承建)")
# 该公司: the company named last before it in the paragraph
_ANAPHOR = re.compile(r"该(?:公司|企业|集团)")
_COMPANY = re.compile(r"(?:有限公司|股份公司|集团公司|集团|公司)$")
_NOT_PART = re.compile(r"^(?:其中|由|在|对|是|与|和|经|据|为|该)+")


def _subject_name(found: str | None) -> str | None:
    if found:
        found = found.rsplit("的", 1)[-1]  # 总投资100亿元的赣州寒锐…公司: the name after 的
        found = _NOT_PART.sub("", found)  # 其中华兴竹业有限公司, 由华锐…公司: the name alone
    return found if found and len(found) >= 3 else None


class Subjects:
    """The last company, park, village or project named in a sentence before a figure's clause
    ends, for every figure of one text: each sentence is scanned once, not once a figure.

    Named means: a company, hospital, estate or township village anywhere in the sentence; a
    village or company the sentence or one of its clauses opens with; the builder of 由…投资建设;
    and 该公司, which stands for the company named last before it in its paragraph. A subject
    the sentence does not name is never filled in.
    """

    def __init__(self, text: str, paragraph_start: Callable[[int], int] | None = None) -> None:
        self.text = text
        self._paragraph_start = paragraph_start or (lambda _pos: 0)
        self._sentences: dict[tuple[int, int], tuple[list[int], list[str]]] = {}
        companies = [m for m in _SUBJECT.finditer(text) if _COMPANY.search(m.group())]
        self._company_starts = [m.start() for m in companies]
        self._company_ends = [m.end() for m in companies]
        self._companies = [m.group() for m in companies]

    def __call__(self, sentence: tuple[int, int], upper: int) -> str | None:
        """The last name in text[sentence[0]:upper], for *upper* inside *sentence*."""
        ends, names = self._sentences.get(sentence) or self._scan(sentence)
        before = bisect.bisect_right(ends, upper)
        for at in range(before - 1, max(-1, before - 5), -1):  # the last that is a name
            found = _subject_name(names[at])
            if found:
                return found
        return None

    def _scan(self, sentence: tuple[int, int]) -> tuple[list[int], list[str]]:
        text, (lower, upper) = self.text, sentence
        found = [(m.end(), m.group()) for m in _SUBJECT.finditer(text, lower, upper)]
        opens = [lower] + [i + 1 for i in range(lower, upper) if text[i] in _OPENS_AT]
        for at in opens:
            m = _OPENER.match(text, at, min(upper, at + _OPENER_LONGEST))
            if m:
                found.append((m.end(), m.group()))
        found += [(m.end(), m.group(1)) for m in _BUILDER.finditer(text, lower, upper)]
        for m in _ANAPHOR.finditer(text, lower, upper):
            named = self._company_before(m.start())
            if named:
                found.append((m.end(), named))
        found.sort(key=lambda pair: pair[0])
        scanned = ([end for end, _ in found], [name for _, name in found])
        self._sentences[sentence] = scanned
        return scanned

    def _company_before(self, pos: int) -> str | None:
        at = bisect.bisect_right(self._company_ends, pos) - 1
        if at < 0 or self._company_starts[at] < self._paragraph_start(pos):
            return None
        return self._companies[at]


_LIST_SPLIT = re.compile(r"[、和及与]")
_COLLECTIVE = re.compile(r"[一二三四五六七八九十两\d]+[大个项类家条种][\u4e00-\u9fff]{0,6}$")


# 惠及近500家企业 after 减免失业保险费318.6万元: the firms that amount reached
_BENEFIT = re.compile(r"(?:惠及|涉及|覆盖|受益)[\u4e00-\u9fff]{0,4}")
# 签约工业项目27个,金额401.3亿元: the amount of the projects just counted
_BARE_AMOUNT = re.compile(r"(?:金额|总金额|总额|总投资|投资额|计划总投资)")
_BENEFICIARY = re.compile(r"企业|市场主体|经营主体|商户|农户|群众")
# 23个重点调度项目已全部开工,完成投资74.5亿元: the investment of the projects of that list
_ALL_DONE_TAIL = re.compile(
    r"(?:已经?|均已?|都已?|现已)?(?:全部|全数|悉数)(?:已经?)?"
    r"(?:开工|复工|建成|签约|投产|竣工|完工|落地|开业|达产|投用)$"
)
_INVESTED = re.compile(r"(?:完成|累计完成)?投资(?:额)?")


def of_previous(name: str, previous: str, previous_kind: Kind, after: str) -> str:
    """*name* completed by the figure before it in the sentence (named *previous*, of kind
    *previous_kind*) where it names only a part: 惠及(企业) of an amount, 金额 of a count.
    *after*: the words after the figure (惠及近500家企业)."""
    if _BENEFIT.fullmatch(name) and previous_kind is Kind.AMOUNT:
        noun = _BENEFICIARY.match(after.lstrip("余多"))
        if noun and noun.group() not in name:
            name += noun.group()
        return previous + name
    if _BARE_AMOUNT.fullmatch(name) and previous_kind is Kind.COUNT:
        return previous + name
    items = _ALL_DONE_TAIL.sub("", previous)
    if _INVESTED.fullmatch(name) and previous_kind is Kind.COUNT and items != previous and items:
        return items + "完成投资额"
    return name


def list_item_name(text: str, start: int, stop: int) -> str | None:
    """The name of the n-th figure of "A、B和C分别实现产值a、b和c": B's name for b.

    *start* is the clause start and *stop* the figure's start; None where the clause has no
    分别 list or the counts do not line up.
    """
    lead = text[start:stop]
    at = lead.find("分别")
    if at < 0:
        return None
    items = [s for s in _LIST_SPLIT.split(_LEAD.sub("", lead[:at])) if s]
    if items:
        items[-1] = _COLLECTIVE.sub("", items[-1]) or items[-1]
    after = lead[at + 2 :]
    digits = re.search(r"[\d０-９]", after)
    measure = after[: digits.start()] if digits else after
    position = len(_LIST_SPLIT.findall(after[len(measure) :]))
    if len(items) < 2 or position >= len(items):
        return None
    return items[position] + _LEAD.sub("", measure)
