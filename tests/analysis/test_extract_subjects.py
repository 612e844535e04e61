"""A figure's subject is what its sentence names: a company or village it opens with, the
builder of 由…投资建设, the company 该公司 stands for; never one the sentence does not name."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract


def _subjects(text: str, published: str) -> dict[str, str | None]:
    return {str(f.value): f.subject for f in extract(text, published=published).figures}


def test_a_village_a_sentence_or_clause_opens_with_is_the_subject() -> None:
    found = _subjects(
        "1至8月,青石村村级集体经济收入达到21.3万元,下坪村突破12万元。全乡新建农村公路14.5公里。\n",
        "2027-09",
    )
    assert found["21.3"] == "青石村"
    assert found["12"] == "下坪村"
    assert found["14.5"] is None  # 农村 names no village


def test_this_company_is_the_company_named_earlier_in_the_paragraph() -> None:
    found = _subjects(
        "今年以来,南溪光电有限公司完成产值8.2亿元。该公司目前已建成生产线4条。\n\n"
        "该公司新签订单金额2.5亿元。\n",
        "2024-07",
    )
    assert found["8.2"] == "南溪光电有限公司"
    assert found["4"] == "南溪光电有限公司"
    assert found["2.5"] is None  # no company named before it in its paragraph


def test_the_builder_of_a_project_and_a_leading_word_stripped() -> None:
    found = _subjects(
        "由远航物流投资建设的仓储项目总投资6.4亿元。"
        "其中东岭竹木有限公司完成产值1.1亿元。"
        "达产后年可实现产值9亿元。\n",
        "2030-03",
    )
    assert found["6.4"] == "远航物流"
    assert found["1.1"] == "东岭竹木有限公司"
    assert found["9"] is None  # the sentence names no one
