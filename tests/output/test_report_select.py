"""`report.select` works out each figure's unit once per indicator and asks which figures
count only in a file where some do not, with the rows the figure-by-figure way gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from ganxian_cli.datafile.loader import load
from ganxian_cli.errors import DataError
from ganxian_cli.model.models import Dataset
from ganxian_cli.output import report
from tests.conftest import DATA, TESTS

FILES = []
for _path in sorted({DATA, *TESTS.rglob("*.toml")}):
    try:
        load(str(_path))
    except (DataError, ValueError):
        continue
    FILES.append(_path)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_rows_are_the_ones_figure_by_figure(path: Path) -> None:
    dataset = load(str(path)).dataset
    rows = [r for r in report.select(dataset) if not r.withheld]
    expected = {
        (ident, i): (
            indicator.unit_of(f),
            dataset.counts(ident, i),
            dataset.superseded_by(ident, i),
        )
        for ident, indicator, i, f in dataset.figures()
    }
    seen = {(r.ident, _place(r)): (r.unit, r.counts, r.superseded_by) for r in rows}
    assert seen == expected
    assert len(rows) == len(expected)


def _place(row: report.Row) -> int:
    return next(i for i, f in enumerate(row.indicator.observations) if f is row.figure)


def test_a_file_where_every_figure_counts_asks_no_figure_whether_it_counts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dataset = load(str(DATA)).dataset
    assert not dataset.superseded_figures
    asked: list[object] = []
    real = Dataset.counts
    monkeypatch.setattr(Dataset, "counts", lambda self, *a: asked.append(a) or real(self, *a))
    units: list[object] = []
    base = type(next(iter(dataset.indicators.values()))).base
    monkeypatch.setattr(
        type(next(iter(dataset.indicators.values()))),
        "base",
        property(lambda self: units.append(self) or base.fget(self)),  # type: ignore[attr-defined]
    )
    assert report.select(dataset)
    assert asked == []
    assert len(units) <= 2 * len(dataset.indicators)  # once per indicator (and its withheld)
