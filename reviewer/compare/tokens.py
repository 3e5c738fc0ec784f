"""jieba, loaded once and only when a comparison needs it.

Loading jieba's dictionary costs about half a second and 70 MB, so nothing imports jieba at
module level: :func:`ensure_jieba` does, on first use (the app calls it in a background thread).
jieba logs to stderr while loading, which would scribble over a terminal app: it is silenced.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from functools import lru_cache

from reviewer.compare import data

_lock = threading.Lock()
_ready = False
_CONTENT = re.compile(r"[\u3400-\u9fffA-Za-z0-9]")


def ensure_jieba() -> None:
    """Import jieba, load its dictionary and the domain user dictionary (once; thread-safe)."""
    global _ready
    if _ready:
        return
    with _lock:
        if _ready:
            return
        import jieba

        jieba.setLogLevel(logging.CRITICAL + 10)
        jieba.initialize()
        for word in data.load("userdict")["words"]:
            jieba.add_word(word)
        _ready = True


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[str, ...]:
    """Content tokens of ``text``: jieba words, stopwords and punctuation removed.

    jieba is given at most ``token_piece`` characters at a time (rules.toml): on a run of a
    million figures or characters with no punctuation (a flattened table) its time grows faster
    than the run's length. No passage of a real report is that long, so a real one is cut
    whole; a longer one is cut where its opening comes again (:func:`_pieces`), so a run that
    repeats itself is segmented once per distinct piece."""
    ensure_jieba()
    words: list[str] = []
    for chunk in _pieces(text, data.rules()["token_piece"]):
        words += _cut(chunk)
    keep = _KEEP
    out = []
    for w in words:
        kept = keep.get(w)
        if kept is None:
            if len(keep) > _KEEP_MOST:  # a flattened table's endless distinct figures
                keep.clear()
            kept = keep[w] = w not in data.stopwords() and bool(_CONTENT.search(w))
        if kept:
            out.append(w)
    return tuple(out)


# whether a word is content (neither a stopword nor punctuation), read once per word
_KEEP: dict[str, bool] = {}
_KEEP_MOST = 100_000


def _pieces(text: str, piece: int) -> list[str]:
    """``text`` in pieces of at most ``piece`` characters; from half that length on, a piece
    ends where the text's next ``token_echo`` characters are those it opened with (a table
    flattened into a line repeats its rows: each repeat is then the same piece)."""
    if len(text) <= piece:
        return [text]
    echo = data.rules()["token_echo"]
    out = []
    at = 0
    while at < len(text):
        end = min(at + piece, len(text))
        if end < len(text):
            again = text.find(text[at:at + echo], at + piece // 2, end)
            if again > 0:
                end = again
        out.append(text[at:end])
        at = end
    return out


@lru_cache(maxsize=64)
def _cut(chunk: str) -> tuple[str, ...]:
    """jieba's words of one piece (the same piece of a repeating run is cut once)."""
    import jieba

    if _DIGITS.fullmatch(chunk) and not _digit_words():
        return (chunk,)  # what jieba makes of a run of digits no word is made of: the run
    return tuple(jieba.lcut(chunk))


_DIGITS = re.compile(r"[0-9]+")


_CLEARED_WITH_TOKENS: list[Callable[[], None]] = []


def on_clear(clear: Callable[[], None]) -> None:
    """Have :func:`clear_caches` call ``clear`` too (another module's cache of what it read of
    a passage)."""
    _CLEARED_WITH_TOKENS.append(clear)


def clear_caches() -> None:
    """Forget every passage and piece tokenized so far, and what was read of them (a
    benchmark's or a test's fresh start)."""
    tokenize.cache_clear()
    _cut.cache_clear()
    _KEEP.clear()
    for clear in _CLEARED_WITH_TOKENS:
        clear()


@lru_cache(maxsize=1)
def _digit_words() -> bool:
    """Whether jieba's dictionary (the domain words included) holds a word made of digits
    alone: without one, jieba cuts a run of digits into nothing smaller than the run (a
    flattened table's run of a million digits would cost a step of jieba's per digit)."""
    import jieba

    return any(freq and word.isascii() and word.isdigit() for word, freq in jieba.dt.FREQ.items())
