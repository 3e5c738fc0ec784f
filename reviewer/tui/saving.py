"""Keeping a session's review on disk while the app runs, whichever screen is in front.

The keeper listens to the session: every change (made on the main screen, the comparison screen
or in a dialog) re-arms a save one second after the last one. ``save_now`` saves and tells the
reviewer what went wrong, once per distinct failure (the warning stays until a save succeeds);
``save_key`` is what ``ctrl+s`` says, honestly: it wrote the file, or there was nothing to write.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer.i18n import t

if TYPE_CHECKING:
    from textual.app import App
    from textual.timer import Timer

    from reviewer.tui.session import Change, Session

AUTOSAVE_DELAY = 1.0  # seconds after the last change


class Keeper:
    """Saves one session: shortly after each change, when asked, and when the app leaves."""

    def __init__(self, app: App, session: Session) -> None:
        self.app = app
        self.session = session
        self._timer: Timer | None = None
        self._shown_error: str | None = None
        session.listen(self._heard)

    def _heard(self, change: Change | None, _undone: bool) -> None:
        if change is None:  # a save attempt, not a change
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(AUTOSAVE_DELAY, self.save_now)

    def save_now(self) -> bool:
        """Save if anything changed; shows the outcome. True when nothing is left unsaved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        message = self.session.save()
        error = self.session.save_error
        if error and error != self._shown_error:
            self.app.notify(error, title=t("ui.save_failed"), severity="error", timeout=3600)
        elif message and not error:
            self.app.notify(message, severity="warning", timeout=10)
        self._shown_error = error
        return not self.session.dirty

    def save_key(self) -> None:
        """``ctrl+s``: write now and say where, or say that there was nothing to write."""
        session = self.session
        if not session.dirty:
            if session.saved_path:
                self.app.notify(t("ui.nothing_to_save", path=session.saved_path))
            else:
                self.app.notify(t("ui.nothing_to_save_yet"))
            return
        if self.save_now():
            self.app.notify(t("ui.saved_to", path=session.saved_path or ""))

    def stop(self) -> None:
        """No more autosaves (the screen that kept the session is gone)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.session.forget(self._heard)
