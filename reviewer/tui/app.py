"""The Textual application: themes, keymap and the first screen. Behaviour lives on screens."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import threading
from contextlib import suppress

from textual import events
from textual.app import App
from textual.theme import Theme

from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.tui import actions
from reviewer.tui.config import Settings, remember
from reviewer.tui.screens.main import MainScreen
from reviewer.tui.session import Session
from reviewer.tui.themes import DEFAULT_THEME, load_themes, with_highlights

# the signals on which the app saves every review, then exits (where the system has them)
_SAVE_ON = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))


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
        self.crash: tuple[BaseException, str | None] | None = None  # a bug met, and its log
        self.file_themes: list[str] = []
        self._theme_problems = self._choose_theme()
        # seconds between the key being handled and the one before it: keys far quicker than
        # anyone types came in one read from the terminal (a paste; see reviewer.tui.dialogs)
        self.key_gap = float("inf")
        self.key = ""  # the key being handled
        self._last_key = float("-inf")
        self._gaps: dict[float, float] = {}  # each recent key's gap, by its time

    async def on_event(self, event: events.Event) -> None:
        # A key reaches the app twice: from the terminal and, later, bubbling up from the focused
        # widget (where the bindings that are not priority act on it); keys of one burst are all
        # in before the first one bubbles. Each is timed once, when it arrives.
        if isinstance(event, events.Key):
            gap = self._gaps.get(event.time)
            if gap is None:
                gap = event.time - self._last_key
                self._last_key = max(self._last_key, event.time)
                self._gaps[event.time] = gap
                if len(self._gaps) > 64:
                    del self._gaps[next(iter(self._gaps))]
            self.key, self.key_gap = event.key, gap
        await super().on_event(event)

    def key_gap_of(self, key: events.Key) -> float:
        """Seconds between ``key`` and the key before it (infinite once forgotten)."""
        return self._gaps.get(key.time, float("inf"))

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

    def get_css_variables(self) -> dict[str, str]:
        # The reader's and the panes' own colours: the theme's where it names them.
        return with_highlights(super().get_css_variables())

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
        # Handled by the event loop, between two of its steps: the terminal closing (SIGHUP), and
        # kill, a service manager or a shutdown (SIGTERM), which would otherwise end the app
        # within the autosave's second and lose the last change.
        loop = asyncio.get_running_loop()
        for signum in _SAVE_ON:
            loop.add_signal_handler(signum, self._signalled, signum)
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

    def notify(self, message: str, **kwargs) -> None:
        """Every notification, with a file name's undecodable bytes shown as ``\\xNN`` (the
        terminal cannot be sent them)."""
        super().notify(shown_path(message) if isinstance(message, str) else message, **kwargs)

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

    async def _leave(self, return_code: int = 0) -> None:
        """Exit (with ``return_code``) once every main screen has settled (see
        ``MainScreen.settle``)."""
        for screen in self._main_screens():
            await screen.settle()
        self.exit(return_code=return_code)

    async def action_quit(self) -> None:
        self.save_all()
        await self._leave()

    def _handle_exception(self, error: Exception) -> None:
        """A bug stops the app: first every review is saved, the traceback goes to the log, and
        the command line says so in one line and exits with code 3 (not 0, and no traceback over
        the screen)."""
        with suppress(Exception):
            self.save_all()
        from reviewer.faults import INTERNAL_ERROR, log_internal_error

        if self.crash is None:
            self.crash = (error, log_internal_error(error))
        super()._handle_exception(error)
        # the command line prints one line instead of the traceback (a test still gets the
        # exception itself from Textual)
        getattr(self, "_exit_renderables", []).clear()
        self._return_code = INTERNAL_ERROR

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in _SAVE_ON:
            loop.remove_signal_handler(signum)

    def _signalled(self, signum: int) -> None:
        """The terminal went away (a closed SSH connection) or the app is asked to stop: save
        now, then leave with 128 + the signal's number. A shutdown that still waits on a terminal
        that is gone is cut short."""
        self.save_all()
        self.call_later(self._leave, 128 + signum)
        if not self.is_headless:
            threading.Timer(3.0, os._exit, (128 + signum,)).start()
