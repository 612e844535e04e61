"""--output and export -o: never over what the command reads, never over a device, a FIFO or a
link's name, always atomic; `-` is standard output for text formats only."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.output import files
from tests.conftest import DATA, invoke

WRITERS = [
    ["report", "-f", "html"],
    ["report", "-f", "xlsx"],
    ["progress", "-f", "html"],
    ["compare", "-f", "xlsx"],
    ["report", "-f", "json"],
    ["report", "-f", "csv"],
    ["progress", "-f", "markdown"],
    ["export"],
]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "d.toml"
    shutil.copyfile(DATA, copy)
    return copy


def _run(runner: CliRunner, args: list[str], data: Path, output: str):  # type: ignore[no-untyped-def]
    return invoke(runner, *args, "--data", str(data), "--output", output)


@pytest.mark.parametrize("args", WRITERS, ids=" ".join)
def test_output_never_replaces_the_data_file_it_reads(
    runner: CliRunner, data: Path, args: list[str]
) -> None:
    plain = data.rename(data.parent / "figures")  # a name that says no format
    before = plain.read_bytes()
    result = _run(runner, args, plain, str(plain))
    assert result.exit_code == 2, result.stderr
    assert "which this command reads" in result.stderr
    assert plain.read_bytes() == before
    assert sorted(p.name for p in plain.parent.iterdir()) == ["figures"]


@pytest.mark.parametrize("args", WRITERS[:-1], ids=" ".join)
def test_a_data_files_name_is_no_name_for_another_format(
    runner: CliRunner, data: Path, args: list[str]
) -> None:
    before = data.read_bytes()
    result = _run(runner, args, data, str(data))
    assert result.exit_code == 2, result.stderr
    assert f"is named as toml but --format is {args[-1]}" in result.stderr
    assert data.read_bytes() == before
    assert sorted(p.name for p in data.parent.iterdir()) == ["d.toml"]


@pytest.mark.parametrize(
    ("args", "name", "starts"),
    [
        (["report"], "r.xlsx", b"PK"),
        (["report"], "r.json", b"{"),
        (["report"], "r.CSV", b"section,theme,indicator,"),
        (["progress"], "p.html", b"<!DOCTYPE html>"),
        (["report"], "r.md", b"## "),
        (["report"], "r.txt", "工业运行".encode()),
        (["list"], "l.json", b"{"),
    ],
)
def test_without_format_the_outputs_extension_chooses_it(
    runner: CliRunner, data: Path, args: list[str], name: str, starts: bytes
) -> None:
    result = _run(runner, args, data, str(data.parent / name))
    assert result.exit_code == 0, result.stderr
    assert (data.parent / name).read_bytes().startswith(starts)


@pytest.mark.parametrize(
    ("args", "name", "says"),
    [
        (["list"], "l.xlsx", "--output {o} is named as xlsx, which this command does not write"),
        (
            ["report", "-f", "json"],
            "r.csv",
            "is named as csv but --format is json: name it {b}.json",
        ),
        (["report", "--json"], "r.md", "is named as markdown but --format is json"),
        (["report"], "r.toml", "is named as toml, which this command does not write"),
        (["report"], "new/", "--output {o}: names a folder; give a file name"),
    ],
)
def test_an_outputs_name_for_another_format_is_refused(
    runner: CliRunner, data: Path, args: list[str], name: str, says: str
) -> None:
    (data.parent / "sub").mkdir()
    output = f"{data.parent}/{name}"
    result = _run(runner, args, data, output)
    assert result.exit_code == 2
    assert says.format(o=output, b=output.rsplit(".", 1)[0]) in result.stderr
    assert sorted(p.name for p in data.parent.iterdir()) == ["d.toml", "sub"]


@pytest.mark.parametrize("args", WRITERS[:2] + WRITERS[-1:], ids=" ".join)
def test_nor_through_a_symbolic_or_hard_link(
    runner: CliRunner, data: Path, args: list[str]
) -> None:
    before = data.read_bytes()
    (data.parent / "o.out").symlink_to(data.name)
    os.link(data, data.parent / "hard.out")
    for name in ("o.out", "hard.out"):
        result = _run(runner, args, data, str(data.parent / name))
        assert result.exit_code == 2 and "which this command reads" in result.stderr
    assert data.read_bytes() == before


def test_export_writes_through_a_link_and_keeps_it(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    (tmp_path / "real").mkdir()
    link = tmp_path / "o.db"
    link.symlink_to("real/x.db")
    result = _run(runner, ["export"], data, str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and (tmp_path / "real" / "x.db").read_bytes().startswith(b"SQLite")


@pytest.mark.parametrize("args", [["export"], ["report", "-f", "xlsx"], ["report", "-f", "json"]])
def test_a_fifo_or_a_device_is_refused(
    runner: CliRunner, data: Path, tmp_path: Path, args: list[str]
) -> None:
    fifo = tmp_path / "o.fifo"
    os.mkfifo(fifo)
    for target in (str(fifo), os.devnull):
        result = _run(runner, args, data, target)
        assert result.exit_code == 2, result.stderr
        assert "not a regular file" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.parametrize("args", [["export"], ["report", "-f", "xlsx"]])
def test_dash_is_refused_for_a_workbook_or_a_database(
    runner: CliRunner, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run(runner, args, data, "-")
    assert result.exit_code == 2 and "cannot go to standard output" in result.stderr
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html", "table"])
def test_dash_is_standard_output_for_text(
    runner: CliRunner, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = _run(runner, ["report", "-f", fmt], data, "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() and not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    "args",
    [["report", "-f", f] for f in ("json", "csv", "markdown", "table")]
    + [
        ["progress", "-f", "json"],
        ["compare", "-f", "csv"],
        ["history", "industrial_revenue", "-f", "json"],
    ],
    ids=" ".join,
)
def test_every_text_format_writes_its_output_file(
    runner: CliRunner, data: Path, tmp_path: Path, args: list[str]
) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old")
    result = _run(runner, args, data, str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    expected = invoke(runner, *args, "--data", str(data)).stdout
    assert out.read_text(encoding="utf-8") == expected and expected.strip()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.toml", "out.txt"]


def test_a_missing_folder_is_one_line_and_status_2(runner: CliRunner, data: Path) -> None:
    for args in (["report", "-f", "xlsx"], ["progress", "-f", "xlsx"], ["report", "-f", "html"]):
        result = _run(runner, args, data, "/nonexistent-folder/r.out")
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "no such folder" in result.stderr


@pytest.mark.parametrize("args", [["report", "-f", "html"], ["report", "-f", "xlsx"]])
def test_a_full_disk_keeps_the_old_file(
    runner: CliRunner,
    data: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    out = tmp_path / "old.out"
    out.write_bytes(b"the old page")
    real_open = open

    def full(path: object, mode: str = "r", *a: object, **k: object):  # type: ignore[no-untyped-def]
        if "w" in mode and str(path).endswith(".tmp"):
            raise OSError(28, "No space left on device")
        return real_open(path, mode, *a, **k)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", full)
    result = _run(runner, args, data, str(out))
    monkeypatch.undo()
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("ganxian: error") == 1
    assert out.read_bytes() == b"the old page"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.toml", "old.out"]


def test_a_new_output_file_gets_the_usual_mode(data: Path, tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        files.write_bytes(str(tmp_path / "n.json"), "json", b"{}", [str(data)])
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "n.json").stat().st_mode) == 0o644


def test_extract_writes_its_draft_and_never_over_the_article(
    runner: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("今年1至5月,规模以上企业完成工业总产值133.87亿元。", encoding="utf-8")
    draft = tmp_path / "draft.toml"
    args = ["extract", str(article), "--published", "2031-06", "-f", "toml"]
    result = invoke(runner, *args, "--output", str(draft))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and draft.read_text(encoding="utf-8") == invoke(runner, *args).stdout
    before = article.read_bytes()
    refused = invoke(runner, *args, "--output", str(article))
    assert refused.exit_code == 2 and "which this command reads" in refused.stderr
    assert article.read_bytes() == before


def test_list_takes_output(runner: CliRunner, data: Path, tmp_path: Path) -> None:
    out = tmp_path / "ids.json"
    result = invoke(runner, "list", "--data", str(data), "-f", "json", "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert '"kind": "list"' in out.read_text(encoding="utf-8")


def test_only_the_file_writers_open_files_for_writing() -> None:
    """Every output file goes through `output.files` (and data files through `datafile`)."""
    import re

    root = Path(files.__file__).resolve().parent.parent
    writes = re.compile(
        r"os\.replace|os\.rename|tempfile\.|\.write_(?:bytes|text)\(|open\([^)]*[\"'][wax]b?[\"']"
        r"|xlsxwriter\.Workbook\((?!buffer)|sqlite3\.connect\((?!path)"
    )
    allowed = {"datafile/atomic.py", "datafile/starter.py", "output/files.py"}
    found = [
        f"{path.relative_to(root)}:{n}"
        for path in sorted(root.rglob("*.py"))
        if str(path.relative_to(root)) not in allowed
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if writes.search(line)
    ]
    assert found == []


def test_a_replaced_output_keeps_its_mode_and_a_read_only_one_is_refused(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "r.json"
    out.write_text("old")
    out.chmod(0o640)
    assert _run(runner, ["report", "-f", "json"], data, str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and out.read_text() != "old"
    if os.geteuid() == 0:
        return  # root may write anything
    out.chmod(0o440)
    result = _run(runner, ["report", "-f", "json"], data, str(out))
    assert result.exit_code == 2 and "no permission" in result.stderr


def test_export_refuses_its_output_before_reading_any_data(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("not toml [", encoding="utf-8")
    result = invoke(runner, "export", "--data", str(bad), "-o", "-")
    assert result.exit_code == 2 and "cannot go to standard output" in result.stderr
    assert "bad.toml" not in result.stderr


@pytest.mark.parametrize("args", [a for a in WRITERS if a != ["export"]], ids=" ".join)
def test_every_output_file_is_said_and_a_replaced_one_says_so(
    runner: CliRunner, args: list[str], data: Path, tmp_path: Path
) -> None:
    """`--format xlsx|html --output F` printed nothing, and replaced an existing F silently."""
    out = tmp_path / "out.file"
    first = _run(runner, args, data, str(out))
    assert first.exit_code == 0, first.stderr
    assert first.stderr.splitlines()[-1] == f"ganxian: wrote {out}"
    again = _run(runner, args, data, str(out))
    assert again.stderr.splitlines()[-1] == f"ganxian: replaced {out}"
    quiet = invoke(runner, *args, "--data", str(data), "--output", str(out), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_export_says_when_it_replaced_a_database(
    runner: CliRunner, data: Path, tmp_path: Path
) -> None:
    out = tmp_path / "x.db"
    first = _run(runner, ["export"], data, str(out))
    assert first.exit_code == 0, first.stderr
    assert first.stderr.rstrip().endswith(f"to {out} (sqlite)")
    again = _run(runner, ["export"], data, str(out))
    assert again.stderr.rstrip().endswith(f"to {out} (sqlite; replaced the old file)")
