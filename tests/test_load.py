"""Bytes → text: encodings, newlines, and clear refusals."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import seed_path, unblocked
from reviewer.document import ReportError, load_document, parse_bytes, parse_text

SEED = open(seed_path("yanxi-2024"), encoding="utf-8").read()


def _write(tmp_path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def _same_outline(doc) -> list[tuple[str, int]]:
    return [(s.kind, len(s.children)) for s in doc.sections]


REFERENCE = parse_text(SEED, "yanxi")


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("utf8.txt", SEED.encode("utf-8"), "utf-8"),
        ("bom.txt", codecs.BOM_UTF8 + SEED.encode("utf-8"), "utf-8-sig"),
        ("gb.txt", SEED.encode("gb18030"), "gb18030"),
        ("gbk.txt", SEED.encode("gbk"), "gb18030"),
        ("utf16.txt", SEED.encode("utf-16"), "utf-16"),
        ("utf16le-nobom.txt", SEED.encode("utf-16-le"), "utf-16-le"),
        ("utf16be-nobom.txt", SEED.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_decode_to_the_same_document(tmp_path, name, data, encoding):
    doc = load_document(_write(tmp_path, name, data))
    assert doc.encoding == encoding
    assert doc.text == REFERENCE.text
    assert _same_outline(doc) == _same_outline(REFERENCE)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_newlines(tmp_path, newline):
    data = SEED.replace("\n", newline).encode("utf-8")
    doc = load_document(_write(tmp_path, "nl.txt", data))
    assert doc.text == REFERENCE.text
    assert "\r" not in doc.text


def test_mixed_newlines(tmp_path):
    lines = SEED.split("\n")
    mixed = "".join(line + ("\r\n", "\n", "\r")[i % 3] for i, line in enumerate(lines))
    doc = load_document(_write(tmp_path, "mixed.txt", mixed.encode("utf-8")))
    assert doc.text == REFERENCE.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "为空"),
        (bytes(range(256)) * 40, "二进制"),
        (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), ""),
        (b"   \n\n\t \r\n", "没有任何文字"),
    ],
)
def test_unreadable_input_is_refused_clearly(tmp_path, data, reason):
    path = _write(tmp_path, "bad.txt", data)
    with pytest.raises(ReportError) as info:
        load_document(path)
    assert info.value.path == path
    assert reason in info.value.reason
    assert path in str(info.value)


def test_debris_only_file(tmp_path):
    debris = "您当前的位置:首页>政府信息公开\n语音播报\n打印\n返回顶部\n主办:某某市人民政府\n"
    path = _write(tmp_path, "debris.txt", debris.encode("utf-8"))
    with pytest.raises(ReportError, match="残留"):
        load_document(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(ReportError, match="不存在"):
        load_document(str(tmp_path / "nope.txt"))
    with pytest.raises(ReportError, match="文件夹"):
        load_document(str(tmp_path))


def test_file_without_read_permission(tmp_path, monkeypatch):
    from reviewer.document import files as files_module

    path = _write(tmp_path, "secret.txt", SEED.encode("utf-8"))

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", path)

    # root ignores file modes, so the refusal is simulated where the loader opens the file
    monkeypatch.setattr(files_module, "open", denied, raising=False)
    with pytest.raises(ReportError, match="权限"):
        load_document(path)


def test_invalid_utf8_in_the_middle_is_refused_or_decoded_without_crash(tmp_path):
    raw = SEED.encode("utf-8")
    middle = len(raw) // 2
    data = raw[:middle] + b"\xff\xfe\xfa" + raw[middle:]
    try:
        doc = load_document(_write(tmp_path, "broken.txt", data))
    except ReportError as exc:
        assert "UTF-8" in exc.reason or "编码" in exc.reason
    else:
        assert doc.sections


def test_control_characters_stay_literal():
    doc = parse_text("测试报告\n2025年，本镇\x1b[31m开展工作[bold red]\x07。\n")
    assert "\x1b[31m" in doc.text and "[bold red]" in doc.text and "\x07" in doc.text


# --- properties ------------------------------------------------------------------------------

_report_alphabet = st.sampled_from(
    list("一二三四五六七八九十（）()、.．。，,；：是年度工作法治政府建设报告不足计划 \u3000\n\r\t0123456789%")
    + ["\x1b", "\x00", "余", "镇", "\ufeff"]
)
_lines = st.lists(
    st.one_of(
        st.text(_report_alphabet, max_size=40),
        st.sampled_from(["一、主要成效", "（一）加强领导。开展学习3次。", "(二)完善制度", "1. 强化考核。",
                         "一是压实责任。", "二、存在的不足和原因", "三、2026年工作安排", "语音播报",
                         "(此页无正文)", "您当前的位置:首页", "2025年3月3日印"]),
    ),
    max_size=30,
)


def _check_tree(doc) -> None:
    n = len(doc.text)
    for h in doc.headings:
        assert 0 <= h.start <= h.title_start <= h.end <= n
    for change in doc.changes:
        assert 0 <= change.start <= change.end <= n

    def visit(sections, lo, hi, parent):
        prev_end = lo
        for s in sections:
            assert lo <= s.start < s.end <= hi
            assert s.start >= prev_end
            assert s.parent is parent
            prev_end = s.end
            visit(s.children, s.start, s.end, s)

    visit(doc.sections, 0, n, None)
    for sent in doc.sentences():
        assert 0 <= sent.start < sent.end <= n


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_outline_offsets_are_in_range_and_nested(lines):
    text = "\n".join(lines)
    try:
        doc = parse_text(text, "prop")
    except ReportError:
        return
    _check_tree(doc)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise_anything_but_report_error(data):
    try:
        doc = parse_bytes(data, "fuzz")
    except ReportError:
        return
    _check_tree(doc)


def test_report_sentences_that_mention_page_words_are_kept():
    body = ("2025年，我镇为群众提供高分辨率电子地图服务，开展普法宣传。本镇网站已支持IPv6访问。\n"
            "打印\n"
            "联系电话公开后，群众来电咨询120余次，均已答复。")
    doc = parse_text("某镇2025年法治政府建设情况报告\n" + body)
    assert "高分辨率电子地图" in doc.text and "联系电话公开后" in doc.text
    assert [c.removed for c in doc.changes] == ["打印"]


def test_a_report_on_one_long_line_is_not_taken_for_debris():
    seed = open(seed_path("hutiaoxia-2025"), encoding="utf-8").read()
    one_line = "".join(seed.split("\n")[14:])  # body paragraphs run together, footer included
    doc = parse_text(one_line, "one-line")
    assert "虎跳峡镇" in doc.text and len(doc.text) > 4000


def test_nul_bytes_inside_text_are_kept_but_binary_noise_is_refused(tmp_path):
    raw = SEED.encode("utf-8")
    cut = raw.index("。".encode()) + 3
    doc = load_document(_write(tmp_path, "nul.txt", raw[:cut] + b"\x00" + raw[cut:]))
    assert "\x00" in doc.text and doc.sections
    with pytest.raises(ReportError, match="二进制"):
        load_document(_write(tmp_path, "noise.txt", b"abc\x00\x00def" * 1000))


def test_bytes_misread_as_utf16_without_content_are_refused(tmp_path):
    # NUL every other byte reads as BOM-less UTF-16, giving only ÿþÿþ…: no report text
    path = _write(tmp_path, "nulls.txt", b"\x00\xff\x00\xfe" * 100)
    with pytest.raises(ReportError):
        load_document(path)


# --- legacy encodings: told apart by how Chinese each decoding reads --------------------------

# A report in traditional characters (as a Big5 file holds it), and text in Japanese and Korean:
# each is written here as it would be published, then encoded.
TRADITIONAL = (
    "某鎮人民政府關於2024年度法治政府建設情況的報告\n"
    "本鎮堅持以習近平法治思想為指導，深入貫徹落實中央、市、區關於法治政府建設的決策部署，"
    "將法治建設與經濟社會發展深度融合，紮實推進各項工作落地見效。\n"
    "一、主要工作成效\n"
    "（一）加強組織領導，落實主體責任。鎮黨委定期研究法治政府建設工作，主要負責人切實履行"
    "推進法治建設第一責任人職責。\n"
    "（二）深化普法宣傳，營造良好氛圍。全年開展法治宣傳活動三十餘場次，覆蓋群眾一萬餘人次。\n"
    "二、存在的不足和原因\n部分幹部法治意識有待提高，基層法治力量較為薄弱。\n"
    "三、下一步工作安排\n持續推進依法行政，提升行政執法規範化水平。\n"
)
JAPANESE = (
    "令和6年度の市政運営について、市長は次のように述べました。市民の皆様の安全と安心を守るため、"
    "防災体制の強化に取り組んでまいります。また、子育て支援の充実や地域経済の活性化を図り、"
    "誰もが暮らしやすいまちづくりを進めてまいります。\n"
    "行政手続きのデジタル化を推進し、窓口サービスの向上に努めます。\n"
)
KOREAN = (
    "2024년도 시정 운영 방향에 대하여 시장은 다음과 같이 밝혔습니다. 시민 여러분의 안전과 안심을 "
    "지키기 위해 재난 대응 체계를 강화하겠습니다. 또한 육아 지원을 확대하고 지역 경제를 활성화하여 "
    "누구나 살기 좋은 도시를 만들어 나가겠습니다.\n"
    "행정 절차의 디지털화를 추진하고 민원 서비스의 질을 높이겠습니다.\n"
)


def test_a_big5_report_is_read_in_big5_not_as_gb18030(tmp_path):
    doc = load_document(_write(tmp_path, "big5.txt", TRADITIONAL.encode("big5")))
    assert doc.encoding == "cp950"
    assert doc.text == parse_text(TRADITIONAL).text


@pytest.mark.parametrize(("text", "encoding", "words"), [
    (JAPANESE, "shift_jis", ("日文", "Shift_JIS")),
    (JAPANESE, "cp932", ("日文", "Shift_JIS")),
    (KOREAN, "euc_kr", ("韩文", "EUC-KR")),
    (KOREAN, "cp949", ("韩文", "EUC-KR")),
])
def test_japanese_and_korean_files_are_refused_as_not_chinese(tmp_path, text, encoding, words):
    # GB18030 decodes these bytes too, into a jumble of rare characters that used to be flagged
    # as a report
    data = text.encode(encoding)
    data.decode("gb18030")
    path = _write(tmp_path, f"{encoding}.txt", data)
    with pytest.raises(ReportError) as info:
        load_document(path)
    assert "not Chinese text in a known encoding" in info.value.reason
    for word in words:
        assert word in info.value.reason


def test_bytes_no_candidate_reads_as_chinese_get_the_same_clear_message(tmp_path):
    noise = bytes(range(0x81, 0xFF)) * 50  # decodes as GB18030, into nothing like Chinese
    noise.decode("gb18030")
    with pytest.raises(ReportError, match="not Chinese text in a known encoding"):
        load_document(_write(tmp_path, "noise.txt", noise))


@pytest.mark.parametrize("line_end", ["\x0b", "\x0c", "\x0c\n", "\u2028", "\u2029"])
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_vertical_tab_and_form_feed_line_ends_are_text(tmp_path, line_end, encoding):
    data = SEED.replace("\n", line_end).encode(encoding)
    doc = load_document(_write(tmp_path, "vt.txt", data))
    assert doc.title == REFERENCE.title
    assert _same_outline(doc) == _same_outline(REFERENCE)


# --- special files: only regular files, never more than the limit ------------------------------

def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReportError, match="FIFO") as info:
        unblocked(fifo, lambda: load_document(str(fifo)))
    assert info.value.path == str(fifo)


def _bounded_run(argv: list[str]) -> subprocess.CompletedProcess:
    """A command of the program in its own process, with 20 seconds and 1 GB: a regression that
    reads a device without end fails instead of filling the machine's memory."""
    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "reviewer", *argv], capture_output=True,
                          text=True, timeout=20, preexec_fn=limit, check=False)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_reading_it(tmp_path, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    link = tmp_path / "report.txt"
    link.symlink_to(device)
    done = _bounded_run(["outline", str(link)])
    assert done.returncode == 2, done.stderr
    assert "device" in done.stderr and str(link) in done.stderr
    assert "Traceback" not in done.stderr


def test_reads_are_bounded_whatever_stat_says(tmp_path):
    """Files in /proc say they are empty; the limit is counted on what is read."""
    from reviewer.document.files import FileRefused, read_regular

    source = "/proc/self/status"
    if not os.path.exists(source) or os.stat(source).st_size:
        pytest.skip("no /proc file that reports a size of 0 here")
    link = tmp_path / "status.txt"
    link.symlink_to(source)
    assert read_regular(link, 1 << 20)  # read although stat says 0 bytes
    with pytest.raises(FileRefused, match="too large"):
        read_regular(link, 16)
    grown = tmp_path / "big.txt"
    grown.write_bytes(b"x" * 100)
    with pytest.raises(FileRefused, match="too large"):
        read_regular(grown, 99)
    assert read_regular(grown, 100) == b"x" * 100
