"""Sources: each figure names a declared source, and each quote stands in its source's text.

A table cell's quote (``ROW | COLUMN | VALUE | 单位:UNIT``, `extract.tables`) stands in the text
when one table of it has that cell (`tables.cell_shown`).

Each check takes the collector and adds Problem records; `registry` puts them into its groups.
Codes are listed in the README.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model.models import Dataset, Figure
from ...model.numerals import compact
from .collector import Collector, Path
from .texts import RefusedText, closest_passage, read_text_file

if TYPE_CHECKING:
    from ..extract.tables import Table


def check_figure_sources(c: Collector) -> None:
    """A figure names a declared source; with several sources, every figure names one."""
    dataset = c.loaded.dataset
    known = ", ".join(dataset.sources) or "none declared"
    # a figure that names no source needs one where the file has no [source] and not one article
    must_name = dataset.source is None and dataset.default_source() is None
    for ident, indicator in dataset.indicators.items():
        for i, figure in enumerate(indicator.observations):
            source = figure.source
            if source is not None:
                if source not in dataset.sources:
                    path: Path = ("indicators", ident, "observations", i, "source")
                    c.add("G201", f"unknown source {source!r} (known: {known})", path)
            elif must_name:
                message = f"several sources: name this figure's source (one of {known})"
                c.add("G201", message, ("indicators", ident, "observations", i))


def _read_text(c: Collector, path: Path, data_file: str, text: str) -> str | None:
    """The source text, or None after a G216 problem (whose message never shows the content)."""
    if data_file == "<stdin>":
        message = "source texts are not checked for standard input (name the file instead)"
        c.add("G216", message, path, "warning")
        return None
    try:
        return read_text_file(data_file, text)
    except RefusedText as exc:
        c.add("G216", str(exc), path)
        return None


def check_quotes_in_sources(c: Collector) -> None:
    """G211 for a quote missing from the text of its own source (where a text is given)."""
    dataset = c.loaded.dataset
    texts: dict[str | None, str] = {}
    originals: dict[str | None, str] = {}  # as read: tables are found in the text as laid out
    tables: dict[str | None, list[Table]] = {}  # found once per text, when a cell quote needs
    if dataset.source is not None and dataset.source.text:
        found = _read_text(c, ("source", "text"), c.loaded.name, dataset.source.text)
        if found is not None:
            texts[None], originals[None] = compact(found), found
    for ident, article in dataset.sources.items():
        if article.text:
            found = _read_text(c, ("sources", ident, "text"), c.loaded.name, article.text)
            if found is not None:
                texts[ident], originals[ident] = compact(found), found
    if not texts:
        return
    for ident, _indicator, i, figure in dataset.figures():
        owner = _owner(dataset, figure)
        haystack = texts.get(owner)
        if haystack is None or figure.quote is None or compact(figure.quote) in haystack:
            continue
        if "|" in figure.quote or "｜" in figure.quote:  # may be a table cell's quote
            from ..extract.tables import cell_shown, find_tables

            if owner not in tables:
                tables[owner] = find_tables(originals[owner])
            if cell_shown(figure.quote, originals[owner], tables[owner]):
                continue
        closest = closest_passage(compact(figure.quote), haystack)
        path: Path = ("indicators", ident, "observations", i, "quote")
        name = _owner(dataset, figure) or "source"
        c.add("G211", f"quote not found in the text of {name}; closest passage: {closest!r}", path)


def _owner(dataset: Dataset, figure: Figure) -> str | None:
    """The source id of *figure*; None for the single [source] table."""
    return dataset.source_of(figure)
