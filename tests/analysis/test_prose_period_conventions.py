"""Period and status conventions a statistics officer states for prose: 累计/今年 totals run
from January to the reference month, 超序进度 is a lead achieved. Short made-up texts, several
regions, years and months per rule."""

from __future__ import annotations

import pytest

from ganxian_cli.analysis.extract import extract


def _found(text: str, published: str) -> dict[str, tuple[str, str]]:
    """Each figure as printed (value and unit) -> (period, status)."""
    return {
        f"{p.value}{p.unit}": (p.period, p.status) for p in extract(text, None, published).figures
    }


@pytest.mark.parametrize(
    ("text", "published", "period"),
    [
        ("今年,该县累计为126户企业办理退税1.5亿元。", "2031-06", "2031-H1"),
        ("今年,全市新增减税降费2.4亿元,惠及企业315家。", "2027-09", "2027-01..2027-09"),
        ("西岭镇累计发放补贴86万元。", "2040-04", "2040-01..2040-04"),
    ],
)
def test_a_total_so_far_runs_from_january(text: str, published: str, period: str) -> None:
    """累计 or 今年 with no months of their own: January to the month reported on."""
    found = _found(text, published)
    assert {p for p, _ in found.values()} == {period}


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            '村支书说:"今年村里计划带动增收,全村流转土地达到1300亩。"',
            "2031-04",
            "1300亩",
            "2031-04",
        ),
        ("全省今年计划实施项目1520个,目前已开工1368个。", "2033-07", "1368个", "2033-07"),
    ],
)
def test_a_level_now_is_no_total_so_far(text: str, published: str, value: str, period: str) -> None:
    """A plan's 今年 or 目前 does not make a level a total from January."""
    assert _found(text, published)[value][0] == period


@pytest.mark.parametrize(
    "text",
    [
        "1月至5月完成年度计划投资58.33亿元,超序进度28.44个百分点。",
        "1-8月完成年度计划投资的71.2%,超序时进度4.5个百分点。",
    ],
)
def test_a_lead_over_schedule_is_achieved(text: str) -> None:
    """超序进度 / 超序时进度: how far ahead of schedule the work is, an actual."""
    found = _found(text, "2030-09")
    assert all(status == "actual" for _, status in found.values())
