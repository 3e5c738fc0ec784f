"""Quotes shown outside the reader wrap by the same Chinese rules as the reader."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from conftest import pilot_test
from reviewer.tui.prose import Prose
from reviewer.tui.wrap import CLOSING

QUOTE = ("严格落实重大行政决策程序制度，对涉及经济社会发展全局、影响面广的重大事项，在决策前广泛征求"
         "社会公众、专家学者、法律顾问等方面的意见建议，胜诉率100%，进行合法性审查和风险评估。\x1b[31m")


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield Prose(QUOTE, id="quote")


@pilot_test
async def test_quote_lines_never_start_with_closing_punctuation() -> None:
    # at each of these widths a plain fold would start a line with ，、 or % or split 100%
    for width in (24, 25, 26, 36, 45, 49):
        app = Host()
        async with app.run_test(size=(width + 2, 20)) as pilot:
            await pilot.pause()
            prose = app.query_one(Prose)
            lines = [line.rstrip() for line in str(prose.render()).split("\n")]
            assert "".join(lines) == QUOTE.replace("\x1b", "\u241b")  # nothing lost, ESC inert
            assert all(line and line[0] not in CLOSING for line in lines)
            assert not any(line.endswith(("1", "10")) for line in lines)  # 100% stays whole
            assert prose.size.height == len(lines)


@pilot_test
async def test_flag_list_wraps_messages_by_the_same_rules(tmp_path) -> None:
    from test_app import make_app, started

    from reviewer.tui.panels import FlagList

    app = make_app(tmp_path, "guanba-2025")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot)
        flags = screen.query_one(FlagList)
        width = flags._text_width()
        prompts = [str(flags.get_option_at_index(i).prompt) for i in range(flags.option_count)]
        assert any("100%" in p for p in prompts)  # guanba's perfect rates
        for prompt in prompts:
            lines = prompt.split("\n")
            assert all(line.strip()[:1] not in CLOSING for line in lines[1:])
            assert not any(line.endswith(("1", "10")) for line in lines)
            assert all(cell_len(line) <= width for line in lines), (width, lines)
        wider = width
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert flags._text_width() > wider
        longest = max(cell_len(line) for i in range(flags.option_count)
                      for line in str(flags.get_option_at_index(i).prompt).split("\n"))
        assert longest > wider  # re-wrapped to the new width
