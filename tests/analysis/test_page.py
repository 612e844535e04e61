"""Saved government web pages: boilerplate dropped, paragraphs and tables kept, on three layouts."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from gov_pages import (
    EDITOR_CELLS,
    EDITOR_DROP,
    EDITOR_KEEP,
    EDITOR_PAGE,
    SIDEBAR_CELLS,
    SIDEBAR_DROP,
    SIDEBAR_KEEP,
    SIDEBAR_PAGE,
)

from ganxian_cli.analysis.extract.page import cell_shown_in_page, page_text, read_page
from ganxian_cli.analysis.extract.tables import cell_quote, cell_shown

ROOT = Path(__file__).resolve().parents[2]
QINGFENG = (ROOT / "tests" / "corpus" / "gov_page_qingfeng_jan_aug.html").read_text("utf-8")
QINGFENG_KEEP = (
    "1-8月,全县经济运行总体平稳",
    "全县规模以上工业增加值同比增长10.4%",
    "全县在建5000万元以上项目96个",
    "社会消费品零售总额43.85亿元",
    "其中税收收入4.37亿元",
    "注:金融机构各项贷款余额为8月末数",
)
QINGFENG_DROP = (
    "无障碍",
    "长者模式",
    "政务服务",
    "当前位置",
    "分享到",
    "主办",
    "邮编",
    "0745-5221234",
    "ICP",
    "_hmt",
    "font-size",
)
QINGFENG_CELLS = {
    ("规上工业总产值", "1-8月"): "118.6",
    ("固定资产投资", "1-8月"): "72.9",
    ("社会消费品零售总额", "1-8月"): "43.85",
    ("农村居民人均可支配收入", "1-8月"): "14672",
    ("金融机构各项贷款余额", "1-8月"): "265.4",
}
PAGES = {
    "qingfeng": (QINGFENG, QINGFENG_KEEP, QINGFENG_DROP, QINGFENG_CELLS),
    "sidebar": (SIDEBAR_PAGE, SIDEBAR_KEEP, SIDEBAR_DROP, SIDEBAR_CELLS),
    "editor": (EDITOR_PAGE, EDITOR_KEEP, EDITOR_DROP, EDITOR_CELLS),
}


def _squeeze(s: str) -> str:
    return re.sub(r"[\s\u3000]+", "", s)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_main_text_kept_and_boilerplate_dropped(name: str) -> None:
    html, keep, drop, _ = PAGES[name]
    text = _squeeze(read_page(html).text)
    assert [k for k in keep if _squeeze(k) not in text] == []
    assert [d for d in drop if _squeeze(d) in text] == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_table_cells_read(name: str) -> None:
    html, _, _, cells = PAGES[name]
    page = read_page(html)
    got = {(c.row, c.column): c.printed for t in page.tables for c in t.cells}
    assert got == cells
    for t in page.tables:
        for c in t.cells:
            assert page.text[c.start : c.end] == c.printed
            assert cell_shown(cell_quote(c), page.text)
            assert cell_shown_in_page(cell_quote(c), html)  # a check may hold the raw page


def test_corpus_page_periods_units_and_yoy() -> None:
    page = read_page(QINGFENG, year=2025, month=8)
    got = {c.row: c for t in page.tables for c in t.cells}
    assert got["农村居民人均可支配收入"].unit == "元"
    assert got["农村居民人均可支配收入"].yoy == Decimal("7.3")
    assert got["规上工业总产值"].period() == "2025-01..2025-08"
    assert got["金融机构各项贷款余额"].period() == "2025-08"  # a balance


def test_unit_row_inside_the_table_and_caption_paragraph_above() -> None:
    page = read_page(EDITOR_PAGE)
    (table,) = page.tables
    assert table.unit == "万元"
    assert table.caption == "柳岸县2023年1-3月主要经济指标"
    got = {(c.row, c.column): c for c in table.cells}
    assert got[("税收收入", "1-3月")].period() == "2023-Q1"  # the year from the caption
    assert got[("城乡居民储蓄存款余额", "1-3月")].period() == "2023-03"


def test_title_first_then_paragraphs_and_br_as_lines() -> None:
    title, text = page_text(SIDEBAR_PAGE)
    lines = text.splitlines()
    assert title == lines[0] == "松溪市2024年1-6月经济运行情况"
    assert "6月当月，规上工业增加值增长8.0%。" in lines
    title, _ = page_text(
        "<html><head><title>标题甲_栏目_某县人民政府</title></head><body></body></html>"
    )
    assert title == "标题甲"


def test_only_innermost_tables_are_data_tables() -> None:
    html = (
        "<html><body><table class='layout'><tr><td>"
        "<div class='content'><p>全县完成投资12.5亿元，同比增长4.1%，较上月加快。</p>"
        "<table><tr><td>指标</td><td>1-4月</td></tr><tr><td>投资(亿元)</td><td>12.5</td></tr></table>"
        "</div></td></tr></table></body></html>"
    )
    page = read_page(html, year=2026)
    assert [(c.row, c.period()) for t in page.tables for c in t.cells] == [
        ("投资(亿元)", "2026-01..2026-04")
    ]


def test_spans_and_a_two_row_header() -> None:
    html = (
        "<div class='content'><p>全市1-5月主要经济指标情况如下，各项指标运行平稳。</p>"
        "<table>"
        "<tr><td colspan='5'>单位：亿元</td></tr>"
        "<tr><th rowspan='2'>指标</th><th colspan='2'>本月</th><th colspan='2'>累计</th></tr>"
        "<tr><th>绝对数</th><th>增长(%)</th><th>绝对数</th><th>增长(%)</th></tr>"
        "<tr><td rowspan='2'>工业</td><td>1.5</td><td>3.1</td><td>7.5</td><td>2.2</td></tr>"
        "<tr><td>1.6</td><td>3.2</td><td>7.6</td><td>2.3</td></tr>"
        "<tr><td>投资</td><td>—</td><td></td><td>9.9</td><td>-1.0</td></tr>"
        "</table></div>"
    )
    page = read_page(html, year=2026, month=5)
    assert "指标 | 本月绝对数 | 本月增长(%) | 累计绝对数 | 累计增长(%)" in page.text.splitlines()
    got = [(c.row, c.printed, c.unit, str(c.yoy), c.period()) for t in page.tables for c in t.cells]
    assert got == [
        ("工业", "1.5", "亿元", "3.1", "2026-05"),
        ("工业", "7.5", "亿元", "2.2", "2026-01..2026-05"),
        ("工业", "1.6", "亿元", "3.2", "2026-05"),  # the row label spans two rows
        ("工业", "7.6", "亿元", "2.3", "2026-01..2026-05"),
        ("投资", "9.9", "亿元", "-1.0", "2026-01..2026-05"),
    ]


def test_a_container_with_a_boilerplate_name_holding_the_article_stays() -> None:
    html = (
        "<body><div class='left'><ul><li>机构概况</li><li>政策文件</li></ul></div>"
        "<div class='right'><h1>某镇2028年1-4月工作进展</h1>"
        "<div class='info'>发布时间：2028-05-06</div>"
        "<p>1-4月，全镇完成固定资产投资3.2亿元，同比增长6.0%，完成年度计划的36.4%。</p>"
        "<p>新签约项目5个，协议总投资12.6亿元，项目建设稳步推进，成效明显。</p></div>"
        "<div class='foot'>版权所有：某镇人民政府</div></body>"
    )
    text = read_page(html).text
    assert "全镇完成固定资产投资3.2亿元" in text and "协议总投资12.6亿元" in text
    assert "机构概况" not in text and "版权所有" not in text and "发布时间" not in text


def test_paragraphs_written_as_divs() -> None:
    html = (
        "<body><ul class='list'><li><a>关于印发全县2029年重点项目建设计划的通知全文</a></li>"
        "<li><a>全县2029年一季度重点项目集中开工仪式隆重举行</a></li></ul>"
        "<div class='TRS_Editor'>"
        "<div>一季度，全县重点项目完成投资21.6亿元，占年度计划的27.3%。</div>"
        "<div>其中，产业项目完成投资14.2亿元，同比增长9.5%，拉动作用明显增强。</div>"
        "<div>新开工项目18个，总投资46.7亿元，开工率达到75.0%。</div></div></body>"
    )
    lines = read_page(html).text.splitlines()
    assert lines == [
        "一季度，全县重点项目完成投资21.6亿元，占年度计划的27.3%。",
        "其中，产业项目完成投资14.2亿元，同比增长9.5%，拉动作用明显增强。",
        "新开工项目18个，总投资46.7亿元，开工率达到75.0%。",
    ]


def test_empty_and_odd_pages_do_not_fail() -> None:
    assert read_page("").tables == ()
    assert read_page("<html></html>").tables == ()
    assert read_page("<p>只有一句话。</p>").text.strip() == "只有一句话。"
    broken = "<div><p>未闭合的段落<table><tr><td>指标<td>本月<tr><td>产值<td>1.5</table>"
    cells = [
        (c.row, c.column, c.printed) for t in read_page(broken, month=3).tables for c in t.cells
    ]
    assert cells == [("产值", "本月", "1.5")]


def test_selectolax_is_imported_only_by_the_page_reader() -> None:
    users = []
    for path in (ROOT / "ganxian_cli").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            if any(n.split(".")[0] == "selectolax" for n in names):
                users.append(path.relative_to(ROOT).as_posix())
    assert users == ["ganxian_cli/analysis/extract/page.py"]


def test_reading_text_tables_does_not_load_the_html_library() -> None:
    code = (
        "import sys\n"
        "from ganxian_cli.analysis.extract.tables import find_tables, cell_shown\n"
        "find_tables('指标 | 本月\\n产值 | 1.5\\n', month=3)\n"
        "cell_shown('产值 | 本月 | 1.5', '指标 | 本月\\n产值 | 1.5\\n')\n"
        "print('selectolax' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "False"
