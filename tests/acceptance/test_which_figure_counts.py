"""Several articles give a figure for the same months: exactly one counts, and every output
says which."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.datafile.loader import load, parse_text
from ganxian_cli.model.models import Dataset
from tests.conftest import DATA, TESTS, invoke

ARTICLES = TESTS / "data" / "articles"
RELIEF = ARTICLES / "relief_two_articles.toml"
REVENUE = ARTICLES / "revenue_three_articles.toml"


def _figures(runner: CliRunner, path: Path, *args: str) -> list[dict[str, object]]:
    result = invoke(runner, "report", "--data", str(path), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    figures: list[dict[str, object]] = json.loads(result.stdout)["figures"]
    return figures


def test_the_later_article_counts_beside_the_single_source_table() -> None:
    dataset = load(str(RELIEF)).dataset
    # 2031-H1 and 2031-01..2031-06 are the same months
    assert not dataset.counts("vat_refund", 0) and dataset.counts("vat_refund", 1)
    assert dataset.superseded_by("vat_refund", 0) == "h1"
    assert dataset.superseded_by("vat_refund", 1) is None


def test_of_three_articles_the_latest_counts_unless_another_is_marked() -> None:
    dataset = load(str(REVENUE)).dataset
    assert [dataset.counts("revenue", i) for i in range(4)] == [True, False, False, True]
    assert dataset.superseded_by("revenue", 1) == "fix"
    assert dataset.superseded_by("revenue", 2) == "fix"
    text = REVENUE.read_text(encoding="utf-8").replace(
        'source = "h1"\n', 'source = "h1"\ncounts = true\n'
    )
    marked = parse_text(text, "marked.toml").dataset
    assert [marked.counts("revenue", i) for i in range(4)] == [True, False, True, False]
    assert marked.superseded_by("revenue", 1) == "h1"
    assert marked.superseded_by("revenue", 3) == "h1"


def test_a_marked_figure_counts_against_the_single_source_table() -> None:
    text = RELIEF.read_text(encoding="utf-8").replace(
        "value = 342\n", "value = 342\ncounts = true\n"
    )
    dataset = parse_text(text, "m.toml").dataset
    assert dataset.counts("vat_refund_enterprises", 0)
    assert dataset.superseded_by("vat_refund_enterprises", 1) == "source"


def test_report_json_says_which_figure_counts(runner: CliRunner) -> None:
    figures = _figures(runner, RELIEF)
    seen = [(f["value"], f["counts"], f["superseded_by"], f["source"]) for f in figures]
    assert seen == [
        (3.28, False, "h1", {"id": None, "title": "青山县五月经济简报"}),
        (3.9, True, None, {"id": "h1", "title": "青山县上半年经济运行"}),
        (342, False, "h1", {"id": None, "title": "青山县五月经济简报"}),
        (400, True, None, {"id": "h1", "title": "青山县上半年经济运行"}),
    ]
    # the shipped file, one article: every figure counts
    assert all(f["counts"] and f["superseded_by"] is None for f in _figures(runner, DATA))


def test_csv_xlsx_and_sqlite_carry_source_and_counts(runner: CliRunner, tmp_path: Path) -> None:
    text = invoke(runner, "report", "--data", str(RELIEF), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["value"], r["source"], r["counts"], r["superseded_by"]) for r in rows] == [
        ("3.28", "source", "false", "h1"),
        ("3.9", "h1", "true", ""),
        ("342", "source", "false", "h1"),
        ("400", "h1", "true", ""),
    ]
    db = tmp_path / "x.sqlite"
    result = invoke(runner, "export", "--data", str(RELIEF), "-o", str(db))
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as connection:
        found = connection.execute(
            "SELECT indicator, value_text, source, counts, superseded_by FROM figures"
        ).fetchall()
        total = connection.execute(
            "SELECT SUM(value) FROM figures WHERE indicator = 'vat_refund' AND counts = 1"
        ).fetchone()
    assert found == [
        ("vat_refund", "3.28", "source", 0, "h1"),
        ("vat_refund", "3.9", "h1", 1, None),
        ("vat_refund_enterprises", "342", "source", 0, "h1"),
        ("vat_refund_enterprises", "400", "h1", 1, None),
    ]
    assert total == (3.9,)


def test_the_exported_progress_view_uses_the_figure_that_counts(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    result = invoke(runner, "export", "--data", str(REVENUE), "-o", str(db))
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as connection:
        view = connection.execute("SELECT actual_text, completion_pct FROM progress").fetchall()
    assert view == [("255", 51.0)]


def test_tables_mark_the_figures_that_do_not_count(runner: CliRunner) -> None:
    table = invoke(runner, "report", "--data", str(RELIEF)).stdout
    assert "3.28亿元†" in table and "3.9亿元†" not in table
    assert "[source]" in table and "[h1]" in table and "† 不计入" in table
    english = invoke(runner, "report", "--data", str(RELIEF), "--lang", "en").stdout
    assert "† does not count" in english
    markdown = invoke(runner, "report", "--data", str(RELIEF), "--format", "markdown").stdout
    assert "342户†" in markdown and "400余户 |" in markdown
    single = invoke(runner, "report", "--data", str(DATA)).stdout
    assert "不计入" not in single and "†\n" not in single.split("双过半")[0]


def test_html_report_explains_the_mark(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    result = invoke(runner, "report", "--data", str(RELIEF), "--format", "html", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "3.28亿元†" in html and "† 不计入" in html


def test_progress_and_compare_use_only_figures_that_count(runner: CliRunner) -> None:
    progress = json.loads(
        invoke(runner, "progress", "--data", str(REVENUE), "--format", "json").stdout
    )
    assert [t["actual_value"] for t in progress["targets"]] == [255]
    compare = json.loads(invoke(runner, "compare", "--data", str(RELIEF), "--json").stdout)
    per = compare["per_unit"]
    assert [(p["amount_value"], p["count_value"]) for p in per] == [(3.9, 400)]
    # 3.9亿元 / 400余户 is at most 97.5万元 a firm; never 3.28亿/342 or the sums
    assert per[0]["unit"] == "万元" and Decimal(str(per[0]["per_unit"])) >= Decimal("97.5")
    assert per[0]["qualifier"] == "nearly"


def test_a_later_article_is_imported_into_a_file_with_one_source_table(
    runner: CliRunner, tmp_path: Path
) -> None:
    data = tmp_path / "gx.toml"
    data.write_text(
        DATA.read_text(encoding="utf-8")
        + '\n[sources.h1]\ntitle = "上半年经济运行"\npublished = "2022-07"\n',
        encoding="utf-8",
    )
    draft = tmp_path / "draft.toml"
    draft.write_text(
        "[[figures]]\n"
        'indicator = "vat_refund_enterprises"\nperiod = "2022-01..2022-06"\nvalue = 400\n'
        'unit = "户"\nqualifier = "more_than"\nquote = "为400余户企业办理留抵退税3.9亿元"\n\n'
        "[[figures]]\n"
        'indicator = "vat_refund"\nperiod = "2022-H1"\nvalue = 3.9\nunit = "亿元"\n'
        'quote = "为400余户企业办理留抵退税3.9亿元"\n',
        encoding="utf-8",
    )
    result = invoke(runner, "import", str(draft), "--data", str(data), "--source", "h1")
    assert result.exit_code == 0, result.stderr
    assert "2 added, 0 replaced" in result.stderr
    figures = _figures(runner, data, "--theme", "relief")
    pairs = [
        (f["indicator"], f["value"], f["counts"], f["superseded_by"])
        for f in figures
        if f["indicator"] in ("vat_refund", "vat_refund_enterprises")
    ]
    assert pairs == [
        ("vat_refund_enterprises", 342, False, "h1"),
        ("vat_refund_enterprises", 400, True, None),
        ("vat_refund", 3.28, False, "h1"),
        ("vat_refund", 3.9, True, None),
    ]


def test_the_period_grid_shows_the_figure_that_counts(runner: CliRunner, tmp_path: Path) -> None:
    marked = tmp_path / "marked.toml"
    text = REVENUE.read_text(encoding="utf-8")
    marked.write_text(text.replace('source = "h1"\n', 'source = "h1"\ncounts = true\n'), "utf-8")
    grid = invoke(runner, "report", "--by", "period", "--data", str(marked)).stdout
    assert "260亿元" in grid and "255亿元" not in grid and "240亿元" not in grid


def test_working_out_what_counts_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each figure's article date is read once per figure, however many articles compete."""
    calls = 0
    original = Dataset._published

    def counted(self: Dataset, figure: object) -> str:
        nonlocal calls
        calls += 1
        return original(self, figure)  # type: ignore[arg-type]

    monkeypatch.setattr(Dataset, "_published", counted)
    n = 600
    head = REVENUE.read_text(encoding="utf-8").split("[themes.industry]")[0]
    sources = "".join(
        f'[sources.a{i}]\ntitle = "t{i}"\npublished = "2031-{7 + i % 5:02d}"\n\n' for i in range(n)
    )
    figures = "".join(
        f'[[indicators.revenue.observations]]\nperiod = "2031-H1"\nvalue = {i + 1}\n'
        f'quote = "营业收入{i + 1}亿元"\nsource = "a{i}"\n\n'
        for i in range(n)
    )
    text = (
        head + sources + '[themes.industry]\nname = "工业"\nname_en = "Industry"\n\n'
        '[indicators.revenue]\nname = "营业收入"\nname_en = "Revenue"\ntheme = "industry"\n'
        'unit = "亿元"\n\n' + figures
    )
    dataset = parse_text(text, "many.toml").dataset
    assert sum(dataset.counts("revenue", i) for i in range(n)) == 1
    assert calls <= 2 * n


def test_the_workbook_carries_source_and_counts(runner: CliRunner, tmp_path: Path) -> None:
    import zipfile

    book = tmp_path / "r.xlsx"
    args = ("report", "--data", str(RELIEF), "--format", "xlsx", "-o", str(book))
    assert invoke(runner, *args).exit_code == 0
    with zipfile.ZipFile(book) as z:
        text = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    from ganxian_cli.output.field_labels import field_label

    for field in ("source", "counts", "superseded_by"):
        assert f">{field_label(field, 'zh')}<" in text  # 来源, 计入, 被取代于
