"""`ganxian init`: a new file that validates and grows by `record`, never over another, never half-
written."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import invoke

INIT = ("--region", "江北县", "--region-en", "Jiangbei County", "--title", "江北县1-6月经济运行")


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
