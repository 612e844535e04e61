"""`ganxian record`: a new stock indicator (--stock), a note in English (--note-en) and a
target of kind list (--target-kind list); each misuse one line, status 2."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import invoke

INIT = ("--region", "江北县", "--title", "江北县1-6月经济运行", "--published", "2031-07")
NEW = ("--name", "在建项目", "--name-en", "Projects under construction", "--theme", "investment")


def _file(runner: CliRunner, tmp_path: Path) -> Path:
    path = tmp_path / "data.toml"
    made = invoke(runner, "init", str(path), *INIT)
    assert made.exit_code == 0, made.stderr
    return path


def _record(runner: CliRunner, path: Path, *args: str) -> tuple[int, str, str]:
    result = invoke(runner, "record", *args, "-d", str(path))
    return result.exit_code, result.stdout, result.stderr


def test_stock_and_note_en_go_onto_a_new_indicator(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    code, _, err = _record(
        runner, path, "projects_building", "-p", "2031-06", "-v", "52", "--unit", "个", *NEW,
        "--stock", "--note", "截至6月底", "--note-en", "At the end of June",
    )  # fmt: skip
    assert code == 0, err
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    indicator = data["indicators"]["projects_building"]
    assert indicator["stock"] is True
    assert indicator["observations"][0]["note_en"] == "At the end of June"
    shown = invoke(runner, "history", "projects_building", "-d", str(path))
    assert "截至2031年6月" in shown.stdout


def test_without_stock_a_new_indicator_is_a_flow(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    code, _, err = _record(
        runner, path, "projects_signed", "-p", "2031-06", "-v", "13", "--unit", "个", *NEW
    )
    assert code == 0, err
    assert "stock" not in path.read_text(encoding="utf-8")


def test_stock_on_an_indicator_that_is_a_flow_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    _record(runner, path, "projects_signed", "-p", "2031-05", "-v", "9", "--unit", "个", *NEW)
    before = path.read_bytes()
    code, _, err = _record(runner, path, "projects_signed", "-p", "2031-06", "-v", "13", "--stock")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "--stock is only for new indicators" in err
    assert path.read_bytes() == before


def test_a_list_target_is_written_with_its_kind(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    code, _, err = _record(
        runner, path, "key_projects", "-p", "2031", "-v", "23", "--unit", "个", "--name",
        "重点调度项目", "--name-en", "Key projects", "--theme", "investment", "--status", "target",
        "--tracks", "key_projects", "--target-kind", "list",
    )  # fmt: skip
    assert code == 0, err
    assert "a target of kind list" in err
    targets = tomllib.loads(path.read_text(encoding="utf-8"))["targets"]
    assert targets == [
        {"target": "key_projects@2031#target", "actual": "key_projects", "kind": "list"}
    ]


def test_target_kind_without_tracks_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    code, _, err = _record(
        runner, path, "key_projects", "-p", "2031", "-v", "23", "--unit", "个", "--name",
        "重点调度项目", "--name-en", "Key projects", "--theme", "investment", "--status", "target",
        "--target-kind", "list",
    )  # fmt: skip
    assert code == 2
    assert err.strip().splitlines() == [
        f"ganxian: error: {path}: --target-kind: is a target's kind: use it with --tracks"
    ]


def test_an_unknown_target_kind_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    code, _, err = _record(runner, path, "x", "-p", "2031", "-v", "1", "--target-kind", "lst")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "--target-kind" in err


def test_a_lists_actual_size_takes_a_list_target(runner: CliRunner, tmp_path: Path) -> None:
    path = _file(runner, tmp_path)
    new = ("--unit", "个", "--theme", "investment")
    code, _, err = _record(
        runner, path, "started", "-p", "2031-06", "-v", "23", *new, "--name", "已开工项目",
        "--name-en", "Projects started",
    )  # fmt: skip
    assert code == 0, err
    code, _, err = _record(
        runner, path, "key_projects", "-p", "2031", "-v", "23", *new, "--name", "重点调度项目",
        "--name-en", "Key projects", "--tracks", "started", "--target-kind", "list",
    )  # fmt: skip
    assert code == 0, err
    targets = tomllib.loads(path.read_text(encoding="utf-8"))["targets"]
    assert targets == [{"target": "key_projects@2031#actual", "actual": "started", "kind": "list"}]


def test_tracks_on_an_actual_of_an_annual_target_is_refused(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = _file(runner, tmp_path)
    code, _, err = _record(
        runner, path, "key_projects", "-p", "2031", "-v", "23", "--unit", "个", "--name",
        "重点调度项目", "--name-en", "Key projects", "--theme", "investment", "--tracks", "x",
    )  # fmt: skip
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "with --status target (or, on the actual count of a list's items" in err
