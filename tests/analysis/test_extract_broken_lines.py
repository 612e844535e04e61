"""A sentence broken by hand at a short line keeps its figure's name and subject."""

from __future__ import annotations

import pytest

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.text import compact


@pytest.mark.parametrize(
    ("text", "published", "value", "name"),
    [
        (
            "三、招商引资\n1至4月,全乡新引进项目三个,其中农业项目两个,合同金额\n"
            "2.4亿元,到位资金0.8亿元。\n",
            "2031-05",
            "2.4",
            "合同金额",
        ),
        (
            "1至9月,河口街道签约项目十二个,总投资\n36.5亿元,同比增长12.1%。\n",
            "2019-10",
            "36.5",
            "河口街道签约项目总投资",
        ),
    ],
)
def test_a_name_broken_off_by_a_short_line_stays_with_its_figure(
    text: str, published: str, value: str, name: str
) -> None:
    figures = extract(text, published=published).figures
    found = [f for f in figures if str(f.value) == value]
    assert found and found[0].name == name


def test_a_short_line_with_a_comma_is_no_title_but_one_without_is() -> None:
    article = compact("二、工业经济\n全县规上企业完成产值,其中\n重点企业产值3亿元。")
    assert len(article.paragraphs) == 2
    assert article.text[article.paragraphs[1] :].startswith("全县规上企业")
