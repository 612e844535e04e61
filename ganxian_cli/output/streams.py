"""Standard streams for a command-line run: UTF-8 machine output, failures as exceptions.

Output is UTF-8 whatever the locale or PYTHONIOENCODING says (JSON and CSV are read by
programs); messages on stderr keep the locale's encoding with unencodable characters escaped.
A closed or failing stdout raises `OutputError`, a reader that went away `ReaderGone`, so the
command line can end with one message (or quietly) instead of an internal error.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

from ..errors import OutputError, ReaderGone


class Stdout(io.TextIOBase):
    """A stand-in for sys.stdout that turns write failures into the two exceptions above."""

    encoding = "utf-8"

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__()
        self._stream = stream

    def _call(self, method: str, *args: str) -> int:
        if self._stream is None:
            if method == "flush":
                return 0
            raise OutputError("standard output is closed")
        try:
            result = getattr(self._stream, method)(*args)
        except BrokenPipeError:
            raise ReaderGone() from None
        except (OSError, ValueError) as exc:
            raise OutputError(getattr(exc, "strerror", None) or str(exc)) from None
        return result if isinstance(result, int) else 0

    def write(self, text: str) -> int:
        return self._call("write", text)

    def flush(self) -> None:
        self._call("flush")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return bool(self._stream is not None and self._stream.isatty())

    def fileno(self) -> int:
        if self._stream is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self._stream.fileno()

    def close(self) -> None:  # the real stream is closed by the interpreter, not by us
        pass

    def silence(self) -> None:
        """Point the real stdout at the null device: nothing left to write can fail again."""
        if self._stream is None:
            return
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)


def set_up() -> Stdout:
    """Install the stand-in; stdout UTF-8, stderr escaping what its encoding cannot show."""
    real = sys.stdout
    if real is not None:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            real.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[union-attr]
    if sys.stderr is not None:
        with contextlib.suppress(AttributeError, ValueError, OSError):
            sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    stdout = Stdout(real)
    sys.stdout = stdout
    return stdout
