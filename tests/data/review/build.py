"""Regenerate the JSONL fixtures of tests/data/review from the texts beside them.

    .venv/bin/python tests/data/review/build.py

The texts (emoji.md, hostile.md) are written by hand for these tests. Offsets
are found with str.find, so they are Python str (code point) offsets, as the
record contract says; emoji.md has characters outside the BMP before most
spans, so a JS page that used UTF-16 indices as offsets would be caught.

* emoji.jsonl       what a pipeline might output (one spurious entity, a
                    date with a wrong value, a recommendation span too long,
                    a missed date and a missed quote);
* emoji.gold.jsonl  the gold for emoji.md;
* hostile.jsonl     records whose text and attributes are HTML/script;
* bad.jsonl         line 3 is not JSON;
* harbour.jsonl     a second small document for the queue over several
                    documents: records carry a `rule` and a `score`, a
                    quote names its speaker without a span, a
                    recommendation has a named holder.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read(name: str) -> str:
    text = (HERE / name).read_bytes().decode("utf-8")
    return text[1:] if text.startswith("\ufeff") else text


def sp(text: str, needle: str, nth: int = 0) -> dict:
    i = -1
    for _ in range(nth + 1):
        i = text.find(needle, i + 1)
        assert i >= 0, needle
    return {"start": i, "end": i + len(needle), "text": needle}


def document(doc_id: str, name: str, title: str, published: str | None) -> dict:
    return {
        "doc_id": doc_id,
        "type": "document",
        "id": f"{doc_id}:document:0",
        "schema_version": 1,
        "source": name,
        "sha256": hashlib.sha256((HERE / name).read_bytes()).hexdigest(),
        "title": title,
        "authors": [],
        "published": published,
        "series": None,
        "number": None,
        "key_points": [],
        "disclaimer": None,
        "pipeline": {"version": "test", "model": None},
    }


class Doc:
    def __init__(self, doc_id: str, text: str):
        self.doc_id, self.text = doc_id, text
        self.n: dict[str, int] = {}
        self.records: list[dict] = []

    def add(self, type_: str, needle: str, nth: int = 0, **attrs) -> dict:
        i = self.n.get(type_, 0)
        self.n[type_] = i + 1
        rec = {"doc_id": self.doc_id, "type": type_, "id": f"{self.doc_id}:{type_}:{i}", **sp(self.text, needle, nth)}
        for k, v in attrs.items():
            rec[k] = sp(self.text, v[0], v[1] if len(v) > 1 else 0) if isinstance(v, tuple) else v
        self.records.append(rec)
        return rec

    def ent(self, needle, label, canonical=None, nth=0, **kw):  # kw: title, rule, score...
        return self.add("entity", needle, nth, label=label, canonical=canonical or needle, **kw)

    def date(self, needle, value, timex_type="DATE", mod=None, anchor=None, nth=0):
        return self.add("date", needle, nth, timex_type=timex_type, value=value, mod=mod, anchor=anchor)

    def quote(self, needle, kind, speakers=(), speaker_spans=(), cue=None, nth=0):
        return self.add(
            "quote", needle, nth, kind=kind, speakers=list(speakers),
            speaker_spans=[sp(self.text, s) for s in speaker_spans], cue=cue,
        )

    def rec(self, needle, trigger, actor=None, action=None, holder="author", strength="moderate", polarity="do", nth=0):
        return self.add("recommendation", needle, nth, trigger=trigger, actor=actor, action=action,
                        holder=holder, strength=strength, polarity=polarity)


def write(name: str, records: list[dict]) -> None:
    with open(HERE / name, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def emoji(gold: bool) -> list[dict]:
    t = read("emoji.md")
    d = Doc("emoji", t)
    if not gold:
        d.ent("Tidewater Policy Brief", "ORG")  # spurious
    d.ent("Port Ellery", "GPE")
    d.ent("Ines Calloway", "PERSON")
    d.ent("Ellery Shipping Group", "ORG")
    d.date("4 March 2031", "2031-03-04")
    d.date("2 February 2031", "2031-02-02", anchor="dct")
    if gold:
        d.date("this year", "2031", anchor="dct")  # missed by the "pipeline"
    d.date("the past decade", "P10Y" if gold else "PXY", timex_type="DURATION")  # value mismatch
    d.quote("will not rise this year", "partial", ["Ines Calloway"], ["Ines Calloway"], sp(t, "said"))
    if gold:
        d.quote("blue corridor", "scare")  # missed
    d.rec("The council should publish the audit before the summer recess", sp(t, "should"),
          actor=sp(t, "The council"), action=sp(t, "publish the audit before the summer recess"))
    d.rec("ministers must not delay the dredging plan" if gold else "and ministers must not delay the dredging plan",
          sp(t, "must not"), actor=sp(t, "ministers"), action=sp(t, "delay the dredging plan"),
          strength="strong", polarity="dont")
    return [document("emoji", "emoji.md", "Tidewater Policy Brief No. 12", "2031-03-04"), *d.records]


def hostile() -> list[dict]:
    t = read("hostile.md")
    d = Doc("hostile", t)
    d.ent('<script>window.__pwned = "script"</script>', "WORK_OF_ART",
          canonical="<img src=x onerror=\"window.__pwned='canonical'\">",
          note="</script><script>window.__pwned='note'</script>")
    d.ent("Quarry Board", "ORG", canonical="</textarea><script>window.__pwned='canon2'</script>")
    d.ent("Quarry Board", "ORG", nth=1, canonical="Quarry Board")
    d.add("entity", "img src=x", label="PRODUCT", canonical='"><img src=x onerror="window.__pwned=\'attr\'">')
    d.quote("<b>bold</b> & brave", "direct", ["<svg onload=\"window.__pwned='speaker'\">"], ["Quarry Board"], sp(t, "said"))
    d.quote("><img src=x onerror=\"window.__pwned='img'\">", "scare")
    d.date("1 May 2031", "2031-05-01", anchor="dct")
    d.rec("the Quarry Board should sanitise its forms before 1 May 2031", sp(t, "should"),
          actor=sp(t, "Quarry Board", 1), action=sp(t, "sanitise its forms before 1 May 2031"))
    doc = document("hostile", "hostile.md", 'Notes on <script>window.__pwned = "title"</script> markup', None)
    doc["authors"] = ["<img src=x onerror=\"window.__pwned='author'\">"]
    return [doc, *d.records]


def harbour() -> list[dict]:
    t = read("harbour.md")
    d = Doc("harbour", t)
    d.ent("Tomas Reyl", "PERSON", title="Minister", rule="entity/ner", score=0.9)
    d.ent("Aspidora", "ORG", rule="entity/ner", score=0.2)  # an operation: EVENT
    d.ent("Tomas Reyl", "PERSON", nth=1, rule="entity/ner", score=0.6)
    d.ent("Reyl", "PERSON", canonical="Tomas Reyl", nth=2, rule="entity/coref", score=0.4)
    d.date("12 May 2031", "2031-05-12", anchor=None)["rule"] = "date/day_month_year"
    d.date("June 2031", "2031-06", anchor=None)["rule"] = "date/month_year"
    q = d.quote("will reopen in June 2031", "partial", ["Tomas Reyl"], ["Tomas Reyl"], sp(t, "said"))
    q.update(rule="quote/cue_subject", score=0.7)
    q = d.quote("We cannot wait,", "direct", ["Tomas Reyl"], [], sp(t, "said", 1))  # no speaker span: linked by name
    q.update(rule="quote/cue_after", score=0.3)
    r = d.rec("the council should fund the dredging before winter", sp(t, "should"), actor=sp(t, "the council"),
              action=sp(t, "fund the dredging before winter"), holder="Tomas Reyl")
    r.update(rule="recommendation/modal", score=0.5)
    return [document("harbour", "harbour.md", "Harbour Notes No. 3", "2031-05-12"), *d.records]


if __name__ == "__main__":
    write("emoji.jsonl", emoji(gold=False))
    write("emoji.gold.jsonl", emoji(gold=True))
    write("hostile.jsonl", hostile())
    write("harbour.jsonl", harbour())
    lines = [json.dumps(r, ensure_ascii=False) for r in emoji(gold=False)[:3]]
    lines[2] = lines[2][:-1] + ",,}"  # line 3: broken JSON
    (HERE / "bad.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("wrote emoji.jsonl, emoji.gold.jsonl, hostile.jsonl, harbour.jsonl, bad.jsonl")
