"""The key line at the bottom of every screen: what it lists, how it gives way, clicks."""

from __future__ import annotations

from pathlib import Path

from test_app import make_app, pilot_test, started

from reviewer.tui.keyhints import SEPARATOR, KeyHints
from reviewer.tui.screens.help import HelpScreen

HINTS = ["f2 提纲", "f3 侧栏", "a 批注", "n 标记", "/ 搜索", "? 帮助", "q 退出"]
PALETTE = "^p 命令面板"


def shown(hints: KeyHints) -> str:
    return hints.render_line(0).text


@pilot_test
async def test_every_footer_key_shows_with_the_palette_at_the_right(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        line = shown(screen.query_one(KeyHints))
        assert line.startswith(" ".join(HINTS))
        assert line.rstrip().endswith(SEPARATOR + PALETTE)
        assert len(line) == 80 - sum(1 for c in line if "\u4e00" <= c <= "\u9fff")  # 80 cells


@pilot_test
async def test_keys_that_do_not_fit_are_left_out_whole(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(40, 20)) as pilot:
        screen = await started(pilot)
        line = shown(screen.query_one(KeyHints))
        left, _, right = line.partition(SEPARATOR)
        assert right.rstrip() == PALETTE
        kept = left.split("  ")[0].strip()
        assert kept and kept.split(" ") == " ".join(HINTS).split(" ")[:len(kept.split(" "))]
        assert len(kept.split(" ")) % 2 == 0  # every key with its description, none cut
        assert len(kept.split(" ")) < 2 * len(HINTS)


@pilot_test
async def test_a_remapped_key_is_the_one_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path, keys={"main.annotate": "m"})
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await started(pilot)
        line = shown(screen.query_one(KeyHints))
        assert "m 批注" in line and "a 批注" not in line


@pilot_test
async def test_clicking_a_key_presses_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        hints = screen.query_one(KeyHints)
        line = shown(hints)
        column = line.index("? 帮助")  # all hints before it are ASCII keys and Chinese words
        cells = column + sum(1 for c in line[:column] if "\u4e00" <= c <= "\u9fff")
        await pilot.click(KeyHints, offset=(cells + 1, 0))
        # the click posts the key, the key runs its action, the action opens the dialog: three
        # turns of the app's queue, which one pause does not always cover on a busy machine
        for _ in range(100):
            if isinstance(app.screen, HelpScreen):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, HelpScreen)
