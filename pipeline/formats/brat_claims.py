"""Date and recommendation records from claimex's own brat export.

``claimex export --format brat`` (:mod:`claimex.export.brat_format`) writes
dates as ``TIMEX3`` spans with ``Type``/``Value``/``Mod`` attributes and
``Anchor`` relations, and recommendations as ``Recommendation`` spans with
``Trigger``/``Actor``/``Action`` relations, ``Strength``/``Polarity``
attributes and a ``holder: X`` note; :func:`claim_records` reads them back.
"""

from __future__ import annotations

from ..errors import EvalErrors, GoldFormatError
from ..records import Line


def _span(tb, text: str) -> dict:
    return {"start": tb.start, "end": tb.end, "text": text[tb.start : tb.end]}


RELATIONS = ("ANCHOR", "TRIGGER", "ACTOR", "ACTION")


class _Extras:
    """The attributes and relations of the export: ``attrs[target][name]``, ``links[(RELATION, arg1)]``."""

    def __init__(self, ann_text: str, bounds: dict):
        self.attrs: dict[str, dict[str, str]] = {}
        self.links: dict[tuple[str, str], str] = {}
        for raw in ann_text.splitlines():  # lines already checked by the brat reader
            parts = raw.rstrip("\r").split("\t")
            fields = parts[1].split() if len(parts) > 1 else []
            if raw.startswith("A") and len(fields) == 3 and fields[1] in bounds:
                self.attrs.setdefault(fields[1], {})[fields[0].lower()] = fields[2]
            elif raw.startswith("R") and len(fields) == 3 and fields[0].upper() in RELATIONS:
                a, b = (f.split(":", 1)[1] for f in fields[1:])
                if a in bounds and b in bounds:
                    self.links[(fields[0].upper(), a)] = b


def claim_records(path: str, doc_id: str, text: str, bounds: dict, ann_text: str) -> list[Line]:
    extras = _Extras(ann_text, bounds)
    out: list[Line] = []
    order = lambda t: (t.start, t.end, t.line)  # noqa: E731
    dates = sorted((tb for tb in bounds.values() if tb.type_ == "TIMEX3"), key=order)
    ids = {tb.ann_id: f"{doc_id}:date:{i}" for i, tb in enumerate(dates, 1)}
    for tb in dates:
        a = extras.attrs.get(tb.ann_id, {})
        if not a.get("type") or not a.get("value"):
            raise GoldFormatError(EvalErrors.E064.format(path=path, line=tb.line, ann_id=tb.ann_id, reason="a TIMEX3 needs the attributes Type and Value"))
        anchor = "dct" if a.get("anchor") == "dct" else ids.get(extras.links.get(("ANCHOR", tb.ann_id), ""))
        rec = {"doc_id": doc_id, "type": "date", "id": ids[tb.ann_id], **_span(tb, text),
               "timex_type": a["type"].upper(), "value": a["value"], "mod": a.get("mod"), "anchor": anchor}  # fmt: skip
        out.append(Line(path, tb.line, rec))
    recs = sorted((tb for tb in bounds.values() if tb.type_ == "RECOMMENDATION"), key=order)
    for i, tb in enumerate(recs, 1):
        a = extras.attrs.get(tb.ann_id, {})
        part = {p: extras.links.get((p.upper(), tb.ann_id)) for p in ("trigger", "actor", "action")}
        if part["trigger"] is None:
            raise GoldFormatError(EvalErrors.E064.format(path=path, line=tb.line, ann_id=tb.ann_id, reason="a Recommendation needs a Trigger relation"))
        holder = tb.canonical[len("holder:") :].strip() if tb.note and (tb.canonical or "").startswith("holder:") else "author"
        rec = {"doc_id": doc_id, "type": "recommendation", "id": f"{doc_id}:recommendation:{i}", **_span(tb, text),
               **{p: (_span(bounds[k], text) if k else None) for p, k in part.items()},
               "holder": holder, "strength": a.get("strength", "moderate"), "polarity": a.get("polarity", "do")}  # fmt: skip
        out.append(Line(path, tb.line, rec))
    return out
