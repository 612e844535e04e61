"""The published pre-commit hooks and the documented snippets run ganxian and fail on a bad file.

pre-commit runs a hook as its `entry` split like a shell line, followed by the staged files that
match `types`/`files`; this runs the entries the same way, on a good and on a bad data file.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
SNIPPET = ROOT / "docs" / "ci" / "pre-commit-config.yaml"
WORKFLOW = ROOT / "docs" / "ci" / "github-workflow.yml"
GOOD = ROOT / "data" / "indicators.toml"


def hooks_of(text: str) -> list[dict[str, str]]:
    """The hooks of a pre-commit YAML file in the block style these files use (`- id: …`
    starting each hook, `key: value` lines under it); comment lines are left out."""
    hooks: list[dict[str, str]] = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"\s*(-\s+)?([a-z_]+):\s*(.*)$", line)
        if item is None:
            continue
        dash, key, value = item.groups()
        if dash and key == "id":
            hooks.append({})
        if hooks and key not in ("repo", "hooks", "repos"):
            hooks[-1][key] = value
    return hooks


def _command(entry: str) -> list[str]:
    """The hook's entry with `ganxian` run from this checkout's Python."""
    words = shlex.split(entry)
    assert words[0] == "ganxian"
    return [sys.executable, "-m", "ganxian_cli", *words[1:]]


@pytest.fixture
def bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.toml"
    text = GOOD.read_text(encoding="utf-8")
    path.write_text(text.replace('unit = "亿元"', 'unit = "亿圆"', 1), encoding="utf-8")
    return path


def test_published_hooks_run_ganxian_validate_and_fmt_on_toml_files() -> None:
    hooks = {h["id"]: h for h in hooks_of(HOOKS.read_text(encoding="utf-8"))}
    assert hooks["ganxian-validate"]["entry"] == "ganxian validate"
    assert hooks["ganxian-fmt"]["entry"] == "ganxian fmt --check"
    for hook in hooks.values():
        assert hook["language"] == "python"  # pre-commit installs this repository for it
        assert hook["types"] == "[toml]"


@pytest.mark.parametrize("source", [HOOKS, SNIPPET], ids=["published", "local"])
def test_validate_hook_passes_a_good_file_and_fails_a_bad_one(
    source: Path, bad_file: Path, tmp_path: Path
) -> None:
    hook = next(h for h in hooks_of(source.read_text(encoding="utf-8")) if "validate" in h["id"])
    good = tmp_path / "good.toml"
    shutil.copy(GOOD, good)
    passed = subprocess.run([*_command(hook["entry"]), str(good)], capture_output=True, cwd=ROOT)
    assert passed.returncode == 0, passed.stderr.decode()
    failed = subprocess.run(
        [*_command(hook["entry"]), str(good), str(bad_file)], capture_output=True, cwd=ROOT
    )
    assert failed.returncode == 1
    assert "bad.toml" in failed.stdout.decode() + failed.stderr.decode()


def test_local_snippet_hooks_match_the_published_ones() -> None:
    published = {h["id"]: h["entry"] for h in hooks_of(HOOKS.read_text(encoding="utf-8"))}
    local = hooks_of(SNIPPET.read_text(encoding="utf-8"))
    assert {h["id"]: h["entry"] for h in local} == published
    assert all(h["language"] == "system" for h in local)


def test_no_snippet_pins_a_release_tag_that_does_not_exist() -> None:
    tags = subprocess.run(["git", "tag"], capture_output=True, text=True, cwd=ROOT).stdout.split()
    for path in (SNIPPET, WORKFLOW):
        for tag in re.findall(r"@?\bv\d+\.\d+\.\d+\b", path.read_text(encoding="utf-8")):
            assert tag.lstrip("@") in tags, f"{path.name} pins {tag}, which is no tag"


def test_workflow_commands_are_ganxian_commands_that_exist() -> None:
    runs = re.findall(r"- run: (ganxian .*)", WORKFLOW.read_text(encoding="utf-8"))
    assert any("--fail-on behind" in run for run in runs)
    for run in runs:
        words = shlex.split(run.split(">")[0])
        help_run = subprocess.run(
            [sys.executable, "-m", "ganxian_cli", words[1], "--help"], capture_output=True
        )
        assert help_run.returncode == 0, run
        options = [w.split("=")[0] for w in words if w.startswith("--")]
        for option in options:
            assert option in help_run.stdout.decode(), (run, option)
