"""`ganxian import`: a reviewed draft goes in whole, checked, or not at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT, SHARED, TESTS, invoke, needs_shared

ARTICLES = TESTS / "articles"

BASE = """schema_version = 1

[source]
region = "青溪县"
region_en = "Qingxi County"
title = "青溪县工业经济"
published = "2031-07"

[themes.industry]
name = "工业运行"
name_en = "Industry"

[indicators.enterprises]
name = "规模以上工业企业"
name_en = "Enterprises above designated size"
theme = "industry"
unit = "家"

[[indicators.enterprises.observations]]
period = "2031-05"
value = 217
quote = "规上工业企业总数达到217家"
"""

DRAFT = """# reviewed draft
schema_version = 1
kind = "extract-draft"

[[figures]]
indicator = "enterprises"
value = 217
unit = "家"
period = "2031-05"
quote = "规上工业企业总数达到217家"

[[figures]]
indicator = "revenue"
new_indicator = true
theme = "industry"
name = "营业收入"
name_en = "Operating revenue"
value = 286.45
unit = "亿元"
period = "2031-H1"
yoy = 9.3
quote = "实现营业收入286.45亿元,同比增长9.3%"

[[figures]]
indicator = "profit"
new_indicator = true
theme = "industry"
name = "利润总额"
name_en = "Total profit"
value = 11.72
unit = "亿元"
period = "2031-H1"
yoy = -4.6
quote = "实现利润总额11.72亿元,同比下降4.6%"
"""


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.toml"
    path.write_text(BASE, encoding="utf-8")
    return path


def _draft(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "draft.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_adds_new_and_skips_present(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    draft = _draft(tmp_path, DRAFT)
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert "2 added, 0 replaced, 1 already present (skipped); written" in result.stderr
    text = data_file.read_text(encoding="utf-8")
    assert "[indicators.revenue]" in text and "value = 286.45" in text and "yoy = -4.6" in text
    assert invoke(runner, "validate", str(data_file)).exit_code == 0
    again = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert again.exit_code == 0
    assert "0 added, 0 replaced, 3 already present (skipped); nothing written" in again.stderr
    assert data_file.read_text(encoding="utf-8") == text


def test_dry_run_prints_the_diff_and_writes_nothing(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    before = data_file.read_bytes()
    result = invoke(runner, "import", str(_draft(tmp_path, DRAFT)), "--data", str(data_file), "-n")
    assert result.exit_code == 0, result.stderr
    assert "+[indicators.profit]" in result.stdout and "+value = 11.72" in result.stdout
    assert data_file.read_bytes() == before


def test_another_value_needs_replace(runner: CliRunner, data_file: Path, tmp_path: Path) -> None:
    draft = _draft(tmp_path, DRAFT.replace("217", "218", 2))
    before = data_file.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1
    assert f"{draft}:5: error[G100]: figure #1: enterprises already has 217家" in result.stderr
    assert data_file.read_bytes() == before  # all or nothing: the other two are not added
    result = invoke(runner, "import", str(draft), "--data", str(data_file), "--replace")
    assert result.exit_code == 0, result.stderr
    assert "2 added, 1 replaced" in result.stderr


def test_every_problem_at_the_draft_lines_and_nothing_written(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    bad = (
        DRAFT.replace('name_en = "Operating revenue"\n', "")
        .replace('period = "2031-H1"\nyoy = -4.6', 'period = "2031-13"\nyoy = -4.6')
        .replace('unit = "家"', 'unit = "家伙"')
    )
    draft = _draft(tmp_path, bad)
    before = data_file.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{draft}:8: error[G101]: figure #1, unit") for line in lines)
    assert any(line.startswith(f"{draft}:31: error[G100]: figure #3, period") for line in lines)
    assert data_file.read_bytes() == before


def test_new_indicator_needs_its_names_and_a_known_theme(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    bad = DRAFT.replace('name_en = "Operating revenue"\n', "").replace(
        'theme = "industry"\nname = "利润总额"', 'theme = "farming"\nname = "利润总额"'
    )
    draft = _draft(tmp_path, bad)
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1
    assert f"{draft}:12: error[G100]: figure #2: new indicator 'revenue' needs name_en" in (
        result.stderr
    )
    assert f"{draft}:23: error[G100]: figure #3: unknown theme 'farming'" in result.stderr


def test_checks_of_the_result_point_at_the_draft(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    """A quote that does not show its figure (G210) is reported at the draft's figure."""
    draft = _draft(tmp_path, DRAFT.replace("实现利润总额11.72亿元", "实现利润总额11.27亿元"))
    before = data_file.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1
    assert f"{draft}:24: error[G210]" in result.stderr
    assert data_file.read_bytes() == before


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("figures = 3\n", "no [[figures]]"),
        ("[[figures]\n", "TOML syntax"),
        ("[[figures]]\nindicator = 'x'\n", "missing field"),
        (
            "[[figures]]\nindicator = 'x'\nvalue = 1\nunit = '个'\nperiod = '2031'\nsize = 3\n",
            "unknown field",
        ),
    ],
)
def test_malformed_drafts(
    runner: CliRunner, data_file: Path, tmp_path: Path, text: str, message: str
) -> None:
    result = invoke(runner, "import", str(_draft(tmp_path, text)), "--data", str(data_file))
    assert result.exit_code == 1 and message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_draft_is_a_usage_error(runner: CliRunner, data_file: Path, tmp_path: Path) -> None:
    result = invoke(runner, "import", str(tmp_path / "none.toml"), "--data", str(data_file))
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_extract_then_import_round_trip(runner: CliRunner, data_file: Path, tmp_path: Path) -> None:
    """A whole article's draft, names filled in, imports and validates; then it is all there."""
    article = ARTICLES / "county_industry.txt"
    extracted = invoke(
        runner,
        "extract",
        str(article),
        "--data",
        str(data_file),
        "--published",
        "2031-07",
        "-f",
        "toml",
    )
    assert extracted.exit_code == 0, extracted.stderr
    draft = _draft(tmp_path, extracted.stdout.replace('name_en = ""', 'name_en = "to name"'))
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert "45 added, 0 replaced, 1 already present (skipped); written" in result.stderr
    assert invoke(runner, "validate", str(data_file)).exit_code == 0
    again = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert "0 added, 0 replaced, 46 already present" in again.stderr


def test_unreviewed_draft_imports(runner: CliRunner, data_file: Path, tmp_path: Path) -> None:
    extracted = invoke(
        runner, "extract", str(ARTICLES / "county_industry.txt"), "--data", str(data_file),
        "--published", "2031-07", "-f", "toml",
    )  # fmt: skip
    result = invoke(
        runner, "import", str(_draft(tmp_path, extracted.stdout)), "--data", str(data_file)
    )
    assert result.exit_code == 0, result.stderr
    assert "new_01" not in data_file.read_text(encoding="utf-8")


def test_rates_and_gaps_link_to_their_target(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    draft = _draft(
        tmp_path,
        """[[figures]]
indicator = "investment"
new_indicator = true
theme = "industry"
name = "重点项目投资"
name_en = "Key project investment"
value = 72.5
unit = "亿元"
period = "2031"
status = "target"
tracks = "investment"
quote = "年度计划投资72.5亿元"

[[figures]]
indicator = "investment"
value = 40.6
unit = "亿元"
period = "2031-H1"
quote = "完成投资40.6亿元"

[[figures]]
indicator = "completion_rate"
new_indicator = true
theme = "industry"
name = "完成率"
name_en = "Completion rate"
value = 56
unit = "%"
period = "2031-H1"
rate_of = "investment"
quote = "占年度计划的56%"
""",
    )
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 0, result.stderr
    assert "3 added, 0 replaced, 0 already present (skipped), 1 linked to targets" in result.stderr
    text = data_file.read_text(encoding="utf-8")
    assert 'rate = "completion_rate"' in text
    assert invoke(runner, "validate", str(data_file)).exit_code == 0


def test_a_rate_of_an_untracked_indicator_is_refused(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    draft = _draft(
        tmp_path,
        """[[figures]]
indicator = "enterprises"
value = 217
unit = "家"
period = "2031-05"
quote = "规上工业企业总数达到217家"

[[figures]]
indicator = "share"
new_indicator = true
theme = "industry"
name = "占比"
name_en = "Share"
value = 50
unit = "%"
period = "2031-05"
gap_of = "enterprises"
""",
    )
    before = data_file.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1
    assert f"{draft}:8: error[G100]: figure #2: gap_of: no target is tracked by 'enterprises'" in (
        result.stderr
    )
    assert data_file.read_bytes() == before


SEED = SHARED / "seeds" / "000_011b906044fe82a3.txt"


@needs_shared(SEED, "source article")
def test_the_shipped_article_read_again_is_already_there(runner: CliRunner, tmp_path: Path) -> None:
    data = tmp_path / "indicators.toml"
    data.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    extracted = invoke(runner, "extract", str(SEED), "--data", str(data), "-f", "toml")
    draft = _draft(tmp_path, extracted.stdout)
    result = invoke(runner, "import", str(draft), "--data", str(data), "--dry-run")
    assert result.exit_code == 0, result.stderr
    # every figure, period and subject as the shipped file records it (寒锐's undated too)
    assert "0 added, 0 replaced, 68 already present (skipped); nothing written" in result.stderr


def test_a_later_article_is_imported_beside_the_earlier_one(
    runner: CliRunner, tmp_path: Path
) -> None:
    """--source jul: July's revision of January–May is added, June's figure kept, no --replace."""
    import re
    import shutil

    from ganxian_cli.datafile.loader import load

    folder = TESTS / "data" / "articles"
    for name in ("jun.txt", "jul.txt"):
        shutil.copy(folder / name, tmp_path / name)
    text = (folder / "june_july.toml").read_text(encoding="utf-8")
    july = r'\n\[\[indicators\.output_value\.observations\]\]\n(?:(?!\n\n)[\s\S])*?source = "jul"\n'
    data = tmp_path / "data.toml"
    data.write_text(re.sub(july, "", text), encoding="utf-8")
    assert invoke(runner, "validate", str(data)).exit_code == 0
    draft = _draft(
        tmp_path,
        '[[figures]]\nindicator = "output_value"\nvalue = 88.6\nunit = "亿元"\n'
        'period = "2031-01..2031-05"\nyoy = 7.6\n'
        'quote = "1-5月规模以上工业总产值修订为88.6亿元,同比增长7.6%"\n',
    )
    without = invoke(runner, "import", str(draft), "--data", str(data), "--dry-run")
    assert without.exit_code == 1 and "--replace" in without.stderr  # whose figure is it?
    result = invoke(runner, "import", str(draft), "--data", str(data), "--source", "jul")
    assert result.exit_code == 0, result.stderr
    assert "1 added, 0 replaced" in result.stderr
    figures = load(str(data)).dataset.indicators["output_value"].observations
    jan_may = [(str(f.value), f.source) for f in figures if str(f.period) == "2031-01..2031-05"]
    assert jan_may == [("88.4", "jun"), ("88.6", "jul")]
    assert invoke(runner, "validate", str(data)).exit_code == 0  # checked against jul.txt


@pytest.mark.parametrize(
    ("header", "line", "field"),
    [
        ("schema_version = 99\nkind = 'extract-draft'\n", 1, "schema_version"),
        ("schema_version = 1\nkind = 'x'\n", 2, "kind"),
        ("schema_version = true\n", 1, "schema_version"),
    ],
)
def test_a_draft_of_another_format_is_refused_at_its_header(
    runner: CliRunner, data_file: Path, tmp_path: Path, header: str, line: int, field: str
) -> None:
    body = DRAFT.split("\n", 3)[3]  # the figures, without the comment and the header
    draft = _draft(tmp_path, header + body)
    before = data_file.read_bytes()
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1
    assert f"{draft}:{line}: error[G100]: {field}: a draft with {field} = " in result.stderr
    assert data_file.read_bytes() == before


def test_a_draft_of_todays_format_and_one_without_a_header_import(
    runner: CliRunner, data_file: Path, tmp_path: Path
) -> None:
    body = DRAFT.split("\n", 3)[3]
    assert DRAFT.split("\n")[1:3] == ["schema_version = 1", 'kind = "extract-draft"']
    result = invoke(runner, "import", str(_draft(tmp_path, body)), "--data", str(data_file), "-n")
    assert result.exit_code == 0, result.stderr
    result = invoke(runner, "import", str(_draft(tmp_path, DRAFT)), "--data", str(data_file))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("value", "value = 1E+308", "not a plain decimal number: '1E+308'"),
        ("value", "value = 1.12345678901", "too many decimal places (at most 10)"),
        ("yoy", "yoy = 1E+308", "not a plain decimal number: '1E+308'"),
        ("yoy", "yoy = 0.00000000001", "too many decimal places (at most 10)"),
        ("tracks", "tracks = 'Bad-Id'\nstatus = 'target'", "String should match pattern"),
    ],
)
def test_a_refused_field_is_named_as_the_draft_names_it_at_its_line(
    runner: CliRunner, data_file: Path, tmp_path: Path, field: str, text: str, message: str
) -> None:
    draft = _draft(
        tmp_path,
        "[[figures]]\nindicator = 'enterprises'\nunit = '家'\nperiod = '2031'\n"
        f"{text}\n" + ("value = 3\n" if field != "value" else ""),
    )
    result = invoke(runner, "import", str(draft), "--data", str(data_file))
    assert result.exit_code == 1, result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{draft}:5: error[G100]: figure #1, {field}: {message}")
    assert "--" not in line


def test_a_subject_the_file_names_in_english_keeps_that_name(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A draft figure of 赣州腾远钴业 gets the English name the file gives that company."""
    data = tmp_path / "d.toml"
    data.write_text((ROOT / "data" / "indicators.toml").read_text(encoding="utf-8"), "utf-8")
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\n\n[[figures]]\n'
        'indicator = "tengyuan_revenue"\nvalue = 21.3\nunit = "亿元"\nperiod = "2022-H1"\n'
        'subject = "赣州腾远钴业"\nquote = "赣州腾远钴业上半年实现营业收入21.3亿元"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", str(data))
    assert result.exit_code == 0, result.stderr
    text = data.read_text(encoding="utf-8")
    added = text[text.index('period = "2022-H1"\nvalue = 21.3') :]
    assert added.split("\n\n")[0].count('subject_en = "Ganzhou Tengyuan Cobalt"') == 1
    doc = json.loads(invoke(runner, "report", "--data", str(data), "--json").stdout)
    [figure] = [
        f
        for f in doc["figures"]
        if f["indicator"] == "tengyuan_revenue" and f["period"] == "2022-H1"
    ]
    assert figure["subject_en"] == "Ganzhou Tengyuan Cobalt"
