"""The settings file: where it lives, what is read from it, and that it is never damaged."""

from __future__ import annotations

import tomllib
from pathlib import Path

from reviewer.tui.config import config_dir, config_path, load_config, remember, user_themes_dir


def test_paths_follow_xdg_config_home(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    assert config_path(env) == tmp_path / "xdg" / "reviewer" / "config.toml"
    assert user_themes_dir(env) == tmp_path / "xdg" / "reviewer" / "themes"


def test_paths_fall_back_to_home_dot_config(tmp_path: Path) -> None:
    assert config_dir({"HOME": str(tmp_path)}) == tmp_path / ".config" / "reviewer"
    assert config_dir({"XDG_CONFIG_HOME": "", "HOME": str(tmp_path)}) == \
        tmp_path / ".config" / "reviewer"


def test_missing_file_gives_defaults_without_complaint(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "none.toml")
    assert problems == []
    assert (config.theme, config.reviewer, config.language, config.keys) == (None, None, None, {})


def test_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "reviewer-light"\nreviewer = "王审阅"\nlanguage = "en"\n'
                    '[keys]\n"main.annotate" = "m"\n"main.quit" = " ctrl+q "\n', encoding="utf-8")
    config, problems = load_config(path)
    assert problems == []
    assert config.theme == "reviewer-light"
    assert config.reviewer == "王审阅"
    assert config.language == "en"
    assert config.keys == {"main.annotate": "m", "main.quit": "ctrl+q"}


def test_broken_file_gives_defaults_and_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "unterminated\n', encoding="utf-8")
    config, problems = load_config(path)
    assert config.theme is None
    assert len(problems) == 1 and str(path) in problems[0]


def test_wrong_types_are_reported_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = 3\nreviewer = "李"\n[keys]\n"main.save" = 5\n"main.help" = "h"\n',
                    encoding="utf-8")
    config, problems = load_config(path)
    assert config.theme is None and config.reviewer == "李"
    assert config.keys == {"main.help": "h"}
    assert len(problems) == 2
    assert any("theme" in p for p in problems) and any("main.save" in p for p in problems)


def test_remember_keeps_everything_else(tmp_path: Path) -> None:
    path = tmp_path / "reviewer" / "config.toml"
    path.parent.mkdir()
    path.write_text('reviewer = "张"\nmine = [1, 2]\n[keys]\n"main.annotate" = "m"\n',
                    encoding="utf-8")
    assert remember(path, theme="reviewer-contrast") is None
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data == {"reviewer": "张", "mine": [1, 2], "keys": {"main.annotate": "m"},
                    "theme": "reviewer-contrast"}


def test_remember_creates_the_folder(tmp_path: Path) -> None:
    path = tmp_path / "new" / "reviewer" / "config.toml"
    assert remember(path, reviewer="赵") is None
    assert load_config(path)[0].reviewer == "赵"


def test_remember_never_overwrites_a_file_it_cannot_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    broken = 'theme = "x\n# my careful notes\n'
    path.write_text(broken, encoding="utf-8")
    problem = remember(path, theme="reviewer-light")
    assert problem is not None and str(path) in problem
    assert path.read_text(encoding="utf-8") == broken
