"""Build a gold JSONL file from a readable annotation spec.

    python corpus/gold/tools/build_gold.py ajiss-297 [--list]

The spec ``corpus/gold/tools/<doc_id>.spec.py`` names every item by text, not
by offset (see ``docs/annotation.md``, section 8). This script finds the
offsets, applies the flat-entity rule (a match inside a longer entity match is
dropped), numbers ids per type in order of start offset, resolves date
anchors given as keys, writes ``corpus/gold/<doc_id>.jsonl`` and runs the
schema and grounding check. With ``--list`` it prints every item in its
context, for review.

Locators
    L(ctx, sub=None, n=None, k=0)  ``ctx`` must occur exactly once in the
        source (or take its ``n``-th occurrence); the span is ``sub`` inside
        it (its ``k``-th occurrence), or ``ctx`` itself.
    W(sub, k=0)  ``sub`` inside the parent record's span (its k-th occurrence);
        for a statistic, inside the context string of its ``at`` locator.
    A bare string is ``L(string)``.

Statistics (S) name their date (``time``) and the statistic they are compared
with (``Cmp(with_=...)``) by locators of those records' spans; the builder
turns them into ids, links a figure inside a quote record to it (``quote``)
and takes the quote's speakers as its source unless the spec says otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "corpus" / "gold"


class SpecError(Exception):
    pass


@dataclass(frozen=True)
class L:
    ctx: str
    sub: str | None = None
    n: int | None = None
    k: int = 0

    def resolve(self, src: str, parent: tuple[int, int] | None = None) -> tuple[int, int]:
        hits = [m.start() for m in re.finditer(re.escape(self.ctx), src)]
        if not hits:
            raise SpecError(f"context not found: {self.ctx!r}")
        if self.n is None:
            if len(hits) != 1:
                raise SpecError(f"context occurs {len(hits)} times, give n=: {self.ctx!r}")
            c0 = hits[0]
        else:
            c0 = hits[self.n]
        if self.sub is None:
            return c0, c0 + len(self.ctx)
        return _within(src, c0, c0 + len(self.ctx), self.sub, self.k)


@dataclass(frozen=True)
class W:
    sub: str
    k: int = 0

    def resolve(self, src: str, parent: tuple[int, int] | None = None) -> tuple[int, int]:
        if parent is None:
            raise SpecError(f"W({self.sub!r}) used without a parent span")
        return _within(src, parent[0], parent[1], self.sub, self.k)


def _within(src: str, a: int, b: int, sub: str, k: int) -> tuple[int, int]:
    pos, seen = a, -1
    while True:
        i = src.find(sub, pos, b)
        if i < 0:
            raise SpecError(f"{sub!r} (occurrence {k}) not found in {src[a:b]!r}")
        seen += 1
        if seen == k:
            return i, i + len(sub)
        pos = i + 1


def loc(x, src, parent=None):
    if x is None:
        return None
    if isinstance(x, str):
        x = L(x)
    return x.resolve(src, parent)


def span(src, se):
    if se is None:
        return None
    s, e = se
    return {"start": s, "end": e, "text": src[s:e]}


# -- spec item types ---------------------------------------------------------


@dataclass
class Cmp:
    """A statistic's comparison: direction, the compared statistic (locator) and the cue (locator)."""

    direction: str
    with_: object = None
    cue: object = None


@dataclass
class S:
    """A statistic (guidelines section 10)."""

    at: object
    value: object  # a number or (low, high)
    unit: str | None
    measure: object = None  # locator (W: inside the at-context)
    subject: str | None = None
    time: object = None  # locator of a date record's span
    source: str | None = None  # default: the enclosing quote's speakers, else "author"
    approx: str | None = None
    comparison: Cmp | None = None
    optional: bool = False
    note: str | None = None


@dataclass
class E:
    """All word-bounded occurrences of ``form`` (case-sensitive) are mentions."""

    form: str
    label: str
    canonical: str
    optional: bool = False
    note: str | None = None
    skip: list = field(default_factory=list)  # locators of occurrences that are not mentions


@dataclass
class D:
    at: object
    timex_type: str
    value: str
    anchor: str | None = None  # "dct", a key of another D, or None
    mod: str | None = None
    key: str | None = None
    optional: bool = False
    note: str | None = None


@dataclass
class Q:
    kind: str
    at: object
    speakers: list
    speaker_spans: list
    cue: object
    optional: bool = False
    note: str | None = None


@dataclass
class R:
    at: object
    trigger: object
    actor: object
    action: object
    holder: str
    strength: str
    polarity: str = "do"
    optional: bool = False
    note: str | None = None


def _extra(rec, item):
    if item.optional:
        rec["optional"] = True
    if item.note:
        rec["note"] = item.note
    return rec


def load_spec(doc_id: str):
    path = Path(__file__).with_name(f"{doc_id}.spec.py")
    if not path.exists():
        raise SpecError(f"no spec {path}")
    spec = importlib.util.spec_from_file_location(f"spec_{doc_id.replace('-', '_')}", path)
    mod = importlib.util.module_from_spec(spec)
    # the spec uses the names of this module
    mod.__dict__.update({"L": L, "W": W, "E": E, "D": D, "Q": Q, "R": R, "S": S, "Cmp": Cmp})
    spec.loader.exec_module(mod)
    return mod


def build(doc_id: str):
    spec = load_spec(doc_id)
    raw = (ROOT / spec.SOURCE).read_bytes()
    src = raw.decode("utf-8")
    if src.startswith("\ufeff"):
        src = src[1:]
    document = _document(spec, doc_id, src, raw)
    entities = _entities(spec, doc_id, src)
    dates, keys = _dates(spec, doc_id, src)
    quotes = _quotes(spec, doc_id, src)
    recs = _recommendations(spec, doc_id, src)
    stats = statistics(spec, src, doc_id, entities, dates, quotes) if hasattr(spec, "STATISTICS") else []
    out = [document]
    groups = (("entity", entities), ("date", dates), ("quote", quotes), ("recommendation", recs), ("statistic", stats))
    for typ, group in groups:
        out.extend(_numbered(doc_id, typ, group))
    _link_statistics(stats)
    for r in dates:
        a = r["anchor"]
        if a not in (None, "dct"):
            if a not in keys:
                raise SpecError(f"unknown anchor key {a!r}")
            r["anchor"] = keys[a]["id"]
    # field order: doc_id, type, id first
    ordered = []
    for r in out:
        head = {k: r[k] for k in ("doc_id", "type", "id")}
        head.update({k: v for k, v in r.items() if k not in head})
        ordered.append(head)
    return ordered, src


def _document(spec, doc_id: str, src: str, raw: bytes) -> dict:
    doc = dict(spec.DOCUMENT)
    return {
        "doc_id": doc_id,
        "type": "document",
        "id": f"{doc_id}:document:0",
        "source": spec.SOURCE,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "title": doc["title"],
        "authors": doc["authors"],
        "published": doc["published"],
        "series": doc["series"],
        "number": doc["number"],
        "key_points": [span(src, loc(k, src)) for k in doc["key_points"]],
        "disclaimer": span(src, loc(doc["disclaimer"], src)),
        "pipeline": {"version": "gold", "model": None},
        "schema_version": 2 if hasattr(spec, "STATISTICS") else 1,
    }


def _entity_spans(spec, src: str) -> list:
    """Every occurrence of every form, then the flat rule: a match inside a longer one is dropped."""
    cands = []
    for item in spec.ENTITIES:
        skips = {loc(s, src) for s in item.skip}
        pat = re.compile(r"(?<![\w])" + re.escape(item.form) + r"(?![\w])")
        found = 0
        for m in pat.finditer(src):
            se = (m.start(), m.end())
            if se in skips:
                continue
            found += 1
            cands.append((se, item))
        if not found:
            raise SpecError(f"entity form not found: {item.form!r}")
    kept = []
    for se, item in cands:
        inside = any(o != se and o[0] <= se[0] and se[1] <= o[1] for o, _ in cands)
        if not inside:
            kept.append((se, item))
    kept.sort(key=lambda t: (t[0][0], t[0][1]))
    for (a, _b), (c, _d) in zip(kept, kept[1:], strict=False):
        if c[0] < a[1]:
            raise SpecError(f"overlapping entities {src[a[0]:a[1]]!r} / {src[c[0]:c[1]]!r}")
    return kept


def _person_title(spec, src: str, se: tuple[int, int], title_over: dict):
    if se in title_over:
        return title_over[se]
    before = src[: se[0]]
    for pat, norm in spec.TITLES:
        if before.endswith(pat + " "):
            return norm
    return None


def _entities(spec, doc_id: str, src: str) -> list[dict]:
    title_over = {loc(k, src): v for k, v in getattr(spec, "TITLE_OVERRIDES", {}).items()}
    entities = []
    for se, item in _entity_spans(spec, src):
        title = _person_title(spec, src, se, title_over) if item.label == "PERSON" else None
        rec = {"doc_id": doc_id, "type": "entity", **span(src, se), "label": item.label,
               "canonical": item.canonical, "title": title}
        entities.append(_extra(rec, item))
    return entities


def _dates(spec, doc_id: str, src: str) -> tuple[list[dict], dict]:
    """The date records, and those with a key by key (anchors name them by key)."""
    dates = []
    keys = {}
    for item in spec.DATES:
        se = loc(item.at, src)
        rec = {"doc_id": doc_id, "type": "date", **span(src, se), "timex_type": item.timex_type,
               "value": item.value, "mod": item.mod, "anchor": item.anchor}
        if item.key:
            keys[item.key] = rec
        dates.append(_extra(rec, item))
    return dates, keys


def _quotes(spec, doc_id: str, src: str) -> list[dict]:
    quotes = []
    for item in spec.QUOTES:
        se = loc(item.at, src)
        rec = {"doc_id": doc_id, "type": "quote", **span(src, se), "kind": item.kind,
               "speakers": list(item.speakers),
               "speaker_spans": [span(src, loc(s, src, se)) for s in item.speaker_spans],
               "cue": span(src, loc(item.cue, src, se))}
        quotes.append(_extra(rec, item))
    return quotes


def _recommendations(spec, doc_id: str, src: str) -> list[dict]:
    recs = []
    for item in spec.RECOMMENDATIONS:
        se = loc(item.at, src)
        rec = {"doc_id": doc_id, "type": "recommendation", **span(src, se),
               "trigger": span(src, loc(item.trigger, src, se)),
               "actor": span(src, loc(item.actor, src, se)),
               "action": span(src, loc(item.action, src, se)),
               "holder": item.holder, "strength": item.strength, "polarity": item.polarity}
        recs.append(_extra(rec, item))
    return recs


def _numbered(doc_id: str, typ: str, group: list[dict]) -> list[dict]:
    """The group sorted by offsets, ids numbered in that order; a span given twice is an error."""
    group.sort(key=lambda r: (r["start"], r["end"]))
    seen = set()
    for i, r in enumerate(group):
        if (r["start"], r["end"]) in seen:
            raise SpecError(f"duplicate {typ} span {r['text']!r}")
        seen.add((r["start"], r["end"]))
        r["id"] = f"{doc_id}:{typ}:{i}"
    return group


def _ctx_span(at, src):
    """The context range of a statistic's locator (for W measures and cues)."""
    if isinstance(at, str):
        at = L(at)
    if isinstance(at, L):
        hits = [m.start() for m in re.finditer(re.escape(at.ctx), src)]
        c0 = hits[0 if at.n is None else at.n]
        return c0, c0 + len(at.ctx)
    raise SpecError(f"a statistic is located by L or a string, not {at!r}")


def _value(v):
    if isinstance(v, tuple):
        return {"low": v[0], "high": v[1]}
    return v


def statistics(spec, src, doc_id, entities, dates, quotes):
    canon = {e["canonical"] for e in entities}
    out = []
    for item in spec.STATISTICS:
        se = loc(item.at, src)
        ctx = _ctx_span(item.at, src)
        quote = next((q for q in quotes if q["kind"] != "scare" and q["start"] <= se[0] and se[1] <= q["end"]), None)
        source = item.source
        if source is None:
            source = "; ".join(quote["speakers"]) if quote and quote["speakers"] else ("author" if quote is None else None)
        for name in (item.subject or "").split("; "):
            if name and name not in canon:
                raise SpecError(f"subject {name!r} of {src[se[0]:se[1]]!r} is no canonical entity name")
        rec = {"doc_id": doc_id, "type": "statistic", **span(src, se), "value": _value(item.value),
               "unit": item.unit, "measure": span(src, loc(item.measure, src, ctx)),
               "subject": item.subject, "time": _statistic_time(item, src, se, ctx, dates), "source": source,
               "approx": item.approx, "comparison": _comparison(item, src, ctx), "quote": quote}
        out.append(_extra(rec, item))
    return out


def _statistic_time(item, src, se, ctx, dates):
    """The date record a statistic's ``time`` locates (None when it names none)."""
    if item.time is None:
        return None
    ts = loc(item.time, src, ctx)
    time = next((d for d in dates if (d["start"], d["end"]) == ts), None)
    if time is None:
        raise SpecError(f"time {src[ts[0]:ts[1]]!r} of {src[se[0]:se[1]]!r} is no date record")
    return time


def _comparison(item, src, ctx):
    if item.comparison is None:
        return None
    c = item.comparison
    return {"direction": c.direction,
            "with": loc(c.with_, src, ctx) if c.with_ is not None else None,
            "cue": span(src, loc(c.cue, src, ctx))}


def _link_statistics(stats):
    """Record references -> ids, once every group is numbered."""
    by_span = {(r["start"], r["end"]): r for r in stats}
    for r in stats:
        r["time"] = r["time"]["id"] if r["time"] else None
        r["quote"] = r["quote"]["id"] if r["quote"] else None
        c = r["comparison"]
        if c and c["with"] is not None:
            other = by_span.get(tuple(c["with"]))
            if other is None:
                raise SpecError(f"comparison of {r['text']!r}: no statistic at {c['with']}")
            c["with"] = other["id"]


def listing(records, src):
    def ctx(r, w=40):
        a, b = r["start"], r["end"]
        return (src[max(0, a - w):a] + "[" + src[a:b] + "]" + src[b:b + w]).replace("\n", "⏎")

    for r in records:
        if r["type"] == "document":
            continue
        extra = {k: v for k, v in r.items() if k not in ("doc_id", "type", "id", "start", "end", "text")}
        for k in ("speaker_spans", "cue", "trigger", "actor", "action", "measure"):
            if k in extra:
                v = extra[k]
                extra[k] = [s["text"] for s in v] if isinstance(v, list) else (v["text"] if v else None)
        print(f"{r['id']:<30} {ctx(r)}\n{'':30} {json.dumps(extra, ensure_ascii=False)}")
    canon = {}
    for r in records:
        if r["type"] == "entity":
            canon.setdefault((r["canonical"], r["label"]), []).append(r["text"].replace("\n", "⏎"))
    print("\ncanonical table:")
    for (c, lab), forms in sorted(canon.items()):
        print(f"  {lab:<7} {c:<58} {len(forms):>3}  {sorted(set(forms))}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("doc_id")
    ap.add_argument("--list", action="store_true", help="print every item in context")
    args = ap.parse_args(argv)
    try:
        records, src = build(args.doc_id)
    except SpecError as exc:
        print(f"spec error: {exc}", file=sys.stderr)
        return 1
    target = GOLD / f"{args.doc_id}.jsonl"
    with open(target, "w", encoding="utf-8", newline="\n") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.list:
        listing(records, src)
    counts = {}
    for r in records:
        key = r["type"] + (" (optional)" if r.get("optional") else "")
        counts[key] = counts.get(key, 0) + 1
    print(f"wrote {target.relative_to(ROOT)}: {counts}")
    try:
        from claimex.validate import validate_file
    except ImportError:
        print("claimex is not installed (make install); skipped the check")
        return 0
    rep = validate_file(target)
    print(f"validate: ok={rep.ok} records={rep.records} grounded={rep.grounded}")
    for p in rep.problems:
        print("  " + p)
    return 0 if rep.ok and rep.grounded == rep.records - 1 else 1


if __name__ == "__main__":
    sys.exit(main())
