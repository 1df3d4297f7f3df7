"""The corpus view of `claimex report`: what several documents say, at a glance.

:func:`corpus_data` turns the documents of a report into the data of five
charts, each entry carrying references ``[document index, record key]`` to the
records it counts, so that every bar, point and cell links to its records in
their text:

* ``counts``: records per document and type;
* ``actors`` / ``holders``: recommendations grouped by who should act (the
  canonical name of an entity inside the actor span, else the actor's words)
  and by who recommends (``author`` becomes the document's authors);
* ``speakers``: quotes grouped by speaker;
* ``timeline``: dated claims: a claim (a record type marked ``claim`` in the
  type table: quotes, recommendations, statistics) at a calendar date: for a
  type with ``dated_by`` (a statistic's ``time``), the date record that field
  names, if any (the resolver already chose the date a figure holds at);
  otherwise every date inside the claim or in its sentence;
* ``cooccurrence``: the entities found in most paragraphs, and per pair the
  paragraphs where both occur.

The charts are drawn by ``static/report.js`` as inline SVG (no network).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

from .display import type_table
from .load import paragraphs

TOP = 15  # bars per grouped chart
TOP_ENTITIES = 12  # rows of the co-occurrence matrix
MAX_REFS = 40  # references kept per cell of the matrix

_DET = re.compile(r"^(?:the|a|an|its|their|his|her|our|this|that|these|those)\s+", re.IGNORECASE)
_SENT_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n")
_SEASONS = {"WI": (1, 2), "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11)}  # northern seasons, winter as its January-February


def _ref(doc: int, item: dict) -> list:
    return [doc, item["key"]]


def _norm(text: str) -> str:
    return " ".join(_DET.sub("", " ".join(text.split())).split())


class _Groups:
    """References grouped by a case-folded name; each group shown under its most frequent spelling."""

    def __init__(self):
        self.refs: dict[str, list] = defaultdict(list)
        self.names: dict[str, Counter] = defaultdict(Counter)

    def add(self, name: str, ref) -> None:
        self.refs[name.lower()].append(ref)
        self.names[name.lower()][name] += 1

    def rows(self, top: int = TOP) -> list[dict]:
        rows = [{"name": self.names[k].most_common(1)[0][0], "refs": refs} for k, refs in self.refs.items()]
        rows.sort(key=lambda r: (-len(r["refs"]), r["name"].lower()))
        return rows[:top]


class _Doc:
    """One document's predicted records, indexed for the charts."""

    def __init__(self, index: int, doc: dict):
        self.index = index
        self.doc = doc
        self.items = [it for it in doc["records"] if it["origin"] == "pred"]
        self.entities = sorted((it for it in self.items if it["type"] == "entity"), key=lambda it: it["start"])
        self.dates = sorted((it for it in self.items if it["type"] == "date"), key=lambda it: it["start"])
        self.date_by_id = {it["rec"].get("id"): it for it in self.dates}

    def entities_in(self, start: int, end: int) -> list[dict]:
        return [e for e in self.entities if e["start"] >= start and e["end"] <= end]

    def sentences(self) -> list[tuple[int, int]]:
        text, out, last = self.doc["text"], [], 0
        for m in _SENT_END.finditer(text):
            out.append((last, m.start()))
            last = m.end()
        out.append((last, len(text)))
        return out

    def authors(self) -> str:
        names = [a for a in (self.doc["meta"].get("authors") or []) if isinstance(a, str) and a.strip()]
        return ", ".join(names) if names else f"author of {self.doc['doc_id']}"


def _counts(docs: list[_Doc], types: list[str]) -> list[dict]:
    out = []
    for d in docs:
        per = Counter(it["type"] for it in d.items)
        out.append({"doc": d.index, "doc_id": d.doc["doc_id"], "title": d.doc["meta"].get("title"), "per_type": {t: per[t] for t in types}})
    return out


def _recommendations(docs: list[_Doc]) -> tuple[list[dict], list[dict]]:
    actors, holders = _Groups(), _Groups()
    for d in docs:
        for it in d.items:
            if it["type"] != "recommendation":
                continue
            rec = it["rec"]
            actor = rec.get("actor")
            if isinstance(actor, dict):
                ents = d.entities_in(actor["start"], actor["end"])
                name = max(ents, key=lambda e: e["end"] - e["start"])["rec"]["canonical"] if ents else _norm(actor["text"])
                if name:
                    actors.add(name, _ref(d.index, it))
            holder = rec.get("holder") or "author"
            holders.add(d.authors() if holder == "author" else holder, _ref(d.index, it))
    return actors.rows(), holders.rows()


def _speakers(docs: list[_Doc]) -> list[dict]:
    groups = _Groups()
    for d in docs:
        for it in d.items:
            if it["type"] != "quote":
                continue
            speakers = [s for s in (it["rec"].get("speakers") or []) if isinstance(s, str) and s.strip()] or ["(no speaker)"]
            for s in dict.fromkeys(speakers):
                groups.add(s, _ref(d.index, it))
    return groups.rows()


def calendar_range(value: str) -> tuple[date, date] | None:
    """The days a TIMEX3 calendar value covers (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn, YYYY-Wnn, seasons)."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4])|-H([12])|-W(\d{2})|-(WI|SP|SU|FA|AU))?", value or "")
    if not m:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            day = date(y, int(m.group(2)), int(m.group(3)))
            return day, day
        if m.group(2):
            return _months(y, int(m.group(2)), int(m.group(2)))
        if m.group(4):
            q = int(m.group(4))
            return _months(y, 3 * q - 2, 3 * q)
        if m.group(5):
            h = int(m.group(5))
            return _months(y, 6 * h - 5, 6 * h)
        if m.group(6):
            monday = date.fromisocalendar(y, int(m.group(6)), 1)
            return monday, monday + timedelta(days=6)
        if m.group(7):
            return _months(y, *_SEASONS[m.group(7)])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:  # month 13, week 60, year 0
        return None


def _months(y: int, first: int, last: int) -> tuple[date, date]:
    end = date(y + 1, 1, 1) if last == 12 else date(y, last + 1, 1)
    return date(y, first, 1), end - timedelta(days=1)


def _dates_of(d: _Doc, it: dict, sentences: list[tuple[int, int]], dated_by: str | None) -> list[dict]:
    """The date records a claim is placed at: the one its ``dated_by`` field names, else those in its sentence."""
    if dated_by:
        dt = d.date_by_id.get(it["rec"].get(dated_by))
        return [dt] if dt is not None else []
    lo = max((s for s, e in sentences if s <= it["start"]), default=0)
    hi = min((e for s, e in sentences if e >= it["end"]), default=len(d.doc["text"]))
    return [dt for dt in d.dates if dt["start"] >= min(lo, it["start"]) and dt["end"] <= max(hi, it["end"])]


def _timeline(docs: list[_Doc], claim_types: dict[str, str | None]) -> dict:
    points = []
    for d in docs:
        sentences = d.sentences()
        for it in d.items:
            if it["type"] not in claim_types:
                continue
            seen = set()
            for dt in _dates_of(d, it, sentences, claim_types[it["type"]]):
                rng = calendar_range(dt["rec"].get("value"))
                if rng is None or dt["rec"]["value"] in seen:
                    continue
                seen.add(dt["rec"]["value"])
                points.append({
                    "doc": d.index, "key": it["key"], "type": it["type"], "date_key": dt["key"], "value": dt["rec"]["value"],
                    "from": rng[0].isoformat(), "to": rng[1].isoformat(), "text": it["rec"]["text"][:160], "date_text": dt["rec"]["text"],
                })  # fmt: skip
    published = [{"doc": d.index, "date": d.doc["meta"]["published"]} for d in docs if calendar_range(d.doc["meta"].get("published") or "")]
    points.sort(key=lambda p: (p["from"], p["doc"]))
    return {"points": points, "published": published}


def _cooccurrence(docs: list[_Doc]) -> dict:
    per_para: list[tuple[int, dict[str, dict]]] = []  # (doc index, entity key -> first item in the paragraph)
    names: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    for d in docs:
        for ps, pe in paragraphs(d.doc["text"]):
            found: dict[str, dict] = {}
            for e in d.entities_in(ps, pe):
                canon = e["rec"].get("canonical") or e["rec"]["text"]
                k = canon.lower()
                found.setdefault(k, e)
                names[k][canon] += 1
                labels[k][e["rec"].get("label")] += 1
            if found:
                per_para.append((d.index, found))
    freq = Counter(k for _, found in per_para for k in found)
    top = [k for k, n in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0])) if n >= 2][:TOP_ENTITIES]
    index = {k: i for i, k in enumerate(top)}
    cells: dict[tuple[int, int], list] = defaultdict(list)
    for doc, found in per_para:
        present = sorted((index[k], found[k]) for k in found if k in index)
        for a in range(len(present)):
            for b in range(a + 1, len(present)):
                (i, ei), (j, ej) = present[a], present[b]
                cells[(i, j)].append([doc, ei["key"], ej["key"]])
    return {
        "entities": [{"name": names[k].most_common(1)[0][0], "label": labels[k].most_common(1)[0][0], "paragraphs": freq[k]} for k in top],
        "cells": [{"i": i, "j": j, "n": len(refs), "refs": refs[:MAX_REFS]} for (i, j), refs in sorted(cells.items())],
    }


def corpus_data(out_docs: list[dict]) -> dict:
    """The data of the corpus charts for the documents of a report (see the module docstring)."""
    table = type_table()
    docs = [_Doc(i, d) for i, d in enumerate(out_docs)]
    actors, holders = _recommendations(docs)
    claim_types = {t: spec.get("dated_by") for t, spec in table.items() if spec.get("claim")}
    return {
        "counts": _counts(docs, list(table)),
        "actors": actors,
        "holders": holders,
        "speakers": _speakers(docs),
        "timeline": _timeline(docs, claim_types),
        "cooccurrence": _cooccurrence(docs),
    }
