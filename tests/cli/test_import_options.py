"""`import` of drafts in either format `extract` writes, adding the article's source; `record
--source-text`; `import --dry-run` says where each figure goes and why."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

FILE = """schema_version = 1

[source]
region = "江北区"
region_en = "Jiangbei"
title = "一季度"
published = "2031-04"

[themes.industry]
name = "工业运行"
name_en = "Industrial performance"

[themes.investment]
name = "项目与投资"
name_en = "Projects and investment"

[indicators.company_revenue]
name = "营业收入"
name_en = "Operating revenue"
theme = "industry"
unit = "亿元"

[[indicators.company_revenue.observations]]
period = "2031-01..2031-03"
value = 10.5
subject = "星河科技有限公司"
quote = "星河科技有限公司实现营业收入10.5亿元"
"""
ARTICLE = (
    "1至5月,全区实现营业收入120亿元,同比增长5.1%。星河科技有限公司实现营业收入12亿元。"
    "全区共有项目30个,其中签约项目12个,星辰园区落地项目3个。\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "data.toml").write_text(FILE, encoding="utf-8")
    (tmp_path / "h1.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


def _extract(runner: CliRunner, folder: Path, form: str) -> Path:
    result = invoke(
        runner, "extract", str(folder / "h1.txt"), "--data", str(folder / "data.toml"),
        "--published", "2031-06", "--format", form,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    draft = folder / f"draft.{form}"
    draft.write_text(result.stdout, encoding="utf-8")
    return draft


def _import(runner: CliRunner, folder: Path, draft: Path, *more: str):  # type: ignore[no-untyped-def]
    return invoke(
        runner, "import", str(draft), "--data", str(folder / "data.toml"), "--source", "h1",
        "--source-title", "上半年", "--source-published", "2031-07",
        "--source-text", str(folder / "h1.txt"), *more,
    )  # fmt: skip


@pytest.mark.parametrize("form", ["toml", "json"])
def test_a_draft_of_either_format_imports_with_its_new_source(
    runner: CliRunner, folder: Path, form: str
) -> None:
    draft = _extract(runner, folder, form)
    result = _import(runner, folder, draft)
    assert result.exit_code == 0, result.stderr
    data = tomllib.loads((folder / "data.toml").read_text(encoding="utf-8"))
    assert data["sources"]["h1"] == {"title": "上半年", "published": "2031-07", "text": "h1.txt"}
    indicators = data["indicators"]
    assert indicators["signed_projects"]["name_en"] == "Projects signed"
    assert indicators["signed_projects"]["name_en_status"] == "composed"
    assert indicators["signed_projects"]["theme"] == "investment"
    company = indicators["company_revenue"]["observations"]
    assert [f["value"] for f in company] == [10.5, 12]
    assert all(f["subject"] == "星河科技有限公司" for f in company)
    district = [i for i, v in indicators.items() if v["name"] == "营业收入"]
    district.remove("company_revenue")
    assert district and "subject" not in indicators[district[0]]["observations"][0]
    untranslated = [v for v in indicators.values() if v.get("name_en_status") == "untranslated"]
    assert untranslated and all(v["name_en"] for v in untranslated)
    checked = invoke(runner, "validate", "--strict", str(folder / "data.toml"))
    assert checked.exit_code == 0, checked.stdout  # quotes checked against h1.txt, no warning


def test_dry_run_lists_each_figures_match_and_why(runner: CliRunner, folder: Path) -> None:
    before = (folder / "data.toml").read_bytes()
    result = _import(runner, folder, _extract(runner, folder, "toml"), "--dry-run")
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if " -> " in line]
    assert len(lines) == 5
    assert any("-> company_revenue: by name 营业收入, unit 亿元, subject 星河科技有限公司" in x
               for x in lines)  # fmt: skip
    assert any("-> new indicator signed_projects: 'Projects signed' (composed), theme "
               "investment" in x for x in lines)  # fmt: skip
    assert any("[untranslated]" in x for x in lines)
    assert (folder / "data.toml").read_bytes() == before


def test_the_draft_format_of_before_still_imports(runner: CliRunner, folder: Path) -> None:
    draft = folder / "old.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\narticle = "a.txt"\npublished = "2031-06"\n\n'
        '[[figures]]\nindicator = "new_01"\nnew_indicator = true\ntheme = "industry"\n'
        'name = "工业产值"\nname_en = "Industrial output"\nvalue = 5\nunit = "亿元"\n'
        'period = "2031-05"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", str(folder / "data.toml"))
    assert result.exit_code == 0, result.stderr
    text = (folder / "data.toml").read_text(encoding="utf-8")
    assert "[indicators.new_01]" in text and "name_en_status" not in text


def test_a_json_document_of_another_kind_is_refused(runner: CliRunner, folder: Path) -> None:
    draft = folder / "other.json"
    draft.write_text(json.dumps({"schema_version": 1, "kind": "report", "figures": []}), "utf-8")
    result = invoke(runner, "import", str(draft), "--data", str(folder / "data.toml"))
    assert result.exit_code == 1 and "kind 'report'" in result.stderr


def test_a_bad_name_en_status_is_refused_at_its_line(runner: CliRunner, folder: Path) -> None:
    draft = folder / "bad.toml"
    draft.write_text(
        '[[figures]]\nindicator = "output"\ntheme = "industry"\nname = "工业产值"\n'
        'name_en = "Industrial output"\nname_en_status = "guessed"\nvalue = 5\nunit = "亿元"\n'
        'period = "2031-05"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", str(folder / "data.toml"))
    assert result.exit_code == 1 and "bad.toml:6:" in result.stderr, result.stderr


def test_record_adds_a_source_with_its_text(runner: CliRunner, folder: Path) -> None:
    result = invoke(
        runner, "record", "company_revenue", "--period", "2031-01..2031-05", "--value", "12",
        "--subject", "星河科技有限公司", "--quote", "星河科技有限公司实现营业收入12亿元",
        "--source", "h1", "--source-title", "上半年", "--source-published", "2031-07",
        "--source-text", str(folder / "h1.txt"), "--data", str(folder / "data.toml"),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    data = tomllib.loads((folder / "data.toml").read_text(encoding="utf-8"))
    assert data["sources"]["h1"]["text"] == "h1.txt"


def test_a_source_text_outside_the_folder_is_refused(
    runner: CliRunner, folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "a.txt"
    elsewhere.write_text(ARTICLE, encoding="utf-8")
    draft = _extract(runner, folder, "toml")
    result = invoke(
        runner, "import", str(draft), "--data", str(folder / "data.toml"), "--source", "h1",
        "--source-title", "上半年", "--source-published", "2031-07", "--source-text",
        str(elsewhere),
    )  # fmt: skip
    assert result.exit_code == 2 and "inside the data file's folder" in result.stderr
    missing = invoke(
        runner, "import", str(draft), "--data", str(folder / "data.toml"), "--source", "h1",
        "--source-title", "上半年", "--source-published", "2031-07", "--source-text",
        str(folder / "none.txt"),
    )  # fmt: skip
    assert missing.exit_code == 2 and "no file" in missing.stderr
