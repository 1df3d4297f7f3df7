"""The review app's HTTP side: a Bottle app served on 127.0.0.1 only.

Routes: ``/`` (the page), ``/static/<file>``, ``GET /api/page`` (the
documents, every record with its status, progress, where to resume, the
first document's text), ``GET /api/doc?doc_id=`` (a document's text),
``POST /api/decide`` {doc_id?, id, decision, record?, side?}, ``POST /api/add``
{doc_id?, record}, ``POST /api/undo`` {}, ``POST /api/export``
{keep_unreviewed?}. A decision answers only after its event is in the log and
fsynced, with the records it changed and the new progress.

Input is checked before it is used: a body over 1 MiB is refused (413), one
that is not a JSON object, or is nested more than 20 levels, or has a field of
the wrong JSON type, gets a 400 with a one-line message; a bug gets a 500 and
the server keeps serving.

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
from collections.abc import Callable
from importlib import resources
from socketserver import ThreadingMixIn
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
MAX_BODY = 1 << 20  # bytes: a record is a few kB
MAX_DEPTH = 20  # nesting levels of a request body: a record needs 4


def nesting_depth(obj, limit: int = MAX_DEPTH) -> int:
    """How deeply ``obj`` nests (without recursion); stops counting past ``limit``."""
    deepest, stack = 0, [(obj, 1)]
    while stack:
        o, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            break
        if isinstance(o, dict):
            stack.extend((v, d + 1) for v in o.values())
        elif isinstance(o, list):
            stack.extend((v, d + 1) for v in o)
    return deepest


def parse_body(raw: bytes) -> dict:
    """A request body as a JSON object, or one ClaimexError line (E170/E171)."""
    if len(raw) > MAX_BODY:
        raise ClaimexError(Errors.E172.format(limit=MAX_BODY))
    try:
        data = json.loads(raw or b"{}")
    except RecursionError:
        raise ClaimexError(Errors.E171.format(limit=MAX_DEPTH)) from None
    except ValueError as exc:
        raise ClaimexError(Errors.E170.format(reason=str(exc).splitlines()[0][:120])) from None
    if nesting_depth(data) > MAX_DEPTH:
        raise ClaimexError(Errors.E171.format(limit=MAX_DEPTH))
    if not isinstance(data, dict):
        raise ClaimexError("request body must be a JSON object")
    return data


def _opt_str(b: dict, name: str) -> str | None:
    v = b.get(name)
    if v is not None and not isinstance(v, str):
        raise ClaimexError(Errors.E173.format(field=name, expected="a string", got=type(v).__name__))
    return v


def _static(package: str, name: str) -> bytes:
    return resources.files(package).joinpath("static", name).read_bytes()


def _json(obj, status: int = 200) -> bottle.HTTPResponse:
    return bottle.HTTPResponse(
        body=json.dumps(obj, ensure_ascii=False),
        status=status,
        headers={"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store"},
    )


def _changes(session: ReviewSession, ev: dict) -> dict:
    """What the page updates after an event: the record it touched (or its removal) and the progress."""
    it = session.item(ev["doc_id"], ev["record_id"])
    key = f"{ev['doc_id']}|{ev['record_id']}"
    return {"event": ev, "changed": [it] if it else [], "removed": [] if it else [key], "progress": session.progress()}


def _str_field(b: dict, name: str) -> str:
    v = b.get(name)
    if not isinstance(v, str):
        raise ClaimexError(Errors.E173.format(field=name, expected="a string", got=type(v).__name__))
    return v


def api_decide(session: ReviewSession, b: dict) -> dict:
    rid, decision = _str_field(b, "id"), _str_field(b, "decision")
    ev = session.decide(rid, decision, b.get("record"), doc_id=_opt_str(b, "doc_id"), side=_opt_str(b, "side"))
    return _changes(session, ev)


def api_add(session: ReviewSession, b: dict) -> dict:
    return _changes(session, session.add(b.get("record"), doc_id=_opt_str(b, "doc_id")))


def api_undo(session: ReviewSession, b: dict) -> dict:
    return _changes(session, session.undo())


def api_export(session: ReviewSession, b: dict) -> dict:
    from .export import export_folder

    summaries = export_folder(session, session.export_dir, keep_unreviewed=b.get("keep_unreviewed") is True)
    return {
        "folder": str(session.export_dir),
        "files": [str(s.path) for s in summaries],
        "lines": [s.line() for s in summaries],
        "warnings": [w for s in summaries for w in s.warnings],
    }


POSTS = {"/api/decide": api_decide, "/api/add": api_add, "/api/undo": api_undo, "/api/export": api_export}


def _handle(fn: Callable[[], dict]) -> bottle.HTTPResponse:
    try:
        return _json(fn())
    except ClaimexError as exc:
        return _json({"error": str(exc)}, 400)
    except RecursionError:
        return _json({"error": Errors.E171.format(limit=MAX_DEPTH)}, 400)
    except Exception as exc:  # a bug: keep serving, tell the page and the terminal
        traceback.print_exc(file=sys.stderr)
        return _json({"error": f"internal error: {exc!r}"}, 500)


def make_app(session: ReviewSession) -> bottle.Bottle:
    app = bottle.Bottle()

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
        return _handle(session.page_data)

    @app.get("/api/doc")
    def doc():
        return _handle(lambda: session.doc_data(bottle.request.query.getunicode("doc_id")))

    @app.get("/api/state")
    def state():
        return _handle(session.snapshot)

    def post(fn):
        # every POST reads (and checks) its body, so the connection stays in step
        return lambda: _handle(lambda: fn(session, parse_body(bottle.request.body.read(MAX_BODY + 1))))

    for path, fn in POSTS.items():
        app.post(path)(post(fn))
    return app


def _drain(environ, length: int, cap: int = 16 * MAX_BODY) -> None:
    """Read and drop a refused body (up to ``cap``), so the client gets the answer rather than a reset."""
    left = min(length, cap)
    stream = environ["wsgi.input"]
    while left > 0:
        chunk = stream.read(min(left, 1 << 16))
        if not chunk:
            break
        left -= len(chunk)


def guard(app, port_ref: list[int]):
    """WSGI middleware: Host and Origin checks, JSON-only POSTs, security headers."""

    def allowed_hosts() -> set[str]:
        p = port_ref[0]
        return {f"{HOST}:{p}", f"localhost:{p}"}

    def wsgi(environ, start_response):
        host = environ.get("HTTP_HOST", "")
        method = environ.get("REQUEST_METHOD", "GET")
        problem = None
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if length > MAX_BODY or length < 0:
            _drain(environ, length)
            body = json.dumps({"error": Errors.E172.format(limit=MAX_BODY) if length > 0 else "invalid Content-Length"}).encode()
            start_response("413 Content Too Large" if length > 0 else "400 Bad Request",
                           [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])  # fmt: skip
            return [body]
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
            _drain(environ, length)
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
    def log_message(self, format, *args):
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
