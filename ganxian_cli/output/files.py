"""Every output file (--output, -o) is written here: never over what the command reads, never
over a device, FIFO or folder, and atomically.

A path is resolved like the data-file writers resolve theirs (`datafile.atomic`): a symbolic
link is followed and its final target written, so the link stays a link. The target must be a
regular file or a new name in an existing folder, and must not be a file the command reads
(compared after resolving links, and by inode, so a hard link counts too). The content goes
into a temporary file beside the target, which is renamed over it when complete: a failure
(a full disk, Ctrl-C) leaves the old file as it was and no temporary file behind. `-` means
standard output for the text formats; a workbook or a database is never written there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from typing import IO

from ..errors import UsageError

STDOUT = "-"
BINARY_FORMATS = ("xlsx", "sqlite")  # never written to standard output


def to_stdout(output: str | None) -> bool:
    """Whether the document goes to standard output: no --output, or `--output -`."""
    return output is None or output == STDOUT


def check_output(output: str, fmt: str, inputs: Iterable[str] = ()) -> str:
    """The file to write for `--output OUTPUT` in *fmt*, links resolved; UsageError (status 2,
    nothing written) for `-` with a binary format, a folder, a FIFO or device, a missing
    folder, a read-only file, or a file among *inputs*."""
    if output == STDOUT:
        if fmt in BINARY_FORMATS:
            raise UsageError(f"--output -: {fmt} cannot go to standard output; give a file name")
        return STDOUT
    if not output:
        raise UsageError("--output: empty file name")
    if output.endswith(("/", os.sep)):
        raise UsageError(f"--output {output}: names a folder; give a file name")
    try:
        real = os.path.realpath(output)
        info: os.stat_result | None = os.stat(real)
    except FileNotFoundError:
        info = None
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise UsageError(f"--output {output}: cannot write: {reason}") from None
    if info is None:
        folder = os.path.dirname(real)
        if not os.path.isdir(folder):
            raise UsageError(f"--output {output}: no such folder {folder}")
    elif stat.S_ISDIR(info.st_mode):
        raise UsageError(f"--output {output}: is a directory")
    elif not stat.S_ISREG(info.st_mode):
        raise UsageError(
            f"--output {output}: not a regular file (a FIFO or a device); ganxian writes only "
            "to a regular file or a new name"
        )
    elif not os.access(real, os.W_OK):
        raise UsageError(f"--output {output}: no permission to write it; not written")
    for source in inputs:
        if _same(source, real, info):
            raise UsageError(
                f"--output {output}: is {source}, which this command reads; nothing written "
                "(choose another file name)"
            )
    return real


def _same(source: str, real: str, info: os.stat_result | None) -> bool:
    if source == STDOUT:
        return False
    try:
        if os.path.realpath(source) == real:
            return True
        theirs = os.stat(source)
    except (OSError, ValueError):
        return False
    return info is not None and (theirs.st_dev, theirs.st_ino) == (info.st_dev, info.st_ino)


def write_bytes(output: str, fmt: str, data: bytes, inputs: Iterable[str] = ()) -> bool:
    """Write *data* to the --output file, atomically, after the checks of `check_output`;
    True if it replaced a file."""

    def fill(temporary: str) -> None:
        with open(temporary, "wb") as handle:
            handle.write(data)

    return build(output, fmt, fill, inputs)


def build(output: str, fmt: str, fill: Callable[[str], None], inputs: Iterable[str] = ()) -> bool:
    """Have *fill* write the --output file's content into a temporary file beside it, then put
    it in place atomically (after the checks of `check_output`); True if it replaced a file."""
    from ..datafile.atomic import replace_with

    real = check_output(output, fmt, inputs)
    if real == STDOUT:
        raise UsageError(f"--output -: {fmt} cannot go to standard output")  # a caller's slip
    replaced = os.path.exists(real)
    replace_with(real, fill)
    return replaced


def wrote(output: str, replaced: bool) -> str:
    """The line that says an --output file was written: `wrote F`, or `replaced F`."""
    return f"ganxian: {'replaced' if replaced else 'wrote'} {output}"


def spool() -> IO[str]:
    """Where a document over many files waits until every file has been read: in memory while
    small, then in a temporary file, so that a bad file ends the run before any output."""
    import tempfile

    return tempfile.SpooledTemporaryFile(max_size=1 << 22, mode="w+", encoding="utf-8")
