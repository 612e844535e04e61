"""Article bytes to text (UTF-8 or GBK; a saved web page read by `page`; empty, binary and
huge input refused), and which of the data file's [sources] the article is."""

from __future__ import annotations

import os
import re
import sys

from ...errors import DataError, UsageError
from ...model.models import Dataset
from ..checks.texts import is_html, source_text_path

MAX_ARTICLE_BYTES = 1024 * 1024
_CJK = re.compile(r"[\u4e00-\u9fff]")


def article_bytes(article: str) -> bytes:
    """The bytes of the file *article*, or of standard input for "-": at most one byte more
    than an article may have, so that `read_article` can refuse a larger one."""
    if article == "-":
        stream = sys.stdin
        if stream is None:  # started with standard input closed (<&-)
            raise UsageError("standard input is closed; nothing to read for '-'")
        try:
            return stream.buffer.read(MAX_ARTICLE_BYTES + 1)
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or exc
            raise UsageError(f"cannot read standard input: {reason}") from None
    from ...datafile.loader import read_bytes

    try:
        return read_bytes(article)
    except DataError:  # larger than a data file may be: say so as for an article
        return b"\0" * (MAX_ARTICLE_BYTES + 1)


def read_article(data: bytes, name: str) -> tuple[str, str]:
    """The article's text and a note on how it was read ("" when plain UTF-8)."""
    if len(data) > MAX_ARTICLE_BYTES:
        limit = MAX_ARTICLE_BYTES // 1024
        raise UsageError(f"{name}: larger than {limit} KiB; an article is expected, not refused")
    if not data.strip():
        raise UsageError(f"{name}: empty: no article text to read")
    if b"\x00" in data[:4096] or _control_share(data[:4096]) > 0.05:
        raise UsageError(f"{name}: binary data, not article text (save the article as text)")
    text, note = _decode(data, name)
    if is_html(text):
        text = html_text(text)
        note = (note + "; " if note else "") + "read as an HTML page: main text and tables"
    if not text.strip():
        raise UsageError(f"{name}: no text left to read")
    return text, note


def _control_share(data: bytes) -> float:
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 13))
    return controls / max(1, len(data))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    if text and len(_CJK.findall(text)) >= max(1, len(text) // 10):
        return text, "decoded as GBK (GB18030): not UTF-8"
    line = data.count(b"\n", 0, utf8_error.start) + 1
    raise UsageError(
        f"{name}:{line}: neither UTF-8 nor GBK text (byte 0x{data[utf8_error.start]:02x}); "
        "convert it to UTF-8"
    )


def html_text(html: str) -> str:
    """The text of a saved web page as extract and validate read it: its title, main text and
    tables as pipe lines (`page.page_text`), menus, scripts and footers dropped; the page's
    text with only its tags removed where no main text is found."""
    from .page import all_text, page_text  # the HTML library is loaded for pages only

    _, text = page_text(html)
    return text if text.strip() else all_text(html)


def article_source(dataset: Dataset, data_file: str, article: str) -> str | None:
    """The [sources] id whose `text` is the file *article*, when exactly one is."""
    if article == "-" or data_file == "<stdin>":
        return None
    found = []
    for ident, source in dataset.sources.items():
        path = source_text_path(data_file, source.text) if source.text else None
        if path is not None and _same_file(path, article):
            found.append(ident)
    return found[0] if len(found) == 1 else None


def chosen_source(dataset: Dataset, ident: str) -> str:
    """*ident* if it names one of the file's [sources], else a usage error listing them."""
    if ident in dataset.sources:
        return ident
    known = ", ".join(dataset.sources) or "none: the data file has no [sources] tables"
    raise UsageError(
        f"--source {ident!r}: no such [sources] id (known: {known}); for a new article leave out "
        f"--source here, give --published YYYY-MM, and add the article at import with --source "
        f"{ident} --source-title … --source-published …"
    )


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False
