"""Drive a terminal application in a pseudo-terminal and time what it draws.

Start-up is launch → the first frame that shows a marker string (and the output then pauses);
key latency is keypress → the end of the output burst it causes. Both apps are driven the same
way, so the ratio between them is what counts.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time

QUIET = 0.03  # a frame is complete when the app writes nothing for this long


class PtyApp:
    def __init__(self, argv: list[str], cols: int = 120, rows: int = 40,
                 env: dict[str, str] | None = None) -> None:
        self.argv = argv
        self.cols, self.rows = cols, rows
        self.env = dict(os.environ, TERM="xterm-256color", **(env or {}))
        self.pid = -1
        self.fd = -1
        self.buffer = bytearray()

    def start(self) -> float:
        t0 = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # child: become the app, or die without running the parent's code
            try:
                os.execvpe(self.argv[0], self.argv, self.env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.cols, 0, 0))
        return t0

    def read_until(self, marker: bytes | tuple[bytes, ...], timeout: float = 20.0) -> float:
        """Time at which ``marker`` (or any of several) has appeared and the output then went
        quiet."""
        markers = marker if isinstance(marker, tuple) else (marker,)
        deadline = time.perf_counter() + timeout
        seen_at = None
        last = time.perf_counter()
        while time.perf_counter() < deadline:
            r, _, _ = select.select([self.fd], [], [], QUIET)
            if r:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:
                    break
                if not chunk:
                    break
                self.buffer += chunk
                last = time.perf_counter()
                if seen_at is None and any(m in self.buffer for m in markers):
                    seen_at = last
            elif seen_at is not None:
                return last
        raise TimeoutError(f"{self.argv}: marker {marker!r} not seen")

    def drain(self, quiet: float = 0.3, limit: float = 5.0) -> None:
        """Read and discard output until it pauses for ``quiet`` seconds (or ``limit`` passes)."""
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                return
            try:
                if not os.read(self.fd, 65536):
                    return
            except OSError:
                return

    def key(self, data: bytes, timeout: float = 5.0) -> float:
        """Send a key; return seconds until the output burst it caused has ended."""
        t0 = time.perf_counter()
        os.write(self.fd, data)
        first = None
        last = t0
        deadline = t0 + timeout
        while time.perf_counter() < deadline:
            r, _, _ = select.select([self.fd], [], [], QUIET)
            if r:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    break
                last = time.perf_counter()
                first = first or last
            elif first is not None:
                break
        return (last - t0) if first is not None else float("nan")

    def peak_rss_kb(self) -> int:
        with open(f"/proc/{self.pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
        return 0

    def stop(self) -> None:
        if self.pid > 0:
            try:
                os.kill(self.pid, signal.SIGTERM)
                for _ in range(50):
                    done, _ = os.waitpid(self.pid, os.WNOHANG)
                    if done:
                        break
                    time.sleep(0.02)
                else:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
        if self.fd >= 0:
            os.close(self.fd)
        self.pid = self.fd = -1
