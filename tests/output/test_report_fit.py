"""`report` tables fit the terminal, read as English in English, and never cut a number."""

from __future__ import annotations

import itertools
import unicodedata

import pytest
from typer.testing import CliRunner

from ganxian_cli.datafile.loader import load
from ganxian_cli.output.grid import Grid, GridColumn, wrap
from ganxian_cli.output.report import select, theme_sections
from ganxian_cli.output.report_grid import theme_layouts
from ganxian_cli.output.section_grid import fitted
from tests.conftest import DATA, TESTS, invoke

THEMES = [
    "industry", "enterprise_support", "companies", "key_projects", "investment",
    "construction", "relief", "services", "agriculture", "community",
]  # fmt: skip
ALL_THEMES = [arg for theme in THEMES for arg in ("--theme", theme)]  # no 双过半 section


def width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def report(runner: CliRunner, columns: int | None, *args: str) -> str:
    env = {"COLUMNS": str(columns)} if columns else None
    result = invoke(runner, "report", "--data", str(DATA), "--color", "never", *args, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [60, 80, 120])
def test_every_line_fits_and_every_number_is_whole(
    runner: CliRunner, lang: str, columns: int
) -> None:
    text = report(runner, columns, "--lang", lang, *ALL_THEMES)
    lines = text.splitlines()
    assert max(width(line) for line in lines) <= columns
    wide = report(runner, None, "--lang", lang, *ALL_THEMES)
    # every value of the natural-width table appears whole in the narrow one
    values = {
        cells[3].strip()
        for line in wide.splitlines()
        if line.startswith("│") and len(cells := line.split("│")) > 4
    }
    assert values
    for value in values - {""}:
        assert value in text, value


def test_names_stay_readable_at_60_columns(runner: CliRunner) -> None:
    text = report(runner, 60, "--lang", "en", *ALL_THEMES)
    assert "Operating revenue of" in text  # a name column of a dozen cells or more
    assert "actu…" not in text and "…" not in text
    name_cells = [line.split("│")[1] for line in text.splitlines() if line.startswith("│")]
    assert min(width(cell) for cell in name_cells) >= 14


def test_piped_output_has_no_trailing_spaces(runner: CliRunner) -> None:
    for lang in ("zh", "en"):
        text = report(runner, None, "--lang", lang, *ALL_THEMES)
        assert not [line for line in text.splitlines() if line.endswith(" ")]


def test_empty_columns_are_dropped(runner: CliRunner) -> None:
    text = report(runner, None, "--theme", "enterprise_support")
    header = text.splitlines()[2]
    assert "同比" not in header and "主体" not in header
    industry = report(runner, None, "--theme", "industry").splitlines()[2]
    assert "同比" in industry and "主体" not in industry


def test_english_reads_as_english(runner: CliRunner) -> None:
    text = report(runner, None, "--lang", "en", *ALL_THEMES)
    for wrong in ("1 items", "firms (households)", "×10k", "×100m", "亿元", "万元", "个百分点"):
        assert wrong not in text
    for right in (
        "304.78 million yuan",
        "10,000 t",
        "1 GW",
        "1 entrance ",
        "342 firms",
        "about 18.03 billion",
    ):
        assert right in text
    other = invoke(runner, "report", "--data", str(TESTS / "data" / "other_region.toml"))
    assert other.exit_code == 0


def test_narrow_layout_stacks_period_status_and_subject() -> None:
    dataset = load(str(DATA)).dataset
    layouts = theme_layouts(theme_sections(dataset, select(dataset, ["companies"])), "en")[0]
    grid = fitted([[layout] for layout in layouts], 60)[0]
    assert [c.header for c in grid.columns] == ["Indicator", "Value"]
    text = "\n".join("".join(t for t, _ in line) for line in grid.lines(60))
    assert "2022 · forecast · Ganzhou Tengyuan" in text and "赣州" not in text
    assert max(width(line) for line in text.splitlines()) <= 60


def test_grid_never_cuts_a_number_even_when_it_cannot_fit() -> None:
    grid = Grid("t", [GridColumn("name", wrap=True, min_width=4), GridColumn("n", right=True)])
    grid.rows.append([[("a long name", "")], [("123456789012", "")]])
    assert grid.widths(10) is None
    lines = ["".join(t for t, _ in line) for line in grid.lines(10)]
    assert any("123456789012" in line for line in lines)


def test_wrap_breaks_words_and_cjk() -> None:
    assert wrap("Industrial operating revenue", 12) == ["Industrial", "operating", "revenue"]
    assert wrap("规模以上工业增加值", 8) == ["规模以上", "工业增加", "值"]
    assert wrap("Supercalifragilistic", 6) == ["Superc", "alifra", "gilist", "ic"]
    assert wrap("  2022 · forecast · 赣州寒锐新能源", 16) == [
        "  2022 ·",
        "  forecast · 赣",
        "  州寒锐新能源",
    ]


def test_wrap_never_starts_a_line_with_closing_punctuation() -> None:
    """A line never starts with 。，、) or ends with 「（: the mark goes with its character."""
    assert wrap("不算在双过半达标数内。", 20) == ["不算在双过半达标数", "内。"]
    assert wrap("甲乙丙，丁戊", 6) == ["甲乙", "丙，丁", "戊"]
    assert wrap("甲乙「丙丁」", 6) == ["甲乙", "「丙", "丁」"]
    quoted = "原文为“全年工业营业收入”,未写“规模以上”;按口径理解†"
    for width in range(6, 30):
        lines = wrap(quoted, width)
        assert "".join(lines) == quoted
        assert all(line[0] not in "”,;†" and line[-1] != "“" for line in lines), (width, lines)
    assert wrap("滞后序时进度 10.15 个百分点†", 14)[-1] == "点†"
    lines = wrap("清单目标(逐项完成的固定清单,不是全年累计的量)只列完成率,不算在达标数内。", 10)
    assert all(line[0] not in "。，、；：！？）」”,.;:)%†" for line in lines), lines
    assert all(line[-1] not in "（「“(" for line in lines), lines
    assert (
        "".join(lines) == "清单目标(逐项完成的固定清单,不是全年累计的量)只列完成率,不算在达标数内。"
    )


def test_wrap_keeps_a_number_with_the_word_after_it() -> None:
    """6月, 2022年, 23个 stay whole: a line never ends in a digit its unit starts the next."""
    assert wrap("今年以来(截至6月)", 9) == ["今年以来", "(截至6月)"]
    for text in ("今年以来(截至6月)", "2022年1—5月已开工23个", "完成58.33亿元"):
        for width in range(7, 14):  # wide enough for the longest number and its word
            lines = wrap(text, width)
            assert "".join(lines) == text
            pairs = itertools.pairwise(lines)
            assert not any(a[-1].isdigit() and b[0] in "月年个亿" for a, b in pairs), lines


def test_report_by_period_is_a_matrix(runner: CliRunner) -> None:
    other = str(TESTS / "data" / "progress_region.toml")
    result = invoke(runner, "report", "--data", other, "--by", "period", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    header, first = result.stdout.splitlines()[1], result.stdout.splitlines()[3]
    assert header.index("Q1 2031") < header.index("H1 2031") < header.index("   2031 ┃")
    assert first.startswith("│ Industrial output") and first.count("billion yuan") == 7


def test_unit_words_for_axes_and_columns() -> None:
    from ganxian_cli.model.english import unit_words
    from ganxian_cli.model.units import get_unit

    assert unit_words(get_unit("亿元")) == "units of 0.1 billion yuan"
    assert unit_words(get_unit("万千瓦")) == "units of 10 MW"
    assert unit_words(get_unit("个")) == "items" and unit_words(get_unit("%")) == "%"
