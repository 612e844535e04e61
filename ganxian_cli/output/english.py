"""English quantities for output: the helpers live in `model.english` (analysis uses them too)."""

from __future__ import annotations

from ..model.english import QUALIFIER_WORDS, grouped, number, quantity, unit_of, unit_words

__all__ = ["QUALIFIER_WORDS", "grouped", "number", "quantity", "unit_of", "unit_words"]
