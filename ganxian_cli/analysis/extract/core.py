"""Put the rules together: article text in, proposed figures out (linear in the text)."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ...errors import UsageError
from ...model.direction import lead_behind
from ...model.models import Dataset
from ...model.periods import Period
from ...model.units import UNITS, Kind, Unit, get_unit
from . import cells, clauses, context, when
from .match import Matcher
from .rates import related, unit_kind
from .text import CompactText, compact, in_caption
from .tokens import Token, Tokenizer
from .types import Extraction, FoundFigure, Proposal

_LABEL_AFTER = re.compile(r"(?:以上)?(?:的)?(?:项目|企业)")  # 100亿元项目1个: a class, not a figure
# a whole year: annual capacity (年产), planted areas, the year's plan (今年共安排45个项目)
_ANNUAL = re.compile(r"年产|种植|播种|全年|今年.{0,2}(?:安排|计划|确定|谋划|实施)")
_STOCK = re.compile(r"^(?!.*(?:新增|增加|开工|签约|完成)).*达")
_GROWTH_WORDS = re.compile(
    r"同比|环比|比上年同期|较上年同期|比去年同期|较去年同期|比上年|较上年|比去年|较去年|分别|"
    r"增长|增加|提高|上升|上涨|下降|减少|回落|下滑|降低|下跌|了|达到?|为|[,，、]"
)
_LIST_JOIN = re.compile(r"[、和及与,，](增长|增加|提高|上升|下降|减少|回落|下滑|降低)?")


def catalogue(dataset: Dataset | None) -> list[Unit]:
    """The units to look for: the catalogue and every unit the data file uses."""
    units = dict(UNITS)
    if dataset is not None:
        for _, indicator, _, figure in dataset.figures():
            for symbol in (indicator.unit, figure.unit):
                if symbol and symbol not in units:
                    units[symbol] = get_unit(symbol)
    return list(units.values())


def resolve_published(
    text: str, published: str | None, dataset: Dataset | None, source: str | None = None
) -> tuple[int, int, str]:
    """Year and month of the article: --published, else its own [sources] entry's (*source*),
    else its dates, else the data file's latest article's."""
    if published is not None:
        found = when.parse_published(published)
        if found is None:
            raise UsageError(f"--published: not a month: {published!r} (expected YYYY-MM)")
        return (*found, "--published")
    if dataset and source in dataset.sources:
        found = when.parse_published(dataset.sources[source].published or "")
        if found:
            return (*found, f"source {source}")
    in_text = when.published_from(text)
    if in_text:
        return (*in_text, "text")
    month = dataset.lead_source().published if dataset else None
    found = when.parse_published(month) if month else None
    if found:
        return (*found, "data file")
    raise UsageError("cannot tell when the article was published: give --published YYYY-MM")


def _part_of_a_count(token: Token) -> bool:
    """0.5家, 3.5个: a count is whole (1.2万人 is 12,000), so this is no count figure."""
    try:
        unit = get_unit(token.unit)
    except ValueError:
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
    year, month, how = resolve_published(text, published, dataset, source)
    tables = cells.read(original, year, month)  # tables first; the prose rules read the rest
    if tables.tables:
        article = compact(tables.rest)
        text = article.text
    phrases = [p for p in when.phrases(text, year, month) if not in_caption(article, p.start)]
    tokens = [
        t
        for t in Tokenizer(catalogue(dataset)).tokens(text)
        if not (unit_kind(t.unit) is Kind.AMOUNT and _LABEL_AFTER.match(text, t.end))
        and not _part_of_a_count(t)
    ]
    figures = _figures(article, tokens)
    matcher = Matcher(dataset)
    line_starts = [0] + [m.end() for m in re.finditer("\n", original)]
    periods = when.PeriodIndex(phrases)
    readers = (clauses.Subjects(text), context.Status(text))
    proposals = [
        _proposal(article, f, periods, year, month, matcher, line_starts, readers) for f in figures
    ]
    proposals = related(_distinct(proposals, matcher), figures, text)
    proposals = cells.add(
        proposals, tables, matcher, year, month, line_starts, lambda p: _distinct(p, matcher)
    )
    undeclared = cells.undeclared(proposals, dataset)  # a table's 千公顷: a [units] entry
    return Extraction(proposals, f"{year}-{month:02d}", how, undeclared)


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
                p = replace(p, indicator=free[0].indicator, new_indicator=False)
            else:
                p = replace(p, indicator=matcher.fresh(), new_indicator=True)
            key = (p.indicator, p.period, p.status, p.subject)
        seen.add(key)
        out.append(p)
    return out


def _figures(article: CompactText, tokens: list[Token]) -> list[FoundFigure]:
    """Tokens as figures; growth rates next to a value become that value's yoy."""
    text = article.text
    figures: list[FoundFigure] = []
    values: list[FoundFigure] = []  # figures that may still take a listed rate (see _pair_list)
    pending_list: list[tuple[Token, bool]] = []  # 分别增长a、b、c: rates waiting for values
    previous: Token | None = None
    for token in tokens:
        sentence = article.sentence_span(token.start)
        clause = clauses.clause(text, token.start, *sentence)
        grow = (
            context.growth(text, clause[0], token) if unit_kind(token.unit) is Kind.RATE else None
        )
        join = None
        if token.unit == "%" and pending_list and previous is pending_list[-1][0]:
            join = _LIST_JOIN.fullmatch(text[pending_list[-1][0].end : token.start])
        if join:
            word = join.group(1)
            pending_list.append(
                (token, context.decline_word(word) if word else pending_list[-1][1])
            )
        elif grow and grow.respectively:
            pending_list = [(token, grow.negative)]
        else:
            _pair_list(values, pending_list)
            pending_list = []
            rate = grow is not None and token.unit == "%"
            if grow and rate and _attach(figures, token, grow.negative, sentence, text):
                previous = token
                continue
            behind = (
                grow.negative if grow else lead_behind(text, clause[0], token.start, token.unit)
            )
            value = -token.value if behind else token.value
            figures.append(
                FoundFigure(replace(token, value=value), sentence, clause, last=token.end)
            )
            if token.unit != "%":
                values.append(figures[-1])
        previous = token
    _pair_list(values, pending_list)
    return figures


def _attach(
    figures: list[FoundFigure], token: Token, negative: bool, sentence: tuple[int, int], text: str
) -> bool:
    """Give the growth rate to the value just before it in the same sentence, if it has none."""
    if not figures:
        return False
    target = figures[-1]
    if target.sentence != sentence or target.yoy is not None or target.token.unit == "%":
        return False
    between = _GROWTH_WORDS.sub("", text[target.token.end : token.start])
    if len(between) > 2:  # 28万吨,确保农民人均可支配收入增长7%: the growth of something else
        return False
    target.yoy = -token.value if negative else token.value
    target.last = token.end
    return True


def _pair_list(values: list[FoundFigure], rates: list[tuple[Token, bool]]) -> None:
    """Pair 分别增长 rates in order with the last values of their sentence that lack one.

    *values* holds the figures before the rates that are no percentage, in order; those that
    have a rate by now are dropped from it as they are met, so each is passed over once.
    """
    if not rates:
        return
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
    else:
        values.extend(reversed(found))


def _proposal(
    article: CompactText,
    figure: FoundFigure,
    periods: when.PeriodIndex,
    year: int,
    month: int,
    matcher: Matcher,
    line_starts: list[int],
    readers: tuple[clauses.Subjects, context.Status],
) -> Proposal:
    text = article.text
    token = figure.token
    subjects, statuses = readers
    status = statuses(figure.sentence[0], figure.clause, token)
    paragraph = article.paragraph_start(token.start)
    period = periods.before(token.start, paragraph, figure.sentence[0]) or Period(
        year, month, month
    )
    lead = text[figure.clause[0] : token.start]
    if status == "target" or _ANNUAL.search(lead):
        period = Period(period.year, 1, 12)
    elif period.start < period.end and unit_kind(token.unit) is Kind.COUNT and _STOCK.search(lead):
        period = Period(period.year, period.end, period.end)  # 规上企业达142家: as at the end
    phrases = periods.phrases
    first = bisect.bisect_left(phrases, figure.clause[0], key=lambda p: p.start)
    cut = ""
    if first < len(phrases) and phrases[first].start < token.start:
        cut = text[phrases[first].start : phrases[first].end]
    name = clauses.list_item_name(text, figure.clause[0], token.start) or clauses.name(
        text, figure.clause[0], token.start, token.end, figure.clause[1], cut
    )
    subject = subjects(figure.sentence, figure.clause[1])
    quote_end = clauses.clause(text, max(figure.last - 1, token.start), *figure.sentence)[1]
    quote = article.quote(figure.clause[0], quote_end)
    found = matcher.match(name, abs(token.value), token.unit, subject)
    subject = matcher.subject(found.indicator, subject)
    line = bisect.bisect_right(line_starts, article.origin[token.start])
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
    )
