"""A refused import names each problem by the draft's figure and line, and a line of the data
file only where that line is on disk with that content, never a line of the unwritten result."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ganxian_cli.datafile.store import lines_on_disk
from ganxian_cli.errors import Problem
from tests.conftest import ROOT, invoke

DRAFT = """schema_version = 1
kind = "extract-draft"

[[figures]]
indicator = "industrial_output"
value = 160.5
unit = "亿元"
period = "2022-01..2022-06"
quote = "规模以上企业完成工业总产值160.5亿元"

[[figures]]
indicator = "key_projects_started"
value = 30
unit = "个"
period = "2022-01..2022-05"
quote = "1月至5月已开工30个"
"""


def test_a_problem_of_a_figure_on_disk_keeps_its_line_on_disk(tmp_path: Path) -> None:
    data = tmp_path / "mine.toml"
    data.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    before = data.read_bytes()
    result = invoke(CliRunner(), "import", str(draft), "--data", str(data), "--replace")
    assert result.exit_code == 1
    assert data.read_bytes() == before
    lines = data.read_text(encoding="utf-8").splitlines()
    rate = [e for e in result.stderr.splitlines() if "key_project_start_rate" in e]
    assert rate, result.stderr
    for said in rate:  # the rate of 22 / 23 stays where it is on disk: its line, its value
        where = said.split(": ")[0]
        assert where.startswith(f"{data}:"), said
        line = int(where.split(":")[-1])
        assert lines[line - 1] == "[[indicators.key_project_start_rate.observations]]" or (
            lines[line - 1] == "value = 95.65"
        ), said
    for said in result.stderr.splitlines():  # the draft's own figure: its number and line
        if "key_projects_started" in said and "draft.toml" in said:
            assert "figure #2" in said
    assert not any(f"{data}:" in e and "key_projects_started" in e.split(": ")[0]
                   for e in result.stderr.splitlines())  # fmt: skip


def test_lines_inside_the_change_that_are_on_disk_get_their_line_on_disk() -> None:
    old = "a\nb\nc\nd\ne\n"
    new = "a\nNEW\nb\nc\nNEW2\nd\ne\n"
    problems = [
        Problem("G1", "b", "f", 3),
        Problem("G2", "new", "f", 5),
        Problem("G3", "e", "f", 7),
        Problem("G4", "the draft's", "draft.toml", 5),
    ]
    placed = lines_on_disk(problems, old, new, "import", "f")
    assert [p.line for p in placed] == [2, None, 5, 5]
    assert "(in what import would write; nothing written)" in placed[1].message
    assert placed[3] == problems[3]


def test_a_problem_of_a_target_the_draft_adds_is_at_the_drafts_figure(tmp_path: Path) -> None:
    data = tmp_path / "mine.toml"
    data.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    draft = tmp_path / "draft.toml"
    draft.write_text(
        'schema_version = 1\nkind = "extract-draft"\n\n[[figures]]\n'
        'indicator = "key_project_investment"\nvalue = 90\nunit = "亿元"\nperiod = "2023"\n'
        'status = "target"\ntracks = "key_projects_started"\n',
        encoding="utf-8",
    )
    result = invoke(CliRunner(), "import", str(draft), "--data", str(data), "-n")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{draft}:10: error[G203]: figure #1, tracks: ")
    assert "key_projects_started is not measured like" in result.stderr
    assert "targets[" not in result.stderr


def test_a_problem_on_disk_the_drafts_figures_cause_names_them(tmp_path: Path) -> None:
    data = tmp_path / "mine.toml"
    data.write_bytes((ROOT / "data" / "indicators.toml").read_bytes())
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    result = invoke(CliRunner(), "import", str(draft), "--data", str(data), "--replace")
    rate = [e for e in result.stderr.splitlines() if "key_project_start_rate" in e]
    assert rate and all(e.endswith("(with the draft's figure #2)") for e in rate), rate
