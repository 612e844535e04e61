"""`import --dry-run` says where each figure goes and why, numbered as `extract` numbers its
rows, and warns where the subject does not fit."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import ROOT, invoke

DRAFT = """schema_version = 1
kind = "extract-draft"

[[figures]]
indicator = "tengyuan_revenue"
value = 191.08
unit = "亿元"
period = "2022-H1"
quote = "全区规上工业企业实现营业收入191.08亿元"

[[figures]]
indicator = "melon_area"
value = 130
unit = "亩"
period = "2023"
qualifier = "more_than"
subject = "茅店镇东田村"
quote = "该村种植的130余亩甜瓜进入采摘期"
"""


def _dry_run(runner: CliRunner, tmp_path: Path) -> list[str]:
    data = tmp_path / "indicators.toml"
    data.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke(runner, "import", str(draft), "--data", str(data), "--dry-run")
    assert result.exit_code == 0, result.stderr
    return [line for line in (result.stdout + result.stderr).splitlines() if " -> " in line]


def test_a_regions_figure_on_a_companys_indicator_is_a_warning(
    runner: CliRunner, tmp_path: Path
) -> None:
    first, _ = _dry_run(runner, tmp_path)
    assert ": #1 " in first
    assert first.endswith("warning: no subject (the region's), but its figures are of 赣州腾远钴业")


def test_a_subject_the_quote_does_not_name_is_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    _, second = _dry_run(runner, tmp_path)
    assert ": #2 " in second
    assert second.endswith("as its figures; warning: the quote does not name 茅店镇东田村")


def test_a_figure_the_file_has_another_value_of_says_both_ways(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "indicators.toml"
    data.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\n\n[[figures]]\nindicator = "vat_refund"\n'
        'value = 4.06\nunit = "亿元"\nperiod = "2022-H1"\nquote = "留抵退税4.06亿元"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", str(data), "--dry-run")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{draft}:4: error[G100]: figure #1: vat_refund already has 3.28亿元 for 2022-H1; "
        "a later article's figure: give --source ID (with --source-title and "
        "--source-published for an article the file lacks); a correction: give --replace"
    )
