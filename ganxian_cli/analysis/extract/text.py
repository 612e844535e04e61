"""Article text compacted for matching, with a map back to the original for verbatim quotes.

White space is dropped (articles break lines mid-sentence: "分\\n\\n别挂点"), full-width digits,
point and percent sign read as ASCII. A line break is a paragraph boundary only after a sentence
end or a short title line; otherwise the broken sentence is joined again.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％～－", "0123456789.%~-")
_SENTENCE_END = "。！？；;!?"
_PARAGRAPH_END = '。！？!?”」』：:…"'
TITLE_MAX = 30  # a line this short without a sentence end is a title or a caption line


@dataclass
class Article:
    """The compacted text and where each of its characters stands in the original."""

    original: str
    text: str
    origin: list[int]
    paragraphs: list[int]  # compact offsets where a paragraph starts, ascending
    captions: list[tuple[int, int]]  # photo captions (a line ending in 摄) set in mid-text
    sentences: list[int] = field(default_factory=list)  # where sentences start, ascending

    def paragraph_start(self, pos: int) -> int:
        return self.paragraphs[bisect.bisect_right(self.paragraphs, pos) - 1]

    def sentence_span(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sentences, pos) - 1
        end = self.sentences[i + 1] if i + 1 < len(self.sentences) else len(self.text)
        return self.sentences[i], end

    def quote(self, start: int, end: int) -> str:
        """The text of compact span [start, end): the original without white space, and with
        full-width digits as ASCII so that `validate` sees the figure in it."""
        return self.text[start:end]


def compact(original: str) -> Article:
    """Compact *original* (one pass, linear in its length)."""
    chars: list[str] = []
    origin: list[int] = []
    paragraphs = [0]
    captions: list[tuple[int, int]] = []
    line_start = 0  # compact offset where the current line began
    pending_break = False
    for index, ch in enumerate(original):
        if ch == "\n":
            if not pending_break and chars and chars[-1] == "摄":
                captions.append((line_start, len(chars)))
            pending_break = True
            continue
        if ch.isspace():
            continue
        if pending_break:
            pending_break = False
            ends = chars and (chars[-1] in _PARAGRAPH_END or len(chars) - line_start <= TITLE_MAX)
            if ends and paragraphs[-1] != len(chars):
                paragraphs.append(len(chars))
            line_start = len(chars)
        chars.append(ch)
        origin.append(index)
    text = "".join(chars).translate(_FULL_WIDTH)
    sentences = [0]
    boundaries = set(paragraphs) | {p for span in captions for p in span}
    for pos, ch in enumerate(text):
        if pos in boundaries and sentences[-1] != pos:
            sentences.append(pos)
        if ch in _SENTENCE_END and pos + 1 < len(text):
            nxt = pos + 1
            while nxt < len(text) and text[nxt] in "”’」』)）":
                nxt += 1
            if sentences[-1] != nxt and nxt < len(text):
                sentences.append(nxt)
    sentences = sorted(set(sentences))
    return Article(original, text, origin, paragraphs, captions, sentences)


def in_caption(article: Article, pos: int) -> bool:
    """Whether compact offset *pos* lies in a photo caption."""
    return any(start <= pos < end for start, end in article.captions)
