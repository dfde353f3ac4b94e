"""A total deadline per HTTP request (connect, headers and body together), kept by a watchdog thread.

requests' `timeout` bounds each socket operation, not the request: a server sending one byte a second, or
`100 Continue` lines for ever, never trips it. Inside `with deadline(seconds) as limit:` every connection the
request opens or reuses is watched; when the deadline passes the watchdog shuts those sockets down, so the
blocked read returns at once, and `limit.expired` tells the caller to report a timeout. Connection classes get
them through `deadline_adapter()`.
"""

from __future__ import annotations

import contextlib
import heapq
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from requests.adapters import HTTPAdapter

_local = threading.local()


class Deadline:
    """One request's deadline and the sockets it has used (held as duplicates, closed when it ends)."""

    __slots__ = ("_done", "_lock", "_sockets", "at", "expired", "seconds")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds
        self.expired = False
        self._done = False
        self._sockets: dict[int, socket.socket] = {}  # fd of the connection's socket -> our duplicate
        self._lock = threading.Lock()  # its own: requests never wait on each other's sockets

    def __lt__(self, other: Deadline) -> bool:
        return self.at < other.at

    def remaining(self) -> float:
        """Seconds left (0 when passed)."""
        return max(0.0, self.at - time.monotonic())

    def watch(self, sock: Any) -> None:
        """Shut `sock` down if this deadline passes while the request runs."""
        try:
            fd = sock.fileno()
        except (OSError, ValueError):
            return
        if fd < 0:
            return
        with self._lock:
            if self._done or fd in self._sockets:
                return
            try:
                duplicate = socket.socket(fileno=os.dup(fd))  # survives the TLS wrapper replacing `sock`
            except OSError:
                return
            self._sockets[fd] = duplicate
            if self.expired:
                _shut(duplicate)

    def _expire(self) -> None:
        """Called by the watchdog when the deadline has passed."""
        with self._lock:
            if self._done:
                return
            self.expired = True
            for duplicate in self._sockets.values():
                _shut(duplicate)

    def _finish(self) -> None:
        """Called when the request is over (in time or not)."""
        with self._lock:
            self._done = True
            sockets = list(self._sockets.values())
            self._sockets.clear()
        for duplicate in sockets:
            duplicate.close()


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Watchdog:
    """One thread for the whole process, running only while some deadline is pending.

    Deadlines wait in a heap by time. Starting a request pushes one (waking the thread only when it is the new
    earliest); finishing one marks it done and counts it off, and the thread drops finished deadlines when it next
    looks and sleeps until the earliest one still running. The last request to finish empties the heap and wakes
    the thread, which ends at once rather than sleeping out a deadline nobody waits for.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._wake = threading.Condition(self.lock)
        self._heap: list[Deadline] = []
        self._pending = 0  # deadlines added and not yet finished
        self._thread: threading.Thread | None = None

    def add(self, limit: Deadline) -> None:
        with self.lock:
            heapq.heappush(self._heap, limit)
            self._pending += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="awesome-lint-deadlines", daemon=True)
                self._thread.start()
            elif self._heap[0] is limit:
                self._wake.notify()

    def remove(self, limit: Deadline) -> None:
        limit._finish()
        with self.lock:
            self._pending -= 1
            if not self._pending:
                self._heap.clear()
                self._wake.notify()

    def _run(self) -> None:
        while True:
            due: list[Deadline] = []
            with self.lock:
                now = time.monotonic()
                heap = self._heap
                while heap and (heap[0]._done or heap[0].at <= now):
                    limit = heapq.heappop(heap)
                    if not limit._done:
                        due.append(limit)
                if not heap and not due:
                    self._thread = None
                    return
                if not due:
                    self._wake.wait(heap[0].at - now)
            for limit in due:  # outside the lock: shutting sockets down is a system call
                limit._expire()


_WATCHDOG = _Watchdog()


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[Deadline]:
    """Bound everything the current thread's request does within the block to `seconds` in total."""
    limit = Deadline(seconds)
    outer = getattr(_local, "current", None)
    _local.current = limit
    _WATCHDOG.add(limit)
    try:
        yield limit
    finally:
        _local.current = outer
        _WATCHDOG.remove(limit)


def current() -> Deadline | None:
    """The deadline of the request this thread is running, if any."""
    return getattr(_local, "current", None)


class DeadlineConnection:
    """Mixin for urllib3 connection classes: connect within the time left, and watch every socket used."""

    timeout: Any
    sock: Any

    def _new_conn(self) -> socket.socket:
        limit = current()
        if limit is not None:
            from urllib3.exceptions import ConnectTimeoutError

            left = limit.remaining()
            if left <= 0:
                raise ConnectTimeoutError(self, f"no time left to connect (deadline {limit.seconds:g} s)")
            if not isinstance(self.timeout, (int, float)) or self.timeout > left:
                self.timeout = left
        sock = self._open_socket()
        if limit is not None:
            limit.watch(sock)
        return sock

    def _open_socket(self) -> socket.socket:
        """Make the TCP connection (urllib3's own way unless a subclass says otherwise)."""
        return super()._new_conn()  # type: ignore[misc]

    def request(self, *args: Any, **kwargs: Any) -> Any:
        limit = current()
        if limit is not None and self.sock is not None:  # a connection reused from the pool
            limit.watch(self.sock)
        return super().request(*args, **kwargs)  # type: ignore[misc]


def deadline_adapter(open_socket: Callable[[Any], socket.socket] | None = None, **options: Any) -> HTTPAdapter:
    """A requests adapter (mount it for http:// and https://) whose connections keep deadlines.

    `open_socket(connection)` replaces urllib3's way of making the TCP connection (the link checker connects
    only to addresses it vetted); `options` go to HTTPAdapter (pool sizes).
    """
    from requests.adapters import HTTPAdapter
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    class Opener(DeadlineConnection):
        def _open_socket(self) -> socket.socket:
            return open_socket(self) if open_socket is not None else super()._open_socket()

    class DeadlineHTTPConnection(Opener, HTTPConnection):
        pass

    class DeadlineHTTPSConnection(Opener, HTTPSConnection):
        pass

    class DeadlineHTTPPool(HTTPConnectionPool):
        ConnectionCls = DeadlineHTTPConnection

    class DeadlineHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = DeadlineHTTPSConnection

    class DeadlineAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = {"http": DeadlineHTTPPool, "https": DeadlineHTTPSPool}

    return DeadlineAdapter(**options)
