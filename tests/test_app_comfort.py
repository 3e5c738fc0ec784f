"""Pilot tests of a day's work over SSH: the visible search, copying, the status line at 80x24,
the annotation dialog, whole messages, the palette in the interface language and the
reviewer's name."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from test_app import make_app, saved, started, type_note
from textual.widgets import Static

from conftest import pilot_test
from reviewer.i18n import t
from reviewer.tui import reader as reader_module
from reviewer.tui.screens import main as main_module


def status_text(screen) -> str:
    return str(screen.query_one("#status", Static).render())


def line_text(screen) -> str:
    return str(screen.query_one("#search-count", Static).render())


@pilot_test
async def test_search_shows_hits_as_typed_and_escape_clears_them(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        text = screen.session.doc.text
        origin = screen.reader.cursor
        await pilot.press("slash")
        line = screen.query_one("#search-line")
        assert line.display and line.region.height == 1
        assert screen.query_one("#search").region.y < screen.query_one("#status").region.y
        await pilot.press("法")
        await pilot.pause()
        one = text.count("法")
        assert screen.reader.search_position == (1, one)
        assert line_text(screen) == t("ui.search_position", current=1, total=one)
        await pilot.press("治")
        await pilot.pause()
        two = text.count("法治")
        assert 0 < two < one and screen.reader.search_position == (1, two)
        assert len(screen.reader.highlights("search")) == two
        assert t("ui.search_status", current=1, total=two) in status_text(screen)
        await pilot.press("escape")  # Escape clears: no hits, the cursor where it was
        await pilot.pause()
        assert not line.display and screen.focused is screen.reader
        assert screen.reader.highlights("search") == [] and screen.reader.search_position == (0, 0)
        assert screen.reader.cursor == origin
        assert t("ui.search_status", current=1, total=two) not in status_text(screen)


@pilot_test
async def test_search_enter_keeps_hits_n_wraps_and_escape_gives_n_back_to_flags(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        text = screen.session.doc.text
        total = text.count("调解")
        assert total > 2
        await pilot.press("slash", *"调解", "enter")
        await pilot.pause()
        assert screen.reader.search_position == (1, total)
        await pilot.press("N")  # before the first: the last
        assert screen.reader.search_position == (total, total)
        assert t("ui.search_status", current=total, total=total) in status_text(screen)
        await pilot.press("n")
        assert screen.reader.search_position == (1, total)
        await pilot.press("escape")  # on the reader: the hits go, n is the next flag again
        await pilot.pause()
        assert screen.reader.search_position == (0, 0)
        await pilot.press("n")
        assert screen._current_flag is not None


@pilot_test
async def test_search_without_hits_says_so_in_the_line(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("slash", *"不存在的词语")
        await pilot.pause()
        assert line_text(screen) == t("ui.search_none")
        await pilot.press("enter")
        await pilot.pause()
        assert t("ui.search_none") in [n.message for n in app._notifications]


@pilot_test
async def test_search_hits_are_capped_and_a_query_is_never_a_pattern(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(reader_module, "MAX_SEARCH_HITS", 5)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        assert screen.reader.search("的") == 5
        assert screen.reader.search(".*") == screen.session.doc.text.count(".*")
        assert screen.reader.search("(") == min(screen.session.doc.text.count("("), 5)


def test_search_finds_latin_in_any_case_at_the_right_offsets() -> None:
    from reviewer.document.chars import swap
    from reviewer.tui.reader import _ASCII_LOWER, _find_all

    text = "İ推进IPv6规模部署，完成ipv6改造"
    found = _find_all(swap(text, _ASCII_LOWER), swap("IPV6", _ASCII_LOWER))
    assert [text[a:b] for a, b in found] == ["IPv6", "ipv6"]


@pilot_test
async def test_y_copies_the_sentence_or_the_selection(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("J")
        start, end = screen.reader.current_sentence
        sentence = screen.session.doc.text[start:end]
        await pilot.press("y")
        assert app.clipboard == sentence
        assert t("ui.copied_sentence", count=len(sentence)) in \
            [n.message for n in app._notifications]
        await pilot.press("v", "J", "v")
        a, b = screen.reader.selection
        await pilot.press("y")
        assert app.clipboard == screen.session.doc.text[a:b] and b - a > len(sentence)
        assert t("ui.copied_selection", count=b - a) in [n.message for n in app._notifications]


@pilot_test
async def test_status_line_at_80x24_keeps_the_note_beside_a_long_flag(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("n")
        flag = screen._current_flag
        assert flag is not None
        await pilot.press("a", *"核实口径", "enter")
        await pilot.pause()
        shown = status_text(screen)
        assert "⚑" in shown and "✎" in shown, shown
        note = screen.session.annotations[0]
        assert note.tag in shown and "核实" in shown
        assert cell_len(shown) <= 78  # the line less its padding
        long = cell_len(flag.message) + cell_len(flag.suggestion or "")
        if long > 60:  # the flag's text gave way, not the note
            assert "…" in shown


def test_status_line_cuts_the_suggestion_first_then_the_message() -> None:
    from types import SimpleNamespace

    from reviewer.tui.screens.main import status_line

    flag = SimpleNamespace(message="比率或覆盖率超过100%：特殊群体普法覆盖率达100%以上",
                           suggestion="核对统计口径与分母")
    note = SimpleNamespace(tag="数据存疑", note="覆盖率不会超过100%，请核实")
    wide = str(status_line(flag, 1, note, 1, (0, 0), 120))
    assert "核对统计口径与分母" in wide and "请核实" in wide
    narrow = str(status_line(flag, 2, note, 3, (2, 9), 60))
    assert cell_len(narrow) <= 60
    assert "核对统计口径" not in narrow  # the suggestion went first
    assert "⚑ 2" in narrow and "✎ 3 数据存疑" in narrow
    assert t("ui.search_status", current=2, total=9) in narrow
    tiny = str(status_line(flag, 1, note, 1, (0, 0), 24))
    assert cell_len(tiny) <= 24 and "✎" in tiny and "数据存疑" in tiny


async def open_dialog(pilot, *keys: str):
    from reviewer.tui.dialogs import AnnotationDialog

    await pilot.press(*keys)
    await pilot.pause()
    dialog = pilot.app.screen
    assert isinstance(dialog, AnnotationDialog)
    return dialog


@pilot_test
async def test_enter_saves_from_the_tag_list_with_several_tags_chosen_by_digit(
        tmp_path: Path) -> None:
    from reviewer.review import load_vocabulary

    tags = load_vocabulary().tags
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        dialog = await open_dialog(pilot, "J", "a")
        await type_note(pilot, "两处")
        await pilot.press("tab")  # the tag list
        assert dialog.focused.id == "tags"
        await pilot.press("3", "5", "1")  # 1 was ticked already: now it is not
        await pilot.press("tab", *"口径,待查", "tab")  # own tags, then the severity
        assert dialog.focused.id == "severity"
        await pilot.press("4")
        await pilot.press("enter")  # from a list: saves, opens nothing
        await pilot.pause()
        assert app.screen is screen
        note = screen.session.annotations[0]
        assert note.tags == (tags[2], tags[4], "口径", "待查")
        assert note.severity == load_vocabulary().severities[3] and note.note == "两处"
        screen.save_now()
        entry = saved(review)["annotation"][0]
        assert entry["tags"] == [tags[2], tags[4], "口径", "待查"] and "tag" not in entry


@pilot_test
async def test_enter_saves_from_the_severity_row_and_space_and_arrows_choose(
        tmp_path: Path) -> None:
    from reviewer.review import load_vocabulary

    vocabulary = load_vocabulary()
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        dialog = await open_dialog(pilot, "a")
        await pilot.press("tab", "right", "space", "tab", "tab")
        assert dialog.focused.id == "severity"
        await pilot.press("right", "space", "enter")
        await pilot.pause()
        note = screen.session.annotations[0]
        assert note.tags == vocabulary.tags[:2]
        index = vocabulary.severities.index(vocabulary.default_severity)
        assert note.severity == vocabulary.severities[index + 1]


@pilot_test
async def test_edit_puts_the_cursor_at_the_end_and_keeps_every_tag(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        start, end = screen.reader.current_sentence
        screen.session.annotate(start, end, tag=("亮点", "自己的"), severity="minor",
                                note="第一行\n第二行")
        await pilot.pause()
        dialog = await open_dialog(pilot, "e")
        from textual.widgets import TextArea

        area = dialog.query_one(TextArea)
        assert area.cursor_location == area.document.end
        assert dialog.query_one("#tags").chosen == ["亮点"]
        assert dialog.query_one("#free-tag").value == "自己的"
        await type_note(pilot, "ok")
        await pilot.press("enter")
        await pilot.pause()
        note = screen.session.annotations[0]
        assert note.note == "第一行\n第二行ok" and note.tags == ("亮点", "自己的")


@pilot_test
async def test_the_dialog_leaves_the_passage_in_sight(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        for keys, place in ((("g",), "-bottom"), (("G",), None),
                            (("g", *"jjjjjjjjj"), None)):  # mid-screen: scrolled up first
            await pilot.press(*keys)
            await pilot.pause()
            dialog = await open_dialog(pilot, "a")
            await pilot.pause()
            start, end = screen.reader.current_sentence
            top, bottom = screen.reader.rows_of(start, end)
            if place is not None:
                assert dialog.has_class(place)
            box = dialog.query_one("#dialog").region
            assert box.height <= main_module.DIALOG_ROWS
            assert bottom < box.y or top >= box.bottom, (keys, top, bottom, box)
            await pilot.press("escape")
            await pilot.pause()


@pilot_test
async def test_ctrl_e_edits_the_note_in_the_editor(tmp_path: Path, monkeypatch) -> None:
    from contextlib import nullcontext

    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "\\n外部编辑器写的" >> "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(app, "suspend", nullcontext)  # a test's terminal cannot step aside
        screen = await started(pilot)
        dialog = await open_dialog(pilot, "a")
        await type_note(pilot, "开头")
        await pilot.press("ctrl+e")
        await pilot.pause()
        from textual.widgets import TextArea

        assert dialog.query_one(TextArea).text == "开头\n外部编辑器写的"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.session.annotations[0].note == "开头\n外部编辑器写的"


@pilot_test
async def test_ctrl_e_without_an_editor_says_so_and_keeps_the_note(
        tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("EDITOR", raising=False)
    monkeypatch.delenv("VISUAL", raising=False)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        dialog = await open_dialog(pilot, "a")
        await type_note(pilot, "留着")
        await pilot.press("ctrl+e")
        await pilot.pause()
        from textual.widgets import TextArea

        assert dialog.query_one(TextArea).text == "留着"
        assert t("ui.no_editor") in [n.message for n in app._notifications]
        monkeypatch.setenv("EDITOR", "false")
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert dialog.query_one(TextArea).text == "留着"
        assert any("false" in n.message for n in app._notifications)


def test_own_tags_are_split_at_pause_marks_commas_and_spaces() -> None:
    from reviewer.tui.dialogs import own_tags

    assert own_tags("口径、待查，再议, 复核;  另") == ("口径", "待查", "再议", "复核", "另")
    assert own_tags("  ") == ()


def test_keep_whole_moves_a_wide_character_off_an_edge_and_keeps_the_width() -> None:
    from rich.segment import Segment
    from textual.strip import Strip

    from reviewer.tui.toasts import keep_whole

    strip = Strip([Segment("▌已添加批注" + " " * 6)])
    width = strip.cell_length
    # edges at 4, 5 and 6: the third character (加, cells 5-6) must move to start at 6
    kept = keep_whole(strip, [4, 5, 6], keep_right=1)
    assert kept.cell_length == width
    text = kept.text
    assert text.replace(" ", "") == "▌已添加批注"
    column = 0
    starts = {}
    for char in text:
        starts.setdefault(char, column)
        column += cell_len(char)
    assert all(not (starts[c] < edge < starts[c] + 2) for c in "已添加批注" for edge in (4, 5, 6))


@pilot_test
async def test_a_notice_over_the_panes_shows_every_character(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    message = "已撤销：对标记的决定，一条足够长的消息会换行但每个字都在，不在窗格交界处丢字"
    for size in ((80, 24), (120, 40)):
        async with app.run_test(size=size, notifications=True) as pilot:
            await started(pilot)
            app.notify(message, timeout=30)
            await pilot.pause(0.3)
            toast = pilot.app.screen.query_one("Toast")
            region = toast.region
            rows = pilot.app.screen._compositor.render_strips()[region.y:region.bottom]
            shown = "".join(
                row.crop(region.x, region.right).text for row in rows).replace(" ", "")
            assert message.replace(" ", "") in shown.replace("▌", ""), (size, shown)
        app = make_app(tmp_path)


@pilot_test
async def test_the_palette_speaks_chinese_in_the_chinese_interface(tmp_path: Path) -> None:
    from textual.command import CommandInput, CommandList

    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        commands = list(app.get_system_commands(screen))
        titles = [c.title for c in commands]
        assert {"Theme", "Quit", "Keys", "Screenshot"}.isdisjoint(titles)
        assert t("ui.system.theme") in titles and t("ui.system.screenshot") in titles
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in c.title + c.help) for c in commands)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == t("ui.palette_placeholder")
        await type_note(pilot, "截图")
        listed = app.screen.query_one(CommandList)
        for _ in range(50):
            if listed.option_count:
                break
            await pilot.pause(0.05)
        assert t("ui.system.screenshot") in str(listed.get_option_at_index(0).prompt)


@pilot_test
async def test_without_a_name_the_reviewer_is_asked_once_and_it_is_remembered(
        tmp_path: Path) -> None:
    import tomllib

    from reviewer.tui.dialogs import PromptDialog
    from reviewer.tui.screens.main import MainScreen

    config = tmp_path / "config.toml"
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review, reviewer="", ask_name=True, config_path=config)
    app.session._reviewer = ""  # as the command line opens it when no name is known
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("enter")  # an empty name is no name: asked again
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await type_note(pilot, "Wang")
        await pilot.press("enter")
        screen = await started(pilot)
        assert isinstance(screen, MainScreen) and screen.session.reviewer == "Wang"
        await pilot.press("a", *"记", "enter")
        await pilot.pause()
        assert screen.save_now()
    assert tomllib.loads(config.read_text(encoding="utf-8"))["reviewer"] == "Wang"
    assert saved(review)["reviewer"] == "Wang"


@pilot_test
async def test_escape_on_the_name_goes_on_unsigned_never_with_the_login_name(
        tmp_path: Path) -> None:
    import getpass

    from reviewer.tui.dialogs import PromptDialog

    config = tmp_path / "config.toml"
    app = make_app(tmp_path, reviewer="", ask_name=True, config_path=config)
    app.session._reviewer = ""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("escape")
        screen = await started(pilot)
        assert screen.session.reviewer == ""
        assert screen.session.reviewer != getpass.getuser()
        assert t("ui.name_skipped") in [n.message for n in app._notifications]
    assert not config.exists()


def test_the_command_line_asks_only_when_no_name_is_known(tmp_path: Path, monkeypatch) -> None:
    from reviewer.commands import app as command
    from reviewer.tui.app import ReviewerApp

    seen = []
    monkeypatch.setattr(ReviewerApp, "run", lambda self: seen.append(self.settings))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    report = str(Path(__file__).resolve().parent.parent / "seeds" / "guanba-2025.txt")
    review = str(tmp_path / "r.toml")
    parser = command.make_parser()
    assert command.run(parser.parse_args([report, "--review", review])) == 0
    assert seen[-1].ask_name and seen[-1].reviewer == ""
    assert command.run(parser.parse_args([report, "--review", review, "--reviewer", "李"])) == 0
    assert not seen[-1].ask_name and seen[-1].reviewer == "李"
    assert command.run(parser.parse_args([report, "--review", review])) == 0  # remembered
    assert not seen[-1].ask_name and seen[-1].reviewer == "李"


@pilot_test
async def test_a_notification_lies_over_the_side_pane_with_no_edge_under_its_text(
        tmp_path: Path) -> None:
    """Textual cuts a notification's lines at every edge of the panes below it: over the four
    edges where the reader meets the side pane, its text had a gap four cells wide. The
    notification is as wide as the side pane, so no edge lies under its text."""
    from textual.widgets._toast import Toast

    for size in ((80, 24), (120, 40)):
        app = make_app(tmp_path)
        async with app.run_test(size=size, notifications=True) as pilot:
            await started(pilot)
            app.notify("还没有任何修改，不需要保存：这条消息要完整地显示出来")
            await pilot.pause()
            await pilot.pause()
            toast = app.screen.query(Toast).last()
            text = toast.content_region
            cuts = app.screen._compositor.cuts
            for y in range(text.y, text.bottom):
                assert not [c for c in cuts[y] if text.x < c < text.right], (size, y, cuts[y])
