"""Flags on reports as they arrive: every report with a gold outline checked as it is and as each
transform of ``transforms.py`` rewrites it (pasted from a PDF, from Word, from a web page, other
numbering…), the two sets of flags matched place by place. Used by the benchmark
(benchmarks/bench_flags.py ``--arrival``) and the floors of tests/test_flags_arrival.py.

A place is one occurrence of a flag: its rule and its quote *squeezed* (line breaks and the edge
spaces a hard wrap leaves taken out, punctuation folded to one width), so a quote that a wrap
splits, or that half-width marks rewrite, is still the same place. Per transform:

- kept: places found on both texts; moved: a place lost whose finding stands on a line the
  transform wrote (the heading it quotes renumbered or reworded: the same finding); lost: places of the report as it is that the transformed
  text no longer has (and, among them, the true labels of ``flags*.toml`` lost);
- new: places only the transformed text has, each classified:

  - ``intended``: a true finding the transform makes on purpose (half-width marks that
    ``punct_width`` should flag: :data:`INTENDED`), counted once per report and rule
    however many places it holds (a report typed half-width throughout is one finding with
    every mark);
  - ``artefact``: a place whose quote is not in the report's own text (a page number, a running
    header, a menu line, a quote run across a page break), or one on a line the transform wrote
    (a heading's numbering): the reader would never blame it on the report;
  - ``other``: anything else (a finding the conversion uncovered or made of the report's own
    words: to be read).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import flags_gold
import outline_gold
import transforms

from reviewer.document import parse_text
from reviewer.flags import run_flags

# per transform, the rules whose new places are the finding the transform makes on purpose
INTENDED = {"halfwidth": frozenset({"proofreading.punct_width"})}

_FOLD = str.maketrans({"，": ",", "。": ".", "：": ":", "；": ";", "（": "(", "）": ")",
                       "！": "!", "？": "?", "“": '"', "”": '"'})
_SQUEEZE = re.compile(r"[ \u3000\t]*\n[ \u3000\t]*")

Place = tuple[str, str, str]  # (rule, severity, squeezed quote)


def squeeze(text: str) -> str:
    """``text`` without its line breaks (and the spaces beside them), marks folded to one
    width."""
    return _SQUEEZE.sub("", text).translate(_FOLD)


def places(text: str, name: str) -> tuple[Counter, dict[tuple[str, str], str]]:
    """The places the flags of ``text`` point at, counted; and each (rule, raw quote) of them
    (the key the labels use) by its squeezed quote."""
    doc = parse_text(text, name)
    out: Counter = Counter()
    raw: dict[tuple[str, str], str] = {}
    for f in run_flags(doc):
        for s, e in f.occurrences:
            quote = doc.text[s:e]
            out[(f.rule, f.severity, squeeze(quote))] += 1
            raw[(f.rule, quote)] = squeeze(quote)
    return out, raw


def cases() -> list[transforms.Case]:
    """Every report with a gold outline that is here (the seeds; the corpus when present)."""
    out = []
    for report in outline_gold.reports():
        name = report["file"]
        path = (flags_gold.ROOT / name if name.startswith("seeds/")
                else flags_gold.CORPUS / name)
        if path.exists():
            case = transforms.case_of(report, path.read_text(encoding="utf-8"))
            if case is not None:
                out.append(case)
    return out


@dataclass
class Tally:
    """One transform over many reports, per severity: places kept, lost and new (new by
    class), and the true labels lost."""

    reports: int = 0
    kept: Counter = field(default_factory=Counter)
    moved: Counter = field(default_factory=Counter)
    lost: Counter = field(default_factory=Counter)
    new: dict[str, Counter] = field(default_factory=lambda: {
        "intended": Counter(), "artefact": Counter(), "other": Counter()})
    true_lost: Counter = field(default_factory=Counter)
    true_there: Counter = field(default_factory=Counter)
    lost_places: list[str] = field(default_factory=list)
    new_places: list[str] = field(default_factory=list)


def _written_lines(before: transforms.Case, after: transforms.Case, own: str
                   ) -> tuple[str, str]:
    """The squeezed lines of ``after`` that are none of ``before``'s (a heading renumbered or
    its numbering lost, a page number, a menu line), and those of them that are not the report's
    own text at all (a line the transform only wrapped, or only stripped of its numbering, is):
    a place inside the first moved with the line, inside the second it is the transform's."""
    lines = {transforms._strip(ln) for ln in before.lines}
    changed = [squeeze(ln) for ln in after.lines
               if transforms._strip(ln) and transforms._strip(ln) not in lines]
    return "\n".join(changed), "\n".join(s for s in changed if s not in own)


def compare(name: str, case: transforms.Case, tally: Tally, labels: dict,
            as_is: tuple[Counter, dict] | None = None) -> tuple[Counter, dict]:
    """The flags of ``case`` as it is (``as_is``, computed here when not given) against those of
    ``case`` rewritten by the transform ``name``, added to ``tally``; returns ``as_is``."""
    if as_is is None:
        as_is = places(case.text(), case.name)
    before, before_raw = as_is
    moved = transforms.TRANSFORMS[name](case)
    after, _ = places(moved.text(), case.name)
    tally.reports += 1
    report = Path(case.name).name
    own = squeeze(case.text())
    written, alien = (_written_lines(case, moved, own) if moved.lines != case.lines
                      else ("", ""))
    lost: dict[tuple[str, str], list[str]] = {}
    new: list[tuple[str, str, str, int]] = []
    for place in before.keys() | after.keys():
        rule, sev, quote = place
        both = min(before[place], after[place])
        tally.kept[sev] += both
        if before[place] > both:
            lost.setdefault((rule, sev), []).extend([quote] * (before[place] - both))
        if after[place] > both:
            new.append((rule, sev, quote, after[place] - both))
    # a finding whose passage the transform rewrote (a heading renumbered or reworded): the
    # place lost and the place new on a line the transform wrote are the same finding
    moved_from: set[tuple[str, str, str]] = set()
    intended: Counter = Counter()
    for rule, sev, quote, extra in sorted(new):
        gone = lost.get((rule, sev))
        if written and quote in written and gone:
            for _ in range(min(extra, len(gone))):
                moved_from.add((rule, sev, gone.pop()))
                tally.moved[sev] += 1
                extra -= 1
        if extra <= 0:
            continue
        if rule in INTENDED.get(name, ()):
            intended[(rule, sev)] += extra
            continue
        if quote not in own or (alien and quote in alien):
            cls = "artefact"
        else:
            cls = "other"
        tally.new[cls][sev] += extra
        tally.new_places.append(f"  {name} {report}: new ({cls}) {rule} {quote[:40]!r}")
    # the finding the transform makes on purpose counts once, however many places it holds (a
    # report typed half-width throughout is one finding with every mark)
    for (rule, sev), extra in sorted(intended.items()):
        tally.new["intended"][sev] += 1
        tally.new_places.append(f"  {name} {report}: new (intended) {rule}: {extra} places")
    for (rule, sev), quotes in sorted(lost.items()):
        tally.lost[sev] += len(quotes)
        tally.lost_places += [f"  {name} {report}: lost {rule} {q[:40]!r}" for q in quotes]
    for (file, rule, quote), label in labels.items():
        if file != report or not label["verdict"]:
            continue
        squeezed = before_raw.get((rule, quote))
        if squeezed is None:
            continue
        sev = next(s for r, s, q in before if r == rule and q == squeezed)
        tally.true_there[sev] += 1
        if not after[(rule, sev, squeezed)] and (rule, sev, squeezed) not in moved_from:
            tally.true_lost[sev] += 1
            tally.lost_places.append(f"  {name} {report}: TRUE LABEL lost {rule} {quote[:40]!r}")
    return as_is


def measure(names: list[str] | None = None,
            chosen: list[transforms.Case] | None = None) -> dict[str, Tally]:
    """Every transform (or those named) over every case (or those given)."""
    labels = flags_gold.load_labels()
    pool = chosen if chosen is not None else cases()
    out: dict[str, Tally] = {}
    as_is: dict[str, tuple[Counter, dict]] = {}
    for name in names or list(transforms.TRANSFORMS):
        tally = out[name] = Tally()
        for case in pool:
            if transforms.applies(name, case):
                as_is[case.name] = compare(name, case, tally, labels, as_is.get(case.name))
    return out
