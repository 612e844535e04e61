"""`ganxian import` carries a new indicator's `stock`, a figure's `note_en` and a target's
`target_kind` from a TOML or JSON draft into the file; --dry-run shows them; a wrong one is
reported at the draft's line."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

BASE = """schema_version = 1

[source]
region = "青溪县"
region_en = "Qingxi County"
title = "青溪县项目建设"
published = "2031-07"

[themes.investment]
name = "项目投资"
name_en = "Investment"

[indicators.projects_signed]
name = "签约项目"
name_en = "Projects signed"
theme = "investment"
unit = "个"

[[indicators.projects_signed.observations]]
period = "2031-05"
value = 9
"""

HEAD = 'schema_version = 1\nkind = "extract-draft"\n'

STOCK = """
[[figures]]
indicator = "projects_building"
new_indicator = true
theme = "investment"
name = "在建项目"
name_en = "Projects under construction"
stock = true
value = 52
unit = "个"
period = "2031-06"
quote = "截至目前,全县在建项目52个"
note = "截至6月底"
note_en = "At the end of June"
"""

LIST = """
[[figures]]
indicator = "key_projects"
new_indicator = true
theme = "investment"
name = "重点调度项目"
name_en = "Key projects"
value = 23
unit = "个"
period = "2031"
status = "target"
tracks = "key_projects"
target_kind = "list"
quote = "全县23个重点调度项目年内全部开工"
"""


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "indicators.toml"
    path.write_text(BASE, encoding="utf-8")
    return path


def _import(runner: CliRunner, data: Path, text: str, *args: str) -> tuple[int, str, str]:
    draft = data.parent / ("draft.json" if text.startswith("{") else "draft.toml")
    draft.write_text(text, encoding="utf-8")
    result = invoke(runner, "import", str(draft), "--data", str(data), *args)
    return result.exit_code, result.stdout, result.stderr


def test_stock_and_note_en_reach_the_file(runner: CliRunner, data_file: Path) -> None:
    code, _, err = _import(runner, data_file, HEAD + STOCK)
    assert code == 0, err
    data = tomllib.loads(data_file.read_text(encoding="utf-8"))
    indicator = data["indicators"]["projects_building"]
    assert indicator["stock"] is True
    assert indicator["observations"][0]["note_en"] == "At the end of June"
    assert "stock" not in data["indicators"]["projects_signed"]


def test_dry_run_shows_stock_note_en_and_kind(runner: CliRunner, data_file: Path) -> None:
    before = data_file.read_bytes()
    code, out, err = _import(runner, data_file, HEAD + STOCK + LIST, "--dry-run")
    assert code == 0, err
    assert "+stock = true" in out
    assert '+note_en = "At the end of June"' in out
    assert '+kind = "list"' in out
    assert "a stock (levels at each period's end)" in out
    assert data_file.read_bytes() == before


def test_a_list_target_is_made_with_its_kind(runner: CliRunner, data_file: Path) -> None:
    code, _, err = _import(runner, data_file, HEAD + LIST)
    assert code == 0, err
    targets = tomllib.loads(data_file.read_text(encoding="utf-8"))["targets"]
    assert targets == [
        {"target": "key_projects@2031#target", "actual": "key_projects", "kind": "list"}
    ]


def test_kind_without_tracks_names_what_is_missing(runner: CliRunner, data_file: Path) -> None:
    code, out, err = _import(
        runner, data_file, HEAD + LIST.replace('tracks = "key_projects"\n', ""), "-n"
    )
    assert code == 0, err
    assert "warning: target_kind list not recorded: no target yet (give tracks" in out
    assert "+[[targets]]" not in out


def test_kind_without_tracks_sets_the_files_target(runner: CliRunner, data_file: Path) -> None:
    assert _import(runner, data_file, HEAD + LIST.replace('target_kind = "list"\n', ""))[0] == 0
    later = LIST.replace('tracks = "key_projects"\n', "")
    code, _, err = _import(runner, data_file, HEAD + later)
    assert code == 0, err
    targets = tomllib.loads(data_file.read_text(encoding="utf-8"))["targets"]
    assert [t.get("kind") for t in targets] == ["list"]


def test_a_json_draft_carries_them(runner: CliRunner, data_file: Path) -> None:
    figures = tomllib.loads(HEAD + STOCK + LIST)["figures"]
    document = {"schema_version": 2, "kind": "extract", "figures": figures}
    code, _, err = _import(runner, data_file, json.dumps(document, ensure_ascii=False))
    assert code == 0, err
    data = tomllib.loads(data_file.read_text(encoding="utf-8"))
    assert data["indicators"]["projects_building"]["stock"] is True
    assert data["targets"][0]["kind"] == "list"


@pytest.mark.parametrize(
    ("old", "new", "line", "said"),
    [
        (
            "stock = true",
            'stock = "yes"',
            10,
            "figure #1, stock: expected true or false (without quotes)",
        ),
        ("stock = true", "stock = true", None, None),
        ('target_kind = "list"', 'target_kind = "lst"', 29, "expected one of annual, list"),
        ('status = "target"', 'status = "forecast"', 28, "use it on a figure of status"),
    ],
)
def test_wrong_values_at_the_draft_line(
    runner: CliRunner,
    data_file: Path,
    old: str,
    new: str,
    line: int | None,
    said: str | None,
) -> None:
    text = HEAD + STOCK + LIST
    if old == 'status = "target"':
        text = text.replace('tracks = "key_projects"\n', "")
    code, _, err = _import(runner, data_file, text.replace(old, new), "-n")
    if line is None:
        assert code == 0, err
        return
    assert code == 1
    assert f"draft.toml:{line}:" in err and said in err


def test_stock_on_a_flow_of_the_file_is_refused_at_its_line(
    runner: CliRunner, data_file: Path
) -> None:
    figure = '[[figures]]\nindicator = "projects_signed"\nstock = true\nvalue = 13\n'
    figure += 'unit = "个"\nperiod = "2031-06"\n'
    code, _, err = _import(runner, data_file, HEAD + figure)
    assert code == 1
    assert "draft.toml:5:" in err and "stock is only for new indicators" in err


def test_kind_reaches_the_target_of_a_figure_already_present(
    runner: CliRunner, data_file: Path
) -> None:
    assert _import(runner, data_file, HEAD + LIST.replace('target_kind = "list"\n', ""))[0] == 0
    code, _, err = _import(runner, data_file, HEAD + LIST)  # the same figure: skipped
    assert code == 0, err
    assert "1 already present (skipped)" in err
    targets = tomllib.loads(data_file.read_text(encoding="utf-8"))["targets"]
    assert [t.get("kind") for t in targets] == ["list"]
