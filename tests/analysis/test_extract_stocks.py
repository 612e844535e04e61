"""`extract` proposes `stock = true` for a new indicator whose figures are levels at a point
of time (截至目前在建项目52个, 规上企业达142家, 存款余额), never for flows (签约项目13个 in a
month, 新开工, 完成投资); and `target_kind = "list"` for a target of items all to complete."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.extract import extract
from ganxian_cli.analysis.extract.stocks import by_indicator
from ganxian_cli.model.lang import Lang
from ganxian_cli.output.extract import rows
from tests.conftest import invoke


def _marks(text: str, published: str = "2031-07") -> dict[Decimal, bool]:
    return {p.value: p.stock for p in extract(text, None, published).figures}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("截至目前,全区在建项目52个。", 52),
        ("截至6月底,全区重点跟踪在谈项目43个。", 43),
        ("截至6月末,全市在库亿元以上项目917个,比去年同期增加64个。", 917),
        ("上半年,全区规上企业达142家。", 142),
        ("截至6月末,全市有进出口实绩的企业达1347家。", 1347),
        ("截至6月末,全县金融机构各项存款余额286.3亿元。", Decimal("286.3")),
        ("截至6月末,全区市场主体总数达到3520户。", 3520),
        ("截至6月末,全县在建项目148个,其中亿元以上项目53个。", 53),
        ("截至6月末,重点跟踪在谈项目43个,投资总额568.4亿元。", Decimal("568.4")),
        ("截至6月末,在谈项目43个,投资总额568.4亿元,其中,超10亿元项目15个,5020项目9个。", 9),
        ("规上工业企业总数达到217家。其中,产值超亿元企业58家。", 58),
        ("截至6月底,全省发电装机容量达到9126.4万千瓦。", Decimal("9126.4")),
        ("截至6月底,全市备案外贸经营主体1386家。", 1386),
        ("5月末,全镇生猪存栏4.12万头。", Decimal("4.12")),
        ("年末全市规模以上工业企业1128家。", 1128),
    ],
)
def test_a_level_at_a_point_of_time_is_a_stock(text: str, value: int | Decimal) -> None:
    assert _marks(text)[Decimal(value)] is True


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("6月份,全区签约项目13个,总投资45.2亿元。", 13),
        ("1-6月,全区新开工项目21个。", 21),
        ("1-6月,在建项目完成投资86.4亿元。", Decimal("86.4")),
        ("截至6月末,全市在库亿元以上项目917个,比去年同期增加64个。", 64),
        ("上半年新增规模以上企业24家。", 24),
        ("截至6月末,存款余额286.3亿元,较年初增加21.5亿元。", Decimal("21.5")),
        ("截至目前,累计接待游客50万人次。", 50),
        ("截至目前,已签约项目13个。", 13),
        ("上半年,全区实现营业收入190.2亿元。", Decimal("190.2")),
        ("截至目前,已拨付资金5680万元,惠及经营主体356家。", 356),
        ("截至6月底,全区已对接企业125家。", 125),
        ("截至6月底,全区新登记市场主体2846户。", 2846),
        ("上半年新增新能源装机约420万千瓦。", 420),
        ("6月份签约项目13个,签约金额180.3亿元,其中工业项目9个。", 9),
        ("截至6月末,在建项目52个。1-6月,在建项目完成投资30亿元。", 30),
        ("6月,存栏生猪出栏8.6万头。", Decimal("8.6")),  # 出栏: the pigs sold, a flow
        ("5月,全镇生猪出栏1.9万头。", Decimal("1.9")),
    ],
)
def test_a_flow_is_never_a_stock(text: str, value: int | Decimal) -> None:
    assert _marks(text)[Decimal(value)] is False


def test_an_indicator_with_a_flow_among_its_figures_is_no_stock() -> None:
    level = extract("截至6月底,全区在建项目52个。", None, "2031-07").figures[0]
    assert level.stock
    change = replace(level, value=Decimal(9), period="2031-01..2031-06", stock=False)
    target = replace(level, status="target", period="2031", stock=False)
    assert [p.stock for p in by_indicator([level, change])] == [False, False]
    assert [p.stock for p in by_indicator([level, target])] == [True, True]
    other = replace(level, new_indicator=False)
    assert [p.stock for p in by_indicator([other])] == [False]


def test_an_indicator_of_the_data_file_is_never_marked(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    made = invoke(runner, "init", str(data), "--region", "某区", "--title", "t",
                  "--published", "2031-07")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    text = data.read_text(encoding="utf-8") + (
        '\n[indicators.building]\nname = "在建项目"\nname_en = "Projects under construction"\n'
        'theme = "investment"\nunit = "个"\n\n[[indicators.building.observations]]\n'
        'period = "2031-05"\nvalue = 50\n'
    )
    data.write_text(text, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("截至6月底,全区在建项目52个。", encoding="utf-8")
    result = invoke(runner, "extract", str(article), "--data", str(data), "-f", "toml",
                    "--published", "2031-07")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (figure,) = tomllib.loads(result.stdout)["figures"]
    assert figure["indicator"] == "building" and "stock" not in figure


def test_the_draft_marks_a_stock_and_import_keeps_it(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    invoke(runner, "init", str(data), "--region", "某区", "--title", "t", "--published", "2031-07")
    article = tmp_path / "a.txt"
    article.write_text("截至6月底,全区在建项目52个。6月份,全区签约项目13个。", encoding="utf-8")
    drafted = invoke(runner, "extract", str(article), "--data", str(data), "-f", "toml",
                     "--published", "2031-07")  # fmt: skip
    figures = tomllib.loads(drafted.stdout)["figures"]
    assert [f.get("stock") for f in figures] == [True, None]
    draft = tmp_path / "draft.toml"
    draft.write_text(drafted.stdout, encoding="utf-8")
    assert invoke(runner, "import", str(draft), "--data", str(data)).exit_code == 0
    written = tomllib.loads(data.read_text(encoding="utf-8"))["indicators"]
    assert [i.get("stock") for i in written.values()] == [True, None]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("今年,全区确保23个重点调度项目年内全部开工。", "list"),
        ("今年,全区力争45个省市重点项目全部建成投产。", "list"),
        ("全年计划新开工项目120个。", None),
        ("全区23个重点调度项目已全部开工。", None),  # done: an actual, no target
    ],
)
def test_a_target_of_items_all_to_complete_is_a_list(text: str, kind: str | None) -> None:
    figures = extract(text, None, "2031-07").figures
    targets = [p for p in figures if p.status == "target"]
    assert [p.target_kind for p in targets] == ([kind] if kind else [None] * len(targets))
    if kind:
        assert targets


def test_a_list_all_done_is_a_list_tracked_by_its_items_done() -> None:
    figures = extract("全区23个重点调度项目已全部开工,开工率100%。", None, "2031-07").figures
    size, done = figures[0], figures[1]
    assert (size.status, size.target_kind, size.tracks) == ("actual", "list", done.indicator)
    assert done.name.startswith("已开工") and done.target_kind is None


def test_the_draft_of_a_list_all_done_imports_into_a_list_target(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "data.toml"
    invoke(runner, "init", str(data), "--region", "某区", "--title", "t", "--published", "2031-07")
    article = tmp_path / "a.txt"
    article.write_text("上半年,全区23个重点调度项目已全部开工。", encoding="utf-8")
    drafted = invoke(runner, "extract", str(article), "--data", str(data), "-f", "toml",
                     "--published", "2031-07")  # fmt: skip
    size = tomllib.loads(drafted.stdout)["figures"][0]
    assert size["target_kind"] == "list" and size["status"] == "actual"
    draft = tmp_path / "draft.toml"
    draft.write_text(drafted.stdout, encoding="utf-8")
    imported = invoke(runner, "import", str(draft), "--data", str(data))
    assert imported.exit_code == 0, imported.stderr
    (target,) = tomllib.loads(data.read_text(encoding="utf-8"))["targets"]
    assert target == {
        "target": f"{size['indicator']}@{size['period']}#actual",
        "actual": size["tracks"],
        "kind": "list",
    }
    assert invoke(runner, "validate", "--strict", str(data)).exit_code == 0


@pytest.mark.parametrize(
    ("lang", "period", "target", "size"),
    [
        (Lang.zh, "截至 2031-06", "目标(清单)", "清单"),
        (Lang.en, "as of 2031-06", "target (list)", "list"),
    ],
)
def test_the_review_table_reads_stocks_and_lists(
    lang: Lang, period: str, target: str, size: str
) -> None:
    text = "截至6月底,全区在建项目52个。全区23个重点项目已全部开工。确保15个重点项目全部建成。"
    table = rows(extract(text, None, "2031-07"), lang)
    assert [r[7] for r in table if r[3] == "52"] == [period]
    assert [r[8] for r in table if r[3] == "15"] == [target]
    assert next(r[8] for r in table if r[3] == "23") == size


def test_an_area_at_the_year_end_is_a_level() -> None:
    text = "全年粮食播种面积186.4万亩。年末全市有效灌溉面积97.8万亩。"
    got = {str(f.value): f.stock for f in extract(text, None, "2018-03").figures}
    assert got == {"186.4": False, "97.8": True}


def test_a_register_revised_or_named_by_its_total_at_a_month_end_is_a_level() -> None:
    """截至5月末…企业数修正为215家 keeps the register a level with 达218家; 6月末市场主体总量
    4.19万户 is one too."""
    found = {
        p.value: p.stock
        for p in extract(
            "截至6月末，全县规模以上工业企业达187家。截至5月末全县规模以上工业企业数修正为185家。"
            "新增市场主体3100余户，6月末市场主体总量3.76万户。",
            None,
            "2031-07",
        ).figures
    }
    assert found[Decimal(187)] and found[Decimal(185)] and found[Decimal("3.76")]
    assert not found[Decimal(3100)]
