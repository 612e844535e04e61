"""Ctrl-C ends in one line and status 130 wherever it lands: while starting, parsing options,
waiting for input, serializing or printing problems."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ganxian_cli.model import periods
from tests.conftest import DATA, ROOT, invoke

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "GANXIAN_DATA": str(DATA)}
GANXIAN = [sys.executable, "-m", "ganxian_cli"]
_READ = {"x86_64": "0", "aarch64": "63"}.get(os.uname().machine if os.name == "posix" else "")


def _reads_stdin(pid: int) -> bool:
    """True while *pid* is blocked in read(2) on descriptor 0."""
    try:
        call = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return False
    return call[:2] == [_READ, "0x0"]


def _ctrl_c_as_at_a_terminal() -> None:
    """In the child before it runs ganxian: SIGINT at its default disposition.

    A program started with SIGINT ignored keeps it ignored (Python installs its handler only
    over the default), and so does everything it starts: a test run launched in the background
    of a non-interactive shell (`pytest … &`, a CI step's script) has SIGINT ignored. The
    signal was then lost, `communicate` closed the input, and `validate -` judged an empty file:
    status 1, nothing on stderr. A terminal's Ctrl-C finds the default disposition."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(
    _READ is None or not Path("/proc/self/syscall").exists(), reason="needs Linux /proc"
)
def test_ctrl_c_ends_with_a_message_and_status_130() -> None:
    """SIGINT while a command runs (here `validate -` waiting for its input): one line, 130."""
    import signal
    import time

    process = subprocess.Popen(
        [*GANXIAN, "validate", "-"],
        env=ENV,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_at_a_terminal,  # the test starts no thread
    )
    try:
        deadline = time.monotonic() + 60
        while not _reads_stdin(process.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert err == b"ganxian: interrupted\n"


def test_ctrl_c_inside_a_pydantic_serializer_is_an_interrupt(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while `record` dumps the dataset lands in PeriodField's serializer (str), and
    pydantic wraps it: PydanticSerializationError with the KeyboardInterrupt as __cause__.
    Seen for real (SIGINT 1.7 s into `record` on a 0.5 MiB file): 'ganxian: internal error:
    PydanticSerializationError: Error calling function `str`: KeyboardInterrupt' and status 3,
    which tells the user it is a bug. Expected: 'ganxian: interrupted', 130
    (cli.run.handle_errors looks at the exception only, not at its cause)."""
    copy = tmp_path / "data.toml"
    # a figure without its number: its table is dumped by pydantic (figures are written
    # straight from their models)
    withheld = '\n[[indicators.industrial_output.withheld]]\nperiod = "2031-05"\n'
    copy.write_bytes(DATA.read_bytes() + withheld.encode())
    before = copy.read_bytes()
    plain_str = periods.Period.__str__

    def interrupted_in_a_dump(self: periods.Period) -> str:
        if sys._getframe(1).f_code.co_name == "model_dump":  # pydantic serializing
            raise KeyboardInterrupt
        return plain_str(self)

    monkeypatch.setattr(periods.Period, "__str__", interrupted_in_a_dump)
    args = ["record", "key_projects_started", "-p", "2031-Q1", "-v", "13", "-d", str(copy)]
    result = invoke(runner, *args)
    assert copy.read_bytes() == before
    assert result.stderr == "ganxian: interrupted\n"
    assert result.exit_code == 130


@pytest.mark.parametrize(
    "entry",
    [["-m", "ganxian_cli"], ["-c", "from ganxian_cli.__main__ import main; main()"]],
    ids=["python -m", "console script"],
)
def test_ctrl_c_while_the_program_starts_is_no_traceback(tmp_path: Path, entry: list[str]) -> None:
    """SIGINT while the program's modules load (0.1-0.8 s on a busy machine) printed a Python
    traceback. Simulated by an interrupted import (a `typer` that raises KeyboardInterrupt),
    through both entry points: `python -m ganxian_cli` and the console script's function."""
    fake = tmp_path / "typer"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise KeyboardInterrupt\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}"}
    done = subprocess.run(
        [sys.executable, *entry, "validate", str(DATA)], env=env, capture_output=True, timeout=60
    )
    assert done.stderr == b"ganxian: interrupted\n"
    assert done.returncode == 130


def test_ctrl_c_while_problems_are_printed_is_an_interrupt(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while a broken file's problems are printed (thousands, on a big file) landed in
    the handler's own `except DataError` clause: Typer then ended the run with 130 and nothing
    on stderr."""
    from ganxian_cli.errors import Problem

    bad = tmp_path / "bad.toml"
    bad.write_text(DATA.read_text(encoding="utf-8").replace("schema_version = 1\n", ""), "utf-8")

    def interrupted(self: Problem) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(Problem, "format", interrupted)
    result = invoke(runner, "report", "--data", str(bad))
    assert result.stderr == "ganxian: interrupted\n"
    assert result.exit_code == 130


def test_ctrl_c_while_options_are_parsed_is_said_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer ends a Ctrl-C outside any command (while it parses options) with 130 and nothing
    on stderr; `main` says `interrupted` then."""
    import io

    from ganxian_cli.cli import entry

    def interrupted(*args: object, **kwargs: object) -> None:
        raise SystemExit(130)  # what Typer raises for a KeyboardInterrupt in its parsing

    stderr = io.StringIO()
    monkeypatch.setattr(entry, "app_for", lambda args: interrupted)
    monkeypatch.setattr(sys, "stderr", stderr)
    # what `main` sets up for its process, put back for the tests after this one: its stand-in
    # for stdout, the plugins it turns off (the collector it turns off: tests/conftest.py)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "__all__")
    monkeypatch.setattr(sys, "argv", ["ganxian", "report"])
    with pytest.raises(SystemExit) as ended:
        entry.main()
    assert ended.value.code == 130
    assert stderr.getvalue() == "ganxian: interrupted\n"
