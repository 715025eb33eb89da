"""How long steps report their progress: a small interface the library calls and the CLI
draws (bars with a total and an ETA on a terminal, one line per step otherwise).

A step is started with its total when it is known (inputs to read, documents to parse,
places to write, records to export), advanced as work is done and finished with a summary.
The library never prints: it only calls a `Progress`, `SILENT` when nobody listens.
"""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    def start(self, step: str, *, total: int | None = None, unit: str = "") -> None:
        """A step begins (`total` units of work, when known)."""

    def advance(self, step: str, done: int = 1) -> None:
        """`done` more units of the step are done."""

    def finish(self, step: str) -> None:
        """The step is over."""


class Silent:
    """Progress that nobody watches."""

    def start(self, step: str, *, total: int | None = None, unit: str = "") -> None:
        return None

    def advance(self, step: str, done: int = 1) -> None:
        return None

    def finish(self, step: str) -> None:
        return None


SILENT: Progress = Silent()
