"""Several files at once: `--data` repeated or naming a folder gives a region column."""

from __future__ import annotations

import json
from pathlib import Path

from jsonschema import validate as check_schema
from typer.testing import CliRunner

from ganxian_cli.output.schemas import schema_for
from tests.conftest import ROOT, TESTS, invoke

DATA = TESTS / "data"
TWO = ("--data", str(DATA / "progress_region.toml"), "--data", str(DATA / "other_region.toml"))


def test_two_files_through_progress_have_a_region_column(runner: CliRunner) -> None:
    result = invoke(runner, "progress", *TWO, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.startswith("section,region,")
    regions = {row.split(",")[1] for row in rows}
    assert len(regions) == 2
    doc = json.loads(invoke(runner, "progress", *TWO, "--json").stdout)
    check_schema(doc, schema_for("progress"))
    assert {t["region"] for t in doc["targets"]} == regions  # CSV in the default language
    table = invoke(runner, "progress", *TWO, "--lang", "en")
    assert table.exit_code == 0 and "Region" in table.stdout


def test_a_folder_reads_every_toml_in_it(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("progress_region.toml", "relations_2032.toml"):
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    result = invoke(runner, "report", "--data", str(tmp_path), "--json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    check_schema(doc, schema_for("report"))
    assert [f["region"] for f in doc["figures"]][-1] == "临川市"
    assert len({f["region"] for f in doc["figures"]}) == 2
    compare = json.loads(invoke(runner, "compare", "--data", str(tmp_path), "--json").stdout)
    assert all("region" in row for rows in compare.values() if isinstance(rows, list)
               for row in rows)  # fmt: skip


def test_an_empty_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = invoke(runner, "report", "--data", str(tmp_path))
    assert result.exit_code == 2 and "without *.toml" in result.stderr


def test_each_region_is_judged_at_its_own_month(runner: CliRunner) -> None:
    """Two files of different years: one headline per region, never one summed headline."""
    both = (
        "--data",
        str(ROOT / "data" / "indicators.toml"),
        "--data",
        str(DATA / "october_city.toml"),
    )
    table = invoke(runner, "progress", *both, "--lang", "en", "--color", "never")
    assert table.exit_code == 0, table.stderr
    head = table.stdout.splitlines()[0]
    assert "1 of 2 targets at or ahead" in head and "(as of 2022-05" in head
    assert "1 of 2 targets at or ahead" in head and "(as of 2033-10" in head
    assert "5 targets" not in head and "Jan–May 2022" not in table.stdout.splitlines()[1]
    doc = json.loads(invoke(runner, "progress", *both, "--json").stdout)
    assert doc["as_of"] is None  # no single month speaks for both files
    assert {t["data_end"] for t in doc["targets"]} == {"2022-05", "2033-10"}


def test_report_of_several_files_follows_each_with_its_own_progress(runner: CliRunner) -> None:
    """Each file's 双过半 section comes after its own figures, judged on its own data."""
    several = (
        "--data",
        str(ROOT / "data" / "indicators.toml"),
        "--data",
        str(DATA / "december_city.toml"),
    )
    for fmt in ("table", "markdown"):
        text = invoke(runner, "report", *several, "-f", fmt, "--color", "never").stdout
        heads = [n for n, line in enumerate(text.splitlines()) if "项进度达标" in line]
        assert len(heads) == 2, text  # one headline per file
        assert "截至 2022-05" in text.splitlines()[heads[0]]
        assert "截至 2034-12" in text.splitlines()[heads[1]]
        assert text.index("赣县区") < text.index("截至 2022-05") < text.index("腊月县")
    # a filter leaves the section out, as for one file
    themed = invoke(runner, "report", *several, "--theme", "economy", "--color", "never")
    assert themed.exit_code == 0 and "工业营业收入" in themed.stdout
    assert "项进度达标" not in themed.stdout


def test_report_json_over_several_files_carries_the_progress_that_progress_gives(
    runner: CliRunner,
) -> None:
    report = json.loads(invoke(runner, "report", *TWO, "--json").stdout)
    check_schema(report, schema_for("report"))
    progress = json.loads(invoke(runner, "progress", *TWO, "--json").stdout)
    assert report["progress"]["targets"] == progress["targets"]
    assert len({t["region"] for t in progress["targets"]}) == 2
    summary = ("as_of", "basis", "on_track", "targets_total")
    assert {k: report["progress"][k] for k in summary} == {k: progress[k] for k in summary}
    filtered = json.loads(invoke(runner, "report", *TWO, "--json", "--period", "2031").stdout)
    assert filtered["progress"] is None  # figures filtered: no 双过半, as for one file
