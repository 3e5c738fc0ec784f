"""The one registry of the app's keys: every screen, pane and dialog.

Every key the app answers to is declared here once, with an id (``main.annotate``) that the
config file's ``[keys]`` table uses to remap it, that the help screen lists and that the command
palette offers. The id's first part names where the key works (``main``, ``reader``, ``outline``,
``side``, ``form``, ``search``, ``compare``, ``picker``, ``choose``, ``annotation``, ``prompt``, ``help``,
``app``); ``owner`` names the widget class that binds it (``bindings(owner)`` gives its Textual
bindings).
A key's label is the interface string ``ui.action.<id>``, its word in the key line
``ui.footer.<id>``.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding

from reviewer.i18n import t


class ActionSpec(NamedTuple):
    """One action: ``id`` for the keymap, default ``key`` (comma-separated alternatives), the
    Textual ``action`` run on the widgets named by ``owner`` (space-separated when several bind
    it), whether the key line shows it and whether it goes before the focused widget's own
    handling of the key."""

    id: str
    key: str
    action: str
    owner: str
    footer: bool = False
    priority: bool = False

    @property
    def label(self) -> str:
        return t(f"ui.action.{self.id}")

    @property
    def short_label(self) -> str:
        """The key line's word for it (the key line must fit in 80 columns)."""
        return t(f"ui.footer.{self.id}") if self.footer else self.label


def _list(prefix: str, owner: str, *, select: str | None = None,
          first: str = "first", last: str = "last") -> tuple[ActionSpec, ...]:
    """Moving through a list: the same keys wherever there is one."""
    specs = (
        ActionSpec(f"{prefix}.cursor_down", "down,j", "cursor_down", owner),
        ActionSpec(f"{prefix}.cursor_up", "up,k", "cursor_up", owner),
        ActionSpec(f"{prefix}.page_down", "pagedown", "page_down", owner),
        ActionSpec(f"{prefix}.page_up", "pageup", "page_up", owner),
        ActionSpec(f"{prefix}.first", "home", first, owner),
        ActionSpec(f"{prefix}.last", "end", last, owner),
    )
    if select is not None:
        specs = (ActionSpec(f"{prefix}.select", "enter", select, owner), *specs)
    return specs


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("app.command_palette", "ctrl+p", "command_palette", "app", priority=True),
    ActionSpec("app.quit", "ctrl+q", "quit", "app", priority=True),
    # the main screen
    ActionSpec("main.next_pane", "tab", "next_pane", "main"),
    ActionSpec("main.previous_pane", "shift+tab", "previous_pane", "main"),
    # the side panel's tabs and the review form's fields, from anywhere on the screen
    ActionSpec("main.tab_flags", "1", "show_tab('flags')", "main"),
    ActionSpec("main.tab_notes", "2", "show_tab('notes')", "main"),
    ActionSpec("main.tab_review", "3", "show_tab('review')", "main"),
    ActionSpec("main.scores", "s", "review_field('scores')", "main"),
    ActionSpec("main.verdict", "V", "review_field('verdict')", "main"),
    ActionSpec("main.summary", "S", "review_field('summary')", "main"),
    ActionSpec("main.toggle_outline", "f2", "toggle_outline", "main", footer=True),
    ActionSpec("main.toggle_side", "f3", "toggle_side", "main", footer=True),
    ActionSpec("main.annotate", "a", "annotate", "main", footer=True),
    ActionSpec("main.edit", "e", "edit_annotation", "main"),
    ActionSpec("main.delete", "d", "delete_annotation", "main"),
    ActionSpec("main.undo", "u", "undo", "main"),
    ActionSpec("main.next_flag", "n", "next_flag", "main", footer=True),
    ActionSpec("main.previous_flag", "N", "previous_flag", "main"),
    ActionSpec("main.dismiss_flag", "x", "decide_flag('dismissed')", "main"),
    ActionSpec("main.confirm_flag", "c", "decide_flag('confirmed')", "main"),
    ActionSpec("main.search", "slash", "search", "main", footer=True),
    ActionSpec("main.search_next", "ctrl+n", "search_next", "main"),
    ActionSpec("main.search_previous", "ctrl+r", "search_previous", "main"),
    ActionSpec("main.clear_search", "escape", "clear_search", "main"),
    ActionSpec("main.copy", "y", "copy", "main"),
    ActionSpec("main.compare", "p", "compare", "main"),
    ActionSpec("main.cancel_checks", "escape", "cancel_checks", "main"),
    ActionSpec("main.next_report", "right_square_bracket", "next_report", "main"),
    ActionSpec("main.previous_report", "left_square_bracket", "previous_report", "main"),
    ActionSpec("main.next_theme", "f4", "next_theme", "main"),
    ActionSpec("main.save", "ctrl+s", "save", "main"),
    ActionSpec("main.help", "question_mark,f1", "help", "main", footer=True),
    ActionSpec("main.quit", "q", "quit", "main", footer=True),
    # the reader
    ActionSpec("reader.line_down", "j,down", "line_down", "reader"),
    ActionSpec("reader.line_up", "k,up", "line_up", "reader"),
    ActionSpec("reader.sentence_down", "J", "sentence_down", "reader"),
    ActionSpec("reader.sentence_up", "K", "sentence_up", "reader"),
    ActionSpec("reader.page_down", "pagedown", "page_down", "reader"),
    ActionSpec("reader.page_up", "pageup", "page_up", "reader"),
    ActionSpec("reader.top", "g,home", "top", "reader"),
    ActionSpec("reader.bottom", "G,end", "bottom", "reader"),
    ActionSpec("reader.toggle_selection", "v", "toggle_selection", "reader"),
    ActionSpec("reader.char_right", "l,right", "char_right", "reader"),
    ActionSpec("reader.char_left", "h,left", "char_left", "reader"),
    ActionSpec("reader.swap_selection_ends", "o", "swap_selection_ends", "reader"),
    # the outline pane
    *_list("outline", "outline", select="select_cursor", first="scroll_home",
           last="scroll_end"),
    ActionSpec("outline.toggle", "space", "toggle_node", "outline"),
    ActionSpec("outline.expand_all", "shift+space", "toggle_expand_all", "outline"),
    ActionSpec("outline.parent", "shift+left", "cursor_parent", "outline"),
    ActionSpec("outline.next_sibling", "shift+down", "cursor_next_sibling", "outline"),
    ActionSpec("outline.previous_sibling", "shift+up", "cursor_previous_sibling", "outline"),
    # the side panel: its tabs (] and [ are the next and previous report), its flag and note
    # lists, and the flag list's filter and decisions by rule
    ActionSpec("side.next_tab", "ctrl+pagedown", "next_tab", "side"),
    ActionSpec("side.previous_tab", "ctrl+pageup", "previous_tab", "side"),
    *_list("side", "side-list", select="select"),
    ActionSpec("side.filter", "f", "filter", "flag-list", footer=True),
    ActionSpec("side.clear_filter", "F", "clear_filter", "flag-list"),
    ActionSpec("side.confirm_rule", "C", "decide_rule('confirmed')", "flag-list"),
    ActionSpec("side.dismiss_rule", "X", "decide_rule('dismissed')", "flag-list"),
    # an open drop-down list of the review form (a score, the verdict); a letter typed there
    # goes to the option that starts with it, so its keys are not letters
    ActionSpec("form.close_list", "escape", "dismiss", "form-list", footer=True),
    ActionSpec("form.choose", "enter", "select", "form-list"),
    ActionSpec("form.cursor_down", "down", "cursor_down", "form-list"),
    ActionSpec("form.cursor_up", "up", "cursor_up", "form-list"),
    ActionSpec("form.page_down", "pagedown", "page_down", "form-list"),
    ActionSpec("form.page_up", "pageup", "page_up", "form-list"),
    ActionSpec("form.first", "home", "first", "form-list"),
    ActionSpec("form.last", "end", "last", "form-list"),
    ActionSpec("search.close", "escape", "close", "search"),
    # the comparison with last year's report
    ActionSpec("compare.back", "escape", "back", "compare", footer=True),
    ActionSpec("compare.accept", "a", "accept", "compare", footer=True),
    ActionSpec("compare.cycle", "s", "cycle", "compare", footer=True),
    ActionSpec("compare.switch_tab", "t", "switch_tab", "compare", footer=True),
    *(ActionSpec(f"compare.choose_{n}", str(n), f"choose({n})", "compare") for n in range(1, 6)),
    ActionSpec("compare.note", "n", "note", "compare", footer=True),
    ActionSpec("compare.undo", "u", "undo", "compare"),
    ActionSpec("compare.save", "ctrl+s", "save", "compare"),
    ActionSpec("compare.help", "question_mark,f1", "help", "compare", footer=True),
    ActionSpec("compare.quit", "q", "quit", "compare", footer=True),
    *_list("compare", "compare-list"),
    # the report picker: the folder's list of reports
    ActionSpec("picker.column_right", "right,l", "column_right", "picker"),
    ActionSpec("picker.column_left", "left,h", "column_left", "picker"),
    ActionSpec("picker.sort", "s", "sort", "picker", footer=True),
    ActionSpec("picker.filter", "f", "filter", "picker", footer=True),
    ActionSpec("picker.clear_filters", "F", "clear_filters", "picker"),
    ActionSpec("picker.find", "slash", "find", "picker", footer=True),
    ActionSpec("picker.find_close", "escape", "close", "picker-find"),
    ActionSpec("picker.prior", "p", "prior", "picker", footer=True),
    ActionSpec("picker.help", "question_mark,f1", "help", "picker", footer=True),
    ActionSpec("picker.quit", "q", "quit", "picker", footer=True),
    *_list("picker", "picker-table", select="select_cursor", first="scroll_top",
           last="scroll_bottom"),
    # choosing one of a list (last year's report)
    ActionSpec("choose.cancel", "escape", "cancel", "choose", footer=True),
    ActionSpec("choose.help", "f1", "help", "choose", footer=True),
    *_list("choose", "choose-list", select="select"),
    # the annotation dialog
    ActionSpec("annotation.submit", "enter", "submit",
               "annotation-note annotation-tag annotation-choices", footer=True, priority=True),
    ActionSpec("annotation.save", "ctrl+s", "save", "annotation", priority=True),
    ActionSpec("annotation.newline", "ctrl+j", "newline", "annotation-note", footer=True,
               priority=True),
    ActionSpec("annotation.editor", "ctrl+e", "editor", "annotation", footer=True,
               priority=True),
    *(ActionSpec(f"annotation.pick_{n}", str(n), f"pick({n})", "annotation-choices")
      for n in range(1, 10)),
    ActionSpec("annotation.toggle", "space", "toggle", "annotation-choices"),
    ActionSpec("annotation.choice_next", "right,l", "move(1)", "annotation-choices"),
    ActionSpec("annotation.choice_previous", "left,h", "move(-1)", "annotation-choices"),
    ActionSpec("annotation.next_field", "tab", "app.focus_next", "annotation", footer=True),
    ActionSpec("annotation.previous_field", "shift+tab", "app.focus_previous", "annotation"),
    ActionSpec("annotation.cancel", "escape", "cancel", "annotation", footer=True),
    ActionSpec("annotation.help", "f1", "help", "annotation", footer=True),
    # the one-line prompt: a decision on a flag, a note on a plan item or a target
    ActionSpec("prompt.save", "enter", "submit", "prompt-field", footer=True),
    ActionSpec("prompt.cancel", "escape", "cancel", "prompt", footer=True),
    ActionSpec("prompt.help", "f1", "help", "prompt", footer=True),
    # the help screen
    ActionSpec("help.close", "escape,q,question_mark,f1", "close", "help"),
    *_list("help", "help-table", first="scroll_top", last="scroll_bottom"),
)

_BY_ID = {spec.id: spec for spec in ACTIONS}


def spec(action_id: str) -> ActionSpec:
    return _BY_ID[action_id]


def known_ids() -> list[str]:
    return [s.id for s in ACTIONS]


def bindings(owner: str) -> list[Binding]:
    """The Textual bindings of one owner, each carrying its id so the keymap can remap it."""
    return [Binding(s.key, s.action, s.short_label, show=s.footer, id=s.id,
                    priority=s.priority)
            for s in ACTIONS if owner in s.owner.split()]


class Entry(NamedTuple):
    """A row of the help screen and the command palette."""

    id: str
    keys: str
    label: str
    action: str
    owner: str


def display_keys(keys: str) -> str:
    from textual.keys import format_key

    return ", ".join(format_key(k.strip()) for k in keys.split(","))


def current_key(keymap: dict[str, str], action_id: str) -> str:
    """The keys that run ``action_id`` now, as shown: the user's from ``keymap``, else the
    default (``ctrl+s, f10`` for two)."""
    return display_keys(keymap.get(action_id, spec(action_id).key))


def entries(prefixes: tuple[str, ...], keymap: dict[str, str]) -> list[Entry]:
    """The actions whose ids start with one of ``prefixes`` (in that order), each with the key
    that runs it now: the user's from ``keymap``, else the default."""
    return [Entry(s.id, display_keys(keymap.get(s.id, s.key)), s.label, s.action, s.owner)
            for prefix in prefixes for s in ACTIONS if s.id.partition(".")[0] == prefix]


# --- the config file's [keys] ------------------------------------------------------------------

_MODIFIERS = frozenset(("ctrl", "shift", "alt", "meta", "super", "hyper"))


def valid_key(key: str) -> bool:
    """Whether ``key`` names a key Textual can bind: ``a``, ``J``, ``?``, ``ctrl+d``, ``f5``,
    ``pagedown``, ``question_mark``, ``shift+tab``…"""
    from textual.keys import KEY_TO_UNICODE_NAME, REPLACED_KEYS, Keys, key_to_character

    *modifiers, base = key.strip().split("+")
    if not base or any(m not in _MODIFIERS for m in modifiers):
        return False
    if len(base) == 1:
        return base.isprintable() and not base.isspace()
    names = {k.value for k in Keys}
    return (base in names or base in KEY_TO_UNICODE_NAME or base in REPLACED_KEYS
            or key_to_character(base) is not None)


def _grouped(ids: list[str]) -> str:
    """``main.{annotate, edit}; reader.{…}``: every id, short enough for a notice."""
    groups: dict[str, list[str]] = {}
    for ident in ids:
        prefix, _, name = ident.partition(".")
        groups.setdefault(prefix, []).append(name)
    return "; ".join(f"{prefix}.{{{', '.join(names)}}}" for prefix, names in groups.items())


def check_keymap(keys: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Split the config's ``[keys]`` into the usable keymap and problems: an unknown id, or a
    key that names no key, each reported with what would be valid."""
    known = known_ids()
    keymap: dict[str, str] = {}
    problems: list[str] = []
    for ident, value in keys.items():
        if ident not in _BY_ID:
            problems.append(t("ui.unknown_action", id=ident, ids=_grouped(known)))
            continue
        wrong = [k.strip() for k in value.split(",") if not valid_key(k)]
        if wrong:
            problems.append(t("ui.unknown_key", id=ident, keys=", ".join(wrong)))
            continue
        keymap[ident] = value
    return keymap, problems
