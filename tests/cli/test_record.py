"""`ganxian record`: suggestions, new themes, rates and relations, targets kept, refusals that name
the file, option and code."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import DATA, invoke

INIT = ("--region", "江北县", "--region-en", "Jiangbei County", "--title", "江北县1-6月经济运行")


def test_record_suggests_the_closest_ids(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "indicators.toml"
    path.write_bytes(DATA.read_bytes())
    result = invoke(runner, "record", "industrial_revenu", "-p", "2022-06", "-v", "1",
                    "--data", str(path))  # fmt: skip
    assert result.exit_code == 2
    assert "did you mean industrial_revenue (规模以上工业企业营业收入)" in result.stderr
    assert path.read_bytes() == DATA.read_bytes()


def test_hand_written_target_survives_a_forecast_for_its_year(
    runner: CliRunner, other_region_copy: Path
) -> None:
    text = other_region_copy.read_text(encoding="utf-8")
    other_region_copy.write_text(text.replace('"retail_sales@2031#target"', '"retail_sales@2031"'))
    args = ["record", "retail_sales", "-p", "2031", "-v", "41", "--status", "forecast"]
    result = invoke(runner, *args, "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert 'target = "retail_sales@2031#target"' in other_region_copy.read_text(encoding="utf-8")


def test_refused_record_names_file_option_and_code(
    runner: CliRunner, other_region_copy: Path
) -> None:
    new = ["exports", "-p", "2031-Q1", "-v", "2", "--name", "出口", "--name-en", "Exports"]
    result = invoke(
        runner,
        "record",
        *new,
        "--theme",
        "economy",
        "--unit",
        "亿\u200b元",
        "-d",
        str(other_region_copy),
    )
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"{other_region_copy}: error[G101]: --unit: ")
    assert line.endswith(" (nothing written)")
    assert "亿\\u200b元" in line and "\u200b" not in line
    assert "[key]" not in line


def test_empty_subject_with_replace(runner: CliRunner, other_region_copy: Path) -> None:
    args = ["record", "retail_sales", "-p", "2031-Q1", "-v", "12.35", "--subject", "", "--replace"]
    result = invoke(runner, *args, "-d", str(other_region_copy))
    assert result.exit_code == 1  # the quote kept from the figure replaced shows 9.6
    assert "(kept from the figure replaced: give --quote)" in result.stderr
    quote = "一季度社会消费品零售总额12.35亿元,同比下降3.2%"
    result = invoke(runner, *args, "--quote", quote, "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert "replaced actual figure for 2031-Q1" in result.stderr


def test_record_negative_zero_is_zero(runner: CliRunner, other_region_copy: Path) -> None:
    """`--value -0.00` with a quote showing 0.00 is recorded (as 0.00), not G210."""
    args = ["record", "net_new_firms", "-p", "2031-06", "-v", "-0.00", "--quote", "新增0.00户"]
    result = invoke(runner, *args, "-d", str(other_region_copy))
    assert result.exit_code == 0, result.stderr
    assert "+value = 0.00\n" in result.stderr


def test_record_adds_a_theme_and_a_target_s_rate(runner: CliRunner, tmp_path: Path) -> None:
    path = str(tmp_path / "t.toml")
    invoke(runner, "init", path, *INIT, "--published", "2031-07")
    common = ("--data", path, "--theme", "energy", "--unit", "%")
    rate = invoke(
        runner, "record", "plan_rate", "--period", "2031-H1", "--value", "52.1", *common,
        "--name", "完成年度计划", "--name-en", "Share of the annual plan done",
        "--theme-name", "能源", "--theme-name-en", "Energy",
    )  # fmt: skip
    assert rate.exit_code == 0, rate.stderr
    assert "new theme energy" in rate.stderr
    invoke(
        runner, "record", "power", "--data", path, "--period", "2031-H1", "--value", "5.21",
        "--theme", "energy", "--unit", "亿千瓦时", "--name", "全社会用电量",
        "--name-en", "Electricity consumption",
    )  # fmt: skip
    target = invoke(
        runner, "record", "power_plan", "--data", path, "--period", "2031", "--value", "10",
        "--status", "target", "--tracks", "power", "--rate", "plan_rate", "--theme", "energy",
        "--unit", "亿千瓦时", "--name", "全社会用电量目标", "--name-en", "Electricity target",
    )  # fmt: skip
    assert target.exit_code == 0, target.stderr
    assert 'rate = "plan_rate"' in Path(path).read_text(encoding="utf-8")
    assert invoke(runner, "validate", path).exit_code == 0


def test_record_adds_a_within_relation(runner: CliRunner, tmp_path: Path) -> None:
    path = str(tmp_path / "w.toml")
    invoke(runner, "init", path, *INIT, "--published", "2031-07")
    new = ("--theme", "investment", "--unit", "个", "--period", "2031-H1", "--data", path)
    invoke(runner, "record", "registered", *new, "--value", "67", "--name", "入库项目",
           "--name-en", "Projects registered")  # fmt: skip
    part = invoke(runner, "record", "industrial", *new, "--value", "28", "--name", "工业项目",
                  "--name-en", "Industrial projects", "--within", "registered")  # fmt: skip
    assert part.exit_code == 0 and "within registered" in part.stderr
    text = Path(path).read_text(encoding="utf-8")
    assert 'kind = "within"\nparts = [\n    "industrial@2031-H1#actual",\n]' in text
    too_many = invoke(runner, "record", "other", *new, "--value", "68", "--name", "其他",
                      "--name-en", "Other", "--within", "registered")  # fmt: skip
    assert too_many.exit_code == 1 and "G302" in too_many.stderr  # 68 cannot be inside 67
    assert Path(path).read_text(encoding="utf-8") == text
    assert invoke(runner, "validate", path).exit_code == 0


def test_quiet_record_says_only_its_summary(runner: CliRunner, tmp_path: Path) -> None:
    copy = tmp_path / "d.toml"
    copy.write_bytes(DATA.read_bytes())
    args = ["record", "key_projects_started", "-p", "2031-Q1", "-v", "13", "-d", str(copy)]
    result = invoke(runner, *args, "--quiet")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "ganxian: key_projects_started: added actual figure for 2031-Q1"
    ]


def test_a_problem_of_the_figure_given_is_named_by_its_option(
    runner: CliRunner, other_region_copy: Path
) -> None:
    """Not `indicators.retail_sales.observations[3].qualifier` of a file never written, nor a
    line of it: the option to change, and where (the figure given on the command line)."""
    args = ["record", "retail_sales", "-p", "2031-06", "-v", "400", "--unit", "万元"]
    result = invoke(runner, *args, "--quote", "零售400余万元", "-d", str(other_region_copy))
    assert result.exit_code == 1
    assert f"{other_region_copy}: error[G214]: --qualifier: the quote says '余'" in result.stderr
    assert "give --qualifier more_than (in the figure you gave; nothing written)" in result.stderr
    assert "observations[" not in result.stderr, result.stderr
    assert f"{other_region_copy}: error" in result.stderr  # no line: it is not on disk
