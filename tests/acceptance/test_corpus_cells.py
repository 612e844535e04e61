"""On the made-up corpus, every expected table cell is proposed with its value, unit, yoy and
period and a quote validate finds in the article; quantities printed twice restate (score.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _score() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus_score", module)
    spec.loader.exec_module(module)
    return module


TABLES = [
    "gov_page_qingfeng_jan_aug",
    "heldout4_quarterly_yuanzhou_q1",
    "monthly_heyang_pipe_table",
    "monthly_huaian_flat_table",
    "monthly_yuanbei_aligned_table",
    "tourism_zhexi_2027_twice",
]


@pytest.mark.parametrize("name", TABLES)
def test_every_cell_is_found_right(name: str) -> None:
    result: dict[str, Any] = _score().score_one(CORPUS / f"{name}.expected.toml")
    assert result["cells"] > 0
    assert result["cells_right"] == result["cells"], result["differs"]
    assert result["restates_right"] == result["restates"]
    assert result["found"] >= 0.9 * result["expected"], result["missed"]


def test_the_table_prints_the_cell_columns() -> None:
    score = _score()
    results = [score.score_one(p) for p in sorted(CORPUS.glob("*.expected.toml"))]
    total = score.total(results)
    assert total["cells_right"] == total["cells"] >= 46
    assert "cells right" in score.HEADER and "restates" in score.HEADER
    table = score.readme_table(results).splitlines()
    with_cells = sum(1 for r in results if r["cells"])
    assert len(table) == 2 + with_cells + 1  # header, rule, the articles with cells, all
    cells = f"{total['cells']}/{total['cells']}"
    assert table[-1].startswith(f"| all {len(results)} articles |")
    assert f"| {cells} | {cells} |" in table[-1]
