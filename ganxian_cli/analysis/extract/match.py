"""Pair a proposed figure with an indicator of the data file, or propose a new one."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ...model.models import Dataset
from ...model.units import UNITS, Unit, in_scope

THRESHOLD = 0.45
SAME_VALUE_BONUS = 0.5


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def dice(x: set[str], y: set[str]) -> float:
    """Dice coefficient of two sets of bigrams: 0 (nothing shared) to 1 (same)."""
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


@dataclass(frozen=True)
class Match:
    indicator: str
    new: bool
    theme: str


class Matcher:
    """Indicators of one dataset, indexed by unit family; new ids numbered per name."""

    def __init__(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self._new: dict[tuple[str, str], str] = {}
        self._count = 0
        self._subjects: dict[str, set[str | None]] = {}
        self._values: dict[str, set[tuple[Decimal, str]]] = {}
        self._names: list[tuple[str, set[str], str, str]] = []  # id, bigrams, family, theme
        if dataset is not None:
            self._names = [
                (ident, bigrams(i.name), _family(i.unit), i.theme)
                for ident, i in dataset.indicators.items()
            ]
            for ident, indicator, _, figure in dataset.figures():
                self._subjects.setdefault(ident, set()).add(figure.subject)
                unit = indicator.unit_of(figure)  # built in or declared by the file
                family, scale = unit.family, unit.scale
                self._values.setdefault(ident, set()).add(
                    ((figure.value * scale).normalize(), family)
                )

    def match(self, name: str, value: Decimal, unit: str) -> Match:
        """The best indicator for the figure, or a new id (with the likeliest theme)."""
        return self.ranked(name, value, unit)[0]

    def ranked(self, name: str, value: Decimal, unit: str) -> list[Match]:
        """Indicators that could hold the figure, best first; a new id last."""
        family = _family(unit)
        scored: list[tuple[float, str]] = []
        theme, theme_score = "", 0.0
        indicators = self.dataset.indicators if self.dataset else {}
        known = _known(unit)
        scaled = (value * known.scale).normalize() if known else value
        grams = bigrams(name)
        for ident, names, indicator_family, indicator_theme in self._names:
            score = dice(grams, names)
            if score > theme_score:
                theme, theme_score = indicator_theme, score
            if indicator_family != family:
                continue
            if (scaled, family) in self._values.get(ident, set()):
                score += SAME_VALUE_BONUS
            if score >= THRESHOLD:
                scored.append((score, ident))
        scored.sort(key=lambda s: -s[0])
        found = [Match(ident, False, indicators[ident].theme) for _, ident in scored]
        if not theme:
            themes = list(self.dataset.themes) if self.dataset else []
            theme = themes[0] if themes else "general"
        key = (name, unit)
        if key not in self._new:
            self._new[key] = self.fresh()
        return [*found, Match(self._new[key], True, theme)]

    def subject(self, ident: str, found: str | None) -> str | None:
        """The subject as the data file spells it, where the indicator's figures agree on one."""
        subjects = self._subjects.get(ident)
        if subjects is not None and len(subjects) == 1:
            return next(iter(subjects))
        return found

    def fresh(self) -> str:
        """An id for one more new indicator."""
        self._count += 1
        return f"new_{self._count:02d}"


def _known(unit: str) -> Unit | None:
    """The built-in or (while a file is read) declared unit *unit*, if any."""
    return UNITS.get(unit) or in_scope().get(unit)


def _family(unit: str) -> str:
    found = _known(unit)
    return found.family if found else unit
