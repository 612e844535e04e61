"""Installing and hooking in: the quick start is two commands, the pre-commit hooks take any TOML
file."""

from __future__ import annotations

import subprocess

from tests.conftest import ROOT


def test_quick_start_is_two_commands_without_python_or_system_pip() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- quick-start")[1].split("```sh\n")[1].split("```")[0]
    commands = block.strip().splitlines()
    assert len(commands) == 2
    for command in commands:
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install ")
        assert "python -m pip" not in command and " pip install" not in command.split("&&")[0]
    extract = subprocess.run(
        ["bash", "-c", "sed -n '/^<!-- quick-start/,/^```$/p' README.md | grep -E "
         "'^python3 -m venv \\.venv && \\.venv/bin/pip install -e' | head -1"],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert extract.stdout.strip() == commands[1]  # what .ci/run runs word for word
    assert 'grep -E "^python3 -m venv \\.venv && \\.venv/bin/pip install -e"' in (
        ROOT / ".ci" / "run"
    ).read_text(encoding="utf-8")


def test_pre_commit_hooks_take_any_toml_file() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert hooks.count("types: [toml]") == 2 and "indicators[" not in hooks
