"""The panels around the reader: outline, the side panel's flag and note lists, the review
and the review form.

They show what the session holds and report choices as messages (``JumpTo``; the review form's
``ScoreChosen``, ``VerdictChosen``, ``SummaryTyped``): the screen turns those into calls on the
session, so no panel changes the review itself, and none computes anything about the report.
Their keys come from the action registry (``outline.*``, ``side.*``). Report text is passed as plain ``Content``/``Text`` after ``inert``.
The main screen mounts them right after its first frame, so each one draws itself from the
session when it mounts, whatever changed before.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Offset, Region
from textual.widget import Widget
from textual.widgets import (
    Label,
    OptionList,
    Select,
    TabbedContent,
    TabPane,
    TextArea,
    Tree,
)
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets.option_list import Option

from reviewer.document import UNKNOWN
from reviewer.i18n import t
from reviewer.tui import actions
from reviewer.tui.messages import DecideFlags, JumpTo, ScoreChosen, SummaryTyped, VerdictChosen
from reviewer.tui.plain import inert, snippet, term
from reviewer.tui.prose import Prose, WrappedList, wrap_content, wrapped
from reviewer.tui.session import Session
from reviewer.tui.wrap import ellipsize

# Flags use error/warning/info; the reviewer's own notes the review vocabulary's severities.
SEVERITY_MARK = {"error": ("●", "$error"), "warning": ("●", "$warning"), "info": ("○", "$accent"),
                 "critical": ("●", "$error"), "major": ("●", "$warning"),
                 "minor": ("○", "$accent")}
DECISION_MARK = {"confirmed": "✓", "dismissed": "✗"}
MIN_HEADING = 8  # cells of a heading worth keeping before its kind is left out


# the most parts an outline opens with every level showing
OUTLINE_OPEN_MOST = 2000


class OutlinePanel(Tree, inherit_bindings=False):
    """The section tree: kind, flag and note counts per section; Enter jumps the reader.

    Each heading takes one line, fitted to the pane: counts first (a narrow pane never cuts
    them), then the heading, cut with … where a line could break (never half a character or a
    figure), then its kind, shown where it differs from the kind of the section around it.
    Labels are fitted again when the pane's width changes.
    """

    BINDINGS = actions.bindings("outline")

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(Text(snippet(session.doc.title or t("ui.outline"), 30)), **kwargs)
        self.session = session
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self._labelled_at = 0
        self._relabelling = False

    def on_mount(self) -> None:
        sections = self.session.doc.sections
        stack = list(sections)
        count = 0
        while stack and count <= OUTLINE_OPEN_MOST:
            sec = stack.pop()
            count += 1
            stack.extend(sec.children)
        # an outline of thousands of parts (a folder of reports merged into one) opens with
        # only its top level showing: laid out whole it costs seconds and reads as a wall
        expand = count <= OUTLINE_OPEN_MOST

        def add(parent: Any, section: Any) -> None:
            node = parent.add("", data=section, expand=expand,
                              allow_expand=bool(section.children))
            for child in section.children:
                add(node, child)

        for section in sections:
            add(self.root, section)
        self.refresh_items()

    def _room(self) -> int:
        """Cells a line has: the pane's width less a vertical scrollbar when one shows."""
        return self.scrollable_content_region.width

    def on_resize(self) -> None:
        self._refit()

    def watch_show_vertical_scrollbar(self) -> None:
        self._refit()

    def _refit(self) -> None:
        if self._room() != self._labelled_at:
            self.refresh_items()

    def call_later(self, callback: Any, *args: Any, **kwargs: Any) -> bool:
        if self._relabelling and getattr(callback, "__name__", "") == "_refresh_node":
            # a node relabelled while every node is: the whole tree is redrawn once after
            # (a long report has tens of thousands of sections: one callback each froze the
            # screen for seconds)
            return True
        return super().call_later(callback, *args, **kwargs)

    def refresh_items(self) -> None:
        """Relabel every section with its current flag and note counts."""
        self._relabelling = True
        try:
            self._relabel()
        finally:
            self._relabelling = False
        self.refresh()

    def _relabel(self) -> None:
        # starts in order, counted by bisection: a long report has thousands of sections
        flags = sorted(f.start for f in self.session.flags)
        notes = sorted(a.anchor.start for a in self.session.annotations)
        room = self._labelled_at = self._room()
        icon = cell_len(self.ICON_NODE)
        stack = [(node, 0, None) for node in self.root.children]
        while stack:
            node, depth, outer_kinds = stack.pop()
            sec = node.data
            stack.extend((child, depth + 1, sec.kinds) for child in node.children)
            n_flags = bisect_left(flags, sec.end) - bisect_left(flags, sec.start)
            n_notes = bisect_left(notes, sec.end) - bisect_left(notes, sec.start)
            counts = (f"⚑{n_flags} " if n_flags else "") + (f"✎{n_notes} " if n_notes else "")
            heading = " ".join((sec.heading.numbering + sec.heading.title).split())
            # all kinds of a part joining two (目标+计划); an unknown one is shown as ?
            label = "+".join(t("kinds." + k) for k in sec.kinds)
            kind = f" {label}" if sec.kinds != outer_kinds else ""
            if room > 0:  # laid out: fit the line (guides, expand icon, label) to the pane
                guides = depth * self.guide_depth + (icon if node.allow_expand else 0)
                space = room - guides - cell_len(counts)
                if (space - cell_len(kind) < MIN_HEADING and cell_len(heading + kind) > space
                        and sec.kind != UNKNOWN):
                    kind = ""  # too narrow for both: the heading says more (but never hide a ?)
                heading = ellipsize(heading, max(space - cell_len(kind), 0))
            else:  # not laid out yet (a hidden pane): fitted once it shows
                heading = snippet(heading, 24)
            node.set_label(Text.assemble((counts, "bold"), heading, (kind, "dim")))

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        event.stop()
        if event.node.data is not None:
            self.post_message(JumpTo(event.node.data.heading.start))


# What the flag list can be filtered by: each flag's field, in the order the choice lists them.
FILTER_FIELDS = ("severity", "category", "rule")


def filter_label(field: str, value: str) -> str:
    """A filter's value as the interface names it: 错误, 数字, or the rule's id."""
    if field == "severity":
        key = f"flags.severity_{value}"
    elif field == "category":
        key = f"workspace.category.{value}"
    else:
        return inert(value)
    label = t(key)
    return inert(value) if label == key else label


class SideList(WrappedList, inherit_bindings=False):
    """A list of the side panel: focused with nothing highlighted, its first entry is, so Enter
    goes there at once."""

    def on_focus(self) -> None:
        if self.highlighted is None:
            self.action_first()


class FlagList(SideList, inherit_bindings=False):
    """The report's flags in the engine's order, with the reviewer's decision on each.

    The list can be filtered by severity, category and rule (``f`` opens the choice, ``F`` clears
    it; the filters of several fields hold at once), shown with its count in the line above the
    list; ``C`` / ``X`` ask the screen to confirm / dismiss every shown flag of the rule under the
    cursor (``DecideFlags``).
    """

    BINDINGS = [*actions.bindings("side-list"), *actions.bindings("flag-list")]

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.filters: dict[str, str] = {}  # field → value
        self.shown: list[Any] = []

    def _passes(self, flag: Any) -> bool:
        return all(getattr(flag, name, None) == value for name, value in self.filters.items())

    def refresh_items(self) -> None:
        keep = self.highlighted
        self.clear_options()
        self.shown = [f for f in self.session.flags if self._passes(f)]
        self._show_filter()
        if not self.session.flags_ready:
            said = "ui.flags_cancelled" if self.session.flags_stopped else "ui.flags_running"
            self.add_option(Option(Content(t(said)), disabled=True))
            return
        if not self.shown:
            self.add_option(Option(Content(t("ui.no_flags_shown" if self.session.flags
                                             else "ui.no_flags")), disabled=True))
            return
        width = self._text_width()
        options = []
        for flag in self.shown:
            mark, style = SEVERITY_MARK.get(flag.severity, ("·", ""))
            decision = DECISION_MARK.get(self.session.decision(flag) or "", "")
            prefix = cell_len(mark + decision)
            message = wrapped(flag.message, width, prefix) if width > prefix + 4 \
                else inert(flag.message)
            options.append(Option(Content.assemble((mark, style), decision, message)))
        self.add_options(options)  # at once: one by one, the list is laid out again each time
        if keep is not None:
            self.highlighted = min(keep, len(self.shown) - 1)

    def _show_filter(self) -> None:
        """The line above the list: the filter and how many flags it keeps, or nothing."""
        found = self.parent.query("#flag-filter") if self.parent is not None else None
        if not found:
            return
        line = found.first(Prose)
        if line.display != bool(self.filters):  # setting it, even unchanged, costs a layout
            line.display = bool(self.filters)
        if self.filters:
            named = " · ".join(filter_label(k, v) for k, v in self.filters.items())
            line.update(Content(t("ui.flag_filter", filter=named, shown=len(self.shown),
                                  total=len(self.session.flags),
                                  clear=self._key("side.clear_filter"))))

    def _key(self, action_id: str) -> str:
        return actions.current_key(getattr(self.app, "user_keymap", {}), action_id)

    def show_flag(self, flag: Any) -> None:
        if flag in self.shown:
            self.highlighted = self.shown.index(flag)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.shown:
            flag = self.shown[event.option_index]
            self.post_message(JumpTo(flag.start, flag))

    def _here(self) -> Any | None:
        index = self.highlighted
        return self.shown[index] if self.shown and index is not None \
            and 0 <= index < len(self.shown) else None

    # --- the filter ------------------------------------------------------------------------
    def filter_choices(self) -> list[tuple[str, str]]:
        """The values the flags have, field by field, each with how many flags choosing it
        would show: the flags that have it and pass the filters of the other fields (a value
        no flag passing them has counts 0, and stays to switch to). The active ones are marked
        by the dialog (``field=value``)."""
        choices: list[tuple[str, str]] = []
        if self.filters:
            choices.append(("", t("ui.filter_none")))
        for name in FILTER_FIELDS:
            others = {k: v for k, v in self.filters.items() if k != name}
            counts: dict[str, int] = {}
            for flag in self.session.flags:  # in the engine's order of importance
                value = str(getattr(flag, name, ""))
                passes = all(getattr(flag, k, None) == v for k, v in others.items())
                counts[value] = counts.get(value, 0) + passes
            choices += [(f"{name}={value}", t("ui.filter_choice", field=t(f"ui.filter_{name}"),
                                             value=filter_label(name, value), count=n))
                        for value, n in counts.items()]
        return choices

    def set_filter(self, choice: str | None) -> None:
        """Apply a choice of ``filter_choices``: a value for its field (chosen again: that field
        no longer filters), "" for no filter, ``None`` for no change."""
        if choice is None:
            return
        if not choice:
            self.filters = {}
        else:
            name, _, value = choice.partition("=")
            if self.filters.get(name) == value:
                del self.filters[name]
            else:
                self.filters[name] = value
                self.filters = {k: self.filters[k] for k in FILTER_FIELDS if k in self.filters}
        self.highlighted = None
        self.refresh_items()
        if self.shown:
            self.highlighted = 0

    def action_filter(self) -> None:
        from reviewer.tui.screens.choose import ChooseDialog

        if not self.session.flags:
            self.notify(t("ui.no_flags"))
            return
        marked = {f"{k}={v}" for k, v in self.filters.items()}
        self.app.push_screen(ChooseDialog(t("ui.filter_title"), self.filter_choices(), marked),
                             self.set_filter)

    def action_clear_filter(self) -> None:
        if self.filters:
            self.set_filter("")

    def action_decide_rule(self, decision: str) -> None:
        flag = self._here()
        if flag is None:
            self.notify(t("ui.no_flag_here"), severity="warning")
            return
        same = [f for f in self.shown if f.rule == flag.rule]
        self.post_message(DecideFlags(same, decision, flag.rule))


class NoteList(SideList, inherit_bindings=False):
    """The reviewer's annotations in text order: tag, severity, note and the quoted passage.

    Each option: the severity mark, then the tag and the note; the quote on the lines below. Every
    line after the first is indented under the text, so the marks stand alone in their column.
    """

    BINDINGS = actions.bindings("side-list")

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self._notes: list[Any] = []

    def refresh_items(self) -> None:
        keep = self.highlighted
        self._notes = self.session.annotations
        self.clear_options()
        if not self._notes:
            self.add_option(Option(Content(t("ui.no_notes")), disabled=True))
            return
        width = self._text_width()
        self.add_options([Option(self._prompt(note, width)) for note in self._notes])
        if keep is not None:
            self.highlighted = min(keep, len(self._notes) - 1)

    @staticmethod
    def _prompt(note: Any, width: int) -> Content:
        mark, style = SEVERITY_MARK.get(note.severity, ("·", ""))
        orphan = f" {t('ui.orphan')}" if note.anchor.orphan else ""
        text, quote = snippet(note.note, 200), snippet(note.anchor.quote, 200)
        tags = "、".join(inert(tag) for tag in note_tags(note))
        severity = f" · {term('severity', note.severity)}"
        indent = cell_len(mark)
        if width <= indent + 4:  # not laid out yet (a hidden tab): Textual's folding will do
            return Content.assemble((mark, style), (tags, "bold"), (severity, style),
                                    (orphan, "$error"), " ", text, "\n", (quote, "dim"))
        # the tags and severity keep the first line (long tags cut), and the note starts below
        room = max(width - indent - cell_len(severity + orphan), 2)
        tags = ellipsize(tags, room)
        return Content.assemble(
            (mark, style), (tags, "bold"), (severity, style), (orphan, "$error"),
            "\n" + " " * indent, wrapped(text, width, indent) if text else "",
            "\n" + " " * indent if text else "", (wrapped(quote, width, indent), "dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if not self._notes:
            return
        note = self._notes[event.option_index]
        if note.anchor.orphan:  # its passage is no longer in the text: nowhere to go
            self.notify(t("ui.orphan_no_jump"), severity="warning")
            return
        self.post_message(JumpTo(note.anchor.start))


def note_tags(note: Any) -> tuple[str, ...]:
    """A note's tags: several where the note has them, else its one tag."""
    tags = getattr(note, "tags", None)
    if tags:
        return tuple(tags)
    return (note.tag,) if note.tag else ()


class SideTabs(TabbedContent):
    """The side panel's tabs, turned only by the reviewer (a key, a click on a tab).

    Textual would also show the page of every widget focused: that focus arrives as a message,
    after the reviewer may have asked for another page (``3`` then ``1`` typed quickly), and
    turned the tabs back. The panel always shows a page before focusing in it."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        # Textual runs this before TabbedContent's own handler, which prevent_default skips
        event.stop()
        event.prevent_default()


class SidePanel(Vertical):
    """The side panel's tabs: the flags, the notes and the review form. The screen's keys
    (``1``/``2``/``3`` by default) show each tab, ctrl+PgDn/ctrl+PgUp turn them while the focus is
    in the panel; ``]`` and ``[`` are the next and previous report, never a tab."""

    BINDINGS = actions.bindings("side")
    TABS = ("flags", "notes", "review")

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session

    def tab_label(self, name: str) -> str:
        """``1 标记``: the tab's name after the key that opens it (the user's, if remapped), so
        the three keys are learnt from the screen."""
        key = actions.current_key(getattr(self.app, "user_keymap", {}), f"main.tab_{name}")
        return f"{key.split(', ')[0]} {t('ui.tab_' + name)}"

    def compose(self) -> ComposeResult:
        session = self.session
        with SideTabs(initial="flags"):
            with TabPane(self.tab_label("flags"), id="flags"):
                filter_line = Prose(id="flag-filter")
                filter_line.display = False
                yield filter_line
                yield FlagList(session, id="flag-list")
            with TabPane(self.tab_label("notes"), id="notes"):
                yield NoteList(session, id="note-list")
            with TabPane(self.tab_label("review"), id="review"):
                yield ReviewPanel(session, id="review-panel")

    def stops(self, name: str | None = None) -> list[Widget]:
        """What takes the keys on the page shown (or the page ``name``): its list, or each field
        of the review form (not the scrolling frame around them)."""
        tabs = self.query_one(TabbedContent)
        pane = tabs.get_pane(name) if name else tabs.active_pane
        if pane is None:
            return [tabs]
        found = [w for w in pane.query("*") if w.focusable and not isinstance(w, ReviewPanel)
                 and not any(isinstance(a, Select) for a in w.ancestors)]  # a list's drop-down
        return found or [tabs]

    def show_tab(self, name: str, field: str | None = None) -> None:
        """Show the tab ``name`` and focus its list, or on the review form the field ``field``
        (``#score-0``, ``#verdict``, ``#summary``; by default the first), scrolled into view."""
        tabs = self.query_one(TabbedContent)
        tabs.active = name
        building = name == "review" and self.query_one(ReviewPanel).build()

        def focus() -> None:
            stops = self.stops(name)
            target = next((w for w in stops if field and w.id == field.lstrip("#")), stops[0])
            target.focus()

        if building:  # the form's fields are being mounted: focused once they are there
            self.call_after_refresh(focus)
        else:  # at once: the next key of a burst (1 then C) already goes to this tab
            focus()

    def _turn(self, step: int) -> None:
        tabs = self.query_one(TabbedContent)
        here = self.TABS.index(tabs.active) if tabs.active in self.TABS else 0
        self.show_tab(self.TABS[(here + step) % len(self.TABS)])

    def action_next_tab(self) -> None:
        self._turn(1)

    def action_previous_tab(self) -> None:
        self._turn(-1)


class FormList(SelectOverlay, inherit_bindings=False):
    """The open list of a drop-down of the review form: Textual's, with the registry's keys
    (``form.*``), so the key line and the help name them in the interface's language."""

    BINDINGS = actions.bindings("form-list")


class FormSelect(Select[Any]):
    """A drop-down of the review form, whose list is a `FormList`."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield FormList(type_to_search=self._type_to_search).data_bind(compact=Select.compact)


SELECT_CHROME = 8  # cells a Select takes around its label: border, padding and the arrow


class ScoreSelect(FormSelect):
    """A score's drop-down list: each score with what it means for the criterion, wrapped by the
    reader's Chinese rules at the list's width (Textual would fold a line before ，) with the
    meaning's lines under the meaning, and wrapped again when the width changes."""

    def __init__(self, scale: list[tuple[int, str]], **kwargs: Any) -> None:
        self.scale = scale
        self._fitted_at = 0
        super().__init__(self._prompts(0), **kwargs)

    def _prompts(self, width: int) -> list[tuple[Content, int]]:
        prompts = []
        for value, meaning in self.scale:
            text = Content.assemble((str(value), "bold"), " " if meaning else "", meaning)
            prompts.append((wrap_content(text, width, indent=cell_len(f"{value} "), first=0)
                            if width > 6 else text, value))
        return prompts

    def _fit(self) -> None:
        """Wrap the options at the width the list has now (if that is new and known)."""
        width = self.size.width - SELECT_CHROME
        if width != self._fitted_at and width > 6:
            self._fitted_at = width
            keep = self.value
            with self.prevent(Select.Changed):  # the same choice, only wrapped anew
                self.set_options(self._prompts(width))
                self.value = keep

    def on_resize(self) -> None:
        # Setting the options anew empties the list and puts its cursor back on the choice: an
        # open list would lose the keys already pressed in it (the form's first resize can come
        # after enter has opened the list, on a busy machine). An open list is wrapped when it
        # closes instead; one about to open is wrapped first (validate_expanded).
        if not self.expanded:
            self._fit()

    def validate_expanded(self, expanded: bool) -> bool:
        """The list opens with its options final: wrapped at the width the layout gave it, even
        if the resize that says so has not been handled yet."""
        if expanded and not self.expanded:
            self._fit()
        return expanded

    def watch_expanded(self, expanded: bool) -> None:
        if not expanded:  # a resize that came while the list was open
            self._fit()


class ReviewPanel(VerticalScroll):
    """Scores per rubric criterion, the verdict and the summary, edited in place.

    Its fields are built the first time the tab is shown (``build``): a dozen form widgets are
    not worth delaying the report's first frame for. A change is posted as a message for the
    screen to record; ``refresh_items`` sets the fields to what the review holds (after an undo).
    """

    def __init__(self, session: Session, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.built = False

    def build(self) -> bool:
        """Mount the fields, the first time: whether they are being mounted now."""
        if self.built:
            return False
        self.built = True
        self.mount_all(self._fields())
        return True

    def scroll_to_region(self, region: Region, **kwargs: Any) -> Offset:
        """The form jumps to the field focused, at once: scrolled by an animation, the field
        would only come into view a moment after the key that chose it."""
        return super().scroll_to_region(region, **{**kwargs, "animate": False,
                                                   "immediate": True})

    def _fields(self) -> list[Widget]:
        from reviewer.review import load_vocabulary

        vocab = load_vocabulary()
        review = self.session.review
        values = range(vocab.score_min, vocab.score_max + 1)
        self._scale = set(values)
        fields: list[Widget] = []
        for number, criterion in enumerate(vocab.criteria):
            # each score with what it means for this criterion, where the rubric says
            scale = [(v, criterion.meaning(v, vocab.score_min)) for v in values]
            fields.append(Label(Content.assemble((criterion.name, "bold"), " ",
                                                 (criterion.hint, "dim")), classes="field-label"))
            fields.append(ScoreSelect(scale, value=self._shown(criterion.name) or Select.NULL,
                                 prompt=t("ui.not_scored"), id=f"score-{number}",
                                 name=criterion.name, classes="score"))
        fields.append(Label(t("ui.verdict"), classes="field-label"))
        fields.append(FormSelect([(term("verdict", v), v) for v in vocab.verdicts],
                             value=review.verdict if review.verdict in vocab.verdicts
                             else Select.NULL, prompt=t("ui.no_verdict"),
                             id="verdict"))
        fields.append(Label(t("ui.summary"), classes="field-label"))
        fields.append(TextArea(review.summary or "", id="summary", soft_wrap=True,
                               tab_behavior="focus"))
        return fields

    def refresh_items(self) -> None:
        """Show what the review holds now (the fields follow an undo, for one)."""
        if not self.built:
            return
        from reviewer.review import load_vocabulary

        review = self.session.review
        for select in self.query(".score").results(Select):
            value = self._shown(select.name or "")
            value = Select.NULL if value is None else value
            if select.value != value:
                select.value = value
        verdict = self.query_one("#verdict", Select)
        shown = review.verdict if review.verdict in load_vocabulary().verdicts else Select.NULL
        if verdict.value != shown:
            verdict.value = shown
        summary = self.query_one("#summary", TextArea)
        if summary.text != review.summary:
            summary.load_text(review.summary)

    def _shown(self, criterion: str) -> int | None:
        """The score shown for ``criterion``: none for one outside the rubric's scale (a
        hand-edited file), which stays in the review until the reviewer scores it."""
        value = self.session.review.scores.get(criterion)
        return value if value in self._scale else None

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else event.value
        ident = event.select.id or ""
        if ident == "verdict":
            from reviewer.review import load_vocabulary

            verdict = self.session.review.verdict
            shown = verdict if verdict in load_vocabulary().verdicts else None
            if value != shown:  # not a verdict the vocabulary knows: kept until one is chosen
                self.post_message(VerdictChosen(value or ""))
        elif ident.startswith("score-"):
            criterion = event.select.name or ""
            if value != self._shown(criterion):
                self.post_message(ScoreChosen(criterion, value))

    @on(TextArea.Changed, "#summary")
    def _summary_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.text != self.session.review.summary:
            self.post_message(SummaryTyped(event.text_area.text))
