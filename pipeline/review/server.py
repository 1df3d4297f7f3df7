"""The review app's HTTP side: a Bottle app served on 127.0.0.1 only.

Routes: ``/`` (the page), ``/static/<file>``, ``GET /api/page`` (document,
records, progress, where to resume), ``POST /api/decide`` {id, decision,
record?}, ``POST /api/add`` {record}, ``POST /api/undo``. A POST answers only
after its event is in the log and fsynced.

Guards, because any web page the reviewer visits could otherwise talk to a
local server: the socket is bound to 127.0.0.1; the Host header must name
that address (or localhost) with the server's port (no DNS rebinding); a POST
must be ``application/json`` (which a cross-site form cannot send without a
CORS preflight, which this server never grants) and its Origin, when present,
must be the server's own. Responses carry a Content-Security-Policy that
allows only the app's own scripts and connections.
"""

from __future__ import annotations

import json
import sys
import traceback
from importlib import resources
from socketserver import ThreadingMixIn
from typing import Callable
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import bottle

from ..errors import ClaimexError, Errors
from .session import ReviewSession

HOST = "127.0.0.1"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
STATIC = {
    "review.js": ("claimex.review", "application/javascript; charset=utf-8"),
    "review.css": ("claimex.review", "text/css; charset=utf-8"),
    "spans.js": ("claimex.report", "application/javascript; charset=utf-8"),
}


def _static(package: str, name: str) -> bytes:
    return resources.files(package).joinpath("static", name).read_bytes()


def _json(obj, status: int = 200) -> bottle.HTTPResponse:
    return bottle.HTTPResponse(
        body=json.dumps(obj, ensure_ascii=False),
        status=status,
        headers={"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"},
    )


def make_app(session: ReviewSession) -> bottle.Bottle:
    app = bottle.Bottle()

    def handle(fn: Callable[[], dict]) -> bottle.HTTPResponse:
        try:
            return _json(fn())
        except ClaimexError as exc:
            return _json({"error": str(exc)}, 400)
        except Exception as exc:  # a bug: keep serving, tell the page and the terminal
            traceback.print_exc(file=sys.stderr)
            return _json({"error": f"internal error: {exc!r}"}, 500)

    def body() -> dict:
        try:
            data = json.loads(bottle.request.body.read() or b"{}")
        except ValueError as exc:
            raise ClaimexError(f"request body is not JSON ({exc})") from None
        if not isinstance(data, dict):
            raise ClaimexError("request body must be a JSON object")
        return data

    @app.get("/")
    def index():
        return bottle.HTTPResponse(body=_static("claimex.review", "index.html"), headers={"Content-Type": "text/html; charset=utf-8"})

    @app.get("/favicon.ico")
    def favicon():
        return bottle.HTTPResponse(status=204)

    @app.get("/static/<name>")
    def static(name):
        if name not in STATIC:
            return bottle.HTTPResponse(status=404, body=b"not found")
        pkg, ctype = STATIC[name]
        return bottle.HTTPResponse(body=_static(pkg, name), headers={"Content-Type": ctype, "Cache-Control": "no-cache"})

    @app.get("/api/page")
    def page():
        return handle(session.page_data)

    @app.get("/api/state")
    def state():
        return handle(session.snapshot)

    @app.post("/api/decide")
    def decide():
        def run():
            b = body()
            ev = session.decide(str(b.get("id")), str(b.get("decision")), b.get("record"))
            return {"event": ev, **session.snapshot()}

        return handle(run)

    @app.post("/api/add")
    def add():
        def run():
            ev = session.add(body().get("record"))
            return {"event": ev, **session.snapshot()}

        return handle(run)

    @app.post("/api/undo")
    def undo():
        def run():
            ev = session.undo()
            return {"event": ev, **session.snapshot()}

        return handle(run)

    return app


def guard(app, port_ref: list[int]):
    """WSGI middleware: Host and Origin checks, JSON-only POSTs, security headers."""

    def allowed_hosts() -> set[str]:
        p = port_ref[0]
        return {f"{HOST}:{p}", f"localhost:{p}"}

    def wsgi(environ, start_response):
        host = environ.get("HTTP_HOST", "")
        method = environ.get("REQUEST_METHOD", "GET")
        problem = None
        if host not in allowed_hosts():
            problem = f"host {host!r} not allowed"
        elif method == "POST":
            ctype = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
            origin = environ.get("HTTP_ORIGIN")
            if ctype != "application/json":
                problem = "POST must be application/json"
            elif origin is not None and origin.replace("http://", "", 1) not in allowed_hosts():
                problem = f"origin {origin!r} not allowed"
        elif method not in ("GET", "HEAD"):
            problem = f"method {method} not allowed"
        if problem:
            body = json.dumps({"error": problem}).encode()
            start_response("403 Forbidden", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]

        def sr(status, headers, exc_info=None):
            headers = list(headers) + [
                ("Content-Security-Policy", CSP),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "no-referrer"),
            ]
            return start_response(status, headers, exc_info)

        return app(environ, sr)

    return wsgi


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - signature of the base class
        pass


def create_server(session: ReviewSession, port: int = 8765) -> WSGIServer:
    """A threaded WSGI server for the app, listening on 127.0.0.1:port (0: a free port)."""
    port_ref = [port]
    app = guard(make_app(session), port_ref)
    try:
        httpd = make_server(HOST, port, app, server_class=_ThreadingServer, handler_class=_QuietHandler)
    except OSError as exc:
        raise ClaimexError(Errors.E085.format(port=port, reason=exc.strerror or exc)) from None
    port_ref[0] = httpd.server_port
    return httpd


def serve(session: ReviewSession, port: int = 8765, *, ready: Callable[[str], None] | None = None) -> None:
    """Serve until interrupted. ``ready(url)`` is called once the socket listens."""
    httpd = create_server(session, port)
    url = f"http://{HOST}:{httpd.server_port}/"
    if ready:
        ready(url)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        session.close()
