"""How many requests one host gets at once: a limit that grows while the host answers fast and halves when it asks
to slow down (additive increase, multiplicative decrease, as TCP does with its congestion window).

A host starts at `START` requests at once (fewer when the ceiling is lower). Each answer that came back within
`TOLERANCE` times the host's fastest answer (plus `SLACK` seconds for our own scheduling) raises the limit: by one
per answer until the first back-off (so it doubles every round trip), by one per round trip after it, never above
the ceiling. A slower answer leaves the limit alone: a server that slows down as we add requests stops the growth.
A 429, a 502/503/504, a timeout or a broken connection halves it, once per round (the answers of
requests that were already in flight when it was cut do not cut it again).
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

START = 8  # requests at once to a host nothing is known about yet
TOLERANCE = 3.0  # an answer within this many times the host's fastest one counts as fast
SLACK = 0.05  # seconds added to that bound (thread scheduling on a busy machine is not the server's doing)


class HostLimit:
    """At most `limit` requests to one host at once (from `START` up to `ceiling`), `delay` seconds apart."""

    def __init__(self, ceiling: int, start: int = START, clock: Callable[[], float] = time.monotonic) -> None:
        if ceiling < 1 or start < 1:
            raise ValueError("ceiling and start must be at least 1")
        self.ceiling = ceiling
        self.limit = float(min(start, ceiling))
        self.active = 0
        self.fastest = math.inf
        self._threshold = float(ceiling)  # below it the limit grows by one per fast answer (slow start)
        self._cut_at = -math.inf
        self._not_before = 0.0
        self._clock = clock
        self._ready = threading.Condition(threading.Lock())

    def acquire(self, delay: float = 0.0) -> float:
        """Wait for a free place and for this host's next turn (`delay` after the previous request); the start time."""
        with self._ready:
            while self.active >= int(self.limit):
                self._ready.wait()
            self.active += 1
            now = self._clock()
            start = max(now, self._not_before)
            self._not_before = start + delay
        if start > now:
            time.sleep(start - now)
        return start

    def release(self, started: float, *, answered: bool, back_off: bool) -> None:
        """Free the place taken at `started`; `answered` when the server answered, `back_off` when it asked to
        slow down (429, 502, 503, 504) or did not answer (timeout, connection broken)."""
        now = self._clock()
        with self._ready:
            self.active -= 1
            if back_off:
                if started >= self._cut_at:  # one cut per round: requests sent before it do not cut again
                    self.limit = max(1.0, self.limit / 2)
                    self._threshold = self.limit
                    self._cut_at = now
            elif answered:
                elapsed = max(0.0, now - started)
                self.fastest = min(self.fastest, elapsed)
                if elapsed <= TOLERANCE * self.fastest + SLACK and self.limit < self.ceiling:
                    step = 1.0 if self.limit < self._threshold else 1.0 / self.limit
                    self.limit = min(float(self.ceiling), self.limit + step)
            free = int(self.limit) - self.active
            if free > 0:
                self._ready.notify(free)

    def defer(self, seconds: float) -> None:
        """Hold every request to this host for `seconds` (a Retry-After)."""
        with self._ready:
            self._not_before = max(self._not_before, self._clock() + seconds)
