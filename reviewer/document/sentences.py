"""Sentence spans over the normalized text.

A sentence ends after 。！？；!? (and any closing quotes or brackets that follow) or at the end
of a paragraph. Spans never include the newline between paragraphs.
"""

from __future__ import annotations

import re

from reviewer.document.model import Sentence

_END = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+[”’」』）)》〉】]*|(?=\n)|$)")


def split_sentences(text: str) -> list[Sentence]:
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
