"""How a command ends: the exit statuses, the one message an error gets, and plain writes.

Exit statuses: 0 ok, 1 the data has problems, 2 usage error (or output that cannot be written),
3 internal error (a bug), 130 interrupted.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from ..errors import (
    EXIT_INTERRUPTED,
    INTERRUPTED,
    DataError,
    OutputError,
    ReaderGone,
    UsageError,
    escape_control,
)

if TYPE_CHECKING:
    from ..output.render import Sink
    from ..output.section_grid import ColorMode

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def env_flag(value: str | None) -> bool:
    """An on/off environment variable: unset, empty, 0, false, no and off mean off."""
    return (value or "").strip().lower() not in ("", "0", "false", "no", "off")


class RunState:
    """What one run remembers: whether an internal error shows its traceback, and whether
    `interrupted` has been said (it is said once)."""

    def __init__(self, traceback: bool) -> None:
        self.traceback = traceback
        self.interrupted_said = False


STATE = RunState(traceback=env_flag(os.environ.get("GANXIAN_TRACEBACK")))

F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(command: F) -> F:
    """Turn the core's exceptions into one message on stderr and an exit status; Ctrl-C, even
    while those messages are printed, into `interrupted` and 130."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        STATE.interrupted_said = False
        try:
            return _reported(command, *args, **kwargs)
        except KeyboardInterrupt:
            interrupted()
            raise typer.Exit(EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def _reported(command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    from ..model.units import command_scope

    try:
        with command_scope():  # files' declared units, known until the command ends
            return command(*args, **kwargs)
    except DataError as exc:
        for problem in exc.problems:
            err(problem.format())
        raise typer.Exit(EXIT_DATA) from None
    except UsageError as exc:
        err(f"ganxian: error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except OutputError as exc:
        err(f"ganxian: error: cannot write output: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    except (BrokenPipeError, ReaderGone, typer.Exit):
        raise  # the reader has gone (main() ends quietly), or the command's own exit status
    except Exception as exc:
        _internal(exc)
        raise typer.Exit(EXIT_INTERNAL) from None


def _internal(exc: Exception) -> None:
    """A bug: one line naming it (its traceback with --traceback); a Ctrl-C that a library
    wrapped in its own error (pydantic) is still a Ctrl-C."""
    if hasattr(exc, "exit_code"):
        raise exc  # Click's own exits and aborts
    if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
        raise KeyboardInterrupt from None
    if STATE.traceback:
        import traceback

        traceback.print_exc()
    err(f"ganxian: internal error: {type(exc).__name__}: {exc} (run with --traceback)")


def interrupted() -> None:
    """Say `interrupted`, once (Typer ends an interrupt outside a command silently: main())."""
    if not STATE.interrupted_said:
        STATE.interrupted_said = True
        err(INTERRUPTED)


def err(message: str) -> None:
    """One line on stderr, control characters escaped; a closed or full stderr is no error."""
    if sys.stderr is None:
        return
    try:
        sys.stderr.write(escape_control(message) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def out(text: str) -> None:
    """Machine output: plain writes, never through Rich."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def sink(
    color: ColorMode = "auto",
    output: str | None = None,
    bom: bool = False,
    quiet: bool = False,
) -> Sink:
    """Where a command's document is drawn: these options, and `err` and `out`."""
    from ..output.render import Sink

    return Sink(err, out, color, output, bom, quiet)


def exit_with(unreadable: bool, problems: bool) -> None:
    """End a command whose result is printed: 2 if a file could not be read, 1 if the data has
    problems (or is not canonical), else 0."""
    if unreadable:
        raise typer.Exit(EXIT_USAGE)
    if problems:
        raise typer.Exit(EXIT_DATA)


def fail_with(failures: tuple[str, ...]) -> None:
    """End `progress --fail-on`: each failing target on stderr, then status 1."""
    for line in failures:
        err(line)
    if failures:
        raise typer.Exit(EXIT_DATA)
