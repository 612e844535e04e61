"""Shell completion offers indicator ids, themes and periods."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import DATA, ROOT


def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ganxian_cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def _complete(words: str) -> list[str]:
    env = {
        "_GANXIAN_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "GANXIAN_DATA": str(DATA),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv[0] = 'ganxian'; "
         "from ganxian_cli.cli.entry import main; main()"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )  # fmt: skip
    return result.stdout.split()


def test_shell_completion_offers_ids_themes_and_periods() -> None:
    assert "industrial_revenue" in _complete("ganxian history industrial_r")
    assert "relief" in _complete("ganxian report --theme re")
    assert "2022-01..2022-05" in _complete("ganxian report --period 2022-0")
    # the shell named, not detected: detection walks the parent processes, which need not
    # include a shell (a test run started by a scheduler or a background job)
    script = _run(
        "--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    )
    assert script.returncode == 0 and "_GANXIAN_COMPLETE" in script.stdout
