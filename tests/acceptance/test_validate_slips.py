"""`ganxian validate` catches the slips people make copying figures from an article.

Each case plants one slip in tests/data/slips_region.toml (a made-up city, 2033) and pins the
exact output in tests/golden/errors/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.analysis.checks.validation import validate_file
from tests.conftest import TESTS, golden, invoke

SLIPS = TESTS / "data" / "slips_region.toml"
BASE = SLIPS.read_text(encoding="utf-8")

Edit = tuple[str, str]

# name -> (code expected, edits); every edit's old text must be in the base file.
SLIPS_PLANTED: dict[str, tuple[str, list[Edit]]] = {
    "G210-digit-boundary-value": ("G210", [("value = 26.5\n", "value = 6.5\n")]),
    "G210-digit-boundary-yuan": ("G210", [("value = 17252\n", "value = 252\n")]),
    "G210-digit-boundary-growth": ("G210", [("yoy = 13.1\n", "yoy = 3.1\n")]),
    "G212-sign-growth": ("G212", [("yoy = -13.9\n", "yoy = 13.9\n")]),
    "G213-growth-below-minus-100": (
        "G213",
        [("yoy = -13.9\n", "yoy = -113.9\n"), ("同比下降13.9%", "同比下降113.9%")],
    ),
    "G214-qualifier-about-recorded-exact": ("G214", [('qualifier = "about"\n', "")]),
    "G214-qualifier-more-than-without-word": ("G214", [("300余名志愿者", "300名志愿者")]),
    "G214-qualifier-nearly-without-word": ("G214", [("面积近千亩", "面积千亩")]),
    "G215-list-order": (
        "G215",
        [("value = 15.0\n", "value = 11.1\n"), ("value = 11.1\n", "value = 15.0\n")],
    ),
    "G215-growth-from-another-clause": ("G215", [("yoy = 12.3\n", "yoy = 3.4\n")]),
    "G305-lead-without-rate": ("G305", [("13.8", "19.8"), ("13.8", "19.8")]),
    "G306-leads-imply-two-baselines": (
        "G306",
        [("value = 12.3\n", "value = 13.3\n"), ("进度12.3", "进度13.3")],
    ),
    "W004-lead-behind-recorded-positive": (
        "W004",
        [("快于全市整体进度3.2", "慢于全市整体进度3.2")],
    ),
    "G307-cumulative-total-falls": ("G307", [("190.2", "19.02"), ("190.2", "19.02")]),
    "W003-cumulative-signed-falls": ("W003", [("6.4", "4.6"), ("6.4", "4.6")]),
    "G022-full-width-quote-mark": (
        "G022",
        [('quote = "300余名志愿者下沉一线"', "quote = “300余名志愿者下沉一线”")],
    ),
    "G101-unit-hint-by-meaning": ("G101", [('unit = "万元"', 'unit = "万圆"')]),
    "rounds-five-problems-in-one-run": (
        "G100",
        [
            ("value = 274.82\n", 'value = "274.82"\n'),  # schema
            ("yoy = -13.9\n", "yoy = 13.9\n"),  # sign
            ('qualifier = "about"\n', ""),  # qualifier
            ("value = 17252\n", "value = 252\n"),  # digit boundary
            ("190.2", "19.02"),  # a year-to-date total that falls
            ("190.2", "19.02"),
        ],
    ),
}


def _plant(edits: list[Edit]) -> str:
    text = BASE
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


def test_the_base_file_is_clean() -> None:
    result = validate_file(str(SLIPS))
    assert result.problems == []


@pytest.mark.parametrize("name", sorted(SLIPS_PLANTED))
def test_slip_is_caught(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    code, edits = SLIPS_PLANTED[name]
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"{name}.toml").write_text(_plant(edits), encoding="utf-8")
    result = invoke(runner, "validate", f"{name}.toml")
    assert f"[{code}]" in result.stdout
    assert result.exit_code == (0 if code.startswith("W") else 1)
    golden(f"errors/{name}.txt", result.stdout)


def test_five_planted_problems_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "five.toml"
    path.write_text(_plant(SLIPS_PLANTED["rounds-five-problems-in-one-run"][1]), encoding="utf-8")
    codes = sorted(p.code for p in validate_file(str(path)).problems)
    assert codes == ["G100", "G210", "G212", "G214", "G307"]


def test_caret_sits_under_the_character_by_display_width() -> None:
    from ganxian_cli.analysis.checks.validation import Result
    from ganxian_cli.errors import Problem
    from ganxian_cli.output.problems import text_lines

    line = "quote = “出口”"
    problem = Problem("G022", "m", "f.toml", 1, 9)
    _msg, shown, marker = text_lines(Result("f.toml", [problem], line + "\n"), excerpt=True)
    assert shown == "    1 | quote = “出口”"
    # “ is ambiguous-width (one column); the marker goes under it, then 出 would take two.
    assert marker == "      |         ^"
    wide = Problem("G022", "m", "f.toml", 1, 3)
    _m, _s, marker = text_lines(Result("f.toml", [wide], "出口＝1\n"), excerpt=True)
    assert marker == "      |     ^^"


def test_whole_line_marker_counts_wide_characters() -> None:
    from ganxian_cli.analysis.checks.validation import Result
    from ganxian_cli.errors import Problem
    from ganxian_cli.output.problems import text_lines

    problem = Problem("G210", "m", "f.toml", 1)
    _m, _s, marker = text_lines(Result("f.toml", [problem], '  quote = "出口"\n'), excerpt=True)
    assert marker == "      |   " + "^" * 14  # 出口 take two columns each


def test_source_matches_full_width_punctuation(runner: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    # The article prints ASCII where the data file's quote has full-width forms, and back.
    article.write_text(
        BASE.replace("１５７.５６亿元，同比增长１２.２４％", "157.56亿元,同比增长12.24%")
        .replace("26.5亿元,同比下降13.9%", "２６.５亿元，同比下降１３.９％")
        .replace("“", "")
        + "：",
        encoding="utf-8",
    )
    data = tmp_path / "d.toml"
    data.write_text(BASE, encoding="utf-8")
    result = invoke(runner, "validate", "--source", str(article), str(data))
    assert "G211" not in result.stdout
    assert result.exit_code == 0


def test_negative_zero_matches_its_quote(tmp_path: Path) -> None:
    path = tmp_path / "z.toml"
    text = BASE.replace("value = 13.6\n", "value = -0.00\n").replace("和13.6%", "和0.00%")
    path.write_text(text, encoding="utf-8")
    assert validate_file(str(path)).problems == []


def test_unknown_unit_suggested_by_meaning() -> None:
    from ganxian_cli.model.unit_hints import suggest
    from ganxian_cli.model.units import UNITS

    assert suggest("万圆", UNITS) == "万元"
    assert suggest("亿圆", UNITS) == "亿元"
    assert suggest("噸", UNITS) == "吨"
    assert suggest("kW", UNITS) == "千瓦"
    assert suggest("xyz", UNITS) is None


def test_problems_after_a_dropped_figure_point_at_their_own_lines(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    text = BASE.replace("value = 157.56\n", "value = nan\n").replace("yoy = 13.1\n", "yoy = 3.1\n")
    path.write_text(text, encoding="utf-8")
    found = [(p.code, p.line, p.path) for p in validate_file(str(path)).problems]
    lines = text.split("\n")
    assert found == [
        ("G100", lines.index("value = nan") + 1, "indicators.retail_sales.observations[0].value"),
        ("G210", lines.index("yoy = 3.1") + 1, "indicators.retail_sales.observations[1].yoy"),
    ]


def test_a_broken_theme_does_not_hide_the_figures(tmp_path: Path) -> None:
    path = tmp_path / "t.toml"
    text = BASE.replace('name_en = "Economy"\n', "").replace("yoy = -13.9\n", "yoy = 13.9\n")
    path.write_text(text, encoding="utf-8")
    assert [p.code for p in validate_file(str(path)).problems] == ["G100", "G212"]


def test_a_share_before_the_growth_is_not_the_growth(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    old = '"实现营业收入80.5亿元,同比增长12.3%,利润总额5.2亿元,同比增长3.4%"\n'
    text = BASE.replace(old, '"实现营业收入80.5亿元,占全省的9.5%,同比增长12.3%"\n', 1)
    path.write_text(text, encoding="utf-8")
    assert validate_file(str(path)).problems == []


def test_one_baseline_named_two_ways(tmp_path: Path) -> None:
    path = tmp_path / "b.toml"
    text = _plant([("value = 12.3\n", "value = 13.3\n"), ("全市整体进度12.3", "全市进度13.3")])
    path.write_text(text, encoding="utf-8")
    assert [p.code for p in validate_file(str(path)).problems] == ["G306"]
    other = _plant([("value = 12.3\n", "value = 13.3\n"), ("全市整体进度12.3", "去年同期13.3")])
    path.write_text(other, encoding="utf-8")
    assert validate_file(str(path)).problems == []  # another baseline: nothing to compare
