"""Figures of several articles, and periods against the words of their quotes.

- G230 (note): another article gives a different value for the same figure (a revision); the
  one that counts is named. A note, never a warning: `--strict` passes.
- G231 (error): more than one figure of a group is marked `counts = true`.
- G232 (warning): a figure's period disagrees with the period words of its quote (一季度 on
  2031-01). The words are read by `model.period_words`, which leaves comparison bases (比5月,
  较上半年) and bracketed figures alone; a quote without period words is not judged. They are
  read against the article's publication month and, where its title names a span of months
  over by then (上半年… published in July), against that span's last month too, as `extract`
  reads them (今年以来 is then 2022-H1, not January to July); 今年以来 alone may also end the
  month before publication, the last month with statistics. A warning,
  not an error: the reading is of free text, and a quote may carry words about another clause;
  `--strict` (CI) still refuses it.

Each check walks the figures once.
"""

from __future__ import annotations

import re

from ...model.models import Dataset, Figure
from ...model.numerals import plain
from ...model.period_words import (
    agrees,
    headline_span,
    implied_period,
    own_phrases,
    reference,
)
from ...model.periods import Period
from ..derived import marked
from .collector import Collector, fig_path
from .quotes import cell_of

_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def check_marked_counts(c: Collector) -> None:
    """G231 where a group has several figures marked `counts = true`."""
    marked: dict[tuple[str, int, int, int, str, str | None], list[int]] = {}
    for ident, _indicator, i, figure in c.loaded.dataset.figures():
        if figure.counts:
            p = figure.period
            key = (ident, p.year, p.start, p.end, figure.status, figure.subject)
            marked.setdefault(key, []).append(i)
    for (ident, *_rest), indexes in marked.items():
        for i in indexes[1:]:
            c.add(
                "G231",
                f"{len(indexes)} figures of {ident} for the same months are marked "
                "counts = true; mark one",
                fig_path(ident, i, "counts"),
            )


def check_revisions(c: Collector) -> None:
    """G230 (a note) where a figure that does not count differs from the one that counts."""
    dataset = c.loaded.dataset
    for ident, indicator, i, figure in dataset.figures():
        other = dataset.counted_instead(ident, i)
        if other is None:
            continue
        counted = indicator.observations[other]
        if dataset.source_of(counted) == dataset.source_of(figure):
            continue  # two figures of one article: G202 says so
        mine = figure.value * indicator.unit_of(figure).scale
        theirs = counted.value * indicator.unit_of(counted).scale
        if (mine, figure.qualifier) == (theirs, counted.qualifier):
            continue
        given = marked(
            plain(figure.value) + indicator.unit_of(figure).symbol, figure.qualifier, "zh"
        )
        instead = marked(
            plain(counted.value) + indicator.unit_of(counted).symbol, counted.qualifier, "zh"
        )
        article = _article(dataset, figure)
        winner = dataset.superseded_by(ident, i)
        c.add(
            "G230",
            f"revised: {article} gives {given} for {figure.period}, {winner} gives {instead}; "
            f"the figure of {winner} counts",
            fig_path(ident, i, "value"),
            "note",
        )


def _article(dataset: Dataset, figure: Figure) -> str:
    return dataset.source_of(figure) or "source"


def _published(dataset: Dataset, figure: Figure) -> tuple[int, int] | None:
    """The year and month the figure's article was published, where the file says."""
    ident = dataset.source_of(figure)
    if ident is not None and ident in dataset.sources:
        published: str | None = dataset.sources[ident].published
    else:
        published = dataset.source.published if dataset.source else None
    found = _MONTH.match(published or "")
    if found is None or not 1 <= int(found.group(2)) <= 12:
        return None
    return int(found.group(1)), int(found.group(2))


def _headline(dataset: Dataset, figure: Figure, when: tuple[int, int]) -> Period | None:
    """The span of months the title of the figure's article names, over by *when*
    (`period_words.headline_span`): the period the article reports on."""
    ident = dataset.source_of(figure)
    source = dataset.sources.get(ident) if ident is not None else dataset.source
    return headline_span(source.title, *when) if source is not None else None


def _since_new_year(quote: str, year: int, month: int) -> bool:
    """Whether the quote's only period words are 今年以来 (年初以来, 今年来)."""
    phrases = own_phrases(quote, year, month)
    return bool(phrases) and all(p.group == "ytd" for p in phrases)


def check_period_words(c: Collector) -> None:
    """G232 for a figure whose period its quote's own period words do not allow.

    The words are read against the month the article was published (and, for one published
    in the first quarter, against the December before, which such an article may review);
    they disagree only when no reading allows the period. A forecast or target may name the
    months inside its period when something will happen (将于10月、12月投入试运行 on 2022)."""
    dataset = c.loaded.dataset
    published: dict[str | None, tuple[int, int] | None] = {}  # by the figure's own source
    for ident, _indicator, i, figure in dataset.figures():
        quote = figure.quote
        period = figure.period
        if quote is None or not period.is_dated:
            continue
        if figure.source in published:
            when = published[figure.source]
        else:
            when = published[figure.source] = _published(dataset, figure)
        stock = False
        cell = cell_of(quote)
        if cell is not None:
            # a table cell: its column header names the period, relative to the table's own
            # month (a title line the quote does not carry), so 本月 and 1-N月 are read against
            # the figure's own months; a balance (余额) stands at the column's last month
            quote, when, stock = cell.column, None, "余额" in cell.row
        readings: list[tuple[int, int]] = []
        if when is not None:
            readings.append(reference(quote, *when))
            span = _headline(dataset, figure, when) if cell is None else None
            if span is not None:  # 今年以来 in 上半年经济运行情况 published in July: H1
                readings.append((span.year, span.end))
            elif when[1] > 1 and _since_new_year(quote, *when):
                # 今年以来 in July runs to July or to June, the last month with statistics
                readings.append((when[0], when[1] - 1))
            if when[1] <= 3:
                readings.append((when[0] - 1, 12))
            if figure.status != "actual":
                readings.append(when)  # a goal in a review early in the year: this year's
        if not readings:
            readings.append((period.year, period.end))
        if any(agrees(quote, period, year, month, stock) for year, month in readings):
            continue
        year, month = readings[0]
        phrases = own_phrases(quote, year, month)
        if figure.status != "actual" and all(
            p.period is not None
            and p.period.year == period.year
            and period.start <= p.period.start
            and p.period.end <= period.end
            for p in phrases
        ):
            continue
        words = "、".join(dict.fromkeys(p.text for p in phrases))
        implied = implied_period(quote, year, month)
        hint = f"; the words imply {implied}" if implied is not None else ""
        c.add(
            "G232",
            f"period {period} does not fit the quote's words 「{words}」{hint}",
            fig_path(ident, i, "period"),
            "warning",
        )
