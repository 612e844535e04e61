"""The arithmetic checks' shortcuts agree with the full interval checks they stand in for.

`check_arithmetic` settles most sums, shares and rates with the printed values alone and only
works out spans where those do not settle it. What it reports is pinned, problem for problem, on
generated files whose figures sit on, near and across the edges of what rounding allows, in
several units of one family and in units of different families.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from typing import Any

from ganxian_cli.analysis.checks import arithmetic
from ganxian_cli.analysis.checks.collector import Collector
from ganxian_cli.datafile.loader import Loaded
from ganxian_cli.model.models import Dataset
from ganxian_cli.model.units import get_unit
from tests.conftest import golden

# --- generated files ----------------------------------------------------------------------------

FAMILIES = [
    ["亿元", "万元", "元"],
    ["亩", "万亩", "平方米", "公顷", "平方公里"],
    ["人", "万人"],
    ["吨", "万吨", "公斤"],
]
PERIODS = ["2022-03", "2022-01..2022-05", "2022-H1", "2022-01..2022-09", "2022"]


def _printed(rng: random.Random, exact: Decimal) -> Decimal:
    """*exact* printed to some places, often a last-digit slip or a wrong value instead."""
    places = rng.randint(-2, 4) if abs(exact) < 10**9 else rng.randint(-2, 0)
    value = exact.quantize(Decimal(1).scaleb(-places))
    if rng.random() < 0.2:  # a slip in the last digit, or a few digits out
        value += Decimal(rng.choice([1, -1, 5, -5, 6, 100])).scaleb(-places)
    if rng.random() < 0.03:
        value = rng.choice([Decimal(0), -value, value * 10, Decimal("0.5")])
    return value


def _decimal(rng: random.Random, top: int) -> Decimal:
    return (
        Decimal(rng.randint(0, top * 10**4))
        .scaleb(-4)
        .quantize(Decimal(1).scaleb(-rng.randint(0, 4)))
    )


def _figure(period: str, value: Decimal, unit: str | None, status: str = "actual") -> Any:
    figure: dict[str, Any] = {"period": period, "value": value, "status": status}
    if unit is not None:
        figure["unit"] = unit
    return figure


def generated_file(rng: random.Random) -> Dataset:
    """Parts, total, target, quoted rates and lead for a few periods, with slips."""
    family = rng.choice(FAMILIES)
    other = rng.choice(["亿元", "人", "亩"])  # now and then a unit of another family
    base = rng.choice(family)
    goal = _decimal(rng, 10**6) or Decimal(1)
    rows: dict[str, list[Any]] = {k: [] for k in "abtrgsc"}
    rows["t"].append(_figure("2022", goal, None, "target"))
    for period in rng.sample(PERIODS, rng.randint(1, 4)):
        a, b = _decimal(rng, 10**5), _decimal(rng, 10**5)
        for key, exact in (("a", a), ("b", b), ("t", a + b), ("c", a)):
            unit = rng.choice([None, None, rng.choice(family)])
            if rng.random() < 0.03:
                unit = other
            if unit is not None and unit != base:  # the same amount in another unit
                exact = exact * get_unit(base).scale / get_unit(unit).scale
            rows[key].append(_figure(period, _printed(rng, exact), unit))
        rate = (a + b) / goal * 100
        rows["r"].append(_figure(period, _printed(rng, rate), None))
        month = {"2022-03": 3, "2022-01..2022-05": 5, "2022-H1": 6, "2022-01..2022-09": 9}
        gap = rate - Decimal(100 * month.get(period, 12)) / 12
        rows["g"].append(_figure(period, _printed(rng, gap), None))
        share = a / (a + b) * 100 if a + b else Decimal(0)
        rows["s"].append(_figure(period, _printed(rng, share), None))
    units_of = {"a": base, "b": base, "t": base, "r": "%", "g": "个百分点", "s": "%", "c": base}
    data: dict[str, Any] = {
        "schema_version": 1,
        "source": {"region": "测试县", "region_en": "Test", "title": "测试"},
        "themes": {"x": {"name": "主题", "name_en": "Theme"}},
        "indicators": {
            k: {
                "name": k,
                "name_en": k,
                "theme": "x",
                "unit": units_of[k],
                "signed": True,
                "observations": rows[k],
            }
            for k in "abtrgsc"
        },
        "targets": [{"target": "t@2022#target", "actual": "t", "rate": "r", "gap": "g"}],
        "relations": [
            {"kind": "sum", "total": "t", "parts": rng.choice([["a", "b"]] * 9 + [["a"]])},
            {"kind": "share", "part": "a", "whole": "t", "rate": "s"},
            {"kind": "share", "part": "b@" + rows["b"][0]["period"], "whole": "t"},
            {"kind": "share", "part": "a", "whole": "c"},  # as large as its whole: at the edge
        ],
    }
    return Dataset.model_validate(data)


def test_arithmetic_on_generated_files_reports_as_pinned() -> None:
    rng = random.Random(15)
    seen: Counter[str] = Counter()
    lines: list[str] = []
    for n in range(200):
        c = Collector(Loaded(generated_file(rng), "x.toml", ""))
        arithmetic.check_arithmetic(c)
        lines += [f"{n} {p.code} {p.path} {p.message}" for p in c.problems]
        seen.update({p.code for p in c.problems} or {"clean"})
    # not vacuous: every outcome is reached, and most files pass the shortcuts somewhere
    assert {"G203", "G301", "G302", "G303", "G304", "clean"} <= set(seen), seen
    golden("generated/arithmetic.txt", "\n".join(lines) + "\n")
