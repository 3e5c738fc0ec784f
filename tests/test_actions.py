"""The action registry: every key of every screen, pane and dialog, remappable by id."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from test_app import make_app, pilot_test, started, type_note
from test_app_picker import folder, picker_app, scanned  # noqa: F401 - the folder fixture

from reviewer.tui import actions
from reviewer.tui.app import ReviewerApp
from reviewer.tui.dialogs import (
    AnnotationDialog,
    Choices,
    NoteArea,
    PromptDialog,
    PromptInput,
    TagInput,
)
from reviewer.tui.panels import FlagList, FormList, NoteList, OutlinePanel, SidePanel
from reviewer.tui.reader import ReportView
from reviewer.tui.screens.choose import ChoiceList, ChooseDialog
from reviewer.tui.screens.compare import CompareScreen, PlanList
from reviewer.tui.screens.help import HelpScreen, KeyTable
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.screens.picker import FindBar, PickerScreen, ReportTable
from reviewer.tui.search import SearchBar

I18N = Path(__file__).resolve().parent.parent / "reviewer" / "i18n"
BOUND = (ReviewerApp, MainScreen, ReportView, OutlinePanel, FlagList, NoteList, SidePanel, FormList,
         CompareScreen, PlanList, PickerScreen, ReportTable, ChooseDialog, ChoiceList,
         AnnotationDialog, Choices, PromptDialog, HelpScreen, KeyTable)
# text fields: their editing keys are the field's own; the registry adds Enter, Escape, ctrl+j
FIELDS = (SearchBar, FindBar, NoteArea, TagInput, PromptInput)
# Textual's own keys of every screen: focus the next or previous widget, copy the selected text
TEXTUAL = {"app.focus_next", "app.focus_previous", "screen.copy_text", "help_quit"}


def test_ids_are_unique_and_labelled_in_both_languages() -> None:
    ids = actions.known_ids()
    assert len(ids) == len(set(ids))
    for lang in ("zh", "en"):
        data = tomllib.loads((I18N / lang / "ui.toml").read_text(encoding="utf-8"))
        for spec in actions.ACTIONS:
            prefix, _, name = spec.id.partition(".")
            assert data["action"][prefix][name], (lang, spec.id)
            if spec.footer:
                assert data["footer"][prefix][name], (lang, spec.id)


def test_every_registered_key_is_bound_and_every_bound_key_is_registered() -> None:
    bound: set[str] = set()
    for cls in BOUND + FIELDS:
        for binding_list in cls._merge_bindings().key_to_bindings.values():
            for binding in binding_list:
                if binding.id:
                    bound.add(binding.id)
                elif cls not in FIELDS:
                    assert binding.action in TEXTUAL, \
                        f"{cls.__name__}: {binding.key} → {binding.action} has no id"
    assert bound == set(actions.known_ids())


@pytest.mark.parametrize("key", ["a", "J", "?", "question_mark", "ctrl+d", "f5", "pagedown",
                                 "shift+tab", "escape", "enter", "slash",
                                 "right_square_bracket", "1", "ctrl+shift+up"])
def test_key_names_textual_binds_are_valid(key: str) -> None:
    assert actions.valid_key(key)


@pytest.mark.parametrize("key", ["", "notakey", "ctrl+", "hyperdrive+a", "ctrl+foo", " "])
def test_anything_else_is_not_a_key(key: str) -> None:
    assert not actions.valid_key(key)


def test_the_keymap_keeps_valid_entries_and_reports_the_rest_with_the_valid_ids() -> None:
    keymap, problems = actions.check_keymap({"picker.quit": "x", "main.annotate": "m,f6",
                                             "no.such_action": "z", "main.edit": "notakey"})
    assert keymap == {"picker.quit": "x", "main.annotate": "m,f6"}
    unknown, bad_key = problems
    assert "no.such_action" in unknown
    for ident in actions.known_ids():  # every valid id, grouped by where it works
        prefix, _, name = ident.partition(".")
        assert f"{prefix}." in unknown and name in unknown
    assert "main.edit" in bad_key and "notakey" in bad_key


@pilot_test
async def test_remapped_keys_work_on_the_comparison_screen_and_in_dialogs(tmp_path: Path) -> None:
    from conftest import seed_path

    app = make_app(tmp_path, "baogou-2025", prior=seed_path("yanxi-2024"),
                   keys={"compare.accept": "y", "compare.back": "b", "prompt.save": "ctrl+o",
                         "annotation.submit": "ctrl+o", "outline.cursor_down": "ctrl+down"})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await started(pilot)
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        await pilot.press("a")  # no longer the accept key
        assert screen.session.review.plans == []
        await pilot.press("y")
        assert len(screen.session.review.plans) == 1
        await pilot.press("n")
        await pilot.pause()
        await type_note(pilot, "备")
        await pilot.press("enter")  # Enter no longer confirms the prompt: ctrl+o does
        assert isinstance(app.screen, PromptDialog)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen is compare and screen.session.review.plans[0].note == "备"
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("J", "a")
        await type_note(pilot, "注")
        await pilot.press("enter")  # a new line in the note now
        assert isinstance(app.screen, AnnotationDialog)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert [n.note for n in screen.session.annotations] == ["注"]
        tree = screen.query_one(OutlinePanel)
        tree.focus()
        await pilot.pause()
        line = tree.cursor_line
        await pilot.press("ctrl+down")
        assert tree.cursor_line == line + 1


@pilot_test
async def test_picker_keys_are_known_remappable_and_listed(folder: Path) -> None:  # noqa: F811
    app = picker_app(folder)
    app.settings.keys = {"picker.quit": "x", "picker.cursor_down": "s"}
    async with app.run_test(size=(100, 24)) as pilot:
        screen = await scanned(pilot)
        assert not [n for n in app._notifications if "picker" in n.message]
        table = screen.query_one(ReportTable)
        await pilot.press("s")
        assert table.cursor_row == 1
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        ids = {e.id for e in app.screen.entries}
        assert ids == {a.id for a in actions.ACTIONS if a.id.startswith(("picker.", "app."))}
        assert {e.id: e.keys for e in app.screen.entries}["picker.quit"] == "x"
        await pilot.press("escape", "q")  # q is no longer quit
        assert app.is_running
        await pilot.press("x")
        await pilot.pause()
    assert app.return_code == 0


@pilot_test
async def test_help_works_in_the_dialogs(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await started(pilot)
        await pilot.press("a")
        await type_note(pilot, "草稿")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert {e.id for e in app.screen.entries} == \
            {a.id for a in actions.ACTIONS if a.id.startswith(("annotation.", "app."))}
        await pilot.press("escape")
        assert isinstance(app.screen, AnnotationDialog)
        assert app.screen.result().note == "草稿"  # nothing typed was lost
        await pilot.press("escape", "n", "c", "f1")
        assert isinstance(app.screen, HelpScreen)
        assert "prompt.save" in {e.id for e in app.screen.entries}
