"""Tokens for the comparison: a run of digits is cut as jieba cuts it, without jieba's step per
digit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.compare import data
from reviewer.compare.tokens import _CONTENT, _digit_words, ensure_jieba, tokenize


def _jieba_tokens(text: str) -> tuple[str, ...]:
    import jieba

    stop = data.stopwords()
    return tuple(w for w in jieba.lcut(text) if w not in stop and _CONTENT.search(w))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=80))
def test_a_run_of_digits_gives_the_tokens_jieba_gives(run):
    ensure_jieba()
    assert not _digit_words()  # no word of digits alone: the shortcut is taken
    tokenize.cache_clear()
    assert tokenize(run) == _jieba_tokens(run)


def test_a_run_longer_than_a_piece_is_cut_where_jieba_is_given_its_pieces():
    piece = data.rules()["token_piece"]
    text = "覆盖率达" + "1234567890" * (piece // 5) + "次"
    tokenize.cache_clear()
    expected = ()
    for at in range(0, len(text), piece):
        expected += _jieba_tokens(text[at:at + piece])
    assert tokenize(text) == expected


def test_with_a_word_of_digits_jieba_cuts_the_run_itself(monkeypatch):
    import jieba

    ensure_jieba()
    for prefix in ("1", "11"):  # as jieba.add_word leaves them: prefixes of no weight
        monkeypatch.setitem(jieba.dt.FREQ, prefix, jieba.dt.FREQ.get(prefix, 0))
    monkeypatch.setitem(jieba.dt.FREQ, "110", 5)
    _digit_words.cache_clear()
    try:
        assert _digit_words()
        tokenize.cache_clear()
        assert _jieba_tokens("110110") == ("110", "110")
        assert tokenize("110110") == ("110", "110")
    finally:
        monkeypatch.undo()
        _digit_words.cache_clear()
        tokenize.cache_clear()
