"""`claimex report`: page structure, escaping, gold comparison, errors, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.errors import ClaimexError
from claimex.report import build_report, embed_json, render_html, report_data
from claimex.report.compare import attribute_diffs
from claimex.report.load import collect_jsonl, load_docs, paragraphs

DATA = Path(__file__).resolve().parent / "data" / "review"


def blob(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="claimex-data">(.*?)</script>', html, re.S)
    assert m, "data blob missing"
    return json.loads(m.group(1))


# -- structure ------------------------------------------------------------


def test_report_is_one_self_contained_page(data_dir):
    html = build_report([data_dir / "emoji.jsonl"])
    assert html.startswith("<!DOCTYPE html>")
    assert html.count("<script") == 2  # the JSON blob and the page's own script
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "no external resources"
    assert "Content-Security-Policy" in html
    data = blob(html)
    (doc,) = data["docs"]
    assert doc["doc_id"] == "emoji"
    assert doc["text"] == (data_dir / "emoji.md").read_text(encoding="utf-8")
    assert {r["type"] for r in doc["records"]} == {"entity", "date", "quote", "recommendation"}
    assert len(doc["records"]) == 10
    assert data["gold"] is False and data["eval"] is None


def test_csp_hash_matches_the_inline_script(data_dir):
    html = build_report([data_dir / "emoji.jsonl"])
    digest = re.search(r"script-src 'sha256-([^']+)'", html).group(1)
    script = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(script) == 1
    assert base64.b64encode(hashlib.sha256(script[0].encode()).digest()).decode() == digest


def test_several_documents_in_one_report(data_dir):
    data = report_data([data_dir / "emoji.jsonl", data_dir / "hostile.jsonl"])
    assert [d["doc_id"] for d in data["docs"]] == ["emoji", "hostile"]


def test_folder_input_skips_review_logs(data_dir):
    (data_dir / "emoji.review.jsonl").write_text("{}\n")  # an old name, not records: skipped
    (data_dir / "any-name.jsonl").write_text('{"event": "start", "v": 2, "docs": []}\n')  # a log, by content
    (data_dir / ".hidden").mkdir()
    (data_dir / ".hidden" / "x.jsonl").write_text("{}\n")
    (data_dir / "bad.jsonl").unlink()
    (data_dir / "emoji.gold.jsonl").unlink()
    files = [p.name for p in collect_jsonl([data_dir])]
    assert files == ["emoji.jsonl", "harbour.jsonl", "hostile.jsonl"]


def test_offsets_stay_code_points_with_astral_characters(data_dir):
    """The page gets Python offsets; spans.js converts them (browser test checks the result)."""
    data = report_data([data_dir / "emoji.jsonl"])
    doc = data["docs"][0]
    text = doc["text"]
    assert any(ord(c) > 0xFFFF for c in text)
    for it in doc["records"]:
        assert text[it["start"]: it["end"]] == it["rec"]["text"]


# -- escaping -------------------------------------------------------------


def test_embed_json_escapes_markup():
    s = embed_json({"t": "</script><script>alert(1)</script> & <!-- \u2028"})
    assert "<" not in s and ">" not in s and "&" not in s and "\u2028" not in s
    assert json.loads(s) == {"t": "</script><script>alert(1)</script> & <!-- \u2028"}


def test_hostile_text_never_reaches_the_page_as_markup(data_dir):
    html = build_report([data_dir / "hostile.jsonl"])
    for bad in ("window.__pwned", "<img", "</textarea>", "<svg", "<b>", "onerror="):
        outside = html.split('id="claimex-data">', 1)[0] + html.split("</script>", 1)[1]
        assert bad not in outside, bad
    body = html.split('id="claimex-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body
    assert "window.__pwned" in body  # it is there, as data
    assert blob(html)["docs"][0]["meta"]["title"].startswith("Notes on <script>")
    assert "<title>claimex report \u2014 hostile</title>" in html


def test_title_is_escaped_in_the_head(tmp_path, data_dir):
    src = data_dir / "emoji.jsonl"
    lines = src.read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[0])
    for i, line in enumerate(lines):
        rec = json.loads(line)
        rec["doc_id"] = "a<b"
        lines[i] = json.dumps(rec, ensure_ascii=False)
    (data_dir / "evil.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    html = build_report([data_dir / "evil.jsonl"])
    assert "<title>claimex report \u2014 a&lt;b</title>" in html
    assert doc["doc_id"] == "emoji"


# -- gold -----------------------------------------------------------------


def test_gold_statuses_and_table(data_dir):
    data = report_data([data_dir / "emoji.jsonl"], gold=data_dir / "emoji.gold.jsonl")
    recs = data["docs"][0]["records"]
    status = {(r["origin"], r["rec"]["text"]): r["status"] for r in recs}
    assert status[("pred", "Tidewater Policy Brief")] == "spurious"
    assert status[("pred", "Port Ellery")] == "correct"
    assert status[("pred", "the past decade")] == "mismatch"
    assert status[("pred", "and ministers must not delay the dredging plan")] == "boundary"
    assert status[("gold", "this year")] == "missed"
    assert status[("gold", "blue corridor")] == "missed"
    mism = next(r for r in recs if r["rec"]["text"] == "the past decade")
    assert mism["diffs"] == ["value: predicted 'PXY', gold 'P10Y'"]
    rows = {r["type"]: r for r in data["eval"]["rows"]}
    assert (rows["entity"]["correct"], rows["entity"]["spurious"]) == (3, 1)
    assert (rows["date"]["correct"], rows["date"]["missed"]) == (3, 1)
    assert rows["recommendation"]["partial"] == 1
    allr = rows["all"]
    assert (allr["correct"], allr["partial"], allr["missed"], allr["spurious"]) == (8, 1, 2, 1)
    # strict: P = 8/10, R = 8/11; lenient: P = 9/10, R = 9/11
    assert allr["strict"]["p"] == pytest.approx(0.8)
    assert allr["strict"]["r"] == pytest.approx(8 / 11)
    assert allr["lenient"]["f1"] == pytest.approx(2 * 0.9 * (9 / 11) / (0.9 + 9 / 11))


def test_optional_gold_is_neither_credited_nor_penalised(data_dir):
    gold = data_dir / "emoji.gold.jsonl"
    lines = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    for r in lines:
        if r.get("text") == "this year":
            r["optional"] = True
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    data = report_data([data_dir / "emoji.jsonl"], gold=gold)
    rows = {r["type"]: r for r in data["eval"]["rows"]}
    assert rows["date"]["missed"] == 0 and rows["date"]["optional_gold"] == 1
    assert not any(r["rec"]["text"] == "this year" for r in data["docs"][0]["records"])


def test_attribute_diffs_follow_the_evaluator():
    g = {"type": "quote", "kind": "direct", "speakers": ["A", "B"], "cue": None}
    assert attribute_diffs("quote", {**g, "speakers": ["b", "A"]}, g) == []  # names compared normalised
    assert attribute_diffs("quote", {**g, "kind": "partial"}, g) == ["kind: predicted 'partial', gold 'direct'"]
    rg = {"type": "recommendation", "holder": "author", "strength": "strong", "polarity": "do",
          "trigger": {"start": 5, "end": 11, "text": "should"}, "actor": {"start": 0, "end": 4, "text": "They"}, "action": None}
    assert attribute_diffs("recommendation", {**rg, "actor": {"start": 2, "end": 4, "text": "ey"}}, rg) == []  # overlapping actor is fine
    assert [d.split(":")[0] for d in attribute_diffs("recommendation", {**rg, "actor": None, "holder": "X"}, rg)] == ["holder", "actor"]


def test_report_and_eval_agree(data_dir):
    """The report's table is the evaluator's: same counts and figures as `claimex eval --json`."""
    data = report_data([data_dir / "emoji.jsonl"], gold=data_dir / "emoji.gold.jsonl")
    res = CliRunner().invoke(main, ["eval", str(data_dir / "emoji.jsonl"), str(data_dir / "emoji.gold.jsonl"), "--json"])
    assert res.exit_code == 0, res.output
    ev = json.loads(res.output)["types"]
    rows = data["eval"]["rows"]
    assert [r["type"] for r in rows[:-1]] == list(ev)
    for row in rows[:-1]:
        t = ev[row["type"]]
        assert {k: row[k] for k in t["counts"]} == t["counts"]
        assert row["strict"] == pytest.approx(t["strict"]) and row["lenient"] == pytest.approx(t["lenient"])
    attrs = {(a["type"], a["attribute"]): (a["score"], a["n"]) for a in data["eval"]["attributes"]}
    for t, v in ev.items():
        for a, sc in v["attributes"].items():
            assert attrs[(t, a)] == (pytest.approx(sc["score"]) if sc["score"] is not None else None, sc["n"])


def test_gold_that_annotates_some_types_only(data_dir):
    gold = data_dir / "emoji.gold.jsonl"
    lines = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    lines[0]["annotated"] = ["date"]
    gold.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    data = report_data([data_dir / "emoji.jsonl"], gold=gold)
    assert [r["type"] for r in data["eval"]["rows"]] == ["date"]
    recs = data["docs"][0]["records"]
    assert all("status" not in r for r in recs if r["type"] != "date")
    assert data["docs"][0]["scored_types"] == ["date"]


def test_gold_for_another_text_is_refused(data_dir):
    gold = data_dir / "emoji.gold.jsonl"
    lines = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    lines[0]["sha256"] = "0" * 64
    gold.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    with pytest.raises(ClaimexError, match="not about the same text"):
        report_data([data_dir / "emoji.jsonl"], gold=gold)


# -- input errors ---------------------------------------------------------


def test_changed_source_is_refused(data_dir):
    with open(data_dir / "emoji.md", "a", encoding="utf-8") as fh:
        fh.write("One more line.\n")
    with pytest.raises(ClaimexError, match=r"has changed since the run \(sha256 [0-9a-f]{12} != [0-9a-f]{12}\)"):
        load_docs([data_dir / "emoji.jsonl"])


def test_ungrounded_record_names_file_and_line(data_dir):
    p = data_dir / "emoji.jsonl"
    lines = p.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[2])
    rec["text"] = "Port Elery"
    lines[2] = json.dumps(rec, ensure_ascii=False)
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ClaimexError, match=r"emoji\.jsonl:3: text 'Port Elery' != source"):
        load_docs([p])


def test_records_without_document_record(data_dir):
    p = data_dir / "emoji.jsonl"
    p.write_text("".join(p.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    with pytest.raises(ClaimexError, match="no document record with that doc_id"):
        load_docs([p])


def test_source_option_needs_one_document(data_dir):
    with pytest.raises(ClaimexError, match="--source can only be used with one document"):
        load_docs([data_dir / "emoji.jsonl", data_dir / "hostile.jsonl"], source=data_dir / "emoji.md")


def test_paragraphs():
    t = "Title\n\nOne line\nand two  \n \nLast\r\n\r\nCRLF"
    assert [t[a:b] for a, b in paragraphs(t)] == ["Title", "One line\nand two", "Last", "CRLF"]


# -- CLI --------------------------------------------------------------------


def test_cli_report_help():
    res = CliRunner().invoke(main, ["report", "--help"])
    assert res.exit_code == 0
    assert "--gold" in res.output and "self-contained" in res.output


def test_cli_report_writes_the_page(data_dir):
    out = data_dir / "sub" / "r.html"
    res = CliRunner().invoke(main, ["report", str(data_dir / "emoji.jsonl"), "--gold", str(data_dir / "emoji.gold.jsonl"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.is_file() and blob(out.read_text(encoding="utf-8"))["gold"] is True
    assert "strict F1 0.762" in res.output


def test_cli_report_missing_file(tmp_path):
    res = CliRunner().invoke(main, ["report", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 1
    assert res.output.strip() == f"Error: {tmp_path / 'nope.jsonl'}: no such file or directory"
    assert not (tmp_path / "r.html").exists()


def test_cli_report_bad_jsonl(data_dir):
    res = CliRunner().invoke(main, ["report", str(data_dir / "bad.jsonl"), "-o", str(data_dir / "r.html")])
    assert res.exit_code == 1
    assert re.fullmatch(r"Error: .*bad\.jsonl:3: invalid JSON \(.*\)\n", res.output)


def test_render_html_is_deterministic_given_the_data(data_dir):
    data = report_data([data_dir / "emoji.jsonl"])
    assert render_html(data) == render_html(data)
