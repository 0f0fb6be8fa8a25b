"""Progress of a long management command, on its stderr (stdout stays the command's output)."""

from __future__ import annotations

import time

from django.core.management.base import OutputWrapper


class Progress:
    """A one-line progress bar on a terminal, a line per tenth elsewhere (logs, CI).

    Call it with the number of items just done; ``what`` names them ("claims", "queries")."""

    WIDTH = 30

    def __init__(self, total: int, stream: OutputWrapper, what: str = "claims") -> None:
        self.total, self.done, self.stream, self.what = total, 0, stream, what
        self.started = time.monotonic()
        self.tty = stream.isatty()
        self.last_tenth = -1

    def __call__(self, n: int) -> None:
        self.done += n
        share = self.done / self.total if self.total else 1.0
        rate = self.done / max(time.monotonic() - self.started, 1e-6)
        filled = int(share * self.WIDTH)
        line = (
            f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {self.done}/{self.total} "
            f"{self.what} ({share:.0%}, {rate:.0f}/s)"
        )
        if self.tty:
            self.stream.write("\r" + line, ending="\n" if self.done >= self.total else "")
        elif int(share * 10) > self.last_tenth:
            self.last_tenth = int(share * 10)
            self.stream.write(line)
        self.stream.flush()

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started
