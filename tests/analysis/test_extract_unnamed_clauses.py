"""Names of figures whose clause says little: none (1-5月累计完成7.43亿元), a short word (累计收入
相应修正为), a bare 占比, or a service done for firms (为N户纳税人办理增值税留抵退税)."""

from __future__ import annotations

from ganxian_cli.analysis.extract import extract


def _named(text: str, published: str) -> dict[str, str]:
    return {str(p.value): p.name for p in extract(text, published=published).figures}


def test_a_clause_with_no_item_is_of_the_item_before_it_in_the_paragraph() -> None:
    text = "4月份，全市税收收入完成3.52亿元，下降1.2%；1-4月累计完成12.86亿元，增长0.7%。"
    assert _named(text, "2033-05")["12.86"] == "税收收入"


def test_an_item_of_another_kind_does_not_name_it() -> None:
    text = "全镇新增就业820人。1-8月累计完成2.4亿元。"
    name = _named(text, "2027-09")["2.4"]
    assert name and name != "新增就业"


def test_with_no_item_before_the_words_that_lead_to_it_name_it() -> None:
    assert _named("今年以来累计完成6.05亿元。", "2029-04")["6.05"] == "累计完成"


def test_a_revised_total_named_short_is_the_item_revised_before_it() -> None:
    text = "经核实，3月份全市税收收入修正为2.15亿元，1-3月累计收入相应修正为6.02亿元。"
    assert _named(text, "2033-05")["6.02"] == "税收收入"


def test_a_share_named_by_no_whole_is_of_the_item_before_in_the_sentences_whole() -> None:
    text = "1-8月，全市一般公共预算支出42.3亿元，增长5.1%，其中教育支出9.6亿元，占比22.7%。"
    assert _named(text, "2035-09")["22.7"] == "教育支出占一般公共预算支出比重"


def test_a_service_done_for_firms_is_named_as_the_data_file_names_it() -> None:
    named = _named("1-7月，全县累计为208户纳税人办理增值税留抵退税2.36亿元。", "2037-08")
    assert (named["208"], named["2.36"]) == ("办理增值税留抵退税的纳税人", "增值税留抵退税")
