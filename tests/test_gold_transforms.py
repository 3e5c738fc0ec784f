"""The outline on reports as they really arrive: every gold report rewritten by each transform of
tests/gold/transforms.py (pasted from a PDF, from Word, from a web page, numbered or worded as
other governments do…) still has its top-level parts' kinds, its years and its genre, and reads
no part with a confident wrong kind beyond the floors below. The seeds are always here; the
corpus reports run when the corpus is beside the repository."""

from __future__ import annotations

import sys

import pytest

from conftest import CORPUS, ROOT
from reviewer.document import parse_text
from reviewer.flags import run_flags

sys.path.insert(0, str(ROOT / "tests" / "gold"))
import outline_gold  # noqa: E402
import transforms  # noqa: E402

# per transform: the least share of the corpus's gold parts whose kinds agree (and of reports
# whose years and genre agree, at most 95%), and the most parts read with a confident wrong kind,
# per 100 parts.
# Word's lost numbering takes away what tells a group's heading from its text when the heading
# runs on in the same paragraph, and a part's heading from a group's: below the others.
FLOOR = {"word": 0.88}
# the five seeds alone, a few parts each (one miss is 5 points)
SEED_FLOOR = {"word": 0.85, "run_in": 0.95}
DEFAULT_FLOOR = 0.98
WRONG_PER_100 = {}
DEFAULT_WRONG = 0.5


def _cases(folders: tuple[str, ...]) -> list[transforms.Case]:
    out = []
    for report in outline_gold.reports():
        name = report["file"]
        if outline_gold.folder_of(name) not in folders:
            continue
        path = ROOT / name if name.startswith("seeds/") else CORPUS / name
        if not path.exists():
            continue
        case = transforms.case_of(report, path.read_text(encoding="utf-8"))
        if case is not None:
            out.append(case)
    return out


SEEDS = _cases(("seeds",))


def _seed(name: str) -> transforms.Case:
    return next(c for c in SEEDS if c.name == f"seeds/{name}.txt")


def test_the_seeds_are_all_there():
    assert len(SEEDS) == 5


@pytest.mark.parametrize("name", sorted(transforms.TRANSFORMS))
def test_a_transform_is_deterministic(name):
    case = SEEDS[0]
    fn = transforms.TRANSFORMS[name]
    assert fn(case).text() == fn(case).text()


def test_pdf_breaks_lines_and_numbers_pages():
    moved = transforms.pdf(_seed("baixiang-2024"))
    lengths = [len(ln) for ln in moved.lines if ln]
    assert max(lengths) <= 40
    assert any(ln in ("- 1 -", "第1页", "— 1 —", "1") for ln in moved.lines)


def test_word_loses_the_list_numbering():
    moved = transforms.word(_seed("baixiang-2024"))
    heads = [moved.lines[p.line] for p in moved.parts]
    assert heads[1].startswith("存在的主要问题")
    assert not any(ln.lstrip("　 ").startswith("（一）") for ln in moved.lines)


def test_the_part_numbering_of_other_governments():
    case = _seed("baixiang-2024")
    assert transforms.daxie(case).lines[case.parts[1].line].startswith("贰、")
    assert transforms.arabic(case).lines[case.parts[1].line].startswith("2.")
    assert transforms.cn_part(case).lines[case.parts[1].line].startswith("第二部分")


def test_reorder_and_split_carry_the_labels():
    case = _seed("baixiang-2024")
    moved = transforms.reorder(case)
    assert sorted(p.kinds for p in moved.parts) == sorted(p.kinds for p in case.parts)
    assert [p.kinds for p in moved.parts] != [p.kinds for p in case.parts]
    split = transforms.split_review(_seed("baogou-2025"))
    assert len(split.parts) == len(_seed("baogou-2025").parts) + 1


def test_evaluation_sees_a_wrong_kind():
    """The check can fail: the seeds' own outline, with one part's kind changed, disagrees."""
    case = _seed("baixiang-2024")
    doc = parse_text(case.text(), case.name)
    doc.sections[0].set_kind(("plan",), "wrong on purpose", 1.0, "year")
    res = transforms.evaluate(case, doc)
    assert res.agree == res.parts - 1 and res.confident_wrong == 1


def _check(name: str, cases: list[transforms.Case], floors: dict[str, float]) -> None:
    fn = transforms.TRANSFORMS[name]
    parts = agree = wrong = reports = metadata = 0
    misses: list[str] = []
    for case in cases:
        if not transforms.applies(name, case):
            continue
        res = transforms.evaluate(fn(case))
        parts += res.parts
        agree += res.agree
        wrong += res.confident_wrong
        misses += [f"{case.name}: {m}" for m in res.misses]
        reports += 1
        metadata += res.year_reviewed and res.plan_year and res.genre
    if not parts:
        return
    floor = floors.get(name, DEFAULT_FLOOR)
    assert metadata / reports >= min(floor, 0.95), f"years or genre wrong in {reports - metadata}"
    assert agree / parts >= floor, "\n".join(misses)
    assert wrong * 100 / parts <= WRONG_PER_100.get(name, DEFAULT_WRONG), "\n".join(misses)


@pytest.mark.parametrize("name", sorted(transforms.TRANSFORMS))
def test_the_seeds_as_they_arrive(name):
    _check(name, SEEDS, SEED_FLOOR)


@pytest.mark.parametrize("name", sorted(transforms.TRANSFORMS))
def test_the_corpus_as_it_arrives(name):
    if not (CORPUS / "gwr").is_dir():
        pytest.skip(f"the shared corpus is not beside the repository ({CORPUS})")
    _check(name, _cases(("gwr", "gwr-more")), FLOOR)


def test_a_page_without_report_text_says_so():
    page = ("首页\n政务公开\n政务服务\n互动交流\n走进本区\n"
            "发布机构：\t深圳市某区人民政府\t成文日期：\t2021-02-02\n"
            "名称：\t2021年某区政府工作报告\n")
    doc = parse_text(page, "page.txt")
    assert doc.genre == "gongzuo"
    assert doc.metadata["issuer"].value == "深圳市某区人民政府"
    assert doc.plan_year == 2021 and doc.year_reviewed == 2020
    assert [s.kinds for s in doc.sections] == [("other",)]
    assert doc.sections[0].confidence == 0.0
    assert "no report text" in doc.sections[0].reason
    assert not doc.report_text
    # one plain warning, not findings in the site's menu
    assert [f.rule for f in run_flags(doc)] == ["structure.no_report_text"]



def test_a_short_report_with_a_label_line_is_no_page_without_text():
    text = "标题\n一、2024年主要工作及成效\n全年开展培训12次。\n二、2025年工作计划\n（一）加强统筹协调\n完善机制。\n"
    doc = parse_text(text, genre="fazhi")
    assert [s.kinds for s in doc.sections] != [("other",)] * len(doc.sections)
    assert all("no report text" not in s.reason for s in doc.sections)
    assert doc.report_text
