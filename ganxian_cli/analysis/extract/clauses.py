"""Clauses, names, subjects and quotes: the shortest verbatim text that shows a figure."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from ...model.units import Kind

CLAUSE_END = set("，,；;。！？!?：:|｜")  # a bar left by a table is no prose
WINDOW = 120  # a clause is never looked for further than this from its figure

_SUBJECT = re.compile(
    r"[\u4e00-\u9fff]{2,14}?(?:有限公司|股份公司|集团公司|集团|公司|医院|小区|[乡镇][\u4e00-\u9fff]{1,4}?村)"
)
_LEAD = re.compile(
    r"^(?:其中|同时|此外|另外|并|该区|该县|该市|该省|全区|全县|全市|全省|全镇|全乡|全州|全旗|"
    r"县里|区里|市里|镇里|乡里|全国|今年|年内|目前|该?公司|该企业|该集团|"
    # 由鼎新医疗投资建设的: the builder is the figure's subject, not its name
    r"由[\u4e00-\u9fff]{2,12}?(?:投资建设|投资兴建|建设|承建)的|"
    # 在 as a preposition, not of a register's name (在建项目, 在谈项目, 在库, 在营企业); 达 and
    # 有 as verbs, not of 达产 or 有效
    # 为企业减税降费: the beneficiary of what is named
    r"截至目前|共|累计|已经?|还|为(?:企业|群众|农户|居民|市场主体|经营主体)?|"
    # 对东盟进出口: trade with a partner keeps its 对
    r"对(?![\u4e00-\u9fff]{1,6}?(?:进出口|出口|进口))|"
    r"在(?!建|谈|库|营|岗|册|线|校|园|职)|实现|完成|"
    r"达(?!产)到?|有(?!效)|的|又|再|共计|预计到?|预计|将|安排的|"
    r"确保|力争|争取|"
    # 组织开展各类促消费活动: the verb of holding events, not their name
    r"(?:组织)?开展(?:了)?|举办(?:了)?|各类)+"
)
_TAIL = re.compile(
    r"(?:达到?|为|约|近|将近|接近|共|超过|超|逾|突破|是|有|的|了|至|到|已|可|计|预计|将|预|仍然?|相应|"
    r"稳定在|保持在|控制在|(?:修正|调整|修订|更正|核实)为|(?:压缩|缩短|提高|提升|降低|下降|上升)(?:至|到))+$"
)
# a count inside the words before another figure (为415户企业办理留抵退税4.06亿元): how many,
# not what the figure measures
_COUNTED = re.compile(
    r"[近约超逾]?\d+(?:\.\d+)?[余多]?(?:万|亿)?[户家个名人项条件台所座](?!目)(?=[\u4e00-\u9fff])"
)
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{1,24}")
_NOUN_LONGEST = 12  # the noun after a figure, where no verb ends it


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


def name(
    text: str, start: int, stop: int, after: int, after_limit: int, cut: str, floor: int = 0
) -> str:
    """The phrase a figure measures: the clause's words before it, or the noun after it; a
    clause that names only a change (比年初增加), a total (总数) or a livestock measure (出栏)
    completes it with what the clause before (in the paragraph from *floor*) counts; said as a
    statistician names it (`formal`)."""
    raw, listed = _respectively(text, start, stop, after, after_limit)
    lead = _lead(raw, cut)
    if _in_ratio(text, stop, after) and (ratio := _RATIO_NAME.fullmatch(lead)):
        return ratio.group("of") + "结构比"  # 三次产业比例调整为8.0:40.1:51.9: its parts
    figure = text[stop:after]
    rate = figure.endswith(("%", "％"))
    earlier = text[stop - 2 : stop].rstrip("-−") in ("(", "（")  # 降幅较一季度(-8.1%)收窄
    points = figure.endswith("个百分点") or (
        listed[1] > 1 and _POINTS_LISTED.match(text, after) is not None
    )  # 分别回落3.05和0.87个百分点: 3.05 is in 个百分点 too
    if rate or earlier or points:
        change = points and not earlier
        compared = _rate_compared(text, (floor, start), lead, change, listed)
        if compared:
            return compared
    if rate and lead in _BARE_SHARE:  # 支出15.62亿元,其中民生支出12.48亿元,占比79.9%
        whole_part = _previous_names(text, (floor, start), 2)
        if len(whole_part) == 2 and whole_part[0] != whole_part[1]:
            whole, part = (formal(n) for n in whole_part)
            return f"{part}占{whole}比重"
    share = _SHARE_OF.fullmatch(lead) if rate else None
    if share:
        named = _share(text, (floor, start), share.group("whole"))
        if named:
            return named
    if _OF_ITEMS.search(_bare(raw, cut)) and _ITEMS_AFTER.match(text, after, after_limit):
        lead = ""  # 全年安排的75个重点项目: the count names the items after it
    if lead.endswith("等"):  # 红岩新能源等6个项目计划于三季度开工: examples, then the count
        planned = _PLANNED_ITEMS.match(text, after, after_limit)
        if planned:
            return planned.group("verb") + planned.group("items")
        lead = ""
    if len(lead) >= 2:
        found = formal(_completed(text, (floor, start), lead[-24:]), rate)
        register = _REGISTER_VERB.search(text[start:stop]) is not None
        if figure.endswith(("家", "户")) and register and _REGISTER.fullmatch(found):
            found += "数"  # 规上工业企业达96家: the number of firms the register holds
        return _measured(found, figure)
    whole = _TAIL.sub("", _bare(raw, cut))
    if len(lead) == 1 and len(whole) >= 2:
        return formal(whole[-24:], rate)  # 完成率: the verb is the name's
    m = _NOUN_AFTER.match(text, after, after_limit)
    noun = m.group() if m else ""
    kind = _KIND_BEFORE_END.search(noun)
    stops = _NOUN_ENDS.match(noun, kind.end()) if kind else _NOUN_ENDS.search(noun, 1)
    # 12个民生实事项目全部完工: the items, not what they do (6个项目竣工投产: the items done
    # so); else at most 12 characters
    if stops and _DONE_ONLY.fullmatch(noun, stops.start()):
        noun = noun[stops.start() :] + noun[: stops.start()]
    else:
        noun = noun[: stops.start()] if stops else noun[:_NOUN_LONGEST]
    found = formal((lead + noun).strip() or lead, rate)
    if figure.endswith(("家", "户")) and not lead and _REGISTER.fullmatch(found):
        found += "数"  # 全镇12家规模以上工业企业完成产值: the number of firms
    return found


# the items a count names after it and what they are planned to do (项目计划于四季度投产)
_PLANNED_ITEMS = re.compile(
    r"(?P<items>[\u4e00-\u9fff]{0,6}?(?:项目|企业))(?:计划|拟|将|力争|确保)?(?:于|在)?"
    r"[^,，;；。]{0,6}?(?P<verb>投产|开工|竣工|建成|完工|签约|开业|落地)"
)
# a relative clause right before a count (全年安排的75个重点项目), and the items after it
_OF_ITEMS = re.compile(r"[\u4e00-\u9fff]的$")
_ITEMS_AFTER = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:项目|企业)")  # not 项目 alone


# the word a name takes for what its unit measures: 接待游客…万人次 counts 人次, 植树造林2600亩
# is an area, 出口98.7亿元 a total value
_MEASURED_BY = (
    (re.compile(r"人次$"), re.compile(r"人次"), "人次"),
    (re.compile(r"(?:万|千)?(?:亩|公顷|平方米|平方公里)$"), re.compile(r"面积|耕地|林地"), "面积"),
)
_TRADE = re.compile(r"(?:进出口|出口|进口)")


def _measured(name: str, figure: str) -> str:
    """*name* with the word of what *figure*'s unit measures, where it lacks it."""
    for unit, word, add in _MEASURED_BY:
        if unit.search(figure) and not word.search(name):
            return name + add
    if _TRADE.fullmatch(name) and figure.endswith("元"):
        return name + "总额"
    return name


# a share named by its whole alone (占一般公共预算支出的81.6%, 占年度计划的25.8%)
_SHARE_OF = re.compile(r"占(?P<whole>[\u4e00-\u9fff]{2,16}?)(?:的)?(?:比重|比例)?(?:提高|下降)?")
_PLANNED = re.compile(r"计划|任务|目标")
# a share named by no whole (其中民生支出12.48亿元,占比79.9%): of the item before in the whole
# its sentence opened with
_BARE_SHARE = frozenset({"占比", "比重", "所占比重"})
_REGION_IN = re.compile(r"全[区县市省镇乡州旗]")


def _share(text: str, at: tuple[int, int], whole: str) -> str | None:
    """The name of a share of *whole*: of a plan or task, its completion (完成年度计划); else
    what the clause before measures, 占 the whole, 比重 (民生支出占一般公共预算支出比重)."""
    whole = formal(_REGION_IN.sub("", whole))
    if _PLANNED.search(whole):
        return "完成" + whole
    part = _RATE_WORD.sub("", formal(_previous_name(text, at), rate=True))
    if len(part) < 2 or len(whole) < 2:
        return None
    return f"{part}占{whole}比重"


# a rate named only by its change against another period (增幅较1—5月回落, 比一季度加快), or
# only as a growth (其中6月份增长9.5%): of the measure its words or the clause before name
_COMPARED = re.compile(
    r"(?P<measure>.*?)(?:增速|增幅|降幅|涨幅|增长)?(?:(?<!同)(?:比|较)(?P<when>上年同期|去年同期|"
    r"上年末|去年末|上年底|去年底|上年|去年|上月|上季度|[一二三四]季度|上半年|前三季度|年初|\d+[-—至~]\d+月|\d+月份?|"
    r"\d{4}年)(?:同期)?(?:分别)?(?:加快|回落|提高|收窄|扩大|下降|上升|放缓|减缓|增长)?|"
    r"(?P<than>(?:高于|低于|快于|慢于)(?:全国|全省|全市|全区|全县))(?:平均水平|平均)?)?"
)
_PLAN_DONE = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:完成|占)(?:年度|全年)(?:计划|预算|目标|任务)的?$"
)
_GROWTH_ONLY = re.compile(r"增长|下降|增速|增幅|降幅")
_RATE_WORD = re.compile(r"(?:增速|增幅|降幅|涨幅|增长|下降)$")
# the verb of a register before its count: 规上企业达163家, 共有, 现有
_REGISTER_VERB = re.compile(r"(?:达到?|共有|现有|总数)\s*$|^(?:年末|年底|截至)")


def _respectively(
    text: str, start: int, stop: int, after: int, after_limit: int
) -> tuple[str, tuple[int, int]]:
    """The words before a figure, and its place in a 分别 list (k-th of m, from 0; (0, 1) for
    none): 分别增长12.3%和8.6% names both figures by the words before the first, without 分别."""
    raw = text[start:stop]
    at = raw.find("分别")
    if at < 0:
        return raw, (0, 1)
    first = _FIRST_NUMBER.search(raw, at)
    before = _LIST_SEP.findall(raw, first.start()) if first else []
    rest = _LIST_SEP.findall(text, after, after_limit)
    words = raw[: first.start()] if first else raw
    return words.replace("分别", ""), (len(before), len(before) + 1 + len(rest))


_SHARE_OR_RATE = re.compile(r"(?:率|比重|占比|比例)$")
_BASE_YEAR = re.compile(r"\d{4}年")
_POINTS_LISTED = re.compile(r"(?:[和、][\d０-９.]+)+个百分点")
_LIST_SEP = re.compile(r"[和、](?=[\d０-９])")


def _rate_compared(
    text: str, at: tuple[int, int], lead: str, change: bool, listed: tuple[int, int] = (0, 1)
) -> str | None:
    """The name of a rate given by its change against another period (*change*: in 个百分点:
    X增速变动, the sign says which way) or of the earlier period's rate in brackets (X增速), or
    of a rate named only 增长: X is the measure its words name, else the clause before (*at*:
    the paragraph's start and the clause's); None where the words name more than that."""
    found = _COMPARED.fullmatch(lead.rstrip("-−"))
    compared = found is not None and (found.group("when") or found.group("than"))
    if found is None or (not compared and not _GROWTH_ONLY.fullmatch(lead)):
        return None
    measure = found.group("measure")
    if len(measure) < 2:  # the clause before, or the k-th of the m before a 分别 list
        named = _previous_names(text, at, listed[1])
        measure = named[listed[0]] if len(named) == listed[1] else ""
        # 收入完成年度预算的46.8%,降幅比1-4月收窄: the measure's rate, not its plan's share
        measure = _PLAN_DONE.sub("", measure)
    measure = _RATE_WORD.sub("", formal(measure, rate=True))
    if len(measure) < 2:
        return None
    when = found.group("when") or ""
    if not change and _BASE_YEAR.fullmatch(when):  # 比2019年同期增长: not a growth on a year
        return f"{measure}比{when}增长"
    if found.group("than"):  # 增速高于全市0.5个百分点: the lead over a wider region, 低于
        return measure + "增速高于" + found.group("than")[2:]  # too (its sign is negative)
    if _SHARE_OR_RATE.search(measure):  # a rate or share itself (失业率): its change
        return measure + ("变动" if change else "")
    return measure + ("增速变动" if change else "增速")


def _bare(lead: str, cut: str) -> str:
    """*lead* without the period phrase *cut*, quotes, brackets, and a ratio's parts before
    (三次产业结构比为12.3:40.5:): what is left of the name's words."""
    if cut:  # 8月底前还将有5个项目: 前 is the date's (before the end of August)
        lead = re.sub(re.escape(cut) + "(?:之前|以前|前)?", "", lead)
    lead = _ASCII_ASIDE.sub("", lead)
    lead = _RATIO_PARTS.sub("", lead)
    lead = _HEADING.sub("", _LISTED.sub("", lead))
    return re.sub(r"[“”‘’\"'《》()（）]", "", lead)


def _lead(lead: str, cut: str) -> str:
    """The name the words before a figure give: no count kept, no lead or tail words."""
    return _TAIL.sub("", _LEAD.sub("", _COUNTED.sub("", _bare(lead, cut))))


# (GDP), (PM2.5): an English gloss in brackets, no part of the name
_ASCII_ASIDE = re.compile(r"[(（][\x20-\x7e]+[)）]")
# a heading's number (二、) and the figures listed before (规上工业企业4家、限上商贸企业3家)
_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_LISTED = re.compile(r"^.*\d[\u4e00-\u9fff%％]{0,4}、")
_RATIO_PARTS = re.compile(r"为?(?:\d+(?:\.\d+)?[:：])+$")
# a ratio of shares named by what it divides (三次产业结构, 三次产业比例调整为): a 结构比
_RATIO_NAME = re.compile(
    r"(?P<of>[\u4e00-\u9fff]{2,}?)(?:结构比?|比例?)(?:调整|优化|转变|变化|变)?"
)


def _in_ratio(text: str, stop: int, after: int) -> bool:
    """Whether the number text[stop:after] is a part of a ratio (12.3:40.5:47.2)."""
    return text[after : after + 1] in (":", "：") or text[stop - 1 : stop] in (":", "：")


# words that end the noun after a count: what its items do (已全部开工, 均已投产, 全部完工)
_ENDS = "已|均|都|全部|全数|悉数|正在|将|要|未能|未|累计|实现|完成|集中|开工|投产|竣工|完工|建成"
_NOUN_ENDS = re.compile(_ENDS)
# the kind of items counted, right before what they do (计划开工项目未能按期开工)
_KIND_BEFORE_END = re.compile(rf"(?:项目|企业|主体|行业|村|学校|景区)(?={_ENDS})")
# 6个项目竣工投产: 竣工投产项目; 5个项目集中开工: 集中开工项目
_DONE_ONLY = re.compile(r"(?:集中)?(?:开工|投产|竣工|完工|建成)+")
# a clause naming only a change against a date (比年初增加, 较上年末净增, 比上年减少)
_CHANGE_ONLY = re.compile(
    r"(?:比|较)(?:上年末|上年底|去年末|去年底|年初|上年|去年|上年同期|去年同期|上月|上季度)?"
    r"(?P<verb>净增|新增|增加|减少|净减|增产|减产|增收|减收)"
)
_CHANGE_SAID = {"增产": "增加", "减产": "减少", "增收": "增加", "减收": "减少"}
_TOTAL_ONLY = re.compile(r"总数|总量|总计|合计")
# livestock: 存栏 (head at a date) and 出栏 (sold out over the period)
_HERD = re.compile(r"存栏|出栏")
_CHANGE_WORDS = re.compile(r"^(?:新增|净增|增加|减少)|(?:新增|净增|增加|减少|共有|总数|总量)$")
# a register of firms named by its scope alone (规模以上工业企业, 高新技术企业, 四上企业)
_REGISTER = re.compile(
    r"(?:规模以上|限额以上|四上|高新技术|规模以上工业|规模以上服务业)?企业|[1-5]?A级(?:旅游)?景区"
)
# the words up to a date or the region's name before a name (二、农业全年粮食播种面积)
_DATE_LEAD = re.compile(
    r"^.*(?<![比较])(?:年末|年底|年初|全年|上半年|今年|当月|全[区县市省镇乡州旗])"
)
# the first number of a clause that is no date's (1-10月, 2031年)
_FIRST_NUMBER = re.compile(
    r"[\d０-９]+(?:\.\d+)?(?![\d０-９.]*(?:[-—至~][\d０-９]+)?(?:月|年|季度|日|号))"
)


def _completed(text: str, at: tuple[int, int], lead: str) -> str:
    """*lead* completed by the name of the clause before, in the same sentence, where it
    names only a change (比年初增加 -> 实有市场主体增加), a total (总数 -> 规上企业数) or a
    livestock measure (出栏 after 生猪存栏 -> 生猪出栏); 存栏生猪出栏 is 生猪出栏."""
    herd = list(_HERD.finditer(lead))
    if len(herd) > 1:  # 存栏生猪出栏: the last measure named is the figure's
        return lead[: herd[0].start()] + lead[herd[0].end() : herd[-1].start()] + herd[-1].group()
    change = _CHANGE_ONLY.fullmatch(lead)
    total = _TOTAL_ONLY.fullmatch(lead)
    herd_only = lead if _HERD.fullmatch(lead) else ""
    if not (change or total or herd_only):
        return lead
    before = _previous_name(text, at)
    if not before:
        return lead
    if herd_only:
        found = _HERD.search(before)
        return before[: found.start()] + lead if found else lead
    counted = _CHANGE_WORDS.sub("", before)
    if len(counted) < 2:
        return lead
    if change:
        verb = change.group("verb")
        return counted + _CHANGE_SAID.get(verb, verb)
    return counted + ("数" if total else lead)


def _previous_name(text: str, at: tuple[int, int]) -> str:
    """The name of the clause before the one at at[1] (see `_previous_names`); "" if none."""
    named = _previous_names(text, at, 1)
    return named[0] if named else ""


def _previous_names(text: str, at: tuple[int, int], count: int) -> list[str]:
    """The names of the *count* clauses before the one at at[1] that name something, in their
    order, in its sentence (and the paragraph from at[0]): a clause's words before its first
    number; a clause that names only a growth (同比增长6.2%) or has no number is passed over.
    Fewer where the sentence starts before."""
    floor, start = at
    named: list[str] = []
    for _ in range(_CLAUSES_BACK + count - 1):
        if len(named) == count or start - 2 < floor or text[start - 1] not in "，,；;":
            break
        lower, upper = clause(text, start - 2, max(floor, start - WINDOW), start - 1)
        number = _FIRST_NUMBER.search(text, lower, upper)
        if number is not None:
            words = _MONTHS.sub("", text[lower : number.start()])
            found = _lead(_DATE_LEAD.sub("", _lead(words, "")), "")
            share = _SHARE_OF.fullmatch(found)
            if share:  # 占全部投资的比重为52.6%: the share of what the clause before names
                found = _share(text, (floor, lower), share.group("whole")) or found
            compared = _COMPARED.fullmatch(found)
            if not _COMPARED_ONLY.fullmatch(found) and not (
                compared and len(compared.group("measure")) < 2
            ):
                named.append(found)  # not a clause naming only a change (增速比一季度回落)
        start = lower  # 按不变价格计算, 同比增长5.9%: no name there, the clause before
    return named[::-1]


_CLAUSES_BACK = 3  # how many clauses back a name is looked for
_MONTHS = re.compile(r"^(?:\d{4}年)?(?:\d+[-—至~])?\d+月份?(?:当月)?")  # 1-5月累计增长5.9%
_COMPARED_ONLY = re.compile(
    r"(?:分别)?(?:同比|比上年|较上年)?(?:分别)?(?:增长|下降|增速|增幅|降幅)?"
)


# how a statistician spells a name: 规模以上 for 规上, no verb before the measure (实现营业收入),
# a rate's growth as 增速
_SPELLED = (("规上", "规模以上"), ("限上", "限额以上"))
_VERB_INSIDE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:可?实现|预计|完成(?!投资|率|年度|全年|计划|任务|目标|额)|累计(?=完成))"
)
# 规模以上服务业企业营业收入 is the services' (规模以上服务业营业收入), as the bureau names it
_SERVICES_FIRMS = re.compile(r"规模以上服务业企业(?=营业收入|营业利润|利润总额|期末从业人员)")
_GROWTH_END = re.compile(r"(?:(?:比|较)(?:上年|去年)(?:同期)?|同比)?(?P<verb>增长|下降|上涨|下跌)$")


def formal(name: str, rate: bool = False) -> str:
    """*name* as a statistician writes an indicator's name: 规模以上 for 规上, 限额以上 for 限上,
    without 实现/完成 before the measure (规上工业企业实现营业收入 -> 规模以上工业企业营业收入;
    not 完成投资, 完成率), and for a rate (*rate*) a growth as 增速 and a price's rise as 涨幅
    (规上工业增加值同比增长 -> 规模以上工业增加值增速)."""
    for short, full in _SPELLED:
        name = name.replace(short, full)
    name = _VERB_INSIDE.sub("", name).replace("的比重", "比重").replace("的比例", "比例")
    name = _SERVICES_FIRMS.sub("规模以上服务业", name)
    if rate and "分别" not in name:
        found = _GROWTH_END.search(name)
        if found and found.start() >= 2:
            word = "涨幅" if found.group("verb") in ("上涨", "下跌") else "增速"
            name = name[: found.start()] + word
    return name


# a village or company a sentence or clause opens with (枫岭村村级集体经济收入…, 石岭村突破10万元):
# a village's name is short; 各村, 全村, 本村, 该村 and 农村 name none
_OPENER = re.compile(
    r"(?![农乡各全本该每此])[\u4e00-\u9fff]{1,2}村(?!民|委|级|组)"
    r"|[\u4e00-\u9fff]{2,14}?(?:有限公司|股份公司|集团公司|集团|公司)"
)
_OPENER_LONGEST = 20  # 14 characters and 有限公司
_OPENS_AT = "，,；;"
# a project named by its builder and capacity (总投资36亿元的恒晟新材料年产20万吨锂电隔膜项目)
_BUILDER_CAPACITY = re.compile(r"的([\u4e00-\u9fff]{2,8}?)年产能?[\d.]")
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
        found += [(m.end(1), m.group(1)) for m in _BUILDER_CAPACITY.finditer(text, lower, upper)]
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
# 23个重点调度项目已全部开工,完成投资74.5亿元: the investment of the projects just counted
_ALL_DONE_TAIL = re.compile(
    r"(?:已经?|均已?|都已?|现已)?(?:全部|全数|悉数)(?:已经?)?"
    r"(?:开工|复工|建成|签约|投产|竣工|完工|落地|开业|达产|投用)$"
)
_INVESTED = re.compile(r"(?:完成|累计完成)?投资(?:额)?")


def of_previous(
    name: str, previous: str, previous_kind: Kind, after: str, listed: bool = False
) -> str:
    """*name* completed by the figure before it in the sentence (named *previous*, of kind
    *previous_kind*) where it names only a part: 惠及(企业) of an amount, 金额 of a count.
    *after*: the words after the figure (惠及近500家企业). *listed*: the count before is one
    of a list of counts (新签约项目8个,新开工项目6个,完成投资13.6亿元), so an investment after
    it is the sentence subject's (完成投资), not of that count's items."""
    if _BENEFIT.fullmatch(name) and previous_kind is Kind.AMOUNT:
        noun = _BENEFICIARY.match(after.lstrip("余多"))
        if noun and noun.group() not in name:
            name += noun.group()
        return previous + name
    if _BARE_AMOUNT.fullmatch(name) and previous_kind is Kind.COUNT:
        return previous + name
    items = _items(_ALL_DONE_TAIL.sub("", previous))
    done = _items(previous, to_do=True)
    if _DONE_VERB.fullmatch(name) and previous_kind is Kind.COUNT and done:
        return "已" + name.lstrip("已") + done  # 重点项目14个,已开工11个: 已开工重点项目
    if _INVESTED.fullmatch(name) and previous_kind is Kind.COUNT:
        if listed:
            return "完成投资"
        if items:
            return items + "完成投资额"
    if _PLANNED_INVESTMENT.fullmatch(name) and items:
        return items + "年度计划投资"  # 计划实施重点项目56个,年度计划投资129.7亿元
    return name


def without_place(name: str, place: str) -> str:
    """*name* without the region the headline opens with (霁溪县共签约项目 -> 签约项目), as
    without 全县; *name* itself where no name would be left."""
    if len(place) < 3 or place[0] in "全本该各地" or not name.startswith(place):
        return name  # 地区生产总值: no place
    rest = _LEAD.sub("", name[len(place) :])
    return rest if len(rest) >= 2 else name


# a development zone's own word for itself (鹤岭经开区…: 园区新签约项目 is the zone's)
_ZONE_HEADLINE = re.compile(r"开发区|经开区|高新区|园区|新区|产业园")
_ZONE_SELF = re.compile(r"^(?:园区|开发区|经开区|高新区|新区|全区|该区)")


# a service done for firms (为415户企业办理留抵退税4.06亿元): the firms it was done for, and
# what was done
_SERVED = re.compile(r"(?P<who>[\u4e00-\u9fff]{1,8}?)(?P<what>办理[\u4e00-\u9fff]{2,12})")


def service_name(name: str, kind: Kind | None) -> str:
    """*name* of a count or amount of a service done for firms, as the data file names them:
    企业办理留抵退税 (415户) -> 办理留抵退税的企业; 办理留抵退税 (4.06亿元) -> 留抵退税."""
    if kind is Kind.AMOUNT and name.startswith("办理") and len(name) >= 4:
        return name[2:]
    served = _SERVED.fullmatch(name)
    if kind is Kind.AMOUNT and served:  # 纳税人办理增值税留抵退税 (1.85亿元): 增值税留抵退税
        return served.group("what")[2:]
    if kind is Kind.COUNT and served:
        return f"{served.group('what')}的{served.group('who')}"
    return name


# an article that names its trade totals 总值 (外贸进出口总值386.7亿元): its 出口, 进口 and
# 外贸总值 are 总值 too
_TRADE_TOTAL_VALUE = "进出口总值"
_TRADE_TOTAL = re.compile(r"^(?:外贸)?(进出口|出口|进口)总额$|^外贸(?=进出口)")
_FOREIGN_TRADE_TOTAL = re.compile(r"(?<=占)外贸总值")


@dataclass(frozen=True)
class ArticleTerms:
    """How an article names what its figures measure, read once from its headline and text:
    *zone*, a development zone's own note (its headline names 开发区, 经开区, 园区 …), whose
    园区 is the zone; *total_value*, trade totals named 总值, not 总额."""

    zone: bool = False
    total_value: bool = False

    @classmethod
    def of(cls, headline: str, text: str) -> ArticleTerms:
        return cls(_ZONE_HEADLINE.search(headline) is not None, _TRADE_TOTAL_VALUE in text)

    def __call__(self, name: str) -> str:
        """*name* in the article's terms: 园区固定资产投资 -> 固定资产投资 (and 园区将力争… ->
        …) in a zone's note; 出口总额 -> 出口总值, 外贸进出口总值 -> 进出口总值 where the
        article names trade totals 总值."""
        if self.zone and _ZONE_SELF.match(name):
            rest = _LEAD.sub("", _ZONE_SELF.sub("", name))
            name = rest if len(rest) >= 2 else name
        if self.total_value:
            name = _TRADE_TOTAL.sub(lambda m: f"{m.group(1)}总值" if m.group(1) else "", name)
            name = _FOREIGN_TRADE_TOTAL.sub("进出口总值", name)
        return name


NO_TERMS = ArticleTerms()


def in_scope(name: str, neighbour: str | None) -> str:
    """*name*, a measure of a register's firms named with no scope (实现利润总额), in the scope
    the figure before it in its paragraph names (*neighbour*: 规模以上工业企业营业收入 ->
    规模以上工业企业利润总额); else as it is."""
    scope = _REGISTER_SCOPE.match(neighbour or "")
    if _FIRM_MEASURE.fullmatch(name) and scope and len(scope.group()) > len("规模以上"):
        return formal(scope.group() + name)
    return name


# a measure of a register's firms with no scope of its own (实现利润总额), and the scope of the
# figure before it that names one (规模以上工业企业营业收入)
_FIRM_MEASURE = re.compile(r"主营业务收入|营业收入|利润总额|营业利润|利税总额|期末从业人员")
_REGISTER_SCOPE = re.compile(
    r"(?:规模以上|限额以上)(?:工业|服务业|批发业|零售业|住宿业|餐饮业|商贸)?(?:企业|单位)?"
)
# a count's items done, named by the verb alone (已开工11个)
_DONE_VERB = re.compile(r"已?(?:开工|复工|竣工|投产|完工|建成|签约|开业|落地)+")
_PLANNED_INVESTMENT = re.compile(r"(?:年度|全年)?计划投资额?")
# what a figure of items names before them: a plan, the verb, the clause before 的, a total
_ITEMS_LEAD = re.compile(r"^(?:.*的)?(?:计划|力争|确保)?(?:实施)?(?:已(?:开工|竣工|投产|建成))?")
# … and what they were to do, for the count of them done (计划新开工项目64个,已开工47个)
_TO_DO = re.compile(r"^新?(?:开工|签约|竣工|投产|完工|建成)")
_ITEMS_TAIL = re.compile(r"(?:总投资|完成投资额?)$")


def _items(name: str, to_do: bool = False) -> str:
    """The items a count or its investment names (纳入县级调度的重点项目 -> 重点项目, 实施重点
    项目总投资 -> 重点项目; with *to_do*, without what they were to do: 计划新开工项目 -> 项目);
    "" where they are no projects."""
    items = _ITEMS_LEAD.sub("", _ITEMS_TAIL.sub("", name))
    if to_do:
        items = _TO_DO.sub("", items)
    return items if items.endswith("项目") else ""


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
    if all(_A_MONTH.fullmatch(i) for i in items):  # 7月、8月分别接待游客: the months date them
        return formal(_LEAD.sub("", measure), _PERCENT_AT.match(text, stop) is not None)
    item, last = items[position], items[-1]
    if len(item) == 2 and len(last) > 4 and item != last[:2]:
        item += last[2:]  # 城镇、农村居民人均可支配收入: 城镇 of 居民人均可支配收入 too
    rate = _PERCENT_AT.match(text, stop) is not None
    return formal(item + _LEAD.sub("", measure), rate)


_PERCENT_AT = re.compile(r"[\d０-９.]+[%％]")
# a month by its number (7月, 十二月份): the items of a 分别 list over months
MONTH_NUMBER = r"1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]"
MONTH = rf"(?:{MONTH_NUMBER})月份?"
_A_MONTH = re.compile(MONTH)
