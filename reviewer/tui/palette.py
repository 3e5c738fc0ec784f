"""The command palette's provider: every action of the current screen, from the action registry
(a screen takes part through ``palette_entries()`` and ``run_entry(entry)``, see
``reviewer.tui.screens.keys``)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reviewer.tui.actions import Entry


class ActionsProvider(Provider):
    """Offers every action of the current screen in the command palette."""

    def _entries(self) -> list[Entry]:
        entries = getattr(self.screen, "palette_entries", None)
        return entries() if entries else []

    def _run(self, entry: Entry) -> None:
        self.screen.run_entry(entry)

    async def discover(self) -> Hits:
        for entry in self._entries():
            yield DiscoveryHit(f"{entry.label}  ({entry.keys})", partial(self._run, entry),
                               help=entry.id)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            text = f"{entry.label}  ({entry.keys})"
            score = max(matcher.match(text), matcher.match(entry.id))
            if score > 0:
                yield Hit(score, matcher.highlight(text), partial(self._run, entry), text=text,
                          help=entry.id)
