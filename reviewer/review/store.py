"""The review file on disk: loading, and saving so that a review is never lost or corrupted.

Every save writes a temporary file in the same folder, flushes and fsyncs it, keeps the previous
file as ``.bak`` and moves the new one into place with ``os.replace``: a crash at any moment leaves
either the old or the new review, whole. Before writing, the store checks whether the file changed
since it last read or wrote it (another session, another reviewer); if so it merges by id instead
of overwriting, and when both sides changed the same entry it keeps the other version whole in a
``.conflict-<time>.toml`` file beside it. A file that cannot be parsed, or that reviews another
report, is never written over: saves go beside it. When the folder cannot be written, ``save`` says
so and the review stays in memory; a folder that refuses writes (read-only, no permission) will go
on refusing them, so a copy is also kept in the user's state folder and the message names it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from reviewer.document.files import FileRefused, read_regular, read_regular_stat, special_kind
from reviewer.faults import state_folder
from reviewer.i18n import t
from reviewer.names import real_path
from reviewer.review.codec import TomlWriter, loads_bytes
from reviewer.review.errors import ReviewError
from reviewer.review.merge import merge
from reviewer.review.model import ReportIdentity, Review, now
from reviewer.review.vocabulary import load_vocabulary

if TYPE_CHECKING:
    from reviewer.document import Document

SUFFIX = ".review.toml"
# A review of a few hundred notes is a few hundred kilobytes; a file past this is no review.
MAX_REVIEW_BYTES = 64 * 1024 * 1024


def default_review_path(report_path: str) -> str:
    """Where the review of a report lives unless told otherwise: beside it."""
    return os.fspath(report_path) + SUFFIX


def rescue_folder() -> str:
    """Where copies of reviews that could not be saved beside their report go (XDG state)."""
    return os.path.join(state_folder(), "rescued")


# errors that the next attempt will meet again: a copy elsewhere is the review's only safe place
_REFUSED = (errno.EACCES, errno.EPERM, errno.EROFS)


def report_path_for(review_path: str, stored: str) -> str:
    """The report file a review names, resolved from the review file's folder (a name stored
    with its undecodable bytes as ``\\xNN`` finds the file of that name)."""
    return real_path(os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(review_path)),
                                                   stored)))


def relative_path(report_path: str, review_path: str) -> str:
    """How a review file names a report: relative to the review file's folder (absolute when it
    is on another drive); ``report_path_for`` reads it back."""
    try:
        return os.path.relpath(os.path.abspath(report_path),
                               os.path.dirname(os.path.abspath(review_path)))
    except ValueError:  # another drive
        return os.path.abspath(report_path)


# how far into a report its title lines are looked for (paragraphs)
_TITLE_HEAD = 12


def same_report(old: ReportIdentity, doc: Document) -> bool:
    """Whether ``doc`` is (a version of) the report ``old`` describes: government, year and title
    agree. A corrected version with lines put above its title (a correction notice, an update
    date) may have its title read differently, or not at all: it is the same report when its
    head still holds the old title's lines and its year is not another."""
    if (old.title, old.government, old.year) == (doc.title, doc.government, doc.year):
        return True
    if not old.title or (doc.year is not None and doc.year != old.year):
        return False
    if doc.government and doc.government != old.government:
        return False  # "政府工作报告" is the title of every government's report
    lines = [doc.text[p.start:p.end].strip() for p in doc.paragraphs[:_TITLE_HEAD]]
    if old.government and not doc.government and old.government not in "".join(lines):
        return False
    return any(old.title in (line, line + after) for line, after in
               zip(lines, [*lines[1:], ""], strict=True))


@dataclass(frozen=True)
class SaveResult:
    ok: bool
    path: str
    merged: bool = False
    conflict_path: str | None = None
    message: str = ""


def _fsync_folder(folder: str) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_backup(path: str, folder: str) -> None:
    """``path`` → ``path.bak``, atomically; a hard link costs no copy."""
    spare = os.path.join(folder, f"{_temp_prefix(path)}{secrets.token_hex(4)}.bak")
    try:
        os.link(path, spare)
    except OSError:
        shutil.copy2(path, spare)
    os.replace(spare, path + ".bak")


def _temp_prefix(path: str) -> str:
    """Temporary files of a save are named ``.<name>.<pid>-<random>``: a later start can tell
    those of a process that is gone (killed while saving) from those of a save under way."""
    return f".{os.path.basename(path)}.{os.getpid()}-"


def write_atomic(path: str, data: bytes, *, backup: bool = False) -> None:
    """Replace ``path`` by ``data`` so that a crash leaves the old or the new file, never half.

    A symbolic link is written through: its target is replaced (the temporary file and the
    backup beside the target), and the link stays. Anything but a regular file there — a FIFO, a
    device, a socket — is never replaced: :class:`FileRefused` is raised instead.
    """
    path = os.path.realpath(path)
    folder = os.path.dirname(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        mode = 0o644  # mkstemp would leave the file readable by its owner only
    else:
        kind = special_kind(st.st_mode)
        if kind is not None:
            raise FileRefused(path, t("review.not_regular", reason=kind))
        mode = stat.S_IMODE(st.st_mode)
    fd, temp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            if hasattr(os, "fchmod"):
                os.fchmod(f.fileno(), mode)
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if backup and os.path.exists(path):
            _keep_backup(path, folder)
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    _fsync_folder(folder)


@contextmanager
def _folder_lock(path: str) -> Iterator[None]:
    """Serialize savers of the same folder (advisory; where flock exists)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    fd = os.open(os.path.dirname(os.path.realpath(path)), os.O_RDONLY)  # the real file's folder
    try:
        with suppress(OSError):  # a file system without locks: save unlocked rather than not
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


# A save takes milliseconds: a temporary file this old was left by a process that was killed,
# whoever it was (also those named before temporary files carried their writer's process id).
_STALE_SECONDS = 600
_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?:(?P<pid>\d+)-)?[A-Za-z0-9_]+\.(?:tmp|bak)")


def _gone(pid: int) -> bool:
    """Whether no process ``pid`` is running (on this machine)."""
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # someone else's process, or no way to ask: assume it lives
        return False
    return False


def sweep_leftovers(path: str) -> list[str]:
    """Remove the temporary files that killed saves of ``path`` (and of the files saved beside
    it, ``.conflict-*``) left behind; returns their names. Those of a process that is gone go at
    once, any other once clearly stale."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target)
    name = os.path.basename(target)
    stem = name[:-len(".toml")] if name.endswith(".toml") else name
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for entry in names:
        found = _LEFTOVER.fullmatch(entry)
        if found is None or not found["name"].startswith(stem):
            continue
        full = os.path.join(folder, entry)
        with suppress(OSError):
            gone = found["pid"] is not None and _gone(int(found["pid"]))
            if gone or time.time() - os.stat(full).st_mtime > _STALE_SECONDS:
                os.unlink(full)
                removed.append(full)
    return removed


@dataclass(frozen=True)
class _Seen:
    """The file as this store last read or wrote it."""

    key: tuple[int, int, int]
    digest: str


def _key(st: os.stat_result) -> tuple[int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _side_path(path: str) -> str:
    stem = path[:-len(".toml")] if path.endswith(".toml") else path
    base = f"{stem}.conflict-{now().strftime('%Y%m%d-%H%M%S')}"
    candidate, n = base + ".toml", 1
    while os.path.exists(candidate):
        n += 1
        candidate = f"{base}-{n}.toml"
    return candidate


class ReviewStore:
    """One review file. ``load_or_new`` then ``save`` as often as wanted (it is cheap)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._writer = TomlWriter()
        self._base: Review | None = None  # the review as last read from or written to the file
        self._seen: _Seen | None = None
        self._doc: Document | None = None
        self._aside: str | None = None  # where saves go while the file cannot be used
        self._foreign: str | None = None  # why the file is not this report's, when it is not

    # --- loading ---------------------------------------------------------------------------
    def load(self) -> Review:
        """The review in the file. Raises :class:`ReviewError` (missing, unreadable, invalid,
        not a regular file)."""
        try:
            data, st = read_regular_stat(self.path, MAX_REVIEW_BYTES)
        except OSError as exc:
            raise ReviewError(self.path, t("review.err_read", reason=exc.strerror or exc)) \
                from None
        key = _key(st)
        review = loads_bytes(data, self.path)
        # only a file that parsed counts as seen: one that did not must never be written over
        self._seen = _Seen(key, hashlib.sha256(data).hexdigest())
        self._base = review.copy()
        return review

    def load_or_new(self, doc: Document, reviewer: str = "") -> tuple[Review, list[str]]:
        """The review of ``doc``: read from the file, or new when there is none.

        Returns warnings for the reviewer (another version of the report, orphans). Raises
        :class:`ReviewError` when the file cannot be used; it is then left untouched.
        """
        self._doc = doc
        sweep_leftovers(self.path)
        here = relative_path(doc.path, self.path)
        if not os.path.exists(self.path):
            review = Review.new(doc, reviewer)
            review.report = replace(review.report, path=here)
            self._base, self._seen = review.copy(), None
            return review, []
        review = self.load()
        warnings = []
        old = review.report
        if old.text_sha256 != doc.text_sha256:
            if not same_report(old, doc):
                self._foreign = t("review.warn_other_report", title=old.title or old.path,
                                  year=old.year or "", current=doc.title or doc.path)
                warnings.append(self._foreign)
            else:
                warnings.append(t("review.warn_other_version", path=old.path))
            done = review.reanchor(doc)
            warnings.append(t("review.warn_reanchored", same=done.same, moved=done.moved,
                              orphans=len(done.orphans)))
        elif review.misplaced(doc.text):  # same text, offsets or quotes edited by hand
            wrong = review.misplaced(doc.text)
            done = review.reanchor(doc)
            warnings.append(t("review.warn_misplaced", count=len(wrong), moved=done.moved,
                              orphans=len(done.orphans)))
        elif review.orphans:
            warnings.append(t("review.warn_orphans", count=len(review.orphans)))
        loose = review.loose_scores()
        if loose:
            vocab = load_vocabulary()
            warnings.append(t("review.warn_scores", scores=", ".join(loose),
                              low=vocab.score_min, high=vocab.score_max))
        mine = ReportIdentity.of(doc, here)
        if self._foreign is None:  # a version whose title lines read differently keeps its names
            mine = replace(mine, title=mine.title or old.title,
                           government=mine.government or old.government,
                           year=old.year if mine.year is None else mine.year)
        review.report = mine
        if reviewer and not review.reviewer:
            review.reviewer = reviewer
        return review, warnings

    # --- saving ----------------------------------------------------------------------------
    def save(self, review: Review) -> SaveResult:
        """Write ``review`` safely. Never raises for I/O: a failed save returns ``ok=False`` with
        a message saying where, and the review stays as it is in memory."""
        try:
            with _folder_lock(self.path):
                return self._save(review)
        except OSError as exc:
            where, reason = exc.filename or self.path, exc.strerror or exc
            rescued = self._rescue(review) if exc.errno in _REFUSED else None
            if rescued:
                return SaveResult(False, self.path, conflict_path=rescued, message=t(
                    "review.save_rescued", path=where, reason=reason, rescue=rescued))
            return SaveResult(False, self.path, message=t(
                "review.save_failed", path=where, reason=reason))

    def _rescue(self, review: Review) -> str | None:
        """A copy of ``review`` in the rescue folder, named after the review file and its
        folder; ``None`` when that cannot be written either."""
        digest = hashlib.sha256(os.fsencode(os.path.abspath(self.path))).hexdigest()[:8]
        path = os.path.join(rescue_folder(), f"{digest}-{os.path.basename(self.path)}")
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            write_atomic(path, self._writer.render(review).encode("utf-8"))
        except OSError:
            return None
        return path

    def _on_disk(self) -> bytes | None:
        """The file's bytes when someone else changed it since we last saw it, else ``None``.
        Raises :class:`FileRefused` when the path is no longer a regular file."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        if self._seen is not None and _key(st) == self._seen.key:
            return None
        data = read_regular(self.path, MAX_REVIEW_BYTES)
        if self._seen is not None and hashlib.sha256(data).hexdigest() == self._seen.digest:
            return None
        return data

    def _unchanged(self, review: Review) -> bool:
        base = self._base
        return base is not None and replace(review, updated=base.updated) == base

    def _save(self, review: Review) -> SaveResult:
        if self._foreign is not None:
            return self._save_aside(review, "review.saved_aside_other", self._foreign)
        try:
            theirs_bytes = self._on_disk()
        except FileRefused as exc:  # a FIFO or a device where the review was: never replaced
            return self._save_aside(review, "review.saved_aside", exc.reason)
        merged, kept, message = False, None, t("review.saved", path=self.path)
        if theirs_bytes is not None:
            try:
                theirs = loads_bytes(theirs_bytes, self.path)
            except ReviewError as exc:
                return self._save_aside(review, "review.saved_aside", exc.reason)
            base = self._base or replace(review.copy(), annotations=[], flags=[], plans=[],
                                         targets=[], scores={})
            result, clashes = merge(base, review, theirs)
            if theirs.report.text_sha256 != review.report.text_sha256 and self._doc is not None:
                result.reanchor(self._doc)
            # nothing to tell when the file was only touched, not changed
            merged = result != review or bool(clashes)
            for f in fields(Review):
                setattr(review, f.name, getattr(result, f.name))
            if merged:
                message = t("review.merged", path=self.path)
            if clashes:
                kept = _side_path(self.path)
                write_atomic(kept, theirs_bytes)
                message = t("review.conflict", path=self.path, conflict=kept,
                            what=", ".join(clashes))
        elif self._unchanged(review) and self._seen is not None and os.path.exists(self.path):
            return SaveResult(True, self.path, message=t("review.unchanged", path=self.path))
        self._aside = None
        self._write(self.path, review, backup=True)
        return SaveResult(True, self.path, merged, kept, message)

    def _write(self, path: str, review: Review, *, backup: bool) -> None:
        if not self._unchanged(review):
            review.updated = max(now(), review.updated)
        data = self._writer.render(review).encode("utf-8")
        write_atomic(path, data, backup=backup)
        if path == self.path:  # the base of later merges is what the review file holds
            self._seen = _Seen(_key(os.stat(path)), hashlib.sha256(data).hexdigest())
            self._base = review.copy()

    def _save_aside(self, review: Review, message: str, reason: str) -> SaveResult:
        """The file cannot be used (unparsable, another report's): leave it for a person to
        sort out, save beside it; ``message`` is the key of what to tell them."""
        if self._aside is None:
            self._aside = _side_path(self.path)
        self._write(self._aside, review, backup=False)
        return SaveResult(True, self.path, conflict_path=self._aside,
                          message=t(message, path=self.path, reason=reason, aside=self._aside))
