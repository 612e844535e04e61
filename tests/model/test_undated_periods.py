"""A period without a year stays without one: nothing invents a year."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import TESTS, invoke


def test_undated_period_is_no_invented_year() -> None:
    from ganxian_cli.model.periods import UNDATED, parse_period

    period = parse_period("undated")
    assert period is UNDATED and not period.is_dated and not period.is_year
    assert (str(period), period.label("zh"), period.label("en")) == (
        "undated",
        "未注明年份",
        "no year stated",
    )


def test_shipped_hanrui_capacities_carry_no_year(runner: CliRunner) -> None:
    result = invoke(
        runner, "report", "--data", str(TESTS.parent / "data" / "indicators.toml"), "--json"
    )
    figures = json.loads(result.stdout)["figures"]
    hanrui = [f for f in figures if f["indicator"] == "hanrui_phase1_output"]
    assert [(f["period"], f["year"], f["start_month"]) for f in hanrui] == [("undated", None, None)]
