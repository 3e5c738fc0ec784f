"""Themes as data: ``themes/*.toml`` (shipped) and the user's own, parsed into Textual themes.

Textual cannot load a theme from a file, so each file is read with ``tomllib`` and checked field
by field. A broken file never stops the app: it is reported and skipped, and the default stays.
"""

from __future__ import annotations

from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from reviewer import tomlfile
from reviewer.bundled import bundled_folder
from reviewer.names import shown_path

DEFAULT_THEME = "reviewer-dark"
COLOUR_FIELDS = ("primary", "secondary", "warning", "error", "success", "accent", "foreground",
                 "background", "surface", "panel", "boost")
NUMBER_FIELDS = ("luminosity_spread", "text_alpha")

# The colours the reader and the panes are drawn with, beyond Textual's own: each highlight as a
# background and the text on it. A theme names them under [variables]; where it does not (a
# user's own theme, or one of Textual's), `highlight_defaults` derives them from its colours.
HIGHLIGHTS = ("reader-cursor", "reader-note", "reader-cursor-note", "search-hit", "search-current")
"""Highlights drawn as a background, each with its text colour ``NAME-text``."""
LINE_COLOURS = ("pane-divider", "focus-mark")
"""The line between panes, and that line beside the pane that has the focus."""
THEME_COLOURS = (*HIGHLIGHTS, *(f"{name}-text" for name in HIGHLIGHTS), *LINE_COLOURS)


class ThemeError(ValueError):
    """A theme file that cannot be used; the message names the file and the reason."""


def bundled_themes_dir() -> Path:
    """The shipped themes: ``themes/`` of the checkout, or its copy in an installed package."""
    return bundled_folder("themes")


def _colour(path: Path, key: str, value: object) -> str:
    if not isinstance(value, str):
        raise ThemeError(f"{path}: {key} = {value!r} is not a colour")
    try:
        Color.parse(value)
    except ColorParseError as exc:
        raise ThemeError(f"{path}: {key} = {value!r} is not a colour") from exc
    return value


def theme_from_file(path: Path) -> Theme:
    """The theme described by one TOML file. Raises ``ThemeError``."""
    try:
        data = tomlfile.read(path)
    except FileNotFoundError as exc:
        raise ThemeError(f"{shown_path(path)}: {exc.strerror}") from exc
    except ValueError as exc:  # broken, nested too deeply, not a regular file
        raise ThemeError(str(exc)) from exc
    unknown = set(data) - {"name", "dark", "variables", *COLOUR_FIELDS, *NUMBER_FIELDS}
    if unknown:
        raise ThemeError(f"{path}: unknown field(s) {', '.join(sorted(unknown))}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeError(f"{path}: a theme needs a name")
    if "primary" not in data:
        raise ThemeError(f"{path}: a theme needs a primary colour")
    if not isinstance(data.get("dark", True), bool):
        raise ThemeError(f"{path}: dark must be true or false")
    colours = {k: _colour(path, k, data[k]) for k in COLOUR_FIELDS if k in data}
    numbers: dict[str, float] = {}
    for key in NUMBER_FIELDS:
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ThemeError(f"{path}: {key} must be a number")
            numbers[key] = float(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
            isinstance(v, str) for v in variables.values()):
        raise ThemeError(f"{path}: [variables] must map names to text")
    for key in THEME_COLOURS:  # a colour the app's style sheet needs: one it can parse
        if key in variables:
            _colour(path, f"variables.{key}", variables[key])
    return Theme(name=name.strip(), dark=data.get("dark", True), variables=dict(variables),
                 **colours, **numbers)


def load_themes(folders: list[Path]) -> tuple[list[Theme], list[str]]:
    """Every usable theme in ``folders`` (later folders override same-named themes) and the
    problems found in the others."""
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                theme = theme_from_file(path)
            except ThemeError as exc:
                problems.append(str(exc))
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems


def highlight_defaults(variables: dict[str, str]) -> dict[str, str]:
    """`THEME_COLOURS` for a theme that does not name them, from its generated ``variables``:
    the signal colour blended into the surface, with black or white text, whichever reads."""
    surface = Color.parse(variables["surface"])

    def paint(colour: str, amount: float) -> Color:
        return surface.blend(Color.parse(variables[colour]), amount)

    grounds = {
        "reader-cursor": paint("primary", 0.45),
        "reader-note": paint("success", 0.35),
        "reader-cursor-note": paint("primary", 0.45).blend(Color.parse(variables["success"]),
                                                           0.35),
        "search-hit": paint("warning", 0.45),
        "search-current": Color.parse(variables["warning"]),
    }
    colours = {name: ground.hex for name, ground in grounds.items()}
    colours |= {f"{name}-text": ground.get_contrast_text(1.0).hex
                for name, ground in grounds.items()}
    colours["pane-divider"] = surface.blend(Color.parse(variables["foreground"]), 0.45).hex
    colours["focus-mark"] = Color.parse(variables["primary"]).hex
    return colours


def with_highlights(variables: dict[str, str]) -> dict[str, str]:
    """An app's CSS ``variables`` with `THEME_COLOURS` added where its theme leaves them out:
    what the app's style sheet (``reviewer.tcss``) needs besides Textual's own."""
    return {**highlight_defaults(variables), **variables}
