"""The review app in headless Chromium: decide, edit, undo, add, SIGKILL, resume, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SELECT_JS, SPAN_TEXTS_JS, claimex

pytestmark = pytest.mark.browser


def events(log: Path) -> list[dict]:
    return [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines() if x.strip()]


def counts(page) -> dict[str, str]:
    out = {"progress": page.locator("#progress-count").inner_text()}
    for s in ("accepted", "rejected", "edited", "added"):
        out[s] = page.locator(f"#count-{s}").inner_text().split()[-1]
    return out


def wait_count(page, status: str, n: int) -> None:
    page.wait_for_function(
        "([s, n]) => { const e = document.getElementById('count-' + s); return e && e.textContent.split(' ').pop() === String(n); }",
        arg=[status, n],
    )


def current(page) -> str:
    return page.locator("#rec-head .rid").inner_text()


def open_app(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]")


def test_review_session_survives_sigkill_and_exports_gold(data_dir, watched, servers):
    out = data_dir / "emoji.jsonl"
    log = data_dir / "emoji@tess.review.jsonl"
    source = (data_dir / "emoji.md").read_text(encoding="utf-8")
    page = watched.page
    srv = servers(out, "--reviewer", "tess")
    open_app(page, srv.url)
    assert counts(page)["progress"] == "0 / 10"

    # the first record in text order: reject it
    assert current(page) == "emoji:entity:0"
    page.keyboard.press("x")
    wait_count(page, "rejected", 1)
    # the app moves on to the next unreviewed record: accept it with the button
    assert current(page) == "emoji:date:0"
    page.click("#btn-accept")
    wait_count(page, "accepted", 1)

    _fix_a_span_by_selecting_text(page, log, source)

    # accept one more, then undo that accept
    page.keyboard.press("k")
    assert current(page) == "emoji:recommendation:0"
    page.keyboard.press("a")
    wait_count(page, "accepted", 2)
    page.keyboard.press("u")
    wait_count(page, "accepted", 1)
    assert events(log)[-1]["event"] == "undo"

    _add_the_missed_quote(page, log, source)
    before = counts(page)
    assert before == {"progress": "4 / 11", "accepted": "1", "rejected": "1", "edited": "1", "added": "1"}
    shown_before = page.evaluate(SPAN_TEXTS_JS, "#doc")

    # kill -9 the server, start it again: every acknowledged decision is there
    srv.kill()
    srv2 = servers(out, "--reviewer", "tess")
    open_app(page, srv2.url)
    assert counts(page) == before
    assert page.evaluate(SPAN_TEXTS_JS, "#doc") == shown_before
    assert page.locator(".doc .seg.st-rejected").first.inner_text() == "Tidewater Policy Brief"
    assert "resumed: 4 of 11 reviewed" in page.locator("#msg").inner_text()
    # resumes at the first unreviewed record after the last decision
    assert page.locator("#cur-status").inner_text() == "unreviewed"
    assert not watched.errors and not watched.dialogs

    _export_validate_and_score(data_dir, out)


def _fix_a_span_by_selecting_text(page, log, source) -> None:
    """Filter to recommendations, go to the second one, and fix its span by selecting text."""
    page.keyboard.press("/")
    page.fill("#filter", "recommendation")
    page.keyboard.press("Enter")
    assert current(page) == "emoji:recommendation:0"
    page.keyboard.press("j")
    assert current(page) == "emoji:recommendation:1"
    page.keyboard.press("e")
    page.wait_for_selector("#editor:not([hidden])")
    page.evaluate(SELECT_JS, ["#doc", "ministers must not delay the dredging plan", 0])
    page.wait_for_function("() => document.getElementById('f-span').textContent.includes('ministers must not delay the dredging plan')")
    page.click("#f-save")
    wait_count(page, "edited", 1)
    edit = events(log)[-1]
    assert edit["decision"] == "edit" and edit["reviewer"] == "tess"
    want = source.index("ministers must not delay the dredging plan")
    assert (edit["record"]["start"], edit["record"]["end"]) == (want, want + len("ministers must not delay the dredging plan"))


def _add_the_missed_quote(page, log, source) -> None:
    """Add the quote the pipeline missed: select it, n, choose the type, fill the kind."""
    page.keyboard.press("/")
    page.fill("#filter", "")
    page.keyboard.press("Enter")
    page.evaluate(SELECT_JS, ["#doc", "blue corridor", 0])
    page.keyboard.press("n")
    page.wait_for_selector("#editor:not([hidden])")
    page.click('#f-type button[data-value="quote"]')
    page.click('#f-kind button[data-value="scare"]')
    page.click("#f-save")
    wait_count(page, "added", 1)
    added = events(log)[-1]
    want = source.index("blue corridor")
    assert added["decision"] == "add" and added["record"]["text"] == "blue corridor"
    assert (added["record"]["start"], added["record"]["end"]) == (want, want + len("blue corridor"))
    assert current(page) == added["record_id"]


def _export_validate_and_score(data_dir, out) -> None:
    """Export -> validate -> eval against the gold."""
    gold = data_dir / "gold" / "emoji.jsonl"
    claimex("review", str(out), "--export", str(gold))
    claimex("validate", str(gold))
    res = claimex("eval", str(gold), str(data_dir / "emoji.gold.jsonl"), "--json")
    ev = json.loads(res.stdout)["types"]
    assert ev["quote"]["counts"]["correct"] == 1  # the added quote is in the gold
    assert ev["recommendation"]["counts"]["correct"] == 1  # the corrected span is exact
    exported = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    assert {r["text"] for r in exported[1:]} == {"4 March 2031", "ministers must not delay the dredging plan", "blue corridor"}


def test_review_app_renders_hostile_text_as_text(data_dir, watched, servers):
    srv = servers(data_dir / "hostile.jsonl")
    page = watched.page
    open_app(page, srv.url)
    source = (data_dir / "hostile.md").read_text(encoding="utf-8")
    assert page.evaluate("document.getElementById('doc').textContent") == source
    for _ in range(8):
        page.keyboard.press("j")
    page.keyboard.press("e")  # the edit form holds hostile attribute values too
    page.wait_for_selector("#editor:not([hidden])")
    page.keyboard.press("Escape")
    for seg in page.locator(".doc .seg").all()[:12]:
        seg.click()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('main img, main svg:not([data-claimex]), main b, main textarea').length") == 0
    assert watched.dialogs == [] and watched.errors == []
