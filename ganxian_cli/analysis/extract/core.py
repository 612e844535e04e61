"""Put the rules together: article text in, proposed figures out (linear in the text)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from decimal import Decimal

from ...errors import UsageError
from ...model import period_words
from ...model.change_words import reading
from ...model.direction import lead_behind
from ...model.models import Dataset
from ...model.periods import UNDATED, Period, PeriodError, parse_period
from ...model.units import UNITS, Kind, Unit, get_unit
from . import cells, clauses, context, stocks, when
from .match import Matcher
from .rates import (
    completion_names,
    link_year_targets,
    related,
    unit_family,
    unit_kind,
    year_goals,
)
from .text import CompactText, compact
from .tokens import PROPOSED_UNITS, Token, Tokenizer, chinese_number, known_unit
from .types import Extraction, FoundFigure, Proposal
from .whole import all_done, link_lists, year_lists

# 100亿元项目1个, 5000万元以上工业项目: a class, not a figure
# 41个工业大类行业中有29个: the whole a count is taken out of, not a figure of the period
_OUT_OF = re.compile(r"[\u4e00-\u9fff]{1,8}?中(?:有|[,，])")
# 总投资36亿元的恒晟新材料…项目: a project's size, as it stands when the article is published,
# and the project it is of (the words after it, which date its events, not its size)
_PROJECT_SIZE = re.compile(r"总投资(?:达|为|约|近|超)?$")
_OF_PROJECT = re.compile(r"的[^,，;；。]{2,30}?项目")
# a paragraph that opens with what the region will aim at (全县将紧盯全年目标不放松): its
# figures are the plan's, unless their words say what was done
_PLAN_OPENING = re.compile(r"[^。！？!?]{0,12}?将[^。！？!?,，]{0,8}?(?:目标|任务)")
_DONE_WORDS = re.compile(r"完成|累计|已|实际|占|同比|比上年")
# 年产20万吨锂电隔膜项目: a capacity in a project's name, not a figure
_CAPACITY_BEFORE = re.compile(r"年产(?:能)?$")
_PROJECT_AFTER = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:项目|生产线)")
_LABEL_AFTER = re.compile(r"(?:以上[\u4e00-\u9fff]{0,4}?|的)?(?:项目|企业)")
# a whole year: annual capacity (年产), planted areas, the year's plan (今年共安排45个项目)
# a whole year: annual capacity (年产), the season's area (播种面积, not 完成种植 progress), the
# year's plan (今年,市里确定了…210个项目)
_ANNUAL = re.compile(r"年产|全年|今年.{0,6}(?:安排|计划|确定|谋划|实施)")
_SEASON = re.compile(r"^(?!.*完成).*(?:种植|播种)")
# a harvest forecast (预计总产量约15.2万吨) is the season's: the year
_HARVEST = re.compile(r"产量")
# 完成全年任务的92%: the share of the year's plan done, of the period in force
_PLAN_SHARE = re.compile(r"(?:完成|占|达到)[^,;。]*(?:任务|计划|目标)的?$")
# a programme's count (全区实施产业项目214个, 列入/纳入重点调度项目23个) is of the year it runs in,
# and so is its total investment (…项目23个,总投资达299.92亿元)
_PROGRAMME = re.compile(r"(?<!共)实施|列入|纳入")
_PROGRAMME_SIZE = re.compile(r"总投资")
# 目前已完成112家: as the article stands (its reference month)
_NOW = re.compile(r"目前|当前|眼下|现有|共有")
# an event's day opening its sentence (9月29日,县里举行…仪式): not a dateline (…11月14日电)
_DAY = re.compile(r"(?:^|(?<=[。！？\n]))(1[0-2]|[1-9])月[1-3]?\d日(?!电)(?:上午|下午|晚)?[,，]")
# a pipeline as it stands (收集项目信息60个,重点跟踪在谈项目43个; 储备物资): the sentence's
# figures are of the reference month, not of a span carried from an earlier sentence
_STANDING = re.compile(r"在谈|跟踪|储备")
# 去年建了30个,今年又新建了15个: back to the period in force
_THIS_YEAR = re.compile(r"今年(?!以来|来)")
# a level at the end of the period: 规上企业达163家, 在建项目96个, 存款余额, 总数达到312家,
# 生猪存栏45.6万头, 期末从业人员2.14万人, 实有市场主体3.21万户
_STOCK = re.compile(
    r"^(?!.*(?:新增|增加|开工|竣工|投产|完工|签约|完成|出栏|净增)).*(?:达|在建|总数|余额|存栏|期末|实有|在册)"
)
_BALANCE = re.compile(r"^(?!.*(?:新增|增加|净增|减少|出栏|完成)).*(?:余额|存栏|期末|库存|保有量)")
# a change since the start of the year (比年初增加18.4亿元, 较去年末净增9家): the flow over the
# period in force, even after a stock's 截至3月末
_SINCE = re.compile(r"(?:比|较)(?:年初|上年末|去年末|上年底|去年底)|今年(?:新增|净增)|年初以来")
# a flow under a month's end a level stands at (截至6月底,在建项目完成投资56.2亿元): the total
# from January to that month (竣工投产项目9个; 已建成投产 is the state the projects are in)
_FLOW_TO_DATE = re.compile(
    r"完成|新增|净增|签约|新开工|实现|累计|引进|办理|发放|拨付|减免|(?<!已)竣工|(?<![已成工])投产"
)
_UP_TO_MONTH_END = re.compile(
    r"(?:截至|截止到?)(?:\d{4}年)?[\d一二三四五六七八九十]{1,3}月(?:底|末)"
)
# a flow over the months an article reports on, where no words date it (完成造林面积2.3万亩,
# 出栏38.2万头, 惠及企业1200余户, 增长7.2%): of the span its headline names (上半年), not of
# that span's last month alone; counts of what is started or finished (已开工11个) are flows too,
# and so are their rates (开工率100%)
_FLOW_WORD = re.compile(
    r"完成|实现|新增|净增|新开工|新签|新登记|签约|累计|出栏|惠及|引进|办理|发放|减免|拨付|兑现|"
    r"接待|销售|产量|造林|增长|下降|增加|减少|注销|开工|竣工|投产|"
    # 超序时进度2.8个百分点: how far the span's progress is ahead of its share of the year
    r"(?:序时|时序|时间)进度"
)
# …项目完成投资18.2亿元,占总投资的45%: a project's progress as it stands, not the span's flow
_OF_TOTAL = re.compile(r"占(?:项目)?总投资")
# 累计 with no period of its own: the year's total so far (as 今年以来)
_CUMULATIVE = re.compile(r"累计")
# 完成投资74.5亿元,占年度计划的81.2%: progress against the year's plan, a total so far
_OF_PLAN = re.compile(r"(?:完成|占|达到?)(?:了)?(?:年度|全年)(?:计划|任务|目标)")
_DONE = re.compile(r"完成")
# 今年村里计划…: the year's plan, not a total so far
_PLANNED_YEAR = re.compile(r"今年.{0,6}?(?:计划|安排|确定|谋划|实施|目标)")
_YEAR_END = frozenset({"yend"})  # 年底前 in a target: the year's
# after the plant is built: a forecast of a year's output with no year (达产后年可实现产值127亿元)
_BUILT = re.compile(r"(?:达产|建成|投产|达效)后")
_YEARLY = re.compile(r"年产值|年可实现|年销售")  # 预计年产值可达3000万元: a year, not one named
_GROWTH_WORDS = re.compile(
    r"同比|环比|比上年同期|较上年同期|比去年同期|较去年同期|比上年|较上年|比去年|较去年|分别|"
    r"增长|增加|提高|上升|上涨|下降|减少|回落|下滑|降低|下跌|负增长|了|达到?|为|[,，、]|"
    # an aside between a value and its growth: 1215.6亿元,按不变价格计算,同比增长5.9%
    r"按(?:可比|不变)价格计算|扣除价格因素|剔除价格因素"
)
# the value a revised figure replaces, in brackets after it (修正为127.1亿元(此前公布为126.4亿元)):
# the earlier article's figure, no figure of this one, and an aside before the growth rate
_EARLIER = re.compile(
    r"[(（](?:(?:此前|之前|原|前期|先前)(?:公布|发布|数据|数)|(?:修正|调整|修订|核实|更正)前)"
    r"[^()（）]{0,30}?[)）]"
)
# the value of the same months a year before, in brackets after a value (营业收入86.5亿元(上年同期
# 为80.1亿元),同比增长6.1%): a figure of that earlier period, and an aside before the growth rate
_PRIOR_SAME = re.compile(r"[(（](?:上年|去年)同期(?:为|是|完成|实现)?[^()（）]{0,30}?[)）]")
_REVISED = re.compile(r"(?:修正|调整|修订|更正)为$")
# the words right before a figure, and a period phrase they may open with
_WORDS_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
_PERIOD_LEAD = re.compile(r"^(?:今年以来|年初以来|今年|截至目前|目前|当月|本月|月份?|份)")
_LIST_JOIN = re.compile(r"[、和及与,，](增长|增加|提高|上升|下降|减少|回落|下滑|降低)?")


def catalogue(dataset: Dataset | None) -> list[Unit]:
    """The units to look for: the catalogue and every unit the data file uses."""
    units = dict(UNITS)
    if dataset is not None:
        for _, indicator, _, figure in dataset.figures():
            for symbol in (indicator.unit, figure.unit):
                if symbol and symbol not in units:
                    units[symbol] = get_unit(symbol)
    for symbol, unit in PROPOSED_UNITS.items():
        if known_unit(symbol) is unit:  # not declared otherwise by the data file
            units.setdefault(symbol, unit)
    return list(units.values())


def resolve_published(
    text: str,
    published: str | None,
    dataset: Dataset | None,
    source: str | None = None,
    headline: str = "",
) -> tuple[int, int, str]:
    """Year and month of the article: --published, else its own [sources] entry's (*source*),
    else its dates and *headline* (the month after the 2030年1-5月 it reports on), else the
    data file's latest article's."""
    if published is not None:
        found = when.parse_published(published)
        if found is None:
            raise UsageError(f"--published: not a month: {published!r} (expected YYYY-MM)")
        return (*found, "--published")
    if dataset and source in dataset.sources:
        found = when.parse_published(dataset.sources[source].published or "")
        if found:
            return (*found, f"source {source}")
    in_text = when.published_from(text, headline)
    if in_text:
        return (*in_text, "text")
    month = dataset.lead_source().published if dataset else None
    found = when.parse_published(month) if month else None
    if found:
        return (*found, "data file")
    raise UsageError("cannot tell when the article was published: give --published YYYY-MM")


class _Spans:
    """The matches of a pattern in a text, none overlapping another, and whether a position
    stands inside one (a binary search, not a scan of them all)."""

    def __init__(self, pattern: re.Pattern[str], text: str) -> None:
        spans = [m.span() for m in pattern.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def inside(self, pos: int) -> bool:
        n = bisect.bisect_left(self.starts, pos) - 1
        return n >= 0 and pos < self.ends[n]


def _part_of_a_count(token: Token) -> bool:
    """0.5家, 3.5个: a count is whole (1.2万人 is 12,000), so this is no count figure."""
    unit = known_unit(token.unit)
    if unit is None:
        return False  # a unit the catalogue does not know (declared elsewhere): no rule
    whole = token.value * unit.scale
    return unit.kind is Kind.COUNT and whole != whole.to_integral_value()


def extract(
    original: str,
    dataset: Dataset | None = None,
    published: str | None = None,
    source: str | None = None,
) -> Extraction:
    """Propose every figure of *original*; *dataset* names indicators and adds units; *source*
    is the article's [sources] id, if known."""
    article = compact(original)
    text = article.text
    first = next((line for line in original.split("\n") if line.strip()), "")
    headline = "".join(first.split())
    year, month, how = resolve_published(text, published, dataset, source, headline)
    tables = cells.read(original, year, month)  # tables first; the prose rules read the rest
    if tables.tables:
        article = compact(tables.rest)
        text = article.text
    captions = {p for span in article.captions for p in range(*span)}
    periods = when.ArticlePeriods(text, year, month, captions, article.paragraphs, headline)
    earlier = _Spans(_EARLIER, text)
    tokens = [
        t
        for t in Tokenizer(catalogue(dataset)).tokens(text)
        if not earlier.inside(t.start)
        and not (unit_kind(t.unit) is Kind.AMOUNT and _LABEL_AFTER.match(text, t.end))
        and not (unit_kind(t.unit) is Kind.COUNT and _OUT_OF.match(text, t.end))
        and not _part_of_a_count(t)
        and not (
            _CAPACITY_BEFORE.search(text, max(0, t.start - 3), t.start)
            and _PROJECT_AFTER.match(text, t.end, t.end + 16)
        )
    ]
    figures = _figures(article, tokens, _Spans(_PRIOR_SAME, text))
    matcher = Matcher(dataset)
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    subjects = clauses.Subjects(text, article.paragraph_start)
    readers = (subjects, context.Status(text, periods.review))
    place = _PLACE.match(headline)
    terms = clauses.ArticleTerms.of(headline, text)
    proposals: list[Proposal] = []
    for n, f in enumerate(figures):
        before = figures[n - 1] if n and figures[n - 1].sentence == f.sentence else None
        after = proposals[-1].name if before else None
        if f.prior and before is not None and not before.prior:
            proposals.append(_year_before(proposals[-1], f, article, matcher))
            continue
        listed = before is not None and _counts_listed(text, figures[n - 2], before)
        neighbour = (
            proposals[-1]
            if n
            and article.paragraph_start(figures[n - 1].token.start)
            == article.paragraph_start(f.token.start)
            else None
        )
        proposals.append(
            _proposal(
                article, f, periods, matcher, line_starts, readers, (before, after), listed,
                neighbour, place.group() if place else "", terms,
            )
        )  # fmt: skip
    proposals = year_goals(stocks.parts(proposals, figures, text), figures, text)
    proposals = year_lists(proposals, figures, text)
    proposals = related(_distinct(proposals, matcher), figures, text, dataset)
    proposals = completion_names(proposals, matcher)
    proposals = _distinct(
        all_done(proposals, figures, text, matcher, lambda pos: str(periods.flow_in_force(pos))),
        matcher,
    )
    prose = {id(p) for p in proposals}
    proposals = cells.add(
        proposals, tables, matcher, year, month, line_starts, lambda p: _distinct(p, matcher)
    )
    proposals = [  # a table's cell: its row's name says whether it is a level (存款余额)
        p if id(p) in prose or p.stock else replace(p, stock=stocks.is_stock(
            "", p.name, p.unit, p.period, p.status, at_end=False))
        for p in proposals
    ]  # fmt: skip
    proposals = _in_row_order(proposals, set(dataset.indicators) if dataset else set())
    proposals = link_year_targets(link_lists(stocks.by_indicator(proposals)), dataset)
    if dataset is not None and dataset.themes:
        proposals = _themes_of_neighbours(proposals, set(dataset.themes))
    proposed = {
        p.unit: PROPOSED_UNITS[p.unit]
        for p in proposals
        if p.unit in PROPOSED_UNITS and known_unit(p.unit) is PROPOSED_UNITS[p.unit]
    }
    for symbol in cells.undeclared(proposals, dataset):  # a table's 千公顷: a family of its own
        proposed.setdefault(symbol, Unit(symbol, symbol, Decimal(1), Kind.AMOUNT, ""))
    resolved = f"{year}-{month:02d}"
    warnings = _other_region(headline, dataset) + list(tables.warnings)
    warnings += [
        f"{p.text} ({p.period}) ends after {resolved}, the month periods are resolved with "
        f"(from {how}): its figures keep {p.text}; check the publication month"
        for p in periods.ahead
    ]
    return Extraction(proposals, resolved, how, proposed, warnings)


# the place a headline opens with (石城县前三季度项目建设…)
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:自治县|自治州|县|区|市|省|州|旗)")


def _other_region(headline: str, dataset: Dataset | None) -> list[str]:
    """A warning where the headline opens with a place that is none of the data file's
    regions: its figures are proposed onto another region's indicators."""
    if dataset is None:
        return []
    regions = {s.region for s in dataset.sources.values()}
    if dataset.source is not None:
        regions.add(dataset.source.region)
    place = _PLACE.match(headline)
    if not regions or place is None or any(r and r in headline for r in regions):
        return []
    return [
        f"the headline names {place.group()}, the data file's region is "
        f"{'、'.join(sorted(r for r in regions if r))}: check --data"
    ]


def _distinct(proposals: list[Proposal], matcher: Matcher) -> list[Proposal]:
    """No two proposals for one indicator, period, status and subject: later ones get new ids."""
    seen: set[tuple[str, str, str, str | None]] = set()
    out: list[Proposal] = []
    for p in proposals:
        key = (p.indicator, p.period, p.status, p.subject)
        if key in seen:  # the next best indicator that is free, else a new one
            free = [
                m
                for m in matcher.ranked(p.name, abs(p.value), p.unit)
                if not m.new and (m.indicator, p.period, p.status, p.subject) not in seen
            ]
            if free:
                p = replace(
                    p, indicator=free[0].indicator, new_indicator=False, reason=free[0].reason
                )
            else:
                p = replace(
                    p,
                    indicator=matcher.fresh(),
                    new_indicator=True,
                    reason=f"new: {p.indicator} has a figure of {p.period} already",
                )
            key = (p.indicator, p.period, p.status, p.subject)
        seen.add(key)
        out.append(p)
    return out


_NUMBERED = re.compile(r"indicator_(\d{2,})")  # the id of a name the glossary cannot translate


def _in_row_order(proposals: list[Proposal], taken: set[str]) -> list[Proposal]:
    """New numbered ids (indicator_01 …) renumbered in the order of the rows that have them (a
    figure proposed after the others, such as the count of projects all started, takes its
    row's number); ids of the data file are never given."""
    order: dict[str, str] = {}
    n = 0
    for p in proposals:
        if p.new_indicator and _NUMBERED.fullmatch(p.indicator) and p.indicator not in order:
            n += 1
            while f"indicator_{n:02d}" in taken:
                n += 1
            order[p.indicator] = f"indicator_{n:02d}"
    return [
        replace(
            p,
            indicator=order.get(p.indicator, p.indicator) if p.new_indicator else p.indicator,
            relates_to=order.get(p.relates_to, p.relates_to) if p.relates_to else None,
        )
        for p in proposals
    ]


def _themes_of_neighbours(proposals: list[Proposal], themes: set[str]) -> list[Proposal]:
    """A new indicator whose theme the file lacks takes the theme of the figure before it on
    its line, where the file has that one (利润总额 among the industrial figures: industry);
    every figure of one new indicator keeps the theme its first figure got."""
    chosen: dict[str, str] = {}
    out: list[Proposal] = []
    for p in proposals:
        if p.new_indicator:
            theme = chosen.get(p.indicator)
            if theme is None:
                theme = p.theme
                before = out[-1] if out else None
                if theme not in themes and before and before.line == p.line:
                    theme = before.theme if before.theme in themes else theme
                chosen[p.indicator] = theme
            p = replace(p, theme=theme)
        out.append(p)
    return out


def _negative(text: str, sentence: tuple[int, int], clause: int, token: Token) -> bool:
    """Whether the words give the rate *token* a minus (`model.change_words`, as `validate`
    reads them): 下降/负增长/回落, 降幅扩大, a minus inside brackets; a lead (慢于, 低于) only in
    个百分点. Reads back at most a clause's window."""
    lower = max(sentence[0], token.start - clauses.WINDOW)
    found = reading(text[lower : token.end], token.start - lower, token.end - lower)
    if found is None:
        return False
    if found.how == "lead":
        return lead_behind(text, clause, token.start, token.unit)
    return found.sign < 0


# the items a count names in its own clause (新开工项目6个; not 已开工11个 of the list before)
_ITEMS = re.compile(r"项目|企业")


def _counts_listed(text: str, first: FoundFigure, second: FoundFigure) -> bool:
    """Whether *first* and *second* are counts of one sentence, each of the items its own
    clause names (全县新签约项目8个,新开工项目6个): a list of what the sentence's subject did, so
    an amount after them (完成投资13.6亿元) is the subject's, of neither count's items."""
    return (
        first.sentence == second.sentence
        and unit_kind(first.token.unit) is Kind.COUNT
        and unit_kind(second.token.unit) is Kind.COUNT
        and all(
            _ITEMS.search(text, f.clause[0], f.token.start) is not None for f in (first, second)
        )
    )


def _year_before(
    value: Proposal, figure: FoundFigure, article: CompactText, matcher: Matcher
) -> Proposal:
    """The figure in brackets after *value* that is of the same months a year before (上年同期
    为80.1亿元): on *value*'s indicator, of its period a year earlier, with no growth of its own
    (a table's 上年同期 column is read so too); a rate of an amount there (上年同期增长5.2%) is
    the growth of that amount a year earlier, on the indicator of its growth."""
    try:
        period = parse_period(value.period)
    except PeriodError:
        period = UNDATED
    earlier = str(Period(period.year - 1, period.start, period.end)) if period.is_dated else ""
    quote_end = clauses.clause(article.text, figure.token.start, *figure.sentence)[1]
    quote = article.quote(figure.clause[0], quote_end)
    token = figure.token
    if unit_family(token.unit) != unit_family(value.unit):
        name = value.name + ("增速" if token.unit == "%" else "")  # else an indicator of its unit
        found = matcher.match(name, abs(token.value), token.unit, value.subject, earlier, quote)
        value = replace(
            value, name=name, indicator=found.indicator, new_indicator=found.new,
            theme=found.theme, stock=False,
        )  # fmt: skip
    return replace(
        value,
        value=figure.token.value,
        unit=figure.token.unit,
        qualifier=context.qualifier(article.text, figure.token),
        yoy=None,
        period=earlier or value.period,
        status="actual",  # what was done a year before, even beside a target
        quote=quote,
        reason=f"the same months a year before ({earlier}) of {value.name}",
        relation=None,
        relates_to=None,
    )


def _figures(
    article: CompactText, tokens: list[Token], prior: _Spans | None = None
) -> list[FoundFigure]:
    """Tokens as figures; growth rates next to a value become that value's yoy. A value in
    *prior* (上年同期为80.1亿元) is of the year before, and no rate's."""
    text = article.text
    figures: list[FoundFigure] = []
    values: list[FoundFigure] = []  # figures that may still take a listed rate (see _pair_list)
    pending_list: list[tuple[Token, bool]] = []  # 分别增长a、b、c: rates waiting for values
    previous: Token | None = None
    for token in tokens:
        sentence = article.sentence_span(token.start)
        clause = clauses.clause(text, token.start, *sentence)
        rate_kind = unit_kind(token.unit) is Kind.RATE
        grow = context.growth(text, clause[0], token) if rate_kind else None
        negative = rate_kind and _negative(text, sentence, clause[0], token)
        join = None
        if token.unit == "%" and pending_list and previous is pending_list[-1][0]:
            join = _LIST_JOIN.fullmatch(text[pending_list[-1][0].end : token.start])
        if join:
            pending_list.append((token, negative))
        elif grow and grow.respectively and token.unit == "%":
            pending_list = [(token, negative)]
        else:
            figures.extend(_pair_list(values, pending_list, article))
            pending_list = []
            rate = grow is not None and token.unit == "%"
            if grow and rate and _attach(figures, token, negative, sentence, text):
                previous = token
                continue
            value = -token.value if negative else token.value
            earlier = prior is not None and prior.inside(token.start)
            figures.append(
                FoundFigure(
                    replace(token, value=value), sentence, clause, last=token.end, prior=earlier
                )
            )
            if token.unit != "%" and not earlier:
                values.append(figures[-1])
        previous = token
    figures.extend(_pair_list(values, pending_list, article))
    return figures


def _attach(
    figures: list[FoundFigure], token: Token, negative: bool, sentence: tuple[int, int], text: str
) -> bool:
    """Give the growth rate to the value just before it in the same sentence, if it has none."""
    if not figures:
        return False
    target = figures[-1]
    if target.prior and len(figures) > 1:  # 86.5亿元(上年同期为80.1亿元),同比增长6.1%
        target = figures[-2]
    anchor = target
    if target.sentence != sentence or target.yoy is not None or target.token.unit == "%":
        return False
    if len(figures) > 1 and _SINCE.match(text, target.clause[0], target.token.start):
        # 存款余额2863.4亿元,比年初增加187.2亿元,同比增长8.1%: the balance's growth
        level = figures[-2]
        if (
            level.sentence == sentence
            and level.yoy is None
            and level.token.unit == target.token.unit
            and _BALANCE.search(text[level.clause[0] : level.token.start])
        ):
            target = level
    between = _GROWTH_WORDS.sub(
        "", _PRIOR_SAME.sub("", _EARLIER.sub("", text[anchor.token.end : token.start]))
    )
    if len(between) > 2:  # 28万吨,确保农民人均可支配收入增长7%: the growth of something else
        return False
    target.yoy = -token.value if negative else token.value
    target.last = token.end
    return True


def _pair_list(
    values: list[FoundFigure], rates: list[tuple[Token, bool]], article: CompactText
) -> list[FoundFigure]:
    """Pair 分别增长 rates in order with the last values of their sentence that lack one.

    *values* holds the figures before the rates that are no percentage, in order; those that
    have a rate by now are dropped from it as they are met, so each is passed over once. Rates
    without values to pair with (城镇、农村居民人均可支配收入分别增长4.9%和7.1%) are figures of
    their own, returned signed.
    """
    if not rates:
        return []
    first = rates[0][0]
    found: list[FoundFigure] = []
    while values and len(found) < len(rates):
        figure = values[-1]
        if figure.yoy is not None:
            values.pop()
            continue
        if not figure.sentence[0] <= first.start < figure.sentence[1]:
            break  # an earlier sentence, as all before it
        found.append(values.pop())
    if len(found) == len(rates):
        for figure, (rate, negative) in zip(reversed(found), rates, strict=True):
            figure.yoy = -rate.value if negative else rate.value
            figure.last = max(figure.last, rate.end)
        return []
    values.extend(reversed(found))
    alone = []
    for rate, negative in rates:
        sentence = article.sentence_span(rate.start)
        clause = clauses.clause(article.text, rate.start, *sentence)
        value = -rate.value if negative else rate.value
        alone.append(FoundFigure(replace(rate, value=value), sentence, clause, last=rate.end))
    return alone


def _open_bracket(text: str, clause: int, pos: int) -> int | None:
    """Where the bracket *pos* stands in opens, within its clause (降幅较一季度(-8.1%)收窄)."""
    depth = 0
    for i in range(pos - 1, clause - 1, -1):
        ch = text[i]
        if ch in ")）":
            depth += 1
        elif ch in "(（":
            if depth == 0:
                return i
            depth -= 1
    return None


# months listed before 分别 (7月、8月分别接待游客35万人次和41万人次): the k-th value is of the
# k-th month
_MONTH_LIST = re.compile(rf"((?:{clauses.MONTH}[、和及与])+{clauses.MONTH})分别")
_MONTH_NUMBER = re.compile(rf"({clauses.MONTH_NUMBER})月")


def _listed_month(lead: str) -> int | None:
    """The month of a value of a 分别 list over months, from the words of its clause before it
    (None: no such list, or more values than months)."""
    found = _MONTH_LIST.search(lead)
    if found is None:
        return None
    months = _MONTH_NUMBER.findall(found.group(1))
    after = lead[found.end() :]
    digits = re.search(r"[\d０-９]", after)
    position = len(re.findall(r"[、和及与]", after[digits.start() :])) if digits else 0
    if position >= len(months):
        return None
    word = months[position]
    return int(word) if word.isdigit() else chinese_number(word)


# 新签约项目34个,…,其中10亿元以上项目9个: the part is of the projects signed
_ITEMS_DONE = re.compile(r"(签约|开工|竣工|投产)(?=[\u4e00-\u9fff]{0,4}?项目)")
_ITEM_VERB = re.compile(r"签约|开工|竣工|投产|建成|在建|在谈|储备|实施")


def _part_of_done(text: str, figure: FoundFigure, name: str) -> str:
    """*name* of a part after 其中 (10亿元以上项目) with what was done to the whole named before
    it in its sentence (签约10亿元以上项目), where it names projects and no such verb."""
    if not name.endswith("项目") or _ITEM_VERB.search(name):
        return name
    lower = max(figure.sentence[0], figure.clause[0] - clauses.WINDOW)
    done = list(_ITEMS_DONE.finditer(text, lower, figure.clause[0]))
    return done[-1].group(1) + name if done else name


def _at_full_capacity(text: str, figure: FoundFigure, name: str) -> str:
    """*name* of an undated forecast with the words that date it when said once for a list
    (达产后可实现年产值58亿元、年税收3.2亿元: 达产后年税收)."""
    token = figure.token
    lower = max(figure.sentence[0], token.start - clauses.WINDOW)
    built = list(_BUILT.finditer(text, lower, token.start))
    if built and not name.startswith(built[-1].group()):
        return built[-1].group() + name
    return name


def _completed_name(text: str, figure: FoundFigure, name: str, neighbour: Proposal | None) -> str:
    """*name* completed where its clause says little: none or a short word restated by a
    revision (of the item before it in the paragraph), a service done for firms, a part after
    其中 of projects done; never empty (the words that lead to the figure, for the reader to
    edit)."""
    token = figure.token
    lower = max(figure.clause[0], token.start - clauses.WINDOW)
    if (
        neighbour
        and unit_kind(neighbour.unit) is unit_kind(token.unit)
        and (
            not name
            or (
                len(name) <= 2
                and name != neighbour.name
                and neighbour.name.endswith(name)
                and _REVISED.search(text, max(lower, token.start - 8), token.start)
            )
        )
    ):
        # 收入完成1.26亿元;1-5月累计完成7.43亿元, 收入修正为1.52亿元,累计收入相应修正为…: the
        # same item's
        name = neighbour.name
    name = clauses.service_name(name, unit_kind(token.unit))
    if unit_kind(token.unit) is Kind.COUNT and text.startswith("其中", figure.clause[0]):
        name = _part_of_done(text, figure, name)
    if not name:
        words = _WORDS_BEFORE.search(text, lower, token.start)
        name = _PERIOD_LEAD.sub("", words.group()) if words else ""
    return name


def _project_size(text: str, figure: FoundFigure) -> re.Match[str] | None:
    """The project after a total investment that opens its name (总投资36亿元的…项目)."""
    token = figure.token
    if not _PROJECT_SIZE.search(text, max(figure.clause[0], token.start - 6), token.start):
        return None
    return _OF_PROJECT.match(text, token.end, min(figure.clause[1], token.end + 32))


def _dated(
    text: str, figure: FoundFigure, periods: when.ArticlePeriods, status: str, paragraph: int
) -> tuple[Period, str]:
    """The period of *figure* and its status (a forecast of a plant's yearly output once built
    has no period)."""
    token = figure.token
    lead = text[figure.clause[0] : token.start]
    lower = max(figure.sentence[0], token.start - clauses.WINDOW)
    if status != "target" and _BUILT.search(text, lower, token.start):
        return UNDATED, "forecast"
    if status == "forecast" and _YEARLY.search(text, lower, token.start):
        return UNDATED, status
    if status == "forecast" and _estimate_of_past(text, figure, periods):
        status = "actual"
    if status == "actual" and _project_size(text, figure):
        return Period(periods.now[0], periods.now[1], periods.now[1]), status
    opened = _open_bracket(text, figure.clause[0], token.start)
    if opened is not None:
        bracketed = periods.bracket(opened, token.start)
        if bracketed is not None:
            return bracketed, status
    listed = _listed_month(lead)
    if listed is not None:
        return Period(periods.year, listed, listed), status
    phrase = periods.in_sentence(token.start, figure.sentence[0], status)
    if (
        status == "target"
        and unit_kind(token.unit) is not Kind.RATE  # a growth to reach: the year's
        and not _REACHES.search(lead)
    ):
        phrase = _of_item(text, phrase, periods, figure.sentence[0], token.start)
        if phrase is None:  # 下半年,全市将…。计划新开工重点项目25个: the paragraph's months
            phrase = periods.opening_plan(paragraph)
    in_force = periods.in_force(token.start)
    flow = _SINCE.search(lead) is not None  # 比年初增加, 今年新增: a change over months
    to_date = (
        status == "actual"
        and unit_kind(token.unit) is not Kind.RATE
        and _FLOW_TO_DATE.search(lead) is not None
    )
    this_year = [m.start() for m in _THIS_YEAR.finditer(text, lower, token.start)]
    back_to_force = bool(this_year) and (phrase is None or this_year[-1] >= phrase.end)
    if back_to_force:
        phrase = None  # 去年建了30个,今年又新建了15个: the period in force
    elif phrase is None and status == "actual":
        stock = periods.stock_before(token.start, paragraph)
        if stock is None and (flow or _level(lead, token.unit)):
            stock = periods.stock_in_force(token.start)  # a later sentence of its paragraph
        if stock is not None and stock.start > periods.carried_from(token.start):
            phrase = stock  # 截至3月底,…;普惠小微贷款平均利率4.86%: the sentence's month
    sentence_plan = text.startswith("今年", figure.sentence[0]) and _ANNUAL.search(
        text, lower, token.start
    )
    later = [] if status == "actual" else periods.named_after(token.end, figure.clause[1])
    if phrase is None and later and not back_to_force:
        # 机组将于10月、12月分别投入试运行: when it is to happen; several months, the year
        distinct = set(later)
        period = distinct.pop() if len(distinct) == 1 else Period(later[0].year, 1, 12)
    elif phrase is not None and phrase.period is not None:
        period = phrase.period
        if phrase.stock and (flow or (to_date and _UP_TO_MONTH_END.match(phrase.text))):
            # 截至3月末…比年初增加18.4亿元, 截至6月底…完成投资: from January to that month
            # (截至目前 a programme's total since it began, as it stands; 5月底 late May)
            period = Period(period.year, 1, period.end)
        elif status == "target" and phrase.group in _YEAR_END:
            period = Period(period.year, 1, 12)  # 确保年底前完成: the year's target
    elif (
        status == "actual"
        and not back_to_force
        and (day := _event_month(text, lower, token, periods))
    ):
        period = Period(periods.year, day, day)
    elif (
        status == "actual"
        and not back_to_force
        and not _SEASON.search(lead)
        and (
            _NOW.search(text, lower, token.start)
            or _STANDING.search(text, lower, min(figure.sentence[1], token.end + clauses.WINDOW))
        )
    ):
        period = Period(periods.year, periods.month, periods.month)
    elif (
        status == "target"
        or (_ANNUAL.search(lead) and not _PLAN_SHARE.search(lead))
        or _SEASON.search(lead)
        or (status == "forecast" and _HARVEST.search(lead))
        or sentence_plan
        or (unit_kind(token.unit) is Kind.COUNT and _PROGRAMME.search(lead))
        or (
            _PROGRAMME_SIZE.match(lead) is not None
            and _PROGRAMME.search(text, lower, token.start) is not None
        )
    ):
        period = Period(in_force.year, 1, 12)
    else:
        period = in_force
        if (
            status == "actual"
            and (flow or _FLOW_WORD.search(lead) or figure.yoy is not None)
            and not _NOW.search(text, lower, token.start)
            and not _OF_TOTAL.search(
                text, token.end, min(figure.sentence[1], token.end + clauses.WINDOW)
            )
        ):
            period = periods.flow_in_force(token.start)
        if (
            status == "actual"
            and period == periods.default
            and not periods.review
            and not _NOW.search(text, lower, token.start)
            and (
                _CUMULATIVE.search(lead)
                or (this_year and not _PLANNED_YEAR.match(text, this_year[-1]))
                or (
                    (_DONE.search(lead) or _OF_PLAN.search(lead))
                    and _OF_PLAN.search(
                        text, lower, min(figure.sentence[1], token.end + clauses.WINDOW)
                    )
                    is not None
                )
            )
        ):
            # 今年,该区累计为342户企业办理…: a total from January to the reference month
            period = Period(period.year, 1, period.end)
    if status == "target" and phrase is None and not later:
        period = Period(periods.target_year(token.start, period.year), 1, 12)
    # 规上企业达163家, 12家规模以上工业企业完成产值…, 森林覆盖率稳定在71.5%: at the end (a share or
    # rate of the months is of them: 比重为31.4%)
    if (
        period.start < period.end
        and not flow
        and (
            (unit_kind(token.unit) is not Kind.RATE and _level(lead, token.unit))
            or _registered(text, token, lead)
            or _HELD.search(lead) is not None
        )
    ):
        period = Period(period.year, period.end, period.end)
    return period, status


# 据测算,全县上半年…高于全市平均水平1.4个百分点: an estimate of months that are over, an actual
# (what is still needed or to come, 据测算,四季度还需完成投资约164亿元, stays a forecast)
_ESTIMATE = re.compile(r"测算")
_TO_COME = re.compile(r"预计|预期|有望|将(?!近)|需|可|力争|确保")


def _estimate_of_past(text: str, figure: FoundFigure, periods: when.ArticlePeriods) -> bool:
    """Whether a forecast's only forecast word is 测算, of a period its sentence names that is
    over by the reference month."""
    token = figure.token
    lower = max(figure.sentence[0], token.start - clauses.WINDOW)
    if _ESTIMATE.search(text, lower, token.start) is None:
        return False
    if _TO_COME.search(text, lower, figure.clause[1]) is not None:
        return False
    phrase = periods.in_sentence(token.start, figure.sentence[0], "target")
    return phrase is not None and phrase.period is not None and not periods.future(phrase)


# a list of targets (下半年,全市将紧盯年度目标不放松:力争全年…增长6.5%;计划新开工重点项目25个):
# 全年/年度 dates the item it stands in, not the items after it
_ITEM_END = re.compile(r"[；;：:]")
# a total to reach (力争社会消费品零售总额突破1100亿元): the year's, even in a list of the
# second half's work
_REACHES = re.compile(r"(?:突破|达到?|超过)$")


def _of_item(
    text: str,
    phrase: period_words.PeriodPhrase | None,
    periods: when.ArticlePeriods,
    sentence: int,
    pos: int,
) -> period_words.PeriodPhrase | None:
    """The period phrase that dates a target at *pos*: the last one of its sentence, passing
    over a whole year (全年) named in an earlier item of a list, back to the period the list
    opens with (下半年), if any."""
    for _ in range(4):  # a few items back; a list of many whole years names no other period
        if phrase is None or phrase.group != "whole" or not _ITEM_END.search(text, phrase.end, pos):
            return phrase
        phrase = periods.in_sentence(phrase.start, sentence, "target")
    return None


# a ratio of two levels stated as it stands: 存贷比为83.5%, 不良贷款率为1.2%
_RATIO_LEVEL = re.compile(r"(?<!增长)(?<!完成)(?<!开工)(?:比|率|比重)(?:为|达到?)$")


# a count of the firms on a register it names after it: 全镇12家规模以上工业企业完成产值…
_REGISTER_AFTER = re.compile(r"(?:规模以上|规上|限额以上|限上)[\u4e00-\u9fff]{0,6}?(?:企业|单位)")
# … not a flow of such firms: 新培育5家规上企业, 为12家规上企业办理…, 帮助3家限上企业
_FOR_FIRMS = re.compile(r"新|增|培育|升规|入规|引进|落户|签约|帮助|扶持|为|惠及|支持|服务|走访")
# a rate held at a level: 森林覆盖率稳定在71.5%
_HELD = re.compile(r"(?:率|比重)(?:稳定在|保持在)$")


def _registered(text: str, token: Token, lead: str) -> bool:
    """Whether *token* counts the firms of a register named right after it (12家规模以上工业
    企业), *lead* (its clause's words before it) saying nothing done to or for them."""
    return (
        unit_kind(token.unit) is Kind.COUNT
        and _REGISTER_AFTER.match(text, token.end) is not None
        and _FOR_FIRMS.search(lead) is None
    )


def _level(lead: str, unit: str) -> bool:
    """Whether the words before a figure name a level at a date: a balance (余额), a register
    (总数, 达…家), a ratio of levels (存贷比为)."""
    kind = unit_kind(unit)
    if kind is Kind.COUNT:
        return _STOCK.search(lead) is not None
    if kind is Kind.AMOUNT:
        return _BALANCE.search(lead) is not None
    return kind is Kind.RATE and _RATIO_LEVEL.search(lead) is not None


# a holiday of a fixed month: its figures (国庆中秋8天假期,全区接待游客96.2万人次) are of it
_HOLIDAYS = {"元旦": 1, "清明": 4, "五一": 5, "劳动节": 5, "国庆": 10}
_HOLIDAY = re.compile(
    rf"({'|'.join(_HOLIDAYS)})[\u4e00-\u9fff]{{0,6}}?(?:\d+天)?(?:假期|长假|期间)"
)


def _event_month(text: str, lower: int, token: Token, reference: when.ArticlePeriods) -> int:
    """The month of the day an event's sentence opens with (9月29日,县里举行…集中开工仪式,集中
    开工项目19个: a one-day event is of its month), or of a holiday of a fixed month (国庆假期),
    if it is a month of the year reported on; else 0."""
    day = _DAY.search(text, lower, token.start)
    if day is not None:
        month = int(day.group(1))
    else:
        holiday = _HOLIDAY.search(text, lower, token.start)
        month = _HOLIDAYS[holiday.group(1)] if holiday else 0
    if not month or (reference.review and day is not None) or month > reference.month:
        return 0
    return month


def _proposal(
    article: CompactText,
    figure: FoundFigure,
    periods: when.ArticlePeriods,
    matcher: Matcher,
    line_starts: list[int],
    readers: tuple[clauses.Subjects, context.Status],
    previous: tuple[FoundFigure | None, str | None] = (None, None),
    listed: bool = False,
    neighbour: Proposal | None = None,
    place: str = "",
    terms: clauses.ArticleTerms = clauses.NO_TERMS,
) -> Proposal:
    text = article.text
    token = figure.token
    subjects, statuses = readers
    status = statuses(figure.sentence[0], figure.clause, token)
    paragraph = article.paragraph_start(token.start)
    if (
        status == "actual"
        and _PLAN_OPENING.match(text, paragraph, min(figure.sentence[1], paragraph + 24))
        and not _DONE_WORDS.search(
            text, max(figure.clause[0], token.start - clauses.WINDOW), token.start
        )
    ):
        status = "target"  # 全县将紧盯全年目标…;三是抓民生,城镇新增就业2000人: the plan's list
    period, status = _dated(text, figure, periods, status, paragraph)
    phrase = periods.in_sentence(token.start, figure.clause[0], "target")
    cut = "" if phrase is None else phrase.text
    name = clauses.list_item_name(text, figure.clause[0], token.start) or clauses.name(
        text, figure.clause[0], token.start, token.end, figure.clause[1], cut, paragraph
    )
    if previous[0] is not None and previous[1] is not None:
        name = clauses.of_previous(
            name,
            previous[1],
            unit_kind(previous[0].token.unit),
            text[token.end : token.end + 4],
            listed,
        )
    name = terms(clauses.without_place(name, place))
    if period == UNDATED:
        name = _at_full_capacity(text, figure, name)
    subject = subjects(figure.sentence, figure.clause[1])
    if subject is None:  # 赣州腾远钴业实现营业收入: the company's
        name = clauses.in_scope(name, neighbour.name if neighbour else None)
    name = _completed_name(text, figure, name, neighbour)
    quote_end = clauses.clause(text, max(figure.last - 1, token.start), *figure.sentence)[1]
    project = _project_size(text, figure)
    if project is not None:
        quote_end = project.end()
        name = "项目" + name if name == "总投资" else name
    quote = article.quote(figure.clause[0], quote_end)
    # the words that lead to the figure (a clause's window: linear in the text)
    sentence = text[max(figure.sentence[0], token.start - clauses.WINDOW) : token.end]
    found = matcher.match(name, abs(token.value), token.unit, subject, str(period), quote, sentence)
    subject = matcher.subject(found.indicator, subject)
    line = bisect.bisect_right(line_starts, article.origin[token.start])
    dated = periods.in_sentence(token.start, figure.sentence[0])
    at_end = (dated is not None and dated.stock) or (
        periods.stock_before(token.start, paragraph) is not None
    )
    lead = text[figure.clause[0] : token.start]
    stock = found.new and (
        stocks.is_stock(lead, name, token.unit, str(period), status, at_end)
        or (_registered(text, token, lead) and status == "actual" and period.start == period.end)
    )
    return Proposal(
        value=token.value,
        unit=token.unit,
        qualifier=context.qualifier(text, token),
        yoy=figure.yoy,
        period=str(period),
        status=status,
        name=name,
        subject=subject,
        quote=quote,
        indicator=found.indicator,
        new_indicator=found.new,
        theme=found.theme,
        line=line,
        reason=found.reason,
        stock=stock,
    )
