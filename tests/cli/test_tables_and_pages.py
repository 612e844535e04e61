"""A saved web page and text tables from extract to validate: init -> extract -> import ->
validate --strict, cell quotes checked against the page (G210, G211), restatements imported once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
PAGE = CORPUS / "gov_page_qingfeng_jan_aug.html"


def _init(runner: CliRunner, folder: Path, article: Path, published: str) -> Path:
    data = folder / "d.toml"
    result = invoke(
        runner, "init", str(data), "--region", "青峰县", "--region-en", "Qingfeng County",
        "--title", "青峰县经济运行", "--published", published,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    if article.parent != folder:
        shutil.copy(article, folder / article.name)
    text = data.read_text(encoding="utf-8").replace(
        'region_en = "Qingfeng County"\n',
        f'region_en = "Qingfeng County"\ntext = "{article.name}"\n',
        1,
    )
    data.write_text(text, encoding="utf-8")
    return data


def _imported(runner: CliRunner, folder: Path, data: Path, article: Path) -> str:
    extracted = invoke(runner, "extract", str(folder / article.name), "--data", str(data),
                       "-f", "toml")  # fmt: skip
    assert extracted.exit_code == 0, extracted.stderr
    draft = folder / "draft.toml"
    draft.write_text(extracted.stdout.replace('name_en = ""', 'name_en = "to name"'), "utf-8")
    result = invoke(runner, "import", str(draft), "--data", str(data))
    assert result.exit_code == 0, result.stderr
    return extracted.stdout


def test_a_saved_page_goes_from_extract_to_validate_strict(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _init(runner, tmp_path, PAGE, "2025-09")
    draft = _imported(runner, tmp_path, data, PAGE)
    assert "<" not in draft  # no markup in any quote
    assert 'quote = "规上工业总产值 | 1-8月 | 118.6 | 单位:亿元 | 同比增长(%):11.2"' in draft
    assert "版权所有" not in draft and "上一篇" not in draft  # boilerplate dropped
    result = invoke(runner, "validate", "--strict", str(data))
    assert result.exit_code == 0, result.stdout + result.stderr
    # 17 proposed; 社会消费品零售总额43.85亿元 is printed alike in prose and table: one figure
    assert "16 figures" in result.stdout + result.stderr


def test_a_page_on_standard_input_is_read_as_a_page(runner: CliRunner) -> None:
    result = invoke(runner, "extract", "-", "--published", "2025-09", "-f", "json",
                    input=PAGE.read_text(encoding="utf-8"))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "HTML page" in result.stderr
    assert "规上工业总产值 | 1-8月 | 118.6" in result.stdout


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("value = 118.6\n", "value = 118.7\n", "G210"),  # the figure is not the cell's
        ("yoy = 11.2\n", "yoy = 11.3\n", "G210"),  # nor its growth
        ("| 118.6 | 单位:亿元 |", "| 118.6 | 单位:万元 |", "G210"),  # another unit
        ("| 118.6 | 单位:亿元 |", "| 118.6 | 单位:吨 |", "G210"),  # another family
        ("value = 118.6\n", 'value = 118.6\nqualifier = "about"\n', "G214"),  # cells are exact
        ("总产值 | 1-8月 | 118.6", "总产值 | 8月 | 118.6", "G211"),  # no such column
        ("规上工业总产值 | 1-8月", "规上工业增加值 | 1-8月", "G211"),  # no such row
    ],
)
def test_a_cell_quote_that_is_not_the_page_is_caught(
    runner: CliRunner, tmp_path: Path, old: str, new: str, code: str
) -> None:
    data = _init(runner, tmp_path, PAGE, "2025-09")
    _imported(runner, tmp_path, data, PAGE)
    text = data.read_text(encoding="utf-8")
    start = text.index("规上工业总产值 | 1-8月") - 400
    head, tail = text[:start], text[start:]
    assert old in tail
    data.write_text(head + tail.replace(old, new, 1), encoding="utf-8")
    result = invoke(runner, "validate", str(data))
    assert result.exit_code == 1, result.stdout + result.stderr
    assert code in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_restated_figure_is_imported_once_and_must_agree(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = CORPUS / "tourism_zhexi_2027_twice.txt"
    data = _init(runner, tmp_path, article, "2028-02")
    draft = _imported(runner, tmp_path, data, article)
    assert draft.count("\nrestates = ") == 2
    text = data.read_text(encoding="utf-8")
    assert "value = 452871" in text and "value = 45.3\n" not in text  # the precise one
    assert "value = 186340" in text and "value = 18.6\n" not in text
    result = invoke(runner, "validate", "--strict", str(data))
    assert result.exit_code == 0, result.stdout + result.stderr
    # a restatement that does not agree is refused, at its line, and nothing is written
    wrong = (tmp_path / "draft.toml").read_text(encoding="utf-8")
    wrong = wrong.replace("value = 45.3\n", "value = 45.2\n")
    (tmp_path / "again").mkdir()
    fresh = _init(runner, tmp_path / "again", article, "2028-02")
    draft = tmp_path / "wrong.toml"
    draft.write_text(wrong, encoding="utf-8")
    before = fresh.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(fresh))
    assert result.exit_code == 1
    assert "restates" in result.stderr and "45.2亿元 is not 452871万元 rounded" in result.stderr
    assert fresh.read_bytes() == before


_RESTATES = """[[figures]]
indicator = "income"
new_indicator = true
theme = "industry"
name = "旅游总收入"
name_en = "Tourism revenue"
value = 452871
unit = "万元"
period = "2027"
quote = "旅游总收入(万元) | 2027年 | 452871 | 单位:万元"

[[figures]]
indicator = "income"
value = 45.3
unit = "亿元"
period = "PERIOD"
restates = RESTATES
quote = "实现旅游总收入45.3亿元"
"""


@pytest.mark.parametrize(
    ("period", "restates", "message"),
    [
        ("2027", "5", "no other figure 5"),
        ("2027", "1", "no other figure 1"),  # itself
        ("2027", "-1", "no other figure -1"),
        ("2026", "0", "figure 0 is for 2027, this one for 2026"),
        ("2027", "true", "expected a whole number (without quotes)"),
    ],
)
def test_a_restatement_must_name_another_figure_it_agrees_with(
    runner: CliRunner, tmp_path: Path, period: str, restates: str, message: str
) -> None:
    data = _init(runner, tmp_path, CORPUS / "tourism_zhexi_2027_twice.txt", "2028-02")
    draft = tmp_path / "d.draft.toml"
    draft.write_text(
        _RESTATES.replace("PERIOD", period).replace("RESTATES", restates), encoding="utf-8"
    )
    before = data.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data))
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert data.read_bytes() == before
    ok = _RESTATES.replace("PERIOD", "2027").replace("RESTATES", "0")
    draft.write_text(ok, encoding="utf-8")
    result = invoke(runner, "import", str(draft), "--data", str(data))
    assert result.exit_code == 0 and "1 added" in result.stderr, result.stderr


FARM = """青峰县2025年1-8月农业生产情况

1-8月,全县农业生产平稳。

指标 | 1-8月 | 同比增长(%)
粮食播种面积(千公顷) | 52.4 | 1.2
设施农业产值(亿元) | 8.6 | 4.5
"""


def test_a_cell_in_a_unit_outside_the_catalogue_is_declared_by_the_draft(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "farm.txt"
    article.write_text(FARM, encoding="utf-8")
    data = _init(runner, tmp_path, article, "2025-09")
    shown = invoke(runner, "extract", str(article), "--data", str(data), "-f", "json")
    assert list(json.loads(shown.stdout)["units"]) == ["千公顷"]
    draft = _imported(runner, tmp_path, data, article)
    assert '[units."千公顷"]\nfamily = "千公顷"\n' in draft
    text = data.read_text(encoding="utf-8")
    assert '[units."千公顷"]' in text and 'unit = "千公顷"' in text
    assert invoke(runner, "validate", "--strict", str(data)).exit_code == 0
    # once the file declares it, the next draft does not again
    again = invoke(runner, "extract", str(article), "--data", str(data), "-f", "toml")
    assert "[units." not in again.stdout


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ('[units."亿元"]\nfamily = "money"\n', "built in"),
        ('[units."千公顷"]\nfactor = 1000\n', "family"),
        ('[units."千公顷"]\nfamily = "area"\nfactor = -1\n', "factor"),
        ("units = 3\n", "expected a table of units"),
    ],
)
def test_a_draft_unit_that_is_wrong_is_refused_at_its_line(
    runner: CliRunner, tmp_path: Path, units: str, message: str
) -> None:
    article = tmp_path / "farm.txt"
    article.write_text(FARM, encoding="utf-8")
    data = _init(runner, tmp_path, article, "2025-09")
    draft = tmp_path / "d.draft.toml"
    draft.write_text(
        units + '\n[[figures]]\nindicator = "area"\nnew_indicator = true\ntheme = "industry"\n'
        'name = "粮食播种面积"\nname_en = "Grain area"\nvalue = 52.4\nunit = "千公顷"\n'
        'period = "2025-01..2025-08"\n',
        encoding="utf-8",
    )
    before = data.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data))
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert "d.draft.toml:1:" in result.stderr or "d.draft.toml:2:" in result.stderr
    assert data.read_bytes() == before


def test_validate_source_reads_a_page_and_its_cells(runner: CliRunner, tmp_path: Path) -> None:
    data = _init(runner, tmp_path, PAGE, "2025-09")
    _imported(runner, tmp_path, data, PAGE)
    page = str(tmp_path / PAGE.name)
    result = invoke(runner, "validate", "--strict", "--source", page, str(data))
    assert result.exit_code == 0, result.stdout + result.stderr
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("规上工业总产值 | 1-8月", "规上工业总产值 | 8月"), "utf-8")
    result = invoke(runner, "validate", "--source", page, str(data))
    assert result.exit_code == 1 and "G211" in result.stdout + result.stderr


def test_the_review_table_shows_which_figure_a_restatement_restates(runner: CliRunner) -> None:
    article = CORPUS / "tourism_zhexi_2027_twice.txt"
    result = invoke(runner, "extract", str(article), "--published", "2028-02")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(
        invoke(runner, "extract", str(article), "--published", "2028-02", "-f", "json").stdout
    )["figures"]
    prose = next(i for i, f in enumerate(shown) if f["quote"].startswith("实现旅游总收入45.3亿元"))
    assert f"{prose + 1} ≈#{shown[prose]['restates'] + 1}" in result.stdout


def test_a_json_draft_declares_its_undeclared_units_too(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "farm.txt"
    article.write_text(FARM, encoding="utf-8")
    data = _init(runner, tmp_path, article, "2025-09")
    shown = invoke(runner, "extract", str(article), "--data", str(data), "-f", "json")
    assert shown.exit_code == 0, shown.stderr
    draft = tmp_path / "draft.json"
    draft.write_text(shown.stdout, encoding="utf-8")
    result = invoke(runner, "import", str(draft), "--data", str(data))
    assert result.exit_code == 0, result.stderr
    text = data.read_text(encoding="utf-8")
    assert '[units."千公顷"]\nfamily = "千公顷"' in text and 'unit = "千公顷"' in text
    assert invoke(runner, "validate", "--strict", str(data)).exit_code == 0
