"""What a short command imports: not the package-metadata machinery pydantic's plugin loader
pulls in, since a command-line run disables every plugin anyway."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
sys.argv = ["ganxian", *sys.argv[1:]]
from ganxian_cli.cli.entry import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nloaded: " + " ".join(m for m in {names!r} if m in sys.modules) + "\\n")
"""

NAMES = ("importlib.metadata", "email", "zipfile")


def loaded(*args: str, env: dict[str, str] | None = None) -> set[str]:
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(names=NAMES), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**environment, **(env or {})},
        timeout=120,
    )
    assert "ganxian: internal error" not in done.stderr, done.stderr
    line = done.stderr.rsplit("loaded: ", 1)[1]
    return set(line.split())


def test_report_json_imports_no_package_metadata() -> None:
    assert loaded("report", "--format", "json") == set()


def test_validate_imports_no_package_metadata() -> None:
    assert loaded("validate") == set()


def test_some_plugins_disabled_keeps_the_real_loader() -> None:
    """Only some plugins disabled: the others are looked for, as pydantic does."""
    assert "importlib.metadata" in loaded(
        "report", "--format", "json", env={"PYDANTIC_DISABLE_PLUGINS": "some_plugin"}
    )
