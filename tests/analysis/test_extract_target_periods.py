"""The period of a target: a count of projects to finish within the year (力争年内竣工投产项目
达到20个) is a flow of the year, not a level at its end; a target in a paragraph on the second
half (下半年,…计划新开工重点项目25个) is of July to December, unless it names the whole year
(力争全年…)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ganxian_cli.analysis.extract import Proposal, extract


def _figures(text: str, published: str) -> dict[Decimal, Proposal]:
    return {p.value: p for p in extract(text, None, published).figures}


@pytest.mark.parametrize(
    ("text", "published", "value", "period"),
    [
        (
            "今年1-7月，全县新开工项目38个。下一步，确保全年完成重点项目投资130亿元以上，"
            "力争年内竣工投产项目达到20个。",
            "2036-08",
            "20",
            "2036",
        ),
        ("1-5月，全区新开工项目12个。力争年内建成投产项目达到15个。", "2031-06", "15", "2031"),
        ("1-9月，全市竣工投产项目达到26个。", "2030-10", "26", "2030-01..2030-09"),
    ],
)
def test_a_count_of_projects_finished_is_a_flow_not_a_level(
    text: str, published: str, value: str, period: str
) -> None:
    figure = _figures(text, published)[Decimal(value)]
    assert (figure.period, figure.stock) == (period, False)
