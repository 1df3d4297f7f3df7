"""brat standoff (``.ann`` + ``.txt``) gold: entities and attributed quotes.

Accepted lines (fields separated by TABs, as brat writes them):

* ``T1<TAB>TYPE START END[;START END...]<TAB>TEXT``: a text-bound annotation.
  A discontinuous one is read as one span, min start..max end. TEXT must be
  the text at those offsets (fragments joined by a space; whitespace compared
  collapsed).
  TYPE, upper-cased, is an entity type mapped to its OntoNotes label (see
  ``ENTITY_TYPES``), one of ``SOURCE``, ``CUE``, ``CONTENT`` (attribution), or
  an OntoNotes value type (DATE, CARDINAL, ...), which is skipped.
* ``R1<TAB>Source Arg1:T5 Arg2:T3`` and ``R2<TAB>Cue Arg1:T5 Arg2:T4``: the
  Content T5 is attributed to T3 (any text-bound annotation: a Source or an
  entity) and introduced by the cue T4. Either argument may be the Content.
  A Content may have several sources and at most one cue. Other relation
  types are ignored.
* ``A1<TAB>Kind T5 direct``: the quote kind of a Content (direct, partial,
  scare, indirect; default direct). Other attributes are ignored.
* ``#1<TAB>AnnotatorNotes T1<TAB>Harbour Board``: the canonical name of an
  entity or source; else a normalisation ``N1<TAB>Reference T1 db:id<TAB>name``
  gives it; else the annotated text.
* ``E``, ``M`` and ``*`` lines (events, old-style modifiers, equivalences)
  are ignored.
* What ``claimex export --format brat`` adds (see
  :mod:`claimex.export.brat_format`): ``TIMEX3`` spans with the attributes
  ``Type``, ``Value``, ``Mod`` (and ``Anchor`` relations) become date records;
  ``Recommendation`` spans with ``Trigger``/``Actor``/``Action`` relations,
  ``Strength``/``Polarity`` attributes and a ``holder: X`` note become
  recommendation records; a ``speakers: A; B`` note on a Content gives its
  speakers. A file with such spans annotates those types too.

Each Content becomes a quote record (span = the Content, speakers = the
canonical names of its sources, speaker_spans, cue); each entity a record
with its label and canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalErrors, GoldFormatError
from ..ingest import decode_utf8, doc_id_for, read_bytes, read_source
from ..records import Line
from .gold import GoldFile, document_record

TYPES = ("entity", "quote")
ENTITY_TYPES = {
    "PERSON": "PERSON", "PER": "PERSON",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "GPE": "GPE",
    "LOC": "LOC", "LOCATION": "LOC",
    "NORP": "NORP", "NATIONALITY": "NORP",
    "FAC": "FAC", "FACILITY": "FAC",
    "PRODUCT": "PRODUCT", "EVENT": "EVENT", "WORK_OF_ART": "WORK_OF_ART",
    "LAW": "LAW", "LANGUAGE": "LANGUAGE",
}  # fmt: skip
# OntoNotes types that are values, not entities, in the claimex contract
SKIPPED_TYPES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
ATTRIBUTION_TYPES = frozenset({"SOURCE", "CUE", "CONTENT"})
CLAIM_TYPES = frozenset({"TIMEX3", "RECOMMENDATION", "TRIGGER", "ACTOR", "ACTION"})  # claimex's own export (formats/brat_claims.py)
QUOTE_KINDS = ("direct", "partial", "scare", "indirect")
_SPAN = re.compile(r"([0-9]{1,15}) ([0-9]{1,15})")  # ASCII digits; more than 15 is no offset


@dataclass
class _TextBound:
    ann_id: str
    type_: str  # upper-cased
    start: int
    end: int
    line: int
    canonical: str | None = None
    note: bool = False  # canonical came from an AnnotatorNotes line


@dataclass
class _Content:
    sources: list[str] = field(default_factory=list)
    cue: tuple[str, str] | None = None  # (annotation id, relation id)
    kind: str = "direct"


def read_brat(path: str | Path) -> GoldFile:
    """Entity and quote gold from ``path`` (.ann) and the .txt next to it."""
    ann = Path(path)
    path_s = str(path)
    if ann.suffix == ".txt":
        ann = ann.with_suffix(".ann")
        path_s = str(ann)
    txt = ann.with_suffix(".txt")
    ann_text = decode_utf8(read_bytes(path_s), path_s)
    if not txt.is_file():
        raise GoldFormatError(EvalErrors.E063.format(path=path_s, txt=txt))
    text = read_source(txt)
    doc_id = doc_id_for(path_s)
    bounds, contents = _parse(path_s, str(txt), ann_text, text)
    lines = _records(path_s, doc_id, text, bounds, contents)
    types = TYPES + tuple(t for t, k in (("date", "TIMEX3"), ("recommendation", "RECOMMENDATION")) if any(tb.type_ == k for tb in bounds.values()))
    if len(types) > len(TYPES):
        from .brat_claims import claim_records

        lines = sorted(lines + claim_records(path_s, doc_id, text, bounds, ann_text), key=lambda ln: ("entity", "date", "quote", "recommendation").index(ln.record["type"]))
    doc = document_record(doc_id, source=str(txt), text=text, types=types, origin=f"{ann.name} (brat standoff)")
    return GoldFile(doc_id, path_s, text, types, (Line(path_s, 0, doc),) + tuple(lines))



def _parse(path: str, txt: str, ann_text: str, text: str):
    bounds: dict[str, _TextBound] = {}
    refs: list[tuple[int, str, str, list[str], str]] = []  # (line, kind, id, args, value)
    for lineno, raw in enumerate(ann_text.splitlines(), 1):
        if not raw.strip():
            continue
        line = raw.rstrip("\r")

        def malformed(reason: str, line: str = line, lineno: int = lineno) -> GoldFormatError:
            shown = line if len(line) <= 200 else line[:200] + "\u2026"
            return GoldFormatError(EvalErrors.E059.format(path=path, line=lineno, reason=reason[:200], text=shown))

        parts = line.split("\t")
        ann_id = parts[0]
        if not ann_id:
            raise malformed("no annotation id")
        prefix = ann_id[0]
        if prefix == "T":
            if len(parts) < 3:
                raise malformed("expected ID<TAB>TYPE START END<TAB>TEXT")
            tb = _text_bound(path, txt, lineno, ann_id, parts[1], "\t".join(parts[2:]), text, malformed)
            bounds[ann_id] = tb
        elif prefix in "RA#N":
            refs.append(_reference(prefix, parts, lineno, ann_id, malformed))
        elif prefix not in "EM*":
            raise malformed(f"unknown annotation id '{ann_id}' (expected T, R, A, #, N, E, M or *)")
    return bounds, _apply_references(path, bounds, refs)


# the fields of a reference line, by id prefix: (how many, the shape to expect)
_REFERENCE_SHAPES = {
    "R": ((3,), "expected ID<TAB>TYPE Arg1:ID Arg2:ID"),
    "A": ((2, 3), "expected ID<TAB>NAME TARGET [VALUE]"),
    "#": ((2,), "expected ID<TAB>AnnotatorNotes TARGET<TAB>NOTE"),
    "N": ((3,), "expected ID<TAB>Reference TARGET DB:ID<TAB>NAME"),
}


def _reference(prefix: str, parts: list[str], lineno: int, ann_id: str, malformed) -> tuple[int, str, str, list[str], str]:
    """A relation (R), attribute (A), note (#) or normalisation (N) line: (line, kind, id, fields, value)."""
    if len(parts) < 2 or not parts[1].strip():
        raise malformed("expected ID<TAB>TYPE ARGUMENTS")
    fields = parts[1].split()
    value = "\t".join(parts[2:]).strip() if len(parts) > 2 else ""
    counts, shape = _REFERENCE_SHAPES[prefix]
    if len(fields) not in counts or prefix == "R" and not all(":" in f for f in fields[1:]):
        raise malformed(shape)
    return lineno, prefix, ann_id, fields, value if prefix in "#N" else ""


def _apply_references(path: str, bounds: dict[str, _TextBound], refs: list) -> dict[str, _Content]:
    """The Content annotations with their sources, cue and kind; notes and
    normalisations set the canonical name of their text bound."""
    contents = {k: _Content() for k, tb in bounds.items() if tb.type_ == "CONTENT"}
    for lineno, kind, ann_id, fields, value in refs:
        if kind == "R":
            _relation(path, bounds, contents, lineno, ann_id, fields)
            continue
        target = fields[1]
        if target not in bounds:
            raise GoldFormatError(EvalErrors.E062.format(path=path, line=lineno, ann_id=ann_id, ref=target))
        if kind == "A":
            _kind_attribute(path, contents, lineno, ann_id, fields)
        elif kind == "#":
            if fields[0] == "AnnotatorNotes" and value:
                bounds[target].canonical, bounds[target].note = " ".join(value.split()), True
        elif value and not bounds[target].note:  # N: a normalisation's name
            bounds[target].canonical = " ".join(value.split())
    return contents


def _relation(path: str, bounds: dict, contents: dict, lineno: int, ann_id: str, fields: list[str]) -> None:
    """A Source or Cue relation between a Content and another text bound (other relations are ignored)."""
    name = fields[0].upper()
    if name not in ("SOURCE", "CUE"):
        return
    args = [f.split(":", 1)[1] for f in fields[1:]]
    for a in args:
        if a not in bounds:
            raise GoldFormatError(EvalErrors.E062.format(path=path, line=lineno, ann_id=ann_id, ref=a))
    if args[0] in contents:
        content, other = args
    elif args[1] in contents:
        other, content = args
    else:
        raise GoldFormatError(EvalErrors.E065.format(path=path, line=lineno, rel_id=ann_id, reason=f"neither {args[0]} nor {args[1]} is a Content annotation"))
    c = contents[content]
    if name == "SOURCE":
        if other not in c.sources:
            c.sources.append(other)
    elif c.cue is not None and c.cue[0] != other:
        first_cue, first_rel = c.cue
        raise GoldFormatError(EvalErrors.E065.format(path=path, line=lineno, rel_id=ann_id, reason=f"Content {content} already has the cue {first_cue} ({first_rel})"))
    else:
        c.cue = (other, ann_id)


def _kind_attribute(path: str, contents: dict, lineno: int, ann_id: str, fields: list[str]) -> None:
    """The Kind attribute of a Content (the quote kind); other attributes are ignored."""
    if fields[0].lower() != "kind":
        return
    target = fields[1]
    if target not in contents:
        raise GoldFormatError(EvalErrors.E064.format(path=path, line=lineno, ann_id=ann_id, reason=f"Kind is set on {target}, which is not a Content annotation"))
    kind_value = fields[2].lower() if len(fields) == 3 else ""
    if kind_value not in QUOTE_KINDS:
        raise GoldFormatError(EvalErrors.E064.format(path=path, line=lineno, ann_id=ann_id, reason=f"quote kind '{kind_value}' is not one of {', '.join(QUOTE_KINDS)}"))
    contents[target].kind = kind_value


def _text_bound(path, txt, lineno, ann_id, mid, field_text, text, malformed) -> _TextBound:
    type_, _, span_part = mid.partition(" ")
    if not type_ or not span_part:
        raise malformed("expected TYPE START END")
    fragments = []
    for frag in span_part.split(";"):
        m = _SPAN.fullmatch(frag.strip())
        if not m:
            raise malformed(f"bad offsets '{frag if len(frag) <= 40 else frag[:40] + chr(0x2026)}'")
        a, b = int(m.group(1)), int(m.group(2))
        if b <= a:
            raise malformed(f"empty or reversed span {a} {b}")
        if b > len(text):
            raise GoldFormatError(
                EvalErrors.E064.format(path=path, line=lineno, ann_id=ann_id, reason=f"offsets [{a}:{b}] outside {txt} (length {len(text)})")
            )
        fragments.append((a, b))
    start, end = min(a for a, _ in fragments), max(b for _, b in fragments)
    expected = " ".join(text[a:b] for a, b in sorted(fragments))
    if " ".join(expected.split()) != " ".join(field_text.split()):
        raise GoldFormatError(
            EvalErrors.E060.format(path=path, line=lineno, ann_id=ann_id, text=field_text, txt=txt, start=start, end=end, actual=expected)
        )
    utype = type_.upper()
    if utype not in ENTITY_TYPES and utype not in ATTRIBUTION_TYPES and utype not in SKIPPED_TYPES and utype not in CLAIM_TYPES:
        known = sorted(set(ENTITY_TYPES) | ATTRIBUTION_TYPES)
        raise GoldFormatError(EvalErrors.E061.format(path=path, line=lineno, ann_id=ann_id, type_=type_, expected=", ".join(known)))
    return _TextBound(ann_id, utype, start, end, lineno)


def _canonical(tb: _TextBound, text: str) -> str:
    return tb.canonical or " ".join(text[tb.start : tb.end].split())


def _span(tb: _TextBound, text: str) -> dict:
    return {"start": tb.start, "end": tb.end, "text": text[tb.start : tb.end]}


def _records(path: str, doc_id: str, text: str, bounds: dict[str, _TextBound], contents: dict[str, _Content]) -> list[Line]:
    out: list[Line] = []
    entities = sorted((tb for tb in bounds.values() if tb.type_ in ENTITY_TYPES), key=lambda t: (t.start, t.end, t.line))
    for i, tb in enumerate(entities, 1):
        rec = {
            "doc_id": doc_id, "type": "entity", "id": f"{doc_id}:entity:{i}",
            **_span(tb, text), "label": ENTITY_TYPES[tb.type_], "canonical": _canonical(tb, text),
        }  # fmt: skip
        out.append(Line(path, tb.line, rec))
    quoted = sorted(contents, key=lambda k: (bounds[k].start, bounds[k].end, bounds[k].line))
    for i, key in enumerate(quoted, 1):
        tb, c = bounds[key], contents[key]
        sources = sorted((bounds[s] for s in c.sources), key=lambda t: (t.start, t.end))
        speakers: list[str] = []
        for s in sources:
            name = _canonical(s, text)
            if name not in speakers:
                speakers.append(name)
        if tb.note and tb.canonical.startswith("speakers:"):  # claimex's export names them
            speakers = [n.strip() for n in tb.canonical[len("speakers:") :].split(";") if n.strip()]
        rec = {
            "doc_id": doc_id, "type": "quote", "id": f"{doc_id}:quote:{i}",
            **_span(tb, text), "kind": c.kind, "speakers": speakers,
            "speaker_spans": [_span(s, text) for s in sources],
            "cue": _span(bounds[c.cue[0]], text) if c.cue else None,
        }  # fmt: skip
        out.append(Line(path, tb.line, rec))
    return out
