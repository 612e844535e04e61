"""`ganxian extract` output: JSON, the TOML draft `ganxian import` reads, and table rows."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import tomli_w

from ..analysis.extract import Extraction, Proposal
from ..analysis.extract.match import own_name
from ..analysis.results import Column, Section
from ..datafile.importer import DRAFT_KIND, DRAFT_VERSION
from ..errors import INVISIBLE_RE, UsageError
from ..model.glossary import english_name
from ..model.lang import Lang
from ..model.numerals import plain
from .document import envelope

FIELDS = (
    "value",
    "unit",
    "qualifier",
    "yoy",
    "period",
    "status",
    "name",
    "subject",
    "quote",
    "indicator",
    "new_indicator",
    "theme",
    "relation",
    "relates_to",
    "restates",
    "links",
    "reason",
    "stock",
    "target_kind",
    "tracks",
)
HEADERS = ("#", "指标", "名称", "数值", "单位", "限定", "同比%", "时期", "状态", "行", "引文")
HEADERS_EN = (
    "#", "indicator", "name", "value", "unit", "qualifier", "yoy %", "period", "status",
    "line", "quote",
)  # fmt: skip
QUALIFIER_ZH = {"exact": "", "more_than": "余/多", "nearly": "近", "about": "约"}
STATUS_ZH = {"actual": "", "forecast": "预计", "target": "目标"}
QUALIFIER_EN = {"exact": "", "more_than": "more than", "nearly": "nearly", "about": "about"}
STATUS_EN = {"actual": "", "forecast": "forecast", "target": "target"}


def _number(value: Decimal) -> Decimal | int:
    """Whole numbers as TOML integers (tomli-w would write Decimal 13 as 13.0)."""
    return int(value) if value.as_tuple().exponent == 0 else value


def english(p: Proposal) -> tuple[str | None, str | None]:
    """A new indicator's English name and how it was made (composed, untranslated: see
    `Indicator.name_en_status`); (None, None) for a figure of an indicator the file has."""
    if not p.new_indicator:
        return None, None
    name = own_name(p.name, p.subject)
    found = english_name(name)
    if found.complete:
        return _capitalised(found.text), "composed"
    return _capitalised(found.text or name), "untranslated"


def _capitalised(text: str) -> str:
    """The first letter upper case, as the data files write names: Operating revenue."""
    return text[:1].upper() + text[1:]


def figure_dict(p: Proposal) -> dict[str, Any]:
    name_en, status = english(p)
    found = {key: getattr(p, key) for key in FIELDS}
    if p.new_indicator:
        found["name"] = own_name(p.name, p.subject)
    return found | {"name_en": name_en, "name_en_status": status}


def unit_declarations(extraction: Extraction) -> dict[str, dict[str, Any]]:
    """The `[units]` entries a data file needs for the figures' units the catalogue lacks (a
    unit nothing knows, such as a table's 千公顷, is a family of its own with no English)."""
    return {
        symbol: {"family": unit.family, "factor": _number(unit.scale)}
        | ({"name_en": unit.en} if unit.en else {})
        | {"kind": unit.kind.value}
        for symbol, unit in extraction.units.items()
    }


def document(extraction: Extraction, article: str, source: str | None = None) -> dict[str, Any]:
    """The --format json document (values as JSON numbers, digit for digit); *source*: the
    [sources] id of the article, or null; `units`, where figures need declared units."""
    extra = {"units": unit_declarations(extraction)} if extraction.units else {}
    return envelope(
        "extract",
        {
            "article": article,
            "source": source,
            "published": extraction.published,
            "figures": [figure_dict(p) for p in extraction.figures],
        }
        | extra,
    )


def draft(extraction: Extraction, article: str, source: str | None = None) -> str:
    """A TOML draft to review, edit and pass to `ganxian import`; each figure of *source* (the
    [sources] id of the article) when one is given."""
    head = [
        "# ganxian import draft: check every figure against the article, delete the ones you",
        "# do not want, fix what is wrong, then run `ganxian import THIS_FILE --dry-run`.",
        "# A new indicator (new_indicator = true) has an id and an English name composed from",
        '# the glossary (name_en_status = "composed"); "untranslated" marks English with',
        "# words left in Chinese. Better ones are welcome: delete name_en_status when you do.",
        "# Each figure is numbered as in the table (# #4), as import's messages number it, and",
        "# says why it goes onto its indicator or a new one: name, unit kind and subject.",
        "# stock = true marks a new indicator of levels at a point of time (在建项目, 规上企业达",
        "# …家, 余额): its periods read 截至2022年6月; for a flow, delete it from each of its",
        '# figures. target_kind = "list" marks a fixed list of items to complete (全部开工).',
        '# tracks = "ID" on a target of the year makes the target `progress` judges over the',
        "# actuals of ID to date; delete it to record the target alone.",
        "",
        tomli_w.dumps(
            {
                "schema_version": DRAFT_VERSION,
                "kind": DRAFT_KIND,
                "article": article,
                "published": extraction.published,
            }
        ),
    ]
    chunks = ["\n".join(head)]
    if extraction.units:
        chunks.append(
            "# Units the catalogue lacks: import adds these [units] to a data file without them.\n"
            + tomli_w.dumps({"units": unit_declarations(extraction)})
        )
    for n, p in enumerate(extraction.figures, start=1):
        entry: dict[str, Any] = {
            "indicator": p.indicator,
            "new_indicator": p.new_indicator,
            "theme": p.theme,
            "name": own_name(p.name, p.subject) if p.new_indicator else p.name,
        }
        name_en, status = english(p)
        if name_en is not None:
            entry |= {"name_en": name_en, "name_en_status": status}
        if p.stock:  # levels at each period's end: periods read 截至2022年6月
            entry["stock"] = True
        entry |= {"value": _number(p.value), "unit": p.unit, "period": p.period}
        entry["status"] = p.status
        entry["qualifier"] = p.qualifier
        if p.yoy is not None:
            entry["yoy"] = _number(p.yoy)
        if p.subject:
            entry["subject"] = p.subject
        entry["quote"] = p.quote
        if source:
            entry["source"] = source
        note = f"# #{n}, article line {p.line}"
        if p.restates is not None:  # import records the other figure and checks they agree
            entry["restates"] = p.restates
            other = extraction.figures[p.restates]
            note += f"; restates #{p.restates + 1} ({plain(other.value)}{other.unit})"
        if status == "untranslated":
            unknown = english_name(own_name(p.name, p.subject)).untranslated
            note += "; no English composed for " + (", ".join(unknown) or "an empty name")
        if p.target_kind == "list" and p.tracks:  # import makes its target of kind list
            entry |= {"tracks": p.tracks, "target_kind": p.target_kind}
            note += f"; a list of {plain(p.value)} items, all done: a target of kind list"
        elif p.tracks:  # a year's target of its actuals to date: import makes its target
            entry["tracks"] = p.tracks
        elif p.target_kind == "list":
            entry["target_kind"] = p.target_kind
            note += (
                "; a list of items all to complete: give tracks = ACTUAL (the indicator of "
                "the items done) to make its target"
            )
        if p.relation in ("rate", "gap") and p.relates_to and p.links:
            entry[f"{p.relation}_of"] = p.relates_to  # import links it to that target
        elif p.relation and p.relates_to:
            note += f"; a {p.relation} of {p.relates_to}"
        if p.reason:
            note += f"\n# why: {p.reason}"
        if p.subject and p.subject not in p.quote:
            note += f"\n# warning: the quote does not name {p.subject}: check the subject"
        chunks.append(f"{note}\n[[figures]]\n{tomli_w.dumps(entry)}")
    return _visible("\n".join(chunks))


def _visible(text: str) -> str:
    """Bidi overrides, zero-width and other invisible characters as TOML escapes (\\u202e),
    as every output shows them; tomli-w escapes only the C0 controls. The draft holds them in
    basic strings and comments only, where the escape reads back as the character or shows."""
    return INVISIBLE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _status_cell(p: Proposal, status: str, en: bool) -> str:
    """The status, and 清单 / list for a list of items to complete (a target of kind list)."""
    if p.target_kind != "list":
        return status
    mark = "list" if en else "清单"
    if not status:
        return mark
    return f"{status} ({mark})" if en else f"{status}({mark})"


def _period_cell(p: Proposal, en: bool) -> str:
    """The period, read as a level at its end for a stock: 截至 2031-06 / as of 2031-06."""
    if not p.stock:
        return p.period
    return f"as of {p.period}" if en else f"截至 {p.period}"


def rows(extraction: Extraction, lang: Lang = Lang.zh) -> list[list[str]]:
    """One row of plain cells per figure, for the review table; a figure that restates
    another less precisely is numbered `5 ≈#14` (the other's number in this table)."""
    en = lang == Lang.en
    qualifiers, statuses = (QUALIFIER_EN, STATUS_EN) if en else (QUALIFIER_ZH, STATUS_ZH)
    new = " (new)" if en else " (新)"
    return [
        [
            str(n) + ("" if p.restates is None else f" ≈#{p.restates + 1}"),
            p.indicator + (new if p.new_indicator else ""),
            p.name,
            plain(p.value),
            p.unit,
            qualifiers[p.qualifier],
            "" if p.yoy is None else plain(p.yoy),
            _period_cell(p, en),
            _status_cell(p, statuses[p.status], en),
            str(p.line),
            p.quote,
        ]
        for n, p in enumerate(extraction.figures, start=1)
    ]


class ExtractView:
    """`extract`: the proposals of one article and where its periods and indicators came from."""

    __slots__ = ("article_id", "extraction", "lang", "name", "path")
    kind = "extract"

    def __init__(
        self,
        extraction: Extraction,
        name: str,
        article_id: str | None,
        path: str,
        lang: Lang = Lang.zh,
    ) -> None:
        self.extraction, self.name, self.article_id, self.path = extraction, name, article_id, path
        self.lang = lang

    @property
    def inputs(self) -> tuple[str, ...]:
        """The files read (the article, the data file): an --output never replaces one."""
        return (self.name, self.path)


def extract_doc(
    article: str,
    data: str | None,
    published: str | None,
    source: str | None,
    say: Callable[[str], None],
    lang: Lang = Lang.zh,
) -> ExtractView:
    """Every figure the article (a file, or '-' for standard input) prints, proposed against
    the indicators of the data file; *say* gets the notes on how it was read."""
    from ..analysis.datasets import open_data
    from ..analysis.extract import (
        article_bytes,
        article_source,
        chosen_source,
        extract,
        read_article,
    )

    if article == "-" and data == "-":
        raise UsageError("standard input ('-') can be read only once: the article or --data")
    name = "<stdin>" if article == "-" else article
    text, note = read_article(article_bytes(article), name)
    if note:
        say(f"ganxian: {name}: {note}")
    opened = open_data(data)
    dataset = opened.dataset
    found = chosen_source(dataset, source) if source else None
    article_id = found or article_source(dataset, opened.path, article)
    result = extract(text, dataset, published, article_id)
    say(f"ganxian: {len(result.figures)} figures; periods resolved with {result.published} "
        f"(from {result.published_from}); indicators from {opened.path}")  # fmt: skip
    for warning in result.warnings:
        say(f"ganxian: warning: {warning}")
    if article_id and not source:
        say(f"ganxian: the figures are of source {article_id!r}, whose text is {name}")
    return ExtractView(result, name, article_id, opened.path, lang)


_NUMERIC = frozenset({0, 3, 6, 9})  # #, 数值, 同比%, 行


def review_section(
    extraction: Extraction, article: str, data: str, lang: Lang = Lang.zh
) -> Section:
    """The review table of `ganxian extract`: one row per proposed figure, a caption beneath
    (how periods were resolved, the data file the indicators come from)."""
    columns = tuple(
        Column(str(n), zh, en, n in _NUMERIC)
        for n, (zh, en) in enumerate(zip(HEADERS, HEADERS_EN, strict=True))
    )
    cells = [{str(n): cell for n, cell in enumerate(row)} for row in rows(extraction, lang)]
    published = extraction.published
    caption_zh = f"{article}: 时期按 {published} 推算; 指标来自 {data}"
    caption_en = f"{article}: periods resolved with {published}; indicators from {data}"
    return Section(
        "proposed", "提取的数据", "Proposed figures", columns, cells, caption_zh, caption_en
    )
