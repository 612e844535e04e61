"""Files of an earlier schema version still validate, unchanged."""

from __future__ import annotations

from typer.testing import CliRunner

from tests.conftest import TESTS, invoke

FIXTURES = TESTS / "data"


def test_version_one_files_still_validate_unchanged(runner: CliRunner) -> None:
    for path in [TESTS.parent / "data" / "indicators.toml", *FIXTURES.glob("*_region.toml")]:
        result = invoke(runner, "validate", str(path))
        assert result.exit_code == 0, result.stdout
