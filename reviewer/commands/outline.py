"""``reviewer outline FILE [--json]``: metadata and the section outline of one report."""

from __future__ import annotations

import argparse

from reviewer.commands.common import document_dict, error, print_json, say
from reviewer.document import Document, ReportError, Section, load_document
from reviewer.i18n import t
from reviewer.names import shown_path
from reviewer.profiles import ProfileError, all_profiles

META_ORDER = ("title", "government", "year", "issuer", "doc_number", "addressee", "date_written",
              "date_published", "date_signed", "date_printed", "source")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("outline", help="metadata and outline of a report / 报告元数据与提纲")
    p.add_argument("file", help="report file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--genre", choices=sorted(all_profiles()), help="override genre detection")


def render(doc: Document) -> str:
    lines = [f"{t('meta.path')}: {shown_path(doc.path)}", f"{t('meta.genre')}: {doc.genre}"]
    for key in META_ORDER:
        f = doc.metadata.get(key)
        if f:
            lines.append(f"{t('meta.' + key)}: {f.value}")
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
        lines.append(f"{'  ' * depth}{lead}{h.title}  "
                     f"[{t('kinds.' + sec.kind)}]")
        for child in sec.children:
            walk(child, depth + 1)

    for sec in doc.sections:
        walk(sec, 0)
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
