"""Pilot tests of the side panel: every tab and every field of the review form by keyboard, the
score lists, the flag list's filter and decisions by rule, and the notes list."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.cells import cell_len
from test_app import make_app, saved, started, type_note
from textual.widgets import Select, TabbedContent, TextArea
from textual.widgets._select import SelectOverlay

from conftest import pilot_test
from reviewer.i18n import t
from reviewer.review import load_vocabulary
from reviewer.tui import actions
from reviewer.tui.dialogs import PromptDialog
from reviewer.tui.keyhints import KeyHints
from reviewer.tui.panels import SELECT_CHROME, FlagList, NoteList, ReviewPanel
from reviewer.tui.screens.choose import ChooseDialog
from reviewer.tui.screens.main import MainScreen

# the widgets that take keys on the main screen, besides the screen itself
INSIDE_MAIN = ("reader", "outline", "side", "side-list", "flag-list")


def test_no_key_of_the_main_screen_is_taken_by_a_pane_inside_it() -> None:
    """A pane's binding wins over the screen's while the pane has focus: a key bound by both
    would do two things (as ] and [ once did: next report, and next tab in the side panel)."""
    def keys(owner: str) -> dict[str, str]:
        return {k.strip(): s.id for s in actions.ACTIONS if owner in s.owner.split()
                for k in s.key.split(",")}

    main = keys("main")
    for owner in INSIDE_MAIN:
        both = set(main) & set(keys(owner))
        assert not both, {k: (main[k], keys(owner)[k]) for k in both}


def side_tab(screen: MainScreen) -> str:
    return screen.query_one(TabbedContent).active


@pilot_test
async def test_a_key_for_each_tab_shows_it_and_focuses_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        assert "筛选" not in screen.query_one(KeyHints).render_line(0).text  # in the reader
        await pilot.press("f3")  # the side panel hidden: the tab's key shows it again
        assert not screen.show_side
        await pilot.press("2")
        await pilot.pause()
        assert screen.show_side and side_tab(screen) == "notes"
        assert isinstance(screen.focused, NoteList)
        await pilot.press("3")
        await pilot.pause()
        assert side_tab(screen) == "review"
        assert screen.focused.id == "score-0"
        await pilot.press("1")
        await pilot.pause()
        assert side_tab(screen) == "flags" and isinstance(screen.focused, FlagList)
        hints = screen.query_one(KeyHints)
        assert hints.render_line(0).text.startswith("f 筛选 ")  # the filter's key, shown here
        # ] and [ are the next and previous report, in the side panel as everywhere
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert side_tab(screen) == "flags"
        assert any(n.message == t("ui.no_list") for n in app._notifications)
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        assert side_tab(screen) == "notes" and isinstance(screen.focused, NoteList)
        await pilot.press("ctrl+pageup", "ctrl+pageup")
        await pilot.pause()
        assert side_tab(screen) == "review"


def visible_in(panel: ReviewPanel, widget) -> bool:
    region, shown = widget.region, panel.content_region
    return region.height > 0 and shown.y <= region.y and region.bottom <= shown.bottom


@pilot_test
async def test_tab_walks_every_field_of_the_review_form_at_80x24_and_shift_tab_back(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        await pilot.press("3")
        await pilot.pause()
        panel = screen.query_one(ReviewPanel)
        fields = [f"score-{n}" for n in range(len(load_vocabulary().criteria))]
        fields += ["verdict", "summary"]
        assert panel.max_scroll_y > 0, "at 80x24 the form is taller than the pane"
        walked = []
        for _ in fields:
            await pilot.pause()
            walked.append(screen.focused.id)
            assert visible_in(panel, screen.focused), screen.focused.id
            await pilot.press("tab")
        assert walked == fields
        await pilot.pause()
        assert screen.focused is screen.reader  # narrow: the reader and the side panel only
        back = []
        for _ in fields:
            await pilot.press("shift+tab")
            await pilot.pause()
            back.append(screen.focused.id)
            assert visible_in(panel, screen.focused), screen.focused.id
        assert back == fields[::-1]


@pilot_test
async def test_keys_jump_to_the_scores_the_verdict_and_the_summary(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        panel_of = lambda: screen.query_one(ReviewPanel)  # noqa: E731
        await pilot.press("S")
        await pilot.pause()
        assert side_tab(screen) == "review" and isinstance(screen.focused, TextArea)
        assert visible_in(panel_of(), screen.focused)
        await type_note(pilot, "总体合格")  # S V s type into the summary once there
        await pilot.press("tab")  # out of the form, to the reader
        await pilot.press("V")
        await pilot.pause()
        assert screen.focused.id == "verdict" and visible_in(panel_of(), screen.focused)
        await pilot.press("s")
        await pilot.pause()
        assert screen.focused.id == "score-0" and visible_in(panel_of(), screen.focused)
        assert screen.session.review.summary == "总体合格"


@pilot_test
async def test_a_score_list_opens_whole_with_what_each_score_means(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        vocab = load_vocabulary()
        criterion = vocab.criteria[0]
        await pilot.press("s", "enter")
        await pilot.pause()
        overlay = screen.focused
        assert isinstance(overlay, SelectOverlay)
        assert overlay.option_count == vocab.score_max - vocab.score_min + 2  # and "not scored"
        assert overlay.max_scroll_y == 0, "every option shows"
        assert overlay.region.height > overlay.option_count
        # the key line names the list's own key in the interface's language
        hints = screen.query_one(KeyHints).render_line(0).text
        assert hints.startswith(f"esc {t('ui.footer.form.close_list')} ")
        prompts = ["".join(str(overlay.get_option_at_index(i).prompt).split())
                   for i in range(1, overlay.option_count)]
        for score, prompt in zip(range(vocab.score_min, vocab.score_max + 1), prompts,
                                 strict=True):
            assert prompt == f"{score}{criterion.meaning(score, vocab.score_min)}"
        await pilot.press("down", "down", "down", "down", "enter")  # 4
        await pilot.pause()
        assert screen.session.review.scores == {criterion.name: 4}
        select = screen.query_one("#score-0", Select)
        assert select.value == 4 and screen.focused is select
        await pilot.press("u")  # undo, with the form showing it
        await pilot.pause()
        assert screen.session.review.scores == {} and select.value == Select.NULL


@pilot_test
async def test_a_score_list_keeps_its_place_when_the_form_is_resized_while_it_is_open(
        tmp_path: Path) -> None:
    """The options are wrapped anew at each width, but not under an open list's cursor: the
    keys pressed in it before the resize still count (the form's first resize can come after
    the list has opened, on a busy machine)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        criterion = load_vocabulary().criteria[0]
        await pilot.press("s", "enter", "down", "down")
        await pilot.pause()
        select = screen.query_one("#score-0", Select)
        overlay = screen.focused
        assert isinstance(overlay, SelectOverlay) and overlay.highlighted == 2
        width = select.size.width
        await pilot.resize_terminal(120, 24)  # wide: a wider side panel
        await pilot.pause()
        assert select.size.width != width and select.expanded
        assert overlay.highlighted == 2
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.session.review.scores == {criterion.name: 3}
        # closed, the list is wrapped at its new width
        lines = [str(overlay.get_option_at_index(i).prompt).split("\n")
                 for i in range(1, overlay.option_count)]
        assert max(cell_len(line) for option in lines for line in option) \
            <= select.size.width - SELECT_CHROME


def the_rule_with_most_flags(screen: MainScreen) -> tuple[str, int]:
    return Counter(f.rule for f in screen.session.flags).most_common(1)[0]


async def choose(pilot, text: str) -> None:
    """Choose the option of the open choice dialog whose text holds ``text``."""
    dialog = pilot.app.screen
    assert isinstance(dialog, ChooseDialog)
    index = next(n for n, (_, shown) in enumerate(dialog.options) if text in shown)
    await pilot.press("home")  # from the first (the dialog starts on the first one marked)
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


@pilot_test
async def test_the_flag_list_filtered_by_rule_and_severity_and_cleared(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        rule, count = the_rule_with_most_flags(screen)
        total = len(screen.session.flags)
        await pilot.press("1", "f")
        await pilot.pause()
        await choose(pilot, f"{rule}（{count}）")
        flags = screen.query_one(FlagList)
        assert app.screen is screen and screen.focused is flags
        assert [f.rule for f in flags.shown] == [rule] * count
        assert flags.option_count == count
        line = screen.query_one("#flag-filter")
        assert line.display and f"{rule}（{count}/{total}" in line.content.plain
        # a severity none of them has leaves nothing shown
        severities = Counter(f.severity for f in screen.session.flags)
        other = next(s for s in severities if s != flags.shown[0].severity)
        await pilot.press("f")
        await pilot.pause()
        # each value counts the flags it would show beside the filters of the other fields
        shown = [label for _, label in app.screen.options]
        assert t("ui.filter_choice", field=t("ui.filter_severity"),
                 value=t(f"flags.severity_{other}"), count=0) in shown
        mine = flags.shown[0].severity
        assert t("ui.filter_choice", field=t("ui.filter_severity"),
                 value=t(f"flags.severity_{mine}"),
                 count=sum(f.severity == mine for f in flags.shown)) in shown
        await choose(pilot, t(f"flags.severity_{other}"))
        assert flags.shown == [] and f"（0/{total}" in line.content.plain
        await pilot.press("enter")  # nothing to choose: nothing happens
        await pilot.press("F")
        await pilot.pause()
        assert len(flags.shown) == total and not line.display
        # chosen again, a value no longer filters
        await pilot.press("f")
        await pilot.pause()
        await choose(pilot, f"{rule}（{count}）")
        await pilot.press("f")
        await pilot.pause()
        await choose(pilot, f"{rule}（{count}）")
        assert len(flags.shown) == total and not line.display
        # Enter on a shown flag of a filtered list goes to that flag
        await pilot.press("f")
        await pilot.pause()
        await choose(pilot, f"{rule}（{count}）")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen._flag_here() is flags.shown[1]


@pilot_test
async def test_every_flag_of_a_rule_decided_at_once_and_undone_at_once(tmp_path: Path) -> None:
    review = tmp_path / "review.toml"
    app = make_app(tmp_path, review=review)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        rule, count = the_rule_with_most_flags(screen)
        flags = screen.query_one(FlagList)
        await pilot.press("1")
        await pilot.pause()
        first = next(i for i, f in enumerate(flags.shown) if f.rule == rule)
        flags.highlighted = first
        await pilot.press("X")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, PromptDialog)
        assert prompt.title_text == t("ui.decide_rule_dismissed", count=count, rule=rule)
        await pilot.press("escape")  # not sure after all: nothing decided
        await pilot.pause()
        assert screen.session.review.flags == []
        await pilot.press("X")
        await pilot.pause()
        await type_note(pilot, "模板用语")
        await pilot.press("enter")
        await pilot.pause()
        of_rule = [f for f in screen.session.flags if f.rule == rule]
        assert [screen.session.decision(f) for f in of_rule] == ["dismissed"] * count
        others = [f for f in screen.session.flags if f.rule != rule]
        assert all(screen.session.decision(f) is None for f in others)
        await pilot.press("ctrl+s")
        decisions = saved(review)["flag"]
        assert len(decisions) == count and {d["note"] for d in decisions} == {"模板用语"}
        # the list marks them; the reader no longer highlights them
        shown = {str(flags.get_option_at_index(i).prompt) for i, f in enumerate(flags.shown)
                 if f.rule == rule}
        assert all("✗" in text for text in shown)
        # all decided so already: said so, nothing asked
        await pilot.press("X")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("u")
        await pilot.pause()
        assert all(screen.session.decision(f) is None for f in of_rule)
        assert any(n.message == t("ui.undone_decided_rule", count=count)
                   for n in app._notifications)
        await pilot.press("u")
        await pilot.pause()
        assert any(n.message == t("ui.nothing_to_undo") for n in app._notifications)


@pilot_test
async def test_a_flag_of_the_rule_decided_before_keeps_its_reason(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        rule, count = the_rule_with_most_flags(screen)
        flags = screen.query_one(FlagList)
        await pilot.press("1")
        await pilot.pause()
        flags.highlighted = next(i for i, f in enumerate(flags.shown) if f.rule == rule)
        one = flags.shown[flags.highlighted]
        await pilot.press("enter", "shift+tab")  # the reader on that flag, and the focus
        await pilot.pause()
        assert screen.focused is screen.reader and screen._flag_here() is one
        await pilot.press("c")
        await pilot.pause()
        await type_note(pilot, "单独确认")
        await pilot.press("enter", "1", "C")
        await pilot.pause()
        assert app.screen.title_text == t("ui.decide_rule_confirmed", count=count - 1,
                                          rule=rule)
        await pilot.press("enter")
        await pilot.pause()
        assert all(screen.session.decision(f) == "confirmed" for f in screen.session.flags
                   if f.rule == rule)
        assert screen.session.review.flag_decision_for(one).note == "单独确认"
        await pilot.press("u")  # the batch, not the one decided by itself
        await pilot.pause()
        assert [f for f in screen.session.flags if screen.session.decision(f)] == [one]


@pilot_test
async def test_the_notes_list_shows_tags_and_severity_and_enter_goes_to_the_note(
        tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("G", "K", "K", "a")
        await type_note(pilot, "末尾")
        await pilot.press("enter", "g")
        await pilot.pause()
        note = screen.session.annotations[0]
        await pilot.press("2")
        await pilot.pause()
        notes = screen.query_one(NoteList)
        shown = str(notes.get_option_at_index(0).prompt)
        first_line = shown.split("\n")[0]
        assert note.tag in first_line and t(f"review.severity.{note.severity}") in first_line
        assert "末尾" in shown
        assert screen.reader.current_sentence != (note.anchor.start, note.anchor.end)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.reader.current_sentence == (note.anchor.start, note.anchor.end)
        assert screen._note_here() == note


@pilot_test
async def test_the_flag_list_is_drawn_wrapped_for_its_width_before_its_resize_is_handled(
        tmp_path: Path) -> None:
    """Filled while it has no width (as when the flags arrive before the list is laid out), the
    list is drawn wrapped by the reader's rules at the width it is drawn at, even if the frame
    comes before the list has handled its resize (on a loaded machine, or under a dialog, whose
    pilot waits only for the dialog's own messages)."""
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        flags = screen.query_one(FlagList)
        settled = [str(o.prompt) for o in flags.options]
        assert any("\n" in prompt for prompt in settled)  # some messages take several lines
        side = screen.query_one("#side")
        side.display = False
        await pilot.pause()
        flags.refresh_items()  # no width: the messages are not wrapped
        side.display = True
        screen._refresh_layout()  # laid out again, the list's resize not handled yet
        app.export_screenshot()  # a frame drawn now
        assert [str(o.prompt) for o in flags.options] == settled
        await pilot.pause()
        assert [str(o.prompt) for o in flags.options] == settled
