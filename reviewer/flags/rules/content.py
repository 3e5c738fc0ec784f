"""Content: what a report of the genre must give account of (the genre's ``[flags]`` table):
the topics the 督察工作规定 and common practice expect, both principals in the responsibility
part, and the principals' role named right (第一责任人)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from reviewer.document import Section
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.i18n import t

_CLAUSE_MARKS = "，,；;。！？\n"
# how far back the clause naming a principal is looked for
_CLAUSE_WINDOW = 80


@cache
def _substance(expression: str) -> re.Pattern[str]:
    return re.compile(expression)


def _heading_span(sec: Section) -> tuple[int, int]:
    return sec.heading.start, sec.heading.end


def _principal_words(ctx: RuleContext, key: str) -> tuple[str, ...]:
    return tuple((ctx.setting("principals") or {}).get(key, ()))


def _joint_free(ctx: RuleContext, text: str) -> str:
    for phrase in _principal_words(ctx, "joint"):
        text = text.replace(phrase, "")
    return text


@rule("content.principals", "content", "warning")
def principals(ctx: RuleContext) -> Iterator[Hit]:
    """The responsibility part does not report on both principals apart: the party secretary
    (党委书记) and the head of government (镇长, 政府主要负责人). A joint phrase (党政主要负责人)
    names neither on its own. A principal's own account of their duty (县长2024年度述法报告,
    镇党委书记…述法报告), its title naming one of them and not both, reports on that one alone."""
    parts = ctx.sections_of_kind("responsibility")
    if not parts or not _principal_words(ctx, "party"):
        return
    if ctx.doc.duty_report and _one_principal(ctx, ctx.doc.title):
        return
    body = _joint_free(ctx, "".join(ctx.text[s.start:s.end] for s in parts))
    missing = [key for key in ("party", "government")
               if not any(w in body for w in _principal_words(ctx, key))]
    if missing:
        who = "、".join(t(f"flags.principal_{key}") for key in missing)
        yield Hit(*_heading_span(parts[0]), t("flags.principals", who=who),
                  t("flags.principals_fix"))


def _one_principal(ctx: RuleContext, title: str) -> bool:
    """Whether ``title`` names one principal: a role of one side (党委书记, 县长, 局长), no joint
    phrase (党政主要负责人) and no role of the other side."""
    if any(w in title for w in _principal_words(ctx, "joint")):
        return False
    sides = [any(w in title for w in _principal_words(ctx, key)) for key in ("party", "government")]
    return sides.count(True) == 1


@rule("content.first_responsible", "content", "warning")
def first_responsible(ctx: RuleContext) -> Iterator[Hit]:
    """A principal called other than 第一责任人 (镇长…履行法治政府建设直接责任人职责): the party
    secretary and the head of government are both 第一责任人 for building the rule of law."""
    roles = _principal_words(ctx, "wrong_roles")
    names = _principal_words(ctx, "party") + _principal_words(ctx, "government")
    if not roles or not names:
        return
    text = ctx.text
    for role in roles:
        pos = text.find(role)
        while pos >= 0:
            lo = max(0, pos - _CLAUSE_WINDOW)
            start = max(text.rfind(c, lo, pos) for c in _CLAUSE_MARKS) + 1
            start = max(start, lo)
            if any(text.find(n, start, pos) >= 0 for n in names):
                yield Hit(pos, pos + len(role), t("flags.first_responsible", role=role),
                          t("flags.replace_with", right="第一责任人"))
            pos = text.find(role, pos + len(role))


@rule("content.missing_topic", "content", "warning")
def missing_topic(ctx: RuleContext) -> Iterator[Hit]:
    """Content the 督察工作规定 and common practice expect is not reported at all (习近平法治思想
    study, 行政复议, 行政应诉 and 负责人出庭应诉, 合法性审查, 行政执法三项制度, 法律顾问, 述法: the
    genre's ``[[flags.topic]]``, each expected of reports about its ``since`` year or later),
    neither by its words nor in substance (its ``in_substance`` patterns: 法治建设履职情况纳入
    年度述职 is 述法); the flag sits on the part where it belongs, and is not raised when no
    part of that kind is recognised (a page holding no report text, a structure not read). A
    topic expected only since a year is not asked of a report whose year is not known (its
    years written 20xx): it may be older."""
    text = ctx.text
    year = ctx.doc.year_reviewed
    for topic in ctx.setting("topic", ()):
        since = int(topic.get("since", 0))
        if since and (year is None or year < since):
            continue  # expected only of reports about that year or later
        if any(w in text for w in topic["words"]):
            continue
        if any(_substance(p).search(text) for p in topic.get("in_substance", ())):
            continue  # 纳入领导班子年度述职内容: said in other words
        parts = ctx.sections_of_kind(topic.get("kind", "achievements"))
        if not parts:
            continue  # no part where it belongs: the structure rules say what is not recognised
        yield Hit(*_heading_span(parts[0]), t("flags.missing_topic", topic=topic["name"]),
                  t("flags.missing_topic_fix", topic=topic["name"]))
