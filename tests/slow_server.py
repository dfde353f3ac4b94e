"""A raw TCP server on 127.0.0.1 that misbehaves at the byte level, which an HTTP framework cannot do.

`SlowServer(behaviour)` answers every connection by running `behaviour(connection, stop)`, for example
`header_trickle` (a status line, then one header byte every `interval`, for ever), `endless_continue`
(`100 Continue` replies for ever) or `body_trickle(body)` (headers with a Content-Length, then the body one
byte at a time). A behaviour stops when the client closes the connection (a send fails) or when the server
stops; `closed_by_client` counts the connections the client gave up on.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Behaviour = Callable[[socket.socket, threading.Event], None]
INTERVAL = 0.2


class SlowServer:
    """Accepts connections on 127.0.0.1 and hands each to `behaviour` in a thread of its own."""

    def __init__(self, behaviour: Behaviour) -> None:
        self.behaviour = behaviour
        self.stop = threading.Event()
        self.connections = 0
        self.closed_by_client = 0
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self._threads: list[threading.Thread] = []
        self._acceptor = threading.Thread(target=self._accept, daemon=True)
        self._acceptor.start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _address = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self.connections += 1
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)  # the request (small enough for one read)
                self.behaviour(conn, self.stop)
            except OSError:
                with self._lock:
                    self.closed_by_client += 1

    def close(self) -> None:
        self.stop.set()
        self._listener.close()
        self._acceptor.join(5)
        for thread in self._threads:
            thread.join(5)


@contextmanager
def slow_server(behaviour: Behaviour) -> Iterator[SlowServer]:
    server = SlowServer(behaviour)
    try:
        yield server
    finally:
        server.close()


def _drip(conn: socket.socket, stop: threading.Event, pieces: Iterator[bytes], interval: float = INTERVAL) -> None:
    """Send each piece, pausing `interval` between them, until the pieces end or the server stops."""
    for piece in pieces:
        conn.sendall(piece)
        if stop.wait(interval):
            return


def header_trickle(conn: socket.socket, stop: threading.Event) -> None:
    """A status line, then a header that never ends, one byte at a time."""

    def pieces() -> Iterator[bytes]:
        yield b"HTTP/1.1 200 OK\r\nX-Slow: "
        while True:
            yield b"a"

    _drip(conn, stop, pieces())


def status_trickle(conn: socket.socket, stop: threading.Event) -> None:
    """The status line itself one byte at a time, then a header line that never ends."""

    def pieces() -> Iterator[bytes]:
        yield from (bytes([b]) for b in b"HTTP/1.1 200 OK\r\n")
        while True:
            yield b"X-Slow: x\r\n"

    _drip(conn, stop, pieces())


def endless_continue(conn: socket.socket, stop: threading.Event) -> None:
    """`100 Continue` replies for ever (http.client skips each and waits for the next)."""

    def pieces() -> Iterator[bytes]:
        while True:
            yield b"HTTP/1.1 100 Continue\r\n\r\n"

    _drip(conn, stop, pieces())


def body_trickle(body: bytes, content_type: str = "text/html", interval: float = INTERVAL) -> Behaviour:
    """Complete headers with the body's Content-Length at once, then the body one byte every `interval`."""

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"

        def pieces() -> Iterator[bytes]:
            yield head.encode("ascii")
            yield from (body[i : i + 1] for i in range(len(body)))

        _drip(conn, stop, pieces(), interval)

    return behaviour
