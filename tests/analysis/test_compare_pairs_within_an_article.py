"""`compare` divides a part by the whole of its own article: a later article's revised whole
(39 projects in negotiation instead of 43) never meets an earlier article's part, and a part
and a whole that only different articles give are not divided (a note says so)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

_FILE = """schema_version = 1

[sources.jun]
title = "测试县上半年招商引资"
published = "2031-07"
region = "测试县"
region_en = "Test County"

[sources.jul]
title = "测试县1-7月招商引资"
published = "2031-08"
region = "测试县"
region_en = "Test County"

[themes.projects]
name = "项目"
name_en = "Projects"

[indicators.negotiating]
name = "在谈项目"
name_en = "Projects in negotiation"
theme = "projects"
unit = "个"
stock = true
{june_whole}
[[indicators.negotiating.observations]]
period = "2031-06"
value = 39
quote = "在谈项目39个"
source = "jul"

[indicators.negotiating_big]
name = "在谈超10亿元项目"
name_en = "Projects in negotiation of 1 billion yuan or more"
theme = "projects"
unit = "个"
stock = true

[[indicators.negotiating_big.observations]]
period = "2031-06"
value = 15
quote = "超10亿元项目15个"
source = "jun"

[indicators.negotiating_investment]
name = "在谈项目总投资"
name_en = "Investment of projects in negotiation"
theme = "projects"
unit = "亿元"
stock = true

[[indicators.negotiating_investment.observations]]
period = "2031-06"
value = 430
quote = "总投资430亿元"
source = "jun"

[[relations]]
kind = "share"
part = "negotiating_big"
whole = "negotiating"

[[relations]]
kind = "per"
amount = "negotiating_investment"
count = "negotiating"
"""

_JUNE_WHOLE = """
[[indicators.negotiating.observations]]
period = "2031-06"
value = 43
quote = "重点跟踪在谈项目43个"
source = "jun"
"""


def _compare(runner: CliRunner, tmp_path: Path, june_whole: str, *args: str) -> str:
    path = tmp_path / "two.toml"
    path.write_text(_FILE.format(june_whole=june_whole), encoding="utf-8")
    result = invoke(runner, "compare", "--data", str(path), *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_a_part_is_divided_by_its_own_article_s_whole(runner: CliRunner, tmp_path: Path) -> None:
    doc = json.loads(_compare(runner, tmp_path, _JUNE_WHOLE, "--json"))
    (share,) = doc["part_of_whole"]
    assert (share["part_value"], share["whole_value"]) == (15, 43)
    assert str(share["share_pct"]) == "34.88"  # 15/43, not 15/39 = 38.46
    (per,) = doc["per_unit"]
    assert (per["amount_value"], per["count_value"]) == (430, 43)


def test_figures_of_different_articles_are_not_divided(runner: CliRunner, tmp_path: Path) -> None:
    doc = json.loads(_compare(runner, tmp_path, "", "--json"))
    (share,) = doc["part_of_whole"]
    assert (share["part_value"], share["whole_value"], share["share_pct"]) == (15, 39, None)
    assert "不相除" in share["note"]
    (per,) = doc["per_unit"]
    assert (per["amount_value"], per["count_value"], per["per_unit"]) == (430, 39, None)
    assert "不相除" in per["note"]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke(runner, "schema", "compare").stdout)
    jsonschema.Draft202012Validator(schema).validate(doc)  # the contract allows the nulls
    english = json.loads(_compare(runner, tmp_path, "", "--json", "--lang", "en"))
    assert "are not divided" in english["part_of_whole"][0]["note"]
    text = _compare(runner, tmp_path, "")
    assert "38.46" not in text
    assert "在谈超10亿元项目(jun)与在谈项目(jul)出自不同文章,不相除" in text
    english = _compare(runner, tmp_path, "", "--lang", "en")
    assert "come from different articles and are not divided" in english


_SUM = """
[indicators.negotiating_small]
name = "在谈10亿元以下项目"
name_en = "Projects in negotiation under 1 billion yuan"
theme = "projects"
unit = "个"
stock = true

[[indicators.negotiating_small.observations]]
period = "2031-06"
value = 28
quote = "10亿元以下项目28个"
source = "jun"

[[relations]]
kind = "sum"
parts = ["negotiating_big", "negotiating_small"]
total = "negotiating"
"""


def test_a_sum_takes_the_parts_and_the_total_of_one_article(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "sum.toml"
    path.write_text(_FILE.format(june_whole=_JUNE_WHOLE) + _SUM, encoding="utf-8")
    result = invoke(runner, "compare", "--data", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)["side_by_side"]
    assert [r["row"] for r in rows] == ["part", "part", "total"]
    path.write_text(_FILE.format(june_whole="") + _SUM, encoding="utf-8")
    result = invoke(runner, "compare", "--data", str(path), "--json")
    rows = json.loads(result.stdout)["side_by_side"]
    assert [r["row"] for r in rows] == ["part", "part"]  # 15 + 28 is no article's 39
    assert all("不相加" in r["note"] for r in rows)
