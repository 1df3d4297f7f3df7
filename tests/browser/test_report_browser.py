"""The HTML report in headless Chromium: highlights, offsets, toggles, hostile text."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import unquote

import pytest

from .conftest import ROOT, SPAN_TEXTS_JS, claimex

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seed_output(tmp_path_factory) -> Path:
    """The real pipeline on the seed commentary (the only use of the seed in these tests)."""
    out = tmp_path_factory.mktemp("seed")
    claimex("run", "corpus/ajiss-297.md", "-o", str(out), "-q")
    return out / "ajiss-297.jsonl"


def records(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _open_seed_report(seed_output, tmp_path, watched):
    html = tmp_path / "seed.html"
    claimex("report", str(seed_output), "--gold", "corpus/gold/ajiss-297.jsonl", "-o", str(html))
    page = watched.page
    page.goto(html.as_uri())
    page.wait_for_selector("#doc .seg")
    recs = [r for r in records(seed_output) if r["type"] != "document"]
    return page, recs


def test_seed_report_highlights_every_record(seed_output, tmp_path, watched):
    page, recs = _open_seed_report(seed_output, tmp_path, watched)
    expected = Counter(r["type"] for r in recs)
    shown = page.evaluate(SPAN_TEXTS_JS, "#doc")
    by_key = {f"p:{r['id']}": r for r in recs}
    got = Counter(by_key[k]["type"] for k in shown if k in by_key)
    assert got == expected, "every predicted record has a highlight"
    # each highlight covers exactly the record's text (nested and overlapping spans included)
    bad = [k for k, r in by_key.items() if shown.get(k) != r["text"]]
    assert not bad, bad[:5]
    # missed gold spans are shown too, marked as such (as many as the evaluator counts;
    # the seed may have none left, the hostile-text test below always has some)
    gold_keys = [k for k in shown if k.startswith("g:")]
    figures = json.loads(claimex("eval", str(seed_output), "corpus/gold/ajiss-297.jsonl", "--json").stdout)
    missed = sum(t["counts"]["missed"] for t in figures["types"].values())
    assert page.locator(".seg.st-missed").count() == missed and len(gold_keys) >= missed
    # the legend counts, and the evaluation table on top
    for t, n in expected.items():
        assert page.locator(f'#legend label[data-type="{t}"]').inner_text().strip() == f"{t} ({n + sum(1 for k in gold_keys if f':{t}:' in k)})"
    assert page.locator('#eval tr[data-type="all"]').count() >= 1
    # nothing lost: the text shown is the source as read
    source = (ROOT / "corpus" / "ajiss-297.md").read_text(encoding="utf-8")
    assert page.evaluate("document.getElementById('doc').textContent") == source.lstrip("\ufeff")
    assert not watched.errors and not watched.dialogs


def test_seed_report_toggles_flashes_and_shows_attributes_with_the_rule(seed_output, tmp_path, watched):
    page, recs = _open_seed_report(seed_output, tmp_path, watched)
    n_dates = sum(1 for r in recs if r["type"] == "date")
    # toggling a type hides its highlights; the others stay
    page.locator('#legend label[data-type="entity"] input').uncheck()
    shown2 = page.evaluate(SPAN_TEXTS_JS, "#doc")
    assert not any(":entity:" in k for k in shown2)
    assert sum(1 for k in shown2 if ":date:" in k and k.startswith("p:")) == n_dates
    # clicking a record in the side panel scrolls to it and flashes it
    quote = next(r for r in recs if r["type"] == "quote")
    page.locator(f'#panel li[data-key="p:{quote["id"]}"]').click()
    assert page.locator(".seg.flash").count() >= 1
    assert page.evaluate("[...document.querySelectorAll('.seg.flash')].map(e => e.textContent).join('')") == quote["text"]
    # hovering a span shows its attributes, and the rule that made the record
    page.locator(".seg.flash").first.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and quote["id"] in tip.inner_text() and "kind" in tip.inner_text()
    rows = page.evaluate("[...document.querySelectorAll('#tip tr')].map(tr => [...tr.cells].map(c => c.textContent))")
    assert quote["rule"] and ["rule", quote["rule"]] in rows
    assert not watched.errors and not watched.dialogs


def test_astral_characters_do_not_shift_highlights(data_dir, watched):
    """emoji.md has emoji before most spans: JS UTF-16 indices != Python offsets."""
    html = data_dir / "e.html"
    claimex("report", str(data_dir / "emoji.jsonl"), "--gold", str(data_dir / "emoji.gold.jsonl"), "-o", str(html))
    page = watched.page
    page.goto(html.as_uri())
    page.wait_for_selector("#doc .seg")
    shown = page.evaluate(SPAN_TEXTS_JS, "#doc")
    want = {f"p:{r['id']}": r["text"] for r in records(data_dir / "emoji.jsonl") if r["type"] != "document"}
    want.update({"g:emoji:date:2": "this year", "g:emoji:quote:1": "blue corridor"})  # missed gold
    assert shown == want
    statuses = page.evaluate("[...document.querySelectorAll('#panel li .badge')].map(b => b.textContent)")
    assert Counter(statuses) == {"correct": 7, "spurious": 1, "mismatch": 1, "boundary": 1, "missed": 2}
    assert not watched.errors


def test_hostile_text_runs_nothing(data_dir, watched):
    html = data_dir / "h.html"
    claimex("report", str(data_dir / "hostile.jsonl"), str(data_dir / "emoji.jsonl"), "-o", str(html))
    page = watched.page
    page.goto(html.as_uri())  # two documents: the corpus view first, its charts name hostile speakers and holders
    page.wait_for_selector("#chart-speakers svg")
    for bar in page.locator("#corpus svg a.group, #corpus svg a.cell").all():  # these list their records
        bar.click()
    page.click("#tab-docs")
    page.wait_for_selector("#doc .seg")
    page.select_option("#doc-select", "1")
    page.select_option("#doc-select", "0")
    assert page.locator("#meta .title").inner_text().startswith('Notes on <script>window.__pwned = "title"')
    source = (data_dir / "hostile.md").read_text(encoding="utf-8")
    assert page.evaluate("document.getElementById('doc').textContent") == source
    for seg in page.locator("#doc .seg").all():
        seg.hover()  # tooltips render canonical names, notes, speakers
    for li in page.locator("#panel li").all():
        li.click()
    assert "window.__pwned='canonical'" in page.locator("#panel").inner_text()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img, svg:not([data-claimex]), b, textarea').length") == 0
    assert watched.dialogs == [] and watched.errors == []


def test_corpus_view_renders_offline_and_links_to_records(tmp_path, watched):
    """`claimex report corpus/gold/`: the charts of sixteen documents, drawn with no network request."""
    html = tmp_path / "corpus.html"
    claimex("report", "corpus/gold/", "-o", str(html))
    data = json.loads(html.read_text(encoding="utf-8").split('id="claimex-data">', 1)[1].split("</script>", 1)[0])
    page = watched.page
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(html.as_uri())
    page.wait_for_selector("#chart-cooccurrence svg")
    assert page.locator("#tab-corpus.on").count() == 1 and page.locator("#doc").is_hidden()
    for chart in ("counts", "actors", "holders", "speakers", "timeline", "cooccurrence"):
        assert page.locator(f"#chart-{chart} svg[data-claimex] a").count() > 0, chart
    n_docs = len(data["docs"])
    assert n_docs == len(list((ROOT / "corpus" / "gold").glob("*.jsonl")))
    counts = page.locator("#chart-counts svg a[data-type]")
    assert counts.count() == sum(1 for d in data["corpus"]["counts"] for n in d["per_type"].values() if n)
    # a speaker's bar lists the quotes; each opens its document with the quote flashed
    top = data["corpus"]["speakers"][0]
    page.locator(f'#chart-speakers a.group[data-name="{top["name"]}"]').click()
    links = page.locator("#chart-speakers ol.refs a")
    assert links.count() == len(top["refs"])
    links.first.click()
    page.wait_for_selector("#doc .seg.flash")
    d, key = top["refs"][0]
    rec = next(r for r in data["docs"][d]["records"] if r["key"] == key)
    assert page.evaluate("[...document.querySelectorAll('#doc .seg.flash')].map(e => e.textContent).join('')") == rec["rec"]["text"]
    assert page.locator("#doc-select").input_value() == str(d)
    # a point of the timeline, then a cell of the co-occurrence matrix
    page.click("#tab-corpus")
    point = page.locator("#chart-timeline a.point").first
    href = point.get_attribute("href")
    point.dispatch_event("click")  # marks of one lane may overlap: no pointer needed to follow the link
    page.wait_for_selector("#doc .seg.flash")
    d, key = int(href.split("doc=")[1].split("&")[0]), unquote(href.split("rec=")[1])
    rec = next(r for r in data["docs"][d]["records"] if r["key"] == key)
    assert rec["type"] in ("quote", "recommendation")
    assert page.evaluate("[...document.querySelectorAll('#doc .seg.flash')].map(e => e.textContent).join('')") == rec["rec"]["text"]
    page.go_back()
    page.wait_for_selector("#chart-cooccurrence svg")
    page.locator("#chart-cooccurrence a.cell").first.click()
    assert page.locator("#chart-cooccurrence ol.refs a").count() >= 1
    # a segment of the counts chart: that document with one type shown
    page.locator('#chart-counts a[data-type="quote"]').first.click()
    page.wait_for_selector("#doc .seg")
    assert set(page.evaluate("[...document.querySelectorAll('#doc .seg')].map(e => e.getAttribute('data-types'))")) == {"quote"}
    assert all(u.startswith(("file:", "data:", "about:")) for u in requests), [u for u in requests if not u.startswith("file:")]
    assert not watched.errors and not watched.dialogs
