"""Shipped themes load, read well at true colour, 256 and 16 colours, and broken files are
reported instead of crashing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rich.color import Color, ColorSystem
from rich.style import Style

from reviewer.tui.themes import (
    DEFAULT_THEME,
    ThemeError,
    bundled_themes_dir,
    load_themes,
    theme_from_file,
)

SYSTEMS = {"truecolor": None, "256": ColorSystem.EIGHT_BIT, "16": ColorSystem.STANDARD}


def _rgb(colour: str, system: ColorSystem | None) -> tuple[int, int, int]:
    """The colour a terminal of ``system`` shows for ``colour`` (Rich's own reduction)."""
    c = Color.parse(colour)
    if system is not None:
        c = c.downgrade(system)
    t = c.get_truecolor()
    return t.red, t.green, t.blue


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio."""

    def luminance(rgb: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(v) for v in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.fixture(scope="module")
def shipped():
    themes, problems = load_themes([bundled_themes_dir()])
    assert problems == [], "\n".join(problems)
    return {t.name: t for t in themes}


def test_three_shipped_themes_dark_light_and_contrast(shipped) -> None:
    assert DEFAULT_THEME in shipped and shipped[DEFAULT_THEME].dark
    assert any(not t.dark for t in shipped.values())
    assert "reviewer-contrast" in shipped


@pytest.mark.parametrize("system", SYSTEMS)
def test_text_reads_on_every_background(shipped, system) -> None:
    reduce = SYSTEMS[system]
    for theme in shipped.values():
        fg = _rgb(theme.foreground, reduce)
        for ground in ("background", "surface", "panel"):
            ratio = _contrast(fg, _rgb(getattr(theme, ground), reduce))
            assert ratio >= 4.5, f"{theme.name}: text on {ground} at {system}: {ratio:.1f}"


@pytest.mark.parametrize("system", SYSTEMS)
def test_signal_colours_stand_out(shipped, system) -> None:
    """Flag severities, the cursor and accents must be told from the page at any colour depth."""
    reduce = SYSTEMS[system]
    for theme in shipped.values():
        bg = _rgb(theme.background, reduce)
        for name in ("primary", "error", "warning", "success", "accent"):
            ratio = _contrast(_rgb(getattr(theme, name), reduce), bg)
            assert ratio >= 3.0, f"{theme.name}: {name} at {system}: {ratio:.1f}"


def test_high_contrast_theme_is_high_contrast_everywhere(shipped) -> None:
    theme = shipped["reviewer-contrast"]
    for system, reduce in SYSTEMS.items():
        ratio = _contrast(_rgb(theme.foreground, reduce), _rgb(theme.background, reduce))
        assert ratio >= 15, f"{system}: {ratio:.1f}"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, reason", [
    ('name = "x"\nprimary = "#123456"\nbackground = "not-a-colour"\n', "background"),
    ('primary = "#123456"\n', "name"),
    ('name = "x"\n', "primary"),
    ('name = "x"\nprimary = "#123456"\ndark = "yes"\n', "dark"),
    ('name = "x"\nprimary = "#123456"\nprimery = "#000000"\n', "primery"),
    ('name = "x"\nprimary = "#123456\n', "x.toml"),
    ('name = "x"\nprimary = "#123456"\nluminosity_spread = "wide"\n', "luminosity_spread"),
    ('name = "x"\nprimary = "#123456"\n[variables]\nreader-note = "lila"\n', "reader-note"),
])
def test_broken_theme_file_names_file_and_reason(tmp_path: Path, text: str, reason: str) -> None:
    path = _write(tmp_path, "x.toml", text)
    with pytest.raises(ThemeError) as info:
        theme_from_file(path)
    assert str(path) in str(info.value) and reason in str(info.value)


def test_load_themes_skips_broken_and_user_overrides_shipped(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    _write(user, "bad.toml", "name = \n")
    _write(user, "mine.toml", f'name = "{DEFAULT_THEME}"\ndark = false\nprimary = "#af0000"\n')
    themes, problems = load_themes([bundled_themes_dir(), user, tmp_path / "absent"])
    by_name = {t.name: t for t in themes}
    assert len(problems) == 1 and "bad.toml" in problems[0]
    assert by_name[DEFAULT_THEME].primary == "#af0000" and not by_name[DEFAULT_THEME].dark
    assert "reviewer-light" in by_name


# ------------------------------------------------------------------ what the reader emits

EMITTED = {"truecolor": ColorSystem.TRUECOLOR, "256": ColorSystem.EIGHT_BIT,
           "16": ColorSystem.STANDARD}
CUES = {"1": "bold", "3": "italic", "4": "underline", "7": "reverse"}
DISTINCT = 20.0
"""The least CIE76 colour difference (ΔE*ab) between the grounds of two highlights. About 2.3 is
the least difference seen side by side; highlights are recognised a line or a screen apart, not
side by side, so several times that. 20 is four times a step of the 256-colour grey ramp (3-5:
two neighbouring greys, what blends of one theme colour reduce to, never pass), about the median
one-channel step of its colour cube (22), and below the least difference of any two of the 16
colours (28), so a 16-colour terminal can meet it with distinct palette entries."""


@dataclass(frozen=True)
class Look:
    """A cell as the terminal shows it: text and ground colours (after reverse) and the cues."""

    text: tuple[int, int, int]
    ground: tuple[int, int, int]
    cues: frozenset[str]


def _palette(number: int) -> tuple[int, int, int]:
    """The colour a palette number shows: the 16 colours as Rich matches against them (the
    palette its reduction assumes a terminal has), the 240 others as xterm defines them."""
    from rich._palettes import EIGHT_BIT_PALETTE, STANDARD_PALETTE

    triplet = STANDARD_PALETTE[number] if number < 16 else EIGHT_BIT_PALETTE[number]
    return tuple(triplet)


def emitted(style, system: ColorSystem) -> Look:
    """Parse the escape sequence Textual writes for ``style`` at ``system`` into a `Look`."""
    from textual.strip import Strip

    codes = Strip.render_ansi(style, system).split(";")
    colours: dict[str, tuple[int, int, int]] = {}
    cues: set[str] = set()
    i = 0
    while i < len(codes):
        code = codes[i]
        if code in ("38", "48"):
            where = "text" if code == "38" else "ground"
            if codes[i + 1] == "5":
                colours[where] = _palette(int(codes[i + 2]))
                i += 3
            else:
                colours[where] = tuple(int(v) for v in codes[i + 2 : i + 5])
                i += 5
            continue
        n = int(code)
        if 30 <= n <= 37 or 90 <= n <= 97:
            colours["text"] = _palette(n - 30 if n < 90 else n - 82)
        elif 40 <= n <= 47 or 100 <= n <= 107:
            colours["ground"] = _palette(n - 40 if n < 100 else n - 92)
        elif code in CUES:
            cues.add(CUES[code])
        i += 1
    assert set(colours) == {"text", "ground"}, f"{style} sets no colour of its own: {codes}"
    text, ground = colours["text"], colours["ground"]
    if "reverse" in cues:
        text, ground = ground, text
    return Look(text, ground, frozenset(cues))


def _lab(rgb: tuple[int, int, int]) -> tuple[float, float, float]:
    def linear(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(v) for v in rgb)
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, \
        0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def delta_e(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b), strict=True)) ** 0.5


def test_the_measures_themselves() -> None:
    """The ruler before the measuring: the WCAG ratio of black on white, the colour difference
    of the two colours the issue found note and cursor both reduced to, and parsing."""
    from rich.style import Style

    assert round(_contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert delta_e((95, 95, 95), (95, 95, 95)) == 0 < DISTINCT
    assert delta_e((48, 48, 48), (58, 58, 58)) < DISTINCT  # one step of the grey ramp
    assert delta_e((0, 0, 170), (170, 0, 170)) > DISTINCT  # blue and magenta of the 16
    look = emitted(Style(color="#ff0000", bgcolor="#10308f", underline=True),
                   ColorSystem.STANDARD)
    assert look == Look((170, 0, 0), (0, 0, 170), frozenset({"underline"}))
    look = emitted(Style(color="#ffffff", bgcolor="#5f5f5f", reverse=True),
                   ColorSystem.EIGHT_BIT)
    assert look.ground == (255, 255, 255) and look.text == (88, 88, 88)


# What the reader draws, as cases: where the probed character lies (in the cursor's sentence or
# another) and the highlights on it. Each case's text must read on its ground.
CASES = {
    "text": (False, ()),
    "cursor": (True, ()),
    "selection": (False, ("selection",)),
    "note": (False, ("note",)),
    "cursor on a note": (True, ("note",)),
    "search hit": (False, ("search",)),
    "current hit": (True, ("search-current",)),
    "hit in a note": (False, ("note", "search")),
    "hit in the cursor": (True, ("search",)),
    **{f"{severity} flag": (False, (f"flag-{severity}",))
       for severity in ("error", "warning", "info")},
    **{f"cursor on {'an' if severity != 'warning' else 'a'} {severity} flag":
       (True, (f"flag-{severity}",)) for severity in ("error", "warning", "info")},
    **{f"note with {severity} flag": (False, ("note", f"flag-{severity}"))
       for severity in ("error", "warning", "info")},
    **{f"cursor on a note with {'an' if severity != 'warning' else 'a'} {severity} flag":
       (True, ("note", f"flag-{severity}")) for severity in ("error", "warning", "info")},
    **{f"hit on {'an' if severity != 'warning' else 'a'} {severity} flag":
       (False, ("search", f"flag-{severity}")) for severity in ("error", "warning", "info")},
    **{f"current hit on {'an' if severity != 'warning' else 'a'} {severity} flag":
       (True, ("search-current", f"flag-{severity}")) for severity in ("error", "warning", "info")},
    "selected note": (False, ("note", "selection")),
    "selected cursor": (True, ("selection",)),
}
# Cases drawn alike on purpose: a hit shows as a hit wherever it lies. Flags are not: inside
# the cursor, a note or a hit, an error still looks unlike a warning, and both unlike no flag.
ALIKE = [{"search hit", "hit in a note", "hit in the cursor"}]


def _distinct(a: Look, b: Look) -> bool:
    """Told apart at a glance: different grounds, or different cues, or on the same ground
    different text colours."""
    return (delta_e(a.ground, b.ground) >= DISTINCT or a.cues != b.cues
            or delta_e(a.text, b.text) >= DISTINCT)


def _reader_looks(theme: str, tmp_path: Path) -> dict:
    """In ``theme``: each case's style as the reader draws it ("cases"), the cursor's without
    the focus ("blurred"), and the lines beside the outline and the side panel as ``(kind,
    style)``, with the reader focused and with the pane itself focused ("lines")."""
    import asyncio

    from conftest import seed_path
    from reviewer.document.sentences import split_sentences
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.config import Settings
    from reviewer.tui.reader import Highlight
    from reviewer.tui.session import Session

    found: dict = {"cases": {}, "lines": {}}

    def line(pane, edge: str) -> tuple[str, Style]:
        kind, colour = getattr(pane.styles, f"border_{edge}")
        ground = pane.styles.background
        return kind, Style(color=colour.rich_color, bgcolor=ground.rich_color)

    async def run() -> None:
        session = Session.open(seed_path("baogou-2025"), review_path=str(tmp_path / "r.toml"))
        app = ReviewerApp(Settings(theme=theme, theme_dirs=[bundled_themes_dir()]),
                          session=session)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            reader = app.screen.reader
            assert app.theme == theme and reader.has_focus
            for group in ("flags", "notes"):
                reader.set_highlights(group, [])
            long = [s for s in split_sentences(reader.text) if s.end - s.start > 12]
            here, there = long[1], long[2]
            reader.move_to(here.start)
            for case, (in_cursor, kinds) in CASES.items():
                at = (here if in_cursor else there).start + 4
                reader.set_highlights("probe", [Highlight(at - 2, at + 3, kind)
                                                for kind in kinds if kind != "selection"])
                if "selection" in kinds:
                    reader.move_to(at)
                    reader.start_selection()
                    reader.stop_selection()
                    reader.move_to(here.start)
                found["cases"][case] = reader.style_at(at)
                reader.clear_selection()
            outline, side = app.screen.query_one("#outline"), app.screen.query_one("#side")
            found["lines"]["outline", False] = line(outline, "right")
            found["lines"]["side", False] = line(side, "left")
            outline.query("Tree").first().focus()
            await pilot.pause()
            found["lines"]["outline", True] = line(outline, "right")
            assert not reader.has_focus
            found["blurred"] = reader.style_at(here.start + 4)
            side.query("Tabs").first().focus()
            await pilot.pause()
            found["lines"]["side", True] = line(side, "left")

    asyncio.run(run())
    return found


@pytest.fixture(scope="module")
def drawn(shipped, tmp_path_factory):
    return {name: _reader_looks(name, tmp_path_factory.mktemp(name)) for name in shipped}


@pytest.mark.parametrize("system", EMITTED)
def test_report_text_reads_under_every_highlight(drawn, system) -> None:
    """Every text-over-highlight pair the reader draws, and their overlaps, at least 4.5:1 (WCAG
    AA for text) in every shipped theme, computed from the escape codes Textual writes at
    ``system``."""
    problems = []
    for theme, found in drawn.items():
        for case, style in {**found["cases"], "cursor without the focus": found["blurred"]}.items():
            look = emitted(style, EMITTED[system])
            ratio = _contrast(look.text, look.ground)
            if ratio < 4.5:
                problems.append(f"{theme}: {case} {look.text} on {look.ground}: {ratio:.1f}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("system", EMITTED)
def test_highlights_are_told_apart(drawn, system) -> None:
    """The cursor, notes, flags, hits and their overlaps never look alike (`DISTINCT`), but for
    the cases meant to (`ALIKE`); the cursor looks the same with or without the focus."""
    problems = []
    for theme, found in drawn.items():
        looks = {case: emitted(style, EMITTED[system]) for case, style in found["cases"].items()}
        assert emitted(found["blurred"], EMITTED[system]) == looks["cursor"]
        names = list(looks)
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if any({a, b} <= alike for alike in ALIKE):
                    continue
                if not _distinct(looks[a], looks[b]):
                    problems.append(f"{theme}: {a} and {b} look alike: {looks[a]}")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("system", EMITTED)
def test_pane_lines_show_and_the_focused_pane_is_marked(drawn, system) -> None:
    """The lines between the panes stand out from the page (3:1, WCAG's measure for parts of an
    interface); the pane with the focus turns its line into a thick bar in another colour,
    itself 3:1 on the page, not a shade of the line."""
    problems = []
    for theme, found in drawn.items():
        for pane in ("outline", "side"):
            (kind, plain), (marked_kind, marked) = (found["lines"][pane, focus]
                                                    for focus in (False, True))
            assert (kind, marked_kind) == ("solid", "thick"), f"{theme} {pane}"
            plain, marked = emitted(plain, EMITTED[system]), emitted(marked, EMITTED[system])
            for name, look in (("line", plain), ("focus mark", marked)):
                ratio = _contrast(look.text, look.ground)
                if ratio < 3:
                    problems.append(f"{theme}: {pane}'s {name}: {ratio:.1f}")
            if delta_e(plain.text, marked.text) < DISTINCT:
                problems.append(f"{theme}: {pane}'s focus mark is a shade of its line")
    assert problems == [], "\n".join(problems)


def test_a_theme_without_the_highlight_colours_gets_them_from_its_own(tmp_path: Path) -> None:
    """A user's theme of Textual's fields only: the app starts, and the cursor is painted in the
    colour derived from the theme's primary, its text black or white, whichever reads."""
    import asyncio

    from conftest import seed_path
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.config import Settings
    from reviewer.tui.session import Session
    from reviewer.tui.themes import highlight_defaults

    _write(tmp_path / "themes", "mine.toml", 'name = "mine"\nprimary = "#af0000"\n'
           'background = "#101010"\nsurface = "#101010"\nforeground = "#e0e0e0"\n')

    async def run() -> None:
        session = Session.open(seed_path("guanba-2025"), review_path=str(tmp_path / "r.toml"))
        app = ReviewerApp(Settings(theme="mine", theme_dirs=[tmp_path / "themes"]),
                          session=session)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.theme == "mine"
            derived = highlight_defaults(app.theme_variables)
            reader = app.screen.reader
            style = reader.style_at(reader.current_sentence[0])
            assert style.bgcolor.triplet.hex == derived["reader-cursor"].lower()
            assert _contrast(tuple(style.color.triplet), tuple(style.bgcolor.triplet)) >= 4.5

    asyncio.run(run())
