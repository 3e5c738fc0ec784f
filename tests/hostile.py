"""Hostile and merely unusual report texts of any size, generated from the bundled seeds.

Each shape stresses one way a step can turn quadratic: a long report, a report of nothing but
headings, numbering full of gaps, page-break joins among debris, long runs of digits, of 余, of %
inside one clause, tens of thousands of bracketed numbers, one endless line, a report set letter
by letter. The same generators serve the scaling benchmark (``benchmarks/bench_scaling.py``, up
to 16 MB) and the test suite (``tests/test_hostile_shapes.py``, small sizes): nothing large is
ever committed.

``make(shape, size)`` returns a text of about ``size`` bytes of UTF-8 (never less).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# the seed with the most of everything: debris, three heading levels, figures, a plan
SEED = "hutiaoxia-2025"

_CN = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    """1 → 一 … 99 → 九十九 (small numbers as headings write them)."""
    n = (n - 1) % 99 + 1
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens - 1] + "十")
    return head + (_CN[ones - 1] if ones else "")


def seed_text(name: str = SEED) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def _fill(unit: Callable[[int], str], size: int, head: str = "", tail: str = "") -> str:
    """``head``, then ``unit(0)``, ``unit(1)``… until ``size`` bytes, then ``tail``."""
    parts = [head]
    total = len(head.encode("utf-8")) + len(tail.encode("utf-8"))
    i = 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece.encode("utf-8"))
        i += 1
    parts.append(tail)
    return "".join(parts)


def _title() -> str:
    return "某某镇人民政府关于2024年度法治政府建设情况的报告\n"


# a year as reports write one; a list's number opens a line, sits in brackets or comes before 、
# or a point: what ``vary`` changes from copy to copy, and what it keeps
_NUMBER = re.compile(r"(?<![0-9])[0-9]+(?![0-9])")
_YEAR = re.compile(r"19[5-9][0-9]|20[0-4][0-9]")
_LIST_BEFORE = "\n（("
_LIST_AFTER = ".．、）)"


def vary(text: str, copy: int) -> str:
    """The ``copy``-th copy of a report (0: the report itself): every year ``copy`` years
    earlier and every other figure ``copy`` more, list numbers kept, so that a compilation of
    copies repeats no sentence that holds a figure (a cache of what was read sees no repeat)."""
    if copy == 0:
        return text

    def number(m: re.Match[str]) -> str:
        written, at, end = m.group(), m.start(), m.end()
        if _YEAR.fullmatch(written):
            return str(int(written) - copy)
        if (at == 0 or text[at - 1] in _LIST_BEFORE
                or (end < len(text) and text[end] in _LIST_AFTER)):
            return written
        return str(int(written) + copy).zfill(len(written))

    return _NUMBER.sub(number, text)


def real(size: int, reports: list[str] | None = None, *, varied: bool = True) -> str:
    """Real reports one after another, as a compilation reads, as often as the size asks: the
    five seeds, or the ``reports`` given (the benchmark passes the corpus too). Each pass after
    the first is :func:`vary`'d (``varied=False``: the reports repeated word for word)."""
    if reports is None:
        reports = [seed_text(p.stem) for p in sorted(SEEDS.glob("*.txt"))]
    texts = [r.rstrip("\n") + "\n" for r in reports]
    if not varied:
        return _fill(lambda i: texts[i % len(texts)], size)
    return _fill(lambda i: vary(texts[i % len(texts)], i // len(texts)), size)


def headings(size: int) -> str:
    """Every line a heading, in every numbering style, nested and numbered in order."""
    def unit(i: int) -> str:
        lines = [f"{_numeral(i + 1)}、加强法治政府建设第{i}部分"]
        for a in range(1, 3):
            lines.append(f"（{_numeral(a)}）完善依法决策机制")
            for b in range(1, 3):
                lines.append(f"{b}.推进严格规范公正文明执法")
                for c in range(1, 3):
                    lines.append(f"（{c}）健全行政复议体制")
                    lines += [f"{_numeral(d)}是强化法治宣传教育。" for d in range(1, 3)]
        return "\n".join(lines) + "\n"
    return _fill(unit, size, _title())


def numbering_gaps(size: int) -> str:
    """Thousands of headings whose numbers skip (一、 三、 五、 …), each with a short body."""
    def unit(i: int) -> str:
        return (f"{_numeral(2 * i + 1)}、推进依法行政工作\n"
                f"（{_numeral(2 * (i % 5) + 1)}）规范执法行为\n"
                "全年开展执法检查12次，办理案件3件，群众满意度明显提升。\n")
    return _fill(unit, size, _title())


def join_chains(size: int) -> str:
    """Page-break joins among debris lines: sentences cut mid-word by page breaks, with page
    widgets (which keep the halves apart) and (此页无正文) (which does not) between them."""
    def unit(i: int) -> str:
        return ("全面落实行政执法三项制度，持续推进法治政府建设，不断提升依法行\n"
                "（此页无正文）\n"
                "政水平，全年办理行政复议案件3件，开展执法检查20余次，统一编\n"
                "打印\n"
                "号工作有序推进，法治宣传教育深入开展，群众满意度持续提\n")
    return _fill(unit, size, _title())


def join_endless(size: int) -> str:
    """Every line cut mid-word by a page break: the whole text joins into one paragraph."""
    def unit(i: int) -> str:
        return "持续推进法治政府建设，不断提升依法行政水平，全年开展执法检查20余次成效显\n"
    return _fill(unit, size, _title())


def _one_clause(run: str, size: int) -> str:
    """A real opening, then one clause made of ``run`` repeated, then a real ending."""
    seed = seed_text()
    head, tail = seed[: len(seed) // 2], seed[len(seed) // 2:]
    return _fill(lambda i: run, size, head + "覆盖率达", tail)


def digit_run(size: int) -> str:
    """One clause of nothing but digits (a table flattened into a line)."""
    return _one_clause("1234567890", size)


def yu_run(size: int) -> str:
    """One clause of approximate counts, parts and 余 (其中12余次余余…), no break anywhere."""
    return _one_clause("其中12余次余余余", size)


def percent_run(size: int) -> str:
    """One clause of percentages without a break (100%以上100%以上…)."""
    return _one_clause("101%100%以上", size)


def brackets(size: int) -> str:
    """Bracketed numbers by the ten thousand, inside lines and at their starts."""
    def unit(i: int) -> str:
        return f"（{i % 99 + 1}）（{i % 7 + 1}）开展普法宣传（{i % 50}）次\n"
    return _fill(unit, size, _title())


def endless_line(size: int) -> str:
    """The whole report on one line, repeated: no newline anywhere."""
    seed = seed_text().replace("\n", "")
    return _fill(lambda i: seed, size)


def spaced(size: int) -> str:
    """Real reports set letter by letter: a space after every character of every line (a PDF's
    text layer that spaces its characters out), as many as make ``size`` bytes: a space adds a
    third to a Chinese character's three bytes."""
    for part in (size * 3 // 4, size):
        text = "\n".join(" ".join(line) for line in real(part).split("\n"))
        if len(text.encode("utf-8")) >= size:
            return text
    return text


def nested(size: int) -> str:
    """Five levels of numbering again and again (一、 （一） 1. （1） ①), one short line each."""
    def unit(i: int) -> str:
        n = i % 9 + 1
        return (f"{_numeral(n)}、总体要求\n（{_numeral(n)}）分项任务\n{n}.细化措施\n"
                f"（{n}）工作要点\n{chr(0x2460 + i % 20)}落实责任\n")
    return _fill(unit, size, _title())


def dated_lines(size: int) -> str:
    """A line per day: a date, a meeting, a count (a log of events pasted in)."""
    def unit(i: int) -> str:
        return f"{2000 + i % 30}年{i % 12 + 1}月{i % 28 + 1}日，召开专题会议{i % 9 + 1}次。\n"
    return _fill(unit, size, _title())


def table_rows(size: int) -> str:
    """A table flattened into lines of tab-separated figures, counts and percentages."""
    def unit(i: int) -> str:
        return f"{i}\t{i * 3}件\t{i % 100}%\t{i * 7}万元\n"
    return _fill(unit, size, _title())


def blank_between(size: int) -> str:
    """Short sentences with runs of empty lines between them (a page saved line by line)."""
    return _fill(lambda i: f"全年办理案件{i % 50}件。\n\n\n\n\n\n\n\n", size, _title())


SHAPES: dict[str, Callable[[int], str]] = {
    "real": real,
    "headings": headings,
    "numbering_gaps": numbering_gaps,
    "join_chains": join_chains,
    "join_endless": join_endless,
    "digit_run": digit_run,
    "yu_run": yu_run,
    "percent_run": percent_run,
    "brackets": brackets,
    "endless_line": endless_line,
    "spaced": spaced,
    "nested": nested,
    "dated_lines": dated_lines,
    "table_rows": table_rows,
    "blank_between": blank_between,
}


def make(shape: str, size: int) -> str:
    """A text of ``shape`` of about ``size`` bytes of UTF-8."""
    return SHAPES[shape](size)
