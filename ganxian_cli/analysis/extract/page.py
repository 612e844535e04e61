"""A saved government web page to main text and tables (the only user of selectolax).

Boilerplate goes first: scripts, styles, forms, ``<nav>``/``<header>``/``<footer>``/``<aside>`` and
every element whose class or id names a menu, breadcrumb, sidebar, share bar, related-news list,
footer and the like. The main content is then the element whose paragraphs hold the most text
(each paragraph's text counts for its parent and half for its grandparent). It is written out as
text: the page's title on the first line, one line per ``<p>``/``<div>``/``<br>``/heading, and each
data ``<table>`` (one holding no other table) as a pipe table, header first, a row of one cell
(``单位：万元`` spanning the table) as a line of its own. The tables are then read from that text
by `tables.find_tables`, so their spans, quotes and `cell_shown` work on `Page.text` as on any
article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .tables import Table, cell_shown, find_tables

__all__ = ["Page", "page_text", "read_page"]

_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "header",
    "footer",
    "aside",
    "select",
    "button",
    "object",
    "svg",
    "template",
)
_BOILERPLATE = {
    "nav",
    "navbar",
    "menu",
    "menus",
    "crumb",
    "crumbs",
    "breadcrumb",
    "position",
    "location",
    "weizhi",
    "dqwz",
    "share",
    "bdshare",
    "fenxiang",
    "footer",
    "foot",
    "bottom",
    "copyright",
    "related",
    "relate",
    "xgwz",
    "xgxw",
    "sidebar",
    "side",
    "left",
    "right",
    "top",
    "topbar",
    "header",
    "head",
    "tools",
    "tool",
    "print",
    "prev",
    "next",
    "comment",
    "login",
    "search",
    "logo",
    "banner",
    "info",
    "meta",
    "ad",
    "ads",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "center",
    "blockquote",
    "pre",
    "tr",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "hr",
}
_TOKEN = re.compile(r"[A-Za-z]+")
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜| - | — |——)\s*")
_SPACE = re.compile(r"[ \t\r\n\u00a0\u3000]+")
_NUMERIC = re.compile(r"[+\-−－]?[\d０-９][\d０-９,，]*(?:[.．][\d０-９]+)?[%％]?")
_MAX_COLUMNS = 40


@dataclass(frozen=True, slots=True)
class Page:
    """The page's readable text (title first) and the tables found in it."""

    title: str
    text: str
    tables: tuple[Table, ...]


def read_page(html: str, *, year: int | None = None, month: int | None = None) -> Page:
    """Main text and tables of a saved page; *year*/*month* as for `tables.find_tables`."""
    title, text = page_text(html)
    return Page(title, text, tuple(find_tables(text, year=year, month=month)))


def all_text(html: str) -> str:
    """Every text of a page with its scripts and styles dropped, a line per text node: what is
    left to read where no main text is found."""
    tree = LexborHTMLParser(html)
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    root = tree.body or tree.root
    return root.text(separator="\n") if root is not None else ""


def page_text(html: str) -> tuple[str, str]:
    """(title, text) of a page: boilerplate dropped, tables as pipe lines."""
    tree = LexborHTMLParser(html)
    title = _title(tree)
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    body = tree.body
    if body is None:
        return title, title
    whole = _text_weight(body)
    for node in body.css("[class], [id]"):
        # a container named "right" or "main-info" holding most of the page is the article
        if _is_boilerplate(node) and _text_weight(node) * 2 <= whole:
            node.decompose()
    root = _content_root(body)
    lines: list[str] = []
    _render(root, lines, [""])
    text_lines = [ln for ln in (_clean(x) for x in lines) if ln]
    if title and (not text_lines or _SPACE.sub("", text_lines[0]) != _SPACE.sub("", title)):
        text_lines.insert(0, title)
    return title, "\n".join(text_lines) + "\n"


def _title(tree: LexborHTMLParser) -> str:
    for selector in ("h1", "title"):
        node = tree.css_first(selector)
        if node is not None:
            text = _clean(node.text(deep=True))
            if selector == "title":
                text = _TITLE_SPLIT.split(text)[0]
            if text:
                return text
    return ""


def _is_boilerplate(node: LexborNode) -> bool:
    attrs = node.attributes
    words = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return any(t.lower() in _BOILERPLATE for t in _TOKEN.findall(words))


def _text_weight(node: LexborNode) -> int:
    return len(_SPACE.sub("", node.text(deep=True)))


def _content_root(body: LexborNode) -> LexborNode:
    """The element whose paragraphs and tables hold the most text (readability's idea)."""
    scores: dict[int, float] = {}
    nodes: dict[int, LexborNode] = {}
    blocks = body.css("p, table, div, td, li")
    holders: set[int] = set()  # elements with a block inside (each ancestor chain walked once)
    for block in blocks:
        parent = block.parent
        while parent is not None and parent.mem_id not in holders:
            holders.add(parent.mem_id)
            parent = parent.parent
    for para in blocks:
        if para.tag in ("div", "td", "li") and para.mem_id in holders:
            continue  # only leaves of text count for a div
        weight = _text_weight(para)
        if weight < 10:
            continue
        parent = para.parent
        for share in (1.0, 0.5):
            if parent is None:
                break
            key = parent.mem_id
            nodes[key] = parent
            scores[key] = scores.get(key, 0.0) + weight * share
            parent = parent.parent
    if not scores:
        return body
    return nodes[max(scores, key=lambda k: scores[k])]


def _render(node: LexborNode, lines: list[str], current: list[str]) -> None:
    """Append *node*'s text to *lines*; *current* holds the line being written."""
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            current[0] += child.text_content or ""
        elif tag == "br":
            _flush(lines, current)
        elif tag == "table" and not _holds_table(child):
            _flush(lines, current)
            _table(child, lines)
        elif tag in _BLOCK or tag == "table":
            _flush(lines, current)
            _render(child, lines, current)
            _flush(lines, current)
        elif tag not in ("-comment", "img", "input"):
            _render(child, lines, current)


def _holds_table(table: LexborNode) -> bool:
    """Whether a layout table holds a data table (css() also matches the node itself)."""
    return any(inner.mem_id != table.mem_id for inner in table.css("table"))


def _flush(lines: list[str], current: list[str]) -> None:
    if current[0].strip():
        lines.append(current[0])
    current[0] = ""


def _table(table: LexborNode, lines: list[str]) -> None:
    """A data table as pipe lines: spans filled in, a two-row header joined into one (本月 over
    绝对数 and 增长(%) gives 本月绝对数 and 本月增长(%)), a row of one cell (``单位：万元``
    spanning the table, a caption) as a line of its own."""
    grid: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    for row in table.css("tr"):
        elements = row.css("th, td")
        texts = [_clean(c.text(deep=True)).replace("|", "｜") for c in elements]
        if len([t for t in texts if t]) <= 1 and not pending:
            if any(texts):
                lines.append(next(t for t in texts if t))
            continue
        out: list[str] = []
        col = 0
        for element, text in zip(elements, texts, strict=True):
            col = _fill_pending(out, pending, col)
            span = _span(element, "colspan")
            down = _span(element, "rowspan")
            for _ in range(span):
                if down > 1:
                    pending[col] = (down - 1, text)
                out.append(text)
                col += 1
        _fill_pending(out, pending, col, to_end=True)
        grid.append(out[:_MAX_COLUMNS])
    head = 0
    while head < len(grid) and not any(_NUMERIC.fullmatch(c) for c in grid[head][1:]):
        head += 1
    header = grid[0] if grid else []
    if head == 2:
        top, bottom = grid[0], grid[1]
        header = [
            t if t == b or not b else (b if not t else t + b)
            for t, b in zip(top, bottom + [""] * (len(top) - len(bottom)), strict=False)
        ]
    start = head if head in (1, 2) else 1
    if grid:
        lines.append(" | ".join(c if c else "—" for c in header))
    lines.extend(" | ".join(c if c else "—" for c in out) for out in grid[start:])
    lines.append("")


def _fill_pending(
    out: list[str], pending: dict[int, tuple[int, str]], col: int, *, to_end: bool = False
) -> int:
    """Copy cells spanning down from rows above into *out* from column *col*; the next free one."""
    while col in pending or (to_end and any(k >= col for k in pending)):
        if col in pending:
            left, text = pending[col]
            out.append(text)
            if left > 1:
                pending[col] = (left - 1, text)
            else:
                del pending[col]
        else:
            out.append("")
        col += 1
    return col


def _span(element: LexborNode, name: str) -> int:
    raw = element.attributes.get(name) or "1"
    return min(max(int(raw), 1), _MAX_COLUMNS) if raw.strip().isdigit() else 1


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def cell_shown_in_page(quote: str, html: str) -> bool:
    """Whether one table of the saved page *html* has the quoted cell (see `tables.cell_shown`)."""
    return cell_shown(quote, "", read_page(html).tables)
