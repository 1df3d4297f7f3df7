"""`claimex review`: log store, session, cleaning, export, agreement, server, CLI."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.errors import ClaimexError
from claimex.review import ReviewSession, agreement, clean_record, cohen_kappa, export_gold, format_table, read_log
from claimex.review.log import ReviewLog, default_log_path, legacy_log_path
from claimex.review.session import default_reviewer
from claimex.validate import validate_file

DATA = Path(__file__).resolve().parent / "data" / "review"


@pytest.fixture()
def out(data_dir) -> Path:
    return data_dir / "emoji.jsonl"


def span_of(text: str, needle: str, nth: int = 0) -> dict:
    i = -1
    for _ in range(nth + 1):
        i = text.find(needle, i + 1)
    assert i >= 0
    return {"start": i, "end": i + len(needle)}


def log_events(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


# -- the log ------------------------------------------------------------------


def log_of(out: Path, reviewer: str | None = None) -> Path:
    return default_log_path(out, reviewer or default_reviewer())


def test_default_log_path(tmp_path):
    assert default_log_path("outputs/x.jsonl", "alice") == Path("outputs/x@alice.review.jsonl")
    assert default_log_path("x.out", "a b/c") == Path("x.out@a-b-c.review.jsonl")
    assert default_log_path(tmp_path, "alice") == tmp_path / "all@alice.review.jsonl"
    assert default_log_path(tmp_path, "carol", "adjudication") == tmp_path / "all@carol.adjudication.jsonl"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    both = default_log_path([tmp_path / "a" / "x.jsonl", tmp_path / "b"], "alice")
    assert both.parent == tmp_path and re.fullmatch(r"set-[0-9a-f]{8}@alice\.review\.jsonl", both.name)
    assert legacy_log_path("outputs/x.jsonl") == Path("outputs/x.review.jsonl")


def test_log_starts_with_a_start_event(out):
    s = ReviewSession(out, reviewer="ana")
    s.close()
    (ev,) = log_events(log_of(out, "ana"))
    assert ev["event"] == "start" and ev["v"] == 2 and ev["reviewer"] == "ana" and ev["mode"] == "review"
    (doc,) = ev["docs"]
    assert doc["doc_id"] == "emoji" and doc["output"] == str(out)
    assert len(doc["output_sha256"]) == 64 and doc["source_sha256"] == json.loads(out.read_text().splitlines()[0])["sha256"]


def test_decisions_replay_and_last_decision_wins(out):
    s = ReviewSession(out, reviewer="ana")
    s.decide("emoji:entity:1", "accept")
    s.decide("emoji:entity:1", "reject")
    s.decide("emoji:entity:0", "reject")
    s.close()
    s2 = ReviewSession(out, reviewer="ben", log_path=s.log_path)  # another reviewer may resume a log (the decisions name who made them)
    st = {it["id"]: it["status"] for it in s2.items()}
    assert st["emoji:entity:1"] == "rejected" and st["emoji:entity:0"] == "rejected"
    assert st["emoji:entity:2"] == "unreviewed"
    assert s2.progress()["reviewed"] == 2
    assert s2.progress()["per_type"]["entity"] == {"reviewed": 2, "total": 4}
    s2.close()


def test_undo_is_a_logged_event_and_walks_back(out):
    s = ReviewSession(out, reviewer="ana")
    s.decide("emoji:entity:1", "accept")
    s.decide("emoji:entity:1", "reject")
    ev = s.undo()
    assert ev["event"] == "undo" and ev["undoes"] == 2 and ev["record_id"] == "emoji:entity:1"
    assert {it["id"]: it["status"] for it in s.items()}["emoji:entity:1"] == "accepted"
    s.undo()
    assert {it["id"]: it["status"] for it in s.items()}["emoji:entity:1"] == "unreviewed"
    with pytest.raises(ClaimexError, match="nothing to undo"):
        s.undo()
    s.close()
    kinds = [e["event"] for e in log_events(s.log_path)]
    assert kinds == ["start", "decision", "decision", "undo", "undo"]
    # replayed from disk: the same state
    s2 = ReviewSession(out)
    assert all(it["status"] == "unreviewed" for it in s2.items())
    s2.close()


def test_resume_where_the_reviewer_stopped(out):
    s = ReviewSession(out)
    ids = [it["id"] for it in s.items()]
    s.decide(ids[0], "accept")
    s.decide(ids[1], "accept")
    s.decide(ids[4], "reject")
    s.close()
    s2 = ReviewSession(out)
    assert s2.resume_id() == ids[5]
    s2.close()


def test_every_append_is_fsynced_before_it_returns(out, monkeypatch):
    s = ReviewSession(out)
    calls = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd)))
    s.decide("emoji:entity:1", "accept")
    assert calls, "append must fsync"
    # on disk before decide() returned
    assert log_events(s.log_path)[-1]["record_id"] == "emoji:entity:1"
    s.close()


def test_sigkill_loses_no_acknowledged_decision(out):
    """A child process logs 25 decisions then kills itself with SIGKILL."""
    code = f"""
import os, signal
from claimex.review import ReviewSession
s = ReviewSession({str(out)!r}, reviewer="k")
ids = [it["id"] for it in s.items()]
for i in range(25):
    s.decide(ids[i % len(ids)], "accept" if i % 2 else "reject")
os.kill(os.getpid(), signal.SIGKILL)
"""
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == -signal.SIGKILL, p.stderr
    rep, torn = read_log(log_of(out, "k"))
    assert torn is None
    assert len(rep.events) == 25


def test_torn_last_line_is_dropped_and_truncated(out):
    s = ReviewSession(out)
    s.decide("emoji:entity:1", "accept")
    s.close()
    log = s.log_path
    with open(log, "a", encoding="utf-8") as fh:
        fh.write('{"event": "decision", "seq": 2, "record_id": "emo')  # cut short
    s2 = ReviewSession(out)
    assert s2.log.warnings and "incomplete last line" in s2.log.warnings[0]
    s2.decide("emoji:entity:2", "reject")
    s2.close()
    events = log_events(log)
    assert [e.get("seq") for e in events] == [None, 1, 2]
    assert events[-1]["record_id"] == "emoji:entity:2"


def test_corrupt_line_in_the_middle_names_file_and_line(out):
    s = ReviewSession(out)
    s.decide("emoji:entity:1", "accept")
    s.decide("emoji:entity:2", "accept")
    s.close()
    lines = s.log_path.read_text(encoding="utf-8").splitlines()
    lines[1] = "{not json"
    s.log_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ClaimexError, match=r"emoji@\w+\.review\.jsonl:2: invalid review event \(not JSON"):
        ReviewSession(out)


def test_log_of_another_output_is_refused(out):
    ReviewSession(out).close()
    with open(out, "a", encoding="utf-8") as fh:
        fh.write("\n")  # same records, other bytes: the output changed
    with pytest.raises(ClaimexError, match="the output changed since the review started"):
        ReviewSession(out)


def test_not_a_review_log(out, tmp_path):
    bogus = tmp_path / "bogus.review.jsonl"
    bogus.write_text('{"event": "decision", "seq": 1, "record_id": "x", "decision": "accept"}\n')
    with pytest.raises(ClaimexError, match="not a review log"):
        ReviewSession(out, log_path=bogus)


# -- source checks -------------------------------------------------------------


def test_changed_source_refuses_to_start(out):
    src = out.with_name("emoji.md")
    src.write_bytes(src.read_bytes().replace(b"harbour", b"harbor"))
    with pytest.raises(ClaimexError, match="has changed since the run"):
        ReviewSession(out)
    assert not log_of(out).exists()


def test_output_with_two_documents_is_one_queue(data_dir):
    both = data_dir / "both.jsonl"
    both.write_text((data_dir / "emoji.jsonl").read_text(encoding="utf-8") + (data_dir / "hostile.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    s = ReviewSession(both, reviewer="ana")
    assert list(s.docs) == ["emoji", "hostile"]
    assert [it["doc_id"] for it in s.items()] == ["emoji"] * 10 + ["hostile"] * 8
    s.close()
    with pytest.raises(ClaimexError, match="several documents are under review; give a folder"):
        export_gold(both, data_dir / "g.jsonl", reviewer="ana")


# -- cleaning records from the browser ------------------------------------------


def test_clean_record_trims_and_regrounds(out):
    text = out.with_name("emoji.md").read_text(encoding="utf-8")
    sp = span_of(text, "Ines Calloway")
    rec = clean_record(
        {"type": "entity", "start": sp["start"] - 1, "end": sp["end"], "text": "whatever the page said", "label": "PERSON", "canonical": "  "},
        doc_id="emoji", rid="emoji:added:1", source=text,
    )
    assert (rec["start"], rec["end"], rec["text"]) == (sp["start"], sp["end"], "Ines Calloway")
    assert rec["canonical"] == "Ines Calloway"  # empty canonical -> the text


def test_clean_record_offsets_are_code_points_after_emoji(out):
    text = out.with_name("emoji.md").read_text(encoding="utf-8")
    sp = span_of(text, "blue corridor")
    prefix = text[: sp["start"]]
    assert len(prefix.encode("utf-16-le")) // 2 > len(prefix), "fixture needs astral characters before the span"
    rec = clean_record({"type": "quote", **sp, "kind": "scare"}, doc_id="emoji", rid="r", source=text)
    assert rec["text"] == "blue corridor" and rec["speakers"] == [] and rec["cue"] is None


@pytest.mark.parametrize(
    "raw, msg",
    [
        ({"type": "entity", "start": 0, "end": 99999, "label": "ORG"}, r"outside the source"),
        ({"type": "entity", "start": 29, "end": 31, "label": "ORG"}, r"empty \(or only whitespace\)"),
        ({"type": "entity", "start": 0, "end": 9, "label": "NOPE"}, r"label: 'NOPE' is not one of"),
        ({"type": "thing", "start": 0, "end": 9}, r"invalid record type 'thing'"),
        ({"type": "recommendation", "start": 0, "end": 9}, r"trigger is required"),
        ({"type": "date", "start": 0, "end": 9, "timex_type": "DATE", "value": "", "mod": None}, r"value"),
        ({"type": "entity", "start": "x", "end": 9, "label": "ORG"}, r"start must be an integer"),
    ],
)
def test_clean_record_rejects_bad_input(out, raw, msg):
    text = out.with_name("emoji.md").read_text(encoding="utf-8")
    with pytest.raises(ClaimexError, match=r"record 'r': .*" + msg):
        clean_record(raw, doc_id="emoji", rid="r", source=text)


def test_edit_and_add_through_the_session(out):
    s = ReviewSession(out, reviewer="ana")
    text = s.text
    rid = "emoji:recommendation:1"
    rec = dict(next(it["current"] for it in s.items() if it["id"] == rid))
    rec.update(span_of(text, "ministers must not delay the dredging plan"))
    s.decide(rid, "edit", rec)
    ev = s.add({"type": "quote", **span_of(text, "blue corridor"), "kind": "scare"})
    assert ev["record_id"] == "emoji:added:1" and ev["decision"] == "add"
    items = {it["id"]: it for it in s.items()}
    assert items[rid]["status"] == "edited" and items[rid]["current"]["text"] == "ministers must not delay the dredging plan"
    assert items[rid]["original"]["text"].startswith("and ministers")
    assert items["emoji:added:1"]["status"] == "added"
    # accepting an edited record keeps the edit
    s.decide(rid, "accept")
    assert {it["id"]: it for it in s.items()}[rid]["current"]["text"] == "ministers must not delay the dredging plan"
    # undo the add: the record is gone; a new add gets a fresh id
    s.undo()
    s.undo()
    s.undo()
    assert "emoji:added:1" not in {it["id"] for it in s.items()}
    assert s.add({"type": "quote", **span_of(text, "blue corridor"), "kind": "scare"})["record_id"] == "emoji:added:2"
    with pytest.raises(ClaimexError, match="unknown record id 'nope'"):
        s.decide("nope", "accept")
    with pytest.raises(ClaimexError, match="invalid decision 'maybe'"):
        s.decide(rid, "maybe")
    s.close()


# -- statistics ------------------------------------------------------------------

STAT_TEXT = "Norland votes.\n\nIn March 2030 turnout fell to about 41%, down from 48% in 2026, the ministry said.\n"


def write_statistic_output(folder: Path) -> Path:
    """norland.jsonl (schema version 2) in ``folder``: two dates and two statistics linked to them and to each other."""
    import hashlib

    src = folder / "norland.md"
    src.write_text(STAT_TEXT, encoding="utf-8")
    doc = {"doc_id": "n", "type": "document", "id": "n:document:0", "schema_version": 2, "source": "norland.md",
           "sha256": hashlib.sha256(src.read_bytes()).hexdigest(), "title": None, "authors": [], "published": None,
           "series": None, "number": None, "key_points": [], "disclaimer": None, "pipeline": {"version": "test", "model": None}}  # fmt: skip

    def rec(type_, n, needle, **kw):
        return {"doc_id": "n", "type": type_, "id": f"n:{type_}:{n}", **span_of(STAT_TEXT, needle), "text": needle, **kw}

    def stat(n, needle, value, time, comparison=None):
        return rec("statistic", n, needle, value=value, unit="percent", measure={**span_of(STAT_TEXT, "turnout"), "text": "turnout"},
                   subject="Norland", time=time, source="the ministry", approx=None, comparison=comparison,
                   rule="statistic/percent", score=0.8)  # fmt: skip

    cue = {**span_of(STAT_TEXT, "fell"), "text": "fell"}
    recs = [doc, rec("date", 0, "March 2030", timex_type="DATE", value="2030-03", mod=None, anchor=None),
            rec("date", 1, "2026", timex_type="DATE", value="2026", mod=None, anchor=None),
            stat(0, "41%", 41, "n:date:0", {"direction": "down", "with": "n:statistic:1", "cue": cue}),
            stat(1, "48%", 48, "n:date:1")]  # fmt: skip
    out = folder / "norland.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    return out


@pytest.fixture()
def stat_out(tmp_path) -> Path:
    return write_statistic_output(tmp_path)


@pytest.mark.parametrize(
    "value, expected",
    [("40", 40), ("1,200", 1200), ("0.667", 0.667), ("1.2e9", 1200000000), ("1.2e-3", 0.0012), ("-3", -3), (41.5, 41.5),
     ("40-42", {"low": 40, "high": 42}), ("40\u201342", {"low": 40, "high": 42}), (" 40 - 42 ", {"low": 40, "high": 42}),
     ("-5--3", {"low": -5, "high": -3}), ({"low": "40", "high": 42}, {"low": 40, "high": 42})],
)  # fmt: skip
def test_clean_a_statistic_value(value, expected):
    raw = {"type": "statistic", **span_of(STAT_TEXT, "41%"), "value": value}
    got = clean_record(raw, doc_id="n", rid="r", source=STAT_TEXT)["value"]
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize(
    "value, msg",
    [("", r"value is required"), (None, r"value is required"), ("forty", r"'value' must be a number, got 'forty'"),
     ("42-40", r"a range goes from low to high, got 42 to 40"), ("nan", r"finite number"), ("1e999", r"finite number"),
     (True, r"must be a number, got a boolean"), ([40], r"must be a number, got a list"), ({"low": 1}, r"'value high' must be a number")],
)  # fmt: skip
def test_clean_a_statistic_value_near_misses(value, msg):
    raw = {"type": "statistic", **span_of(STAT_TEXT, "41%"), "value": value}
    with pytest.raises(ClaimexError, match=r"record 'r': .*" + msg):
        clean_record(raw, doc_id="n", rid="r", source=STAT_TEXT)


def test_edit_and_add_a_statistic_through_the_session(stat_out, tmp_path):
    s = ReviewSession(stat_out, reviewer="ana")
    base = dict(next(it["current"] for it in s.items() if it["id"] == "n:statistic:0"))
    # what the browser sends: the value as typed, empty fields, and links it may not change
    edit = {**base, "value": "40-42", "unit": " percentage points ", "approx": "APPROX", "subject": "", "source": "",
            "measure": span_of(STAT_TEXT, "turnout fell"), "time": "n:date:1", "comparison": None, "quote": "n:quote:9"}  # fmt: skip
    s.decide("n:statistic:0", "edit", edit)
    cur = {it["id"]: it for it in s.items()}["n:statistic:0"]["current"]
    assert cur["value"] == {"low": 40, "high": 42} and cur["unit"] == "percentage points" and cur["approx"] == "APPROX"
    assert cur["subject"] is None and cur["source"] == "author" and cur["measure"]["text"] == "turnout fell"
    # time, quote and comparison are links the editor shows but does not change: kept from the record
    assert cur["time"] == "n:date:0" and cur["comparison"] == base["comparison"] and "quote" not in cur
    assert cur["rule"] == "statistic/percent" and cur["score"] == 0.8  # the pipeline's provenance stays
    with pytest.raises(ClaimexError, match=r"approx: 'ABOUT' is not one of"):
        s.decide("n:statistic:0", "edit", {**base, "approx": "ABOUT"})
    # a statistic added by hand is linked to nothing yet
    ev = s.add({"type": "statistic", **span_of(STAT_TEXT, "about 41%"), "value": "41", "approx": "APPROX", "unit": "percent"})
    added = ev["record"]
    assert (added["time"], added["comparison"], added["source"], added["measure"]) == (None, None, "author", None)
    # the export renumbers ids and the links follow: date 0 rejected, so the statistics' dates move
    s.decide("n:date:0", "reject")
    s.decide("n:date:1", "accept")
    s.decide("n:statistic:1", "accept")
    s.close()
    gold = tmp_path / "g.jsonl"
    summ = export_gold(stat_out, gold)
    recs = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    assert validate_file(gold).ok
    stats = {r["text"]: r for r in recs if r["type"] == "statistic"}
    assert recs[0].get("annotated") is None  # everything reviewed: statistics annotated too (schema version 2)
    assert stats["48%"]["time"] == "n:date:0" and stats["48%"]["text"] == "48%"  # was n:date:1
    assert stats["41%"]["time"] is None  # its date was rejected
    assert stats["41%"]["comparison"]["with"] == stats["48%"]["id"] == "n:statistic:2"
    assert any("time 'n:date:0' is not among the exported dates; set to null" in w for w in summ.warnings)


def test_statistics_added_to_a_version_1_output_are_not_claimed_annotated(out, data_dir):
    s = ReviewSession(out, reviewer="ana")
    for it in s.items():
        s.decide(it["id"], "accept")
    s.add({"type": "statistic", **span_of(s.text, "2031"), "value": "2031", "unit": None})
    s.close()
    summ = export_gold(out, data_dir / "g.jsonl")
    assert summ.annotated == ["entity", "date", "quote", "recommendation"] and summ.per_type["statistic"] == 1
    assert any("statistic: 1 record(s) kept, but the output (schema version 1)" in w for w in summ.warnings)


# -- export ----------------------------------------------------------------------


def review_some(out) -> ReviewSession:
    s = ReviewSession(out, reviewer="ana")
    text = s.text
    for it in s.items():
        if it["id"] == "emoji:entity:0":
            s.decide(it["id"], "reject")
        elif it["id"] == "emoji:date:2":
            s.decide(it["id"], "edit", {**it["current"], "value": "P10Y"})
        elif it["id"] == "emoji:recommendation:1":
            s.decide(it["id"], "edit", {**it["current"], **span_of(text, "ministers must not delay the dredging plan")})
        elif it["id"] != "emoji:entity:3":  # left unreviewed
            s.decide(it["id"], "accept")
    s.add({"type": "quote", **span_of(text, "blue corridor"), "kind": "scare"})
    s.add({"type": "date", **span_of(text, "this year"), "timex_type": "DATE", "value": "2031", "anchor": "dct"})
    return s


def test_export_keeps_accepted_corrected_added(out, data_dir):
    review_some(out).close()
    gold = data_dir / "gold" / "emoji.jsonl"
    summ = export_gold(out, gold)
    recs = [json.loads(x) for x in gold.read_text(encoding="utf-8").splitlines()]
    assert recs[0]["type"] == "document"
    texts = {r["text"] for r in recs[1:]}
    assert "Tidewater Policy Brief" not in texts  # rejected
    assert "Ellery Shipping Group" not in texts  # unreviewed, left out
    assert {"blue corridor", "this year", "ministers must not delay the dredging plan"} <= texts
    assert next(r for r in recs[1:] if r["text"] == "the past decade")["value"] == "P10Y"
    assert summ.dropped_unreviewed == 1 and summ.by_status["added"] == 2 and summ.by_status["edited"] == 2
    # ids renumbered per type in text order
    for t in ("entity", "date", "quote", "recommendation"):
        ids = [r["id"] for r in recs if r["type"] == t]
        assert ids == [f"emoji:{t}:{i}" for i in range(len(ids))]
    rep = validate_file(gold)
    assert rep.ok, rep.problems
    assert rep.grounded == len(recs) - 1
    assert "1 unreviewed left out" in summ.line()
    # entities were not all reviewed: the gold does not claim them
    # (nor statistics: the output, schema version 1, was written before they existed)
    assert recs[0]["annotated"] == ["date", "quote", "recommendation"]
    assert any(w.startswith("entity: 1 record(s) not reviewed") for w in summ.warnings)
    assert recs[0]["note"] == "gold from claimex review of emoji.jsonl by ana"


def test_export_is_stable(out, data_dir):
    review_some(out).close()
    a, b = data_dir / "a.jsonl", data_dir / "b.jsonl"
    export_gold(out, a)
    export_gold(out, b, keep_unreviewed=False)
    assert a.read_bytes() == b.read_bytes()
    export_gold(out, b, keep_unreviewed=True)
    assert "Ellery Shipping Group" in b.read_text(encoding="utf-8")


def test_export_remaps_date_anchors(out, data_dir):
    s = ReviewSession(out)
    text = s.text
    s.decide("emoji:entity:0", "reject")
    first = s.add({"type": "date", **span_of(text, "this year"), "timex_type": "DATE", "value": "2031", "anchor": "dct"})
    for it in s.items():
        if it["type"] == "date" and it["id"] != first["record_id"]:
            s.decide(it["id"], "accept")
    s.decide("emoji:date:2", "edit", {**dict(next(i["current"] for i in s.items() if i["id"] == "emoji:date:2")), "anchor": first["record_id"]})
    s.decide("emoji:date:1", "edit", {**dict(next(i["current"] for i in s.items() if i["id"] == "emoji:date:1")), "anchor": "emoji:date:0"})
    s.decide("emoji:date:0", "reject")
    s.close()
    dest = data_dir / "g.jsonl"
    summ = export_gold(out, dest)
    dates = {r["text"]: r for r in map(json.loads, dest.read_text(encoding="utf-8").splitlines()) if r["type"] == "date"}
    assert dates["the past decade"]["anchor"] == dates["this year"]["id"] == "emoji:date:1"
    assert dates["2 February 2031"]["anchor"] is None  # pointed at a rejected date
    assert any("not among the exported dates" in w for w in summ.warnings)


def test_export_refuses_to_overwrite_the_output(out):
    ReviewSession(out).close()
    with pytest.raises(ClaimexError, match="refusing to export over the output"):
        export_gold(out, out)


def test_export_without_log(out, data_dir):
    with pytest.raises(ClaimexError, match=r"emoji@\w+\.review\.jsonl: no review log for '.*emoji\.jsonl' \(review it first"):
        export_gold(out, data_dir / "g.jsonl")


# -- agreement ---------------------------------------------------------------------


def test_cohen_kappa_hand_made_numbers():
    # 50 items: both keep 20, A keep/B reject 5, A reject/B keep 10, both reject 15
    pairs = [("k", "k")] * 20 + [("k", "r")] * 5 + [("r", "k")] * 10 + [("r", "r")] * 15
    # p_o = 35/50 = .7; p_e = .5*.6 + .5*.4 = .5; kappa = (.7-.5)/(1-.5) = .4
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    # 10 items: 9 agree keep, 1 disagree: p_o = .9, p_e = 1.0*.9 + 0*.1 = .9 -> kappa 0
    assert cohen_kappa([("k", "k")] * 9 + [("k", "r")]) == pytest.approx(0.0)
    assert cohen_kappa([("k", "k"), ("r", "r")]) == pytest.approx(1.0)
    # complete disagreement with balanced marginals: p_o = 0, p_e = .5 -> -1
    assert cohen_kappa([("k", "r"), ("r", "k")]) == pytest.approx(-1.0)
    assert cohen_kappa([("k", "k")] * 4) is None  # one category only: undefined
    assert cohen_kappa([]) is None


def test_agreement_of_two_logs(out, data_dir):
    la, lb = data_dir / "a.review.jsonl", data_dir / "b.review.jsonl"
    a = ReviewSession(out, log_path=la, reviewer="ana")
    b = ReviewSession(out, log_path=lb, reviewer="ben")
    ents = ["emoji:entity:0", "emoji:entity:1", "emoji:entity:2", "emoji:entity:3"]
    for rid, da, db in zip(ents, ["reject", "accept", "accept", "accept"], ["reject", "accept", "reject", "accept"], strict=True):
        a.decide(rid, da)
        b.decide(rid, db)
    a.decide("emoji:date:0", "accept")
    b.decide("emoji:date:0", "edit", {**next(i["current"] for i in b.items() if i["id"] == "emoji:date:0"), "value": "2031-03"})
    a.decide("emoji:date:1", "accept")  # only A
    text = a.text
    a.add({"type": "quote", **span_of(text, "blue corridor"), "kind": "scare"})
    b.add({"type": "quote", **span_of(text, "blue corridor"), "kind": "scare"})
    b.add({"type": "date", **span_of(text, "this year"), "timex_type": "DATE", "value": "2031"})
    a.close()
    b.close()
    res = agreement(la, lb)
    rows = {r["type"]: r for r in res["rows"]}
    e = rows["entity"]
    assert (e["n"], e["agree"], e["a_keep"], e["b_keep"]) == (4, 3, 3, 2)
    # p_o = 3/4; p_e = (3/4)(2/4) + (1/4)(2/4) = 1/2; kappa = (.75-.5)/.5 = .5
    assert e["p_o"] == pytest.approx(0.75) and e["kappa"] == pytest.approx(0.5)
    d = rows["date"]
    assert (d["n"], d["agree"], d["both_keep"], d["same_record"], d["only_a"]) == (1, 1, 1, 0, 1)
    assert d["kappa"] is None
    assert (d["added_a"], d["added_b"], d["added_both"]) == (0, 1, 0)
    q = rows["quote"]
    assert (q["added_a"], q["added_b"], q["added_both"]) == (1, 1, 1)
    assert rows["all"]["n"] == 5 and rows["all"]["agree"] == 4
    table = format_table(res)
    assert "entity" in table and "0.500" in table and "n/a" in table


def test_agreement_refuses_logs_of_different_outputs(out, data_dir):
    la = data_dir / "a.review.jsonl"
    ReviewSession(out, log_path=la).close()
    ReviewSession(data_dir / "hostile.jsonl", reviewer="ben").close()
    with pytest.raises(ClaimexError, match="are about different outputs"):
        agreement(la, data_dir / "hostile@ben.review.jsonl")


# -- the HTTP server ---------------------------------------------------------------


@pytest.fixture()
def server(out):
    from claimex.review.server import create_server

    s = ReviewSession(out, reviewer="web")
    httpd = create_server(s, 0)
    t = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_port}", s
    httpd.shutdown()
    httpd.server_close()
    s.close()


def call(url, data=None, headers=None, method=None):
    h = {"Content-Type": "application/json"} if data is not None else {}
    h.update(headers or {})
    body = json.dumps(data).encode() if isinstance(data, dict) else data
    req = urllib.request.Request(url, data=body, headers=h, method=method)
    try:
        with urllib.request.urlopen(req, timeout=5) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def test_server_page_and_api(server):
    url, s = server
    st, h, body = call(url + "/")
    assert st == 200 and b"claimex review" in body
    assert "script-src 'self'" in h["Content-Security-Policy"]
    st, _, body = call(url + "/static/spans.js")
    assert st == 200 and b"OffsetMap" in body
    assert call(url + "/static/../server.py")[0] == 404
    st, _, body = call(url + "/api/page")
    page = json.loads(body)
    assert page["doc"]["doc_id"] == "emoji" and page["progress"]["total"] == 10
    assert page["enums"]["kind"] == ["direct", "partial", "scare", "indirect"]
    st, _, body = call(url + "/api/decide", {"id": "emoji:entity:1", "decision": "accept"})
    assert st == 200
    res = json.loads(body)
    assert res["event"]["seq"] == 1 and res["progress"]["reviewed"] == 1
    # logged (and fsynced) before the answer came back
    assert log_events(s.log_path)[-1]["record_id"] == "emoji:entity:1"
    st, _, body = call(url + "/api/decide", {"id": "emoji:entity:1", "decision": "edit", "record": {"start": 0, "end": 0}})
    assert st == 400 and "empty" in json.loads(body)["error"]
    st, _, body = call(url + "/api/undo", {})
    assert st == 200 and json.loads(body)["event"]["undoes"] == 1


def test_server_refuses_foreign_hosts_origins_and_forms(server):
    url, _ = server
    assert call(url + "/api/page", headers={"Host": "evil.example:80"})[0] == 403
    # a cross-site form post: not JSON
    st, _, _ = call(url + "/api/decide", b"id=x&decision=accept", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert st == 403
    st, _, _ = call(url + "/api/decide", {"id": "emoji:entity:1", "decision": "accept"}, headers={"Origin": "http://evil.example"})
    assert st == 403
    assert call(url + "/api/page", method="DELETE")[0] == 403


def test_port_in_use(out):
    from claimex.review.server import create_server

    s = ReviewSession(out)
    first = create_server(s, 0)
    try:
        with pytest.raises(ClaimexError, match=rf"port {first.server_port} on 127\.0\.0\.1 is not available"):
            create_server(s, first.server_port)
    finally:
        first.server_close()
        s.close()


# -- CLI -----------------------------------------------------------------------------


def test_cli_review_help():
    res = CliRunner().invoke(main, ["review", "--help"])
    assert res.exit_code == 0
    for opt in ("--port", "--reviewer", "--export", "--agreement", "--source", "--log"):
        assert opt in res.output


def test_cli_review_missing_file(tmp_path):
    res = CliRunner().invoke(main, ["review", str(tmp_path / "none.jsonl"), "--export", str(tmp_path / "g.jsonl")])
    assert res.exit_code == 1
    assert res.output == f"Error: {tmp_path / 'none.jsonl'}: no such file or directory\n"


def test_cli_review_bad_jsonl(data_dir):
    res = CliRunner().invoke(main, ["review", str(data_dir / "bad.jsonl"), "--port", "0"])
    assert res.exit_code == 1
    assert re.fullmatch(r"Error: .*bad\.jsonl:3: invalid JSON \(.*\)\n", res.output)


def test_cli_review_refuses_changed_source(data_dir):
    (data_dir / "emoji.md").write_text("Something else entirely.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["review", str(data_dir / "emoji.jsonl"), "--port", "0"])
    assert res.exit_code == 1
    assert "has changed since the run" in res.output and res.output.count("\n") == 1


def test_cli_review_usage_errors(data_dir):
    r = CliRunner().invoke(main, ["review"])
    assert r.exit_code == 2 and "missing OUTPUT" in r.output
    r = CliRunner().invoke(main, ["review", str(data_dir / "emoji.jsonl"), "--agreement", "a", "b"])
    assert r.exit_code == 2 and "takes no OUTPUT" in r.output
    r = CliRunner().invoke(main, ["review", str(data_dir / "emoji.jsonl"), "--port", "70000"])
    assert r.exit_code == 2


def test_cli_export_and_agreement(out, data_dir):
    review_some(out).close()
    gold = data_dir / "g.jsonl"
    r = CliRunner().invoke(main, ["review", str(out), "--export", str(gold)])
    assert r.exit_code == 0, r.output
    assert re.search(r"g\.jsonl: 10 records \(entity 2, date 4, quote 2, recommendation 2, statistic 0\) from 6 accepted, 2 corrected, 2 added; 1 rejected, 1 unreviewed left out", r.output)
    r = CliRunner().invoke(main, ["validate", str(gold)])
    assert r.exit_code == 0, r.output
    log = log_of(out, "ana")
    r = CliRunner().invoke(main, ["review", "--agreement", str(log), str(log)])
    assert r.exit_code == 0 and "all" in r.output
    r = CliRunner().invoke(main, ["review", "--agreement", str(log), str(log), "--json"])
    assert json.loads(r.output)["rows"][-1]["p_o"] == 1.0


def test_reviewlog_open_creates_parent_folder(tmp_path):
    log = ReviewLog.open(tmp_path / "deep" / "x.review.jsonl", {"output_sha256": "a" * 64, "doc_id": "d"})
    log.close()
    assert read_log(log.path)[0].start["doc_id"] == "d"


def test_one_writer_per_log(out):
    first = ReviewSession(out)
    try:
        with pytest.raises(ClaimexError, match="another `claimex review` is using this log"):
            ReviewSession(out)
        # reading (export) is fine while a server writes
        assert export_gold(out, out.with_name("g.jsonl")).dropped_unreviewed == 10
    finally:
        first.close()
    ReviewSession(out).close()  # free again once the first one closed
