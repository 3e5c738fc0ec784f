"""The report reader driven by keys in a tiny app, on real report text."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding

from conftest import corpus_path, pilot_test, seed_path
from reviewer.document import load_document
from reviewer.document.sentences import split_sentences
from reviewer.tui.reader import Highlight, ReportView
from reviewer.tui.wrap import CLOSING


class ReaderApp(App):
    """A bare host for the reader, recording what it reports."""

    BINDINGS = [Binding("h", "screen_h", "")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.report = text
        self.events: list[tuple[str, object]] = []
        self.screen_h_pressed = 0

    def compose(self) -> ComposeResult:
        yield ReportView(self.report)

    def on_mount(self) -> None:
        self.query_one(ReportView).focus()

    def on_report_view_cursor_moved(self, message: ReportView.CursorMoved) -> None:
        self.events.append(("cursor", message.offset))

    def on_report_view_selection_changed(self, message: ReportView.SelectionChanged) -> None:
        self.events.append(("selection", message.selection))

    def action_screen_h(self) -> None:
        self.screen_h_pressed += 1


@pytest.fixture(scope="module")
def hutiaoxia() -> str:
    return load_document(seed_path("hutiaoxia-2025")).text


def _rows(view: ReportView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_of(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset`` (or the next one), computed independently of the view."""
    sentences = split_sentences(text)
    for s in sentences:
        if offset < s.end:
            return (s.start, s.end)
    return (sentences[-1].start, sentences[-1].end)


@pilot_test
async def test_line_keys_move_to_the_first_sentence_of_each_line(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        lines = view.visual_lines
        assert view.cursor == split_sentences(hutiaoxia)[0].start
        for n in range(1, 30):
            await pilot.press("j")
            assert view.current_sentence == _sentence_of(hutiaoxia, lines[n].start)
        start, end = view.visible_span()
        assert start <= lines[29].start < end  # scrolled along
        await pilot.press("down", "k", "up", "up")
        assert view.current_sentence == _sentence_of(hutiaoxia, lines[27].start)
        moves = [offset for kind, offset in app.events if kind == "cursor"]
        assert moves and all(a != b for a, b in zip(moves, moves[1:], strict=False))


@pilot_test
async def test_sentence_keys_step_through_sentences(hutiaoxia):
    sentences = split_sentences(hutiaoxia)
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        for i in range(1, 25):
            await pilot.press("J")
            assert view.cursor == sentences[i].start
            start, end = view.visible_span()
            assert start <= sentences[i].start < end
        await pilot.press("K", "K")
        assert view.cursor == sentences[22].start
        assert ("cursor", sentences[22].start) == app.events[-1]


@pilot_test
async def test_paging_and_ends(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        height = view.scrollable_content_region.height
        await pilot.press("pagedown")
        assert view.scroll_y == height - 1
        first = view.visible_span()
        assert _overlaps(view.current_sentence, first)
        await pilot.press("pagedown", "pageup")
        assert view.visible_span() == first
        await pilot.press("G")
        last = split_sentences(hutiaoxia)[-1]
        assert view.current_sentence == (last.start, last.end)
        assert view.visible_span()[1] == len(hutiaoxia)
        await pilot.press("g")
        assert view.cursor == 0 and view.scroll_y == 0
        await pilot.press("end")
        assert view.cursor == last.start
        await pilot.press("home")
        assert view.cursor == 0


@pilot_test
async def test_selection_by_sentence_and_by_character(hutiaoxia):
    sentences = split_sentences(hutiaoxia)
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        await pilot.press("J", "J")
        assert view.selection is None
        await pilot.press("v")
        assert view.selecting
        assert view.selection == (sentences[2].start, sentences[2].end)
        await pilot.press("J", "J")
        assert view.selection == (sentences[2].start, sentences[4].end)
        assert view.cursor == sentences[4].start
        await pilot.press("h", "h", "left")
        assert view.selection == (sentences[2].start, sentences[4].end - 3)
        await pilot.press("l", "right")
        assert view.selection == (sentences[2].start, sentences[4].end - 1)
        await pilot.press("o", "l")  # the start moves now
        assert view.selection == (sentences[2].start + 1, sentences[4].end - 1)
        await pilot.press("v")  # stop: the selection stays, movement no longer extends it
        assert not view.selecting
        await pilot.press("J", "J")
        assert view.selection == (sentences[2].start + 1, sentences[4].end - 1)
        assert ("selection", view.selection) == [e for e in app.events if e[0] == "selection"][-1]
        view.clear_selection()
        await pilot.pause()
        assert view.selection is None
        assert app.events[-1] == ("selection", None)


@pilot_test
async def test_selection_by_line_keeps_the_column(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        lines = view.visual_lines
        # The first long paragraph: put the cursor on its first line and select downwards.
        index = next(i for i, line in enumerate(lines) if not lines[i + 1].first_in_para)
        view.move_to(lines[index].start)
        await pilot.press("v", "K")  # back to the sentence start, then one line down
        assert view.selection is None
        await pilot.press("j", "j")
        assert view.selection == (lines[index].start, lines[index + 2].start)


@pilot_test
async def test_character_keys_pass_through_without_a_selection(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        await pilot.press("h")
        assert app.screen_h_pressed == 1
        await pilot.press("v", "h")
        assert app.screen_h_pressed == 1
        assert view.selection is not None


@pilot_test
async def test_search_next_and_previous(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        hits = [i for i in range(len(hutiaoxia)) if hutiaoxia.startswith("调解", i)]
        assert len(hits) > 3
        assert view.search("调解") == len(hits)
        await pilot.pause()
        assert view.current_sentence == _sentence_of(hutiaoxia, hits[0])
        assert view.search_position == (1, len(hits))
        assert view.search_next()
        assert view.current_sentence == _sentence_of(hutiaoxia, hits[1])
        assert view.search_previous() and view.search_previous()
        assert view.search_position == (len(hits), len(hits))  # wrapped round to the last
        assert view.current_sentence == _sentence_of(hutiaoxia, hits[-1])
        await pilot.pause()
        current = [h for h in view.highlights("search") if h.kind == "search-current"]
        assert [(h.start, h.end) for h in current] == [(hits[-1], hits[-1] + 2)]
        # The current hit is drawn in its own style on screen.
        style = view.get_component_rich_style("reportview--search-current")
        drawn = [seg for y in range(24) for seg in view.render_line(y)
                 if seg.text == "调解" and seg.style.bgcolor == style.bgcolor]
        assert len(drawn) == 1
        assert view.search("不存在的词语") == 0
        assert not view.search_next() and view.highlights("search") == []


@pilot_test
async def test_search_ignores_latin_case():
    text = "推进IPv6规模部署。\n完成ipv6改造。"
    app = ReaderApp(text)
    async with app.run_test(size=(80, 24)):
        view = app.query_one(ReportView)
        assert view.search("IPV6") == 2


@pilot_test
async def test_highlights_render_by_kind_and_layers_are_independent(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        error_at = hutiaoxia.index("专个")
        note_at = hutiaoxia.index("依法治镇委员会")
        view.set_highlights("flags", [Highlight(error_at, error_at + 2, "flag-error")])
        view.set_highlights("notes", [Highlight(note_at, note_at + 7, "note")])
        view.move_to(error_at)
        await pilot.pause()
        error_style = view.get_component_rich_style("reportview--flag-error")
        segments = [seg for y in range(24) for seg in view.render_line(y)]
        flagged = [seg for seg in segments if seg.text == "专个"]
        assert flagged and flagged[0].style.underline and flagged[0].style.bold
        assert flagged[0].style.color == error_style.color
        view.set_highlights("flags", [])
        assert view.highlights("notes") == [Highlight(note_at, note_at + 7, "note")]
        await pilot.pause()
        segments = [seg for y in range(24) for seg in view.render_line(y)]
        assert not any(seg.text == "专个" and seg.style.underline for seg in segments)
        with pytest.raises(ValueError):
            view.set_highlights("flags", [Highlight(0, 1, "bold red")])
        # Stale spans are clipped to the text instead of breaking the view.
        view.set_highlights("flags", [Highlight(len(hutiaoxia) - 2, len(hutiaoxia) + 50,
                                                "flag-warning"), Highlight(-5, -1, "flag-info")])
        assert view.highlights("flags") == [
            Highlight(len(hutiaoxia) - 2, len(hutiaoxia), "flag-warning")]


@pilot_test
async def test_cursor_sentence_and_selection_are_drawn(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        await pilot.press("J")
        cursor_bg = view.get_component_rich_style("reportview--cursor").bgcolor
        start, end = view.current_sentence
        drawn = "".join(seg.text for y in range(24) for seg in view.render_line(y)
                        if seg.style.bgcolor == cursor_bg and seg.text.strip())
        assert drawn == hutiaoxia[start:end]
        await pilot.press("v")
        selected = "".join(seg.text for y in range(24) for seg in view.render_line(y)
                           if seg.style.reverse)
        assert selected == hutiaoxia[start:end]


@pilot_test
async def test_control_characters_and_markup_are_shown_literally():
    text = "报告正文\x1b[31m红色\x1b[0m，铃声\x07，标记[bold red]加粗[/bold red]。\n第二段。"
    app = ReaderApp(text)
    async with app.run_test(size=(80, 24)):
        view = app.query_one(ReportView)
        first = view.render_line(0)
        assert "报告正文\u241b[31m红色\u241b[0m，铃声\u2407，标记[bold red]加粗[/bold red]。" in first.text
        assert not any("\x1b" in seg.text or "\x07" in seg.text for seg in first)
        assert not any(seg.style and seg.style.bold for seg in first)


@pilot_test
async def test_resize_rewraps_and_keeps_the_cursor_in_view(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        narrow = len(view.visual_lines)
        for _ in range(40):
            await pilot.press("J")
        cursor = view.cursor
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert len(view.visual_lines) < narrow
        assert max(len(row.rstrip()) for row in _rows(view)) > 60
        assert view.cursor == cursor
        start, end = view.visible_span()
        assert start <= cursor < end


@pilot_test
async def test_paragraph_gap_is_optional(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        with_gap = view.virtual_size.height
        view.paragraph_gap = False
        await pilot.pause()
        paragraphs = hutiaoxia.count("\n") + 1
        assert view.virtual_size.height == with_gap - (paragraphs - 1)
        assert all(row.strip() for row in _rows(view))


@pilot_test
async def test_click_moves_the_cursor(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        line = view.visual_lines[5]
        row = view._line_row[5]
        await pilot.click(ReportView, offset=(11, row))
        # The gutter takes one cell, each CJK character two: cell 11 holds the fifth one.
        assert view.current_sentence == _sentence_of(hutiaoxia, line.start + 5)


@pilot_test
async def test_largest_corpus_report():
    text = load_document(corpus_path("guangdong-2025")).text
    app = ReaderApp(text)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        await pilot.press("G")
        assert view.visible_span()[1] == len(text)
        middle = len(text) // 2
        view.move_to(middle)
        await pilot.pause()
        assert view.current_sentence == _sentence_of(text, middle)
        start, end = view.visible_span()
        assert start <= middle < end
        lines = view.visual_lines
        for row in _rows(view):
            body = row[1:]
            if body.strip() and not any(body.rstrip() == text[ln.start:ln.end] for ln in lines
                                        if ln.first_in_para):
                assert body[0] not in CLOSING
        hits = view.search("高质量发展")
        assert hits == text.count("高质量发展")
        await pilot.press("pagedown", "pagedown", "J", "k")
        assert _overlaps(view.current_sentence, view.visible_span())


@pilot_test
async def test_set_text_resets_the_view(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        view.set_highlights("flags", [Highlight(0, 4, "flag-error")])
        await pilot.press("pagedown", "v", "J")
        view.set_text("新的报告。第二句。")
        await pilot.pause()
        assert view.cursor == 0 and view.selection is None and view.scroll_y == 0
        assert view.highlights("flags") == []
        assert _rows(view)[0].startswith(" 新的报告。第二句。")
        view.set_text("")
        await pilot.pause()
        assert view.cursor == 0 and view.visual_lines == [] and view.visible_span() == (0, 0)
        await pilot.press("j", "J", "G", "pagedown", "v")
        assert view.selection is None


@pilot_test
async def test_focus_and_theme_restyle_the_cursor(hutiaoxia):
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)

        def cursor_backgrounds():
            gutter, text = list(view.render_line(0))[:2]
            return gutter.style.bgcolor, text.style.bgcolor

        focused = cursor_backgrounds()
        assert focused[0] != view.rich_style.bgcolor  # the cursor line is marked in the gutter
        view.blur()
        await pilot.pause()
        assert cursor_backgrounds()[0] != focused[0]
        app.theme = "textual-light"
        await pilot.pause()
        assert cursor_backgrounds()[1] != focused[1]


def test_every_key_comes_from_the_registry_with_its_id():
    from reviewer.tui import actions

    ids = [binding.id for binding in ReportView.BINDINGS]
    assert ids and all(i and i.startswith("reader.") for i in ids)
    assert sorted(set(ids)) == sorted(a.id for a in actions.ACTIONS if a.owner == "reader")


@pilot_test
async def test_a_move_before_the_first_layout_is_kept(hutiaoxia):
    class Restoring(ReaderApp):
        def compose(self) -> ComposeResult:
            view = ReportView()
            view.set_text(self.report)
            view.move_to(len(self.report) * 2 // 3)
            yield view

    app = Restoring(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.query_one(ReportView)
        target = len(hutiaoxia) * 2 // 3
        assert view.current_sentence == _sentence_of(hutiaoxia, target)
        # Centred, as move_to promises, not merely somewhere on screen.
        gutter = view.get_component_rich_style("reportview--cursor-line").bgcolor
        marked = [y for y in range(24) if list(view.render_line(y))[0].style.bgcolor == gutter]
        assert len(marked) == 1 and abs(marked[0] - 12) <= 1


@pytest.mark.parametrize("blank", [False, True])
@pilot_test
async def test_random_walks_keep_the_cursor_on_screen_and_the_selection_in_the_text(hutiaoxia,
                                                                                    blank):
    import random

    if blank:  # empty paragraphs and lines without a sentence between the real ones
        parts = hutiaoxia.split("\n")
        hutiaoxia = "\n".join(p + ("\n\n\u3000\u3000\u3000" if i % 3 == 0 else "")
                              for i, p in enumerate(parts))
    app = ReaderApp(hutiaoxia)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.query_one(ReportView)
        actions = ["line_down", "line_up", "sentence_down", "sentence_up", "page_down",
                   "page_up", "top", "bottom", "toggle_selection", "char_left", "char_right",
                   "swap_selection_ends"]
        sentences = {(s.start, s.end) for s in split_sentences(hutiaoxia)}
        for seed in range(4):
            rng = random.Random(seed)
            for _ in range(150):
                name = rng.choice(actions)
                if view.check_action(name, ()):
                    getattr(view, f"action_{name}")()
                if rng.random() < 0.05:
                    view.move_to(rng.randrange(len(hutiaoxia)), center=rng.random() < 0.5)
                assert view.current_sentence in sentences
                assert _overlaps(view.current_sentence, view.visible_span()), (seed, name)
                if view.selection:
                    start, end = view.selection
                    assert 0 <= start < end <= len(hutiaoxia)
                    if view.selecting:  # the cursor is the selection's moving end
                        assert _overlaps(view.current_sentence, (start - 1, end + 1))
            await pilot.pause()
