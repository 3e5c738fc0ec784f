"""Sentence spans over the normalized text.

A sentence ends after 。！？；!? (and any closing quotes or brackets that follow) or at the end
of a paragraph; a half-width full stop ends one where it stands after words and before the next
sentence's (稳定.全省生产总值增长5.5%,…: text typed or converted with half-width marks), never in
a figure (5.5%) or a list number (1.). Spans never include the newline between paragraphs.
"""

from __future__ import annotations

import re

from reviewer.document.model import Sentence

# a half-width full stop ending a sentence: after no digit, letter or stop, before Chinese text,
# an opening mark, the paragraph's end or the text's
_STOP = re.compile(r"(?<![0-9A-Za-z.．])\.(?=[\u3400-\u9fff“‘（(《【—]|[ \u3000\t]*(?:\n|$))")
_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)》〉】]*|(?=\n)|$)")


def full_stops(text: str) -> str:
    """``text`` with every half-width full stop that ends a sentence as 。 (the same length:
    offsets hold)."""
    return _STOP.sub("。", text) if "." in text else text


def split_sentences(text: str) -> list[Sentence]:
    text = full_stops(text)
    out: list[Sentence] = []
    pos = 0
    n = len(text)
    while pos < n:
        if text[pos] == "\n":
            pos += 1
            continue
        m = _END.match(text, pos)
        end = m.end() if m else n
        if end <= pos:  # defensive: always make progress
            end = pos + 1
        # skip leading spaces inside the sentence span for a cleaner cursor
        s = pos
        while s < end and text[s] in " \u3000\t":
            s += 1
        if s < end:
            out.append(Sentence(s, end))
        pos = end
    return out
