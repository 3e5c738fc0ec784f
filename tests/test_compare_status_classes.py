"""Classes of suggested statuses read from short synthetic pairs: a promise the shortcomings name
in other words, a promise the review reports delayed, a small group with many partial promises."""

from __future__ import annotations

from reviewer.compare import compare_documents
from reviewer.document import parse_text
from reviewer.i18n import t

_PLAN = "二、2025年工作安排\n（一）优化营商环境。健全防范化解拖欠企业账款长效机制。\n"


def _gap_pair(shortcomings: str):
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）优化营商环境。健全防范化解拖欠企业账款长效机制。新建学校5所。\n",
                       "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n新建学校6所，教育事业持续发展。\n"
                         + shortcomings + _PLAN, "c-2025.txt")
    return next(p for p in compare_documents(prior, current).items[0].promises
                if "账款" in p.text)


def test_a_promise_a_lacking_clause_names_in_other_words_is_an_acknowledged_gap():
    # 账款拖欠问题仍较突出 shares no run of characters long enough with the promise, but most of
    # its words are the promise's: admitted unsolved, though this year's plan lists it again
    named = _gap_pair("我们也清醒认识到，发展中还存在一些困难，"
                      "账款拖欠问题仍较突出，城市治理还存在短板。\n")
    assert named.status == "acknowledged_gap", named.reasons
    assert "账款拖欠" in named.named, named.named
    # the same plan without that admission: carried over
    silent = _gap_pair("")
    assert silent.status == "carried_over", silent.reasons
    # a clause sharing one of its words only, or saying nothing is lacking, names it not
    for clause in ("企业经营困难较多", "企业账款拖欠清理工作"):
        other = _gap_pair(f"我们也清醒认识到，发展中还存在一些困难，{clause}，"
                          "城市治理还存在短板。\n")
        assert other.status == "carried_over", (clause, other.reasons)


def _delay_pair(review: str):
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）发展体育事业。建成区体育中心。新建学校5所。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n" + review + "新建学校6所，教育事业持续发展。\n"
                         "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    return next(p for p in compare_documents(prior, current).items[0].promises
                if "体育中心" in p.text)


def test_a_promise_the_review_reports_put_off_is_partial():
    # 建成 beside 推迟 reports no result: the work was put off, the promise not kept as made
    for review in ("受工期影响，区体育中心推迟至2025年建成。", "区体育中心主体工程完成，未能如期建成投用。"):
        late = _delay_pair(review)
        assert late.evidence and "体育中心" in late.evidence[0].quote, late.reasons
        assert late.status == "partial", (review, late.reasons)
        assert any("推迟" in r or "未能如期" in r for r in late.reasons), late.reasons
    kept = _delay_pair("区体育中心建成投用，群众健身更加便利。")
    assert kept.status == "delivered", kept.reasons
    # a delay of another project in the same sentence is not this promise's
    other = _delay_pair("区体育中心建成投用，区图书馆改造推迟至明年。")
    assert other.status == "delivered", other.reasons


def _group(review: str):
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）办好民生实事。新建社区食堂10个。完成老旧小区改造20个。新建学校5所。"
                       "新增托位300个。建成口袋公园8个。\n"
                       "（二）推进科技创新。新增科技企业20家。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n" + review + "新增科技企业26家。\n"
                         "二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    return compare_documents(prior, current).items[0]


def test_a_group_many_of_whose_promises_are_partial_is_unclear():
    # two of five promises short of their figures: readers call the group delivered as a whole
    # or partial, either way; one of five leaves it delivered
    review = "新建社区食堂12个，完成老旧小区改造25个，新建学校6所。新增托位{}个。建成口袋公园{}个。\n"
    split = _group(review.format(200, 5))
    assert [p.status for p in split.promises].count("partial") == 2, \
        [(p.text, p.status) for p in split.promises]
    assert split.status == "unclear", split.reasons
    assert split.reasons[-1] == t("compare.rule_group_split", partial=2, total=5), split.reasons
    one = _group(review.format(320, 5))
    assert [p.status for p in one.promises].count("partial") == 1, \
        [(p.text, p.status) for p in one.promises]
    assert one.status == "delivered", one.reasons


def test_a_groups_count_of_its_promises_adds_up_with_those_left_unclear():
    """The group's reason counting its promises by status counts every one: a promise left
    unclear (智慧社区 reported under way, without its figure) is among them."""
    prior = parse_text("一、2023年工作回顾\n全年工作顺利。\n二、2024年工作安排\n"
                       "（一）办好民生实事。新建社区食堂10个。建成智慧社区15个。新建学校5所。\n"
                       "（二）推进科技创新。新增科技企业20家。\n", "p-2024.txt")
    current = parse_text("一、2024年工作回顾\n新建社区食堂12个，新建学校6所。智慧社区建设稳步推进。"
                         "新增科技企业26家。\n二、2025年工作安排\n（一）推进科技创新。\n", "c-2025.txt")
    group = compare_documents(prior, current).items[0]
    assert [p.status for p in group.promises] == ["delivered", "unclear", "delivered"], \
        [(p.text, p.status) for p in group.promises]
    assert t("compare.reason_promises", total=3, delivered=2, partial=0, no_evidence=0,
             carried_over=0, acknowledged_gap=0, unclear=1) in group.reasons, group.reasons
