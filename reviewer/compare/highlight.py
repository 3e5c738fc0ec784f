"""The wording a plan item and one evidence passage share, for highlighting.

diff-match-patch runs on the two short passages only (a whole-report character diff takes
seconds), with a timeout. The semantic cleanup used is the lossless pass, which slides each
common run onto word boundaries: the full pass merges away every short common run when one side
(a plan item of hundreds of characters) is much longer than the other (a one-line passage), and
those short runs are exactly the shared words worth showing.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

# two passages whose lengths multiply to no more than this are diffed to the end: the result
# never depends on how busy the machine is (a diff cut short by its timeout on a loaded machine
# found no shared run where an unhurried one found 一带一路); the diff's work is bounded by the
# product, about 30 ms at the worst (two unrelated passages of 320 characters)
_UNTIMED = 100_000


def shared_spans(a: str, b: str, timeout: float = 0.05,
                 min_length: int = 2) -> list[tuple[int, int, int, int]]:
    """Equal runs of ``a`` (a plan item) and ``b`` (one evidence passage):
    (a_start, a_end, b_start, b_end), each at least ``min_length`` characters long and holding
    more than punctuation. Longer passages (their lengths' product above ``_UNTIMED``) are
    diffed for ``timeout`` seconds at most."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0 if len(a) * len(b) <= _UNTIMED else timeout
    diffs = dmp.diff_main(a, b)
    dmp.diff_cleanupSemanticLossless(diffs)
    out: list[tuple[int, int, int, int]] = []
    i = j = 0
    for op, chunk in diffs:
        n = len(chunk)
        if op == dmp.DIFF_EQUAL:
            if n >= min_length and any(ch.isalnum() for ch in chunk):
                out.append((i, i + n, j, j + n))
            i += n
            j += n
        elif op == dmp.DIFF_DELETE:
            i += n
        else:
            j += n
    return out
