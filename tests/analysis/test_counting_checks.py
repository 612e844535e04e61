"""validate: revisions between articles (a note), figures of one article that collide, and
periods checked against the period words of their quotes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.analysis.checks.registry import all_problems, notes
from ganxian_cli.datafile.loader import parse_text
from tests.conftest import DATA, TESTS, invoke

RELIEF = TESTS / "data" / "articles" / "relief_two_articles.toml"

HEAD = """schema_version = 1

[source]
region = "青山县"
region_en = "Qingshan County"
title = "青山县经济运行"
published = "2031-07"

[themes.industry]
name = "工业"
name_en = "Industry"

[indicators.output]
name = "工业总产值"
name_en = "Industrial output"
theme = "industry"
unit = "亿元"
"""


def _figure(period: str, value: str, quote: str, extra: str = "") -> str:
    return (
        f'\n[[indicators.output.observations]]\nperiod = "{period}"\nvalue = {value}\n'
        f'quote = "{quote}"\n{extra}'
    )


def _problems(text: str) -> list[tuple[str, int | None, str, str]]:
    loaded = parse_text(text, "t.toml")
    return [(p.code, p.line, p.severity, p.message) for p in all_problems(loaded)]


def test_periods_that_disagree_with_their_words_are_all_reported() -> None:
    text = HEAD + "".join(
        [
            _figure("2031-01", "10", "一季度工业总产值10亿元"),
            _figure("2031-H1", "20", "1-5月工业总产值20亿元"),
            _figure("2031-06", "30", "上半年工业总产值30亿元"),
            _figure("2031", "40", "2030年工业总产值40亿元"),
        ]
    )
    found = [(code, line, severity, message) for code, line, severity, message in _problems(text)]
    lines = [i + 1 for i, row in enumerate(text.split("\n")) if row.startswith("period = ")]
    assert [(c, line, s) for c, line, s, _m in found] == [("G232", n, "warning") for n in lines]
    messages = [m for *_rest, m in found]
    assert "「一季度」" in messages[0] and "imply 2031-Q1" in messages[0]
    assert "「1-5月」" in messages[1] and "imply 2031-01..2031-05" in messages[1]
    assert "「上半年」" in messages[2] and "imply 2031-H1" in messages[2]
    assert "「2030年」" in messages[3] and "imply 2030" in messages[3]


def test_periods_that_fit_their_words_and_bases_are_not_judged() -> None:
    text = HEAD + "".join(
        [
            _figure("2031-Q1", "10", "一季度工业总产值10亿元"),
            _figure("2031-01..2031-05", "20", "1-5月工业总产值20亿元"),
            _figure("2031-H1", "30", "上半年工业总产值30亿元"),
            _figure("2031", "40", "2031年工业总产值40亿元"),
            _figure("2031-06", "5", "工业总产值5亿元,比5月增长2%"),
            _figure("2031-08", "5.1", "工业总产值5.1亿元,较上月增长2%"),
            _figure("2031-07", "6", "工业总产值6亿元,较上半年提高3%"),
            _figure("2031-04", "7", "工业总产值7亿元,较一季度(-8.1%)回升"),
            _figure("2031-05", "8", "工业总产值8亿元(1—4月为7.9亿元)"),
            _figure("2031-02", "9", "工业总产值9亿元"),
        ]
    )
    assert _problems(text) == []


def test_a_january_review_reads_its_months_as_last_year_s() -> None:
    text = HEAD.replace('"2031-07"', '"2032-01"') + _figure(
        "2031-01..2031-11", "90", "1—11月工业总产值90亿元"
    )
    assert _problems(text) == []


def test_a_forecast_may_name_the_months_when_it_happens() -> None:
    text = HEAD + _figure(
        "2031", "2", "产值2亿元的项目将于10月、12月分别投产", 'status = "forecast"\n'
    )
    assert _problems(text) == []
    actual = HEAD + _figure("2031", "2", "10月工业总产值2亿元")
    assert [p[0] for p in _problems(actual)] == ["G232"]


def test_a_revision_is_a_note_and_strict_passes(runner: CliRunner) -> None:
    result = invoke(runner, "validate", "--strict", str(RELIEF))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "note[G230]" in result.stdout + result.stderr
    assert "source gives 3.28亿元 for 2031-H1, h1 gives 3.9亿元" in result.stdout + result.stderr
    assert "2 notes" in result.stdout + result.stderr
    loaded = parse_text(RELIEF.read_text(encoding="utf-8"), "r.toml")
    assert [(p.code, p.line) for p in notes(loaded)] == [("G230", 25), ("G230", 42)]
    shipped = invoke(runner, "validate", "--strict", str(DATA))
    assert shipped.exit_code == 0 and "note" not in shipped.stdout + shipped.stderr


def test_equal_figures_of_two_articles_are_no_revision() -> None:
    text = HEAD + '\n[sources.h1]\ntitle = "上半年"\npublished = "2031-08"\n'
    text = text.replace("[themes.industry]", "[themes.industry]", 1)
    text += _figure("2031-H1", "30", "上半年工业总产值30亿元")
    text += _figure("2031-01..2031-06", "30", "上半年工业总产值30亿元", 'source = "h1"\n')
    assert _problems(text) == []


def test_two_figures_of_one_article_collide(tmp_path: Path) -> None:
    text = HEAD + _figure("2031-H1", "30", "上半年工业总产值30亿元")
    text += _figure("2031-01..2031-06", "31", "上半年工业总产值31亿元")
    assert [p[0] for p in _problems(text)] == ["G202"]
    assert notes(parse_text(text, "t.toml")) == []


def test_only_one_figure_may_be_marked_to_count() -> None:
    text = HEAD + '\n[sources.h1]\ntitle = "上半年"\npublished = "2031-08"\n'
    text += _figure("2031-H1", "30", "上半年工业总产值30亿元", "counts = true\n")
    text += _figure("2031-H1", "31", "上半年工业总产值31亿元", 'source = "h1"\ncounts = true\n')
    codes = [(p[0], p[2]) for p in _problems(text)]
    assert ("G231", "error") in codes


def test_since_the_new_year_in_a_half_year_report_is_the_headlines_span() -> None:
    # what extract proposes for 今年以来 under a headline of 上半年 published in July
    quote = "今年以来,全县工业总产值31亿元"
    halfyear = HEAD.replace("青山县经济运行", "青山县上半年经济运行情况")
    assert _problems(halfyear + _figure("2031-H1", "31", quote)) == []
    assert _problems(halfyear + _figure("2031-01..2031-07", "31", quote)) == []
    # without such a title, 今年以来 runs to the publication month or the month before
    assert _problems(HEAD + _figure("2031-H1", "31", quote)) == []
    assert [p[0] for p in _problems(HEAD + _figure("2031-01..2031-05", "31", quote))] == ["G232"]
    # a span not over by publication names no period of the article
    q3 = HEAD.replace("青山县经济运行", "青山县前三季度经济运行")
    assert [p[0] for p in _problems(q3 + _figure("2031-01..2031-05", "31", quote))] == ["G232"]
    now = "截至目前,全县工业总产值31亿元"
    assert [p[0] for p in _problems(HEAD + _figure("2031-06", "31", now))] == ["G232"]
    assert _problems(halfyear + _figure("2031-06", "31", now)) == []


def test_a_revision_of_a_bound_says_the_bound() -> None:
    """The note shows each figure as printed: 30 revised to more than 31."""
    text = HEAD + '\n[sources.h1]\ntitle = "上半年"\npublished = "2031-08"\n'
    text += _figure("2031-H1", "30", "上半年工业总产值30亿元")
    text += _figure(
        "2031-01..2031-06",
        "31",
        "上半年工业总产值超31亿元",
        'qualifier = "more_than"\nsource = "h1"\n',
    )
    assert _problems(text) == []
    [note] = notes(parse_text(text, "t.toml"))
    assert note.code == "G230"
    assert "source gives 30亿元 for 2031-H1, h1 gives 逾31亿元;" in note.message
