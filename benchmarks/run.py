"""Every speed and memory figure of the project, each beside its baseline measured in the same
run, in one table. Prints it and writes it to ``benchmarks/results.md``.

    python benchmarks/run.py            # all benchmarks
    python benchmarks/run.py ui check   # only some (outline, accuracy, check, flags, compare,
                                        # compare_accuracy, reader, review, formats, ui,
                                        # workspace, scaling: a quarter hour on two cores)
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITES = ("outline", "accuracy", "check", "flags", "compare", "compare_accuracy", "reader",
          "review", "formats", "ui", "workspace", "scaling")


def main(argv: list[str]) -> int:
    chosen = [s for s in argv if s in SUITES] or list(SUITES)
    unknown = [s for s in argv if s not in SUITES]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(SUITES)}",
              file=sys.stderr)
        return 2
    header = (f"# Benchmark results\n\n{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %z}, "
              f"Python {platform.python_version()}, {os.cpu_count()} cores, "
              f"{platform.machine()}\n")
    parts = [header]
    failed = 0
    for name in chosen:
        script = HERE / f"bench_{name}.py"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              cwd=HERE.parent, check=False)
        took = time.perf_counter() - t0
        body = proc.stdout.rstrip()
        if proc.returncode:
            failed += 1
            body += f"\n(failed with exit code {proc.returncode})\n{proc.stderr.strip()[-2000:]}"
        section = f"## {name}  ({took:.0f} s)\n\n```\n{body}\n```\n"
        print(section, flush=True)
        parts.append(section)
    (HERE / "results.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"written to {HERE / 'results.md'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
