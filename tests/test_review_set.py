"""`claimex review` over a set of documents: one queue, one log per reviewer and
set, log names that no output can take, adjudication, export of a set, and the
HTTP API's answers to hostile input (issue 13: wrong types, deep nesting, body
size, /api/undo's body)."""

from __future__ import annotations

import http.client
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.errors import ClaimexError
from claimex.ingest import doc_id_for
from claimex.records import is_review_log
from claimex.report.load import collect_jsonl
from claimex.review import ReviewSession, agreement, export_gold, read_log
from claimex.review.clean import clean_record
from claimex.review.log import default_log_path
from claimex.review.server import MAX_BODY, create_server, nesting_depth
from claimex.validate import validate_file

DATA = Path(__file__).resolve().parent / "data" / "review"


def lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def span_of(text: str, needle: str, nth: int = 0) -> dict:
    i = -1
    for _ in range(nth + 1):
        i = text.find(needle, i + 1)
    assert i >= 0, needle
    return {"start": i, "end": i + len(needle)}


# -- one queue over a folder -------------------------------------------------------


def test_one_queue_over_a_folder(outs):
    s = ReviewSession(outs, reviewer="alice")
    assert s.log_path == outs / "all@alice.review.jsonl"
    assert list(s.docs) == ["emoji", "harbour"]
    items = s.items()
    assert [it["doc_id"] for it in items] == ["emoji"] * 10 + ["harbour"] * 9
    assert all(it["key"] == f"{it['doc_id']}|{it['id']}" for it in items)
    assert {it["id"]: it.get("score") for it in items if it["doc_id"] == "harbour"}["harbour:entity:1"] == 0.2
    s.decide("harbour:entity:1", "reject")  # the doc is found from the id
    s.decide("emoji:entity:0", "accept", doc_id="emoji")
    with pytest.raises(ClaimexError, match="several documents are under review; say which one"):
        s.add({"type": "quote", **span_of(s.docs["emoji"].text, "blue corridor"), "kind": "scare"})
    ev = s.add({"type": "quote", **span_of(s.docs["emoji"].text, "blue corridor"), "kind": "scare"}, doc_id="emoji")
    assert ev["record_id"] == "emoji:added:1" and ev["doc_id"] == "emoji"
    p = s.progress()
    assert p["per_doc"] == {"emoji": {"reviewed": 2, "total": 11}, "harbour": {"reviewed": 1, "total": 9}}
    assert (p["reviewed"], p["total"]) == (3, 20)
    assert s.resume_key() == "emoji|emoji:entity:3"  # the first unreviewed after the last decision (the add, at 'blue corridor')
    page = s.page_data()
    assert [d["doc_id"] for d in page["docs"]] == ["emoji", "harbour"] and page["doc"]["doc_id"] == "emoji"
    assert page["table"]["entity"]["label"] == "label" and page["table"]["quote"]["links"][0]["role"] == "speaker"
    assert s.doc_data("harbour")["text"].startswith("Harbour Notes")
    s.close()
    # every event names its document; reopening resumes the same state
    evs = lines(outs / "all@alice.review.jsonl")
    assert evs[0]["event"] == "start" and [d["doc_id"] for d in evs[0]["docs"]] == ["emoji", "harbour"]
    assert [e["doc_id"] for e in evs[1:]] == ["harbour", "emoji", "emoji"]
    s2 = ReviewSession(outs, reviewer="alice")
    assert s2.progress()["reviewed"] == 3
    s2.close()


def test_a_folder_that_grows_and_a_document_that_goes(outs, tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    for name in ("emoji.md", "emoji.jsonl"):
        shutil.copy(outs / name, one / name)
    log = tmp_path / "set@alice.review.jsonl"
    s = ReviewSession(one, reviewer="alice", log_path=log)
    s.decide("emoji:entity:0", "reject")
    s.close()
    for name in ("harbour.md", "harbour.jsonl"):
        shutil.copy(outs / name, one / name)
    s = ReviewSession(one, reviewer="alice", log_path=log)  # a new document joins the set
    assert s.progress()["per_doc"]["harbour"] == {"reviewed": 0, "total": 9}
    s.close()
    assert lines(log)[-1]["event"] == "docs" and lines(log)[-1]["docs"][0]["doc_id"] == "harbour"
    (one / "emoji.jsonl").unlink()
    with pytest.raises(ClaimexError, match=r"about 1 document\(s\) not among the outputs given \(emoji\)"):
        ReviewSession(one, reviewer="alice", log_path=log)
    # read-only (export) is fine with a subset
    export_gold(one, tmp_path / "g", log_path=log)


def test_a_changed_output_in_the_set_is_refused_by_name(outs):
    ReviewSession(outs, reviewer="alice").close()
    with open(outs / "harbour.jsonl", "a", encoding="utf-8") as fh:
        fh.write("\n")
    with pytest.raises(ClaimexError, match=r"of document 'harbour'.* the output changed since the review started"):
        ReviewSession(outs, reviewer="alice")


# -- log names: an input named x.review.md never collides with a log ---------------


@pytest.mark.parametrize("name", ["x.review.md", "x@alice.review.md", "all@alice.review.txt", "x+y@z.md", "x.jsonl.review.md"])
def test_no_input_name_gives_an_output_named_like_a_log(name):
    out_name = doc_id_for(name) + ".jsonl"
    assert "@" not in out_name
    for log in (default_log_path(Path("x.jsonl"), "alice"), default_log_path(Path("."), "alice")):
        assert out_name != log.name


def test_an_output_named_like_an_old_log_is_an_output(outs):
    """The output of an input named emoji.review.md is a document, not a log of emoji."""
    recs = lines(outs / "harbour.jsonl")
    for r in recs:
        r["doc_id"] = "emoji.review"
        r["id"] = r["id"].replace("harbour:", "emoji.review:", 1)
    (outs / "emoji.review.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    assert not is_review_log(outs / "emoji.review.jsonl")
    assert outs / "emoji.review.jsonl" in collect_jsonl([outs])
    s = ReviewSession(outs / "emoji.jsonl", reviewer="alice")  # its log is elsewhere and does not touch that output
    s.decide("emoji:entity:0", "reject")
    s.close()
    assert s.log_path.name == "emoji@alice.review.jsonl"
    assert lines(outs / "emoji.review.jsonl") == recs
    s = ReviewSession(outs, reviewer="bob")
    assert "emoji.review" in s.docs
    s.close()


@pytest.mark.e2e
def test_claimex_run_on_x_review_md_keeps_the_log_of_x(outs, tmp_path):
    s = ReviewSession(outs / "emoji.jsonl", reviewer="alice")
    for it in s.items():
        s.decide(it["id"], "accept")
    s.close()
    before = s.log_path.read_bytes()
    src = tmp_path / "emoji.review.md"
    src.write_text("The council should publish the audit before the summer recess.\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["run", str(src), "-o", str(outs), "-q"])
    assert r.exit_code == 0, r.output
    assert (outs / "emoji.review.jsonl").exists() and s.log_path.read_bytes() == before
    assert ReviewSession(outs / "emoji.jsonl", reviewer="alice").progress()["reviewed"] == 10


def test_an_old_log_keeps_loading(outs):
    """A version 1 log (one document, default name x.review.jsonl, no doc_id on events) is resumed."""
    out = outs / "emoji.jsonl"
    s = ReviewSession(out, reviewer="zed")
    sha = s.output_sha256
    s.close()
    s.log_path.unlink()
    old = outs / "emoji.review.jsonl"
    old.write_text(
        json.dumps({"event": "start", "v": 1, "output": str(out), "output_sha256": sha, "doc_id": "emoji", "reviewer": "zed", "ts": "t"}) + "\n"
        + json.dumps({"event": "decision", "seq": 1, "record_id": "emoji:entity:0", "type": "entity", "decision": "reject", "record": None, "reviewer": "zed", "ts": "t"}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    assert is_review_log(old)
    s = ReviewSession(out, reviewer="zed")
    assert s.log_path == old and "old default" in s.log.warnings[0]
    assert {it["id"]: it["status"] for it in s.items()}["emoji:entity:0"] == "rejected"
    s.decide("emoji:entity:1", "accept")
    s.close()
    assert lines(old)[-1]["doc_id"] == "emoji"
    assert read_log(old)[0].standing()[("emoji", "emoji:entity:1")]["decision"] == "accept"
    gold = export_gold(out, outs.parent / "g.jsonl", reviewer="zed")
    assert gold.by_status["rejected"] == 1


# -- editing: types in place, wrong JSON types -------------------------------------------


def test_change_a_record_type_in_place(outs):
    s = ReviewSession(outs / "harbour.jsonl", reviewer="alice")
    text = s.text
    rec = {"type": "date", **span_of(text, "June 2031"), "timex_type": "DATE", "value": "2031-06"}
    s.decide("harbour:entity:1", "edit", {**span_of(text, "Aspidora"), "type": "entity", "label": "EVENT"})
    ev = s.decide("harbour:quote:0", "edit", rec)  # a quote that is really a date
    assert ev["type"] == "quote" and ev["record"]["type"] == "date" and ev["record"]["id"] == "harbour:quote:0"
    it = s.item("harbour", "harbour:quote:0")
    assert it["type"] == "date" and it["original"]["type"] == "quote" and it["status"] == "edited"
    assert "rule" not in it["current"]  # the pipeline's rule was about the quote
    ent = s.item("harbour", "harbour:entity:1")["current"]
    assert ent["label"] == "EVENT" and ent["rule"] == "entity/ner" and ent["score"] == 0.2  # kept after an edit
    s.close()


@pytest.mark.parametrize(
    "raw, msg",
    [
        ({"type": "quote", "kind": "direct", "speakers": 5}, "'speakers' must be a list of names, got int"),
        ({"type": "quote", "kind": "direct", "speaker_spans": "x"}, "'speaker_spans' must be a list of spans, got a string"),
        ({"type": "quote", "kind": "direct", "speakers": [1]}, "'speakers' must be a string, got int"),
        ({"type": "entity", "label": 5, "canonical": "x"}, "'label' must be a string, got int"),
        ({"type": "entity", "label": "ORG", "note": {"a": 1}}, "'note' must be a string, got an object"),
        ({"type": "recommendation", "trigger": 5}, "trigger must be an object with start and end, got int"),
        ({"type": "entity", "label": "ORG", "start": "abc"}, "span start must be an integer"),
        ({"type": ["entity"], "label": "ORG"}, "invalid record type"),
        ("x", "'record' must be a JSON object, got a string"),
    ],
)
def test_clean_record_names_the_wrong_type(raw, msg):
    text = "Some text about the Quarry Board."
    if isinstance(raw, dict):
        raw = {"start": 0, "end": 4, **raw}
    with pytest.raises(ClaimexError) as e:
        clean_record(raw, doc_id="d", rid="d:x:0", source=text)
    assert msg in str(e.value) and "\n" not in str(e.value)


# -- the HTTP API under hostile input ------------------------------------------------------


@pytest.fixture()
def server(outs):
    s = ReviewSession(outs, reviewer="web")
    httpd = create_server(s, 0)
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield httpd.server_port, s
    httpd.shutdown()
    httpd.server_close()
    s.close()


def post(port: int, path: str, body: bytes, headers: dict | None = None) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    h = {"Content-Type": "application/json", "Host": f"127.0.0.1:{port}", **(headers or {})}
    conn.request("POST", path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    conn.close()
    try:
        return r.status, json.loads(data)
    except ValueError:
        return r.status, {"raw": data.decode("latin-1")}


WRONG_TYPES = [
    {"id": "emoji:quote:0", "decision": "edit", "record": {"type": "quote", "start": 0, "end": 5, "kind": "direct", "speakers": 5}},
    {"id": "emoji:quote:0", "decision": "edit", "record": "x"},
    {"id": "emoji:quote:0", "decision": "edit", "record": [1, 2]},
    {"id": 5, "decision": "accept"},
    {"id": ["emoji:entity:0"], "decision": "accept"},
    {"id": "emoji:entity:0", "decision": ["accept"]},
    {"id": "emoji:entity:0", "decision": {"a": 1}},
    {"id": "emoji:entity:0", "decision": "accept", "doc_id": 3},
    {"id": "emoji:entity:0", "decision": "accept", "doc_id": "nope"},
    {"id": "emoji:entity:0", "decision": "take", "side": "a"},
    {"id": "emoji:recommendation:0", "decision": "edit", "record": {"start": 1.5, "end": 4}},
    {"id": "emoji:recommendation:0", "decision": "edit", "record": {"start": 10**40, "end": 10**41}},
    {"id": "emoji:recommendation:0", "decision": "edit", "record": {"start": 0, "end": 9, "trigger": [1], "actor": "x"}},
    {"id": "emoji:date:0", "decision": "edit", "record": {"start": 0, "end": 9, "value": {"v": 1}}},
]


@pytest.mark.parametrize("body", WRONG_TYPES, ids=range(len(WRONG_TYPES)))
def test_api_wrong_types_are_a_400_with_one_line(server, body):
    port, s = server
    n = len(s.log.replay.events)
    status, res = post(port, "/api/decide", json.dumps(body).encode())
    assert status == 400, res
    assert res["error"] and "\n" not in res["error"] and "internal error" not in res["error"]
    assert len(s.log.replay.events) == n  # nothing logged


@pytest.mark.parametrize(
    "path, body",
    [
        ("/api/add", {"record": 5}),
        ("/api/add", {"record": {"type": "quote", "start": 0, "end": 4, "kind": "direct"}, "doc_id": 7}),
        ("/api/add", {"record": {"type": "quote", "start": 0, "end": 4, "kind": "direct", "cue": 3}, "doc_id": "emoji"}),
        ("/api/add", {"record": {"type": "statistic?", "start": 0, "end": 4}, "doc_id": "emoji"}),
    ],
)
def test_api_add_wrong_types(server, path, body):
    status, res = post(server[0], path, json.dumps(body).encode())
    assert status == 400 and "\n" not in res["error"]


@pytest.mark.parametrize("depth", [25, 5000, 200000])
def test_api_deeply_nested_json_is_a_400(server, depth):
    body = ('{"id": "emoji:entity:0", "decision": "edit", "record": ' + "[" * depth + "]" * depth + "}").encode()
    status, res = post(server[0], "/api/decide", body)
    assert status in (400, 413) and "nested" in res["error"] or "over" in res["error"]


def test_api_body_size_limit_is_a_413(server):
    body = json.dumps({"id": "emoji:entity:0", "decision": "accept", "pad": "x" * (MAX_BODY + 10)}).encode()
    status, res = post(server[0], "/api/decide", body)
    assert status == 413 and "over" in res["error"]


def test_api_undo_reads_its_body(server):
    port, _ = server
    assert post(port, "/api/decide", b'{"id": "emoji:entity:0", "decision": "reject"}')[0] == 200
    status, res = post(port, "/api/undo", json.dumps({"pad": "y" * 200_000}).encode())  # a body the old server never read
    assert status == 200 and res["event"]["undoes"] == 1 and res["changed"][0]["status"] == "unreviewed"
    status, res = post(port, "/api/undo", b"{}")
    assert status == 400 and res["error"] == "nothing to undo"
    status, res = post(port, "/api/undo", b"[" * 100 + b"]" * 100)
    assert status == 400


def test_api_answers_with_what_changed(server):
    port, s = server
    status, res = post(port, "/api/decide", b'{"doc_id": "harbour", "id": "harbour:entity:1", "decision": "reject"}')
    assert status == 200 and res["changed"][0]["key"] == "harbour|harbour:entity:1" and res["progress"]["per_doc"]["harbour"]["reviewed"] == 1
    text = s.docs["harbour"].text
    body = {"doc_id": "harbour", "record": {"type": "entity", **span_of(text, "coast"), "label": "LOC"}}
    status, res = post(port, "/api/add", json.dumps(body).encode())
    assert status == 200 and res["changed"][0]["id"] == "harbour:added:1"
    status, res = post(port, "/api/undo", b"{}")
    assert status == 200 and res["removed"] == ["harbour|harbour:added:1"] and not res["changed"]


def test_nesting_depth_needs_no_recursion():
    deep: list = []
    for _ in range(100_000):
        deep = [deep]
    assert nesting_depth(deep, limit=20) > 20
    assert nesting_depth({"a": [1, {"b": 2}]}) == 4


# -- export of a set ------------------------------------------------------------------------


def test_export_of_a_set_writes_one_gold_per_document(outs, tmp_path):
    s = ReviewSession(outs, reviewer="alice")
    for it in s.items():
        s.decide(it["id"], "reject" if it["id"] == "harbour:entity:1" else "accept", doc_id=it["doc_id"])
    s.close()
    gold = tmp_path / "gold"
    r = CliRunner().invoke(main, ["review", str(outs), "--reviewer", "alice", "--export", str(gold)])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in gold.iterdir()) == ["emoji.jsonl", "harbour.jsonl"]
    for p in gold.iterdir():
        assert validate_file(p).ok
    assert "Aspidora" not in (gold / "harbour.jsonl").read_text(encoding="utf-8")
    # again: the same files, overwritten; never into the outputs' folder, never over another document's file
    assert CliRunner().invoke(main, ["review", str(outs), "--reviewer", "alice", "--export", str(gold)]).exit_code == 0
    r = CliRunner().invoke(main, ["review", str(outs), "--reviewer", "alice", "--export", str(outs / "gold")])
    assert r.exit_code == 1 and "must not go into a folder of the outputs under review" in r.output
    (gold / "harbour.jsonl").write_text((DATA / "emoji.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    r = CliRunner().invoke(main, ["review", str(outs), "--reviewer", "alice", "--export", str(gold)])
    assert r.exit_code == 1 and "refusing to overwrite 'harbour.jsonl', which is not a gold file of document 'harbour'" in r.output
    assert r.output.count("\n") == 1


# -- two reviewers: agreement and adjudication ------------------------------------------------


def two_reviews(outs) -> tuple[Path, Path]:
    a = ReviewSession(outs, reviewer="alice")
    b = ReviewSession(outs, reviewer="bob")
    text = a.docs["harbour"].text
    for it in a.items():
        a.decide(it["id"], "accept", doc_id=it["doc_id"])
        if it["id"] == "harbour:entity:1":
            b.decide(it["id"], "edit", {**it["current"], "label": "EVENT"}, doc_id="harbour")
        elif it["id"] == "emoji:entity:0":
            b.decide(it["id"], "reject", doc_id="emoji")
        elif it["id"] != "emoji:date:0":  # bob leaves one undecided
            b.decide(it["id"], "accept", doc_id=it["doc_id"])
    a.add({"type": "entity", **span_of(text, "coast"), "label": "LOC"}, doc_id="harbour")
    b.add({"type": "entity", **span_of(text, "coast"), "label": "LOC"}, doc_id="harbour")  # the same: agreed
    b.add({"type": "date", **span_of(text, "winter"), "timex_type": "DATE", "value": "2031-WI"}, doc_id="harbour")  # bob only
    a.close()
    b.close()
    return a.log_path, b.log_path


def test_agreement_over_a_set(outs):
    la, lb = two_reviews(outs)
    res = agreement(la, lb)
    rows = {r["type"]: r for r in res["rows"]}
    assert res["docs"] == ["emoji", "harbour"]
    assert rows["entity"]["n"] == 8 and rows["entity"]["agree"] == 7 and rows["entity"]["same_record"] == 6
    assert rows["date"]["only_a"] == 1 and rows["entity"]["added_both"] == 1 and rows["date"]["added_b"] == 1


def test_adjudication_resolves_disagreements_and_exports_gold(outs, tmp_path):
    la, lb = two_reviews(outs)
    s = ReviewSession(outs, reviewer="carol", adjudicate=(la, lb))
    assert s.log_path == outs / "all@carol.adjudication.jsonl"
    items = {it["id"]: it for it in s.items()}
    disputed = sorted(k for k, it in items.items() if not it["agreed"])
    assert disputed == ["emoji:date:0", "emoji:entity:0", "harbour:added:2/b", "harbour:entity:1"]
    assert items["harbour:added:1/a"]["agreed"] and items["harbour:added:1/a"]["status"] == "accepted"
    assert items["harbour:entity:0"]["status"] == "accepted" and items["harbour:entity:0"]["seq"] is None
    assert items["harbour:entity:1"]["sides"]["b"]["record"]["label"] == "EVENT"
    with pytest.raises(ClaimexError, match="reviewer B did not decide record 'emoji:date:0'"):
        s.decide("emoji:date:0", "take", side="b")
    s.decide("emoji:date:0", "take", side="a")
    s.decide("emoji:entity:0", "take", side="b")  # B rejected it
    ev = s.decide("harbour:entity:1", "take", side="b")
    assert ev["decision"] == "edit" and ev["record"]["label"] == "EVENT"
    s.decide("harbour:added:2/b", "take", side="a")  # A did not add it: rejected
    assert s.progress()["reviewed"] == s.progress()["total"]
    page = s.page_data()
    assert page["mode"] == "adjudication" and [x["reviewer"] for x in page["sides"]] == ["alice", "bob"]
    assert page["agreement"]["rows"][-1]["type"] == "all"
    s.close()
    gold = tmp_path / "gold"
    r = CliRunner().invoke(main, ["review", str(outs), "--adjudicate", str(la), str(lb), "--reviewer", "carol", "--export", str(gold)])
    assert r.exit_code == 0, r.output
    _check_adjudicated_gold(gold)
    # an adjudication log names its two logs
    other = outs / "other.review.jsonl"
    shutil.copy(la, other)
    with pytest.raises(ClaimexError, match="adjudication log is about the logs"):
        ReviewSession(outs, reviewer="carol", adjudicate=(other, lb))


def _check_adjudicated_gold(gold):
    """The gold exported from the adjudication above: the decisions taken, valid records."""
    for p in gold.iterdir():
        assert validate_file(p).ok, p
    harbour = lines(gold / "harbour.jsonl")
    assert harbour[0]["note"].startswith("gold from claimex adjudication of harbour.jsonl")
    ents = {r["text"]: r for r in harbour if r["type"] == "entity"}
    assert ents["Aspidora"]["label"] == "EVENT" and "coast" in ents
    assert not any(r.get("text") == "winter" for r in harbour)
    assert not any(r.get("text") == "Tidewater Policy Brief" for r in lines(gold / "emoji.jsonl"))


def test_take_needs_an_adjudication(outs):
    s = ReviewSession(outs, reviewer="alice")
    with pytest.raises(ClaimexError, match="'take' needs an adjudication"):
        s.decide("emoji:entity:0", "take", side="a")
    s.close()


def test_cli_review_of_a_folder_names_its_log(outs):
    r = CliRunner().invoke(main, ["review", str(outs), "--reviewer", "alice", "--export", str(outs.parent / "g")])
    assert r.exit_code == 1 and re.search(r"all@alice\.review\.jsonl: no review log for", r.output)
