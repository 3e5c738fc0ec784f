"""The bottom line of every screen: the keys that work here, and the command palette's key.

One widget drawing one line, where Textual's ``Footer`` builds a widget per key and composes them
again whenever the bindings change: that cost the first frame about 3% of start-up. It shows
what the footer showed — the screen's active bindings marked ``show``, one per action, dimmed
when disabled, the palette's key at the right — and a click on a key presses it. Keys that do
not fit are left out whole, from the end, never cut.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

SEPARATOR = "▏"


class KeyHints(Widget, can_focus=False):
    COMPONENT_CLASSES = {"keyhints--key", "keyhints--description", "keyhints--separator"}
    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        width: 1fr;
        color: $footer-foreground;
        background: $footer-background;
        .keyhints--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keyhints--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .keyhints--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, str]] = []  # (first cell, end cell, key) per hint

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def _hints(self) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str, bool] | None]:
        """(key, shown key, description, enabled) for each action shown, and the palette's."""
        app = self.app
        active = self.screen.active_bindings
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        hints: list[tuple[str, str, str, bool]] = []
        seen: set[str] = set()
        palette = None
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if key == palette_key:
                palette = (binding.key, app.get_key_display(binding), binding.description, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            hints.append((binding.key, app.get_key_display(binding), binding.description, enabled))
        return hints, palette

    def render(self) -> Content:
        width = self.size.width
        key_style = self.get_visual_style("keyhints--key")
        text_style = self.get_visual_style("keyhints--description")
        hints, palette = self._hints()

        def piece(shown: str, description: str, enabled: bool) -> Content:
            out = Content.assemble((shown, key_style), (f" {description}", text_style))
            return out.stylize("dim") if not enabled else out

        right = Content("")
        if palette is not None:
            right = Content.assemble(
                (SEPARATOR, self.get_visual_style("keyhints--separator")),
                piece(palette[1], palette[2], palette[3]))
        room = width - right.cell_length
        parts: list[Content] = []
        self._spans = []
        x = 0
        for key, shown, description, enabled in hints:
            part = piece(shown, description, enabled)
            if x + part.cell_length > room:
                break
            parts.append(part)
            self._spans.append((x, x + part.cell_length, key))
            x += part.cell_length + 1
        left = Content(" ").join(parts)
        gap = max(width - left.cell_length - right.cell_length, 0)
        if palette is not None and gap + left.cell_length + right.cell_length <= width:
            start = left.cell_length + gap
            self._spans.append((start + 1, start + right.cell_length, palette[0]))
            return Content.assemble(left, " " * gap, right)
        return left

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
