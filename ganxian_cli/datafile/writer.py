"""Writing data files: the canonical layout, and a safe, locked, atomic replace.

The canonical layout is what tomli-w writes for the dataset with defaults left out, themes in
file order, indicators grouped by theme, figures by period. tomli-w cannot keep comments, so a
file with comments is refused rather than silently stripped.
"""

from __future__ import annotations

import contextlib
import difflib
import json
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any

import tomli_w

from ..errors import DataError, Problem, UsageError
from ..model.models import Dataset
from ..model.refs import pin, resolve
from .loader import read_bytes

STATUS_ORDER = {"target": 0, "actual": 1, "forecast": 2}


def _plain_data(value: Any) -> Any:
    """Integral Decimals written without a point become ints again (30478 stays 30478)."""
    if isinstance(value, Decimal):
        return int(value) if value.as_tuple().exponent == 0 else value
    if isinstance(value, dict):
        return {k: _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    return value


def canonical_data(dataset: Dataset) -> dict[str, Any]:
    """The dataset as plain data in canonical order, defaults left out."""
    theme_order = {theme: n for n, theme in enumerate(dataset.themes)}
    indicators = sorted(
        dataset.indicators.items(),
        key=lambda item: theme_order.get(item[1].theme, len(theme_order)),
    )
    data = dataset.model_dump(mode="python", exclude_defaults=True)
    # A target names one figure for good: pin it, so figures recorded later cannot make it vague.
    for target in data.get("targets", []):
        target["target"] = pin(resolve(dataset, target["target"]))
    data["indicators"] = {}
    for ident, indicator in indicators:
        dumped = indicator.model_dump(mode="python", exclude_defaults=True)
        order = sorted(
            range(len(indicator.observations)),
            key=lambda i: _figure_key(indicator.observations[i]),
        )
        if order:
            dumped["observations"] = [dumped["observations"][i] for i in order]
        data["indicators"][ident] = dumped
    return {k: v for k, v in _plain_data(data).items() if v not in ({}, [])}


def _figure_key(figure: Any) -> tuple[int, int, int, int, str]:
    p = figure.period
    return (p.year, p.start, p.end, STATUS_ORDER[figure.status], figure.subject or "")


def canonical_text(dataset: Dataset) -> str:
    """The file text `ganxian fmt` writes.

    Every table and array of tables gets its own header, short or long, so each figure has one
    obvious place in the file; the values themselves are formatted by tomli-w. Keys are bare
    identifiers (the models enforce it), except declared unit symbols, which are quoted.
    """
    data = canonical_data(dataset)
    chunks = [tomli_w.dumps({k: v for k, v in data.items() if not isinstance(v, dict | list)})]
    for key, value in data.items():
        if key == "indicators":
            for ident, indicator in value.items():
                observations = indicator.pop("observations", [])
                withheld = indicator.pop("withheld", [])
                chunks.append(_table(f"[indicators.{ident}]", indicator))
                chunks.extend(
                    _table(f"[[indicators.{ident}.observations]]", figure)
                    for figure in observations
                )
                chunks.extend(
                    _table(f"[[indicators.{ident}.withheld]]", figure) for figure in withheld
                )
        elif key in ("themes", "sources", "units"):
            chunks.extend(_table(f"[{key}.{_key(ident)}]", table) for ident, table in value.items())
        elif isinstance(value, dict):
            chunks.append(_table(f"[{key}]", value))
        elif isinstance(value, list):
            chunks.extend(_table(f"[[{key}]]", item) for item in value)
    return "\n".join(chunks)


def _key(key: str) -> str:
    """A TOML key: bare when it can be, else a basic string (declared units: "万标箱")."""
    if re.fullmatch(r"[A-Za-z0-9_-]+", key):
        return key
    return json.dumps(key, ensure_ascii=False).replace("\x7f", "\\u007f")


def _table(header: str, body: dict[str, Any]) -> str:
    return f"{header}\n{tomli_w.dumps(body)}"


def comment_lines(text: str) -> list[int]:
    """Lines holding a TOML comment (a # outside strings)."""
    found: list[int] = []
    multiline = ""
    for number, line in enumerate(
        text.split("\n"), start=1
    ):  # TOML breaks lines at LF, not NEL or U+2028
        pos, quote = 0, ""
        while pos < len(line):
            if multiline:
                end = line.find(multiline, pos)
                if end < 0:
                    break
                pos, multiline = end + 3, ""
                continue
            ch = line[pos]
            if quote:
                if ch == "\\" and quote == '"':
                    pos += 1
                elif ch == quote:
                    quote = ""
            elif line.startswith(('"""', "'''"), pos):
                multiline = line[pos : pos + 3]
                pos += 3
                continue
            elif ch in "\"'":
                quote = ch
            elif ch == "#":
                found.append(number)
                break
            pos += 1
    return found


def refuse_comments(text: str, name: str) -> None:
    lines = comment_lines(text)
    if lines:
        shown = ", ".join(str(n) for n in lines[:10]) + (", …" if len(lines) > 10 else "")
        raise DataError(
            [
                Problem(
                    "G401",
                    f"file has comments (lines {shown}), which rewriting would lose; move them "
                    "into `note` fields or run `ganxian fmt --drop-comments`",
                    name,
                    lines[0],
                )
            ]
        )


def unified_diff(old: str, new: str, name: str) -> str:
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
        )
    )


def _lock(fd: int) -> None:
    """Block until this process holds an exclusive lock on the open file *fd*."""
    if sys.platform == "win32":
        import msvcrt

        while True:  # msvcrt.LK_LOCK gives up after 10 s; a writer may take longer
            try:
                msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
                return
            except OSError:
                continue
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_EX)


@contextlib.contextmanager
def locked(path: str) -> Iterator[None]:
    """Hold an exclusive lock on PATH.lock for a whole read-modify-write.

    The data file itself cannot carry the lock: it is replaced, and a lock on the old inode
    would not stop a writer that opened the new one.
    """
    if not os.path.isfile(path):
        read_bytes(path)  # raises the usual "no such file" / "is a directory" message
        raise UsageError(f"{path}: not a regular file")
    lock_path = path + ".lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise UsageError(f"{lock_path}: cannot create lock file: {exc.strerror or exc}") from None
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def atomic_replace(path: str, text: str, check: Callable[[bytes], None]) -> None:
    """Replace PATH with TEXT so that readers see the old file or the new one, never a mix.

    Writes a temporary file beside PATH, fsyncs it, gives it PATH's mode, re-reads and checks
    those bytes with CHECK, renames it over PATH and fsyncs the folder. On any failure the
    temporary file is removed and PATH is left exactly as it was.
    """
    folder = os.path.dirname(os.path.abspath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    data = text.encode("utf-8")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(f"{folder}: cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        with open(tmp, "rb") as handle:
            written = handle.read()
        if written != data:
            raise OSError("the temporary file does not read back as written")
        check(written)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise UsageError(
                f"{path}: not written, file unchanged: {exc.strerror or exc}"
            ) from None
        raise
    if sys.platform != "win32":  # make the rename itself durable (not possible on Windows)
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
