"""The headline targets of last year's report, as their own table: every target of its
主要预期目标 (国内生产总值增长5%左右; 城镇新增就业1200万人以上; 居民收入增长和经济增长同步;
国际收支基本平衡), each checked against this year's account of the year.

The targets are read from the sentence that names them (``[headline] cues``) and the sentences
of the same paragraph that go on listing them, never from a five-year period's targets. Each
clause is one target, or one per subject (``A和B分别控制在5.5%以内、3.5%以内``, ``A和B继续下降``);
a hedge (``在实际工作中争取更好结果``) is none. A report without such a list (a rule-of-law
report) has as headline targets the quantified targets of its targets part.

Verdicts: ``met``, ``missed``, ``unclear`` (inside the tolerance of 左右, named without a figure,
two actuals of a relative target that cannot be set side by side), ``not_reported`` (this year's
review does not say: itself a finding about the current report).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from reviewer.compare import data
from reviewer.compare.figures import (
    Actual,
    Target,
    TargetResult,
    _aliases,
    _alternation,
    _cjk,
    _generic,
    _narrow,
    _strip,
    _subjects,
    find_actual,
    measure,
    mentions,
    names,
    targets_in,
    verdict,
)
from reviewer.document import Document
from reviewer.document.figures import figures
from reviewer.i18n import t
from reviewer.profiles import ProfileError, get_profile, kinds_where

_CLAUSE = re.compile(r"[^，,；;。\n]+")
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]")
_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")


def _conf() -> dict:
    return data.indicators()["headline"]


@cache
def _cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in _conf()["cues"]))


@cache
def _marked_cue() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in _conf()["marked_cues"]))


def _excluded(doc: Document, offset: int) -> bool:
    """Inside a part about a five-year period."""
    return any(s.period == "five_year" for s in doc.section_at(offset))


def passages(doc: Document) -> list[tuple[int, int]]:
    """Where ``doc`` lists the year's headline targets: (start, end) after each cue."""
    text = _narrow(doc.text)
    conf = _conf()
    out: list[tuple[int, int]] = []
    paras = doc.paragraphs
    for k, para in enumerate(paras):
        m = _cue().search(text, para.start, para.end)
        if m is None and k + 1 < len(paras) and \
                _list_mark().match(text, paras[k + 1].start, paras[k + 1].end):
            m = _marked_cue().search(text, para.start, para.end)
        if m is None or _excluded(doc, m.start()):
            continue
        if not any(w in m.group() for w in conf["list_cue"]):
            # 经济增长预期目标为5%左右，考虑了…: a comment on one target, not the list
            continue
        if doc.kind_at(m.start()) == "appendix":
            continue
        sentence_start = max(text.rfind(c, para.start, m.start()) for c in "。！？!?") + 1
        sentence_start = max(sentence_start, para.start)
        if any(w in text[sentence_start: m.start()] for w in conf["five_year"]):
            continue
        start = m.end()
        end_m = re.compile(r"[。！？!?]").search(text, start, para.end)
        end = end_m.end() if end_m else para.end
        # the list may run on over the next sentences of the paragraph
        while end < para.end:
            nxt = _SENTENCE.match(text, end, para.end)
            if nxt is None or not nxt.group().strip():
                break
            sentence = nxt.group().strip(" \u3000")
            if any(sentence.startswith(w) for w in conf["list_ends"]) or \
                    not figures(doc.text, nxt.start(), nxt.end()):
                break
            end = nxt.end()
        if not figures(doc.text, start, end):
            # 主要预期目标： and the list on the lines after it
            end = _lines_listed(doc, text, k + 1, end)
        if out and start < out[-1][1]:
            continue
        if not figures(doc.text, start, end):
            # a list of the year's targets names figures (a glossary's 主要目标是… does not)
            continue
        out.append((start, end))
    return out or _unannounced(doc, text)


def _lines_listed(doc: Document, text: str, first: int, end: int) -> int:
    """Where a list of targets one line each, from paragraph ``first`` on, ends (``end`` where
    that paragraph opens none)."""
    conf = _conf()
    heads = {h.start for h in doc.headings}
    marked = False
    for para in doc.paragraphs[first: first + conf["list_lines"]]:
        line = text[para.start:para.end].strip(" \u3000")
        mark = _list_mark().match(text, para.start, para.end) is not None
        if len(line) > conf["list_line_chars"]:
            break
        if not targets_in(doc, para.start, para.end) and not (marked and mark):
            # a line of figures, or, in a list whose lines open with a mark, a marked line
            # naming a target in words (●居民收入增长与经济增长同步)
            break
        if para.start in heads and not mark:
            break  # the plan's next part (（一）推动产业升级。新建学校5所。)
        marked = marked or mark
        end = para.end
    return end


@cache
def _list_mark() -> re.Pattern[str]:
    return re.compile(r"[ \u3000]*" + _conf()["list_mark"])


def _unannounced(doc: Document, text: str) -> list[tuple[int, int]]:
    """A list of the year's targets no cue announces (…预期目标作了适当调整。今年要…；城镇新增
    就业900万人以上，城镇调查失业率6%左右…): the first paragraph of the year's targets part
    naming at least ``[headline] unannounced`` targets of figures, from the run (between ；：。)
    of its first one to the paragraph's end."""
    least = _conf()["unannounced"]
    # a part whose kind was not told (its heading lost its numbering and ran on into the plan)
    # after the account of the year may hold the list too: there only targets set as targets
    # (左右, 以上, 以内) count
    reviewed = min((s.end for s in doc.sections if s.kind == "achievements"), default=None)
    for para in doc.paragraphs:
        kind = doc.kind_at(para.start)
        unsure = kind == "unknown" and reviewed is not None and para.start >= reviewed
        if (kind != "targets" and not unsure) or _excluded(doc, para.start):
            continue
        found = targets_in(doc, para.start, para.end)
        if unsure:
            found = [tr for tr in found if tr.comparator != "equal"]
        if len(found) < least:
            continue
        first = min(tr.start for tr in found)
        years = _YEAR.findall(text, para.start, first)
        if years and doc.year_reviewed is not None and int(years[-1]) == doc.year_reviewed:
            # the figures follow the year reviewed (2024年工作回顾：全省地区生产总值增长5.7%…):
            # an account of that year, whatever kind its part was given
            continue
        start = max(text.rfind(c, para.start, first) for c in "；;：:。") + 1
        return [(max(start, para.start), para.end)]
    return []


@cache
def _frames() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _conf()["frames"]))


def _frame(clause: str) -> bool:
    """The clause is only a time frame (到2022年底) or a word joining it to the one before
    (此外): no target of its own."""
    bare = clause.strip(" \u3000")
    return bool(_frames().fullmatch(bare)) or bare in _conf()["connectives"]


def _hedge(clause: str) -> bool:
    return any(w in clause for w in _conf()["hedges"])


def _relative(doc: Document, start: int, end: int) -> Target | None:
    """``居民收入增长和经济增长同步`` as a relative target, else None."""
    text = _narrow(doc.text)
    clause = text[start:end]
    rel = re.compile(_alternation(_conf()["relative"])).search(clause)
    if rel is None:
        return None
    before = clause[: rel.start()]
    parts = _subjects(before)
    after = clause[rel.end():].strip(" \u3000")
    if len(parts) == 1 and _cjk(after) >= 2:
        # 居民收入增速高于经济增速: the other indicator follows the relation
        parts = [parts[0], after]
    if len(parts) < 2:
        return None
    conf = data.indicators()["indicator"]
    mine = _strip(parts[0], conf["drop_before"], ())
    other = parts[-1]
    return Target(mine, "relative", None, "%", doc.text[start:end], start, end,
                  kind="relative", state=clause[rel.start(): rel.end()], other=other)


def _qualitative(doc: Document, start: int, end: int) -> list[Target]:
    """A condition (国际收支基本平衡), one per subject of ``A和B继续下降``."""
    text = _narrow(doc.text)
    clause = text[start:end].strip(" \u3000")
    lead = len(text[start:end]) - len(text[start:end].lstrip(" \u3000"))
    conf = data.indicators()["indicator"]
    states = re.compile(_alternation(_conf()["states"]))
    # words of state leading the clause (继续保持低失业率水平) name no subject
    bare = _strip(clause, _conf()["states"], (), keep_one=True)
    lead += len(clause) - len(bare)
    clause = bare
    found = None
    for m in states.finditer(clause):
        if m.start() >= 2:
            found = m
            break
    subject, state = (clause[: found.start()], clause[found.start():]) if found else (clause, "")
    subject = _strip(subject, conf["drop_before"], ())
    quote = doc.text[start:end]
    if _cjk(subject) < 2:
        return []
    if any(w in state for w in _conf()["positive"]):
        # 实现正增长: a growth rate above zero
        return [Target(subject + "增长", "positive", 0.0, "%", quote, start + lead, end)]
    parts = _subjects(subject) if state else [subject]
    if len(parts) > 1 and all(_cjk(p) >= 2 for p in parts) and (
            any(state.startswith(w) for w in _conf()["each"]) or
            (_direction_named(state) and all(_cjk(p) >= _conf()["full_name"] for p in parts))):
        # A和B均完成…, and full names moving one way (单位国内生产总值能耗和主要污染物排放量继续
        # 下降): one condition for each
        return [Target(p, "state", None, "", quote, start + lead, end, kind="qualitative",
                       state=state) for p in parts]
    # one condition of several subjects together (节能减排和碳排放强度下降完成国家下达任务, 万元
    # GDP能耗、水耗持续下降): one target, checked subject by subject
    return [Target(subject, "state", None, "", quote, start + lead, end, kind="qualitative",
                   state=state)]


def headline_targets(doc: Document) -> list[Target]:
    """Every headline target of ``doc``, in text order."""
    text = _narrow(doc.text)
    out: list[Target] = []
    found = passages(doc)
    for lo, hi in found:
        last_subject = ""
        for clause in _CLAUSE.finditer(text, lo, hi):
            a, b = clause.start(), clause.end()
            mark = _list_mark().match(text, a, b)
            if mark is not None and mark.end() < b:  # ——地区生产总值增长5.5%左右
                a = mark.end()
            if _multi(doc, a, b):
                continue
            quantified = [tr for tr in targets_in(doc, a, b) if not _hedge(tr.quote)]
            lead = _year_on_year(text, a, b) if not quantified and last_subject else 0
            if lead:
                # 地区生产总值725亿元，同比增长9%: in the list, the growth of the level before
                quantified = [tr for tr in targets_in(doc, lead, b) if not _hedge(tr.quote)]
            if quantified:
                for tr in quantified:
                    subject, _ = measure(tr.indicator)
                    if _generic(subject) and last_subject and len(names(subject)) == 1:
                        # 突破10万亿元大关 after 地区生产总值增长6—6.5%: the same subject's
                        # level; 增长10%左右 after 税收收入500亿元: its growth
                        _, direction = measure(tr.indicator)
                        own = tr.indicator if direction or tr.indicator in _measures() else ""
                        tr = replace(tr, indicator=last_subject + own)
                    else:
                        last_subject = subject
                    out.append(tr)
                continue
            if _hedge(clause.group()) or not _cjk(clause.group()) or \
                    figures(doc.text, a, b) or _frame(clause.group()):
                # a figure that names no target (5%左右 alone) makes no qualitative one either
                continue
            rel = _relative(doc, a, b)
            if rel is not None:
                out.append(rel)
                continue
            out.extend(_qualitative(doc, a, b))
    # a list longer than any report's is no list of headline targets: each is looked for in
    # the whole review, so their number is bounded
    del out[_conf()["max_targets"]:]
    try:
        from_part = get_profile(doc.genre).targets_from_part
    except ProfileError:
        from_part = True
    if not found and from_part:
        # no list of headline targets: the quantified targets of the targets part
        for sec in sorted(doc.sections_of_kind("targets"), key=lambda s: s.start):
            if sec.period != "five_year":
                out.extend(targets_in(doc, sec.start, sec.end))
    return out


def _year_on_year(text: str, start: int, end: int) -> int:
    """Where a clause of the list opening with words comparing with last year (同比增长9%)
    goes on after them, else 0."""
    clause = text[start:end]
    body = clause.lstrip(" \u3000")
    at = start + len(clause) - len(body)
    for w in _conf()["year_on_year"]:
        if body.startswith(w):
            return at + len(w)
    return 0


def _measures() -> tuple[str, ...]:
    conf = data.indicators()
    return (*conf["growth_words"], *conf["decrease_words"])


def _multi(doc: Document, start: int, end: int) -> bool:
    from reviewer.compare.figures import multi_year_in

    return multi_year_in(doc, start, end)


# --- checking them -------------------------------------------------------------------------

def _state_kept(state: str, said: str) -> bool:
    """The review's words ``said`` confirm the condition ``state`` (both name the same state
    word: 平衡, 改善, 稳定, 下降…)."""
    return any(w in state and w in said for w in _conf()["confirms"])


def _direction_named(said: str) -> bool:
    conf = data.indicators()
    return any(w in said for w in (*conf["growth_words"], *conf["decrease_words"],
                                   *conf["headline"]["moving"]))


def _expected(said: str) -> bool:
    """The clause only expects what it says (预计可完成, 有望)."""
    conf = data.indicators()
    return any(w in said for w in (*conf["headline"]["prospect"], *conf["actual"]["estimate"]))


def _measure_named(said: str) -> bool:
    """The clause names a growth or a decrease (涨幅, 增长, 下降)."""
    conf = data.indicators()
    return any(w in said for w in (*conf["growth_words"], *conf["decrease_words"]))


def _quote(doc: Document, span: tuple[int, int]) -> Actual:
    return Actual(None, doc.text[span[0]:span[1]], span[0], span[1])


def year_account(doc: Document, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (the account of the year) with, in a review of five years, the sentences of its
    five-year paragraphs that open with the year reviewed and name no other year (2020年，全区
    经济一季比一季好，…全年增速达到2%): the year's own clauses, where its figures stand."""
    year = doc.year_reviewed
    if year is None:
        return spans
    evidence = kinds_where("evidence")
    five = [(p.start, p.end) for p in doc.periods if p.period == "five_year"]
    five += [(s.start, s.end) for s in doc.sections_of_kind(*evidence) if s.period == "five_year"]
    if not five:
        return spans
    text = _narrow(doc.text)
    act = data.indicators()["actual"]
    opening = re.compile(rf"[\s\u3000]*{year}\s*年")
    extra: list[tuple[int, int]] = []
    for lo, hi in five:
        for m in _SENTENCE.finditer(text, lo, hi):
            lead = opening.match(text, m.start(), m.end())
            if lead is None or any(text.startswith(w, lead.end())
                                   for w in act["year_opening_not"]) or \
                    doc.kind_at(m.start()) not in evidence:
                continue
            if any(int(y) != year for y in _YEAR.findall(m.group())):
                continue
            extra.append((m.start(), m.end()))
    out: list[tuple[int, int]] = []
    for a, b in sorted({*spans, *extra}):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def check_headline(targets: list[Target], current: Document,
                   spans: list[tuple[int, int]]) -> list[TargetResult]:
    """Each headline target with what ``current``'s account of the year says, the verdict and
    the reasons for it; in a review of five years also what the year's own sentences among the
    five years' paragraphs say (:func:`year_account`)."""
    spans = year_account(current, spans)
    out: list[TargetResult] = []
    for tr in targets:
        if tr.kind == "relative":
            out.append(_check_relative(tr, current, spans))
        elif tr.kind == "qualitative":
            out.append(_check_qualitative(tr, current, spans))
        else:
            out.append(_check_quantified(tr, current, spans))
    return out


def _check_quantified(tr: Target, current: Document,
                      spans: list[tuple[int, int]]) -> TargetResult:
    actual = find_actual(current, tr, spans)
    if actual is not None:
        v = verdict(tr, actual)
        reasons = (t("compare.target_actual", quote=actual.quote[:60]),)
        if actual.year_end:
            reasons = (*reasons, t("compare.target_year_end"))
        if actual.estimate:
            reasons = (*reasons, t("compare.target_estimate"))
        if actual.basis is not None and \
                verdict(tr, replace(actual, value=actual.basis)) != v:
            # 增长1.7%（同口径增长2.5%以上）: on a comparable basis it reads otherwise
            v, reasons = "unclear", (*reasons, t("compare.target_basis",
                                                  basis=f"{actual.basis:g}{tr.unit}"))
        return TargetResult(**vars(tr), actual=actual, verdict=v, headline=True,
                            reasons=reasons)
    subject, _ = measure(tr.indicator)
    said = mentions(current, subject, spans)
    words = current.text[said[0]:said[1]] if said is not None else ""
    if said is not None and not _expected(words) and not _short(words):
        if any(w in words for w in _conf()["done"]) and not figures(words):
            # 城镇新增就业完成年度目标任务: the target reached, in words
            return TargetResult(**vars(tr), actual=_quote(current, said), verdict="met",
                                headline=True, reasons=(t("compare.target_done",
                                                          quote=words[:60]),))
        if tr.unit == "%" and any(w in words for w in _conf()["flat"]) and \
                not figures(words) and not _measure_named(words):
            # 居民消费价格同比持平: a growth of zero (not 涨幅基本持平, a rise as the year
            # before's, nor 保持平稳增长)
            # (the actual stays words: 持平 is no figure of the year)
            flat = _quote(current, said)
            return TargetResult(**vars(tr), actual=flat,
                                verdict=verdict(tr, replace(flat, value=0.0)),
                                headline=True, reasons=(t("compare.target_flat",
                                                          quote=words[:60]),))
    if said is not None and _direction_named(current.text[said[0]:said[1]]) and \
            not any(w in current.text[said[0]:said[1]] for w in _conf()["prospect"]):
        # named with a direction but no figure; a prospect (增速有望继续领跑) says nothing of
        # what was
        return TargetResult(**vars(tr), actual=_quote(current, said), verdict="unclear",
                            headline=True, reasons=(t("compare.target_no_figure",
                                                      quote=current.text[said[0]:said[1]][:60]),))
    return TargetResult(**vars(tr), verdict="not_reported", headline=True,
                        reasons=(t("compare.target_not_reported"),))


def _check_qualitative(tr: Target, current: Document,
                       spans: list[tuple[int, int]]) -> TargetResult:
    parts = _subjects(tr.indicator)
    if len(parts) < 2 or any(_cjk(p) < 2 for p in parts):
        parts = [tr.indicator]
    results = [_check_state(tr, p, current, spans) for p in parts]
    said = [r for r in results if r.actual is not None]
    if len(said) == len(results) or not said:
        return results[0] if len(results) == 1 or not said else \
            replace(said[0], verdict="met" if all(r.verdict == "met" for r in said)
                    else "unclear")
    # some of its subjects reported, some not: the condition cannot be judged whole
    return replace(said[0], verdict="unclear",
                   reasons=(*said[0].reasons, t("compare.target_part_reported",
                                                missing="、".join(
                                                    p for p, r in zip(parts, results,
                                                                      strict=True)
                                                    if r.actual is None))))


def _check_state(tr: Target, subject: str, current: Document,
                 spans: list[tuple[int, int]]) -> TargetResult:
    """The condition ``tr.state`` of one of its subjects, as the review says it."""
    if any(w in tr.state for w in _conf()["steady"]):
        grown = find_actual(current, _growth(subject + _conf()["growth_measure"]), spans,
                            subject=_alias(subject))
        if grown is not None and grown.value is not None and grown.value != 0:
            # 进出口促稳提质 against 货物进出口总额增长7.7%
            return TargetResult(**vars(tr), actual=grown,
                                verdict="met" if grown.value > 0 else "missed", headline=True,
                                reasons=(t("compare.target_actual", quote=grown.quote[:60]),))
    said = mentions(current, subject, spans)
    if said is None:
        return TargetResult(**vars(tr), verdict="not_reported", headline=True,
                            reasons=(t("compare.target_not_reported"),))
    words = current.text[said[0]:said[1]]
    # the state may be said after the figures, in the same sentence (空气质量综合指数2.19、优良
    # 天数比例98.6%，保持全市最优)
    stop = _SENTENCE_END.search(current.text, said[1])
    sentence = current.text[said[0]: stop.start() if stop else said[1]]
    kept = _state_kept(tr.state, sentence) and not _short(sentence)
    if not kept and any(w in tr.state for w in _conf()["assigned"]) and \
            figures(current.text, said[0], said[1]) and not _short(sentence):
        # a task set from above (完成国家下达任务) the review answers with the figure reached
        kept = True
    return TargetResult(**vars(tr), actual=_quote(current, said),
                        verdict="met" if kept else "unclear", headline=True,
                        reasons=(t("compare.target_state_kept" if kept
                                   else "compare.target_state_unclear", quote=words[:60]),))


def _stated_relation(current: Document, mine: str, other: str,
                     spans: list[tuple[int, int]]) -> tuple[tuple[int, int], bool] | None:
    """Where the review sets the growth of ``mine`` against that of ``other`` in words
    (居民人均可支配收入增速高于经济增速): the clause, and whether it says ``mine`` grew faster."""
    conf = _conf()
    growth = f"(?:{_alternation(conf['stated_growth'])})"
    faster, slower = _alternation(conf["stated_faster"]), _alternation(conf["stated_slower"])
    pattern = re.compile(
        f"(?:{_alternation(names(_alias(mine)))}){growth}(?:({faster})|(?:{slower}))"
        f"(?:{_alternation([other, *names(_alias(other))])}){growth}?")
    text = _narrow(current.text)
    for lo, hi in spans:
        for m in pattern.finditer(text, lo, hi):
            stop = _SENTENCE_END.search(text, m.end(), hi)
            return (m.start(), stop.start() if stop else hi), m.group(1) is not None
    return None


def _short(sentence: str) -> bool:
    """The review says the figure fell short (未完成, 低于目标)."""
    return any(w in sentence for w in _conf()["short_of"])


def _growth(indicator: str) -> Target:
    """A growth-rate target for ``indicator`` (to read its actual)."""
    return Target(indicator, "equal", 0.0, "%", "", 0, 0)


def _alias(subject: str) -> str:
    return _aliases().get(subject, subject)


def _check_relative(tr: Target, current: Document,
                    spans: list[tuple[int, int]]) -> TargetResult:
    rules = data.rules()
    mine_subject, _ = measure(tr.indicator)
    other_subject, _ = measure(tr.other)
    mine = find_actual(current, _growth(tr.indicator), spans, subject=_alias(mine_subject))
    other = find_actual(current, _growth(tr.other), spans, subject=_alias(other_subject))
    if mine is None:
        stated = _stated_relation(current, mine_subject, other_subject, spans)
        if stated is not None:
            (a, b), faster = stated
            # 居民人均可支配收入增速高于经济增速0.6个百分点: the relation in words
            return TargetResult(**vars(tr), actual=_quote(current, (a, b)),
                                verdict="met" if faster else "unclear", headline=True,
                                reasons=(t("compare.relative_stated",
                                           quote=current.text[a:b][:60]),))
        said = mentions(current, _alias(mine_subject), spans)
        if said is not None:
            return TargetResult(**vars(tr), actual=_quote(current, said), verdict="unclear",
                                other_actual=other, headline=True,
                                reasons=(t("compare.target_no_figure",
                                           quote=current.text[said[0]:said[1]][:60]),))
        return TargetResult(**vars(tr), verdict="not_reported", other_actual=other,
                            headline=True, reasons=(t("compare.target_not_reported"),))
    if other is None:
        return TargetResult(**vars(tr), actual=mine, verdict="unclear", headline=True,
                            reasons=(t("compare.relative_one_side", other=tr.other),))
    if "分别" in mine.quote:
        return TargetResult(**vars(tr), actual=mine, other_actual=other, verdict="unclear",
                            headline=True, reasons=(t("compare.relative_split",
                                                      quote=mine.quote[:60]),))
    assert mine.value is not None and other.value is not None
    strict = any(w in tr.state for w in rules["relative_strict"])
    if strict:
        ok = mine.value > other.value
    else:
        tolerance = rules["relative_points_loose"] if "基本" in tr.state \
            else rules["relative_points"]
        ok = mine.value >= other.value - tolerance - 1e-9
    return TargetResult(**vars(tr), actual=mine, other_actual=other,
                        verdict="met" if ok else "missed", headline=True,
                        reasons=(t("compare.relative_both", mine=f"{mine.value:g}%",
                                   other=f"{other.value:g}%"),))


__all__ = ["check_headline", "headline_targets", "names", "passages"]
