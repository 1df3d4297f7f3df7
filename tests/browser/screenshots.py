"""Take the screenshots of docs/review.md (not a test; run by hand):

    .venv/bin/python -m tests.browser.screenshots

Writes, in docs/: report.png and report-eval.png (the seed's report against
its gold), report-corpus.png (the corpus view of corpus/gold/), review.png
(the review app on a folder of two pipeline outputs, mid-review),
review-edit.png (editing a record: type and label keys), review-done.png (the
done state) and review-adjudicate.png (two reviewers' disagreements side by
side).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from .conftest import ARGS, CHROMIUM, ROOT, Server, claimex

DOCS = ROOT / "docs"
PAIR = ("corpus/ajiss-297.md", "corpus/mekong-talks-2024.txt")


def report_shots(page, tmp: Path, out: Path) -> None:
    html = tmp / "report.html"
    claimex("report", str(out), "--gold", "corpus/gold/", "-o", str(html))
    page.goto(html.as_uri())
    page.wait_for_selector("#doc .seg")
    page.evaluate("document.querySelector('#eval details').open = false")
    page.locator("#doc").evaluate("e => e.scrollIntoView()")
    page.mouse.wheel(0, 900)
    page.wait_for_timeout(200)
    seg = page.locator('.seg[data-types~="quote"].st-mismatch, .seg.st-mismatch, .seg[data-types~="quote"]').first
    seg.scroll_into_view_if_needed()
    seg.hover()
    page.wait_for_timeout(200)
    page.screenshot(path=str(DOCS / "report.png"))
    page.evaluate("document.querySelector('#eval details').open = true")
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_timeout(200)
    page.screenshot(path=str(DOCS / "report-eval.png"))
    corpus = tmp / "corpus.html"
    claimex("report", "corpus/gold/", "-o", str(corpus))
    page.goto(corpus.as_uri())
    page.wait_for_selector("#chart-cooccurrence svg")
    page.locator("#chart-speakers a.group").nth(1).click()
    page.wait_for_timeout(200)
    page.screenshot(path=str(DOCS / "report-corpus.png"), full_page=True)


def review_shots(page, outs: Path) -> None:
    srv = Server(outs, "--reviewer", "analyst", "--export-to", str(outs.parent / "gold-analyst"), cwd=ROOT)
    try:
        page.goto(srv.url)
        page.wait_for_selector("body[data-ready]")
        for key in "axaaa1axaa":
            page.keyboard.press(key)
            page.wait_for_timeout(120)
        page.select_option("#ff-type", "quote")
        page.wait_for_timeout(150)
        # a quote with its speaker's span: the connector between them shows
        key = page.evaluate("window.__claimexReview.items.find((it) => it.type === 'quote' && (it.current.speaker_spans || []).length > 0 && it.doc_id === window.__claimexReview.shown).key")
        page.locator(f'#doc .seg[data-keys~="{key}"]').first.click()
        page.wait_for_timeout(250)
        page.screenshot(path=str(DOCS / "review.png"))
        page.select_option("#ff-type", "entity")
        page.wait_for_timeout(150)
        page.keyboard.press("e")
        page.wait_for_timeout(250)
        page.screenshot(path=str(DOCS / "review-edit.png"))
        page.keyboard.press("Escape")
        page.click("#filter-clear")
        for _ in range(400):
            if page.locator("#done:not([hidden])").count():
                break
            page.keyboard.press("a")
            page.wait_for_timeout(40)
        page.wait_for_selector("#done:not([hidden])")
        page.screenshot(path=str(DOCS / "review-done.png"))
    finally:
        srv.stop()


def adjudication_shot(page, outs: Path) -> None:
    from claimex.review import ReviewSession

    a = ReviewSession(outs, reviewer="alice")
    b = ReviewSession(outs, reviewer="bob")
    for n, it in enumerate(a.items()):  # two reviewers who mostly agree
        a.decide(it["id"], "reject" if n % 9 == 3 else "accept", doc_id=it["doc_id"])
        if it["type"] == "entity" and n % 17 == 2:
            b.decide(it["id"], "edit", {**it["current"], "label": "NORP" if it["current"]["label"] != "NORP" else "GPE"}, doc_id=it["doc_id"])
        else:
            b.decide(it["id"], "reject" if n % 9 == 3 or n % 29 == 7 else "accept", doc_id=it["doc_id"])
    a.close()
    b.close()
    srv = Server(outs, "--adjudicate", str(a.log_path), str(b.log_path), "--reviewer", "carol", cwd=ROOT)
    try:
        page.goto(srv.url)
        page.wait_for_selector("body[data-ready]")
        page.evaluate("document.getElementById('agreement').open = true")
        page.keyboard.press("j")
        page.wait_for_timeout(250)
        page.screenshot(path=str(DOCS / "review-adjudicate.png"))
    finally:
        srv.stop()


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="claimex-shots-"))
    try:
        outs = tmp / "outputs"
        claimex("run", *PAIR, "-o", str(outs), "-q")
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = b.new_page(viewport={"width": 1440, "height": 900})
            report_shots(page, tmp, outs / "ajiss-297.jsonl")
            review_shots(page, outs)
            for log in outs.glob("*@*.jsonl"):
                log.unlink()
            adjudication_shot(page, outs)
            b.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("*.png"))))


if __name__ == "__main__":
    main()
