"""Checks for the many-article model: sources, ranks, `within` relations, per-source quotes.

Each check takes the collector and adds Problem records; `checks` puts them into its groups.
Codes are listed in the README.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal

from ..model.intervals import Interval
from ..model.models import Dataset, Figure, LeadRelation, WithinRelation
from ..model.numerals import compact, plain
from ..model.refs import Resolved, parse_ref, partners, resolve_all
from ..model.units import Kind
from .collector import Collector, Path


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


def check_ranks(c: Collector) -> None:
    """A rank (位) is a position: no targets or relations over it; 1 or more, whole."""
    dataset = c.loaded.dataset
    ranked = [k for k, ind in dataset.indicators.items() if ind.base.kind is Kind.RANK]
    for ident in ranked:
        for i, figure in enumerate(dataset.indicators[ident].observations):
            if figure.value < 1 or figure.value != figure.value.to_integral_value():
                path: Path = ("indicators", ident, "observations", i, "value")
                message = f"a rank must be a whole number from 1, not {plain(figure.value)}"
                c.add("G204", message, path)
    if not ranked:
        return
    ranks = set(ranked)
    for t, target in enumerate(dataset.targets):
        for field in ("target", "actual", "rate", "gap"):
            ref = getattr(target, field)
            if ref and parse_ref(ref).indicator in ranks:
                c.add("G203", f"{ref} is a rank (位), which takes no arithmetic", ("targets", t))
    for r, relation in enumerate(dataset.relations):
        for _field, value in relation:
            refs = value if isinstance(value, list) else [value]
            for ref in refs:
                if isinstance(ref, str) and parse_ref(ref).indicator in ranks:
                    message = f"{ref} is a rank (位), which takes no arithmetic"
                    c.add("G203", message, ("relations", r))


def check_within(c: Collector) -> None:
    """G302 where the parts of a `within` relation add up to more than their whole."""
    dataset = c.loaded.dataset
    for r, relation in enumerate(dataset.relations):
        if isinstance(relation, WithinRelation):
            _check_within(c, dataset, relation, ("relations", r))


def _check_within(c: Collector, dataset: Dataset, relation: WithinRelation, path: Path) -> None:
    parts_by_ref = [resolve_all(dataset, ref) for ref in relation.parts]
    for whole in resolve_all(dataset, relation.whole):
        unit = whole.unit
        parts: list[Resolved] = []
        for candidates in parts_by_ref:
            parts += partners(candidates, whole)
        if not parts:
            continue
        if len({p.unit.family for p in [*parts, whole]}) != 1:
            shown = ", ".join(f.shown() for f in [*parts, whole])
            c.add("G203", f"cannot add up {shown}: different kinds of quantity", path)
            continue
        summed = Interval.exact(Decimal(0))
        for part in parts:
            summed = summed + part.span(unit)
        if summed.lo > whole.span(unit).hi:
            shown = " + ".join(p.shown() for p in parts)
            c.add("G302", f"parts {shown} add up to more than their whole {whole.shown()}", path)


def check_leads(c: Collector) -> None:
    """G308 where a quoted lead over a named baseline does not follow from the two rates."""
    dataset = c.loaded.dataset
    for r, relation in enumerate(dataset.relations):
        if isinstance(relation, LeadRelation) and relation.rate and relation.baseline:
            _check_lead(c, dataset, relation, ("relations", r))


def _check_lead(c: Collector, dataset: Dataset, relation: LeadRelation, path: Path) -> None:
    assert relation.rate is not None and relation.baseline is not None
    rates = resolve_all(dataset, relation.rate)
    baselines = resolve_all(dataset, relation.baseline)
    for lead in resolve_all(dataset, relation.lead):
        for rate in partners(rates, lead):
            for baseline in partners(baselines, lead):
                if rate.unit.family != baseline.unit.family:
                    shown = f"{rate.shown()} and {baseline.shown()}"
                    c.add("G203", f"cannot subtract {shown}: different kinds of quantity", path)
                    continue
                computed = rate.span() - baseline.span(rate.unit)
                if not computed.overlaps(lead.span()):
                    c.add(
                        "G308",
                        f"expected a lead of {lead.shown()} over {relation.over}, computed "
                        f"{plain(_like(computed.mid, lead.figure.value))} from {rate.shown()} - "
                        f"{baseline.shown()}",
                        (*lead.path, "value"),
                    )


def _like(value: Decimal, printed: Decimal) -> Decimal:
    """*value* rounded to the decimal places *printed* was written with."""
    exponent = printed.as_tuple().exponent
    return value.quantize(Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0))


# --- each quote against its own source's text ---------------------------------------------------


_LIMIT = 4 * 1024 * 1024
_CJK = re.compile(r"[\u3400-\u9fff]")


class RefusedText(Exception):
    """A source text that is not read; the message names the file, never its content."""


def locate_source_text(data_file: str, text: str) -> str:
    """The real path of a source's `text`: a visible file inside the data file's folder.

    Raises RefusedText for an absolute path, one that leads out of the folder, a name that
    is no file name (a NUL), and a hidden file (a dotfile, or anything under a dot-folder,
    such as .env or .git/config), followed through links.
    """
    outside = f"source text {text!r} must be a relative path inside the data file's folder"
    if "\x00" in text:
        raise RefusedText(f"source text {text!r} is not a file name (it holds a NUL character)")
    if os.path.isabs(text) or text.startswith(("~", "\\")) or ":" in text:
        raise RefusedText(outside)
    folder = os.path.realpath(os.path.dirname(os.path.abspath(data_file)))
    path = os.path.realpath(os.path.join(folder, text))
    if os.path.commonpath([folder, path]) != folder or path == folder:
        raise RefusedText(outside)
    parts = [*text.replace("\\", "/").split("/"), *os.path.relpath(path, folder).split(os.sep)]
    if any(part.startswith(".") and part not in (".", "..") for part in parts):
        raise RefusedText(
            f"source text {text!r} is a hidden file (a dotfile or inside a dot-folder); "
            "name a visible text file"
        )
    return path


def source_text_path(data_file: str, text: str) -> str | None:
    """The path of a source's `text`, or None where `locate_source_text` refuses it."""
    try:
        return locate_source_text(data_file, text)
    except RefusedText:
        return None


def _read_text(c: Collector, path: Path, data_file: str, text: str) -> str | None:
    """The source text, or None after a G216 problem (whose message never shows the content)."""
    if data_file == "<stdin>":
        message = "source texts are not checked for standard input (name the file instead)"
        c.add("G216", message, path, "warning")
        return None
    try:
        real = locate_source_text(data_file, text)
    except RefusedText as exc:
        c.add("G216", str(exc), path)
        return None
    if not os.path.isfile(real):  # a folder or FIFO is never opened
        c.add("G216", f"source text {text!r} is not a regular file", path)
        return None
    try:
        with open(real, "rb") as handle:
            data = handle.read(_LIMIT + 1)
    except OSError as exc:
        c.add("G216", f"cannot read source text {text!r}: {exc.strerror or 'error'}", path)
        return None
    if len(data) > _LIMIT:
        c.add("G216", f"source text {text!r} is larger than 4 MiB", path)
        return None
    try:
        found = data.decode("utf-8")
    except UnicodeDecodeError:
        c.add("G216", f"source text {text!r} is not valid UTF-8", path)
        return None
    if not _reads_as_article(found):
        message = f"source text {text!r} does not read as an article (too little Chinese text)"
        c.add("G216", message, path)
        return None
    return found


def _reads_as_article(text: str) -> bool:
    """Whether *text* is plausibly an article: no control characters (bar tab and line ends),
    and at least one Chinese character in ten of the others that are not white space."""
    shown = "".join(text.split())
    if not shown or any(ch < " " for ch in shown):
        return False
    return len(_CJK.findall(shown)) * 10 >= len(shown)


def check_quotes_in_sources(c: Collector) -> None:
    """G211 for a quote missing from the text of its own source (where a text is given)."""
    from .validation import closest_passage  # only once a source text is given

    dataset = c.loaded.dataset
    texts: dict[str | None, str] = {}
    if dataset.source is not None and dataset.source.text:
        found = _read_text(c, ("source", "text"), c.loaded.name, dataset.source.text)
        if found is not None:
            texts[None] = compact(found)
    for ident, article in dataset.sources.items():
        if article.text:
            found = _read_text(c, ("sources", ident, "text"), c.loaded.name, article.text)
            if found is not None:
                texts[ident] = compact(found)
    if not texts:
        return
    for ident, _indicator, i, figure in dataset.figures():
        haystack = texts.get(_owner(dataset, figure))
        if haystack is None or figure.quote is None or compact(figure.quote) in haystack:
            continue
        closest = closest_passage(compact(figure.quote), haystack)
        path: Path = ("indicators", ident, "observations", i, "quote")
        name = _owner(dataset, figure) or "source"
        c.add("G211", f"quote not found in the text of {name}; closest passage: {closest!r}", path)


def _owner(dataset: Dataset, figure: Figure) -> str | None:
    """The source id of *figure*; None for the single [source] table."""
    return dataset.source_of(figure)
