"""``reviewer outline FILE [--json]``: metadata and the section outline of one report."""

from __future__ import annotations

import argparse

from reviewer.commands.common import document_dict, error, print_json, say
from reviewer.document import Change, Document, ReportError, Section, load_document
from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.profiles import ProfileError, all_profiles

META_ORDER = ("title", "government", "year", "year_reviewed", "plan_year", "issuer", "doc_number",
              "addressee", "date_written", "date_published", "date_signed", "date_printed",
              "source", "red_header", "index", "file_title", "author", "created", "modified")
_EXCERPT = 24
_NOTE_WIDTH = 60
_JOIN_CONTEXT = 3


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("outline", help="metadata and outline of a report / 报告元数据与提纲")
    p.add_argument("file", help="report file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--genre", choices=sorted(all_profiles()), help="override genre detection")


def change_line(text: str, change: Change) -> str:
    """One normalization note: the original line, what was done, and the text concerned (for a
    join, the words around it)."""
    what = change.removed.strip() or text[max(0, change.start - _JOIN_CONTEXT):
                                          change.end + _JOIN_CONTEXT]
    what = what.replace("\n", "⏎")
    if len(what) > _NOTE_WIDTH:
        what = what[:_NOTE_WIDTH] + "…"
    return t("meta.change_line", line=change.line, kind=t("cli.change_" + change.kind),
             what=what, start=change.start)


def render(doc: Document) -> str:
    lines = [f"{t('meta.path')}: {shown_path(doc.path)}", f"{t('meta.genre')}: {doc.genre}"]
    for key in META_ORDER:
        f = doc.metadata.get(key)
        if f:
            where = f"  ({f.source})" if key in ("year_reviewed", "plan_year") else ""
            lines.append(f"{t('meta.' + key)}: {f.value}{where}")
        elif key == "title":
            lines.append(f"{t('meta.title')}: {t('meta.no_title')}")
    if doc.changes:
        counts: dict[str, int] = {}
        for c in doc.changes:
            counts[c.kind] = counts.get(c.kind, 0) + 1
        summary = ", ".join(f"{t('cli.change_' + k)} {n}" for k, n in sorted(counts.items()))
        lines.append(f"{t('meta.changes')}: {summary}")
    lines.append("")

    def walk(sec: Section, depth: int) -> None:
        h = sec.heading
        lead = doc.text[h.start:h.title_start]
        kinds = "+".join(t("kinds." + k) for k in sec.kinds)
        line = f"{'  ' * depth}{lead}{h.title}  [{kinds}]"
        own = sec.parent is None or sec.parent.kinds != sec.kinds or len(sec.parent.kinds) > 1
        period = f"{t('meta.period_' + sec.period)}" if sec.period else ""
        if own:
            # a section classified on its own says why (a child of a one-kind part shares it)
            line += f"  {period + ' · ' if period else ''}{sec.reason} ({t('meta.confidence')} " \
                    f"{sec.confidence:.2f})"
        elif sec.period != sec.parent.period and period:
            line += f"  {period}"  # a run of the other period inside a part about both
        lines.append(line)
        for child in sec.children:
            walk(child, depth + 1)

    for sec in doc.sections:
        walk(sec, 0)
    if doc.spans:
        lines += ["", f"{t('meta.spans')}:"]
        for sp in doc.spans:
            excerpt = doc.text[sp.start:sp.end][:_EXCERPT].replace("\n", " ")
            lines.append(f"  [{t('kinds.' + sp.kind)}] {sp.start}–{sp.end} {excerpt}…  {sp.reason}")
    if doc.changes:
        lines += ["", f"{t('meta.changes')}:"]
        lines += [f"  {change_line(doc.text, c)}" for c in doc.changes]
    missing = doc.missing_kinds()
    if missing:
        unknown = len(doc.unknown_sections())
        note = f" {t('meta.unknown_parts', count=unknown)}" if unknown else ""
        lines += ["", t("meta.missing_kinds", kinds="、".join(t("kinds." + k) for k in missing))
                  + note]
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        doc = load_document(args.file, genre=args.genre)
    except (ReportError, ProfileError) as exc:
        error(str(exc))
        return 2
    if args.json:
        print_json(document_dict(doc))
    else:
        say(render(doc))
    return 0
