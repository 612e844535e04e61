"""Source texts: which file a source's `text` may name, reading it, and the passage closest to
a quote.

A data file may come from anyone (a pull request), so its `text` is read only where it is a
visible, regular UTF-8 file inside the data file's folder that reads as an article (a saved web
page is read as `extract` reads it: its main text and tables); a refusal
names the file, never its content, and no message shows more of a text than a quote's length.
"""

from __future__ import annotations

import os
import re

MAX_TEXT_BYTES = 4 * 1024 * 1024
# compiled on first use (by re's cache): a class this wide takes milliseconds to compile
_CJK = r"[\u3400-\u9fff]"
_HTML = re.compile(r"<\s*(html|body|div|p|br|span|head|meta|!doctype)\b", re.IGNORECASE)


class RefusedText(Exception):
    """A source text that is not read; the message names the file, never its content."""


def locate_source_text(data_file: str, text: str) -> str:
    """The real path of a source's `text`: a visible file inside the data file's folder.

    Raises RefusedText for an absolute path, one that leads out of the folder, a name that
    is no file name (a NUL), and a hidden file (a dotfile, or anything under a dot-folder,
    such as .env or .git/config), followed through links.
    """
    outside = f"source text {text!r} must be a relative path inside the data file's folder"
    if "\x00" in text:
        raise RefusedText(f"source text {text!r} is not a file name (it holds a NUL character)")
    if os.path.isabs(text) or text.startswith(("~", "\\")) or ":" in text:
        raise RefusedText(outside)
    folder = os.path.realpath(os.path.dirname(os.path.abspath(data_file)))
    path = os.path.realpath(os.path.join(folder, text))
    if os.path.commonpath([folder, path]) != folder or path == folder:
        raise RefusedText(outside)
    parts = [*text.replace("\\", "/").split("/"), *os.path.relpath(path, folder).split(os.sep)]
    if any(part.startswith(".") and part not in (".", "..") for part in parts):
        raise RefusedText(
            f"source text {text!r} is a hidden file (a dotfile or inside a dot-folder); "
            "name a visible text file"
        )
    return path


def source_text_path(data_file: str, text: str) -> str | None:
    """The path of a source's `text`, or None where `locate_source_text` refuses it."""
    try:
        return locate_source_text(data_file, text)
    except RefusedText:
        return None


def read_text_file(data_file: str, text: str) -> str:
    """The content of a source's `text`; RefusedText where it is not a readable article."""
    real = locate_source_text(data_file, text)
    if not os.path.isfile(real):  # a folder or FIFO is never opened
        raise RefusedText(f"source text {text!r} is not a regular file")
    try:
        with open(real, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as exc:
        raise RefusedText(f"cannot read source text {text!r}: {exc.strerror or 'error'}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise RefusedText(f"source text {text!r} is larger than 4 MiB")
    try:
        found = data.decode("utf-8")
    except UnicodeDecodeError:
        raise RefusedText(f"source text {text!r} is not valid UTF-8") from None
    if is_html(found):  # a saved web page: its main text and tables, as extract reads it
        from ..extract.page import page_text  # the HTML library is loaded for pages only

        found = page_text(found.removeprefix("\ufeff"))[1]
    why = why_not_an_article(found)
    if why is not None:
        raise RefusedText(f"source text {text!r} does not read as an article ({why})")
    return found


def is_html(text: str) -> bool:
    """Whether *text* is an HTML page (a tag such as <html>, <p> or <div> near its start)."""
    return _HTML.search(text[:4096]) is not None


def why_not_an_article(text: str) -> str | None:
    """Why *text* is not plausibly an article, or None where it is: it holds no control
    characters (bar white space), and Chinese characters make at least a tenth of the others
    that are not white space."""
    shown = "".join(text.split())
    if not shown:
        return "it is empty"
    if any(ch < " " for ch in shown):
        return "it holds control characters"
    if len(re.findall(_CJK, shown)) * 10 < len(shown):
        return "too little Chinese text"
    return None


def closest_passage(needle: str, haystack: str) -> str:
    """The stretch of *haystack* around its longest run in common with *needle*: never longer
    than *needle*, so a message shows no more of a text than the quote holds."""
    from difflib import SequenceMatcher  # only needed when a quote is missing

    if not needle or not haystack:
        return ""
    matcher = SequenceMatcher(None, haystack, needle, autojunk=False)
    match = matcher.find_longest_match(0, len(haystack), 0, len(needle))
    start = max(0, match.a - match.b)
    return haystack[start : start + len(needle)]
