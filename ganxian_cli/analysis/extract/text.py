"""Article text compacted for matching, with a map back to the original for verbatim quotes.

White space is dropped (articles break lines mid-sentence: "分\\n\\n别挂点"), full-width digits,
point and percent sign read as ASCII. A line break is a paragraph boundary only after a sentence
end or a short title line (a line with a comma is no title); otherwise the broken sentence is
joined again. Text hard-wrapped at a fixed width (copied out of a PDF or a fixed-width page) is
recognised by most of its lines being about as long as its longest ones: there a break after a
full line is a wrap, even after a sentence end, and only a line that stops short ends a
paragraph, however short the wrap width.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％～－", "0123456789.%~-")
_SENTENCE_END = "。！？；;!?"
_PARAGRAPH_END = '。！？!?”」』：:…"'
TITLE_MAX = 30  # a line this short without a sentence end is a title or a caption line
# a title has no comma: a short line with one that stops mid-sentence ("…,协议投资额\n5.8亿元")
# is a sentence broken by hand, not a title
_CLAUSE_MARK = "，,；;"
# Hard-wrapped text: at least WRAPPED_SHARE of its lines (of at least WRAP_MIN_LINES) are "full",
# that is at least FULL of the width most long lines reach (digits and Latin letters are narrower
# than Chinese characters, so a full line may hold a few characters more or less).
WRAPPED_SHARE = 0.5
WRAP_MIN_LINES = 6
FULL = 0.8


def wrap_width(original: str) -> int | None:
    """The width *original* is hard-wrapped at (in non-space characters), or None.

    Most lines are full, and full lines mostly stop mid-sentence: text of one paragraph a line
    may have paragraphs of like length, but they end in 。.
    """
    lines = [t for line in original.split("\n") if (t := "".join(line.split()))]
    if len(lines) < WRAP_MIN_LINES:
        return None
    lengths = sorted(len(t) for t in lines)
    width = lengths[(len(lengths) * 9) // 10 - 1]  # the 90th percentile: past stray long lines
    full = [t for t in lines if FULL * width <= len(t) <= width / FULL]
    mid_sentence = sum(1 for t in full if t[-1] not in _PARAGRAPH_END)
    wrapped = len(full) >= WRAPPED_SHARE * len(lines) and mid_sentence * 2 > len(full)
    return width if wrapped else None


@dataclass
class CompactText:
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


def compact(original: str) -> CompactText:
    """Compact *original* (one pass, linear in its length)."""
    chars: list[str] = []
    origin: list[int] = []
    paragraphs = [0]
    captions: list[tuple[int, int]] = []
    line_start = 0  # compact offset where the current line began
    clause_mark = False  # the current line has a comma: no title
    pending_break = False
    spaced = False  # a blank line or an indent after the break
    wrapped = wrap_width(original)
    short = FULL * wrapped if wrapped else TITLE_MAX + 1  # a line shorter than this ends
    for index, ch in enumerate(original):
        if ch == "\n":
            if not pending_break and chars and chars[-1] == "摄":
                captions.append((line_start, len(chars)))
            spaced = pending_break
            pending_break = True
            continue
        if ch.isspace():
            spaced = spaced or pending_break
            continue
        if pending_break:
            pending_break = False
            stops_short = len(chars) - line_start < short and (wrapped or not clause_mark)
            # in wrapped text a full line ending a sentence (。) goes on with the paragraph unless
            # a blank line or an indent follows
            sentence_end = chars and chars[-1] in _PARAGRAPH_END and (spaced or not wrapped)
            ends = chars and (stops_short or sentence_end)
            spaced = False
            if ends and paragraphs[-1] != len(chars):
                paragraphs.append(len(chars))
            line_start = len(chars)
            clause_mark = False
        clause_mark = clause_mark or ch in _CLAUSE_MARK
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
    return CompactText(original, text, origin, paragraphs, captions, sentences)


def in_caption(article: CompactText, pos: int) -> bool:
    """Whether compact offset *pos* lies in a photo caption."""
    at = bisect.bisect_right(article.captions, (pos, len(article.text))) - 1
    return at >= 0 and article.captions[at][0] <= pos < article.captions[at][1]
