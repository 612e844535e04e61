"""Complexity guards without timing: work counted at N and 4N figures must grow near-linearly.

The counts are Period comparisons (every lookup that compares periods, including dictionary
look-ups whose hashes collide) and Resolved figures built. A quadratic path multiplies them by
16 when the file grows 4 times; near-linear code by a little over 4.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems
from ganxian_cli.analysis.compare import compare
from ganxian_cli.analysis.progress import evaluate
from ganxian_cli.analysis.progress_view import latest
from ganxian_cli.datafile import loader
from ganxian_cli.datafile.loader import Loaded, parse_text
from ganxian_cli.errors import DataError
from ganxian_cli.model import refs
from ganxian_cli.model.periods import Period
from tests.conftest import golden, invoke

GOAL = Decimal(400)
# 4N figures may cost at most this many times the work of N (quadratic would be 16).
LINEAR = 5.0

_HEAD = """schema_version = 1

[source]
region = "测试县"
region_en = "Test County"
title = "规模测试"

[themes.t]
name = "主题"
name_en = "Theme"
"""


def _indicator(ident: str, unit: str, rows: list[tuple[str, Decimal, str]]) -> str:
    lines = [f'[indicators.{ident}]\nname = "{ident}"\nname_en = "{ident}"\ntheme = "t"']
    lines.append(f'unit = "{unit}"' + ("\nsigned = true" if unit == "个百分点" else ""))
    for period, value, status in rows:
        lines.append(
            f'[[indicators.{ident}.observations]]\nperiod = "{period}"\nvalue = {value}\n'
            f'status = "{status}"\nquote = "累计{value}{unit}"'
        )
    return "\n".join(lines) + "\n"


def deep(years: int) -> str:
    """Few indicators with many months: a + b = total, a share, a target per year with rates."""
    rows: dict[str, list[tuple[str, Decimal, str]]] = {k: [] for k in ("a", "b", "t", "r", "g")}
    targets = []
    for year in range(2000, 2000 + years):
        rows["t"].append((str(year), GOAL, "target"))
        targets.append(f'[[targets]]\ntarget = "t@{year}#target"\nactual = "t"\n')
        targets.append('rate = "r"\ngap = "g"\n')
        for month in range(1, 13):
            period = str(year) if month == 12 else f"{year}-01..{year}-{month:02d}"
            if month == 1:
                period = f"{year}-01"
            a, b = Decimal(10 * month), Decimal(20 * month)
            rate = ((a + b) / GOAL * 100).quantize(Decimal("0.1"))
            gap = (rate - Decimal(100 * month) / 12).quantize(Decimal("0.01"))
            for key, value in (("a", a), ("b", b), ("t", a + b), ("r", rate), ("g", gap)):
                rows[key].append((period, value, "actual"))
    units = {"a": "亿元", "b": "亿元", "t": "亿元", "r": "%", "g": "个百分点"}
    body = "".join(_indicator(k, units[k], v) for k, v in rows.items())
    relations = (
        '[[relations]]\nkind = "sum"\ntotal = "t"\nparts = ["a", "b"]\n'
        '[[relations]]\nkind = "share"\npart = "a"\nwhole = "t"\n'
        '[[relations]]\nkind = "per"\namount = "t"\ncount = "a"\n'
    )
    return _HEAD + body + "".join(targets) + relations


def hundred_parts(figures: int) -> str:
    """One indicator of many figures and a 100-part sum over it: the case that pairs the most."""
    rows = [(f"{1000 + y}-{m:02d}", Decimal(1), "actual") for y in range(figures) for m in (1,)]
    total = [(p, Decimal(100), s) for p, _v, s in rows]
    parts = ", ".join(['"x"'] * 100)
    return (
        _HEAD
        + _indicator("x", "亿元", rows)
        + _indicator("total", "亿元", total)
        + f'[[relations]]\nkind = "sum"\ntotal = "total"\nparts = [{parts}]\n'
        + '[[relations]]\nkind = "share"\npart = "x"\nwhole = "total"\n'
    )


class Work:
    """Counts Period comparisons and Resolved figures built while installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.counts: Counter[str] = Counter()
        for name in ("__eq__", "__lt__", "__le__", "__gt__", "__ge__"):
            monkeypatch.setattr(Period, name, self._counted(getattr(Period, name), "period"))
        init = refs.Resolved.__init__
        monkeypatch.setattr(refs.Resolved, "__init__", self._counted(init, "resolved"))
        each_of = refs.Resolved.each_of  # builds the index's figures without __init__
        counts = self.counts

        def counted_each_of(ident: str, indicator: Any) -> list[refs.Resolved]:
            made = each_of(ident, indicator)
            counts["resolved"] += len(made)
            return made

        monkeypatch.setattr(refs.Resolved, "each_of", counted_each_of)

    def _counted(self, method: Callable[..., Any], key: str) -> Callable[..., Any]:
        counts = self.counts

        def counted(*args: Any, **kwargs: Any) -> Any:
            counts[key] += 1
            return method(*args, **kwargs)

        return counted

    def total(self) -> int:
        return sum(self.counts.values())


def _everything(loaded: Loaded) -> Iterator[object]:
    """What validate, compare, progress and report compute from a loaded file."""
    yield all_problems(loaded)
    yield compare(loaded.dataset)
    yield evaluate(loaded.dataset)
    yield latest(loaded.dataset, "en")


def _work(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    loaded = parse_text(text, "scale.toml")
    with monkeypatch.context() as patch:
        work = Work(patch)
        for _result in _everything(loaded):
            pass
    return work.total()


@pytest.mark.parametrize(
    ("make", "n"),
    [(deep, 4), (hundred_parts, 60)],
    ids=["few indicators, many months", "100-part sum"],
)
def test_work_grows_near_linearly(
    make: Callable[[int], str], n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    small, large = make(n), make(4 * n)
    assert not [p for p in all_problems(parse_text(small, "s.toml")) if p.severity == "error"]
    ratio = _work(large, monkeypatch) / _work(small, monkeypatch)
    assert ratio <= LINEAR, f"work grew {ratio:.1f}x for 4x the figures"


def _nested(left: list[refs.Resolved], right: list[refs.Resolved]) -> list[Any]:
    """The pairing as the nested loop over both lists used to compute it."""
    found = [
        (a, b)
        for a in left
        for b in right
        if a.figure.period == b.figure.period and a.figure.status == b.figure.status
    ]
    if not found and len(left) == 1 and len(right) == 1:
        return [(left[0], right[0])]
    return found


def test_pairs_follow_the_order_of_left_then_right() -> None:
    """The indexed pairing returns what the nested loop returned, in the same order."""
    dataset = parse_text(deep(2), "d.toml").dataset
    rng = random.Random(7)
    indexed = [refs.resolve_all(dataset, ident) for ident in ("a", "t", "r")]
    everything = [r for found in indexed for r in found]
    for _ in range(300):
        left = rng.sample(everything, rng.randint(0, 12))
        right = rng.sample(everything, rng.randint(0, 12))
        assert refs.pairs(left, right) == _nested(left, right)
        whole = rng.choice(indexed)
        assert refs.pairs(whole, right) == _nested(whole, right)
        assert refs.pairs(left, whole) == _nested(left, whole)


def test_lookups_match_a_scan_of_the_file() -> None:
    dataset = parse_text(deep(2), "d.toml").dataset
    for ident, _indicator, i, figure in dataset.figures():
        if figure.status != "actual":
            continue
        found = refs.actual_for(dataset, ident, figure.period)
        assert found is not None and (found.index, found.figure) == (i, figure)
        pinned = refs.resolve(dataset, refs.pin(found))
        assert (pinned.ident, pinned.index) == (ident, i)
        year = refs.actuals_in_year(dataset, ident, figure.period.year)
        assert found in year
    assert refs.actual_for(dataset, "a", Period(1999, 1, 1)) is None
    with pytest.raises(refs.RefError, match="no figure"):
        refs.resolve_all(dataset, "a@1999")
    with pytest.raises(refs.RefError, match="unknown indicator"):
        refs.resolve_all(dataset, "nothing")
    with pytest.raises(refs.RefError, match="matches 24 figures"):
        refs.resolve(dataset, "a")


def test_the_index_is_dropped_with_its_dataset() -> None:
    import gc

    dataset = parse_text(deep(1), "d.toml").dataset
    refs.resolve_all(dataset, "a")
    key = id(dataset)
    assert key in refs._INDEXES
    del dataset
    gc.collect()
    assert key not in refs._INDEXES


def _nesting_line(check: Callable[[str, str], None], text: str) -> int | None:
    try:
        check(text, "x.toml")
    except DataError as exc:
        return exc.problems[0].line or -1
    return None


def test_fast_nesting_check_agrees_with_the_exact_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strings, comments, escapes and unclosed brackets: both scans refuse the same texts."""
    monkeypatch.setattr(loader, "MAX_NESTING", 3)
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("[]{}\"'\\#\na ") for _ in range(rng.randint(0, 40)))
        fast = _nesting_line(loader._check_nesting, text)
        assert fast == _nesting_line(loader._report_nesting, text), repr(text)


@pytest.mark.parametrize(
    "alphabet", ["[]{}\"'\\#\n中", "[[[]]]{}\"'#\n中é ", '[[]]"\n中', "[]{}\n "]
)
def test_the_byte_scan_agrees_with_the_exact_scan(
    monkeypatch: pytest.MonkeyPatch, alphabet: str
) -> None:
    """Without backslashes the scan reads only the bytes that matter (and drops ""): it finds
    the brackets the scan of the text finds, so the same texts are refused at the same lines."""
    monkeypatch.setattr(loader, "MAX_NESTING", 3)
    rng = random.Random(alphabet)
    refused = 0
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        whole_text = loader._NOT_BRACKET.sub("", text).translate(loader._ONE_KIND)
        assert loader._brackets(text, None) == whole_text, repr(text)
        assert loader._brackets(text, text.encode("utf-8")) == whole_text, repr(text)
        exact = _nesting_line(loader._report_nesting, text)
        assert _nesting_line(loader._check_nesting, text) == exact, repr(text)
        refused += exact is not None
    assert refused  # not vacuous


def test_nesting_check_refuses_deep_arrays_and_reports_the_line() -> None:
    text = "a = 1\nb = " + "[" * 65 + "]" * 65 + "\n"
    assert _nesting_line(loader._check_nesting, text) == 2
    ok = "a = " + "[" * 64 + "]" * 64 + '\nb = "' + "[" * 100 + '"\n# ' + "{" * 100
    assert _nesting_line(loader._check_nesting, ok) is None


def test_too_much_pairing_is_refused_before_any_is_done(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten 100-part sums over 2,000 figures are refused as G208 (status 1) before any pairing."""
    text = hundred_parts(1300)
    start = text.index('[[relations]]\nkind = "sum"')
    relation = text[start : text.index('[[relations]]\nkind = "share"')]
    path = tmp_path / "G208-work-ceiling.toml"
    path.write_text(text + relation * 2, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with monkeypatch.context() as patch:
        work = Work(patch)
        result = invoke(runner, "validate", path.name)
    assert result.exit_code == 1
    assert "[G208]" in result.stdout
    assert work.counts["resolved"] <= 2 * 2600  # each figure indexed once, nothing paired
    golden("errors/G208-work-ceiling.txt", result.stdout)
    assert refs.work(parse_text(hundred_parts(500), "s.toml").dataset) <= refs.MAX_WORK


def test_the_shipped_file_is_far_below_the_ceiling() -> None:
    from tests.conftest import DATA

    dataset = parse_text(DATA.read_text(encoding="utf-8"), "d.toml").dataset
    assert 0 < refs.work(dataset) < refs.MAX_WORK // 1000


def test_rates_and_gaps_are_keyed_once_per_indicator(monkeypatch: pytest.MonkeyPatch) -> None:
    """Targets look their rate and gap up by key: one table per indicator, not per target."""
    loaded = parse_text(deep(12), "d.toml")  # 12 targets naming the same rate and gap
    built: Counter[str] = Counter()
    keyed = refs.FigureIndex.actual_by_key

    def counted(index: refs.FigureIndex, ident: str) -> dict[Any, refs.Resolved]:
        entry = index.indicator(ident)
        if entry is not None and entry.first_actual is None:
            built[ident] += 1
        return keyed(index, ident)

    monkeypatch.setattr(refs.FigureIndex, "actual_by_key", counted)
    assert not [p for p in all_problems(loaded) if p.severity == "error"]
    assert built == {"r": 1, "g": 1}


def test_each_figure_is_looked_up_and_spanned_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Units and printed spans are kept with each indexed figure, however many checks ask."""
    from ganxian_cli.model.intervals import Interval
    from ganxian_cli.model.models import Indicator

    loaded = parse_text(deep(4), "d.toml")
    figures = sum(len(i.observations) for i in loaded.dataset.indicators.values())
    calls: Counter[str] = Counter()
    for owner, name in ((Indicator, "_lookup"), (Interval, "printed")):
        method = getattr(owner, name)

        def counted(*args: Any, _method: Any = method, _name: str = name) -> Any:
            calls[_name] += 1
            return _method(*args)

        monkeypatch.setattr(owner, name, counted if name == "_lookup" else staticmethod(counted))
    all_problems(loaded)
    assert 0 < calls["printed"] <= figures
    assert 0 < calls["_lookup"] <= 2 * figures
