"""English of the words statistical bulletins, county news, work summaries and bureau notes
use, in the National Bureau of Statistics' wording: never a literal gloss."""

from __future__ import annotations

import pytest

from ganxian_cli.model.glossary import english_name


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("注销市场主体", "market entities deregistered"),
        ("实有市场主体增加", "increase in existing market entities"),
        ("新开工项目完成投资额", "investment completed in projects newly started"),
        (
            "在谈项目签约转化率",
            "rate of conversion into signed contracts of projects in negotiation",
        ),
        ("计划实施重点项目", "planned key projects"),
        ("贷款余额新增", "increase in loans"),
        ("签约资金", "contracted funds"),
        ("过夜游客人均停留", "average length of stay of overnight tourists"),
        ("进出口实绩的企业", "enterprises with import and export records"),
        (
            "固定资产投资不含农户增速",
            "growth of fixed-asset investment (excluding rural households)",
        ),
        ("植树造林", "afforestation"),
        ("可提供就业岗位", "jobs created"),
        ("发放各类惠农补贴资金", "farm subsidies issued"),
        ("接待游客总人次", "tourist arrivals"),
        ("传统建材产业产值", "output value of traditional building materials industry"),
        ("规模以上工业企业净增", "net increase in industrial enterprises above designated size"),
        ("营收", "operating revenue"),
        ("完成年度计划投资额", "investment completed against the annual plan"),
        ("六税两费新增减税降费", "new tax and fee cuts of six taxes and two fees"),
        ("项目用地审批", "land approved for projects"),
        ("减税降费惠及企业", "enterprises benefiting from tax and fee cuts"),
        ("接待国内游客人次", "domestic tourist arrivals"),
        ("地区生产总值增速变动", "change in growth of gross regional product"),
        (
            "限额以上单位通过公共网络实现的零售额",
            "online retail sales of units above designated size",
        ),
    ],
)
def test_words_of_the_four_styles_have_english(name: str, english: str) -> None:
    found = english_name(name)
    assert (found.text, found.complete) == (english, True)
