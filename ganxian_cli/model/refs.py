"""Figure references used by targets and relations: INDICATOR[{SUBJECT}][@PERIOD[#STATUS]]."""

from __future__ import annotations

import contextlib
import gc
import weakref
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, Generic, TypeVar, overload

from .intervals import Interval
from .models import (
    Dataset,
    Figure,
    Indicator,
    LeadRelation,
    PerRelation,
    Relation,
    ShareRelation,
    SumRelation,
    WithinRelation,
)
from .numerals import plain
from .periods import Period, PeriodError, parse_period
from .units import Kind, Unit

_Key = tuple[int, int, int, str]  # year, first and last month, status: hashed in C
Key = _Key
_COUNT = Kind.COUNT  # an enum member read once: each `Kind.COUNT` is an attribute look-up


@dataclass(frozen=True)
class FigureRef:
    indicator: str
    period: Period | None = None
    status: str | None = None
    subject: str | None = None  # gdp{南城市}@2031-H1: that subject's figure; gdp{}: no subject


_T = TypeVar("_T")


class _Once(Generic[_T]):
    """A property worked out on first use and then kept in the instance (frozen ones too).

    `functools.cached_property` without its lock: on Python 3.11 taking the lock costs more
    than working out a figure's unit, and nothing here is shared between threads.
    """

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _Once[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _Once[_T] | _T:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass(frozen=True, init=False)
class Resolved:
    """A figure found by reference, with its indicator and position in the file."""

    ident: str
    indicator: Indicator
    index: int
    figure: Figure

    def __init__(self, ident: str, indicator: Indicator, index: int, figure: Figure) -> None:
        # the fields written straight into the instance: a frozen dataclass's own __init__
        # sets each through object.__setattr__, twice the cost, and the index makes one a figure
        known = self.__dict__
        known["ident"] = ident
        known["indicator"] = indicator
        known["index"] = index
        known["figure"] = figure

    @classmethod
    def each_of(cls, ident: str, indicator: Indicator) -> list[Resolved]:
        """Every figure of *indicator*, in file order, its pairing key and (for a figure in the
        indicator's own unit) its unit set as it is built: what `key` and `unit` would work out
        on first use."""
        try:
            base: Unit | None = indicator.base
        except ValueError:  # a unit unknown here: left for `unit` to report when asked
            base = None
        made = []
        new = object.__new__
        for i, figure in enumerate(indicator.observations):
            found = new(cls)  # what __init__ does, without a call per figure
            known = found.__dict__
            known["ident"] = ident
            known["indicator"] = indicator
            known["index"] = i
            known["figure"] = figure
            period = figure.period
            known["key"] = (period.year, period.start, period.end, figure.status)
            if base is not None and figure.unit is None:
                known["unit"] = base
            made.append(found)
        return made

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("indicators", self.ident, "observations", self.index)

    @_Once
    def unit(self) -> Unit:
        """The unit this figure was printed in (looked up once)."""
        return self.indicator.unit_of(self.figure)

    @_Once
    def key(self) -> _Key:
        """Year, first and last month, status: what pairs figures (hashed in C)."""
        period = self.figure.period
        return (period.year, period.start, period.end, self.figure.status)

    @_Once
    def printed_span(self) -> Interval:
        """The values that round to the figure as printed, whatever its unit."""
        return Interval.printed(self.figure.value)

    @_Once
    def _own_span(self) -> Interval:
        return Interval.exact(self.figure.value) if self.unit.kind is _COUNT else self.printed_span

    def span(self, unit: Unit | None = None) -> Interval:
        """The values the printed figure may stand for (counts are exact), in *unit* if given."""
        span = self._own_span
        if unit is not None and unit.symbol != self.unit.symbol:
            span = span.scale(self.unit.scale / unit.scale)
        return span

    def shown(self) -> str:
        """The figure as printed: 58.33亿元."""
        return plain(self.figure.value) + self.unit.symbol


class RefError(ValueError):
    """A reference that names nothing, or more than one figure."""


def parse_ref(text: str) -> FigureRef:
    ident, _, rest = text.partition("@")
    subject = None
    if ident.endswith("}") and "{" in ident:
        ident, _, subject = ident[:-1].partition("{")
    period_text, _, status = rest.partition("#")
    try:
        period = parse_period(period_text) if period_text else None
    except PeriodError as exc:
        raise RefError(str(exc)) from None
    return FigureRef(ident, period, status or None, subject)


def resolve_all(dataset: Dataset, text: str) -> list[Resolved]:
    """Every figure *text* matches (at least one), or RefError saying why there is none.

    The list is shared by every caller asking for the same text: read it, do not change it.
    """
    return index_of(dataset).resolve_all(text)


def pin(found: Resolved) -> str:
    """The reference that names exactly this figure: INDICATOR@PERIOD#STATUS.

    The subject is named too (INDICATOR{SUBJECT}@…) where without it the reference is ambiguous.
    """
    f = found.figure
    same = _period_status_counts(found.indicator)[(f.period, f.status)] > 1
    subject = f"{{{f.subject or ''}}}" if same else ""
    return f"{found.ident}{subject}@{f.period}#{f.status}"


_COUNTS: dict[int, tuple[weakref.ref[Indicator], Counter[tuple[Period, str]]]] = {}


def _period_status_counts(indicator: Indicator) -> Counter[tuple[Period, str]]:
    """How many figures *indicator* has per (period, status), counted once per indicator."""
    key = id(indicator)
    hit = _COUNTS.get(key)
    if hit is not None and hit[0]() is indicator:
        return hit[1]
    counts = Counter((g.period, str(g.status)) for g in indicator.observations)
    _COUNTS[key] = (weakref.ref(indicator), counts)
    weakref.finalize(indicator, _COUNTS.pop, key, None)
    return counts


def pairs(left: list[Resolved], right: list[Resolved]) -> list[tuple[Resolved, Resolved]]:
    """Figures of two references that belong together.

    Figures pair by period and status, so a relation between two indicators holds for every
    month recorded later; two single figures pair with each other whatever their periods.
    Pairs come in the order of *left*, then of *right*. The work is proportional to the shorter
    list and the pairs found when the longer one came from `resolve_all` (its buckets are kept),
    to both lists otherwise.
    """
    if len(left) <= len(right):
        buckets = _buckets(right)
        matched = [(a, b) for a in left for _j, b in buckets.get(a.key, ())]
    else:
        buckets = _buckets(left)
        found = [(i, j, a, b) for j, b in enumerate(right) for i, a in buckets.get(b.key, ())]
        if len(right) > 1:
            found.sort(key=lambda item: (item[0], item[1]))
        matched = [(a, b) for _i, _j, a, b in found]
    if not matched and len(left) == 1 and len(right) == 1:
        return [(left[0], right[0])]
    return matched


def partners(left: list[Resolved], figure: Resolved) -> list[Resolved]:
    """The figures of *left* that pair with *figure*: ``[a for a, _ in pairs(left, [figure])]``.

    A single figure pairs with *figure* whatever its period (matched or not, `pairs` returns
    it), so only a longer list is looked up, in its kept buckets.
    """
    if len(left) <= 1:
        return list(left)
    return [a for _i, a in _buckets(left).get(figure.key, ())]


def actual_for(dataset: Dataset, ident: str | None, period: Period) -> Resolved | None:
    """The actual figure of indicator *ident* for *period* (a quoted rate or gap), if any."""
    if ident is None:
        return None
    return (
        index_of(dataset)
        .actual_by_key(ident)
        .get((period.year, period.start, period.end, "actual"))
    )


def actuals_in_year(dataset: Dataset, ident: str, year: int) -> list[Resolved]:
    """The actual figures of indicator *ident* whose period lies in *year*, in file order
    (a figure a later article replaces does not count)."""
    found = index_of(dataset).actuals_in_year(ident, year)
    superseded = dataset.superseded_figures
    return [r for r in found if (ident, r.index) not in superseded] if superseded else list(found)


def resolve(dataset: Dataset, text: str) -> Resolved:
    """The single figure *text* refers to, or RefError saying why there is none."""
    return index_of(dataset).resolve(text)


# --- the index: every figure once, looked up by key ----------------------------------------


_KEY = attrgetter("key")


class Matches(list[Resolved]):
    """The figures a reference names, with their positions bucketed by (period, status)."""

    buckets: dict[_Key, list[tuple[int, Resolved]]] | None = None
    counts: dict[_Key, int] | None = None

    def key_counts(self) -> dict[_Key, int]:
        """How many figures each (period, status) has, kept once computed."""
        if self.counts is None:
            if self.buckets is not None:
                self.counts = {key: len(found) for key, found in self.buckets.items()}
            else:  # counted without bucketing: commands that never pair need no buckets
                self.counts = dict(Counter(map(_KEY, self)))
        return self.counts


def _buckets(found: list[Resolved]) -> dict[_Key, list[tuple[int, Resolved]]]:
    """*found*'s figures by (period, status), each with its position; kept on a Matches."""
    cached = found.buckets if isinstance(found, Matches) else None
    if cached is not None:
        return cached
    buckets: dict[_Key, list[tuple[int, Resolved]]] = {}
    for i, item in enumerate(found):
        key = item.key
        bucket = buckets.get(key)
        if bucket is None:
            buckets[key] = [(i, item)]
        else:
            bucket.append((i, item))
    if isinstance(found, Matches):
        found.buckets = buckets
    return buckets


def buckets_of(found: list[Resolved]) -> dict[_Key, list[tuple[int, Resolved]]]:
    """*found*'s figures by pairing key, each with its position: `partners` of any figure in
    one look-up (kept with a list from `resolve_all`). Read it, do not change it."""
    return _buckets(found)


class _Indicator:
    """One indicator's figures as Resolved, in file order and grouped (each grouping on use)."""

    def __init__(self, ident: str, indicator: Indicator) -> None:
        self.model = indicator
        self.all = Matches(Resolved.each_of(ident, indicator))
        self.first_actual: dict[_Key, Resolved] | None = None  # kept by FigureIndex

    def shared(self) -> _Indicator:
        """The same figures and groupings for another dataset that holds this very indicator
        (all of them depend on the indicator alone), without what depends on the dataset."""
        twin = object.__new__(_Indicator)
        twin.__dict__.update(self.__dict__)
        twin.first_actual = None  # which figures count is the dataset's to say
        return twin

    @_Once
    def by_key(self) -> dict[_Key, Matches]:
        grouped: dict[_Key, Matches] = {}
        for found in self.all:
            _add(grouped, found.key, found)
        return grouped

    @_Once
    def by_period(self) -> dict[Period, Matches]:
        grouped: dict[Period, Matches] = {}
        for found in self.all:
            _add(grouped, found.figure.period, found)
        return grouped

    @_Once
    def by_year(self) -> dict[int, Matches]:
        grouped: dict[int, Matches] = {}
        for found in self.all:
            if found.figure.status == "actual":
                _add(grouped, found.figure.period.year, found)
        return grouped


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: nothing built here forms a cycle."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _add(groups: dict[Any, Matches], key: object, found: Resolved) -> None:
    group = groups.get(key)
    if group is None:
        group = groups[key] = Matches()
    group.append(found)


class FigureIndex:
    """A dataset's figures indexed once, so every reference is a dictionary look-up.

    Built on first use per dataset (see `index_of`). Datasets are frozen, so the index never
    goes stale.
    """

    def __init__(self, dataset: Dataset, like: FigureIndex | None = None) -> None:
        self.dataset = weakref.ref(dataset)  # the cache must not keep a dataset alive
        self._indicators: dict[str, _Indicator] = {}
        # Tens of thousands of small objects at once: without a pause the cyclic garbage
        # collector walks the whole loaded file again and again (half the time of building).
        with _collector_paused():
            for ident, indicator in dataset.indicators.items():
                kept = like._indicators.get(ident) if like is not None else None
                if kept is not None and kept.model is indicator:  # datasets are frozen
                    self._indicators[ident] = kept.shared()
                else:
                    self.indicator(ident)
        self._refs: dict[str, Matches | RefError] = {}
        self._single: dict[str, Resolved | RefError] = {}

    def indicator(self, ident: str) -> _Indicator | None:
        found = self._indicators.get(ident)
        if found is None:
            dataset = self.dataset()
            indicator = dataset.indicators.get(ident) if dataset else None
            if indicator is None:
                return None
            found = self._indicators[ident] = _Indicator(ident, indicator)
        return found

    def actual_by_key(self, ident: str) -> dict[_Key, Resolved]:
        """The first actual figure of *ident* that counts, by key: `actual_for` of every period
        at once (a figure a later article replaces does not count)."""
        entry = self.indicator(ident)
        if entry is None:
            return {}
        if entry.first_actual is None:
            dataset = self.dataset()
            superseded = dataset.superseded_figures if dataset is not None else frozenset()
            first: dict[_Key, Resolved] = {}
            for found in entry.all:
                if found.figure.status == "actual" and (ident, found.index) not in superseded:
                    first.setdefault(found.key, found)
            entry.first_actual = first
        return entry.first_actual

    def actuals_in_year(self, ident: str, year: int) -> list[Resolved]:
        entry = self.indicator(ident)
        return entry.by_year.get(year, []) if entry else []

    def resolve_all(self, text: str) -> Matches:
        cached = self._refs.get(text)
        if cached is None:
            cached = self._refs[text] = self._lookup(text)
        if isinstance(cached, RefError):
            raise RefError(*cached.args)
        return cached

    def resolve(self, text: str) -> Resolved:
        cached = self._single.get(text)
        if cached is None:
            try:
                found = self.resolve_all(text)
            except RefError as exc:
                cached = exc
            else:
                cached = found[0] if len(found) == 1 else _ambiguous(text, found)
            self._single[text] = cached
        if isinstance(cached, RefError):
            raise RefError(*cached.args)
        return cached

    def _lookup(self, text: str) -> Matches | RefError:
        try:
            ref = parse_ref(text)
        except RefError as exc:
            return exc
        entry = self.indicator(ref.indicator)
        if entry is None:
            return RefError(f"unknown indicator {ref.indicator!r}")
        if ref.period is None:
            found = entry.all
            if ref.status is not None:
                found = Matches(r for r in found if r.figure.status == ref.status)
        elif ref.status is None:
            found = entry.by_period.get(ref.period, Matches())
        else:
            period = ref.period
            key = (period.year, period.start, period.end, ref.status)
            found = entry.by_key.get(key, Matches())
        if ref.subject is not None:
            found = Matches(r for r in found if (r.figure.subject or "") == ref.subject)
        if not found:
            return RefError(
                f"no figure {text!r}: {ref.indicator} has no figure for that period/status"
            )
        dataset = self.dataset()
        superseded = dataset.superseded_figures if dataset is not None else None
        if not superseded:
            return found  # nothing replaced (most files): the list itself, buckets kept with it
        counting = Matches(r for r in found if (r.ident, r.index) not in superseded)
        return counting or found  # a figure a later article replaces does not count


MAX_CHOICES = 20


def _ambiguous(text: str, found: list[Resolved]) -> RefError:
    shown = ", ".join(pin(r) for r in found[:MAX_CHOICES])
    more = f" and {len(found) - MAX_CHOICES} more" if len(found) > MAX_CHOICES else ""
    return RefError(f"{text!r} matches {len(found)} figures; name one of: {shown}{more}")


_INDEXES: dict[int, FigureIndex] = {}


def index_of(dataset: Dataset, like: Dataset | None = None) -> FigureIndex:
    """The dataset's FigureIndex, built once and dropped when the dataset is.

    *like* is a dataset *dataset* was made from (an edit's result from the file as found): the
    indicators both hold, the very same objects, take their figures from its index, if built.
    """
    key = id(dataset)
    index = _INDEXES.get(key)
    if index is None or index.dataset() is not dataset:
        kept = _INDEXES.get(id(like)) if like is not None else None
        if kept is not None and kept.dataset() is not like:
            kept = None
        index = _INDEXES[key] = FigureIndex(dataset, kept)
        weakref.finalize(dataset, _INDEXES.pop, key, None)
    return index


# --- a ceiling on work ---------------------------------------------------------------------

MAX_WORK = 250_000
"""The most figure pairings a file's targets and relations may ask for (see `work`)."""


def work(dataset: Dataset) -> int:
    """How many figure pairings checking and comparing the targets and relations will make.

    A relation between whole indicators pairs their figures period by period, and many
    relations may name the same big indicators, so this can grow faster than the file: it is
    counted from the index by (period, status), never by doing the work, and counting stops
    once past MAX_WORK (about a second of checking).
    References that do not resolve count nothing (they are reported on their own).
    """
    with _collector_paused():
        return _work(dataset)


def _work(dataset: Dataset) -> int:
    index = index_of(dataset)
    paired: dict[tuple[int, ...], int] = {}

    def _paired(left: Matches, right: Matches, each: Matches | None = None) -> int:
        key = (id(left), id(right), id(each))  # the lists live in the index meanwhile
        if key not in paired:
            paired[key] = _count_pairs(left, right, each)
        return paired[key]

    total = 0
    for target in dataset.targets:
        try:
            year = resolve(dataset, target.target).figure.period.year
        except RefError:
            continue
        total += 1 + len(index.actuals_in_year(target.actual, year))
    for relation in dataset.relations:
        if total > MAX_WORK:
            break  # enough to refuse: counting the rest could itself take long
        total += sum(len(_found(index, text)) for text in _refs_of(relation))
        if isinstance(relation, SumRelation):
            totals = _found(index, relation.total) if relation.total else _NOTHING
            total += sum(_paired(totals, _found(index, part)) for part in relation.parts)
        elif isinstance(relation, ShareRelation):
            part, whole = _found(index, relation.part), _found(index, relation.whole)
            rates = _found(index, relation.rate) if relation.rate else _NOTHING
            total += _paired(part, whole, rates)
        elif isinstance(relation, WithinRelation):
            whole = _found(index, relation.whole)
            total += sum(_paired(whole, _found(index, part)) for part in relation.parts)
        elif isinstance(relation, LeadRelation):
            lead = _found(index, relation.lead)
            for quoted in (relation.rate, relation.baseline):
                total += _paired(lead, _found(index, quoted)) if quoted else 0
        elif isinstance(relation, PerRelation):
            total += _paired(_found(index, relation.amount), _found(index, relation.count))
    return total


def over_ceiling(dataset: Dataset) -> str | None:
    """Why checking this file's targets and relations would be too much work, if it would."""
    if work(dataset) <= MAX_WORK:
        return None
    return (
        f"targets and relations ask for more than {MAX_WORK:,} figure pairings; "
        "name periods in their references or split the file"
    )


def _refs_of(relation: Relation) -> list[str]:
    found: list[str] = []
    for field, value in relation:
        if field not in ("kind", "note", "over") and value is not None:
            found += value if isinstance(value, list) else [value]
    return found


_NOTHING = Matches()  # one object, so counts kept by id() never meet a recycled one


def _found(index: FigureIndex, text: str) -> Matches:
    try:
        return index.resolve_all(text)
    except RefError:
        return _NOTHING


def _count_pairs(left: Matches, right: Matches, each: Matches | None = None) -> int:
    """How many pairs `pairs(left, right)` finds, each looked up in *each* if given."""
    a, b = left.key_counts(), right.key_counts()
    if len(a) > len(b):
        a, b = b, a
    extra = each.key_counts() if each is not None else {}
    return sum(n * b.get(key, 0) * (1 + extra.get(key, 0)) for key, n in a.items())
