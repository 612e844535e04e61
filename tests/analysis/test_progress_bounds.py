"""A target printed as a bound (突破500亿元: at least 500) makes completion and the lead over
time progress bounds too: the lag is at least, never "nearly", what the bound gives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from ganxian_cli.analysis.derived import Num
from ganxian_cli.model.intervals import Interval
from tests.conftest import DATA, invoke


def _at_least_500(tmp_path: Path) -> Path:
    quote = 'quote = "为实现全年工业营业收入500亿元"'
    text = DATA.read_text(encoding="utf-8").replace(
        f'value = 500\nstatus = "target"\n{quote}',
        f'value = 500\nqualifier = "more_than"\nstatus = "target"\n{quote}',
    )
    assert 'qualifier = "more_than"\nstatus = "target"' in text
    path = tmp_path / "bound.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lag_behind_a_bound_target_is_at_least_its_bound(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = _at_least_500(tmp_path)
    result = invoke(runner, "progress", "--data", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout, parse_float=Decimal)
    revenue = next(t for t in doc["targets"] if t["indicator"] == "industrial_revenue")
    # 157.56 of at least 500 in January-May: at most 31.512%, at least 10.155 points behind
    # 41.667; each bound rounded so that it still holds (≤31.52, ≥10.15)
    assert (revenue["completion_pct"], revenue["completion_qualifier"]) == (
        Decimal("31.52"),
        "nearly",
    )
    assert (revenue["gap_points"], revenue["gap_qualifier"]) == (Decimal("-10.15"), "nearly")
    zh = invoke(runner, "progress", "--data", str(path)).stdout
    assert "近31.52" in zh and "滞后序时进度 逾10.15 个百分点" in zh
    en = invoke(runner, "progress", "--data", str(path), "--lang", "en").stdout
    assert "≤31.52" in en and "≥10.15 percentage points behind" in en
    assert "-≤" not in en and "近10" not in zh
    failing = invoke(runner, "progress", "--data", str(path), "--fail-on", "behind", "-q")
    assert "(≥10.15 percentage points behind)" in failing.stderr


JOBS = """schema_version = 1

[source]
region = "雁岭县"
region_en = "Yanling County"
title = "雁岭县上半年工作总结"
published = "2033-07"

[themes.society]
name = "民生社会"
name_en = "People and society"

[indicators.new_urban_jobs]
name = "城镇新增就业"
name_en = "New urban jobs"
theme = "society"
unit = "万人"

[[indicators.new_urban_jobs.observations]]
period = "2033-H1"
value = 3.16
quote = "城镇新增就业3.16万人"

[[indicators.new_urban_jobs.observations]]
period = "2033"
value = 5
qualifier = "more_than"
status = "target"
quote = "确保全年城镇新增就业5万人以上"

[[targets]]
target = "new_urban_jobs@2033#target"
actual = "new_urban_jobs"
"""


def test_a_count_in_ten_thousands_is_not_rounded_up_to_whole_units(
    runner: CliRunner, tmp_path: Path
) -> None:
    """3.16万 of at least 5万 people leaves at least 1.84万, not 2万 (a count of items, 23个,
    rounds up what is left; a count in ten thousands is an amount as printed)."""
    path = tmp_path / "jobs.toml"
    path.write_text(JOBS, encoding="utf-8")
    doc = json.loads(
        invoke(runner, "progress", "--data", str(path), "--json").stdout, parse_float=Decimal
    )
    [jobs] = doc["targets"]
    assert (jobs["needed_for_full"], jobs["needed_qualifier"]) == (Decimal("1.84"), "more_than")
    assert jobs["pace_needed_for_full"] == Decimal("0.30")  # at least 0.307: ≥0.30 holds, ≥0.31 not
    assert jobs["plan_reached_month"] == 10  # 0.527万 a month passes 5万 in October
    zh = invoke(runner, "progress", "--data", str(path)).stdout
    assert "逾1.84万人" in zh and "逾2万人" not in zh


@given(
    st.decimals(min_value=-(10**6), max_value=10**6, places=6, allow_nan=False),
    st.sampled_from(["more_than", "nearly"]),
    st.integers(min_value=0, max_value=4),
)
def test_a_bound_shown_still_holds(value: Decimal, qualifier: str, places: int) -> None:
    """At least x is never shown above x, at most x never below it, at any precision."""
    shown = Num(value, Interval(value, value), qualifier, "actual", True, places).shown()
    assert shown <= value if qualifier == "more_than" else shown >= value
    assert abs(shown - value) < Decimal(1).scaleb(-places)
