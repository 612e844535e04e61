"""Write commands never touch the copy of the data shipped inside the package."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.datafile import paths
from tests.conftest import invoke


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
