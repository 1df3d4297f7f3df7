"""The review app over a folder of documents in headless Chromium: one queue, the
document list, filters and order, snapping, label hotkeys, edit -> next, a type
changed in place, speaker/holder links, the done state and its export, and the
adjudication of two reviewers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import SELECT_JS, claimex

pytestmark = pytest.mark.browser


def events(log: Path) -> list[dict]:
    return [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines() if x.strip()]


def open_app(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]")


def current(page) -> str:
    return page.locator("#rec-head .rid").inner_text()


def wait_current(page, rid: str) -> None:
    page.wait_for_function("(r) => { const e = document.querySelector('#rec-head .rid'); return e && e.textContent === r; }", arg=rid)


def wait_progress(page, text: str) -> None:
    page.wait_for_function("(t) => document.getElementById('progress-count').textContent === t", arg=text)


def wait_text(page, selector: str, text: str) -> None:
    """Wait until the element's text contains ``text`` (the app reacts to a selection after the mouseup)."""
    page.wait_for_function("([s, t]) => { const e = document.querySelector(s); return e && e.textContent.includes(t); }", arg=[selector, text])


def doc_text(page) -> str:
    return page.evaluate("document.getElementById('doc').textContent")


def goto_record(page, rid: str) -> None:
    """Click the record's first highlight in the document pane."""
    page.locator(f'#doc .seg[data-keys~="{rid.split(":")[0]}|{rid}"]').first.click()
    wait_current(page, rid)


def test_one_queue_over_two_documents(outs, watched, servers):
    page = watched.page
    srv = servers(outs, "--reviewer", "alice")
    open_app(page, srv.url)
    assert page.locator("#progress-count").inner_text() == "0 / 19"
    assert page.locator("#doc-list li").count() == 2
    assert current(page) == "emoji:entity:0"
    assert doc_text(page) == (outs / "emoji.md").read_text(encoding="utf-8")
    # the document list jumps to the other document's first unreviewed record
    page.click('#doc-list li[data-doc="harbour"]')
    wait_current(page, "harbour:date:0")  # text order: the publication date comes first
    assert doc_text(page) == (outs / "harbour.md").read_text(encoding="utf-8")
    assert page.locator('#doc-list li[data-doc="harbour"]').get_attribute("class") == "on"
    page.keyboard.press("a")
    wait_progress(page, "1 / 19")
    assert page.locator('#doc-list li[data-doc="harbour"] .c').inner_text() == "1/9"
    assert events(outs / "all@alice.review.jsonl")[-1]["doc_id"] == "harbour"
    # j and k cross from one document to the next
    page.click('#doc-list li[data-doc="emoji"]')
    wait_current(page, "emoji:entity:0")
    for _ in range(9):
        page.keyboard.press("j")
    wait_current(page, "emoji:recommendation:1")
    page.keyboard.press("j")
    wait_current(page, "harbour:date:0")
    assert "harbour" in page.locator("#doc-head").inner_text()
    # filters: by rule (a select filled from the records), by attribute, by type
    page.select_option("#ff-rule", "entity/ner")
    wait_current(page, "harbour:entity:0")  # the first unreviewed record in the filter
    assert "3 records" in page.locator("#filter-show").inner_text()
    page.select_option("#ff-rule", "")
    page.keyboard.press("/")
    page.fill("#filter", "label=ORG")
    page.keyboard.press("Enter")
    assert "3 records" in page.locator("#filter-show").inner_text()  # 2 in emoji, Aspidora in harbour
    page.fill("#filter", "quote doc:harb")
    page.keyboard.press("Enter")
    wait_current(page, "harbour:quote:0")
    assert "2 records" in page.locator("#filter-show").inner_text()
    page.click("#filter-clear")
    # least confident first: records with a score, lowest first
    page.select_option("#order", "confidence")
    page.keyboard.press("k")
    for _ in range(20):
        page.keyboard.press("k")
    wait_current(page, "harbour:entity:1")  # score 0.2
    assert page.locator("#rec-head .pos").inner_text().startswith("#1 of 19")
    page.keyboard.press("j")
    wait_current(page, "harbour:quote:1")  # 0.3
    # Export before the end: the gold of what is reviewed so far, and what was left out
    page.click("#btn-export")
    wait_text(page, "#msg", "exported 2 gold file(s)")
    assert "unreviewed left out" in page.locator("#msg").inner_text()
    assert sorted(p.name for p in (outs.parent / "gold-alice").iterdir()) == ["emoji.jsonl", "harbour.jsonl"]
    assert not watched.errors and not watched.dialogs


def test_snapping_hotkeys_edit_next_and_type_change(outs, watched, servers):
    page = watched.page
    srv = servers(outs / "harbour.jsonl", "--reviewer", "sam")
    log = outs / "harbour@sam.review.jsonl"
    source = (outs / "harbour.md").read_text(encoding="utf-8")
    open_app(page, srv.url)
    assert page.locator("#doc-list").is_hidden()  # one document: no list
    # label hotkeys are shown on the buttons; a digit relabels and moves on
    goto_record(page, "harbour:entity:1")
    assert page.locator('#labels button[data-value="EVENT"] kbd').inner_text() == "6"
    assert "on" in page.locator('#labels button[data-value="ORG"]').get_attribute("class")
    page.keyboard.press("6")
    page.wait_for_function("() => document.getElementById('count-edited').textContent.endsWith(' 1')")
    ev = events(log)[-1]
    assert ev["decision"] == "edit" and ev["record"]["label"] == "EVENT" and ev["record"]["rule"] == "entity/ner"
    assert current(page) != "harbour:entity:1"
    # the label a record has already: a digit accepts it
    goto_record(page, "harbour:entity:0")
    page.keyboard.press("1")  # PERSON
    page.wait_for_function("() => document.getElementById('count-accepted').textContent.endsWith(' 1')")
    assert events(log)[-1]["decision"] == "accept"
    # a partial-word selection snaps to whole words ...
    page.evaluate(SELECT_JS, ["#doc", "peration Aspid", 0])
    page.wait_for_function("() => window.getSelection().toString() === 'operation Aspidora'")
    page.keyboard.press("n")
    page.wait_for_selector("#editor:not([hidden])")
    wait_text(page, "#f-span", "\u201coperation Aspidora\u201d")
    page.keyboard.press("Shift+Digit1")  # type: entity
    assert "on" in page.locator('#f-type button[data-value="entity"]').get_attribute("class")
    assert page.locator('#f-label button[data-value="EVENT"] kbd').inner_text() == "6"
    page.keyboard.press("6")  # label: EVENT
    assert "on" in page.locator('#f-label button[data-value="EVENT"]').get_attribute("class")
    # ... unless Shift is held while selecting
    page.evaluate(SELECT_JS, ["#doc", "peration Aspid", 0, True])
    wait_text(page, "#f-span", "\u201cperation Aspid\u201d")
    page.evaluate(SELECT_JS, ["#doc", "operation Aspidor", 0])
    wait_text(page, "#f-span", "\u201coperation Aspidora\u201d")
    page.click("#f-save")
    page.wait_for_function("() => document.getElementById('count-added').textContent.endsWith(' 1')")
    added = events(log)[-1]["record"]
    i = source.index("operation Aspidora")
    assert (added["type"], added["label"], added["start"], added["end"]) == ("entity", "EVENT", i, i + len("operation Aspidora"))
    # saving an edit moves on to the next record
    goto_record(page, "harbour:date:1")
    page.keyboard.press("e")
    page.wait_for_selector("#editor:not([hidden])")
    page.fill("#f-value", "2031-06-01")
    page.locator("#f-value").press("Enter")
    page.wait_for_function("() => document.getElementById('count-edited').textContent.endsWith(' 2')")
    assert events(log)[-1]["record"]["value"] == "2031-06-01"
    assert current(page) == "harbour:entity:2" and page.locator("#editor").is_hidden()  # the next unreviewed one
    # the next key after an edit decides the next record, not the one just corrected
    page.keyboard.press("x")
    page.wait_for_function("() => document.getElementById('count-rejected').textContent.endsWith(' 1')")
    assert events(log)[-1]["record_id"] == "harbour:entity:2"
    # change a record's type in place: the span stays, the fields follow the new type
    goto_record(page, "harbour:quote:1")
    page.keyboard.press("e")
    page.wait_for_selector("#editor:not([hidden])")
    page.click('#f-type button[data-value="entity"]')
    assert page.locator("#f-kind").count() == 0 and page.locator("#f-canonical").input_value() == "We cannot wait,"
    page.click('#f-label button[data-value="ORG"]')
    page.click("#f-save")
    page.wait_for_function("() => document.getElementById('count-edited').textContent.endsWith(' 3')")
    ev = events(log)[-1]
    assert ev["record_id"] == "harbour:quote:1" and ev["type"] == "quote" and ev["record"]["type"] == "entity"
    goto_record(page, "harbour:quote:1")
    assert page.locator("#rec-head .type-badge").inner_text() == "entity" and "(was quote)" in page.locator("#rec-head").inner_text()
    assert not watched.errors and not watched.dialogs


def test_speakers_and_holders_are_linked_to_their_claims(outs, watched, servers):
    page = watched.page
    srv = servers(outs / "harbour.jsonl", "--reviewer", "sam")
    open_app(page, srv.url)
    ends = page.evaluate(
        """() => { const o = {}; document.querySelectorAll('#doc .seg.link-end').forEach((e) => {
             e.getAttribute('data-keys').split(' ').filter((k) => k.startsWith('L:')).forEach((k) => { o[k] = (o[k] || '') + e.textContent; }); });
           return o; }"""
    )
    assert ends["L:harbour|harbour:quote:0:0"] == "Tomas Reyl"  # its speaker span
    assert ends["L:harbour|harbour:quote:1:0"] == "Tomas Reyl"  # a name only: its nearest mention before the quote
    assert ends["L:harbour|harbour:recommendation:0:0"] == "Tomas Reyl"  # the holder
    src = (outs / "harbour.md").read_text(encoding="utf-8")
    second = src.index("Tomas Reyl", src.index("Tomas Reyl") + 1)
    assert page.evaluate("(k) => { const r = document.createRange(); const e = document.querySelector(`#doc .seg[data-keys~='${k}']`); "
                         "r.selectNodeContents(document.getElementById('doc')); r.setEndBefore(e); return r.toString().length; }",
                         "L:harbour|harbour:quote:1:0") == second  # fmt: skip
    # the current record's connector is drawn; hovering either end highlights both
    goto_record(page, "harbour:quote:0")
    assert page.locator("#links path.arc").count() == 1
    assert page.locator("#context svg.links path.arc").count() == 1  # and in the paragraph view
    page.locator('#doc .seg[data-keys~="L:harbour|harbour:quote:0:0"]').first.hover()
    hl = page.evaluate("[...document.querySelectorAll('#doc .seg.hl')].map((e) => e.textContent).join('')")
    assert hl == "Tomas Reylwill reopen in June 2031"
    page.locator('#doc .seg[data-keys~="harbour|harbour:recommendation:0"]').last.hover()
    hl = page.evaluate("[...document.querySelectorAll('#doc .seg.hl')].map((e) => e.textContent).join('')")
    assert hl.startswith("Tomas Reyl") and "fund the dredging" in hl
    assert page.locator("#links path.arc.hover").count() == 1
    assert not watched.errors


def test_done_state_and_export_match_the_cli(outs, tmp_path, watched, servers):
    page = watched.page
    app_gold = tmp_path / "gold-app"
    srv = servers(outs, "--reviewer", "bob", "--export-to", str(app_gold))
    open_app(page, srv.url)
    for n in range(1, 20):
        page.keyboard.press("x" if n in (1, 12) else "a")
        wait_progress(page, f"{n} / 19")
    # everything reviewed: an explicit done state, not a wrap back to record 1
    page.wait_for_selector("#done:not([hidden])")
    assert "All 19 records of 2 documents reviewed" in page.locator("#done").inner_text()
    assert page.locator("#done-badge").is_visible()
    assert page.locator("#rec-head .rid").count() == 0
    page.keyboard.press("a")  # nothing to decide: nothing logged
    page.wait_for_timeout(200)
    assert len(events(outs / "all@bob.review.jsonl")) == 20
    page.click("#done-export")
    page.wait_for_function("() => document.getElementById('export-result').textContent.includes('harbour.jsonl')")
    assert "exported 2 gold file(s)" in page.locator("#msg").inner_text()
    cli_gold = tmp_path / "gold-cli"
    claimex("review", str(outs), "--reviewer", "bob", "--export", str(cli_gold))
    for name in ("emoji.jsonl", "harbour.jsonl"):
        assert (app_gold / name).read_bytes() == (cli_gold / name).read_bytes()
        claimex("validate", str(app_gold / name))
    # j leaves the done state for the records again
    page.keyboard.press("j")
    wait_current(page, "emoji:entity:0")
    assert not watched.errors and not watched.dialogs


def test_adjudication_side_by_side(outs, tmp_path, watched, servers):
    from claimex.review import ReviewSession

    text = (outs / "harbour.md").read_text(encoding="utf-8")
    a = ReviewSession(outs, reviewer="alice")
    b = ReviewSession(outs, reviewer="bob")
    for it in a.items():
        a.decide(it["id"], "accept", doc_id=it["doc_id"])
        if it["id"] == "harbour:entity:1":
            b.decide(it["id"], "edit", {**it["current"], "label": "EVENT"}, doc_id="harbour")
        elif it["id"] == "emoji:entity:0":
            b.decide(it["id"], "reject", doc_id="emoji")
        else:
            b.decide(it["id"], "accept", doc_id=it["doc_id"])
    i = text.index("winter")
    b.add({"type": "date", "start": i, "end": i + 6, "timex_type": "DATE", "value": "2031-WI"}, doc_id="harbour")
    a.close()
    b.close()
    gold = tmp_path / "gold"
    srv = servers(outs, "--adjudicate", str(a.log_path), str(b.log_path), "--reviewer", "carol", "--export-to", str(gold))
    page = watched.page
    open_app(page, srv.url)
    assert "adjudication" in page.locator("#doc-title").inner_text()
    assert "kappa" in page.locator("#agreement summary").inner_text()
    assert "3 records" in page.locator("#filter-show").inner_text()  # the disagreements
    assert page.locator("#progress-count").inner_text() == "17 / 20"
    wait_current(page, "emoji:entity:0")
    assert page.locator("#side-a .status").inner_text() == "accept" and page.locator("#side-b .status").inner_text() == "reject"
    page.keyboard.press("2")  # B: reject it
    wait_current(page, "harbour:entity:1")
    assert page.locator('#side-b tr.diff[data-attr], #side-b tr.diff').count() >= 1
    assert "EVENT" in page.locator("#side-b").inner_text()
    page.click("#btn-take-b")
    wait_current(page, "harbour:added:1/b")
    page.click("#btn-take-a")  # A did not add it
    page.wait_for_selector("#done:not([hidden])")
    page.click("#done-export")
    page.wait_for_function("() => document.getElementById('export-result').textContent.includes('harbour.jsonl')")
    harbour = [json.loads(x) for x in (gold / "harbour.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r.get("text"): r.get("label") for r in harbour if r["type"] == "entity"}["Aspidora"] == "EVENT"
    assert not any(r.get("text") == "winter" for r in harbour)
    claimex("validate", str(gold / "harbour.jsonl"))
    claimex("validate", str(gold / "emoji.jsonl"))
    assert not watched.errors and not watched.dialogs


def test_a_statistic_is_shown_and_edited(tmp_path, watched, servers):
    from ..test_review import write_statistic_output

    out = write_statistic_output(tmp_path)
    log = tmp_path / "norland@sam.review.jsonl"
    page = watched.page
    srv = servers(out, "--reviewer", "sam")
    open_app(page, srv.url)
    goto_record(page, "n:statistic:0")
    attrs = dict(page.evaluate("[...document.querySelectorAll('#attrs tr')].map((r) => [...r.cells].map((c) => c.textContent))"))
    assert attrs["value"] == "41" and attrs["unit"] == "percent" and attrs["time"] == "n:date:0" and attrs["rule"] == "statistic/percent"
    assert page.locator("#labels button").count() == 0  # no label keys for a statistic
    page.keyboard.press("e")
    page.wait_for_selector("#editor:not([hidden])")
    assert page.locator("#f-value").input_value() == "41" and page.locator("#f-source").input_value() == "the ministry"
    assert page.locator("#f-time").count() == 0 and "n:date:0 (kept as it is)" in page.locator("#editor").inner_text()
    page.fill("#f-value", "40-42")
    page.select_option("#f-approx", "APPROX")
    page.fill("#f-source", "")
    page.click("#f-save")
    page.wait_for_function("() => document.getElementById('count-edited').textContent.endsWith(' 1')")
    rec = events(log)[-1]["record"]
    assert rec["value"] == {"low": 40, "high": 42} and rec["approx"] == "APPROX" and rec["source"] == "author"
    assert rec["time"] == "n:date:0" and rec["comparison"]["with"] == "n:statistic:1"
    goto_record(page, "n:statistic:0")
    assert page.locator('#attrs tr[data-attr="value"] td').last.evaluate("(td) => td.firstChild.textContent") == "40\u201342"
    assert page.locator('#attrs tr[data-attr="value"] .was').inner_text() == "41"
    # a bad value is refused with the reason, and nothing is logged
    page.keyboard.press("e")
    page.wait_for_selector("#editor:not([hidden])")
    page.fill("#f-value", "42-40")
    page.click("#f-save")
    wait_text(page, "#msg", "a range goes from low to high")
    assert len(events(log)) == 2 and not watched.errors
