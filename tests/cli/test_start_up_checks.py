"""A command that runs only the essential checks does not import the quote and period readers
that `validate` adds (their word lists and patterns cost a tenth of a short run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

READERS = (
    "ganxian_cli.model.period_words",
    "ganxian_cli.model.change_words",
    "ganxian_cli.model.wording",
    "ganxian_cli.analysis.checks.quotes",
    "ganxian_cli.analysis.checks.arithmetic",
)

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


def loaded(*args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(names=READERS), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert "ganxian: internal error" not in done.stderr, done.stderr
    return set(done.stderr.rsplit("loaded: ", 1)[1].split())


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--format", "json"),
        ("compare", "--format", "json"),
        ("progress", "--format", "json"),
    ],
)
def test_essential_checks_only_import_no_quote_readers(args: tuple[str, ...]) -> None:
    assert loaded(*args, "--data", "data/indicators.toml") == set()


def test_validate_imports_every_check() -> None:
    assert loaded("validate", "data/indicators.toml") == set(READERS)
