"""Notifications shown whole over any layout.

Textual draws a notification over the panes below it by cutting each of its lines at every
edge of a widget underneath; a double-width character (all of Chinese) that lies across such an
edge is cut in two and both halves come out blank: 已添加批注 over the border between the reader
and the side panel read 已添    注. `WholeToast` lays each line out so that no character lies
across an edge below it: a blank cell goes in before such a character, taken from the blank
cells at the line's right (the toast keeps a few for that), so every character of the message
shows and the toast keeps its width.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets._toast import Toast

__all__ = ["WholeToast", "keep_whole", "use_whole_toasts"]


def keep_whole(strip: Strip, cuts: list[int], keep_right: int = 1) -> Strip:
    """``strip`` with no double-width character across any of ``cuts`` (cell offsets into the
    strip): a blank goes in before each such character and one of the blanks before the last
    ``keep_right`` cells (the right padding and border) comes out, so the width stays."""
    cells: list[tuple[str, Style | None, int]] = []
    for text, style, _ in strip:
        for char in text:
            cells.append((char, style, cell_len(char)))
    width = sum(w for _, _, w in cells)
    inner = [c for c in cuts if 0 < c < width]
    if not inner or all(w < 2 for _, _, w in cells):
        return strip
    out: list[tuple[str, Style | None, int]] = []
    at, added = 0, 0
    across = set(inner)
    for char, style, w in cells:
        # edges one cell apart (a pane's end, its scrollbar, the next pane's border) may need
        # more than one blank
        while w == 2 and at + 1 in across and at < width:
            out.append((" ", style, 1))
            at += 1
            added += 1
        out.append((char, style, w))
        at += w
    # give the added cells back from the blanks at the right, before the padding and border
    tail = out[len(out) - keep_right:] if keep_right else []
    body = out[: len(out) - keep_right] if keep_right else out
    while added and body and body[-1][0] == " ":
        body.pop()
        added -= 1
    segments = [Segment(char, style) for char, style, _ in body + tail]
    return Strip(Segment.simplify(segments)).crop_extend(0, width, None)


class WholeToast(Toast):
    """A toast whose characters are never cut by the edges of the widgets below it."""

    DEFAULT_CSS = """
    WholeToast { padding: 1 5 1 1; }  /* blanks at the right, to give to characters moved on */
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        compositor = getattr(self.screen, "_compositor", None)
        cuts = getattr(compositor, "cuts", None) if compositor is not None else None
        if not cuts:
            return strips
        region = self.region
        kept = []
        for y, strip in enumerate(strips, start=region.y + crop.y):
            row = cuts[y] if 0 <= y < len(cuts) else []
            local = [c - region.x - crop.x for c in row]
            kept.append(keep_whole(strip, local, keep_right=1))
        return kept


def use_whole_toasts() -> None:
    """Have Textual's notification rack make `WholeToast`\\ s."""
    import textual.widgets._toast as toast_module

    toast_module.Toast = WholeToast  # type: ignore[misc]
