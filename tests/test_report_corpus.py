"""`claimex report` of several documents: the corpus charts' data, and template
placeholders that document content cannot trigger (issue 13, item 7)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from claimex.report import build_report, report_data
from claimex.report.corpus import calendar_range, corpus_data
from claimex.report.display import _kind, type_table

DATA = Path(__file__).resolve().parent / "data" / "review"
PLACEHOLDERS = ("__DATA__", "__CSS__", "__JS__", "__TITLE__", "__SCRIPT_HASH__")


def blob(html: str) -> dict:
    return json.loads(html.split('id="claimex-data">', 1)[1].split("</script>", 1)[0])


@pytest.fixture()
def two(tmp_path) -> Path:
    for name in ("emoji.md", "emoji.jsonl", "harbour.md", "harbour.jsonl"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


# -- placeholders -------------------------------------------------------------------


@pytest.mark.parametrize("where", ["title", "doc_id", "text"])
def test_placeholders_in_the_data_are_only_data(two, where):
    recs = [json.loads(x) for x in (two / "harbour.jsonl").read_text(encoding="utf-8").splitlines()]
    marker = " ".join(PLACEHOLDERS)
    if where == "title":
        recs[0]["title"] = marker
    elif where == "doc_id":
        for r in recs:
            r["doc_id"] = "__DATA__"
            r["id"] = r["id"].replace("harbour:", "__DATA__:", 1)
    else:  # in a note, shown in the text's tooltip
        recs[1]["note"] = marker
    (two / "harbour.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    html = build_report([two / "harbour.jsonl"])
    data = blob(html)  # the page is whole: the data parses, after it comes the script
    assert len(data["docs"]) == 1 and data["docs"][0]["records"]
    assert html.count("<style>") == 1 and ".seg.flash" in html.split("<style>", 1)[1].split("</style>", 1)[0]
    script = html.rsplit("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert f"'sha256-{digest}'" in html.split("</head>", 1)[0]  # the CSP hash is of the script as served
    assert "ClaimexSpans" in script and "__DATA__" not in script.replace('"__DATA__"', "")


# -- the type table -----------------------------------------------------------------------


def test_type_table_comes_from_the_schema():
    t = type_table()
    assert list(t)[:4] == ["entity", "date", "quote", "recommendation"]
    kinds = {f["name"]: (f["kind"], f["nullable"]) for f in t["recommendation"]["fields"]}
    assert kinds == {"trigger": ("span", False), "actor": ("span", True), "action": ("span", True), "holder": ("text", False),
                     "strength": ("enum", False), "polarity": ("enum", False)}  # fmt: skip
    assert {f["name"]: f["kind"] for f in t["quote"]["fields"]}["speaker_spans"] == "spans"
    assert t["entity"]["fields"][0]["enum"][:3] == ["PERSON", "ORG", "GPE"]  # hotkey order
    assert t["quote"]["claim"] and not t["entity"]["claim"]


def test_type_table_of_a_statistic():
    t = type_table()["statistic"]
    kinds = {f["name"]: (f["kind"], f["nullable"], f.get("kept", False)) for f in t["fields"]}
    assert kinds == {"value": ("range", False, False), "unit": ("text", True, False), "measure": ("span", True, False),
                     "subject": ("text", True, False), "time": ("text", True, True), "source": ("text", True, False),
                     "approx": ("enum", True, False), "comparison": ("json", True, True), "quote": ("text", True, True)}  # fmt: skip
    assert t["label"] is None  # no label hotkeys: approx is not worth them
    assert t["claim"] and t["dated_by"] == "time"
    order = sorted(type_table().items(), key=lambda kv: kv[1]["layer"])
    assert [k for k, _ in order] == ["recommendation", "quote", "date", "statistic", "entity"]


@pytest.mark.parametrize(
    "prop, kind",
    [
        ({"$ref": "#/$defs/span"}, ("span", False)),
        ({"$ref": "#/$defs/nullable_span"}, ("span", True)),
        ({"type": ["number", "null"]}, ("number", True)),
        ({"type": "array", "items": {"$ref": "#/$defs/span"}}, ("spans", False)),
        ({"type": "array", "items": {"type": "string"}}, ("names", False)),
        ({"enum": [None, "a"]}, ("enum", True)),
        ({"type": "object"}, ("json", True)),
        ({"oneOf": [{"$ref": "#/$defs/number"}, {"type": "object", "properties": {"low": {"$ref": "#/$defs/number"}, "high": {"type": "number"}}}]}, ("range", False)),
        # near misses: not two numbers, or not low/high
        ({"oneOf": [{"type": "string"}, {"type": "object", "properties": {"low": {"type": "number"}, "high": {"type": "number"}}}]}, ("json", True)),
        ({"oneOf": [{"type": "number"}, {"type": "object", "properties": {"low": {"type": "number"}, "top": {"type": "number"}}}]}, ("json", True)),
        ({"oneOf": [{"type": "null"}, {"type": "object", "properties": {"direction": {"enum": ["up"]}}}]}, ("json", True)),
    ],
)
def test_a_new_field_gets_its_kind_from_the_schema(prop, kind):
    k = _kind(prop)
    assert (k["kind"], k["nullable"]) == kind


# -- corpus data ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, lo, hi",
    [
        ("2031", date(2031, 1, 1), date(2031, 12, 31)),
        ("2031-06", date(2031, 6, 1), date(2031, 6, 30)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2031-05-12", date(2031, 5, 12), date(2031, 5, 12)),
        ("2031-Q4", date(2031, 10, 1), date(2031, 12, 31)),
        ("2031-H1", date(2031, 1, 1), date(2031, 6, 30)),
        ("2031-W01", date(2030, 12, 30), date(2031, 1, 5)),
        ("2031-SU", date(2031, 6, 1), date(2031, 8, 31)),
    ],
)
def test_calendar_range(value, lo, hi):
    assert calendar_range(value) == (lo, hi)


@pytest.mark.parametrize("value", ["P10Y", "PRESENT_REF", "2031-13", "2031-02-30", "20310512", "XXXX-06", "", "2031-W60"])
def test_calendar_range_near_misses(value):
    assert calendar_range(value) is None


def test_corpus_charts_of_two_documents(two):
    data = report_data([two])
    c = data["corpus"]
    assert [r["doc_id"] for r in c["counts"]] == ["emoji", "harbour"]
    assert c["counts"][1]["per_type"] == {"entity": 4, "date": 2, "quote": 2, "recommendation": 1, "statistic": 0}
    speakers = {r["name"]: r["refs"] for r in c["speakers"]}
    assert speakers["Ines Calloway"] == [[0, "p:emoji:quote:0"]]
    assert sorted(speakers["Tomas Reyl"]) == [[1, "p:harbour:quote:0"], [1, "p:harbour:quote:1"]]
    holders = {r["name"]: len(r["refs"]) for r in c["holders"]}
    assert holders == {"author of emoji": 2, "Tomas Reyl": 1}  # no authors: named after the document
    actors = {r["name"]: r["refs"] for r in c["actors"]}
    assert actors["council"] == [[0, "p:emoji:recommendation:0"], [1, "p:harbour:recommendation:0"]]  # "The council", "the council"
    assert actors["ministers"] == [[0, "p:emoji:recommendation:1"]]
    pts = [(p["key"], p["value"]) for p in c["timeline"]["points"]]
    assert ("p:harbour:quote:0", "2031-06") in pts  # the date inside the quote
    assert {p["date"] for p in c["timeline"]["published"]} == {"2031-03-04", "2031-05-12"}
    refs, keys = _corpus_refs(data)
    assert refs and set(refs) <= keys  # every reference points at a record of the report
    assert report_data([two / "emoji.jsonl"])["corpus"] is None  # one document: no corpus view


def _corpus_refs(data: dict) -> tuple[list[tuple], set[tuple]]:
    """The (document, record key) references of the corpus charts, and the keys of the report's records."""
    c = data["corpus"]
    keys = {(i, it["key"]) for i, d in enumerate(data["docs"]) for it in d["records"]}
    refs = [tuple(r) for rows in (c["actors"], c["holders"], c["speakers"]) for row in rows for r in row["refs"]]
    refs += [(p["doc"], p["key"]) for p in c["timeline"]["points"]]
    return refs, keys


def _doc(text: str, ents: list[tuple[str, str]], claims: list[tuple[str, str]] = (), dates: list[tuple[str, str]] = ()) -> dict:
    recs = []
    for n, (needle, canon) in enumerate(ents):
        i = [m.start() for m in re.finditer(re.escape(needle), text)][sum(1 for x, _ in ents[:n] if x == needle)]
        recs.append({"key": f"p:e{n}", "type": "entity", "origin": "pred", "start": i, "end": i + len(needle),
                     "rec": {"text": needle, "canonical": canon, "label": "GPE"}})  # fmt: skip
    for n, (needle, t) in enumerate(claims):
        i = text.index(needle)
        recs.append({"key": f"p:c{n}", "type": t, "origin": "pred", "start": i, "end": i + len(needle), "rec": {"text": needle, "speakers": [], "holder": "author"}})
    for n, (needle, value) in enumerate(dates):
        i = text.index(needle)
        recs.append({"key": f"p:d{n}", "type": "date", "origin": "pred", "start": i, "end": i + len(needle), "rec": {"text": needle, "value": value}})
    return {"doc_id": "t", "text": text, "meta": {"authors": ["A. Writer"], "published": None, "title": None}, "records": recs}


def test_cooccurrence_counts_paragraphs_naming_both():
    text = "Aland met Borland.\n\nAland and Borland again, with Corland.\n\nCorland alone. Aland too."
    d = _doc(text, [("Aland", "Aland"), ("Borland", "Borland"), ("Aland", "Aland"), ("Borland", "Borland"), ("Corland", "Corland"), ("Corland", "Corland"), ("Aland", "Aland")])
    co = corpus_data([d, d])["cooccurrence"]
    names = [e["name"] for e in co["entities"]]
    assert names == ["Aland", "Borland", "Corland"] and co["entities"][0]["paragraphs"] == 6
    cells = {(names[c["i"]], names[c["j"]]): c["n"] for c in co["cells"]}
    assert cells == {("Aland", "Borland"): 4, ("Aland", "Corland"): 4, ("Borland", "Corland"): 2}


def test_timeline_uses_the_sentence_of_a_claim_not_the_next():
    text = "Ministers should act in March 2030. In 2040 nothing will be left."
    d = _doc(text, [], claims=[("Ministers should act", "recommendation")], dates=[("March 2030", "2030-03"), ("2040", "2040")])
    pts = corpus_data([d, d])["timeline"]["points"]
    assert {(p["key"], p["value"]) for p in pts} == {("p:c0", "2030-03")}


def test_timeline_places_a_statistic_at_the_date_it_holds_at():
    text = "In March 2030, a year after the 2029 vote, turnout was 41%. Support reached 52%."
    d = _doc(text, [], dates=[("March 2030", "2030-03"), ("2029", "2029")])
    for n, dt in enumerate(r for r in d["records"] if r["type"] == "date"):
        dt["rec"]["id"] = f"t:date:{n}"
    for n, (needle, time) in enumerate([("41%", "t:date:0"), ("52%", None)]):
        i = text.index(needle)
        d["records"].append({"key": f"p:s{n}", "type": "statistic", "origin": "pred", "start": i, "end": i + len(needle),
                             "rec": {"text": needle, "value": 41, "unit": "percent", "time": time}})  # fmt: skip
    pts = corpus_data([d, d])["timeline"]["points"]
    # at its own date only (not at 2029 in the same sentence); without a time: not on the timeline
    assert {(p["key"], p["value"], p["type"]) for p in pts} == {("p:s0", "2030-03", "statistic")}
