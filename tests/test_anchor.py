"""Anchors on the bundled reports: placed back where they belong after the report is edited."""

from __future__ import annotations

import random

import pytest

from reviewer.document import parse_text
from reviewer.review import Anchor, Review
from reviewer.review.anchor import place


def located(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where ``place`` finds the anchor's passage in ``text`` now, or ``None``."""
    found = place(anchor, text)
    return (found.start, found.end) if found else None


def edit_randomly(text: str, rng: random.Random, rate: float):
    """``text`` with small substitutions, deletions and insertions touching about ``rate`` of its
    characters, and a function mapping an old offset to where it went."""
    budget = int(len(text) * rate)
    # Edits use the report's own characters and leave line breaks and spaces alone, so the
    # edited text is still normalized text (what a corrected report would give).
    letters = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    edits: list[tuple[int, int, str]] = []  # (old position, old length, new text)
    spent, last_end = 0, -1
    for pos in sorted(rng.sample(range(len(text)), max(1, budget))):
        if spent >= budget:
            break
        kind, n = rng.choice("sid"), rng.randint(1, 3)
        old = 0 if kind == "i" else min(n, len(text) - pos)
        if pos <= last_end or not text[pos:pos + old].strip() == text[pos:pos + old] \
                or not all("\u4e00" <= ch <= "\u9fff" for ch in text[pos:pos + old]):
            continue
        new = "" if kind == "d" else "".join(rng.choice(letters) for _ in range(n if kind == "i"
                                                                                else old))
        edits.append((pos, old, new))
        spent += max(old, len(new))
        last_end = pos + old
    parts, prev = [], 0
    for pos, old, new in edits:
        parts += [text[prev:pos], new]
        prev = pos + old
    parts.append(text[prev:])

    def where(offset: int) -> int:
        shift = 0
        for pos, old, new in edits:
            if pos >= offset:
                break
            if pos + old <= offset:
                shift += len(new) - old
            else:  # inside a replaced run: where that run now starts
                return pos + shift
        return offset + shift

    return "".join(parts), where


def passages(doc, rng: random.Random, count: int) -> list[tuple[int, int]]:
    """Spans a reviewer would select: whole sentences and phrases inside them."""
    sentences = [s for s in doc.sentences() if s.end - s.start >= 8]
    spans = []
    for _ in range(count):
        s = rng.choice(sentences)
        if rng.random() < 0.5:
            spans.append((s.start, s.end))
        else:
            length = rng.randint(4, min(40, s.end - s.start))
            start = rng.randint(s.start, s.end - length)
            spans.append((start, start + length))
    return spans


def test_from_span_keeps_quote_and_32_characters_of_context(seeds):
    doc = seeds["guanba-2025"]
    start = doc.text.index("2800余次")
    end = start + len("2800余次")
    anchor = Anchor.from_span(doc.text, start, end)
    assert anchor.quote == "2800余次"
    assert anchor.prefix == doc.text[start - 32:start] and len(anchor.prefix) == 32
    assert anchor.suffix == doc.text[end:end + 32] and len(anchor.suffix) == 32
    at_start = Anchor.from_span(doc.text, 0, 5)
    assert at_start.prefix == "" and located(at_start, doc.text) == (0, 5)
    with pytest.raises(ValueError):
        Anchor.from_span(doc.text, 10, len(doc.text) + 1)


def test_unchanged_text_keeps_offsets_and_shifted_text_moves_them(seeds):
    doc = seeds["baixiang-2024"]
    start = doc.text.index("相对滞后")
    anchor = Anchor.from_span(doc.text, start, start + 4)
    assert located(anchor, doc.text) == (start, start + 4)
    inserted = "（此段为更正版本新增的一段说明文字。）\n"
    changed = inserted + doc.text
    assert located(anchor, changed) == (start + len(inserted), start + len(inserted) + 4)
    moved, how = anchor.placed_in(changed)
    assert how == "exact" and moved.quote == anchor.quote and moved.start == start + len(inserted)


def test_a_repeated_quote_is_told_apart_by_its_context(seeds):
    doc = seeds["yanxi-2024"]
    word = "法治"
    occurrences = [i for i in range(len(doc.text)) if doc.text.startswith(word, i)]
    assert len(occurrences) > 5
    target = occurrences[len(occurrences) // 2]
    anchor = Anchor.from_span(doc.text, target, target + len(word))
    # a long insertion before it moves every occurrence; the context picks the right one
    changed = doc.text[:10] + "新增内容" * 50 + doc.text[10:]
    assert located(anchor, changed) == (target + 200, target + 200 + len(word))


def test_a_passage_deleted_from_the_report_is_an_orphan(seeds):
    doc = seeds["hutiaoxia-2025"]
    sentence = max(doc.sentences(), key=lambda s: s.end - s.start)
    anchor = Anchor.from_span(doc.text, sentence.start, sentence.end)
    changed = doc.text[:sentence.start] + doc.text[sentence.end:]
    assert located(anchor, changed) is None
    orphan, how = anchor.placed_in(changed)
    assert how == "orphan" and orphan.orphan and orphan.quote == anchor.quote


@pytest.mark.parametrize("name", ["baogou-2025", "yanxi-2024", "hutiaoxia-2025", "guanba-2025",
                                  "baixiang-2024"])
def test_random_edits_most_annotations_land_right_and_none_is_lost(seeds, name):
    doc = seeds[name]
    rng = random.Random(name)
    right = wrong = orphans = total = 0
    for _round in range(4):
        review = Review.new(doc)
        spans = {review.add_annotation(doc, start, end, tag="数据存疑").id: (start, end)
                 for start, end in passages(doc, rng, 20)}
        while True:  # rarely, an edit makes two lines look like one broken by a page break
            text, where = edit_randomly(doc.text, rng, rng.uniform(0.02, 0.10))
            changed = parse_text(text, doc.path, doc.genre)
            if changed.text == text:
                break
        report = review.reanchor(changed)
        assert len(review.annotations) == len(spans)  # none dropped
        assert len(report.orphans) == len(review.orphans)
        for note in review.annotations:
            start, end = spans[note.id]
            total += 1
            if note.anchor.orphan:
                orphans += 1
                assert note.anchor.quote == doc.text[start:end]  # kept with its quote
                continue
            new_start, new_end = where(start), where(end)
            got = note.anchor
            overlap = min(got.end, new_end) - max(got.start, new_start)
            assert got.quote == text[got.start:got.end]
            if overlap >= 0.5 * max(new_end - new_start, got.end - got.start, 1):
                right += 1
            else:
                wrong += 1
    assert right >= 0.95 * total, (right, wrong, orphans)
    assert wrong <= 0.02 * total, (right, wrong, orphans)


def test_an_empty_span_is_placed_by_its_context(seeds):
    doc = seeds["baogou-2025"]
    point = doc.text.index("二、")
    anchor = Anchor.from_span(doc.text, point, point)
    changed = "插入" * 20 + doc.text
    assert located(anchor, changed) == (point + 40, point + 40)
