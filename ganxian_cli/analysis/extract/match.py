"""Pair a proposed figure with an indicator of the data file, or propose a new one.

A figure goes onto an indicator only when its name is about that indicator, its unit is of the
indicator's family and its subject (the company or place the sentence names, or none: the
region) is one the indicator's figures have (spelt alike: 赣州腾远钴业公司 is 赣州腾远钴业; or
named in the figure's own name: 华能二期 of 华能二期发电机组). Names are compared as `canonical`
spells them (规上 as 规模以上, without a count they keep or the region's words); a name of three
characters or more printed whole in an indicator's name (利润总额 in 规模以上工业企业利润总额)
is about it. A figure whose sentence names the whole region before it (全区, 该区 …) never goes
onto a company's or place's indicator. An article read again is recognised by its recorded
figures: a value the indicator already holds, whose name or quote shares words with the
indicator's name, goes onto it (before an indicator named like it only where that period is
recorded too: a list of 15 is not the 15 projects in negotiation of another period); a figure
of another subject (or none) only when that very value and period are recorded there, and it
then takes the recorded subject. Otherwise it gets a new indicator: a readable id and a theme
from the glossary (`model.glossary`), one per name, unit and subject, so figures of another
scope (the signed projects among all, a company beside its district) never share one.
Each match says why (`Match.reason`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from ...model.english import DEFAULT_THEME, SUBJECT_THEMES
from ...model.glossary import indicator_id, subject_of, theme_for
from ...model.models import Dataset
from ...model.units import UNITS, Unit, in_scope

THRESHOLD = 0.45  # the Dice score of two names that speak of the same thing
_SAME = "\x00same"  # `ranked` without a subject: the one the last match of the figure had
SAME_VALUE_BONUS = 0.5  # an indicator already holding the value ranks first among those named so
_Context = tuple[str | None, str | None, str, str]  # the figure's subject, period, quote, sentence


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
    reason: str = ""  # why the figure goes onto that indicator, or why onto a new one


# the words that name the region as a whole: its figures are no company's or village's
WHOLE_REGION = re.compile(r"全(?:区|县|市|省|州|旗|镇|乡)|该(?:区|县|市|省|州|旗)")
# how the names of a figure and an indicator are compared: one spelling of 规模以上, without a
# count the name keeps (415户企业办理留抵退税 is of 留抵退税) nor the region's words
_SHORT = (("规上", "规模以上"), ("规下", "规模以下"), ("固投", "固定资产投资"))
_COUNT_IN_NAME = re.compile(
    r"[近约超逾]?\d+(?:\.\d+)?[余多]?(?:万|亿)?[户家个名人项条件台所座](?!目)"
)
_CONTAINED = 3  # a name this long or longer, printed whole in an indicator's name, is about it
# an indicator of items done (已投产的在建项目, 已开工重点调度项目): never of a figure whose name
# and quote do not say they are done so (在建项目61个 is all the projects under construction)
_DONE_STATE = re.compile(r"已(?:经)?(开工|复工|建成|签约|投产|竣工|完工|落地|开业|达产|投用)")


# a read-again value goes onto an indicator only where the names share this many word pairs (签约
# 工业项目 and 在建项目新开工 share 项目 only: another count that happens to hold 18)
_READ_AGAIN_SHARED = 2
# measures a whole region reports: an indicator of one scope of them (工业固定资产投资增速) is
# not about a figure that names no scope (固定资产投资增长9.3%) unless its words name that scope
_REGION_MEASURE = re.compile(
    r"固定资产投资|投资|地区生产总值|增加值|税收|财政收入|一般公共预算收入|用电量|"
    r"社会消费品零售总额|零售额|进出口|出口|进口|存款|贷款"
)
_SCOPE = re.compile(r"规模以上工业|规模以上|工业|农业|民间|房地产|基础设施|制造业|服务业")
# the amount done of a plan (上半年完成投资89.2亿元 after 年度计划投资156亿元)
_DONE_OF_PLAN = re.compile(r"(?:累计)?完成(?:投资)?(?:额)?|投资")
_PLAN = re.compile(r"计划")


# what a change counts: a net increase is not the new entries, a change is not the level
_CHANGE = re.compile(r"净增|新增|增加|减少|净减")
_CHANGE_KIND = {"新增": "more", "增加": "more", "净增": "net", "减少": "less", "净减": "less"}


def _other_change(compared: str, full: str) -> bool:
    """Whether a figure named *compared* and an indicator named *full* count other changes:
    净增 and 新增, or a change and a level (规模以上工业企业净增 is not 新增规模以上企业, nor
    规模以上企业数)."""
    mine = {_CHANGE_KIND[m.group()] for m in _CHANGE.finditer(compared)}
    return bool(mine) and mine != {_CHANGE_KIND[m.group()] for m in _CHANGE.finditer(full)}


def _drops_scope(compared: str, full: str, words: str) -> bool:
    """Whether an indicator named *full* narrows the region's measure the figure named
    *compared* is of to a scope (工业) neither the name nor *words* (the sentence before the
    figure, as compared) says."""
    measure = _REGION_MEASURE.search(compared)
    if measure is None:
        return False
    at = full.find(measure.group())
    if at < 0:
        return False
    return any(
        scope.group() not in compared and scope.group() not in words
        for scope in _SCOPE.finditer(full, 0, at)
    )


def canonical(name: str) -> str:
    """*name* as names are compared (see `_SHORT`, `_COUNT_IN_NAME`, `WHOLE_REGION`)."""
    for short, full in _SHORT:
        name = name.replace(short, full)
    return WHOLE_REGION.sub("", _COUNT_IN_NAME.sub("", name))


class Matcher:
    """Indicators of one dataset, indexed by unit family; new ids made from the names."""

    def __init__(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self._new: dict[tuple[str, str, str | None], str] = {}
        self._taken: set[str] = set(dataset.indicators) if dataset else set()
        self._context: dict[tuple[str, Decimal, str], _Context] = {}
        self._spelt: dict[tuple[str, str | None], str | None] = {}  # file's spelling of a subject
        self._next: dict[str, int] = {}  # per id: the number the next one of its name gets
        self._last = ""  # the name last ranked: `fresh` names its indicator after it
        self._plan: tuple[str, str] | None = None  # the file's indicator a plan went onto, quote
        self._subjects: dict[str, set[str | None]] = {}
        self._values: dict[str, set[tuple[Decimal, str]]] = {}
        # per indicator: value, family and period recorded -> the subject recorded with them
        self._recorded: dict[str, dict[tuple[Decimal, str, str], str | None]] = {}
        # id, bigrams, family, theme, the name as compared
        self._names: list[tuple[str, set[str], str, str, str]] = []
        self._themes: dict[str, tuple[str, str]] = {}
        if dataset is not None:
            self._themes = {key: (t.name, t.name_en) for key, t in dataset.themes.items()}
            self._names = [
                (ident, bigrams(canonical(i.name)), _family(i.unit), i.theme, canonical(i.name))
                for ident, i in dataset.indicators.items()
            ]
            for ident, indicator, _, figure in dataset.figures():
                self._subjects.setdefault(ident, set()).add(figure.subject)
                unit = indicator.unit_of(figure)  # built in or declared by the file
                family, scale = unit.family, unit.scale
                scaled = (figure.value * scale).normalize()
                self._values.setdefault(ident, set()).add((scaled, family))
                key = (scaled, family, str(figure.period))
                self._recorded.setdefault(ident, {})[key] = figure.subject

    def match(
        self,
        name: str,
        value: Decimal,
        unit: str,
        subject: str | None = None,
        period: str | None = None,
        quote: str = "",
        sentence: str = "",
    ) -> Match:
        """The best indicator for the figure of *subject* (of *period*, read in *quote* of
        *sentence*), or a new id (with its theme)."""
        best = self.ranked(name, value, unit, subject, period, quote, sentence)[0]
        if not best.new:
            if _PLAN.search(name) and quote:
                self._plan = (best.indicator, quote)  # the amount done of it may follow
            return best
        key = (own_name(name, subject), unit, subject)
        if key not in self._new:  # ids numbered in the order of the figures that get them
            self._last = key[0]
            self._new[key] = self.fresh()
        return replace(best, indicator=self._new[key])

    def ranked(
        self,
        name: str,
        value: Decimal,
        unit: str,
        subject: str | None = _SAME,
        period: str | None = None,
        quote: str = "",
        sentence: str = "",
    ) -> list[Match]:
        """Indicators that could hold the figure, best first; a new id last. Without
        *subject*: of the subject, period, quote and sentence the last match of that name,
        value and unit had."""
        if subject == _SAME:
            subject, period, quote, sentence = self._context.get(
                (name, value, unit), (None, None, "", "")
            )
        self._context[(name, value, unit)] = (subject, period, quote, sentence)
        whole = name
        name = own_name(name, subject)
        family = _family(unit)
        scored: list[tuple[float, str, str]] = []
        theme, theme_score = "", 0.0
        indicators = self.dataset.indicators if self.dataset else {}
        known = _known(unit)
        scaled = (value * known.scale).normalize() if known else value
        compared = canonical(name)
        grams = bigrams(compared)
        words = grams | bigrams(quote)
        whole_region = subject is None and WHOLE_REGION.search(sentence or quote) is not None
        for ident, names, indicator_family, indicator_theme, full in self._names:
            score = dice(grams, names)
            contained = len(compared) >= _CONTAINED and compared in full
            if contained:
                score = max(score, THRESHOLD)
            if score > theme_score:
                theme, theme_score = indicator_theme, score
            if indicator_family != family:
                continue  # not of its unit
            done = _DONE_STATE.search(full)
            if done and done.group(1) not in compared + quote:
                continue  # an indicator of the items done so, the figure is of all
            held = (scaled, family) in self._values.get(ident, set())
            recorded = self._recorded.get(ident, {}).get((scaled, family, period or ""), _SAME)
            shared = len(words & names)
            # a value read again: of that very period, or named with more than one word alike
            again = held and (shared >= _READ_AGAIN_SHARED or (shared and recorded != _SAME))
            if score < THRESHOLD and not again:
                continue  # not about that indicator, nor a value of it read again
            if score < 1 and _other_change(compared, full):
                continue  # a net increase is not the new entries, nor the level
            if _drops_scope(compared, full, canonical(sentence or quote)):
                continue  # 工业固定资产投资 is not the region's 固定资产投资
            spelt = self._spelling(
                ident, subject, whole, words & names, recorded, sentence or quote, whole_region
            )
            if spelt == _SAME:
                continue  # the indicator's figures are another company's or place's
            self._spelt[(ident, subject)] = spelt
            how = "name contains" if contained and compared != full else "named like"
            if score < THRESHOLD:
                how = "holds this value, read again; named"
            elif held:
                how = "holds this value; " + how
            if held and (score >= THRESHOLD or recorded != _SAME):
                # a value held in another period never outranks an indicator named so
                score += SAME_VALUE_BONUS
            scored.append((score, ident, how))
        plan = self._plan_done(compared, family, sentence)
        if plan is not None:  # 年度计划投资156亿元,上半年完成投资89.2亿元: the plan's indicator
            scored = [(2 + SAME_VALUE_BONUS, plan, "done of the plan on"), *scored]
        scored.sort(key=lambda s: -s[0])
        found = [
            Match(
                ident, False, indicators[ident].theme, self._reason(ident, how, name, unit, subject)
            )
            for _, ident, how in scored
        ]
        theme = self._theme(name, theme if theme_score >= THRESHOLD else "")
        self._last = name
        key = (name, unit, subject)
        why = f"new: no indicator of the file is named like {compared or name} in {unit}"
        if subject:
            why += f" of {subject}"
        if not self._names:
            why = "new: the file has no indicators yet"
        return [*found, Match(self._new.get(key, ""), True, theme, why)]

    def _plan_done(self, compared: str, family: str, sentence: str) -> str | None:
        """The file's indicator of the plan printed just before in *sentence*, for a figure
        named only as the amount done (完成投资, 投资) in its unit family; else None."""
        if self._plan is None or not _DONE_OF_PLAN.fullmatch(compared):
            return None
        ident, quote = self._plan
        same = any(i == ident and f == family for i, _, f, _, _ in self._names)
        return ident if same and quote in sentence else None

    def _reason(self, ident: str, how: str, name: str, unit: str, subject: str | None) -> str:
        """Why a figure named *name* in *unit* of *subject* goes onto *ident*."""
        indicator = self.dataset.indicators[ident] if self.dataset else None
        if indicator is None:
            return ""
        spelt = self._spelt.get((ident, subject), subject)
        whose = f"of {spelt}, as its figures" if spelt else "of the region, as its figures"
        kind = _known(unit)
        unit_words = f"unit {unit}" + (f" ({kind.kind.value})" if kind else "")
        if unit != indicator.unit:
            unit_words += f", as its {indicator.unit}"
        return f"{how} {indicator.name} ({name}); {unit_words}; {whose}"

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

    def _spelling(
        self,
        ident: str,
        subject: str | None,
        text: str,
        shared: set[str],
        recorded: str | None,
        sentence: str = "",
        whole_region: bool = False,
    ) -> str | None:
        """The subject as the indicator's figures spell it, if *subject* (or, for none, the
        figure's name *text*) is one of them; `_SAME` if it is another company's or place's.
        *recorded*: the subject of a figure of that very value and period, if one is there; it
        is taken only where *sentence* names it, and never for a sentence of the whole region
        (*whole_region*: 全区… before the figure)."""
        subjects = self._subjects.get(ident, {subject})
        if subject in subjects:
            return subject
        if whole_region:
            return _SAME  # 全区营业收入: the district's, not a company's
        for other in subjects:
            if other is None:
                continue
            if subject is not None and (other in subject or subject in other):
                return other  # the same company, spelt longer or shorter
            if subject is None and any(form in text for form in _short_forms(other)):
                return other  # the figure's own words name it: 华能二期2台, 腾远钴业营收
        if recorded != _SAME and shared:
            return recorded  # that very figure, recorded (with its subject) by the file
        return _SAME

    def subject(self, ident: str, found: str | None) -> str | None:
        """The figure's subject: the one its sentence names, as the indicator's figures spell
        it (none is filled in only for a figure the file records: a district's total is not a
        company's)."""
        return self._spelt.get((ident, found), found)

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


def _short_forms(subject: str) -> list[str]:
    """*subject* and the shorter spellings a text names it by: without the place of two or
    three characters it opens with (赣州腾远钴业 as 腾远钴业), four characters at least."""
    return [subject, *(subject[k:] for k in (2, 3) if len(subject) - k >= 4)]


def _known(unit: str) -> Unit | None:
    """The built-in or (while a file is read) declared unit *unit*, if any."""
    return UNITS.get(unit) or in_scope().get(unit)


def _family(unit: str) -> str:
    found = _known(unit)
    return found.family if found else unit
