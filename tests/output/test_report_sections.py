"""`report` is drawn from `Section`s, one per theme, like every other command: a column added to
the report's columns shows in the terminal table (both layouts), Markdown and the page."""

from __future__ import annotations

from dataclasses import replace

from ganxian_cli.analysis.results import Column
from ganxian_cli.datafile.loader import load
from ganxian_cli.output.exports import report_page_tables
from ganxian_cli.output.report import REPORT_COLUMNS, select, theme_sections
from ganxian_cli.output.report_grid import theme_layouts
from ganxian_cli.output.sections import to_csv, to_markdown
from tests.conftest import DATA


def test_one_section_per_theme_with_every_figure() -> None:
    dataset = load(str(DATA)).dataset
    rows = select(dataset)
    sections = theme_sections(dataset, rows)
    assert len(sections) == len({r.theme for r in rows})
    assert sum(len(s.rows) for s in sections) == len(rows)
    assert {s.key for s in sections} == {"figure"}


def test_a_column_added_in_one_place_shows_everywhere() -> None:
    dataset = load(str(DATA)).dataset
    extra = Column("article", "来源", "Source", text=lambda row, lang: "main-article")
    sections = [
        replace(s, columns=(*REPORT_COLUMNS, extra), fields=(*s.fields, "article"))
        for s in theme_sections(dataset, select(dataset, ["industry"]))
    ]
    for layout in theme_layouts(sections, "en")[0]:
        assert "main-article" in layout.text(200)
    assert "| Source |" in to_markdown(sections, "en")
    assert to_csv(sections, "en").splitlines()[0].endswith(",article")
    assert all("Source" in table.headers for table in report_page_tables(sections, "en"))
