"""Errors the document layer raises: each carries the file and a reason a person can act on."""

from __future__ import annotations

from reviewer.names import shown_path


class ReportError(Exception):
    """A report file could not be read as a report."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{shown_path(path)}: {reason}")
        self.path = path
        self.reason = reason
