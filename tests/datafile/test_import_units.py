"""`import` adds the [units] a draft declares (a JSON draft's `units`) to a data file lacking
them; the same declaration already there is fine, another one is refused at the draft's line."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke

ARTICLE = "1至5月,全区新建道路12公里,平均审批时间缩短到3天。"


def _file(runner: CliRunner, tmp_path: Path, units: str = "") -> Path:
    data = tmp_path / "data.toml"
    made = invoke(
        runner, "init", str(data), "--region", "某地", "--title", "t", "--published", "2031-06"
    )
    assert made.exit_code == 0, made.stderr
    if units:
        data.write_text(data.read_text(encoding="utf-8") + units, encoding="utf-8")
    return data


def _extract(runner: CliRunner, tmp_path: Path, data: Path, fmt: str) -> Path:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    done = invoke(runner, "extract", str(article), "--data", str(data), "--format", fmt)
    assert done.exit_code == 0, done.stderr
    draft = tmp_path / f"draft.{fmt}"
    draft.write_text(done.stdout, encoding="utf-8")
    return draft


def test_a_toml_drafts_units_are_added_and_the_file_validates(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _file(runner, tmp_path)
    draft = _extract(runner, tmp_path, data, "toml")
    assert {"公里", "天"} <= set(tomllib.loads(draft.read_text(encoding="utf-8"))["units"])
    done = invoke(runner, "import", str(draft), "--data", str(data))
    assert done.exit_code == 0, done.stderr
    units = tomllib.loads(data.read_text(encoding="utf-8"))["units"]
    assert {"公里", "天"} <= set(units)
    checked = invoke(runner, "validate", "--strict", str(data))
    assert checked.exit_code == 0, checked.stdout + checked.stderr


def test_a_json_drafts_units_are_added(runner: CliRunner, tmp_path: Path) -> None:
    data = _file(runner, tmp_path)
    draft = _extract(runner, tmp_path, data, "json")
    assert "天" in json.loads(draft.read_text(encoding="utf-8"))["units"]
    done = invoke(runner, "import", str(draft), "--data", str(data))
    assert done.exit_code == 0, done.stderr
    assert "天" in tomllib.loads(data.read_text(encoding="utf-8"))["units"]


DRAFT = """[units."天"]
family = "duration"
factor = 1
kind = "amount"

[[figures]]
indicator = "approval_days"
new_indicator = true
name = "审批时间"
name_en = "Approval time"
theme = "economy"
value = 3
unit = "天"
period = "2031-05"
"""


def test_the_same_declaration_already_there_is_fine(runner: CliRunner, tmp_path: Path) -> None:
    data = _file(runner, tmp_path, '\n[units."天"]\nfamily = "duration"\nfactor = 1.0\n')
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    done = invoke(runner, "import", str(draft), "--data", str(data))
    assert done.exit_code == 0, done.stderr
    assert "1 added" in done.stderr


def test_another_declaration_is_refused_at_the_drafts_line(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = _file(runner, tmp_path, '\n[units."天"]\nfamily = "duration"\nfactor = 24\n')
    before = data.read_text(encoding="utf-8")
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    done = invoke(runner, "import", str(draft), "--data", str(data))
    assert done.exit_code == 1
    assert f"{draft}:1:" in done.stderr and "unit 天 is declared otherwise" in done.stderr
    assert "Traceback" not in done.stderr
    assert data.read_text(encoding="utf-8") == before  # nothing written


def test_a_built_in_unit_in_a_drafts_units_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    data = _file(runner, tmp_path)
    draft = tmp_path / "draft.toml"
    draft.write_text(
        '[units."亿元"]\nfamily = "money"\nfactor = 1\n\n[[figures]]\nindicator = "x"\n'
        'value = 1\nunit = "亿元"\nperiod = "2031-05"\n',
        encoding="utf-8",
    )
    done = invoke(runner, "import", str(draft), "--data", str(data))
    assert done.exit_code == 1 and f"{draft}:1:" in done.stderr
    assert "unit 亿元 is built in and cannot be redefined" in done.stderr
