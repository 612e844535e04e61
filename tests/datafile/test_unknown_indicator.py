"""`record` says which indicator it does not know as a typed error, not only in its message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ganxian_cli.analysis.datasets import write_checks
from ganxian_cli.datafile.record import NewFigure
from ganxian_cli.datafile.store import record_figure
from ganxian_cli.errors import UnknownIndicator, UsageError

DATA = Path(__file__).resolve().parents[2] / "data" / "indicators.toml"


def test_an_unknown_indicator_is_named_by_the_error(tmp_path: Path) -> None:
    data = tmp_path / "d.toml"
    shutil.copy(DATA, data)
    new = NewFigure(indicator="industrial_revenu", period="2022-06", value="1")
    with pytest.raises(UnknownIndicator) as caught:
        record_figure(str(data), new, False, True, write_checks())
    assert caught.value.indicator == "industrial_revenu"
    assert "no indicator 'industrial_revenu'" in str(caught.value)


def test_other_refusals_are_plain_usage_errors(tmp_path: Path) -> None:
    data = tmp_path / "d.toml"
    shutil.copy(DATA, data)
    new = NewFigure(indicator="industrial_revenue", period="2022-06", value="1e5")
    with pytest.raises(UsageError) as caught:
        record_figure(str(data), new, False, True, write_checks())
    assert not isinstance(caught.value, UnknownIndicator)
