"""A target printed as a bound (突破500亿元: at least 500) makes completion and the lead over
time progress bounds too: the lag is at least, never "nearly", what the bound gives."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

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
    # 157.56 of at least 500 in January-May: at most 31.51%, at least 10.15 points behind 41.67
    assert (revenue["completion_pct"], revenue["completion_qualifier"]) == (
        Decimal("31.51"),
        "nearly",
    )
    assert (revenue["gap_points"], revenue["gap_qualifier"]) == (Decimal("-10.15"), "nearly")
    zh = invoke(runner, "progress", "--data", str(path)).stdout
    assert "近31.51" in zh and "滞后序时进度 逾10.15 个百分点" in zh
    en = invoke(runner, "progress", "--data", str(path), "--lang", "en").stdout
    assert "≤31.51" in en and "≥10.15 percentage points behind" in en
    assert "-≤" not in en and "近10" not in zh
