"""Plan items of last year against this year's evidence, and the suggested status."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import corpus_path
from reviewer.compare import (
    STATUSES,
    commitment_items,
    compare_documents,
    plan_items,
    shared_spans,
)
from reviewer.compare.targets import passages
from reviewer.document import load_document, parse_text

PAIRS = [(f"national-{y}", f"national-{y + 1}") for y in (2021, 2022, 2023, 2024)] + [
    (f"{p}-2025", f"{p}-2026")
    for p in ("beijing", "guangdong", "hunan", "qinghai", "sichuan", "zhejiang")]


def _doc(name: str):
    return load_document(corpus_path(name))


def test_gongzuo_plan_items_are_the_numbered_groups():
    items = plan_items(_doc("national-2024"))
    assert len(items) == 10
    assert items[0].heading.endswith("（一）大力推进现代化产业体系建设，加快发展新质生产力")
    assert items[-1].heading.split(" / ")[-1].startswith("（十）")


def test_an_annex_below_the_last_group_is_not_part_of_it():
    doc = _doc("guangdong-2025")
    last = plan_items(doc)[-1]
    assert last.heading.split(" / ")[-1].startswith("（十二）")
    assert "为老年人提供健康管理" not in last.text


def test_the_plan_years_list_of_projects_in_an_appendix_is_checked_item_by_item():
    doc = _doc("guangdong-2025")
    items = commitment_items(doc)
    assert [it.kind for it in items] == ["plan"] * 12 + ["targets"] + ["list"] * 10
    lists = [it for it in items if it.kind == "list"]
    assert lists[0].heading == "附件1 / 一、为老年人提供健康管理、医养结合服务和提升养老机构服务水平"
    assert lists[-1].heading.endswith("十、为青少年提供更加普惠专业的心理健康服务")
    for it in items:
        assert doc.text[it.start:it.end] == it.text
    # the glossary (附件2 名词解释) lists no projects
    assert not any("名词解释" in it.heading for it in items)


def _work_report(appendix_title: str) -> str:
    return ("各位代表：\n一、2024年工作回顾\n过去一年，全区新建学校3所，建成公园2个。\n"
            "二、2025年工作安排\n（一）推进教育发展。新建学校5所。\n（二）改善生态环境。建成公园3个。\n"
            f"附件\n{appendix_title}\n一、建设社区食堂。新建社区食堂10个。\n"
            "二、改造老旧小区。完成老旧小区改造20个。\n")


def test_an_appendix_reporting_last_years_projects_lists_no_promises():
    listed = parse_text(_work_report("2025年区民生实事"), "区政府工作报告-2025.txt")
    assert listed.genre == "gongzuo" and listed.plan_year == 2025
    kinds = [it.kind for it in commitment_items(listed)]
    assert kinds.count("list") == 2
    for title in ("2024年区民生实事完成情况", "2024年区民生实事"):
        done = parse_text(_work_report(title), "区政府工作报告-2025.txt")
        assert [it.kind for it in commitment_items(done)] == \
            [k for k in kinds if k != "list"], title


def test_the_targets_part_gives_only_its_concrete_commitments():
    prior = _doc("national-2024")
    comparison = compare_documents(prior, _doc("national-2025"))
    part = [it for it in comparison.items if it.kind == "targets"]
    assert len(part) == 1 and part[0].heading == "二、2024年经济社会发展总体要求和政策取向"
    texts = [p.text for p in part[0].promises]
    assert "今年先发行1万亿元。" in texts
    headline = passages(prior)
    for p in part[0].promises:
        # a figure or a completion; never one of the headline targets, checked on their own
        assert any(ch.isdigit() for ch in p.text) or any(
            w in p.text for w in ("出台", "完成", "发行", "建成", "开工")), p.text
        assert not any(lo < p.end and p.start < hi for lo, hi in headline), p.text
    assert not any("总基调" in t for t in texts)


def test_fazhi_plan_items_are_sub_items_when_present(seeds):
    items = plan_items(seeds["hutiaoxia-2025"])
    assert items[0].text.startswith("一是完善责任体系")
    assert "(一)压实法治责任" in items[0].heading
    plain = plan_items(seeds["baogou-2025"])
    assert [it.text[:3] for it in plain] == ["(一)", "(二)", "(三)", "(四)"]
    for doc in seeds.values():
        for it in plan_items(doc):
            assert doc.text[it.start:it.end] == it.text
            assert doc.kind_at(it.start) == "plan"


def test_every_national_2024_group_has_evidence_in_the_2025_review():
    comparison = compare_documents(_doc("national-2024"), _doc("national-2025"))
    groups = [it for it in comparison.items if it.kind == "plan"]
    assert len(groups) == 10
    review = comparison.current.sections_of_kind("achievements")
    for item in groups:
        assert item.evidence, item.heading
        # （三）着力扩大国内需求 is named by the 2025 shortcomings (有效需求不足)
        assert item.status in ("delivered", "partial", "acknowledged_gap"), (item.heading,
                                                                           item.reasons)
        assert len(item.evidence) <= 3
        for ev in item.evidence:
            assert any(sec.start <= ev.start < ev.end <= sec.end for sec in review)
            assert comparison.current.text[ev.start:ev.end] == ev.quote
            assert 0 < ev.score <= 1
        assert comparison.prior.text[item.start:item.end] == item.text


@pytest.mark.parametrize("prior, current", PAIRS)
def test_evidence_never_comes_from_the_current_plan_or_targets(prior, current):
    comparison = compare_documents(_doc(prior), _doc(current))
    assert comparison.items
    forbidden = comparison.current.sections_of_kind("plan", "targets", "shortcomings")
    # a summary of the year (一年来，面对…) is no group's evidence: none serves three groups,
    # or a quarter of them in a long plan
    shared = Counter(ev.start for item in comparison.items for ev in item.evidence)
    common = max(3, len(comparison.items) // 4)
    assert max(shared.values(), default=0) < common, comparison.current.text[
        shared.most_common(1)[0][0]:][:40]
    for item in comparison.items:
        assert item.status in STATUSES and item.reasons
        for ev in item.evidence:
            assert ev.section_kind in ("achievements", "responsibility", "highlights")
            assert not any(sec.start <= ev.start < sec.end for sec in forbidden), ev.quote


def _with_plan_item_of(prior, current, index: int):
    """``current`` with one of its plan groups replaced by ``prior``'s group of the same number,
    its year words brought forward: the promise repeated almost word for word."""
    old, new = plan_items(prior)[index], plan_items(current)[index]
    repeated = old.text.replace(str(prior.year), str(current.year))
    text = current.text[:new.start] + repeated + current.text[new.end:]
    return parse_text(text, current.path)


def test_a_promise_repeated_almost_word_for_word_is_carried_over():
    prior, current = _doc("national-2024"), _doc("national-2025")
    edited = _with_plan_item_of(prior, current, 4)
    comparison = compare_documents(prior, edited)
    statuses = [it.status for it in comparison.items]
    assert statuses[4] == "carried_over"
    assert statuses.count("carried_over") == 1
    assert any("（五）" in reason for reason in comparison.items[4].reasons)
    # without the repetition nothing is carried over
    original = compare_documents(prior, current)
    assert "carried_over" not in [it.status for it in original.items]


def test_a_copied_plan_is_carried_over_item_by_item(seeds):
    prior = seeds["baogou-2025"]
    # the same township's next report with the plan copied unchanged
    copied = parse_text(prior.text.replace("2025", "2026").replace("2026年度推进", "2027年度推进"),
                        "next.txt")
    comparison = compare_documents(prior, copied)
    assert {it.status for it in comparison.items} == {"carried_over"}


def test_shared_spans_mark_common_wording():
    comparison = compare_documents(_doc("national-2024"), _doc("national-2025"))
    item = comparison.items[4]  # （五）扩大高水平对外开放
    shared = []
    for ev in item.evidence:
        spans = shared_spans(item.text, ev.quote)
        for a0, a1, b0, b1 in spans:
            assert item.text[a0:a1] == ev.quote[b0:b1]
            assert a1 - a0 >= 2
        shared += [ev.quote[b0:b1] for _, _, b0, b1 in spans]
    assert any("一带一路" in run for run in shared)
    assert shared_spans("全面实施跨境服务贸易负面清单。", "无关的句子") == []


def test_a_promise_the_shortcomings_name_is_an_acknowledged_gap(seeds):
    prior = seeds["baogou-2025"]
    # the report as far as its plan: a year whose review and shortcomings follow that plan
    current = parse_text(prior.text[: prior.sections_of_kind("plan")[0].start], "current.txt")
    first = compare_documents(prior, current).items[0]  # (一)深化理论武装,提升依法行政能力
    assert first.status == "acknowledged_gap"
    # the promises the shortcomings name are acknowledged gaps of their own
    named = [p for p in first.promises if p.status == "acknowledged_gap"]
    assert named and all(p.named in current.text for p in named)
    # the reason quotes the shortcoming (一)法治学习实效性有待增强, which names it
    gap = current.sections_of_kind("shortcomings")[0].children[0]
    assert gap.title.startswith("法治学习实效性有待增强")
    quoted = first.reasons[-1].replace(": ", "：").split("：", 1)[1]
    assert quoted and quoted in current.text[gap.start:gap.end]


def test_one_rare_word_carrying_most_of_a_short_promise_finds_its_evidence():
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）推进能源转型。提升可再生能源占比。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n能源结构持续优化，可再生能源发电装机规模历史性超过火电。"
                         "新建学校12所，建成公园3个。城市更新有序推进。\n"
                         "二、2025年工作安排\n（一）推进教育发展。\n", "c-2025.txt")
    item = compare_documents(prior, current).items[0]
    promise = next(p for p in item.promises if "可再生能源" in p.text)
    assert promise.evidence and "可再生能源发电装机" in promise.evidence[0].quote
    assert promise.status == "delivered", promise.reasons


def test_a_word_every_group_uses_says_less_than_the_promises_own_noun():
    # 大鹏 and 建设 stand in every group of the plan; 健康 only in this promise's: the sentence
    # sharing 健康 is its evidence before the one sharing 平安大鹏建设 of another group's field
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）推动大鹏产业发展。大鹏新区新增规上企业20家。\n"
                       "（二）建设平安大鹏。深化平安大鹏建设，开展扫黑除恶专项行动。\n"
                       "（三）增进大鹏民生福祉。大力推进健康大鹏建设。新建大鹏学校2所。\n",
                       "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n新增规上企业25家。\n"
                         "深化平安大鹏建设，刑事治安警情下降5.3%。\n"
                         "新区荣获广东省健康县区称号，新建名医工作室6个。\n新建学校2所。\n"
                         "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    items = compare_documents(prior, current).items
    promise = next(p for it in items for p in it.promises if "健康大鹏" in p.text)
    assert promise.evidence and "健康县区" in promise.evidence[0].quote, promise.evidence


def test_a_shortcoming_naming_what_a_groups_heading_is_about_makes_it_an_acknowledged_gap():
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）提振和扩大消费，切实增强消费促发展基础性作用。举办购物节10场。\n"
                       "（二）推进教育优质发展。新建学校5所。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n全年举办购物节12场，新建学校6所。\n"
                         "我们也清醒认识到，工作中还存在一些短板不足：激发消费潜能、优化投资结构还需持续加力，"
                         "城市治理还存在短板。\n"
                         "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    first, second = compare_documents(prior, current).items[:2]
    assert first.status == "acknowledged_gap", first.reasons
    assert "激发消费潜能" in first.reasons[-1]
    assert second.status != "acknowledged_gap", second.reasons


def test_a_lacking_clause_sharing_a_word_of_a_headings_aim_only_names_no_gap():
    comparison = compare_documents(_doc("guangdong-2025"), _doc("guangdong-2026"))
    groups = {it.heading.split(" / ")[-1].split("）")[0] + "）": it
              for it in comparison.items if it.kind == "plan"}
    # 民生保障仍然存在短板弱项 is what （十）坚持在发展中保障和改善民生 is about; 投资增长动力不足
    # shares only 动力 with （六）构建高水平社会主义市场经济体制，充分激发全社会内生动力
    assert groups["（十）"].status == "acknowledged_gap"
    assert "民生保障" in groups["（十）"].reasons[-1]
    assert groups["（六）"].status != "acknowledged_gap", groups["（六）"].reasons


def test_the_comparison_reports_each_step_and_finds_the_same(seeds):
    prior, current = seeds["baogou-2025"], seeds["guanba-2025"]
    steps: list[tuple[int, int, str]] = []
    with_progress = compare_documents(prior, current,
                                      progress=lambda done, total, step: steps.append(
                                          (done, total, step)))
    plain = compare_documents(prior, current)
    assert [(it.status, it.evidence) for it in with_progress.items] == \
        [(it.status, it.evidence) for it in plain.items]
    total = steps[0][1]
    assert [done for done, *_ in steps] == list(range(1, total + 1))
    assert {t for _, t, _ in steps} == {total}
    names = [name for *_, name in steps]
    # the current report is indexed first, then the targets checked, last year's groups matched
    # one by one (their promises, then each group's own evidence and status), and the pair
    # checked
    groups = len(commitment_items(prior))
    assert names.count("targets") == 1
    after = names[names.index("targets") + 1:]
    assert after[-1] == "checks" and len(after) == 2 * groups + 1
    assert after.count("items") == after.count("groups") == groups >= len(plain.items) > 0
    assert after.index("groups") > 0 and after[0] == "items"
    assert {"evidence", "plan"} <= set(names[:names.index("targets")])


def test_a_cancelled_comparison_stops_at_the_next_step(seeds):
    from reviewer.progress import Cancelled

    prior, current = seeds["baogou-2025"], seeds["guanba-2025"]
    steps: list[str] = []
    with pytest.raises(Cancelled):
        compare_documents(prior, current, progress=lambda d, t, step: steps.append(step),
                          cancelled=lambda: len(steps) >= 5)
    assert len(steps) == 5


def test_the_years_summary_and_the_thanks_are_evidence_of_no_national_2024_group():
    """The review's opening summary of the year (一年来…在…坚强领导下…) and every sentence of the
    thanks paragraph sum up the year or thank its audience: evidence of no plan group."""
    current = _doc("national-2025")
    comparison = compare_documents(_doc("national-2024"), current)
    thanks = current.spans_of("thanks")
    assert thanks and current.text[thanks[0].start:thanks[0].end].count("感谢") >= 3
    opening = current.text.find("一年来，")
    assert opening >= 0
    for item in comparison.items:
        for e in item.evidence:
            assert not any(sp.start <= e.start < sp.end for sp in thanks), item.heading
            assert "感谢" not in e.quote, item.heading
            assert not (e.start <= opening < e.end), item.heading


def test_a_promise_whose_own_end_the_review_reports_is_delivered():
    # 开工 alone tells work under way, 取消 and 封顶 are no result words: a promise naming that end
    # itself (开工建设X, 全面取消X, 年底前封顶) is kept when the review reports it reached
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）扩大开放。全面取消制造业领域外资准入限制措施。\n"
                       "（二）发展教育。推进实验中学高中部扩建、东湖学校等项目开工建设。\n"
                       "（三）提升医疗水平。区人民医院扩建二期年底前全面封顶。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n制造业领域外资准入限制措施全部取消，外贸规模稳中有升。\n"
                         "实验中学高中部二期、东湖学校等项目开工。\n"
                         "区人民医院二期、区中心医院二期等5家医院封顶，医疗服务能力持续提升。\n"
                         "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    items = compare_documents(prior, current).items
    for word in ("外资准入", "东湖学校", "区人民医院"):
        promise = next(p for it in items for p in it.promises if word in p.text)
        assert promise.evidence and word in promise.evidence[0].quote, promise.evidence
        assert promise.status == "delivered", (word, promise.reasons)
    # the same review reporting only work under way on the school tells nothing of its start
    going = parse_text(current.text.replace("等项目开工。", "等项目加快推进。"), "c-2025.txt")
    items = compare_documents(prior, going).items
    school = next(p for it in items for p in it.promises if "东湖学校" in p.text)
    assert school.status != "delivered", school.reasons


def test_a_review_heading_of_another_field_is_no_evidence_of_a_group():
    # the review's heading （一）… shares only the plan's stock words (增强, 发展, 动力, 活力) with
    # （二）深化经济体制改革…, and none of what it is about: the sentence on the reform comes first
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）扩大国内需求，增强消费拉动作用。举办购物节10场。\n"
                       "（二）深化经济体制改革，增强发展动力活力。推进国有企业改革，优化营商环境。\n"
                       "（三）推进绿色低碳发展。新建公园5个。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n2024年，我们团结奋斗，各项事业取得新进展。\n"
                         "（一）扩大内需，发展动力活力持续增强。\n"
                         "全年举办购物节12场，社会消费品零售总额增长5%。\n"
                         "（二）改革开放走深走实。\n国有企业改革行动顺利收官，营商环境持续优化。\n"
                         "（三）绿色低碳转型。新建公园6个。\n"
                         "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    items = compare_documents(prior, current).items
    reform, green = items[1], items[2]
    assert reform.evidence and "国有企业改革" in reform.evidence[0].quote, reform.evidence
    # a review heading naming what the group is about still counts in full
    assert green.evidence and green.evidence[0].quote.startswith("（三）绿色低碳"), green.evidence


def test_a_promise_the_shortcomings_name_in_its_own_words_is_a_gap_despite_its_evidence():
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）支持实体经济。着力解决小微企业融资难、融资贵问题。新建学校5所。\n",
                       "p-2024.txt")
    review = ("一、2024年工作回顾\n针对小微企业融资难、融资贵问题，先后4次降低存款准备金率，"
              "融资成本上升势头得到初步遏制。新建学校6所。\n")
    plan = "二、2025年工作安排\n（一）推进科技创新。\n"
    admitted = parse_text(review + "我们也清醒认识到，工作中还存在一些短板不足：小微企业融资难、"
                          "融资贵问题尚未有效缓解，城市治理还存在短板。\n" + plan, "c-2025.txt")
    promise = next(p for p in compare_documents(prior, admitted).items[0].promises
                   if "融资" in p.text)
    assert promise.evidence, promise.reasons
    assert promise.status == "acknowledged_gap", promise.reasons
    # without that admission the same evidence shows it delivered
    silent = parse_text(review + plan, "c-2025.txt")
    promise = next(p for p in compare_documents(prior, silent).items[0].promises
                   if "融资" in p.text)
    assert promise.status == "delivered", promise.reasons


def test_the_closest_sentence_reporting_a_promises_figure_by_name_is_its_evidence():
    # 全市新增科技企业26家 carries too little of its long promise to be found by its words, but
    # names one of its figures as the promise does: it is the evidence and that figure is
    # checked; a sentence naming a figure with only some of those words is not (销售 for 借阅:
    # the rarest is missing; 典型村 for 典型县: one word says not which figure)
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）繁荣文化事业。新建城市书房30座、乡村阅读驿站50个、社区共享书屋40间，"
                       "图书借阅总量增长10%。\n"
                       "（二）壮大创新主体。新增科技企业20家、孵化载体8个、众创空间5个、"
                       "创新联合体3个。\n"
                       "（三）推进乡村振兴。培育典型县5个、乡村工匠800名、农创客1200名、"
                       "电商专业村60个。\n"
                       "（四）推进教育发展。新建学校5所。\n", "p-2024.txt")

    def promises(review: str):
        current = parse_text("一、2024年工作回顾\n" + review + "新建学校6所。城市更新有序推进。\n"
                             "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
        items = compare_documents(prior, current).items
        return (next(p for p in items[0].promises if "借阅" in p.text),
                next(p for p in items[1].promises if "科技企业" in p.text),
                next(p for p in items[2].promises if "典型县" in p.text))

    books, firms, _ = promises("各区举办读书活动200场，图书借阅总量增长12%。全市新增科技企业26家。")
    assert books.evidence and "图书借阅总量增长12%" in books.evidence[0].quote, books.reasons
    assert [tr.verdict for tr in books.targets if "借阅" in tr.indicator] == ["met"]
    assert books.status == "partial", books.reasons  # the reading rooms are not reported
    assert firms.evidence and "科技企业26家" in firms.evidence[0].quote, firms.reasons
    assert [tr.verdict for tr in firms.targets if "科技企业" in tr.indicator] == ["met"]
    assert firms.status == "partial", firms.reasons
    books, firms, towns = promises("各区举办读书活动200场，图书销售总量增长12%。全市新增企业26家。"
                                   "全省建成典型村120个。")
    assert not books.evidence and books.status == "no_evidence", books.reasons
    assert not firms.evidence, firms.reasons
    assert not towns.evidence, towns.reasons
