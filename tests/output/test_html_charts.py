"""The HTML page's charts: static SVG, a bullet bar per target, one kind of period per chart,
status colours with a legend, the tables' unit words, bidi and control characters made visible."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, TESTS, invoke

OCTOBER = TESTS / "data" / "october_city.toml"
FORECAST = """
[[indicators.investment.observations]]
period = "2033"
value = 215
status = "forecast"
quote = "全年预计完成投资215亿元"
"""


def _page(runner: CliRunner, tmp_path: Path, *args: str, data: Path = DATA) -> str:
    out = tmp_path / "page.html"
    result = invoke(runner, *args, "--data", str(data), "-f", "html", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def _charts(page: str) -> list[str]:
    return re.findall(r'<div class="chart">.*?</div>', page, flags=re.S)


@pytest.mark.parametrize("command", ["progress", "report"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_script_and_a_bullet_bar_per_target(
    runner: CliRunner, tmp_path: Path, command: str, lang: str
) -> None:
    page = _page(runner, tmp_path, command, "--lang", lang)
    assert "<script" not in page.lower()
    assert not re.search(r"\son\w+=", page)  # no event handler attributes either
    bullets = re.findall(r'<svg class="bullet".*?</svg>', page, flags=re.S)
    assert len(bullets) == 3  # the shipped data declare three targets
    for svg in bullets:
        assert '<rect class="done' in svg
        if 'data-target="key_projects@2022#actual"' in svg:  # a fixed list: not against time
            assert 'class="half"' not in svg and 'class="time"' not in svg
            continue
        assert svg.count('class="half"') == 1 and 'stroke-width="4"' in svg  # bold, not a grid
        assert 'class="time"' in svg
        assert "50%" in svg and "41.67%" in svg  # both marks say their value (May: 5/12)
    assert "Noto Sans CJK SC" in page and "WenQuanYi Zen Hei" in page


def test_the_bars_say_the_units_of_the_progress_table(runner: CliRunner, tmp_path: Path) -> None:
    page = _page(runner, tmp_path, "progress", "--lang", "en")
    bullets = "".join(re.findall(r'<svg class="bullet".*?</svg>', page, flags=re.S))
    assert "5.833/8.319 billion yuan" in bullets  # as the Done/target column says
    assert "100 million" not in page
    assert ": completion of the 2022 plan (8.319 billion yuan)" in page
    assert "completion of the list (23 projects)" in page and " items" not in page
    zh = _page(runner, tmp_path, "progress", "--lang", "zh")
    assert "58.33/83.19亿元" in "".join(re.findall(r"<svg.*?</svg>", zh, flags=re.S))


def test_one_kind_of_period_per_chart_and_statuses_told_apart(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "october.toml"
    data.write_text(OCTOBER.read_text(encoding="utf-8") + FORECAST, encoding="utf-8")
    page = _page(runner, tmp_path, "report", "--lang", "en", data=data)
    charts = _charts(page)
    started = [c for c in charts if "Projects started" in c]
    assert len(started) == 1  # Q1 and Jan–Oct (cumulative); the single month Oct is not beside
    assert "Jan–Oct 2033" in started[0] and ">Oct 2033<" not in started[0]
    years = [c for c in charts if "Project investment: whole years" in c]
    assert len(years) == 1
    chart = years[0]
    assert 'class="bar forecast"' in chart and 'class="bar target"' in chart
    forecast = re.search(r'class="bar forecast"[^>]*fill="([^"]+)"', chart)
    target = re.search(r'class="bar target"[^>]*fill="([^"]+)"', chart)
    assert forecast and target and forecast.group(1) != target.group(1)
    legend = re.search(r'<p class="legend">.*?</p>', chart, flags=re.S)
    assert legend and "forecast" in legend.group() and "target" in legend.group()
    assert "21.5 billion yuan (forecast)" in chart  # the tables' unit words, its status said


def test_bidi_overrides_in_chart_texts_are_shown_escaped(runner: CliRunner, tmp_path: Path) -> None:
    text = OCTOBER.read_text(encoding="utf-8")
    text = text.replace(
        'name_en = "Project investment"', 'name_en = "Project \u202einvestment\u202c"'
    )
    text = text.replace('name = "已开工项目"', 'name = "已开工\u2066项目\u2069"')
    data = tmp_path / "bidi.toml"
    data.write_text(text, encoding="utf-8")
    for lang in ("en", "zh"):
        page = _page(runner, tmp_path, "report", "--lang", lang, data=data)
        assert not re.search("[\u202a-\u202e\u2066-\u2069]", page)
        svgs = "".join(re.findall(r"<svg.*?</svg>", page, flags=re.S))
        assert "\\u202e" in svgs if lang == "en" else "\\u2066" in svgs


def test_the_bars_are_drawn_from_the_progress_table_beside_them(
    runner: CliRunner, tmp_path: Path
) -> None:
    page = _page(runner, tmp_path, "progress", "--basis", "days", "--lang", "en")
    bullets = "".join(re.findall(r'<svg class="bullet".*?</svg>', page, flags=re.S))
    assert "time elapsed 41.37%" in bullets  # 151 of 365 days, as the Time % column says
    assert "41.67%" not in bullets
    assert ">41.37<" in page


def test_english_chart_bars_say_what_they_count(
    runner: CliRunner, tmp_path: Path, followup_data: Path
) -> None:
    """A bar of 22个 重点调度项目 reads "22 projects (actual)", as the tables beside it do."""
    page = _page(runner, tmp_path, "report", "--lang", "en", data=followup_data)
    bars = re.findall(r">([^<>]*\((?:actual|forecast|target)\))</text>", page)
    assert "22 projects (actual)" in bars and "13 projects (forecast)" in bars
    assert not [b for b in bars if re.search(r"\b(items?|households?)\b", b)]


def test_a_target_title_without_a_done_figure_counts_what_the_target_counts() -> None:
    from decimal import Decimal

    from ganxian_cli.model.lang import Lang
    from ganxian_cli.output.charts import target_title

    row = {
        "target_value": Decimal(23), "unit": "个", "target_qualifier": "exact",
        "data_end": "2022-05", "d_progress": {"en": "—", "zh": "—"},
        "d_name": {"zh": "重点调度项目", "en": "Key projects"}, "target_kind": "list",
    }  # fmt: skip
    assert target_title(row, Lang.en) == "Key projects: completion of the list (23 projects)"
