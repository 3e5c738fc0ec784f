"""The one registry of the app's actions.

Every key the app answers to is declared here once, with an id (``main.annotate``) that the
config file's ``[keys]`` table uses to remap it, that the help screen lists and that the command
palette offers. The reader's own movement keys are declared by the reader (ids ``reader.*``) and
are merged in where a complete list is needed (see ``all_entries``).
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding

from reviewer.i18n import t


class ActionSpec(NamedTuple):
    """One action: ``id`` for the keymap, default ``key`` (comma-separated alternatives),
    the Textual ``action`` run on its ``owner`` ("main" screen or "app"), and whether the short
    footer shows it."""

    id: str
    key: str
    action: str
    owner: str = "main"
    footer: bool = False

    @property
    def label(self) -> str:
        return t(f"ui.action.{self.id}")

    @property
    def short_label(self) -> str:
        """The footer's word for it (the footer must fit in 80 columns)."""
        return t(f"ui.footer.{self.id}") if self.footer else self.label


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("main.next_pane", "tab", "next_pane"),
    ActionSpec("main.toggle_outline", "f2", "toggle_outline", footer=True),
    ActionSpec("main.toggle_side", "f3", "toggle_side", footer=True),
    ActionSpec("main.annotate", "a", "annotate", footer=True),
    ActionSpec("main.edit", "e", "edit_annotation"),
    ActionSpec("main.delete", "d", "delete_annotation"),
    ActionSpec("main.undo", "u", "undo"),
    ActionSpec("main.next_flag", "n", "next_flag", footer=True),
    ActionSpec("main.previous_flag", "N", "previous_flag"),
    ActionSpec("main.dismiss_flag", "x", "decide_flag('dismissed')"),
    ActionSpec("main.confirm_flag", "c", "decide_flag('confirmed')"),
    ActionSpec("main.search", "slash", "search", footer=True),
    ActionSpec("main.search_next", "ctrl+n", "search_next"),
    ActionSpec("main.search_previous", "ctrl+r", "search_previous"),
    ActionSpec("main.compare", "p", "compare"),
    ActionSpec("main.cancel_checks", "escape", "cancel_checks"),
    ActionSpec("main.next_theme", "f4", "next_theme"),
    ActionSpec("main.save", "ctrl+s", "save"),
    ActionSpec("main.help", "question_mark,f1", "help", footer=True),
    ActionSpec("app.command_palette", "ctrl+p", "command_palette", owner="app"),
    ActionSpec("main.quit", "q", "quit", footer=True),
)

_BY_ID = {spec.id: spec for spec in ACTIONS}


def spec(action_id: str) -> ActionSpec:
    return _BY_ID[action_id]


def bindings(owner: str) -> list[Binding]:
    """The Textual bindings of one owner, each carrying its id so the keymap can remap it."""
    return [
        Binding(s.key, s.action, s.short_label, show=s.footer, id=s.id,
                priority=s.owner == "app")
        for s in ACTIONS if s.owner == owner
    ]


class Entry(NamedTuple):
    """A row of the help screen and the command palette."""

    id: str
    keys: str
    label: str
    action: str
    owner: str


def _display_keys(keys: str) -> str:
    from textual.keys import format_key

    return ", ".join(format_key(k.strip()) for k in keys.split(","))


def all_entries(keymap: dict[str, str], extra: list[Binding] = ()) -> list[Entry]:
    """Every action with the key that runs it now: the registry first, then ``extra`` bindings
    (the reader's), each key taken from ``keymap`` when the user remapped it."""
    entries = [Entry(s.id, _display_keys(keymap.get(s.id, s.key)), s.label, s.action, s.owner)
               for s in ACTIONS]
    for b in extra:
        if b.id:
            # The reader's binding ids double as its catalog keys.
            label = t(b.id)
            if label == b.id:
                label = b.description or b.action
            entries.append(Entry(b.id, _display_keys(keymap.get(b.id, b.key)), label, b.action,
                                 "reader"))
    return entries


def check_keymap(keys: dict[str, str], known_ids: set[str]) -> tuple[dict[str, str], list[str]]:
    """Split the config's ``[keys]`` into the usable keymap and problems (unknown ids)."""
    keymap = {k: v for k, v in keys.items() if k in known_ids}
    problems = [t("ui.unknown_action", id=k) for k in keys if k not in known_ids]
    return keymap, problems
