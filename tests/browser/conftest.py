"""Playwright fixtures: Debian's Chromium, headless, and claimex servers in subprocesses.

Browser tests skip with a reason when /usr/bin/chromium (or the playwright
package) is missing, unless CLAIMEX_REQUIRE_BROWSER=1, which CI sets: then
they fail. Playwright never downloads a browser here; it drives the system's.
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CLAIMEX_CHROMIUM", "/usr/bin/chromium")  # Debian's; override for other systems
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "review"

# select text in an element by its (UTF-16) text content, as a user's drag would, then fire mouseup
# (with Shift held when `shift` is true)
SELECT_JS = """([sel, needle, nth, shift]) => {
  const root = document.querySelector(sel);
  const full = root.textContent;
  let idx = -1;
  for (let i = 0; i <= nth; i++) idx = full.indexOf(needle, idx + 1);
  if (idx < 0) throw new Error("not found: " + needle);
  const end = idx + needle.length;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let pos = 0, n, sn = null, so = 0, en = null, eo = 0;
  while ((n = walker.nextNode())) {
    const len = n.data.length;
    if (!sn && idx < pos + len) { sn = n; so = idx - pos; }
    if (sn && end <= pos + len) { en = n; eo = end - pos; break; }
    pos += len;
  }
  const r = document.createRange();
  r.setStart(sn, so);
  r.setEnd(en, eo);
  const s = window.getSelection();
  s.removeAllRanges();
  s.addRange(r);
  root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true, shiftKey: !!shift }));
}"""

# record key -> text of its highlighted segments, in document order (link ends, "L:...", left out)
SPAN_TEXTS_JS = """(sel) => {
  const out = {};
  document.querySelectorAll(sel + " .seg").forEach((e) => {
    (e.getAttribute("data-keys") || "").split(" ").filter((k) => k && !k.startsWith("L:")).forEach((k) => {
      out[k] = (out[k] || "") + e.textContent;
    });
  });
  return out;
}"""


def _unavailable() -> str | None:
    if not os.path.exists(CHROMIUM):
        return f"{CHROMIUM} not found (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def browser():
    reason = _unavailable()
    if reason:
        if os.environ.get("CLAIMEX_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (CLAIMEX_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page plus what it did that it should not: dialogs, page errors."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture()
def watched(browser):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    page = ctx.new_page()
    page.set_default_timeout(10_000)
    w = Watched(page)
    yield w
    ctx.close()


def claimex(*args: str, cwd: Path = ROOT, check: bool = True) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, "-c", "from claimex.cli import main; main()", *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError(f"claimex {' '.join(args)} -> {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


class Server:
    """`claimex review` in a subprocess on a free port (--port 0); the URL is read from its first line."""

    def __init__(self, output: Path, *extra: str, cwd: Path | None = None):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", "from claimex.cli import main; main()", "review", str(output), "--port", "0", *extra],
            cwd=cwd or output.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ)
        deadline = time.monotonic() + 20
        line = ""
        while time.monotonic() < deadline and not line:
            if sel.select(timeout=0.2):
                line = self.proc.stdout.readline()
                break
            if self.proc.poll() is not None:
                break
        sel.close()
        if "http://127.0.0.1:" not in line:
            self.kill()
            raise AssertionError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.url = line[line.index("http://") :].split()[0]

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture()
def servers():
    started: list[Server] = []

    def start(output: Path, *extra: str) -> Server:
        s = Server(output, *extra)
        started.append(s)
        return s

    yield start
    for s in started:
        s.stop()
