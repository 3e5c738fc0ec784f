"""Tokens for the comparison: a run of digits is cut as jieba cuts it, without jieba's step per
digit; a passage longer than any of a real report is given to jieba in pieces, those of a run
that repeats itself the same."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.compare import data
from reviewer.compare.tokens import (
    _CONTENT,
    _digit_words,
    _pieces,
    clear_caches,
    ensure_jieba,
    tokenize,
)


def _jieba_tokens(text: str) -> tuple[str, ...]:
    import jieba

    stop = data.stopwords()
    return tuple(w for w in jieba.lcut(text) if w not in stop and _CONTENT.search(w))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=80))
def test_a_run_of_digits_gives_the_tokens_jieba_gives(run):
    ensure_jieba()
    assert not _digit_words()  # no word of digits alone: the shortcut is taken
    clear_caches()
    assert tokenize(run) == _jieba_tokens(run)


def test_a_passage_longer_than_a_piece_is_given_to_jieba_in_its_pieces():
    piece = data.rules()["token_piece"]
    text = "覆盖率达" + "1234567890" * (piece // 5) + "次"
    clear_caches()
    pieces = _pieces(text, piece)
    assert "".join(pieces) == text and len(pieces) > 2
    assert all(len(p) <= piece for p in pieces)
    expected = ()
    for p in pieces:
        expected += _jieba_tokens(p)
    assert tokenize(text) == expected


def test_a_run_that_repeats_itself_is_cut_into_the_same_pieces():
    piece = data.rules()["token_piece"]
    run = "其中12余次余余余" * (piece // 3)
    pieces = _pieces(run, piece)
    assert len(pieces) > 3 and len(set(pieces[:-1])) == 1
    assert piece // 2 <= len(pieces[0]) <= piece
    assert _pieces(run[:piece], piece) == [run[:piece]]  # a real passage is cut whole


def test_a_passage_whose_opening_never_comes_again_is_cut_every_piece():
    piece = data.rules()["token_piece"]
    text = "、".join(str(n) for n in range(piece))
    pieces = _pieces(text, piece)
    assert [len(p) for p in pieces[:-1]] == [piece] * (len(pieces) - 1)
    assert "".join(pieces) == text


def test_with_a_word_of_digits_jieba_cuts_the_run_itself(monkeypatch):
    import jieba

    ensure_jieba()
    for prefix in ("1", "11"):  # as jieba.add_word leaves them: prefixes of no weight
        monkeypatch.setitem(jieba.dt.FREQ, prefix, jieba.dt.FREQ.get(prefix, 0))
    monkeypatch.setitem(jieba.dt.FREQ, "110", 5)
    _digit_words.cache_clear()
    try:
        assert _digit_words()
        clear_caches()
        assert _jieba_tokens("110110") == ("110", "110")
        assert tokenize("110110") == ("110", "110")
    finally:
        monkeypatch.undo()
        _digit_words.cache_clear()
        clear_caches()
