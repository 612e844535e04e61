"""A stock (a level at its period's end: 截至目前 52 projects under construction) reads as
截至2022年6月 / as of Jun 2022 in every output; a flow over the same month keeps 2022年6月."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.model.models import Figure, Indicator
from ganxian_cli.model.periods import parse_period
from tests.conftest import DATA, invoke


def _indicator(stock: bool, period: str = "2022-06") -> Indicator:
    return Indicator.model_validate(
        {
            "name": "在建项目",
            "name_en": "Projects under construction",
            "theme": "t",
            "unit": "个",
            "stock": stock,
            "observations": [{"period": period, "value": 52}],
        }
    )


def test_a_stock_reads_as_the_level_at_the_period_end() -> None:
    ind = _indicator(True)
    figure = ind.observations[0]
    assert ind.period_label(figure, "zh") == "截至2022年6月"
    assert ind.period_label(figure, "en") == "as of Jun 2022"
    ranged = _indicator(True, "2022-01..2022-05")
    assert ranged.period_label(ranged.observations[0], "zh") == "截至2022年5月"
    year = _indicator(True, "2022")
    assert year.period_label(year.observations[0], "en") == "end of 2022"


def test_without_the_marker_a_figure_reads_as_before() -> None:
    ind = _indicator(False)
    assert ind.period_label(ind.observations[0], "zh") == "2022年6月"
    assert Figure(period=parse_period("2022-06"), value=1).period_label("en") == "Jun 2022"


def test_an_own_label_wins_over_the_stock_reading() -> None:
    figure = Figure(period=parse_period("2022-H1"), value=1, label="今年以来(截至6月)")
    assert figure.period_label("zh", stock=True) == "今年以来(截至6月)"


def test_every_output_reads_the_shipped_stocks_as_levels(runner: CliRunner) -> None:
    table = invoke(runner, "report", "--data", str(DATA)).stdout
    assert "截至2022年6月" in table and "截至2022年5月" in table
    doc = json.loads(invoke(runner, "report", "--data", str(DATA), "--json").stdout)
    by_id = {f["indicator"]: f for f in doc["figures"]}
    assert by_id["projects_under_construction"]["stock"] is True
    assert by_id["projects_under_construction"]["period_label"]["zh"] == "截至2022年6月"
    assert by_id["enterprises_above_size"]["period_label"]["en"] == "as of May 2022"
    june = [f for f in doc["figures"] if f["indicator"] == "signed_projects"]
    assert {f["period_label"]["zh"] for f in june} == {"2022年1—5月", "2022年6月"}
    rows = csv.DictReader(io.StringIO(invoke(runner, "report", "--data", str(DATA),
                                             "--format", "csv").stdout))  # fmt: skip
    leads = next(r for r in rows if r.get("indicator") == "project_leads")
    assert leads["period_label"] == "截至2022年6月" and leads["period_label_en"] == "as of Jun 2022"
    by_period = invoke(runner, "report", "--data", str(DATA), "--by", "period").stdout
    assert "截至2022年6月" in by_period and "2022年6月 (预计)" in by_period
    assert "今年以来(截至6月)" in by_period  # a figure's own label heads its column


def test_a_change_between_two_stocks_names_both_as_levels(tmp_path: Path) -> None:
    from ganxian_cli.analysis.compare import compare
    from ganxian_cli.datafile.loader import load

    text = DATA.read_text(encoding="utf-8").replace(
        'period = "2022-06"\nvalue = 43\n',
        'period = "2022-05"\nvalue = 40\n\n[[indicators.negotiating_projects.observations]]\n'
        'period = "2022-06"\nvalue = 43\n',
    )
    data = tmp_path / "two.toml"
    data.write_text(text, encoding="utf-8")
    sections = {s.key: s for s in compare(load(str(data)).dataset)}
    changes = sections["period_on_period"]
    rows = [r for r in changes.rows if r["indicator"] == "negotiating_projects"]
    column = next(c for c in changes.columns if c.key == "d_from")
    assert rows and column.value(rows[0], "zh").startswith("截至2022年5月")
