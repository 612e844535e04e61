"""A stock (a level at its period's end) is no running total: two levels of one year imply no
single period between them, as two year-to-date totals do."""

from __future__ import annotations

from pathlib import Path

from ganxian_cli.analysis.series_values import SeriesValues
from ganxian_cli.datafile.loader import load

_FILE = """\
schema_version = 1

[source]
region = "测试县"
region_en = "Test County"
title = "测试县2031年经济运行"
published = "2031-12"

[themes.economy]
name = "经济"
name_en = "Economy"

[indicators.firms]
name = "规上企业"
name_en = "Enterprises above designated size"
theme = "economy"
unit = "家"
stock = {stock}

[[indicators.firms.observations]]
period = "2031-Q1"
value = 100
quote = "规上企业100家"

[[indicators.firms.observations]]
period = "2031"
value = 130
quote = "规上企业130家"
"""


def _derived(tmp_path: Path, stock: str) -> dict[str, str]:
    path = tmp_path / f"{stock}.toml"
    path.write_text(_FILE.format(stock=stock), encoding="utf-8")
    values = SeriesValues(load(str(path)).dataset)
    return {
        str(period): str(entry.num.value)
        for by_period in values.derived.values()
        for period, entry in by_period.items()
    }


def test_a_stock_implies_no_single_period(tmp_path: Path) -> None:
    assert _derived(tmp_path, "true") == {}


def test_a_running_total_implies_the_months_between(tmp_path: Path) -> None:
    assert _derived(tmp_path, "false") == {"2031-04..2031-12": "30"}
