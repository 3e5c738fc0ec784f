"""The Textual application: themes, keymap and the first screen. Behaviour lives on screens."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading

from textual.app import App
from textual.theme import Theme

from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.config import Settings, remember
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import DEFAULT_THEME, load_themes


def _actions_provider() -> type:
    """The palette's provider, imported when the palette first opens (not at start-up)."""
    from reviewer.tui.palette import ActionsProvider

    return ActionsProvider


class ReviewerApp(App[None]):
    CSS_PATH = "reviewer.tcss"
    COMMANDS = App.COMMANDS | {_actions_provider}
    BINDINGS = actions.bindings("app")

    def __init__(self, settings: Settings, *, session: Session | None = None,
                 folder: str = "", paths: list[str] = ()) -> None:
        super().__init__()
        self.settings = settings
        self.session = session
        self.folder = folder
        self.paths = list(paths)
        self.user_keymap: dict[str, str] = {}
        self.file_themes: list[str] = []
        self._theme_problems = self._choose_theme()

    def _choose_theme(self) -> list[str]:
        """Register the theme files and take the chosen theme; returns the problems found.

        Done before the app runs: a theme set once the style sheets are parsed has them all
        parsed again, which start-up can do without."""
        themes, problems = load_themes(self.settings.theme_dirs)
        for theme in themes:
            self.register_theme(theme)
        self.file_themes = [theme.name for theme in themes]
        wanted = self.settings.theme or DEFAULT_THEME
        if wanted not in self.available_themes:
            problems.append(t("ui.unknown_theme", name=wanted))
            wanted = DEFAULT_THEME if DEFAULT_THEME in self.available_themes else "textual-dark"
        self._take_theme(wanted)
        return problems

    def _take_theme(self, name: str) -> None:
        """Take the theme as Textual's own start-up takes its default one: the classes, the
        colour filter and the style sheet's variables, set before anything is parsed. Setting
        ``App.theme`` would run its watcher, which parses every style sheet a second time right
        after the first parse."""
        refresh_filter = getattr(self, "_refresh_truecolor_filter", None)
        if refresh_filter is None:  # a Textual without it: the ordinary, slower way
            self.theme = name
            return
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        self.set_class(dark, "-dark-mode", update=False)
        self.set_class(not dark, "-light-mode", update=False)
        self.add_class(f"-theme-{name}", update=False)
        refresh_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.user_keymap, key_problems = actions.check_keymap(self.settings.keys)
        self.set_keymap(self.user_keymap)
        # plain text: a problem quotes the file, whose [keys] is no markup
        for problem in self._theme_problems + self.settings.problems:
            self.notify(problem, severity="warning", timeout=15, markup=False)
        for problem in key_problems:  # long (they list the valid ids): time to read them
            self.notify(problem, severity="warning", timeout=30, markup=False)
        if hasattr(signal, "SIGHUP"):  # handled by the event loop, between two of its steps
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self._hangup)
        # Pushed once start-up is over: a screen drawn while the app still starts is drawn for
        # nothing (Textual holds every frame back until then), and drawn again after.
        self.call_later(self._first_screen)

    def _first_screen(self) -> None:
        if self.session is not None:
            self.push_screen(MainScreen(self.session))
        else:
            from reviewer.tui.screens.picker import PickerScreen  # only a folder needs it

            self.push_screen(PickerScreen(self.paths, self.folder))

    def start_up_done(self) -> None:
        """The first screen is drawn and filled: collect cyclic garbage again (the command line
        turns the collector off for start-up). One full collection now, while the panels fill,
        then everything start-up built — Textual, the report, the screen, all alive until the
        app ends — is set aside from later collections (``gc.freeze``): otherwise each full
        collection walks all of it again, 40–60 ms landing on a keypress now and then."""
        if not gc.isenabled():
            gc.collect()
            gc.freeze()
            gc.enable()

    def next_theme(self) -> None:
        names = self.file_themes or sorted(self.available_themes)
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.notify(t("ui.theme_now", name=self.theme))

    def _remember_theme(self, theme: Theme) -> None:
        if self.settings.config_path is not None:
            problem = remember(self.settings.config_path, theme=theme.name)
            if problem:
                self.notify(problem, severity="warning")

    def _main_screens(self) -> list[MainScreen]:
        return [screen for screen in self.screen_stack if isinstance(screen, MainScreen)]

    def save_all(self) -> None:
        for screen in self._main_screens():
            screen.session.save()

    async def _leave(self) -> None:
        """Exit once every main screen has settled (see ``MainScreen.settle``)."""
        for screen in self._main_screens():
            await screen.settle()
        self.exit()

    async def action_quit(self) -> None:
        self.save_all()
        await self._leave()

    def on_unmount(self) -> None:
        if hasattr(signal, "SIGHUP"):
            asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)

    def _hangup(self) -> None:
        """The terminal went away (a closed SSH connection): save now, then leave. With no
        terminal left to restore, a shutdown that still waits on it is cut short."""
        self.save_all()
        self.call_later(self._leave)
        if not self.is_headless:
            threading.Timer(3.0, os._exit, (128 + signal.SIGHUP,)).start()
