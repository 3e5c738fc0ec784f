"""Pilot tests of the review app: every flow a reviewer uses, on the bundled seed reports."""

from __future__ import annotations

import asyncio
import os
import signal
import tomllib
from pathlib import Path

from textual.command import CommandList
from textual.widgets import DataTable, Select, TabbedContent, TextArea
from textual.widgets.data_table import RowKey

from conftest import pilot_test, seed_path
from reviewer.review import ReviewStore
from reviewer.tui import actions
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings, load_config
from reviewer.tui.dialogs import AnnotationDialog, PromptDialog
from reviewer.tui.panels import FlagList, NoteList, OutlinePanel, ReviewPanel
from reviewer.tui.reader import ReportView
from reviewer.tui.screens.help import HelpScreen
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import DEFAULT_THEME, bundled_themes_dir

SEED = "hutiaoxia-2025"




def make_app(tmp_path: Path, seed: str = SEED, *, review: Path | None = None,
             prior: str | None = None, **settings) -> ReviewerApp:
    review = review or tmp_path / "review.toml"
    session = Session.open(seed_path(seed), review_path=str(review), reviewer="测试员",
                           prior_path=prior)
    defaults = dict(reviewer="测试员", theme_dirs=[bundled_themes_dir()],
                    config_path=tmp_path / "config.toml")
    return ReviewerApp(Settings(**{**defaults, **settings}), session=session)


async def started(pilot) -> MainScreen:
    """Wait until the main screen shows and the flags are computed."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    assert screen.session.flags_ready
    return screen


def saved(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


async def type_note(pilot, text: str) -> None:
    """Type into the focused field as a terminal would (one key per character)."""
    for char in text:
        await pilot.press(char)


@pilot_test
async def test_outline_enter_moves_the_reader_to_the_section(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        doc = screen.session.doc
        target = doc.sections[1]  # 二、存在的不足和原因分析
        tree = screen.query_one(OutlinePanel)
        tree.focus()
        await pilot.pause()
        # Walk down the visible tree until the cursor reaches that section, then press Enter.
        for _ in range(60):
            if tree.cursor_node is not None and tree.cursor_node.data is target:
                break
            await pilot.press("down")
        assert tree.cursor_node.data is target
        await pilot.press("enter")
        await pilot.pause()
        start, end = screen.reader.current_sentence
        assert start <= target.heading.start < end
        assert doc.text[target.heading.start:].startswith(target.heading.numbering)


@pilot_test
async def test_outline_shows_a_part_of_unknown_kind_as_a_question_mark(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "各位代表：\n一、2024年工作回顾\n全年地区生产总值增长5.2%，同比提高1个百分点，累计新增企业"
        "1200家，建成学校8所，荣获先进称号。\n二、关于若干事项\n有关情况另行报告。\n"
        "三、2025年目标任务和重点工作\n今年的主要预期目标是：地区生产总值增长5%左右。\n"
        "（一）推动产业升级\n要着力推动产业升级，力争新增企业1500家。\n"
        "（二）办好民生实事\n要确保完成民生实事，将全力抓好落实。\n", encoding="utf-8")
    session = Session.open(str(report), review_path=str(tmp_path / "review.toml"),
                           reviewer="测试员")
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()],
                               config_path=tmp_path / "config.toml"), session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        tree = screen.query_one(OutlinePanel)
        labels = [str(node.label) for node in tree.root.children]
        assert labels[1].startswith("二、关于若干事项") and labels[1].endswith(" ?")
        assert labels[2].endswith(" 目标+计划")


@pilot_test
async def test_annotate_current_sentence_is_saved_with_its_quote(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "J")
        sentence = screen.reader.current_sentence
        await pilot.press("a")
        assert isinstance(app.screen, AnnotationDialog)
        await type_note(pilot, "数据没有来源")
        await pilot.press("ctrl+j")
        await type_note(pilot, "请补充")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        notes = screen.session.annotations
        assert len(notes) == 1
        assert (notes[0].anchor.start, notes[0].anchor.end) == sentence
        assert notes[0].note == "数据没有来源\n请补充"
        assert screen.save_now()
    data = saved(review)
    quote = screen.session.doc.text[sentence[0]:sentence[1]]
    assert data["annotation"][0]["note"] == "数据没有来源\n请补充"
    assert data["annotation"][0]["anchor"]["quote"] == quote


@pilot_test
async def test_annotate_a_selection_by_sentence_and_character(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "J", "J")
        first = screen.reader.current_sentence
        await pilot.press("v", "J", "l", "l", "v")
        selection = screen.reader.selection
        assert selection is not None
        assert selection[0] == first[0] and selection[1] > first[1]
        await pilot.press("a")
        await type_note(pilot, "两句合看")
        await pilot.press("tab", "tab")  # note → tag list → own tag: type one
        await type_note(pilot, "自定")
        await pilot.press("enter")
        await pilot.pause()
        note = screen.session.annotations[0]
        assert (note.anchor.start, note.anchor.end) == selection
        assert note.tags == ("数据存疑", "自定") and note.note == "两句合看"  # added, not instead
        assert screen.reader.selection is None


@pilot_test
async def test_escape_cancels_the_annotation(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("a")
        await type_note(pilot, "不要")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert screen.session.annotations == []
        assert not screen.session.dirty


@pilot_test
async def test_edit_delete_and_undo(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "初稿")
        await pilot.press("enter", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AnnotationDialog)
        assert dialog.result().note == "初稿"
        await pilot.press("end")
        await type_note(pilot, "改")
        await pilot.press("enter")
        await pilot.pause()
        (note,) = screen.session.annotations
        assert note.note == "初稿改"
        await pilot.press("d")
        assert screen.session.annotations == []
        await pilot.press("u")
        assert [n.id for n in screen.session.annotations] == [note.id]
        await pilot.press("u")
        assert screen.session.annotations[0].note == "初稿"
        await pilot.press("u")
        assert screen.session.annotations == []
        await pilot.press("d")  # nothing under the cursor any more: a warning, no change
        assert screen.session.annotations == []


@pilot_test
async def test_next_flag_then_confirm_and_dismiss(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        flags = screen.session.flags  # the engine's order of importance: the flag list's
        assert len(flags) >= 3
        # n/N walk the text
        by_position = sorted(flags, key=lambda f: (f.start, f.end, f.rule))
        await pilot.press("n")
        first = screen._flag_here()
        start, end = screen.reader.current_sentence
        assert first is by_position[0] and start <= first.start < max(end, start + 1)
        await pilot.press("c")
        assert isinstance(app.screen, PromptDialog)
        await type_note(pilot, "属实")
        await pilot.press("enter")
        await pilot.press("n")
        second = screen._flag_here()
        assert second is by_position[1]
        await pilot.press("x", "enter")
        await pilot.pause()
        assert screen.session.decision(first) == "confirmed"
        assert screen.session.decision(second) == "dismissed"
        await pilot.press("N")
        assert screen._flag_here() is first
        # The flag list shows the decisions, the reader no longer marks the dismissed flag.
        shown = [str(o.prompt) for o in screen.query_one(FlagList).options]
        mark = shown[flags.index(first)]
        assert mark.startswith("●✓") or mark.startswith("○✓")
        assert "✗" in shown[flags.index(second)][:2]
        kinds = {(h.start, h.end) for h in screen.reader.highlights("flags")}
        assert (first.start, max(first.end, first.start + 1)) in kinds
        assert (second.start, max(second.end, second.start + 1)) not in kinds
        await pilot.press("u")
        assert screen.session.decision(second) is None
        assert screen.save_now()
    decisions = {d["rule"]: d for d in saved(review)["flag"]}
    assert decisions[first.rule]["decision"] == "confirmed"
    assert decisions[first.rule]["note"] == "属实"


@pilot_test
async def test_search_finds_and_steps_through_hits(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        text = screen.session.doc.text
        await pilot.press("slash")
        await type_note(pilot, "法治")
        await pilot.pause()
        expected = text.count("法治")
        assert screen.reader.search_position == (1, expected)  # found while typing
        hits = [i for i in range(len(text)) if text.startswith("法治", i)]
        start, end = screen.reader.current_sentence
        assert start <= hits[0] < end
        await pilot.press("enter")  # Enter closes the line, the hits stay
        assert screen.focused is screen.reader
        assert not screen.query_one("#search-line").display
        await pilot.press("n")  # n steps through the hits now, not the flags
        assert screen.reader.search_position == (2, expected)
        await pilot.press("ctrl+n", "ctrl+n")
        assert screen.reader.search_position == (4, expected)
        await pilot.press("ctrl+r")
        assert screen.reader.search_position == (3, expected)


@pilot_test
async def test_switching_theme_is_remembered(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        assert app.theme == DEFAULT_THEME
        await pilot.press("f4")
        await pilot.pause()
        chosen = app.theme
        assert chosen != DEFAULT_THEME and chosen in app.file_themes
    config, problems = load_config(tmp_path / "config.toml")
    assert problems == [] and config.theme == chosen
    again = make_app(tmp_path, theme=config.theme)
    async with again.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        assert again.theme == chosen


@pilot_test
async def test_broken_user_theme_gives_a_notice_and_the_default(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    user.mkdir()
    (user / "broken.toml").write_text('name = "broken"\nprimary = "#12"\n', encoding="utf-8")
    app = make_app(tmp_path, theme="broken", theme_dirs=[bundled_themes_dir(), user])
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        assert app.theme == DEFAULT_THEME
        messages = [n.message for n in app._notifications]
        assert any("broken.toml" in m for m in messages)
        assert any("broken" in m and "broken.toml" not in m for m in messages)


@pilot_test
async def test_reopen_finds_everything_where_it_was(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "J", "a")
        await type_note(pilot, "第一条")
        await pilot.press("enter", "n", "c", "enter")
        noted = screen.session.annotations[0]
        decided = screen._flag_here()
        screen.session.set_score("结构完整", 4)
        screen.session.set_verdict("good")
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    again = make_app(tmp_path, review=review)
    async with again.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        (note,) = screen.session.annotations
        assert (note.id, note.note, note.anchor.start, note.anchor.end) == \
            (noted.id, "第一条", noted.anchor.start, noted.anchor.end)
        assert screen.session.decision(decided) == "confirmed"
        assert screen.session.review.scores == {"结构完整": 4}
        assert screen.session.review.verdict == "good"
        notes = [str(o.prompt) for o in screen.query_one(NoteList).options]
        assert "第一条" in notes[0]
        assert {(h.start, h.end) for h in screen.reader.highlights("notes")} == \
            {(note.anchor.start, note.anchor.end)}


@pilot_test
async def test_resizing_loses_nothing_and_narrow_shows_one_panel(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        outline, side = screen.query_one("#outline"), screen.query_one("#side")
        assert outline.display and side.display
        await pilot.press("J", "a")
        await type_note(pilot, "缩放")
        await pilot.press("enter")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert side.display and not outline.display
        await pilot.press("f2")
        assert outline.display and not side.display
        await pilot.press("f3")
        assert side.display and not outline.display
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert outline.display and side.display
        assert [n.note for n in screen.session.annotations] == ["缩放"]


@pilot_test
async def test_tab_cycles_the_visible_panes(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        assert screen.focused is screen.reader
        await pilot.press("tab")
        assert isinstance(screen.focused, FlagList)
        await pilot.press("tab")
        assert isinstance(screen.focused, OutlinePanel)
        await pilot.press("tab")
        assert screen.focused is screen.reader


@pilot_test
async def test_failed_save_warns_keeps_the_review_and_retries(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    review = blocker / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "别丢")
        await pilot.press("enter")
        assert not screen.save_now()
        assert screen.session.save_error
        await pilot.pause()
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors and errors[-1].timeout >= 3600
        await pilot.press("q")  # unsaved: the first q only warns
        assert app.is_running and isinstance(app.screen, MainScreen)
        blocker.unlink()
        blocker.mkdir()
        await pilot.press("J", "a")
        await type_note(pilot, "第二条")
        await pilot.press("enter")
        assert screen.save_now() and screen.session.save_error is None
    assert [a["note"] for a in saved(review)["annotation"]] == ["别丢", "第二条"]


@pilot_test
async def test_unreadable_review_file_is_never_overwritten(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    broken = "schema = 1\n[[annotation]\nnote = 'half written\n"
    review.write_text(broken, encoding="utf-8")
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        assert any(str(review) in n.message for n in app._notifications)
        await pilot.press("J", "a")
        await type_note(pilot, "另存")
        await pilot.press("enter")
        screen.save_now()
    assert review.read_text(encoding="utf-8") == broken
    beside = [p for p in tmp_path.iterdir() if p.name != review.name and p.suffix == ".toml"
              and "另存" in p.read_text(encoding="utf-8")]
    assert beside, "the review was saved beside the broken file"


@pilot_test
async def test_changes_are_autosaved_shortly_after_the_last_one(tmp_path: Path,
                                                                monkeypatch) -> None:
    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 0.1)
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "自动")
        await pilot.press("enter")
        for _ in range(40):
            if not screen.session.dirty:
                break
            await pilot.pause(0.05)
        assert not screen.session.dirty
        assert [a["note"] for a in saved(review)["annotation"]] == ["自动"]


@pilot_test
async def test_choosing_a_flag_or_note_in_the_side_panel_moves_the_reader(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("G", "K", "K", "a")
        await type_note(pilot, "末尾")
        await pilot.press("enter", "g")
        note = screen.session.annotations[0]
        flags = screen.query_one(FlagList)
        flags.focus()
        flags.highlighted = 5
        await pilot.press("enter")
        target = screen.session.flags[5]
        start, end = screen.reader.current_sentence
        assert start <= target.start < max(end, start + 1)
        assert screen._flag_here() is target
        side = screen.query_one(TabbedContent)
        side.active = "notes"
        await pilot.pause()
        notes = screen.query_one(NoteList)
        notes.focus()
        notes.highlighted = 0
        await pilot.press("enter")
        assert screen.reader.current_sentence == (note.anchor.start, note.anchor.end)


@pilot_test
async def test_review_tab_scores_verdict_and_summary(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        screen.query_one(TabbedContent).active = "review"
        await pilot.pause()
        panel = screen.query_one(ReviewPanel)
        first = panel.query(".score").first(Select)
        first.value = 3
        panel.query_one("#verdict", Select).value = "pass"
        summary = panel.query_one("#summary", TextArea)
        summary.focus()
        await type_note(pilot, "总体合格")
        await pilot.pause()
        criterion = first.name
        assert screen.session.review.scores == {criterion: 3}
        assert screen.session.review.verdict == "pass"
        assert screen.session.review.summary == "总体合格"
        await pilot.press("ctrl+s")
        data = saved(review)
        assert data["verdict"] == "pass" and data["summary"] == "总体合格"
        first.value = Select.NULL
        await pilot.pause()
        assert screen.session.review.scores == {}


def test_english_interface(tmp_path: Path) -> None:
    """The language is chosen before the interface is imported (as the command line does)."""
    out = in_fresh_process(tmp_path, "from reviewer.i18n import set_language\n"
                                     "set_language('en')\n",
                           "print(app.export_screenshot())")
    assert "Flags" in out and "Notes" in out and "no&#160;changes" in out and "quit" in out
    assert "标记" not in out and "退出" not in out


@pilot_test
async def test_hangup_saves_then_exits(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("reviewer.tui.saving.AUTOSAVE_DELAY", 3600)  # only the hangup
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("J", "a")
        await type_note(pilot, "断线")
        await pilot.press("enter")
        assert screen.session.dirty
        # Only send the signal with the app's handler in place (the default would end pytest).
        assert signal.getsignal(signal.SIGHUP) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(40):
            if not app.is_running:
                break
            await asyncio.sleep(0.05)
        assert not app.is_running
        assert not screen.session.dirty
    assert [a["note"] for a in saved(review)["annotation"]] == ["断线"]


@pilot_test
async def test_help_lists_every_key_of_the_screen_with_its_id(tmp_path: Path) -> None:
    app = make_app(tmp_path, keys={"main.annotate": "m"})
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await pilot.press("f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        ids = [e.id for e in help_screen.entries]
        here = ("main", "reader", "outline", "side", "form", "search", "app")
        assert sorted(ids) == sorted(a.id for a in actions.ACTIONS
                                     if a.id.partition(".")[0] in here)
        assert {b.id for b in ReportView.BINDINGS} <= set(ids)
        table = help_screen.query_one(DataTable)
        shown = {str(table.get_row(i)[1]) for i in ids}
        assert shown == set(ids)  # the id column: what [keys] in config.toml remaps
        keys = {e.id: e.keys for e in help_screen.entries}
        assert keys["main.annotate"] == "m"
        assert keys["main.help"] == "?, f1"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(app.screen, MainScreen)


@pilot_test
async def test_help_at_80_columns_shows_every_action_whole(tmp_path: Path) -> None:
    """Beside the keys and their ids an action that does not fit wraps in its row, by the
    reader's rules, instead of running off the dialog's edge; at 120 columns it is one line."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        await pilot.press("f1")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.max_scroll_x == 0, "nothing runs off to the right"
        labels = {e.id: e.label for e in app.screen.entries}
        shown = {i: str(table.get_row(i)[2]) for i in labels}
        assert {i: "".join(text.split("\n")) for i, text in shown.items()} == labels
        tall = [i for i, text in shown.items() if "\n" in text]
        assert "main.copy" in tall
        assert all(table.rows[RowKey(i)].height == shown[i].count("\n") + 1 for i in tall)
        assert not any(line[:1] in "，。）" for text in shown.values()
                       for line in text.split("\n")[1:])
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert table.max_scroll_x == 0
        assert all("\n" not in str(table.get_row(i)[2]) for i in labels)


@pilot_test
async def test_remapped_key_runs_the_action(tmp_path: Path) -> None:
    app = make_app(tmp_path, keys={"main.annotate": "m", "reader.sentence_down": "ctrl+d",
                                   "no.such_action": "z"})
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        assert any("no.such_action" in n.message for n in app._notifications)
        before = screen.reader.current_sentence
        await pilot.press("ctrl+d")
        assert screen.reader.current_sentence != before
        await pilot.press("a")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("m")
        assert isinstance(app.screen, AnnotationDialog)


@pilot_test
async def test_side_tabs_are_labelled_with_the_keys_that_open_them(tmp_path: Path) -> None:
    from textual.widgets import Tab

    from reviewer.i18n import t

    app = make_app(tmp_path, keys={"main.tab_notes": "f6"})
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        labels = [str(tab.label) for tab in app.screen.query(Tab)]
        assert labels[:3] == [f"1 {t('ui.tab_flags')}", f"f6 {t('ui.tab_notes')}",
                              f"3 {t('ui.tab_review')}"]
        await pilot.press("f6")
        assert app.screen.query_one("SideTabs").active == "notes"


@pilot_test
async def test_command_palette_offers_and_runs_actions(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_note(pilot, "下一个标记")
        commands = app.screen.query_one(CommandList)
        for _ in range(50):  # the palette searches in the background
            if commands.option_count:
                break
            await pilot.pause(0.05)
        assert "main.next_flag" in str(commands.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        first_in_text = min(screen.session.flags, key=lambda f: (f.start, f.end, f.rule))
        assert screen._flag_here() is first_in_text


@pilot_test
async def test_report_controls_and_markup_show_literally(tmp_path: Path) -> None:
    report = tmp_path / "odd.txt"
    report.write_text("某镇人民政府\n关于2024年法治政府建设情况的报告\n一、主要成效\n"
                      "颜色\x1b[31m红色\x07响铃[bold red]粗体[/]。\n", encoding="utf-8")
    session = Session.open(str(report), review_path=str(tmp_path / "r.toml"), reviewer="测试员")
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()]),
                      session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        await pilot.press("G", "a")
        await pilot.pause()
        shown = app.export_screenshot()
        assert "␛[31m红色␇响铃[bold&#160;red]粗体[/]" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        assert screen.session.doc.text.count("\x1b[31m") == 1


def in_fresh_process(tmp_path: Path, before: str, inside: str) -> str:
    """Start the app on the seed in a new Python process (nothing imported yet), run
    ``before`` first and ``inside`` once the report and its flags are on screen; its output."""
    import subprocess
    import sys

    script = (
        f"{before}"
        "import asyncio, sys\n"
        "from reviewer.tui.app import ReviewerApp\n"
        "from reviewer.tui.config import Settings\n"
        "from reviewer.tui.session import Session\n"
        "from reviewer.tui.themes import bundled_themes_dir\n"
        f"s = Session.open({seed_path(SEED)!r}, review_path={str(tmp_path / 'r.toml')!r})\n"
        "app = ReviewerApp(Settings(theme_dirs=[bundled_themes_dir()]), session=s)\n"
        "async def main():\n"
        "    async with app.run_test(size=(120, 40)) as pilot:\n"
        "        await pilot.pause()\n"
        "        await app.workers.wait_for_complete()\n"
        "        await pilot.pause()\n"
        f"        {inside}\n"
        "asyncio.run(main())\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_jieba_is_not_loaded_on_start_up(tmp_path: Path) -> None:
    out = in_fresh_process(tmp_path, "", "print(len(app.screen.reader.text), "
                           "app.screen.session.flags_ready, 'jieba' in sys.modules)")
    length, ready, jieba_loaded = out.split()
    assert int(length) > 1000 and ready == "True"
    assert jieba_loaded == "False"


@pilot_test
async def test_compare_without_a_prior_report_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("--prior" in n.message for n in app._notifications)


@pilot_test
async def test_compare_opens_on_the_prior_report(tmp_path: Path) -> None:
    from reviewer.tui.screens.compare import CompareScreen

    app = make_app(tmp_path, "baogou-2025", prior=seed_path("yanxi-2024"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        await pilot.press("p")
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.prior.path == seed_path("yanxi-2024")
        assert compare.current is screen.session.doc
        assert compare.session is screen.session


def test_review_store_is_the_one_written(tmp_path: Path) -> None:
    """The session saves through the review layer: what it writes, the store reads back."""
    review = tmp_path / "review.toml"
    session = Session.open(seed_path(SEED), review_path=str(review), reviewer="测试员")
    start, end = session.doc.sentences()[3].start, session.doc.sentences()[3].end
    session.annotate(start, end, tag="亮点", severity="info", note="好")
    assert session.dirty and session.save() is None and not session.dirty
    loaded = ReviewStore(review).load()
    assert [(a.anchor.start, a.anchor.end, a.note) for a in loaded.annotations] == \
        [(start, end, "好")]


@pilot_test
async def test_the_checks_show_their_progress_and_esc_stops_them(tmp_path: Path) -> None:
    from reviewer.flags import RULES, Hit, rule

    @rule("proofreading.test_endless", "proofreading", "info")
    def endless(ctx):
        while True:  # a check that would never finish on its own
            yield Hit(0, 1, "again")

    try:
        app = make_app(tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = app.screen
            for _ in range(200):  # until the rules before the endless one have reported
                await pilot.pause(0.02)
                if screen._checks_progress is not None:
                    break
            done, total = screen._checks_progress
            assert 0 < done < total == len(RULES)
            status = str(screen.query_one("#status").render())
            assert f"{done}/{total}" in status and "Esc" in status
            await pilot.press("j")  # the reader moves while the checks run
            assert screen.reader.cursor > 0
            await pilot.press("escape")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert screen._checks_cancelled and not screen.session.flags_ready
            assert "检查已停止" in [n.message for n in app._notifications]
            assert "正在检查" not in str(screen.query_one("#status").render())
            # the flags panel says so too, not that the checks still run
            flag_list = screen.query_one("#flag-list")
            assert flag_list.option_count == 1
            assert "检查已停止" in str(flag_list.get_option_at_index(0).prompt)
            await pilot.press("n")
            await pilot.pause()
            assert any("检查已停止" in n.message and "没有标记" in n.message
                       for n in app._notifications)
    finally:
        del RULES["proofreading.test_endless"]


@pilot_test
async def test_a_long_report_opens_with_a_notice_that_it_is_checked_in_the_background(
        tmp_path: Path, monkeypatch) -> None:
    import reviewer.tui.screens.main as main_screen

    size = Path(seed_path(SEED)).stat().st_size
    monkeypatch.setattr(main_screen, "LARGE_REPORT", size - 1)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        assert any("后台" in n.message and "Esc" in n.message for n in app._notifications)
    monkeypatch.setattr(main_screen, "LARGE_REPORT", size)
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        assert not any("后台" in n.message for n in app._notifications)


@pilot_test
async def test_an_outline_of_thousands_of_parts_opens_at_its_top_level(tmp_path: Path,
                                                                         monkeypatch) -> None:
    """A folder of reports merged into one has tens of thousands of parts: laid out whole the
    outline costs seconds and reads as a wall, so beyond a bound it opens with only its top
    level showing (each part opens with → or Enter as ever); a report of ordinary size opens
    whole. Every label still carries its counts."""
    import reviewer.tui.panels as panels

    for most, opened in ((2000, True), (2, False)):
        monkeypatch.setattr(panels, "OUTLINE_OPEN_MOST", most)
        app = make_app(tmp_path)
        async with app.run_test(size=(120, 40)) as pilot:
            screen = await started(pilot)
            tree = screen.query_one(OutlinePanel)
            parents = [n for n in tree.root.children if n.allow_expand]
            assert parents and all(n.is_expanded == opened for n in parents)
            flagged = [n for n in tree.root.children if "⚑" in str(n.label)]
            assert flagged, "the counts are in the labels whichever way it opens"
