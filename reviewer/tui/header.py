"""The main screen's header line, kept apart from the other panels because it is part of the
first frame: importing it must not pull in the heavier widgets the panels are built from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from reviewer.i18n import t
from reviewer.tui.plain import inert, snippet

if TYPE_CHECKING:
    from reviewer.tui.session import Session


class HeaderLine(Horizontal):
    """Title, government, year, reviewer and whether the review is saved — one line, where the
    title gives way first so the saved state always shows. The state is the session's own: a
    failed save, changes not saved yet, saved, or nothing changed and nothing written."""

    def compose(self) -> ComposeResult:
        yield Static(id="title")
        yield Static(id="state")

    def show(self, session: Session, title: Content | None = None) -> None:
        """The session's report and state; ``title`` in place of the report's (another
        screen's title)."""
        doc = session.doc
        if session.save_error:
            state = (t("ui.state_failed"), "$error bold")
        elif session.dirty:
            state = (t("ui.state_unsaved"), "$warning bold")
        elif session.saved_path:
            state = (t("ui.state_saved"), "$success")
        else:
            state = (t("ui.state_unchanged"), "$text-muted")
        if title is None:
            parts = [p for p in (doc.government, str(doc.year or ""), session.reviewer) if p]
            title = Content.assemble((inert(" · ".join(parts)), "bold"), "  ",
                                     snippet(doc.title or doc.path, 200))
        self.query_one("#title", Static).update(title)
        self.query_one("#state", Static).update(Content.styled(state[0], state[1]))
