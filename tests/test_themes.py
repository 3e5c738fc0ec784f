"""Shipped themes load, read well at true colour, 256 and 16 colours, and broken files are
reported instead of crashing."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.color import Color, ColorSystem

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


READER_PARTS = ("cursor-line", "cursor", "selection", "note", "shared", "flag-info",
                "flag-warning", "flag-error", "search", "search-current")
# The line being read and a selection are read closely: WCAG AA for text. Everything else is a
# marked span that must stand out and stay readable: WCAG's 3:1 for large text and UI parts.
MUST_READ = {"cursor-line", "selection"}


def test_report_text_reads_under_every_highlight(tmp_path: Path, monkeypatch) -> None:
    """The reader paints the cursor, selections, notes, flags and search hits with theme
    colours; in every shipped theme and colour depth the text on them must stay legible."""
    import asyncio

    from conftest import seed_path
    from reviewer.tui.app import ReviewerApp
    from reviewer.tui.config import Settings
    from reviewer.tui.session import Session

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    problems: list[str] = []

    async def check(theme: str) -> None:
        session = Session.open(seed_path("baogou-2025"), review_path=str(tmp_path / "r.toml"))
        app = ReviewerApp(Settings(theme=theme, theme_dirs=[bundled_themes_dir()]),
                          session=session)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            reader = app.screen.reader
            assert reader.has_focus
            for part in READER_PARTS:
                style = reader.rich_style + reader.get_component_rich_style(f"reportview--{part}")
                for system, reduce in SYSTEMS.items():
                    ratio = _contrast(_rgb(style.color.name, reduce),
                                      _rgb(style.bgcolor.name, reduce))
                    if ratio < (4.5 if part in MUST_READ else 3.0):
                        problems.append(f"{theme} {part} at {system}: {ratio:.1f}")

    themes, _ = load_themes([bundled_themes_dir()])
    for theme in themes:
        asyncio.run(check(theme.name))
    assert problems == [], "\n".join(problems)
