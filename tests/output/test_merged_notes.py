"""Tables over several files keep every file's notes: a † in a row always has its footnote."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

FILES = [DATA, TESTS / "data" / "notes_everywhere.toml", TESTS / "data" / "stock_targets.toml"]


def _notes(runner: CliRunner, command: str, *files: object) -> list[str]:
    args = [a for f in files for a in ("--data", str(f))]
    result = invoke(runner, command, *args)
    assert result.exit_code in (0, 1), result.stderr
    return [line for line in result.stdout.splitlines() if line.startswith(("†", "注"))]


@pytest.mark.parametrize("command", ["progress", "compare"])
def test_every_files_footnotes_under_the_merged_table(runner: CliRunner, command: str) -> None:
    together = _notes(runner, command, *FILES)
    for path in FILES:
        alone = _notes(runner, command, path)
        missing = [line for line in alone if line not in together]
        assert not missing, (path.name, missing)
    if command == "progress":  # one table: each note once (compare repeats one per table)
        assert len(together) == len(set(together))
