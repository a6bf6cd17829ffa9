#!/usr/bin/env python3
"""A minimal reverse proxy for the several-nodes test: round robin over the backends, the next one
when a backend does not answer, X-Forwarded-For set, and the backend that answered named in the
response (X-Maillage-Backend). Not for production: use nginx or any load balancer there.
  proxy.py PORT BACKEND_PORT [BACKEND_PORT...]"""
import http.client, itertools, sys, threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, backends = int(sys.argv[1]), [int(p) for p in sys.argv[2:]]
turn = itertools.cycle(range(len(backends)))
lock = threading.Lock()
HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


class Proxy(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP}
        headers["X-Forwarded-For"] = self.client_address[0]
        with lock:
            first = next(turn)
        for attempt in range(len(backends)):
            backend = backends[(first + attempt) % len(backends)]
            try:
                connection = http.client.HTTPConnection("127.0.0.1", backend, timeout=30)
                connection.request(self.command, self.path, body, headers)
                answer = connection.getresponse()
                data = answer.read()
            except OSError:
                continue  # that node is down: the next one
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("X-Maillage-Backend", str(backend))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_error(502, "no node answers")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = forward

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Proxy).serve_forever()
