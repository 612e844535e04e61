"""Pair a proposed figure with an indicator of the data file, or propose a new one.

A figure goes onto an indicator only when its name is about that indicator, its unit is of the
indicator's family and its subject (the company or place the sentence names, or none: the
region) is one the indicator's figures have. Otherwise it gets a new indicator: a readable id
and a theme from the glossary (`model.glossary`), one per name, unit and subject, so figures
of another scope (the signed projects among all, a company beside its district) never share one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ...model.english import DEFAULT_THEME, SUBJECT_THEMES
from ...model.glossary import indicator_id, subject_of, theme_for
from ...model.models import Dataset
from ...model.units import UNITS, Unit, in_scope

THRESHOLD = 0.45  # the Dice score of two names that speak of the same thing
_SAME = "\x00same"  # `ranked` without a subject: the one the last match of the figure had
SAME_VALUE_BONUS = 0.5  # an indicator already holding the value ranks first among those named so


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
    """Indicators of one dataset, indexed by unit family; new ids made from the names."""

    def __init__(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self._new: dict[tuple[str, str, str | None], str] = {}
        self._taken: set[str] = set(dataset.indicators) if dataset else set()
        self._subject_of: dict[tuple[str, Decimal, str], str | None] = {}
        self._next: dict[str, int] = {}  # per id: the number the next one of its name gets
        self._last = ""  # the name last ranked: `fresh` names its indicator after it
        self._subjects: dict[str, set[str | None]] = {}
        self._values: dict[str, set[tuple[Decimal, str]]] = {}
        self._names: list[tuple[str, set[str], str, str]] = []  # id, bigrams, family, theme
        self._themes: dict[str, tuple[str, str]] = {}
        if dataset is not None:
            self._themes = {key: (t.name, t.name_en) for key, t in dataset.themes.items()}
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

    def match(self, name: str, value: Decimal, unit: str, subject: str | None = None) -> Match:
        """The best indicator for the figure of *subject*, or a new id (with its theme)."""
        return self.ranked(name, value, unit, subject)[0]

    def ranked(
        self, name: str, value: Decimal, unit: str, subject: str | None = _SAME
    ) -> list[Match]:
        """Indicators that could hold the figure, best first; a new id last. Without
        *subject*: of the subject the last match of that name, value and unit had."""
        if subject == _SAME:
            subject = self._subject_of.get((name, value, unit))
        self._subject_of[(name, value, unit)] = subject
        name = own_name(name, subject)
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
            if score < THRESHOLD or indicator_family != family:
                continue  # not about that indicator, or not of its unit
            if subject not in self._subjects.get(ident, {subject}):
                continue  # the indicator's figures are another company's or place's
            if (scaled, family) in self._values.get(ident, set()):
                score += SAME_VALUE_BONUS
            scored.append((score, ident))
        scored.sort(key=lambda s: -s[0])
        found = [Match(ident, False, indicators[ident].theme) for _, ident in scored]
        theme = self._theme(name, theme if theme_score >= THRESHOLD else "")
        self._last = name
        key = (name, unit, subject)
        if key not in self._new:
            self._new[key] = self.fresh()
        return [*found, Match(self._new[key], True, theme)]

    def _theme(self, name: str, closest: str) -> str:
        """The file's theme for the subject of *name* (glossary), else the theme of the
        indicator named most like it, else a new theme for that subject (`SUBJECT_THEMES`)."""
        found = theme_for(name, self._themes)
        if found:
            return found
        subject = subject_of(name)
        if subject in SUBJECT_THEMES and subject not in self._themes:
            return subject
        return closest or DEFAULT_THEME

    def subject(self, ident: str, found: str | None) -> str | None:
        """The figure's subject: the one its sentence names (none is never filled in from the
        indicator's other figures: a district's total is not a company's)."""
        return found

    def fresh(self) -> str:
        """An id for one more new indicator, made from the name last ranked (signed_projects,
        signed_projects_2; indicator_01 … for a name the glossary cannot translate). Each
        id's number counts on from the last one given, so n ids cost n, not n²."""
        base = indicator_id(self._last, set())
        numbered = _FALLBACK.fullmatch(base) is not None
        if numbered:
            base = "indicator"
        n = self._next.get(base, 1)
        while (ident := _numbered(base, n, numbered)) in self._taken:
            n += 1
        self._next[base] = n + 1
        self._taken.add(ident)
        return ident


_FALLBACK = re.compile(r"indicator_\d{2,}")  # the glossary's id for a name it cannot translate


def _numbered(base: str, n: int, always: bool) -> str:
    """The *n*-th id of *base*: base, base_2 … (indicator_01, indicator_02 … if *always*)."""
    if always:
        return f"{base}_{n:02d}"
    return base if n == 1 else f"{base}_{n}"


def own_name(name: str, subject: str | None) -> str:
    """The name of what a figure counts, without the company or place it is of (星河科技有限公司
    实现营业收入 of 星河科技有限公司 -> 实现营业收入); the name as it is if nothing is left."""
    if subject and subject in name:
        rest = name.replace(subject, "", 1)
        return rest if rest else name
    return name


def _known(unit: str) -> Unit | None:
    """The built-in or (while a file is read) declared unit *unit*, if any."""
    return UNITS.get(unit) or in_scope().get(unit)


def _family(unit: str) -> str:
    found = _known(unit)
    return found.family if found else unit
