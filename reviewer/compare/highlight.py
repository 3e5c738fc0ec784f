"""The wording a plan item and one evidence passage share, for highlighting.

diff-match-patch runs on the two short passages only (a whole-report character diff takes
seconds), with a timeout. The semantic cleanup used is the lossless pass, which slides each
common run onto word boundaries: the full pass merges away every short common run when one side
(a plan item of hundreds of characters) is much longer than the other (a one-line passage), and
those short runs are exactly the shared words worth showing.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch


def shared_spans(a: str, b: str, timeout: float = 0.05,
                 min_length: int = 2) -> list[tuple[int, int, int, int]]:
    """Equal runs of ``a`` (a plan item) and ``b`` (one evidence passage):
    (a_start, a_end, b_start, b_end), each at least ``min_length`` characters long and holding
    more than punctuation."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
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
