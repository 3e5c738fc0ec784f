"""What every screen and dialog does with the action registry: its help (``?`` or F1) lists
the keys that work there with their ids, and the command palette offers its actions.

A screen names the parts of the registry that work on it (``HELP``, id prefixes in the order the
help lists them) and which widget runs each owner's actions from the palette
(``palette_targets``). The keys shown are the ones that run the actions now, after the user's
remapping in ``config.toml``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.dom import DOMNode

from reviewer.i18n import t
from reviewer.tui import actions


class KeyedScreen:
    """Mixed into a ``Screen``: the help and the palette entries, from the registry."""

    HELP: ClassVar[tuple[str, ...]] = ("app",)
    HELP_TITLE: ClassVar[str] = "ui.help_title"

    app: Any

    def key_entries(self) -> list[actions.Entry]:
        """The keys that work here, with the key that runs each now."""
        return actions.entries(self.HELP, getattr(self.app, "user_keymap", {}))

    def palette_targets(self) -> dict[str, DOMNode]:
        """The widget that runs the actions of each owner the palette offers."""
        return {"app": self.app}

    def palette_entries(self) -> list[actions.Entry]:
        targets = self.palette_targets()
        return [e for e in self.key_entries()
                if e.owner in targets and e.id != "app.command_palette"]

    def run_entry(self, entry: actions.Entry) -> None:
        target = self.palette_targets().get(entry.owner)
        if target is not None:
            target.call_later(target.run_action, entry.action)

    def key_hint(self, *ids: str) -> str:
        """``Enter 保存 · Esc 取消``: the given actions with their keys now, for a dialog."""
        keymap = getattr(self.app, "user_keymap", {})
        spec = actions.spec
        return " · ".join(f"{actions.current_key(keymap, i)} "
                          f"{spec(i).short_label}" for i in ids)

    def action_help(self) -> None:
        from reviewer.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen(t(self.HELP_TITLE), self.key_entries()))
