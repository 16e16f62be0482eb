"""A TCP proxy that injects the two ways a dependency fails.

cut    every open connection is dropped and new ones are closed at once: the client sees the server go away
       (a crash, a restart, a reset by a firewall) and fails fast.
stall  connections stay open and new ones are accepted, but not one byte moves in either direction: a
       frozen server or a black-holed network, which no reset announces. Only the client's own timeouts
       end the wait; this is the fault that pins workers when they are missing.

`restore()` lets bytes flow again (stalled bytes are delivered then, as a thawed server would answer).
"""

from __future__ import annotations

import contextlib
import socket
import threading

PASS, CUT, STALL = "pass", "cut", "stall"


class FaultProxy:
    def __init__(self, target_host: str, target_port: int, *, port: int = 0) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", port))
        self.port: int = self.listener.getsockname()[1]
        self.mode = PASS
        self._flowing = threading.Event()
        self._flowing.set()
        self._connections: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True, name=f"fault-proxy-{self.port}").start()

    # --- faults -------------------------------------------------------------------------------------------

    def cut(self) -> None:
        self.mode = CUT
        self._flowing.set()  # pumps blocked by an earlier stall see their sockets closed
        with self._lock:
            connections = list(self._connections)
        for sock in connections:
            self._drop(sock)

    def stall(self) -> None:
        self.mode = STALL
        self._flowing.clear()

    def restore(self) -> None:
        self.mode = PASS
        self._flowing.set()

    def close(self) -> None:
        self._closed = True
        self.cut()
        self.listener.close()

    # --- plumbing -----------------------------------------------------------------------------------------

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.mode == CUT:
                client.close()
                continue
            threading.Thread(target=self._connect, args=(client,), daemon=True).start()

    def _connect(self, client: socket.socket) -> None:
        with self._lock:
            self._connections.add(client)
        self._flowing.wait()  # a connection made during a stall reaches nothing until it ends
        try:
            upstream = socket.create_connection(self.target, timeout=5)
        except OSError:
            self._drop(client)
            return
        upstream.settimeout(None)
        with self._lock:
            self._connections.add(upstream)
        for source, sink in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                self._flowing.wait()
                data = source.recv(65536)
                if not data:
                    break
                self._flowing.wait()  # bytes read just as the stall began are held until it ends
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                self._drop(sock)

    def _drop(self, sock: socket.socket) -> None:
        with self._lock:
            self._connections.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()


def through(url: str, proxy: FaultProxy) -> str:
    """`url` (postgres://, redis://) with its host and port replaced by the proxy's."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    userinfo, _, _ = parts.netloc.rpartition("@")
    host = f"127.0.0.1:{proxy.port}"
    return urlunsplit(parts._replace(netloc=f"{userinfo}@{host}" if userinfo else host))
