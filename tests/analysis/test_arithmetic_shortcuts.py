"""The arithmetic checks' shortcuts agree with the full interval checks they stand in for.

`check_arithmetic` settles most sums, shares and rates with the printed values alone and only
works out spans where those do not settle it. Here it is compared, problem for problem, with a
copy of the check as it was before (spans for every figure), on generated files whose figures
sit on, near and across the edges of what rounding allows, in several units of one family and
in units of different families.
"""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal
from typing import Any

from ganxian_cli.analysis.checks import arithmetic
from ganxian_cli.analysis.checks.collector import Collector, Path
from ganxian_cli.analysis.checks.leads import Baselines, baseline_of, completion, rounded
from ganxian_cli.analysis.schedule import HUNDRED, Basis, time_progress
from ganxian_cli.datafile.loader import Loaded
from ganxian_cli.model.intervals import Interval
from ganxian_cli.model.models import Dataset, ShareRelation, SumRelation
from ganxian_cli.model.numerals import plain
from ganxian_cli.model.refs import (
    Resolved,
    actuals_in_year,
    index_of,
    pairs,
    partners,
    resolve,
    resolve_all,
)
from ganxian_cli.model.units import get_unit

# --- the checks as they were: every span worked out ------------------------------------------


def _rounded(value: Decimal, like: Decimal) -> str:
    exponent = like.as_tuple().exponent
    return plain(value.quantize(Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)))


def _comparable(c: Collector, figures: list[Resolved], path: Path, verb: str) -> bool:
    family = figures[0].unit.family
    if all(f.unit.family == family for f in figures):
        return True
    shown = ", ".join(f.shown() for f in figures)
    c.add("G203", f"cannot {verb} {shown}: different kinds of quantity", path)
    return False


def _check_ratio(c: Collector, rate: Resolved, num: Resolved, den: Resolved, path: Path) -> None:
    unit = den.unit
    if not _comparable(c, [num, den], path, "divide"):
        return
    computed = num.span(unit).divide(den.span(unit))
    if computed is None:
        return
    computed = computed.scale(HUNDRED)
    quoted = rate.figure.value
    if not computed.overlaps(Interval.printed(quoted)):
        c.add(
            "G301",
            f"expected {plain(quoted)} %, computed {_rounded(computed.mid, quoted)} % "
            f"from {plain(num.figure.value)} / {plain(den.figure.value)}",
            (*rate.path, "value"),
        )


def _check_lead(
    c: Collector,
    actual: Resolved,
    goal: Resolved,
    rate: Resolved | None,
    gap: Resolved,
    basis: Basis,
    baselines: Baselines,
) -> None:
    if rate is not None:
        done = Interval.printed(rate.figure.value)
    else:
        computed = completion(actual, goal)
        if computed is None:
            return
        done = computed
    phrase = baseline_of(gap)
    if phrase is not None:
        text = (
            f"{plain(rate.figure.value)}%"
            if rate is not None
            else f"{plain(actual.figure.value)} / {plain(goal.figure.value)} = "
            f"{rounded(done.mid, Decimal('0.01'))}%"
        )
        baselines.check(c, gap, done, text, phrase)
        return
    progress = time_progress(gap.figure.period, basis)
    lead = done - Interval.exact(progress)
    if lead.overlaps(Interval.printed(gap.figure.value)):
        return
    how = (
        f"{plain(rate.figure.value)}%"
        if rate is not None
        else f"{plain(actual.figure.value)} / {plain(goal.figure.value)} = "
        f"{rounded(done.mid, Decimal('0.01'))}%"
    )
    c.add(
        "G304" if rate is not None else "G305",
        f"expected {plain(gap.figure.value)} points ahead of schedule, computed "
        f"{rounded(lead.mid, gap.figure.value)} from {how} "
        f"- {rounded(progress, Decimal('0.01'))}% time progress ({basis} basis)",
        (*gap.path, "value"),
    )


def _arithmetic_reference(c: Collector) -> None:
    dataset = c.loaded.dataset
    baselines = Baselines()
    for t, target in enumerate(dataset.targets):
        goal = resolve(dataset, target.target)
        rates = index_of(dataset).actual_by_key(target.rate) if target.rate else {}
        gaps = index_of(dataset).actual_by_key(target.gap) if target.gap else {}
        for actual in actuals_in_year(dataset, target.actual, goal.figure.period.year):
            rate = rates.get(actual.key)
            if rate:
                _check_ratio(c, rate, actual, goal, ("targets", t))
            gap = gaps.get(actual.key)
            if gap:
                _check_lead(c, actual, goal, rate, gap, target.basis, baselines)
    for r, relation in enumerate(dataset.relations):
        path: Path = ("relations", r)
        if isinstance(relation, ShareRelation):
            shares = resolve_all(dataset, relation.rate) if relation.rate else []
            for part, whole in pairs(
                resolve_all(dataset, relation.part), resolve_all(dataset, relation.whole)
            ):
                unit = whole.unit
                if not _comparable(c, [part, whole], path, "compare"):
                    continue
                if part.span(unit).lo > whole.span(unit).hi:
                    message = f"part {part.shown()} is larger than its whole {whole.shown()}"
                    c.add("G302", message, path)
                for rate in partners(shares, part):
                    _check_ratio(c, rate, part, whole, path)
        elif isinstance(relation, SumRelation) and relation.total is not None:
            parts_by_ref = [resolve_all(dataset, ref) for ref in relation.parts]
            for total in resolve_all(dataset, relation.total):
                unit = total.unit
                parts: list[Resolved] = []
                for candidates in parts_by_ref:
                    matched = partners(candidates, total)
                    if len(matched) != 1:
                        break
                    parts.append(matched[0])
                else:
                    if not _comparable(c, [*parts, total], path, "add up"):
                        continue
                    summed = Interval.exact(Decimal(0))
                    for p in parts:
                        summed = summed + p.span(unit)
                    if not summed.overlaps(total.span(unit)):
                        shown = " + ".join(plain(p.figure.value) for p in parts)
                        c.add(
                            "G303",
                            f"expected {total.shown()}, computed "
                            f"{_rounded(summed.mid, total.figure.value)}{unit.symbol} from {shown}",
                            path,
                        )


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


def test_arithmetic_reports_what_the_full_check_reports() -> None:
    rng = random.Random(15)
    seen: Counter[str] = Counter()
    for _ in range(500):
        loaded = Loaded(generated_file(rng), "x.toml", "")
        fast, slow = Collector(loaded), Collector(loaded)
        arithmetic.check_arithmetic(fast)
        _arithmetic_reference(slow)
        assert fast.problems == slow.problems
        seen.update({p.code for p in slow.problems} or {"clean"})
    # not vacuous: every outcome is reached, and most files pass the shortcuts somewhere
    assert {"G203", "G301", "G302", "G303", "G304", "clean"} <= set(seen), seen
