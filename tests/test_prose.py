"""Quotes shown outside the reader wrap by the same Chinese rules as the reader."""

from __future__ import annotations

import re
from itertools import pairwise

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import TabbedContent

from conftest import pilot_test
from reviewer.tui.app import ReviewerApp
from reviewer.tui.config import Settings
from reviewer.tui.panels import NoteList, OutlinePanel
from reviewer.tui.prose import Prose, wrapped
from reviewer.tui.session import Session
from reviewer.tui.themes import bundled_themes_dir
from reviewer.tui.wrap import CLOSING, OPENING

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


def test_a_longer_first_prefix_shortens_only_the_first_line() -> None:
    text = "胜诉率100%，进行合法性审查。"
    # 6 cells after a 4-cell prefix: 胜诉率 fits, 100% does not and moves down whole
    assert wrapped(text, 10, indent=1, first=4).split("\n") == ["胜诉率", " 100%，进", " 行合法性", " 审查。"]
    # not even the first figure fits beside the prefix: the text starts on the next line
    assert wrapped("100%，进行", 10, indent=1, first=7).split("\n") == ["", " 100%，进", " 行"]
    assert wrapped("一\n二", 10, indent=2, first=6) == "一\n  二"
    assert wrapped("", 10, indent=1, first=4) == ""


def _rendered(widget) -> list[str]:
    """The widget's lines as drawn (what the reviewer sees), trailing blanks dropped."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [strip.text.rstrip() for strip in strips]


def _splits_100(lines: list[str]) -> bool:
    return any(before.endswith(("1", "10", "100")) and after.lstrip().startswith(("0", "%"))
               for before, after in pairwise(lines))


NOTE = "严格落实重大行政决策程序制度，对涉及经济社会发展全局、影响面广的重大事项，胜诉率100%，进行合法性审查。"


@pilot_test
async def test_notes_tab_wraps_note_and_quote_by_the_same_rules(tmp_path) -> None:
    from test_app import make_app, started

    app = make_app(tmp_path, "guanba-2025")
    async with app.run_test(size=(80, 60)) as pilot:
        screen = await started(pilot)
        session = screen.session
        at = session.doc.text.index("审查通过率100%")
        # the same note shifted by one cell at a time: at any width one of them has its ，or
        # its 100% right at the edge
        for lead in ("", "a", "审", "a审", "审审", "a审审"):
            session.annotate(at - 10, at + 12, tag="数据存疑", severity="major",
                             note=lead + NOTE)
        session.annotate(at, at + 5, tag="[b]标", severity="minor", note="\x1b[31m[bold]红字")
        screen._refresh_views()
        screen.query_one(TabbedContent).active = "notes"
        for size in ((80, 60), (120, 60), (100, 60)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            notes = screen.query_one(NoteList)
            lines = [line for line in _rendered(notes) if line]
            assert sum(line.startswith(" ●数据存疑") for line in lines) == 6
            assert not [line for line in lines if line.lstrip()[0] in CLOSING], size
            assert not _splits_100(lines), (size, lines)
            for line in lines:
                assert line[1] in "●○ ", (size, line)
                if line[1] == " ":  # under the text, not under the mark
                    assert line[2] != " ", (size, line)
                assert cell_len(line) <= notes.size.width
            shown = "".join(line.strip() for line in lines)
            assert shown.count(NOTE) == 6  # nothing lost
            # markup and escapes stay inert; the tag and the severity on the first line
            assert "[b]标 · 一般\u241b[31m[bold]红字" in shown
            assert sum(line.startswith(" ●数据存疑 · 较重") for line in lines) == 6


def _boundary_report(folder) -> str:
    """A report whose headings put 100% at every position of a narrow outline's edge."""
    lines = ["某某镇人民政府关于2025年度法治政府建设情况的报告", "",
             "2025年，某某镇坚持以习近平法治思想为指导，现将有关情况报告如下。", "",
             "一、2025年度法治政府建设主要举措和成效", ""]
    for number, lead in zip("一二三四五六七八", ("", "a", "审", "a审", "审审", "a审审", "“审", "《"),
                            strict=True):
        lines += [f"（{number}）{lead}行政复议纠错率100%，败诉案件逐件剖析", "",
                  "全年办理行政复议案件12件，依法纠错3件。", ""]
    lines += ["二、存在的不足和原因", "", "部分干部法治意识不强，原因是学习不够深入。", "",
              "三、党政主要负责人履行推进法治建设第一责任人职责情况", "", "主要负责人带头学法。", "",
              "四、2026年工作计划", "", "2026年将继续推进法治政府建设，年底前完成培训2次。", ""]
    path = folder / "boundary-2025.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return str(path)


@pilot_test
async def test_outline_cuts_headings_whole_with_an_ellipsis(tmp_path) -> None:
    session = Session.open(_boundary_report(tmp_path), review_path=str(tmp_path / "r.toml"),
                           reviewer="测试员")
    app = ReviewerApp(Settings(reviewer="测试员", theme_dirs=[bundled_themes_dir()],
                               config_path=tmp_path / "config.toml"), session=session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        outline = app.screen.query_one(OutlinePanel)
        for size in ((120, 40), (80, 24), (120, 12)):  # wide; narrow (F2); a scrollbar shows
            await pilot.resize_terminal(*size)
            await pilot.pause()
            if not outline.display or not outline.parent.display:
                await pilot.press("f2")
                await pilot.pause()
            room = outline.scrollable_content_region.width
            lines = [line for line in _rendered(outline) if line]
            for line in lines:
                assert cell_len(line) <= room, (size, line, room)
                assert not re.search(r"率(1|10|100)(?![0%])", line), (size, line)
                assert not re.search(f"[{re.escape(''.join(OPENING))}]…", line), (size, line)
            cut = [line for line in lines if "纠错率" in line or "行政" in line]
            assert all("败诉案件逐件剖析" in line or line.endswith("…") for line in cut)
            assert lines[0].endswith("成效"), (size, lines)  # the kind stays in view
        # collapsing the long section hides the scrollbar: the labels take the freed cells
        narrower = room
        outline.root.children[0].collapse()
        await pilot.pause()
        assert not outline.show_vertical_scrollbar
        lines = [line for line in _rendered(outline) if line]
        assert narrower < max(map(cell_len, lines)) <= outline.scrollable_content_region.width


def _styled_chars(content) -> list[tuple[str, frozenset[str]]]:
    """Each character of ``content`` with the styles of the spans covering it."""
    return [(char, frozenset(str(s.style) for s in content.spans if s.start <= i < s.end))
            for i, char in enumerate(content.plain)]


def test_styled_text_wraps_by_the_reader_rules_and_keeps_its_styles() -> None:
    from textual.content import Content

    from reviewer.tui.prose import wrap_content

    text = QUOTE + "\n第二段：审查通过率100%。"
    styled = Content(text).stylize("bold", 0, 8)  # 严格落实重大行政
    for run in ("胜诉率100%", "社会公众、专家学者、法律顾问", "100%。"):
        at = text.index(run)
        styled = styled.stylize("underline", at, at + len(run))
    original = _styled_chars(styled)
    for width in range(12, 50):
        for indent, first in ((0, None), (2, 0), (1, 4)):
            lines = wrap_content(styled, width, indent, first)
            shown = lines.plain.split("\n")
            chars = _styled_chars(lines)
            kept, at = [], 0
            for number, line in enumerate(shown):
                lead = indent if number else 0
                assert line[:lead] == " " * lead  # the hanging indent, unstyled
                assert all(not styles for _, styles in chars[at:at + lead])
                prefix = first if first is not None and number == 0 else 0  # drawn before it
                assert cell_len(line) <= width - prefix, (width, indent, line)
                body = line[lead:]
                assert body[:1] not in CLOSING, (width, indent, shown)
                assert body[-1:] not in OPENING, (width, indent, shown)
                kept += chars[at + lead:at + len(line)]
                at += len(line) + 1
            # every character kept, in order, with exactly the styles it had ("\x1b" shown inert)
            expected = [("\u241b" if c == "\x1b" else c, s) for c, s in original if c != "\n"]
            assert kept == expected, (width, indent)
            assert not _splits_100(shown), (width, shown)
            if first == 0:  # a hanging indent: the first line starts at the left edge
                assert shown[0].startswith("严格") and all(
                    line.startswith("  ") and line[2] != " " for line in shown[1:])
