"""From article text to proposed figures: deterministic rules, no models, no network.

`source` decodes and refuses bad input (a saved web page is read by `page`: main text and
tables) and finds which [sources] the article is; `cells` finds the article's tables (`tables`)
first, so the prose rules read the rest, and turns their cells into proposals; `text`
compacts it with a map back to the original, `tokens` finds numbers with units, `when`
resolves periods, `context` reads qualifiers, status and growth, `clauses` finds names,
subjects and quotes, `match` pairs figures with indicators, `rates` says what a rate is of,
and `core` puts them together. `types` holds what they pass along (found and proposed figures,
the result) and imports only `tokens`, so no rule module needs `core`.

May import `model` and `errors`, and `analysis.checks.texts` (where a source's text file is);
`output` and the command line use what this file exports.
"""

from .core import extract
from .source import (
    MAX_ARTICLE_BYTES,
    article_bytes,
    article_source,
    chosen_source,
    read_article,
)
from .types import Extraction, Proposal

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Extraction",
    "Proposal",
    "article_bytes",
    "article_source",
    "chosen_source",
    "extract",
    "read_article",
]
