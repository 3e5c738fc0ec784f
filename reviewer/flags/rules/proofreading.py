"""Proofreading: punctuation, spaces, known typos and misused terms, and characters doubled at a
page break. What normalization removed (page debris) or re-joined is no flag: it stays in the
document's change log, which the outline shows in its own view."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from reviewer.flags.data import terms, words
from reviewer.flags.engine import Hit, RuleContext, rule
from reviewer.i18n import t

_CJK = "\u4e00-\u9fff"
_DOUBLED = re.compile(r"[。，、；：,;:]{2,}")
_SPACE_RUN = re.compile(r"(?<=\S)[ \u3000\u00a0]+(?=\S)")
_BEFORE_SPACE = re.compile(rf"[{_CJK}\d]")
_AFTER_CJK = re.compile(rf"[{_CJK}\d，。；：、！？]")
_AFTER_DIGIT = re.compile(rf"[{_CJK}]")
# full-width mark → its half-width twin
_PAIRS = {"，": ",", "；": ";", "：": ":", "？": "?", "！": "!", "（": "(", "）": ")"}
_HALF = {v: k for k, v in _PAIRS.items()}
_MARKS = re.compile("[" + re.escape("".join(_PAIRS) + "".join(_HALF)) + "]")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_FIGURE = re.compile(r"[\d.．%％]+")
_SPACES = re.compile(r"[ \u3000\u00a0]+")
# the majority must outnumber the minority this many times before the minority is a slip
_MAJORITY = 2
_PADDED_NAME = 4


@rule("proofreading.doubled_punct", "proofreading", "warning")
def doubled_punct(ctx: RuleContext) -> Iterator[Hit]:
    """Two sentence marks in a row: 。。 ，。 ；；"""
    for m in _DOUBLED.finditer(ctx.text):
        yield Hit(m.start(), m.end(), t("flags.doubled_punct", quote=m.group(0)),
                  t("flags.replace_with", right=m.group(0)[-1]))


def _chinese_context(text: str, i: int) -> bool:
    """A half-width mark written inside Chinese text (not in 10:19, 1,000 or English)."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if text[i] == "(":
        return bool(_CJK_CHAR.match(after) or _CJK_CHAR.match(before))
    return bool(_CJK_CHAR.match(before))


@rule("proofreading.punct_width", "proofreading", "warning")
def punct_width(ctx: RuleContext) -> Iterator[Hit]:
    """A half-width mark in Chinese text where the report otherwise writes full-width (and the
    reverse). Heading numbers are left to the bracket-style rule."""
    text = ctx.text
    numbering = sorted((h.start, h.title_start) for h in ctx.doc.headings)
    starts = [s for s, _ in numbering]
    seen: dict[str, list[int]] = {}
    for m in _MARKS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch in _HALF and not _chinese_context(text, i):
            continue
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and i < numbering[k][1]:
            continue
        seen.setdefault(ch, []).append(i)
    for full, half in _PAIRS.items():
        n_full, n_half = len(seen.get(full, ())), len(seen.get(half, ()))
        if n_full >= _MAJORITY * n_half:
            minority, right, style = half, full, "full"
        elif n_half >= _MAJORITY * n_full:
            minority, right, style = full, half, "half"
        else:
            continue
        for i in seen.get(minority, ()):
            yield Hit(i, i + 1, t("flags.punct_width", mark=minority,
                                  style=t(f"flags.width_{style}")),
                      t("flags.replace_with", right=right))


@rule("proofreading.stray_space", "proofreading", "warning")
def stray_space(ctx: RuleContext) -> Iterator[Hit]:
    """A space inside Chinese text (三是 加强, 200 余人次): Chinese sets no spaces. Spaces on
    both sides of one figure make one flag; the space that sets off a name is no slip."""
    text = ctx.text
    runs: list[list[int]] = []
    for m in _SPACE_RUN.finditer(text):
        before, after = text[m.start() - 1], text[m.end()]
        if not _BEFORE_SPACE.match(before):
            continue
        if not (_AFTER_DIGIT if before.isdigit() else _AFTER_CJK).match(after):
            continue
        para = ctx.doc.paragraph_at(m.start())
        if para is not None and para.end - para.start <= _PADDED_NAME:
            continue  # 李　强: a two-character name padded to three
        if any(text.endswith(w, 0, m.start()) for w in words("words", "name_titles")):
            continue  # 省长 王伟中: the space sets off a name
        if runs and _FIGURE.fullmatch(text, runs[-1][1], m.start()):
            runs[-1][1] = m.end()
        else:
            runs.append([m.start(), m.end()])
    for start, end in runs:
        start, end = start - 1, end + 1  # show the characters the space sits between
        quote = text[start:end]
        yield Hit(start, end, t("flags.stray_space", quote=quote),
                  t("flags.replace_with", right=_SPACES.sub("", quote)))


@rule("proofreading.term", "proofreading", "warning")
def term(ctx: RuleContext) -> Iterator[Hit]:
    """A known typo or misused term from the data list (专个→专项, 法制→法治)."""
    text = ctx.text
    for entry in terms():
        for m in entry.pattern.finditer(text):
            if entry.allow is not None and entry.allow.match(text, m.start()):
                continue
            key = f"flags.term_{entry.note}" if entry.note else "flags.term"
            yield Hit(m.start(), m.end(), t(key, wrong=m.group(0), right=entry.right),
                      t("flags.replace_with", right=entry.right))


@rule("proofreading.page_break_double", "proofreading", "warning")
def page_break_double(ctx: RuleContext) -> Iterator[Hit]:
    """A character written twice across a page break (充/充分发挥); normalization kept one."""
    text = ctx.text
    for change in ctx.doc.changes:
        if change.kind != "dedup":
            continue
        char = change.removed.strip()[:1]
        at = change.start if text.startswith(char, change.start) else change.start - 1
        yield Hit(at, at + max(len(char), 1),
                  t("flags.page_break_double", char=char, line=change.line),
                  t("flags.page_break_double_fix"))
