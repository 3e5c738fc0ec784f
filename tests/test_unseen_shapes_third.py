"""Shapes met on a third set of report openings nobody had tuned on (township, street and
county rule-of-law reports, county and district work reports, several of them given by
document-sharing pages): each class in a small report written for it, with the same report
changed to show where the rule still holds."""

from __future__ import annotations

from reviewer.document import parse_text

ACCOUNT = "全年共召开专题会议6次，开展集中学法4次，化解矛盾纠纷31件，已完成年度任务。"
PREFACE = "2024年，青石镇在县委的坚强领导下扎实推进依法行政。现将有关情况报告如下："


def tops(doc) -> list[tuple[str, str]]:
    return [(doc.text[s.heading.start:s.heading.end], s.kind) for s in doc.sections]


def test_a_report_run_together_on_one_line_has_its_parts_found_inside_it():
    # a document-sharing page gives the whole report as one line: title, preface, parts
    flat = ("青石镇2024年度法治政府建设情况报告" + PREFACE + "一、强化组织领导，压实法治责任（一）健全"
            "工作机制。" + ACCOUNT * 4 + "二、存在的主要问题" + "部分干部法治意识还不够强，执法队伍"
            "力量仍然薄弱，普法宣传的针对性有待提高。" * 2 + "三、2025年工作计划" + "继续深化法治宣传，"
            "加强执法队伍建设，推进合法性审查全覆盖。" * 2)
    doc = parse_text(flat, "t.txt")
    assert [k for _, k in tops(doc)] == ["achievements", "shortcomings", "plan"]
    assert tops(doc)[0][0].startswith("一、强化组织领导")
    assert not tops(doc)[0][0].endswith("（一）健全工作机制")  # its first item is no part of it
    # an inline list inside a report whose parts stand on lines of their own stays text
    lined = parse_text("青石镇2024年度法治政府建设情况报告\n" + PREFACE + "\n一、主要举措和成效\n"
                       "主要做法有：" + "一、健全工作机制，明确职责分工；" + ACCOUNT * 6
                       + "\n二、存在的主要问题\n部分干部法治意识还不够强。\n", "t.txt")
    assert [h for h, _ in tops(lined)] == ["一、主要举措和成效", "二、存在的主要问题"]
    # a number out of the sequence inside a long line is no heading
    skipped = parse_text("青石镇2024年度法治政府建设情况报告" + PREFACE + "一、强化组织领导" + ACCOUNT * 4
                         + "三、加强组织保障" + ACCOUNT * 2, "t.txt")
    assert len(skipped.sections) == 1 and "三、加强组织保障" in skipped.sections[0].heading.title + \
        skipped.text[skipped.sections[0].heading.end:skipped.sections[0].end]


def test_the_numbers_of_a_document_sharing_pages_pieces_are_no_headings():
    # 1、 2、 3、 open the pieces of the page; each piece after the first goes on with the
    # sentence the one before broke off
    body = ("一、主要工作" + ACCOUNT * 3 + "依法全面履行政府职能，持续深化放管服改革，进一步规范行政执法"
            "行为，切实加强对行政权力的制约和监督，不断提升依法行政的能力和水")
    more = ("平。" + ACCOUNT * 4 + "二、存在的主要问题部分干部法治意识还不够强，执法队伍力量仍然薄弱，"
            "普法宣传的针对性有待提高，基层依法治理的基础还不够牢")
    doc = parse_text("1、" + PREFACE + body + "\n2、" + more + "\n3、固。\n", "t.txt")
    assert [h[:4] for h, _ in tops(doc)] == ["一、主要", "二、存在"]
    assert [k for _, k in tops(doc)] == ["achievements", "shortcomings"]
    # a list whose items end their sentences is a list, whatever its length
    listed = parse_text(PREFACE + "\n一、主要工作\n1、" + ACCOUNT * 8 + "\n2、" + ACCOUNT * 8
                        + "\n", "t.txt")
    assert [len(s.children) for s in listed.sections] == [2]


def test_a_preface_announcing_the_principals_account_makes_the_work_done_the_duty():
    # no title: the preface says the report is the principals' account of their duty
    duty = ("2024年以来，青石街道党工委认真贯彻落实全面依法治国方略。现将本街道党政主要负责人落实推进"
            "法治建设第一责任人职责的情况报告如下：\n")
    body = ("一、党工委书记履行推进法治建设第一责任人职责情况\n本人切实履行第一责任人职责。"
            + ACCOUNT + "\n二、主要成效\n" + ACCOUNT * 3 + "\n")
    doc = parse_text(duty + body, "t.txt")
    assert [s.kind for s in doc.sections] == ["responsibility", "responsibility"]
    # an announcement of the year's rule-of-law work beside the duty keeps the account of work
    both = duty.replace("本街道党政主要负责人", "本街道2024年法治政府建设暨党政主要负责人")
    assert [s.kind for s in parse_text(both + body, "t.txt").sections] == ["responsibility",
                                                                          "achievements"]
    plain = duty.replace("本街道党政主要负责人落实推进法治建设第一责任人职责的情况", "有关情况")
    assert [s.kind for s in parse_text(plain + body, "t.txt").sections][1] == "achievements"


def test_a_later_part_giving_the_years_progress_is_the_account_of_that_year():
    # no title, no announced year: a later part's heading naming its year and its progress
    # (推进情况) is the account of the year reviewed, not the plan
    opening = "2025年，青石街道班子坚持以法治思维推动发展。现将年度法治工作情况报告如下：\n"
    first = "一、上一年度法治建设问题整改情况\n针对上一年度查找的问题，制定整改方案，现已全部整改到位。\n"
    doc = parse_text(opening + first + "二、2025年法治建设重点工作推进情况\n" + ACCOUNT * 3 + "\n",
                     "t.txt")
    assert (doc.year_reviewed, [s.kind for s in doc.sections]) == (2025, ["achievements",
                                                                          "achievements"])
    # the same heading's year with words of a plan is the plan year
    plan = parse_text(opening + first + "二、2026年法治建设工作安排\n继续深化法治宣传，加强执法队伍"
                      "建设。\n", "t.txt")
    assert (plan.year_reviewed, plan.sections[1].kind) == (2025, "plan")


def test_a_report_in_traditional_characters_is_read_by_the_same_words():
    # a page serving the report converted to 繁体: its genre and its headings' words are read
    # as the simplified ones (報告 = 报告, 回顧 = 回顾, 問題 = 问题); the text stays as it is
    work = ("現在，我代表區人民政府，向大會作政府工作報告，請予審議。\n一、過去一年工作回顧\n"
            "全年地區生產總值增長6%，新建學校3所。\n二、存在的問題\n我們也清醒看到，發展不平衡的問題"
            "仍然突出。\n")
    doc = parse_text(work, "t.txt")
    assert doc.genre == "gongzuo"
    assert [(s.kind, s.reason.split(":")[0]) for s in doc.sections] == [
        ("achievements", "heading"), ("shortcomings", "heading")]
    assert "工作回顧" in doc.text  # the text is never changed
    simplified = parse_text(work.translate(str.maketrans("現區會報請審議過顧問題們發", "现区会报请审议过顾问题们发")),
                            "t.txt")
    assert [s.kind for s in simplified.sections] == [s.kind for s in doc.sections]


def test_the_years_of_a_cited_documents_period_are_not_the_year_reviewed():
    # no title, no preface year: the review names only the period of the plan it carries out
    review = ("根据会议安排，现将全县法治政府建设情况报告如下，请予审议。\n一、主要工作成效\n今年以来，县政府"
              "按照《法治政府建设实施纲要（2015—2020年）》要求，深入推进依法行政。" + ACCOUNT + "\n")
    assert parse_text(review, "t.txt").year_reviewed is None
    # a cited plan of one year is the year's own
    one_year = review.replace("《法治政府建设实施纲要（2015—2020年）》", "《2019年全县法治政府建设工作要点》")
    assert parse_text(one_year, "t.txt").year_reviewed == 2019


def test_the_pages_a_document_sharing_site_previews_are_page_chrome():
    page = ("青石县政府工作报告.doc\n青石县政府工作报告.doc_第1页\n第1页 / 共20页\n青石县政府工作报告.doc_第2页\n"
            "第2页 / 共20页\n各位代表：\n现在，我代表县人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n"
            "全年地区生产总值增长6%，新建学校3所。\n")
    doc = parse_text(page, "t.txt")
    assert "_第1页" not in doc.text and "_第2页" not in doc.text
    assert (doc.year_reviewed, doc.plan_year) == (2023, 2024)
    # a line naming the page of a document in words is text
    kept = parse_text("各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、2023年工作回顾\n详见报告第1页"
                      "所列各项。\n", "t.txt")
    assert "详见报告第1页所列各项。" in kept.text


def test_a_file_starting_at_an_item_of_its_first_part_has_that_part_whose_heading_was_lost():
    # the page shows the report from (三) of its first part; its parts go on at 二、
    items = ("（三）规范行政执法\n" + ACCOUNT + "\n（四）加强法治宣传\n" + ACCOUNT + "\n")
    problems = "二、存在的问题\n部分干部法治意识还不够强，执法队伍力量仍然薄弱。\n"
    doc = parse_text("青石镇2021年法治政府建设情况报告\n" + items + problems, "t.txt")
    assert [(s.kind, len(s.children)) for s in doc.sections] == [("achievements", 2),
                                                               ("shortcomings", 0)]
    # items numbered from their first are the report's parts when no part numbered after 一
    # follows
    own = parse_text("青石镇2021年法治政府建设情况报告\n" + items.replace("（三）", "（一）").replace(
        "（四）", "（二）") + problems.replace("二、", "（三）"), "t.txt")
    assert len(own.sections) == 3


def test_a_pages_notice_of_the_text_it_leaves_out_is_page_chrome():
    page = ("青石镇2021年法治政府建设情况报告\n……（开头部分已省略480字）\n一、主要工作\n" + ACCOUNT
            + "\n……（某某网省略730字，正式会员可完整阅读）……\n二、存在的问题\n部分干部法治意识还不够强。\n"
            "仅展示500字，全文共1800字\n")
    doc = parse_text(page, "t.txt")
    assert "省略" not in doc.text and "全文共" not in doc.text
    assert [s.kind for s in doc.sections] == ["achievements", "shortcomings"]
    # a sentence of the report saying what it left out stays
    kept = parse_text("一、主要工作\n因篇幅所限，具体数据省略。\n" + ACCOUNT + "\n", "t.txt")
    assert "因篇幅所限，具体数据省略。" in kept.text


def test_a_report_whose_preface_opens_on_five_years_reviews_the_five_years():
    five = ("青石区五年法治政府建设工作情况报告\n五年来，青石区严格落实第一责任人职责规定，全面推进依法行政。"
            "现将近五年法治政府建设情况报告如下：\n一、提高政治站位，统筹推进法治政府建设\n" + ACCOUNT * 2
            + "\n")
    doc = parse_text(five, "t.txt")
    assert (doc.sections[0].kind, doc.sections[0].period) == ("achievements", "five_year")
    year = five.replace("五年来，", "2023年，").replace("近五年", "2023年")
    assert parse_text(year, "t.txt").sections[0].period == "year"
