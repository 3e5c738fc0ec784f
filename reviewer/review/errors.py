"""The one error the review layer raises: a review file that cannot be used as it is.

It names the file, says why, and gives the line and column when the TOML itself is broken, so a
person can open the file and fix it. The file is never touched when this is raised.
"""

from __future__ import annotations

from reviewer.names import shown_path


class ReviewError(Exception):
    def __init__(self, path: str, reason: str, line: int | None = None,
                 column: int | None = None) -> None:
        where = shown_path(path)
        if line is not None:
            where += f":{line}" + (f":{column}" if column is not None else "")
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
