"""Bytes → text: encodings, BOMs, newlines; binary and undecodable input refused clearly."""

from __future__ import annotations

import codecs
import re
import stat

from reviewer.document.chars import swap
from reviewer.document.errors import ReportError
from reviewer.document.files import FileRefused, read_regular, special_kind

MAX_BYTES = 64 * 1024 * 1024  # a report is never this large; refuse rather than exhaust memory

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: for CJK/ASCII mixed text, one byte of most pairs is NUL or the pairs
    decode to mostly CJK. Decide by the NUL pattern on even/odd positions."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sum(1 for i in range(0, len(sample), 2) if sample[i] == 0)
    odd_nul = sum(1 for i in range(1, len(sample), 2) if sample[i] == 0)
    half = len(sample) // 2
    if odd_nul > half * 0.2 and even_nul < half * 0.05:
        return "utf-16-le"
    if even_nul > half * 0.2 and odd_nul < half * 0.05:
        return "utf-16-be"
    # pure CJK UTF-16 has no NULs: try a strict decode and check it is mostly CJK text
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(enc)
        except UnicodeDecodeError:
            continue
        cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or ch in "，。、；：\n")
        # real Chinese prose is full of 的，。、: random bytes read as UTF-16 are not
        common = sum(1 for ch in text if ch in "的，。、")
        if text and cjk / len(text) > 0.6 and common / len(text) > 0.02:
            return enc
    return None


# a control character no text file holds (all below 32 but tab, line ends, form feed, escape,
# bell and backspace), or the replacement character of bytes that would not decode
_NOT_TEXT = re.compile("[\x00-\x06\x0b\x0e-\x1a\x1c-\x1f\ufffd]")


def _is_binary(text: str) -> bool:
    if not text:
        return False
    # counted in one pass of the expression, not a step of Python per character
    return len(_NOT_TEXT.findall(text)) / len(text) > 0.02


# Line ends besides \r and \r\n: vertical tab (a word processor's line break), form feed (a page
# break), and Unicode's line and paragraph separators.
_LINE_ENDS = tuple((end, "\n") for end in "\r\x0b\x0c\u2028\u2029")


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str]:
    """Decode report bytes; return (text with \\n newlines, encoding name)."""
    if not data:
        raise ReportError(path, "文件为空 (the file is empty)")
    text: str | None = None
    encoding = ""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ReportError(
                    path, f"文件以 {enc} 标记开头，但无法按该编码解码 (undecodable {enc}: {exc.reason})"
                ) from None
            encoding = enc
            break
    if text is None and b"\x00" in data[:4096]:
        enc16 = _looks_utf16_without_bom(data)
        if enc16:
            try:
                text, encoding = data.decode(enc16), enc16
            except UnicodeDecodeError:
                text = None
    if text is None:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            text, encoding = _not_utf8(data, path, exc)
    text = swap(text.replace("\r\n", "\n"), _LINE_ENDS)
    if _is_binary(text):
        raise ReportError(path, "文件含有大量控制字符，像是二进制文件 (binary data, not a text report)")
    return text, encoding


def _not_utf8(data: bytes, path: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Bytes that are not UTF-8: the candidate encoding whose text is most plausibly Chinese,
    else UTF-16 without BOM, else a refusal that says why."""
    from reviewer.document.encodings import best_decoding, other_language

    found = best_decoding(data)
    if found is not None:
        return found
    enc16 = _looks_utf16_without_bom(data)
    if enc16:
        try:
            return data.decode(enc16), enc16
        except UnicodeDecodeError:
            pass
    raise ReportError(path, _undecodable(data, utf8_error, other_language(data)))


def _undecodable(data: bytes, error: UnicodeDecodeError, language: tuple[str, str, str] | None
                 ) -> str:
    """Why bytes that no encoding reads as Chinese were refused. A UTF-8 file damaged in a few
    places (a bad copy, a stray byte) is told where, so a person can mend it; text that reads as
    another language says which; anything else is called binary."""
    where = error.start
    line = data.count(b"\n", 0, where) + 1
    damaged = data.decode("utf-8", errors="replace").count("\ufffd")
    if damaged * 100 <= len(data):
        return (f"第 {line} 行（第 {where} 字节）不是有效的 UTF-8，文件其余部分是 UTF-8 文本 "
                f"(invalid UTF-8 at line {line}, byte {where})")
    if language is not None:
        zh, en, label = language
        return (f"文本像是{zh}（{label}），不是已知编码的中文文本 "
                f"(not Chinese text in a known encoding: it reads as {en} in {label})")
    return ("不是已知编码的中文文本，可能是二进制文件 (not Chinese text in a known encoding: "
            f"neither UTF-8, GB18030, Big5 nor UTF-16; first bad byte at {where})")


def read_file(path: str) -> tuple[bytes, str, str]:
    """Read and decode a report file: (raw bytes, text, encoding). Raises ReportError."""
    data = read_bytes(path)
    text, encoding = decode(data, path)
    return data, text, encoding


def read_bytes(path: str) -> bytes:
    """The bytes of a report file, refused clearly when it cannot be one (only a regular file,
    never past ``MAX_BYTES``: see ``files.read_regular``). Raises ReportError."""
    try:
        data = read_regular(path, MAX_BYTES)
    except FileRefused as exc:
        raise ReportError(path, exc.reason) from None
    except FileNotFoundError:
        raise ReportError(path, "文件不存在 (no such file)") from None
    except IsADirectoryError:
        raise ReportError(path, special_kind(stat.S_IFDIR) or "") from None
    except PermissionError:
        raise ReportError(path, "没有读取权限 (permission denied)") from None
    except OSError as exc:
        raise ReportError(path, f"无法读取 ({exc.strerror})") from None
    return data
