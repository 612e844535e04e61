"""`ganxian init`, `record` growing a file article by article, and write commands that never
touch the copy shipped inside the package."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ganxian_cli.datafile import paths

from .conftest import invoke

INIT = ("--region", "江北县", "--region-en", "Jiangbei County", "--title", "江北县1-6月经济运行")


def test_init_record_validate_round_trip(runner: CliRunner, tmp_path: Path) -> None:
    path = str(tmp_path / "jiangbei.toml")
    assert invoke(runner, "init", path, *INIT, "--published", "2031-07").exit_code == 0
    assert invoke(runner, "validate", path).exit_code == 0
    assert invoke(runner, "fmt", "--check", path).exit_code == 0
    first = invoke(
        runner, "record", "output", "--data", path, "--period", "2031-H1", "--value", "88.5",
        "--name", "规模以上工业总产值", "--name-en", "Gross industrial output",
        "--theme", "industry", "--unit", "亿元", "--quote", "上半年规模以上工业总产值88.5亿元",
    )  # fmt: skip
    assert first.exit_code == 0, first.stderr
    # a later article's figure for the same months needs no --replace
    later = invoke(
        runner, "record", "output", "--data", path, "--period", "2031-H1", "--value", "88.7",
        "--source", "aug", "--source-title", "江北县1-7月经济运行", "--source-published", "2031-08",
        "--quote", "上半年规模以上工业总产值修订为88.7亿元",
    )  # fmt: skip
    assert later.exit_code == 0, later.stderr
    assert "new source aug" in later.stderr
    text = Path(path).read_text(encoding="utf-8")
    assert text.count('source = "main"') == 1 and text.count('source = "aug"') == 1
    assert invoke(runner, "validate", path).exit_code == 0
    again = invoke(
        runner, "record", "output", "--data", path, "--period", "2031-H1", "--value", "88.8",
        "--source", "aug",
    )  # fmt: skip
    assert again.exit_code == 1 and "--replace" in again.stderr


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


def test_init_never_overwrites(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "exists.toml"
    path.write_text("keep me", encoding="utf-8")
    result = invoke(runner, "init", str(path), *INIT, "--published", "2031-07")
    assert result.exit_code == 2 and "never overwrites" in result.stderr
    assert path.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("published", ["2031-13", "July 2031", "2031"])
def test_init_wants_a_month(runner: CliRunner, tmp_path: Path, published: str) -> None:
    result = invoke(runner, "init", str(tmp_path / "x.toml"), *INIT, "--published", published)
    assert result.exit_code == 2 and "YYYY-MM" in result.stderr
    assert not (tmp_path / "x.toml").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("record", "x", "--period", "2031", "--value", "1"),
        ("fmt",),
        ("fmt", "--check"),
        ("import", "draft.toml"),
    ],
)
def test_write_commands_refuse_the_packaged_copy(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./data/indicators.toml, no $GANXIAN_DATA
    before = paths.packaged_copy().read_bytes()
    result = invoke(runner, *args)
    assert result.exit_code == 2
    assert "--data FILE" in result.stderr and "never written" in result.stderr
    assert paths.packaged_copy().read_bytes() == before


def test_an_installed_copy_named_explicitly_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "ganxian_cli"
    (package / "data").mkdir(parents=True)
    shipped = package / "data" / "indicators.toml"
    shipped.write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "_PACKAGE", package)
    from ganxian_cli.errors import UsageError

    with pytest.raises(UsageError, match="inside the installed package"):
        paths.resolve_write_path(str(shipped))
    assert paths.resolve_write_path(str(tmp_path / "mine.toml")) == str(tmp_path / "mine.toml")


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


class _Failing:
    """An open file whose writes fail as *error* does (a full disk, a Ctrl-C mid-write)."""

    def __init__(self, handle: Any, error: BaseException) -> None:
        self.handle = handle
        self.error = error

    def write(self, _data: object) -> int:
        self.handle.write(b"schema_version = 1\n" if "b" in self.handle.mode else "x = 1\n")
        self.handle.flush()  # part of the text reaches the disk, then the write fails
        raise self.error

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)

    def __enter__(self) -> _Failing:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.handle.close()


@pytest.mark.parametrize(
    ("error", "status"),
    [(OSError(errno.ENOSPC, "No space left on device"), 2), (KeyboardInterrupt(), 130)],
)
def test_init_that_fails_mid_write_leaves_no_file(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: BaseException,
    status: int,
) -> None:
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _Failing(real(fd, *a, **k), error))
    path = tmp_path / "new.toml"
    result = invoke(runner, "init", str(path), *INIT, "--published", "2031-07")
    assert result.exit_code == status
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    if status == 2:
        assert result.stderr.splitlines() == [
            f"ganxian: error: {path}: not written: No space left on device"
        ]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # neither the file nor a temporary
    monkeypatch.setattr(os, "fdopen", real)
    again = invoke(runner, "init", str(path), *INIT, "--published", "2031-07")
    assert again.exit_code == 0, again.stderr  # nothing in the way of a second try


def test_init_never_overwrites_even_a_file_made_while_it_writes(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new.toml"
    real = os.fsync

    def racing(fd: int) -> None:
        real(fd)
        if not path.exists():
            path.write_text("mine\n", encoding="utf-8")  # another program creates it meanwhile

    monkeypatch.setattr(os, "fsync", racing)
    result = invoke(runner, "init", str(path), *INIT, "--published", "2031-07")
    assert result.exit_code == 2 and "exists already" in result.stderr
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.toml"]


def test_init_after_a_killed_init_removes_its_temporary_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A SIGKILL mid-write leaves only `.NAME.PID.RANDOM.tmp`: the file itself never appears
    half written, and the next init clears the temporary one away."""
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f".new.toml.{dead.stdout.strip()}.0badf00d.tmp"
    stale.write_text("schema_version = 1\n", encoding="utf-8")
    path = tmp_path / "new.toml"
    result = invoke(runner, "init", str(path), *INIT, "--published", "2031-07")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.toml"]
