"""False alarms and misses read on a fifth set of reports nobody had tuned on: each class in a
small report written for it, with the same report changed to show that the rule still fires
where it should."""

from __future__ import annotations

from reviewer.document import parse_text
from reviewer.flags import run_flags

ACCOUNT = ("全年共召开专题会议5次，开展集中学法6次，法律顾问审查合同协议18份，行政复议案件2件，"
           "化解矛盾纠纷42件。")
TITLE = "青石镇2025年度法治政府建设情况报告\n"
BODY = ("2025年，青石镇扎实推进依法行政。现将有关情况报告如下：\n一、主要举措和成效\n" + ACCOUNT * 3
        + "\n二、存在的不足和原因\n一是执法力量薄弱，原因是编制不足。\n"
        "三、党政主要负责人履行推进法治建设第一责任人职责情况\n镇党委书记主持专题会议3次；镇长出庭应诉1次。\n"
        "四、2026年工作安排\n一是开展学法活动不少于4次；二是组织执法培训2期。\n")


def hits(text: str, rule_id: str) -> list[str]:
    doc = parse_text(text, "t.txt")
    return [doc.text[f.start:f.end] for f in run_flags(doc, [rule_id])]


def test_a_row_of_a_pages_reading_options_is_chrome():
    chrome = "字号：大 中 小　　打印本页　　关闭窗口　　分享到：\n"
    closing = "【打印本页】【关闭窗口】\n"
    text = TITLE + chrome + BODY + closing
    assert "打印本页" not in parse_text(text, "t.txt").text
    assert hits(text, "proofreading.stray_space") == []
    assert hits(text, "specificity.unmeasurable_plan") == []
    # the same words in a sentence are text, and a space there a slip
    slip = TITLE + BODY + "扶持大 中型企业发展。\n"
    assert hits(slip, "proofreading.stray_space") != []


def test_fields_set_side_by_side_on_a_pages_line_are_read_apart():
    line = "来源：青石镇人民政府　　发布时间：2026-01-12 16:35　　浏览次数：\n"
    doc = parse_text(TITLE + line + BODY, "t.txt")
    assert doc.metadata["date_published"].value.startswith("2026-01-12")
    assert doc.metadata["source"].value == "青石镇人民政府"
    assert hits(TITLE + line + BODY, "timeliness.no_date") == []
    # a line with no date dates nothing
    assert hits(TITLE + "来源：青石镇人民政府　　浏览次数：\n" + BODY, "timeliness.no_date") != []


def test_a_byline_under_the_title_signs_and_dates_the_report():
    for byline in ("青石镇人民政府　2026年1月12日\n", "青石镇人民政府\n2026年1月12日\n"):
        text = TITLE + byline + BODY
        assert hits(text, "structure.no_issuer") == [], byline
        assert hits(text, "timeliness.no_date") == [], byline
        assert hits(text, "proofreading.stray_space") == [], byline
    # a line under the title that is no body's name signs nothing
    assert hits(TITLE + "青石镇　2026年1月12日\n" + BODY, "structure.no_issuer") != []


def test_a_signature_naming_the_signer_after_the_body_signs_the_report():
    text = TITLE + BODY + "青石镇司法所　王某某\n2026年1月12日\n"
    assert hits(text, "structure.no_issuer") == []
    assert hits(text, "proofreading.stray_space") == []
    # a space in the text above it is still a slip
    assert hits(TITLE + BODY + "全年办结案件 12件。\n青石镇司法所　王某某\n", "proofreading.stray_space") != []


SHUFA = ("一、履行推进法治建设第一责任人职责情况\n本人全年主持专题学法4次，出庭应诉2次，审查合同协议18份。"
         "习近平法治思想\n二、存在的不足\n一是学法不够系统，原因是工作繁忙。\n三、下一步打算\n"
         "每季度主持专题学法不少于1次。\n")


def test_a_principals_own_report_of_their_duty_is_not_held_to_the_annual_reports_parts():
    text = "青石县县长2024年度述法报告\n" + SHUFA
    for rule in ("content.principals", "structure.section_order", "structure.missing_section",
                 "structure.no_issuer"):
        assert hits(text, rule) == [], rule
    # a report on both principals still reports each
    joint = "青石县党政主要负责人2024年度履行推进法治建设第一责任人职责情况述法报告\n" + SHUFA
    assert hits(joint, "content.principals") != []
    # the same parts under an annual report's title are out of its order, and miss its account
    annual = "青石县人民政府关于2024年度法治政府建设情况的报告\n" + SHUFA
    assert hits(annual, "structure.section_order") != []
    assert hits(annual, "structure.missing_section") != []


def test_problems_closing_the_account_of_the_year_are_given():
    text = BODY.replace("二、存在的不足和原因\n一是执法力量薄弱，原因是编制不足。\n", "")
    closing = text.replace(ACCOUNT * 3 + "\n", ACCOUNT * 3 + "\n但也存在一些不足：一是执法力量薄弱；"
                           "二是普法形式单一。\n", 1)
    assert hits(TITLE + closing, "structure.missing_section") == []
    assert hits(TITLE + text, "structure.missing_section") != []


def test_the_justice_bureaus_review_of_documents_is_the_legality_review():
    report = TITLE + BODY.replace("法律顾问审查合同协议18份，", "")
    review = report.replace("全年共召开", "县司法局审查镇政府文件和合同46件。全年共召开", 1)

    def topics(text: str) -> list[str]:
        return [f.message for f in run_flags(parse_text(text, "t.txt"), ["content.missing_topic"])]
    assert not any("合法性审查" in m for m in topics(review))
    # the bureau doing other work reviews nothing
    other = report.replace("全年共召开", "县司法局培训镇村干部46人次。全年共召开", 1)
    assert any("合法性审查" in m for m in topics(other))


def test_problems_listed_one_clause_each_give_no_causes():
    listed = BODY.replace("二、存在的不足和原因\n一是执法力量薄弱，原因是编制不足。\n",
                          "二、存在的不足\n一是执法力量薄弱；二是普法形式单一；三是干部学法不够。\n")
    assert hits(listed, "structure.no_causes") == ["二、存在的不足"]
    # each problem explained in sentences of its own carries its causes
    explained = listed.replace("一是执法力量薄弱；二是普法形式单一；三是干部学法不够。",
                               "一是执法力量薄弱。执法人员多为兼职，难以专职开展工作。二是普法形式单一。"
                               "宣传多靠发放资料，群众参与少。")
    assert hits(explained, "structure.no_causes") == []
