"""Text tables in an article: where they are and what their cells say (pure, linear in the text).

Layouts read:

- pipe tables, ``指标 | 本月 | 累计 | 同比增长(%)``, with or without a ``---`` rule and outer pipes;
- whitespace-aligned columns (two or more spaces, a tab or a full-width space between cells),
  matched to the header by their printed position when a row has fewer cells than the header;
- a pipe table whose row breaks were lost (every cell on one long line): the header's cells are
  the non-numeric cells before the first row label, and the line is cut into rows of that size.

Units, most specific first: a unit in the row label's brackets (``工业用电量(亿千瓦时)``), a 单位
column, a unit in the column header (``累计(亿元)``), the table's unit line before or after it
(``单位:亿元``). A unit line may name the growth columns' % beside the values' unit
(``单位：亿元、%``, ``单位：亿元，%``): the values are in 亿元, a row of rates (占比, 增速)
in %; a line naming several units besides % (``单位:个、万元``) gives none. What gives no
figure (no unit, or a run of ``|`` or aligned lines with numbers no table is read from) is
said by `unread`.

Columns: 本月/当月/N月/N月末 are that month; 累计/1-N月/1—N月/N月累计/一季度/上半年 run from
January to that month; ``YYYY年`` is the year; 上年同期/去年同期/上年 are the months of the
column on their left a year earlier; a 同比/增长(%)/增速 column is the yoy of the nearest value
column on its left that is not of the year before (一季度 | 上年同期 | 增长: of 一季度) and not
a figure of its own; ``—``, ``-`` and empty cells are no figure. A 比重/占比 column is in %: the
row whose share is 100 is the whole (that cell is no figure), the other rows' shares are named
as shares of it (城镇消费品零售额占社会消费品零售总额比重); a 完成预算 column is each row's share of
its year's budget. A row below the whole, or marked 其中/内 below another, is a part of it:
a part's label that names no quantity takes the whole's (城镇 under 社会消费品零售总额:
城镇消费品零售额). The month comes from the header, else a title line just above the table
(``2027年1-5月主要经济指标``), else the reference month passed in. A row whose label is a
balance (余额) in a cumulative column stands at the month's end; 比年初/比上年末 columns are
the change over the year to date.

Quote form of a cell (what ``validate`` checks with `cell_shown`)::

    ROW LABEL | COLUMN HEADER | VALUE            e.g.  规模以上工业总产值 | 累计 | 872.5
    ROW LABEL | COLUMN HEADER | VALUE | 单位:UNIT      规模以上工业总产值 | 累计 | 872.5 | 单位:亿元
    ... | 单位:UNIT | GROWTH HEADER:GROWTH          ... | 单位:亿元 | 同比增长(%):7.1

label, header and value exactly as printed (spaces inside a label or header do not matter); the
optional parts are the unit the cell was read with and the 同比 column its yoy was read from.
`cell_quote` writes it, `cell_shown` says whether one table of the text has that cell.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Literal

from ...model.glossary import english_name
from ...model.period_words import period_phrases

__all__ = [
    "Cell",
    "CellQuote",
    "PeriodKind",
    "Table",
    "cell_quote",
    "cell_shown",
    "find_tables",
    "parse_cell_quote",
    "parse_quote",
    "table_from_rows",
    "unread",
]

Layout = Literal["pipe", "aligned", "flat", "html"]
MAX_COLUMNS = 40  # wider is not a statistics table; keeps position matching linear
QUOTE_SEP = " | "


class PeriodKind(StrEnum):
    MONTH = "month"  # one month (本月, 7月, 5月末, a balance)
    YEAR_TO_DATE = "year_to_date"  # January to `month` (累计, 1-5月, 上半年)
    YEAR = "year"  # a whole year (2026年, 全年)
    EXPLICIT = "explicit"  # another period, spelled in `Cell.explicit` (Q2, H2)
    UNKNOWN = "unknown"  # the column names no period that could be read


@dataclass(frozen=True, slots=True)
class Cell:
    """One figure of a table."""

    row: str  # row label as printed: 全社会用电量(亿千瓦时)
    column: str  # column header as printed: 累计
    name: str  # row label without its unit brackets and 其中: prefix: 全社会用电量
    printed: str  # the value as printed: 872.5
    value: Decimal
    unit: str  # "" when the table does not say
    yoy: Decimal | None  # from the 同比 column on the right
    kind: PeriodKind
    month: int | None  # the month (the last month of a year-to-date run)
    year: int | None  # None when neither the table nor the caller says
    explicit: str  # for EXPLICIT: Q2, H2 ...; else ""
    start: int  # span of the printed value in the text
    end: int
    back: int = 0  # years before the caller's year when the table names none (上年同期: 1)
    growth_column: str = ""  # header of the 同比 column `yoy` is read from, as printed
    growth_printed: str = ""  # the yoy as printed there
    level: bool = False  # a level at the month's end (余额, 实有, 企业数), not a flow over months

    def period(self, year: int | None = None) -> str | None:
        """ganxian's spelling (2027-05, 2027-01..2027-05, 2031-Q1, 2026); None when unknown."""
        y = self.year if self.year is not None else None if year is None else year - self.back
        if y is None:
            return None
        m = self.month
        if self.kind is PeriodKind.YEAR:
            return f"{y}"
        if self.kind is PeriodKind.EXPLICIT:
            return f"{y}-{self.explicit}" if self.explicit else None
        if m is None or self.kind is PeriodKind.UNKNOWN:
            return None
        if self.kind is PeriodKind.MONTH or m == 1:
            return f"{y}-{m:02d}"
        if m == 12:
            return f"{y}"
        if m == 3:
            return f"{y}-Q1"
        if m == 6:
            return f"{y}-H1"
        return f"{y}-01..{y}-{m:02d}"


@dataclass(frozen=True, slots=True)
class Table:
    """A table found in the text; `start`..`end` covers its unit line, rows and rules."""

    start: int
    end: int
    layout: Layout
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    unit: str  # of the values, from the 单位 line; "" when none, or several besides %
    caption: str  # the title line just above, "" when none
    cells: tuple[Cell, ...]
    units: tuple[str, ...] = ()  # every unit the 单位 line names (亿元、%: 亿元 and %)


# --- text primitives -------------------------------------------------------------------------

_MARK = re.compile(r"[*＊\u00b9\u00b2\u00b3\u2070-\u2079\u2460-\u2473]+\s*$")  # 12.5① 12.5*
_NUMBER = re.compile(r"[+\-]?\d[\d,]*(?:\.\d+)?%?")
_DASH_ONLY = re.compile(r"[—–\-―─…/·.\s]*")
_ALIGN_SPLIT = re.compile(r"(?:\t|[ \u3000]{2,}|\u3000)[ \t\u3000]*")
_RULE_CELL = re.compile(r":?-{3,}:?")
_UNIT_LINE = re.compile(r"单位\s*[:：]\s*([^)）|]+)")
# between the units of one 单位 line: 、 , ; a space, a slash next to % (元/人 is one unit)
_UNIT_SEP = re.compile(r"[、,，;；\s]+|/(?=%)|(?<=%)/")
# a row of rates under a line naming % too (单位：亿元、%): 工业投资占比, 规上工业增加值增速
_RATE_ROW = re.compile(r"(?:增速|增长率|增幅|比重|占比|比例|率)$")
_BRACKET = re.compile(r"[(（]([^()（）]{1,12})[)）]\s*$")
_YOY_WORDS = re.compile(
    r"(?:同比|比上年同期|比去年同期|比上年|较上年|较去年同期)?(?:增长|增速|增幅|增长率|±)|同比.*"
)
_RISE_WORD = re.compile(r"增|减|±|涨|降")
_NOT_UNIT = re.compile(r"\d|含|按|其中|注|价|累计|同比|比上年|季|月|年|预计|初步")
_CHANGE_HEADER = re.compile(r"比年初|比上年末|较年初|比去年末|较上年末")
# a column of levels at the end of the months the table covers: 实有（户）, 企业数（家）, 期末人数,
# 余额, 存栏; not of a flow (新登记, 新增户数, 营业收入)
_LEVEL_HEADER = re.compile(
    r"^(?!.*(?:新|增|减|累计|本年|当年|完成|注销|登记)).*"
    r"(?:实有|现有|期末|年末|月末|余额|存栏|在册|在建|总数|企业数|单位数|家数|户数)"
)
# headers that name no quantity of their own: the row's label does
_GENERIC_HEADER = {
    *("", "绝对值", "绝对额", "绝对数", "数值", "数额", "数据", "总量", "数量", "金额"),
    *("完成值", "完成数", "实绩", "实际", "实际数", "本期", "本期数", "指标值"),
}
_LABEL_HEADER = {"指标", "指标名称", "项目", "名称", "主要指标", "类别"}
_UNIT_HEADER = {"单位", "计量单位"}
_YEAR = re.compile(r"(\d{4})\s*年")
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")
_PRIOR = re.compile(r"上年|去年|上年同期|去年同期")
_ANY_YEAR = 2000  # the year a header's months are read against when it names none
_CUMULATIVE = re.compile(r"\s*累计")  # 5月份累计: January to May
_YEAR_TO_DATE = frozenset({"range", "quarters", "months", "ytd", "halfsum"})
_ONE_YEAR = frozenset({"year", "whole", "yend"})


def _norm(s: str) -> str:
    """Full-width digits, signs and punctuation to ASCII; spaces dropped."""
    if s.isascii():  # most cells: nothing to normalise
        return "".join(s.split())
    t = unicodedata.normalize("NFKC", s).replace("−", "-").replace("，", ",")
    return "".join(t.split())


def _number(cell: str) -> tuple[Decimal, bool] | None:
    """The cell's number and whether it was printed with %; None for text or an empty cell."""
    t = _norm(_MARK.sub("", cell))  # a footnote mark first: NFKC would make ① a digit
    if not _NUMBER.fullmatch(t):
        return None
    pct = t.endswith("%")
    try:
        return Decimal(t.rstrip("%").replace(",", "").lstrip("+")), pct
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


def _is_empty(cell: str) -> bool:
    return _DASH_ONLY.fullmatch(cell) is not None


def _is_value(cell: str) -> bool:
    return _is_empty(cell) or _number(cell) is not None


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


# --- lines and blocks --------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        out.append(_Line(pos, pos + len(body), body))
        pos += len(raw)
    return out


@dataclass(slots=True)
class _Piece:
    text: str  # stripped cell text
    start: int  # offsets in the article text
    end: int
    col: int  # display column of its start within its line


def _pipe_cells(line: _Line) -> list[_Piece] | None:
    body = line.text.replace("｜", "|")
    if body.count("|") < 1:
        return None
    pieces: list[_Piece] = []
    pos = 0
    for part in body.split("|"):
        lead = len(part) - len(part.lstrip())
        stripped = part.strip()
        s = line.start + pos + lead
        pieces.append(_Piece(stripped, s, s + len(stripped), 0))
        pos += len(part) + 1
    if pieces and not pieces[0].text:
        pieces = pieces[1:]
    if pieces and not pieces[-1].text:
        pieces = pieces[:-1]
    return pieces if len(pieces) >= 2 else None


def _aligned_cells(line: _Line) -> list[_Piece] | None:
    body = line.text
    if "|" in body or "｜" in body:
        return None
    stripped = body.strip(" \t\u3000")
    if not stripped:
        return None
    offset = len(body) - len(body.lstrip(" \t\u3000"))
    pieces: list[_Piece] = []
    pos = offset
    width = _width(body[:offset]) if offset else 0
    for m in _ALIGN_SPLIT.finditer(stripped):
        part = stripped[pos - offset : m.start()]
        pieces.append(_Piece(part, line.start + pos, line.start + pos + len(part), width))
        width += _width(part) + _width(m.group())
        pos = offset + m.end()
    part = stripped[pos - offset :]
    pieces.append(_Piece(part, line.start + pos, line.start + pos + len(part), width))
    if len(pieces) < 2 or len(pieces) > MAX_COLUMNS:
        return None
    return pieces


def _is_rule(pieces: Sequence[_Piece]) -> bool:
    return all(_RULE_CELL.fullmatch(p.text.replace(" ", "")) for p in pieces if p.text)


def _is_row(pieces: Sequence[_Piece]) -> bool:
    """A body row: a text label, then values (a unit word may stand among them)."""
    if _number(pieces[0].text) is not None or _is_empty(pieces[0].text):
        return False
    values = [p for p in pieces[1:] if _is_value(p.text)]
    return any(_number(p.text) is not None for p in values) and len(values) >= len(pieces) - 2


# --- columns and units ------------------------------------------------------------------------


@dataclass(slots=True)
class _Column:
    role: Literal["label", "unit", "yoy", "value"]
    unit: str
    kind: PeriodKind
    month: int | None
    year: int | None
    explicit: str = ""
    change: bool = False  # 比年初增减: a flow even on a balance's row
    back: int = 0  # 1 for 上年同期: the year before the table's
    level: bool = False  # 实有（户）, 企业数（家）, 期末余额: a level at the month's end
    quantity: str = ""  # a header naming what is counted, not when (新登记, 实有, 比年初增减)
    share: bool = False  # 比重（%）, 占比: each row's share of the table's whole


def _unit_in_brackets(label: str) -> str:
    m = _BRACKET.search(label)
    if not m:
        return ""
    inner = m.group(1).strip()
    if inner in ("%", "％"):
        return "%"
    return "" if _NOT_UNIT.search(inner) or len(inner) > 8 else inner


def _strip_brackets(label: str) -> str:
    return _BRACKET.sub("", label).strip()


def _period_of(text: str) -> tuple[PeriodKind, int | None, int | None, str]:
    """(kind, month, year, explicit) a header or title names, read by the period words of the
    prose (`model.period_words`); UNKNOWN when none."""
    t = _norm(text)
    year_m = _YEAR.search(t)
    year = int(year_m.group(1)) if year_m else None
    for phrase in period_phrases(t, year or _ANY_YEAR, 12):
        period, group = phrase.period, phrase.group
        if phrase.kind != "own" or period is None or _PRIOR.search(phrase.text):
            continue  # 上年: the column to its left says which months
        if group == "this":
            return PeriodKind.MONTH, None, year, ""
        if group == "ytd":
            return PeriodKind.YEAR_TO_DATE, None, year, ""
        if group in _ONE_YEAR:
            return PeriodKind.YEAR, None, year, ""
        cumulative = _CUMULATIVE.match(t, phrase.end) is not None
        if phrase.stock:
            return PeriodKind.MONTH, period.end, year, ""  # 6月末, 一季度末
        if cumulative or group in _YEAR_TO_DATE or period.start == 1 < period.end:
            return PeriodKind.YEAR_TO_DATE, period.end, year, ""  # 1-5月, 上半年, 5月累计
        if period.start == period.end:
            return PeriodKind.MONTH, period.end, year, ""  # 5月, 5月份
        quarter = f"Q{period.end // 3}" if period.end - period.start == 2 else "H2"
        return PeriodKind.EXPLICIT, period.end, year, quarter  # 二季度, 下半年
    if "累计" in t or "年初至今" in t:
        return PeriodKind.YEAR_TO_DATE, None, year, ""
    if year is not None and t.endswith("年"):
        return PeriodKind.YEAR, None, year, ""
    return PeriodKind.UNKNOWN, None, year, ""


def _columns(header: Sequence[str], year: int | None) -> list[_Column]:
    cols: list[_Column] = []
    for i, raw in enumerate(header):
        h = _norm(raw)
        unit = _unit_in_brackets(h)
        bare = _strip_brackets(h)
        if i == 0 or bare in _LABEL_HEADER:
            cols.append(_Column("label", "", PeriodKind.UNKNOWN, None, None))
            continue
        if bare in _UNIT_HEADER:
            cols.append(_Column("unit", "", PeriodKind.UNKNOWN, None, None))
            continue
        change = _CHANGE_HEADER.search(bare) is not None
        if not change and _is_yoy(h, bare):
            cols.append(_Column("yoy", "", PeriodKind.UNKNOWN, None, None))
            continue
        kind, month, col_year, explicit = _period_of(h)
        if _BARE_YEAR.fullmatch(bare):
            kind, col_year = PeriodKind.YEAR, int(bare)
        if change:
            kind = PeriodKind.YEAR_TO_DATE
        back = 0
        if _PRIOR.search(bare) and col_year is None:
            back = 1
            left = next((c for c in reversed(cols) if c.role == "value"), None)
            if kind is PeriodKind.UNKNOWN and left is not None:  # 1-5月 | 上年同期
                kind, month, explicit = left.kind, left.month, left.explicit
                if left.year is not None:  # 2035年 | 上年: 2034
                    col_year = left.year - 1
        level = not change and _LEVEL_HEADER.search(bare) is not None
        named = change or (kind is PeriodKind.UNKNOWN and bare not in _GENERIC_HEADER)
        cols.append(
            _Column(
                "value", unit, kind, month, col_year, explicit, change, back, level,
                bare if named else "", _SHARE_HEADER.fullmatch(bare) is not None,
            )
        )  # fmt: skip
    return cols


def _is_yoy(h: str, bare: str) -> bool:
    """A growth column (同比增长(%), 增速, 1-7月增长(%)); not a share such as 占比(%)."""
    pct = "%" in h
    if _YOY_WORDS.fullmatch(bare) or (pct and (_RISE_WORD.search(bare) or bare in ("", "%"))):
        return True
    return "同比" in bare  # 本月同比


def _unit_line(line: _Line | None) -> tuple[str, ...] | None:
    """The units a 单位 line names (``单位：亿元、%``: 亿元 and %); None when it is no unit line."""
    if line is None or len(line.text) > 80:
        return None
    spaced = unicodedata.normalize("NFKC", line.text).replace("(", "").replace(")", "")
    m = _UNIT_LINE.search(spaced)
    if not m:
        return None
    units: list[str] = []
    for part in _UNIT_SEP.split(m.group(1).strip()):
        if ":" in part or "：" in part or len(part) > 8:
            break  # 单位：亿元 注：… — the note is no unit
        if part:
            units.append(part)
    return tuple(units)


def _value_unit(units: Sequence[str]) -> tuple[str, bool]:
    """The unit of a table's values from the units its 单位 line names, and whether the line
    names % as well (the unit of its growth columns and of its rate rows): ``亿元、%`` gives
    (亿元, True); several units besides % give none ("")."""
    amounts = [u for u in units if u != "%"]
    if len(amounts) == 1:
        return amounts[0], len(amounts) < len(units)
    return ("%", False) if units and not amounts else ("", False)


# --- cells -----------------------------------------------------------------------------------


def _cells(
    header: Sequence[str],
    rows: Sequence[Sequence[_Piece | None]],
    *,
    unit: str,
    context: tuple[PeriodKind, int | None, int | None, str],
    month: int | None,
    year: int | None,
    rates: bool = False,
) -> tuple[Cell, ...]:
    """The value cells of a table; *unit* is its values' unit, and *rates* says its 单位 line
    names % too (a row of rates, 工业投资占比, is in %)."""
    ctx_kind, ctx_month, ctx_year, _ = context
    table_year = ctx_year if ctx_year is not None else year
    cols = _columns(header, table_year)
    ref_month = ctx_month if ctx_month is not None else month
    out: list[Cell] = []
    unit_col = next((i for i, c in enumerate(cols) if c.role == "unit"), None)
    growth = _growth_columns(cols)
    # a column of shares or of a budget's completion is in % whatever the row's unit
    rate = [c.share or _BUDGET_HEADER.fullmatch(c.quantity) is not None for c in cols]
    parts = _parts(rows, cols)
    for row, (name, whole, of) in zip(rows, parts, strict=True):
        label_piece = row[0]
        if label_piece is None:
            continue
        label = label_piece.text
        row_unit = _unit_in_brackets(_norm(label))
        if not row_unit and unit_col is not None and unit_col < len(row):
            unit_piece = row[unit_col]
            if unit_piece is not None and not _is_empty(unit_piece.text):
                row_unit = _norm(unit_piece.text)
        balance = "余额" in name
        line_unit = "%" if rates and _RATE_ROW.search(name) else unit
        for i, col in enumerate(cols):
            if col.role != "value" or i >= len(row):
                continue
            piece = row[i]
            if piece is None:
                continue
            parsed = _number(piece.text)
            if parsed is None:
                continue
            value, pct = parsed
            if col.share and whole:
                continue  # the whole's share of itself (100)
            yoy = None
            growth_column = growth_printed = ""
            g = growth.get(i)
            if g is not None and g < len(row):
                yp = row[g]
                yv = _number(yp.text) if yp is not None else None
                if yp is not None and yv is not None:
                    yoy, growth_column, growth_printed = yv[0], header[g], yp.text
            kind, m = col.kind, col.month
            if kind is PeriodKind.UNKNOWN and ctx_kind in _RUNS:
                kind = ctx_kind
            if m is None and kind in (PeriodKind.MONTH, PeriodKind.YEAR_TO_DATE):
                m = ref_month
            level = (balance and not col.change) or col.level
            if col.share and of:
                own = f"{name}占{of}比重"  # 城镇消费品零售额占社会消费品零售总额比重
            elif _BUDGET_HEADER.fullmatch(col.quantity):
                own = f"{name}年度预算完成率"  # 完成预算（%）: the share of the year's budget
            else:  # 企业 | 新登记（户） | 实有（户）: two quantities of one row, named apart
                own = name if col.quantity in name else name + col.quantity
            if level and kind is PeriodKind.YEAR_TO_DATE:
                kind = PeriodKind.MONTH
            cell_year = col.year
            if cell_year is None and table_year is not None:
                cell_year = table_year - col.back
            out.append(
                Cell(
                    row=label,
                    column=header[i],
                    name=own,
                    printed=piece.text,
                    value=value,
                    unit=(
                        "%"
                        if pct or col.unit == "%" or (rate[i] and not col.unit)
                        else (row_unit or col.unit or line_unit)
                    ),
                    yoy=yoy,
                    kind=kind,
                    month=m,
                    year=cell_year,
                    explicit=col.explicit,
                    back=col.back,
                    start=piece.start,
                    end=piece.end,
                    growth_column=growth_column,
                    growth_printed=growth_printed,
                    level=level and kind is PeriodKind.MONTH,
                )
            )
    return tuple(out)


_PART_MARK = re.compile(r"^(其中|内)\s*[:：]\s*")
_BUDGET_HEADER = re.compile(r"完成(?:年度|全年)?预算(?:的)?(?:比例|进度)?|预算完成(?:率|进度)")
_SHARE_HEADER = re.compile(r"(?:所占)?(?:比重|占比)|构成")
# a label that names a quantity of its own (餐饮收入, 工业用电量, 增值税), not only a part (城镇)
_QUANTITY_END = re.compile(
    r"(?:额|量|值|收入|支出|投资|利润|税|费|数|次|价格|指数|面积|率|比重|占比|增速|资金|款|人口)$"
)
# words before a whole's quantity that name the whole, not the quantity (全社会用电量: 用电量)
_WHOLE_LEAD = re.compile(r"^(?:全社会|社会|全部|全市|全县|全区|全省|全镇)")
_OTHERS = re.compile(r"其他|其它|其余")
_TOTAL = re.compile(r"总(?=(?:额|量|人次|收入|支出|数)$)")  # 零售总额, 接待游客总人次
_NO_QUANTITY = frozenset({"合计", "总计", "小计", "全部", "总体", "总量", "总额", "全市", "全县"})
_WHOLE_PART = {"生产总值": "增加值"}  # a part of the product by industry is a value added


def _parts(
    rows: Sequence[Sequence[_Piece | None]], cols: Sequence[_Column]
) -> list[tuple[str, bool, str]]:
    """Each row's (name, whether it is the whole its table's shares are of, the name of that
    whole for its share; "" when the table has none). A row is a part of the whole above it
    (the row whose share is 100) or, marked 其中/内 or labelled by qualifying words only (城镇,
    规模以上), of the nearest row above that names a quantity; a part whose label names no
    quantity (城镇, 商品零售) takes the whole's (城镇消费品零售额)."""
    shares = [i for i, c in enumerate(cols) if c.share]
    labels: list[str] = []
    wholes: list[bool] = []
    for row in rows:
        label = row[0].text if row[0] is not None else ""
        labels.append(_strip_brackets(_PART_MARK.sub("", label)))
        wholes.append(any(_is_hundred(row[i]) for i in shares if i < len(row)))
    names: list[str] = []
    whole = top = ""
    for label, is_whole, row in zip(labels, wholes, rows, strict=True):
        marked = row[0] is not None and _PART_MARK.match(row[0].text) is not None
        modifier = not marked and _modifier(label)
        if is_whole:
            whole = label
        if is_whole:
            parent = ""
        elif marked:
            parent = top
        else:  # below a whole, a part of it; else a row of qualifying words, of the row above
            parent = whole or (top if modifier else "")
        name = _part_name(label, parent) if parent else label
        names.append(name)
        if not marked and not modifier:
            top = name
    out: list[tuple[str, bool, str]] = []
    above = ""  # the whole above, else the first below (a 合计 row at the foot)
    below = [k for k, w in enumerate(wholes) if w]
    for k, name in enumerate(names):
        if wholes[k]:
            above = labels[k]
        after = bisect.bisect_right(below, k)
        of = above or (labels[below[after]] if after < len(below) else "")
        out.append((name, wholes[k], "" if of in _NO_QUANTITY or wholes[k] else of))
    return out


def _modifier(label: str) -> bool:
    """Whether *label* is only words that qualify a quantity (城镇, 规模以上, 内资), so that
    its row is a part of the quantity above it."""
    if not label or _QUANTITY_END.search(label) or _OTHERS.match(label):
        return False  # 其他: the rest beside the rows above, not a part of one of them
    return not english_name(label).text


def _is_hundred(piece: _Piece | None) -> bool:
    found = _number(piece.text) if piece is not None else None
    return found is not None and found[0] == 100


def _part_name(part: str, whole: str) -> str:
    """The name of *part* of *whole*: *part* when it names a quantity of its own (餐饮收入),
    else *part* with the whole's quantity (城镇 of 社会消费品零售总额: 城镇消费品零售额; 商品零售:
    商品零售额; 进口 of 进出口总额: 进口额; 第三产业 of 地区生产总值: 第三产业增加值)."""
    if not part or _QUANTITY_END.search(part) or whole in _NO_QUANTITY:
        return part
    for total, of_part in _WHOLE_PART.items():
        if whole.endswith(total):
            return part + of_part
    core = _TOTAL.sub("", _WHOLE_LEAD.sub("", whole))  # a whole's 总额 is a part's 额
    for n in range(min(len(part), len(core)), 0, -1):
        at = core.find(part[-n:])
        if at >= 0:  # 商品零售 + 消费品零售额: 商品零售额; 进口 + 进出口额: 进口额
            return part + core[at + n :]
    return part + core


def _growth_columns(cols: Sequence[_Column]) -> dict[int, int]:
    """Value column -> the 同比 column its yoy is read from: the nearest value column on a
    growth column's left that is not of the year before (一季度 | 上年同期 | 增长(%): the growth
    of 一季度), up to the growth column before it."""
    out: dict[int, int] = {}
    for g, col in enumerate(cols):
        if col.role != "yoy":
            continue
        for i in range(g - 1, 0, -1):
            if cols[i].role == "yoy":
                break
            if cols[i].role == "value" and not cols[i].back:
                out.setdefault(i, g)
                break
    return out


def _place(header: Sequence[_Piece], row: Sequence[_Piece]) -> list[_Piece | None]:
    """An aligned row's cells under the header columns their printed position is nearest to."""
    placed: list[_Piece | None] = [None] * len(header)
    if len(row) == len(header):
        return list(row)
    placed[0] = row[0]
    starts = [h.col for h in header]
    for piece in row[1:]:
        centre = piece.col + _width(piece.text) / 2
        best, best_d = 1, float("inf")
        for j in range(1, len(header)):
            end = starts[j + 1] if j + 1 < len(starts) else starts[j] + 2 * _width(header[j].text)
            outside = min(abs(centre - starts[j]), abs(centre - end))
            d = 0.0 if starts[j] <= centre < end else outside
            if d < best_d:
                best, best_d = j, d
        if placed[best] is None:
            placed[best] = piece
    return placed


# --- finding tables ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Block:
    layout: Layout
    first: int  # line indexes, inclusive
    last: int
    header: list[_Piece]
    rows: list[list[_Piece | None]]


def _pipe_blocks(lines: Sequence[_Line]) -> Iterable[_Block]:
    i = 0
    n = len(lines)
    while i < n:
        pieces = _pipe_cells(lines[i])
        if pieces is None or _is_rule(pieces):
            i += 1
            continue
        first = i
        body: list[list[_Piece]] = [pieces]
        j = i + 1
        last = i
        while j < n:
            nxt = _pipe_cells(lines[j])
            if nxt is None:
                if _gap_then_row(lines, j, _pipe_cells):
                    j += 1
                    continue
                break
            if not _is_rule(nxt):
                body.append(nxt)
            last = j
            j += 1
        i = j
        block = _flat_block(first, body[0]) if len(body) == 1 else _pipe_block(first, last, body)
        if block is not None:
            yield block


def _gap_then_row(
    lines: Sequence[_Line], j: int, split: Callable[[_Line], list[_Piece] | None]
) -> bool:
    """A blank line inside a table (rows copied from a web page one paragraph each)."""
    if lines[j].text.strip() or j + 1 >= len(lines):
        return False
    after = split(lines[j + 1])
    return after is not None and _is_row(after)


def _pipe_block(first: int, last: int, body: list[list[_Piece]]) -> _Block | None:
    header = body[0][:MAX_COLUMNS]
    width = len(header)
    rows: list[list[_Piece | None]] = [
        [*r[:width], *([None] * (width - len(r)))] for r in body[1:] if _is_row(r)
    ]
    if not rows:
        return _flat_block(first, body[0]) if len(body) == 1 else None
    return _Block("pipe", first, last, header, rows)


def _flat_block(line: int, cells: list[_Piece]) -> _Block | None:
    """One line of cells: the header's columns, then rows of as many cells."""
    run = 0
    while run < len(cells) and not _is_value(cells[run].text):
        run += 1
    k = run - 1
    if k < 2 or k > MAX_COLUMNS or len(cells) % k or len(cells) < 2 * k:
        return None
    header = cells[:k]
    rows: list[list[_Piece | None]] = []
    for s in range(k, len(cells), k):
        row = cells[s : s + k]
        if not _is_row(row):
            return None
        rows.append(list(row))
    return _Block("flat", line, line, header, rows)


def _aligned_blocks(lines: Sequence[_Line]) -> Iterable[_Block]:
    i = 0
    n = len(lines)
    while i < n:
        pieces = _aligned_cells(lines[i])
        if pieces is None:
            i += 1
            continue
        run: list[tuple[int, list[_Piece]]] = [(i, pieces)]
        j = i + 1
        while j < n:
            nxt = _aligned_cells(lines[j])
            if nxt is None:
                if _gap_then_row(lines, j, _aligned_cells):
                    j += 1
                    continue
                break
            run.append((j, nxt))
            j += 1
        i = j
        widest = max(len(p) for _, p in run)
        h = next(k for k, (_, p) in enumerate(run) if len(p) == widest)
        header = _spaced_label(run[h][1])
        if any(
            _number(p.text) is not None and not _BARE_YEAR.fullmatch(p.text) for p in header[1:]
        ):
            continue
        rows = [_place(header, p) for _, p in run[h + 1 :] if _is_row(p)]
        if rows:
            yield _Block("aligned", run[h][0], run[-1][0], header, rows)


def _spaced_label(header: list[_Piece]) -> list[_Piece]:
    """``指    标`` (a label header spaced out to the column's width) is one cell."""
    if len(header) > 2 and len(header[0].text) == 1 and len(header[1].text) == 1:
        first, second = header[0], header[1]
        return [_Piece(first.text + second.text, first.start, second.end, first.col), *header[2:]]
    return header


def _near(lines: Sequence[_Line], index: int, step: int, limit: int) -> list[int]:
    """Up to *limit* non-blank line indexes from *index* in direction *step*."""
    out: list[int] = []
    k = index + step
    while 0 <= k < len(lines) and len(out) < limit and abs(k - index) <= limit + 1:
        if lines[k].text.strip():
            out.append(k)
        k += step
    return out


def find_tables(text: str, *, year: int | None = None, month: int | None = None) -> list[Table]:
    """Every table of *text*, in order. *year* and *month* are the article's reference period
    (what 本月 and 累计 mean when neither the header nor a title line above the table says); when
    not given, the article's title line (its first line) is read for them."""
    lines = _lines(text)
    title = next((ln.text for ln in lines if ln.text.strip()), "")
    # a table under no caption of its own is of the months the title names (关于2030年1-5月…)
    titled = _NO_PERIOD
    if _is_caption(title):  # the article's title line: 河阳市2027年5月主要经济指标简析
        titled = _period_of(title)
        _, title_month, title_year, _ = titled
        month = month if month is not None else title_month
        year = year if year is not None else title_year
    blocks = sorted([*_pipe_blocks(lines), *_aligned_blocks(lines)], key=lambda b: b.first)
    tables: list[Table] = []
    prev_last = -1  # the last line the previous table covers
    for index, block in enumerate(blocks):
        if block.first <= prev_last:
            continue
        next_first = blocks[index + 1].first if index + 1 < len(blocks) else len(lines) + 3
        first_line, last_line = block.first, block.last
        units: tuple[str, ...] | None = None
        caption = ""
        for k in _near(lines, block.first, -1, 2):
            if k <= prev_last:
                break
            if units is None:
                found = _unit_line(lines[k])
                if found is not None:
                    units, first_line = found, k
                    rest = _UNIT_LINE.sub("", _norm(lines[k].text)).strip("()（）")
                    if len(rest) < 4:  # a unit line of its own; a caption may stand above
                        continue
            if _is_caption(lines[k].text):
                caption = lines[k].text.strip()
            break
        if units is None:
            after = _near(lines, block.last, 1, 1)
            if after and after[0] + 4 < next_first:  # not the next table's own unit line
                found = _unit_line(lines[after[0]])
                if found is not None:
                    units, last_line = found, after[0]
        context = _period_of(caption) if caption else titled
        header = [p.text for p in block.header]
        unit, rates = _value_unit(units or ())
        cells = _cells(
            header, block.rows, unit=unit, context=context, month=month, year=year, rates=rates
        )
        if not cells:
            continue
        prev_last = last_line
        tables.append(
            Table(
                start=lines[first_line].start,
                end=lines[last_line].end,
                layout=block.layout,
                header=tuple(header),
                rows=tuple(tuple(p.text if p else "" for p in r) for r in block.rows),
                unit=unit,
                caption=caption,
                cells=cells,
                units=units or (),
            )
        )
    return tables


def unread(text: str, found: Sequence[Table]) -> list[str]:
    """What of *text*'s tables gives no figure, one line each (``extract`` says it as a
    warning, so that no figure is dropped unsaid): a table of *found* (`find_tables`) whose
    cells name no unit, and a run of ``|`` lines or of aligned columns holding numbers that no
    table of *found* covers."""
    said: list[str] = []
    for table in found:
        blind = sum(1 for c in table.cells if not c.unit)
        if blind:
            why = (
                f"its 单位 line names several units ({'、'.join(table.units)})"
                if len(table.units) > 1
                else "no 单位 line, unit column or unit in brackets names their unit"
            )
            said.append(
                f"line {_line_no(text, table.start)}: table {QUOTE_SEP.join(table.header)}: "
                f"{_figures(blind)} not proposed: {why}"
            )
    spans = sorted((t.start, t.end) for t in found)
    table_starts = [a for a, _ in spans]

    def covered(pos: int) -> bool:
        k = bisect.bisect_right(table_starts, pos) - 1
        return k >= 0 and pos <= spans[k][1]

    starts = sorted(c.start for t in found for c in t.cells)
    for run in _numbered_runs(_lines(text)):
        # lines no table covers, and rows of a table that gave no cell (a label that is a number)
        left = [
            (line, n)
            for line, n in run
            if n and bisect.bisect_left(starts, line.start) == bisect.bisect_right(starts, line.end)
        ]
        numbers = sum(n for _, n in left)
        inside = covered(left[0][0].start) if left else False
        if numbers and (len(left) > 1 or "|" in left[0][0].text or inside or len(run) == 1):
            at = left[0][0] if inside else run[0][0]  # a row of a table, else the whole run
            said.append(
                f"line {_line_no(text, at.start)}: "
                f"{_figures(numbers, 'number')} of a table not read: not proposed; check its "
                "rows and columns"
            )
    return said


def _figures(n: int, noun: str = "figure") -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def _line_no(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def _numbered_runs(lines: Sequence[_Line]) -> Iterable[list[tuple[_Line, int]]]:
    """Each run of table-like lines holding numbers, each line with how many: a run of ``|``
    lines (two cells or more, one line enough), or of two lines or more of three aligned cells
    or more; a year (2031) or a blank cell is no number."""
    run: list[tuple[_Line, int]] = []
    kind = ""
    for line in [*lines, _Line(0, 0, "")]:
        pipe = _pipe_cells(line)
        pieces = pipe if pipe is not None else _aligned_cells(line)
        this = "" if pieces is None else "pipe" if pipe is not None else "aligned"
        if this == "aligned" and pieces is not None and len(pieces) < 3:
            this = ""
        if this != kind or not this:
            if (kind == "pipe" or len(run) > 1) and any(n for _, n in run):
                yield run
            run, kind = [], this
        if this and pieces is not None:
            numbers = sum(
                1
                for p in pieces
                if _number(p.text) is not None and not _BARE_YEAR.fullmatch(_norm(p.text))
            )
            run.append((line, numbers))


_RUNS = (PeriodKind.YEAR_TO_DATE, PeriodKind.MONTH)
_NO_PERIOD: tuple[PeriodKind, int | None, int | None, str] = (PeriodKind.UNKNOWN, None, None, "")


def _is_caption(line: str) -> bool:
    """A short title line (表1 …主要经济指标), not a sentence of prose."""
    t = line.strip()
    return 0 < len(t) <= 40 and not re.search(r"[。；;，,!！?？]", t)


def table_from_rows(
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    unit: str = "",
    caption: str = "",
    year: int | None = None,
    month: int | None = None,
) -> Table:
    """A table from cells read elsewhere (an HTML ``<table>``); spans are 0 (not in a text)."""
    head = list(header)[:MAX_COLUMNS]
    body: list[list[_Piece | None]] = []
    for r in rows:
        cells: list[_Piece | None] = [_Piece(c.strip(), 0, 0, 0) for c in r[: len(head)]]
        body.append(cells + [None] * (len(head) - len(cells)))
    context = _period_of(caption) if caption else _NO_PERIOD
    cells_out = _cells(head, body, unit=unit, context=context, month=month, year=year)
    return Table(
        start=0,
        end=0,
        layout="html",
        header=tuple(head),
        rows=tuple(tuple(p.text if p else "" for p in r) for r in body),
        unit=unit,
        caption=caption,
        cells=cells_out,
    )


# --- quotes ---------------------------------------------------------------------------------


def cell_quote(cell: Cell) -> str:
    """The quote form of *cell*: ``ROW | COLUMN | VALUE``, ``| 单位:UNIT`` when it has one, and
    ``| GROWTH COLUMN:GROWTH`` when its yoy was read from a 同比 column."""
    parts = [cell.row, cell.column, cell.printed]
    if cell.unit:
        parts.append(f"单位:{cell.unit}")
    if cell.growth_column and cell.growth_printed:
        parts.append(f"{cell.growth_column}:{cell.growth_printed}")
    return QUOTE_SEP.join(parts)


@dataclass(frozen=True, slots=True)
class CellQuote:
    """A cell quote read back: label, header and value as printed, the unit ("" when the quote
    names none), and the growth column's header and printed value ("" when none)."""

    row: str
    column: str
    printed: str
    unit: str
    growth_column: str
    growth_printed: str

    @property
    def value(self) -> Decimal:
        found = _number(self.printed)
        assert found is not None  # parse_cell_quote admits numbers only
        return found[0]

    @property
    def growth(self) -> Decimal | None:
        found = _number(self.growth_printed) if self.growth_printed else None
        return found[0] if found is not None else None


_UNIT_PART = re.compile(r"单位\s*[:：]\s*(\S+)")
_GROWTH_PART = re.compile(r"(.+?)\s*[:：]\s*([^:：]+)")


def parse_cell_quote(quote: str) -> CellQuote | None:
    """The parts of a cell quote; None when *quote* is not in that form."""
    parts = [p.strip() for p in quote.replace("｜", "|").split("|")]
    if len(parts) < 3 or len(parts) > 5 or not all(parts) or _number(parts[2]) is None:
        return None
    unit = growth_column = growth_printed = ""
    for part in parts[3:]:
        m = _UNIT_PART.fullmatch(part)
        if m and not unit and not growth_column:
            unit = m.group(1)
            continue
        g = _GROWTH_PART.fullmatch(part)
        if g is None or growth_column or _number(g.group(2)) is None:
            return None
        growth_column, growth_printed = g.group(1).strip(), g.group(2).strip()
    return CellQuote(parts[0], parts[1], parts[2], unit, growth_column, growth_printed)


def parse_quote(quote: str) -> tuple[str, str, str, str] | None:
    """(row, column, value, unit) of a cell quote; None when *quote* is not in that form."""
    found = parse_cell_quote(quote)
    return None if found is None else (found.row, found.column, found.printed, found.unit)


def _same(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def cell_shown(quote: str, text: str, tables: Sequence[Table] | None = None) -> bool:
    """Whether one table of *text* (or of *tables*, when already found) has the quoted cell:
    its row label, column header and value as printed, the unit if the quote names one, and
    the growth column's header and value if it names them.
    A saved web page is read by `page.cell_shown_in_page`."""
    parsed = parse_cell_quote(quote)
    if parsed is None:
        return False
    if tables is None:
        tables = find_tables(text)
    for table in tables:
        for cell in table.cells:
            if (
                _same(cell.row, parsed.row)
                and _same(cell.column, parsed.column)
                and _same(cell.printed, parsed.printed)
                and (not parsed.unit or _same(cell.unit, parsed.unit))
                and (
                    not parsed.growth_column
                    or (
                        _same(cell.growth_column, parsed.growth_column)
                        and _same(cell.growth_printed, parsed.growth_printed)
                    )
                )
            ):
                return True
    return False
