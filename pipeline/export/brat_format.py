"""brat standoff: ``<doc_id>.ann`` + ``<doc_id>.txt`` per document.

The ``.txt`` is the source text, byte for byte as claimex read it; the
``.ann`` holds (read back by :func:`claimex.formats.read_brat`):

* entities: ``T<n> LABEL start end`` (OntoNotes label), the canonical name as
  ``AnnotatorNotes`` when it differs from the text;
* quotes: a ``Content`` span with ``Source`` and ``Cue`` spans tied to it by
  ``Source``/``Cue`` relations, the kind as the attribute ``Kind``, the
  speakers' canonical names as the note ``speakers: A; B``;
* dates: ``TIMEX3`` spans with the attributes ``Type``, ``Value``, ``Mod``
  and an ``Anchor`` relation to the date they were resolved from (or the
  attribute ``Anchor dct``);
* recommendations: ``Recommendation`` spans with ``Trigger``, ``Actor`` and
  ``Action`` spans tied by relations of those names, the attributes
  ``Strength`` and ``Polarity`` and the holder as the note ``holder: X``.

A span that crosses a line break is written as fragments (brat's
``start end;start end``), which brat and the reader join again.
"""

from __future__ import annotations

from pathlib import Path

from ..records import atomic_file

ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")


class _Ann:
    def __init__(self, text: str):
        self.text = text
        self.lines: list[str] = []
        self.n = {"T": 0, "R": 0, "A": 0, "#": 0}
        self.ids: dict[tuple, str] = {}

    def _next(self, prefix: str) -> str:
        self.n[prefix] += 1
        return f"{prefix}{self.n[prefix]}"

    def span(self, type_: str, start: int, end: int) -> str:
        key = (type_, start, end)
        if key not in self.ids:
            tid = self._next("T")
            frags = _fragments(self.text, start, end)
            offsets = ";".join(f"{a} {b}" for a, b in frags)
            shown = " ".join(self.text[a:b] for a, b in frags)
            self.lines.append(f"{tid}\t{type_} {offsets}\t{shown}")
            self.ids[key] = tid
        return self.ids[key]

    def relation(self, name: str, a: str, b: str) -> None:
        self.lines.append(f"{self._next('R')}\t{name} Arg1:{a} Arg2:{b}")

    def attribute(self, name: str, target: str, value: str) -> None:
        self.lines.append(f"{self._next('A')}\t{name} {target} {value}")

    def note(self, target: str, note: str) -> None:
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{' '.join(note.split())}")


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks (brat draws one line per fragment); never empty."""
    out, a = [], start
    for i in range(start, end):
        if text[i] in "\r\n":
            if i > a:
                out.append((a, i))
            a = i + 1
    if end > a:
        out.append((a, end))
    return out or [(start, end)]


def ann_text(records: list[dict], text: str) -> str:
    ann = _Ann(text)
    dates = {}
    for r in records:
        t = r["type"]
        if t == "entity":
            tid = ann.span(r["label"], r["start"], r["end"])
            if " ".join(r["canonical"].split()) != " ".join(r["text"].split()):
                ann.note(tid, r["canonical"])
        elif t == "date":
            tid = ann.span("TIMEX3", r["start"], r["end"])
            dates[r["id"]] = tid
            ann.attribute("Type", tid, r["timex_type"])
            ann.attribute("Value", tid, r["value"])
            if r.get("mod"):
                ann.attribute("Mod", tid, r["mod"])
        elif t == "quote":
            _quote(ann, r)
        elif t == "recommendation":
            _recommendation(ann, r)
    for r in records:  # anchors, once every date has its id
        if r["type"] == "date" and r.get("anchor"):
            if r["anchor"] == "dct":
                ann.attribute("Anchor", dates[r["id"]], "dct")
            elif r["anchor"] in dates:
                ann.relation("Anchor", dates[r["id"]], dates[r["anchor"]])
    return "".join(line + "\n" for line in ann.lines)


def _quote(ann: _Ann, r: dict) -> None:
    tid = ann.span("Content", r["start"], r["end"])
    ann.attribute("Kind", tid, r["kind"])
    for s in r.get("speaker_spans") or []:
        ann.relation("Source", tid, ann.span("Source", s["start"], s["end"]))
    if r.get("cue"):
        ann.relation("Cue", tid, ann.span("Cue", r["cue"]["start"], r["cue"]["end"]))
    ann.note(tid, "speakers: " + "; ".join(r.get("speakers") or []))


def _recommendation(ann: _Ann, r: dict) -> None:
    tid = ann.span("Recommendation", r["start"], r["end"])
    for part in ("trigger", "actor", "action"):
        s = r.get(part)
        if s is not None:
            ann.relation(part.capitalize(), tid, ann.span(part.capitalize(), s["start"], s["end"]))
    ann.attribute("Strength", tid, r["strength"])
    ann.attribute("Polarity", tid, r["polarity"])
    ann.note(tid, f"holder: {r['holder']}")


ANNOTATION_CONF = """[entities]
{entities}
TIMEX3
Content
Source
Cue
Recommendation
Trigger
Actor
Action

[relations]
Source\tArg1:Content, Arg2:<ENTITY>
Cue\tArg1:Content, Arg2:Cue
Anchor\tArg1:TIMEX3, Arg2:TIMEX3
Trigger\tArg1:Recommendation, Arg2:Trigger
Actor\tArg1:Recommendation, Arg2:Actor
Action\tArg1:Recommendation, Arg2:Action
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind\tArg:Content, Value:direct|partial|scare|indirect
Type\tArg:TIMEX3, Value:DATE|TIME|DURATION|SET
Value\tArg:TIMEX3, Value:<ANY>
Mod\tArg:TIMEX3, Value:<ANY>
Anchor\tArg:TIMEX3, Value:dct
Strength\tArg:Recommendation, Value:strong|moderate|weak
Polarity\tArg:Recommendation, Value:do|dont
"""

VISUAL_CONF = """[labels]
TIMEX3 | Date
Content | Quote

[drawing]
TIMEX3\tbgColor:#b3e5fc
Content\tbgColor:#ffe0b2
Source\tbgColor:#c8e6c9
Cue\tbgColor:#fff59d
Recommendation\tbgColor:#f8bbd0
Trigger\tbgColor:#fff59d
"""


def write_brat(docs, out_dir: Path, *, dry_run: bool = False, warnings=None) -> list[Path]:
    paths = [out_dir / n for d in docs for n in (f"{d.doc_id}.ann", f"{d.doc_id}.txt")]
    paths += [out_dir / "annotation.conf", out_dir / "visual.conf"]
    if dry_run:
        return paths
    for d in docs:
        with atomic_file(out_dir / f"{d.doc_id}.txt", newline="") as f:
            f.write(d.text)
        with atomic_file(out_dir / f"{d.doc_id}.ann") as f:
            f.write(ann_text(d.records[1:], d.text))
    with atomic_file(out_dir / "annotation.conf") as f:
        f.write(ANNOTATION_CONF.format(entities="\n".join(ENTITY_LABELS)))
    with atomic_file(out_dir / "visual.conf") as f:
        f.write(VISUAL_CONF)
    return paths
