"""The draft and the JSON of extract carry the [units] declarations of figures whose unit the
catalogue lacks, ready to copy into the data file; without such figures neither changes."""

from __future__ import annotations

import tomllib

from ganxian_cli.analysis.extract import extract
from ganxian_cli.model.models import UnitDeclaration
from ganxian_cli.output.extract import document, draft


def test_the_declarations_are_valid_units_tables() -> None:
    result = extract("全年用水总量9.82亿立方米,能源消费量412.6万吨标准煤。", None, "2018-03")
    units = tomllib.loads(draft(result, "a.txt"))["units"]
    assert set(units) == {"亿立方米", "万吨标准煤"}
    for table in units.values():
        UnitDeclaration.model_validate(table)  # as a data file's [units] entry
    assert document(result, "a.txt")["units"] == units


def test_catalogue_units_declare_nothing() -> None:
    result = extract("全年地区生产总值236.8亿元,增长6.1%。", None, "2035-01")
    assert "units" not in tomllib.loads(draft(result, "a.txt"))
    assert "units" not in document(result, "a.txt")
