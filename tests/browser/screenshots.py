"""Take the screenshots of docs/review.md (not a test; run by hand):

    .venv/bin/python -m tests.browser.screenshots

Writes docs/report.png (the seed's report against its gold), docs/review.png
(the review app on the seed output) and docs/review-edit.png (editing a
recommendation).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import ARGS, CHROMIUM, ROOT, Server, claimex

DOCS = ROOT / "docs"


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="claimex-shots-"))
    try:
        claimex("run", "corpus/ajiss-297.md", "-o", str(tmp), "-q")
        out = tmp / "ajiss-297.jsonl"
        html = tmp / "report.html"
        claimex("report", str(out), "--gold", "corpus/gold/", "-o", str(html))
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = b.new_page(viewport={"width": 1440, "height": 900})
            page.goto(html.as_uri())
            page.wait_for_selector("#doc .seg")
            page.evaluate("document.querySelector('#eval details').open = false")
            page.locator("#doc").evaluate("e => e.scrollIntoView()")
            page.mouse.wheel(0, 900)
            page.wait_for_timeout(200)
            seg = page.locator('.seg[data-types~="quote"].st-mismatch').first
            seg.scroll_into_view_if_needed()
            seg.hover()
            page.wait_for_timeout(200)
            page.screenshot(path=str(DOCS / "report.png"))
            page.evaluate("document.querySelector('#eval details').open = true")
            page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(200)
            page.screenshot(path=str(DOCS / "report-eval.png"))

            srv = Server(out, "--reviewer", "analyst", cwd=ROOT)
            try:
                page.goto(srv.url)
                page.wait_for_selector("body[data-ready]")
                for key in "axaaaxaaaaa":
                    page.keyboard.press(key)
                    page.wait_for_timeout(120)
                page.keyboard.press("/")
                page.fill("#filter", "quote")
                page.keyboard.press("Enter")
                page.keyboard.press("j")
                page.wait_for_timeout(200)
                page.screenshot(path=str(DOCS / "review.png"))
                page.keyboard.press("/")
                page.fill("#filter", "recommendation")
                page.keyboard.press("Enter")
                page.keyboard.press("j")
                page.keyboard.press("e")
                page.wait_for_timeout(200)
                page.screenshot(path=str(DOCS / "review-edit.png"))
            finally:
                srv.stop()
            b.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()
