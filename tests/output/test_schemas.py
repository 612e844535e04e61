"""JSON of several files meets its published schema, in both languages."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke


@pytest.mark.parametrize("kind", ["compare", "progress", "report"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_of_several_files_meets_its_schema(runner: CliRunner, kind: str, lang: str) -> None:
    schema = json.loads(invoke(runner, "schema", kind).stdout)
    data = ["--data", str(DATA), "--data", str(TESTS / "data" / "december_city.toml")]
    result = invoke(runner, kind, *data, "-f", "json", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    jsonschema.validate(json.loads(result.stdout), schema)
