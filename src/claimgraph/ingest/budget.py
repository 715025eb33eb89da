"""A wall-clock budget for one unit of work, so one pathological input never hangs a run."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from claimgraph.errors import BudgetExceeded

_AGAIN = 0.05  # seconds after an alarm before the next, should its exception have been swallowed


@contextmanager
def time_budget(seconds: float, *, what: str = "processing") -> Iterator[None]:
    """Raise BudgetExceeded inside the block once `seconds` have passed.

    Uses SIGALRM, which CPython delivers between bytecodes and also inside the `re`
    engine's matching loop, so a backtracking regex is interrupted too. An exception raised
    where Python only prints it (a finalizer, a gc callback) would be lost: the alarm comes
    again every `_AGAIN` seconds until the block is left. Outside the main thread, or where
    SIGALRM does not exist, the block runs without a budget.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        signal.setitimer(signal.ITIMER_REAL, _AGAIN)  # in case this exception is swallowed
        raise BudgetExceeded(f"{what} exceeded its time budget of {seconds:g} s")

    previous_handler = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
