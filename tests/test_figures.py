"""The one reader of figures and units, shared by the flags and the comparison."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reviewer.document.figures import comparable, convert, figures, unit_scale
from reviewer.flags.quantities import quantities


def _read(text: str) -> list[tuple[str, float, str, str, bool, float | None]]:
    return [(text[f.start:f.end], f.value, f.unit, f.magnitude, f.approx, f.low)
            for f in figures(text)]


@pytest.mark.parametrize("text, expected", [
    ("城镇新增就业1200万人以上", [("1200万人", 1.2e7, "人", "万", False, None)]),
    ("增长4.5%—5%", [("4.5%—5%", 5, "%", "", False, 4.5)]),
    ("增长6.5％～7％", [("6.5％～7％", 7, "%", "", False, 6.5)]),
    ("地方一般公共预算收入增长6—6.5%", [("6—6.5%", 6.5, "%", "", False, 6)]),
    ("发放1.2万余份", [("1.2万余份", 12000, "份", "万", True, None)]),
    ("投入800余万元", [("800余万元", 8e6, "元", "万", True, None)]),
    ("粮食产量1.3万亿斤", [("1.3万亿斤", 1.3e12, "斤", "万亿", False, None)]),
    ("减少农村贫困人口1000万以上", [("1000万", 1e7, "", "万", False, None)]),
    ("接待100余人次", [("100余人次", 100, "人次", "", True, None)]),
    ("实现67,665亿元", [("67,665亿元", 6.7665e12, "元", "亿", False, None)]),
    ("开展１２余次", [("１２余次", 12, "次", "", True, None)]),
    ("新增装机10万千瓦", [("10万千瓦", 1e5, "千瓦", "万", False, None)]),
    ("PM2.5平均浓度降至28.5微克/立方米", [("28.5微克/立方米", 28.5, "微克/立方米", "", False,
                                          None)]),
    ("分别增长5.3%、7%", [("5.3%", 5.3, "%", "", False, None), ("7%", 7, "%", "", False, None)]),
    # a size class, an ordinal, years and a list number are no quantities
    ("建成20万吨级码头2个", [("2个", 2, "个", "", False, None)]),
    ("第3个", []),
    ("2023-2025年，1.加强", []),
    # a dash between a figure and a bare number makes no range
    ("增长5%-6", [("5%", 5, "%", "", False, None)]),
])
def test_figures_as_reports_write_them(text, expected):
    assert _read(text) == expected


def test_units_compare_by_dimension():
    assert comparable("万人", "名") and comparable("亿斤", "万吨") and comparable("次", "起")
    assert not comparable("人", "人次") and not comparable("%", "个百分点")
    assert not comparable("万", "万人") and comparable("万", "亿")
    assert convert(1.4, "万亿斤", "亿斤") == pytest.approx(14000)
    assert convert(1256, "万人", "人") == pytest.approx(1.256e7)
    assert convert(3, "%", "万人") is None
    assert unit_scale("万") == ("number", 1e4) and unit_scale("平方光年") is None


def test_the_flags_count_with_the_same_reader():
    text = "开展检查2800余次，其中查处4000余起，培训300人次，覆盖200人，增长5%"
    found = quantities(text)
    assert [text[q.start:q.end] for q in found] == ["2800余次", "4000余起", "300人次", "200人"]
    assert comparable(found[0], found[1]) and not comparable(found[2], found[3])
    assert found[0].approx and found[0].is_round and not found[2].approx


@given(st.text(alphabet="0123456789.,%万亿余多个人次—-～至级第年 ，", max_size=80))
def test_any_text_gives_figures_inside_it(text):
    last = 0
    for f in figures(text):
        assert last <= f.start < f.end <= len(text)
        assert f.value >= 0 and (f.low is None or f.low >= 0)
        last = f.end
