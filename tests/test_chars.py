"""Characters swapped one for one give what str.translate gives with the same table."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.document.chars import pairs, swap
from reviewer.document.figures import narrow

WIDE = "０１２３４５６７８９．％，"
HALF = "0123456789.%,"


@given(st.text(alphabet=st.sampled_from(WIDE + HALF + "增长亿元，。\n a"), max_size=200))
def test_swap_is_translate(text: str) -> None:
    assert swap(text, pairs(WIDE, HALF)) == text.translate(str.maketrans(WIDE, HALF))
    assert narrow(text) == text.translate(str.maketrans(WIDE, HALF))
    assert len(narrow(text)) == len(text)


def test_a_table_that_would_swap_a_character_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        pairs("ab", "bc")  # a → b, then b → c would make a into c
    with pytest.raises(ValueError):
        pairs("ab", "x")
