"""A review session: one output file, its source, and its review log.

:class:`ReviewSession` loads the output (schema, grounding and the source's
sha256 are checked: a changed source is refused), opens or resumes the log,
and turns the reviewer's actions into logged events. Records coming from the
browser are rebuilt field by field (:func:`clean_record`): offsets are code
point offsets into the source, whitespace at the span edges is trimmed, every
``text`` is re-read from the source, and the result must pass the schema and
grounding checks before it is logged.
"""

from __future__ import annotations

import getpass
import os
import threading
from pathlib import Path

from ..errors import ClaimexError, Errors, RecordError
from ..records import SPAN_TYPES, grounding_errors, load_schema, schema_errors
from ..report.load import LoadedDoc, load_docs, paragraphs, sha256_file
from .log import ReviewLog, default_log_path, now

STATUSES = ("unreviewed", "accepted", "rejected", "edited", "added")
_STATUS_OF = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}


def default_reviewer() -> str:
    for var in ("CLAIMEX_REVIEWER", "USER", "LOGNAME"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no passwd entry
        return "reviewer"


def enums() -> dict[str, list]:
    """The closed vocabularies of the record contract, read from schema.json."""
    d = load_schema()["$defs"]
    return {
        "label": d["entity"]["properties"]["label"]["enum"],
        "timex_type": d["date"]["properties"]["timex_type"]["enum"],
        "mod": d["date"]["properties"]["mod"]["enum"],
        "kind": d["quote"]["properties"]["kind"]["enum"],
        "strength": d["recommendation"]["properties"]["strength"]["enum"],
        "polarity": d["recommendation"]["properties"]["polarity"]["enum"],
        "approx": d["statistic"]["properties"]["approx"]["enum"],
    }


# -- cleaning records that come from the browser ---------------------------


def _int(v, what: str) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        if isinstance(v, str) and v.strip().lstrip("-").isdigit():
            return int(v)
        raise ValueError(f"{what} must be an integer, got {v!r}")
    return v


def ground_span(span, source: str, what: str = "span") -> dict:
    """{start, end, text} with whitespace trimmed at both edges and text = source[start:end]."""
    if not isinstance(span, dict):
        raise ValueError(f"{what} must be an object with start and end")
    start, end = _int(span.get("start"), f"{what} start"), _int(span.get("end"), f"{what} end")
    if start < 0 or end > len(source) or end < start:
        raise ValueError(Errors.E080.format(start=start, end=end, length=len(source)))
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    if end <= start:
        raise ValueError(Errors.E081.format(start=span.get("start"), end=span.get("end")))
    return {"start": start, "end": end, "text": source[start:end]}


def _opt_span(v, source, what):
    return None if v in (None, "", {}) else ground_span(v, source, what)


def _str(v, default=None):
    if v is None:
        return default
    s = str(v).strip()
    return s if s else default


def _number(v, what: str):
    if isinstance(v, bool):
        raise ValueError(f"{what} must be a number")
    if isinstance(v, (int, float)):
        return v
    try:
        x = float(str(v).replace(",", "").strip())
    except ValueError:
        raise ValueError(f"{what} must be a number, got {v!r}") from None
    return int(x) if x.is_integer() else x


def _statistic_value(v):
    """A number, or "low-high" / {"low", "high"} for a range."""
    if isinstance(v, dict):
        return {"low": _number(v.get("low"), "value low"), "high": _number(v.get("high"), "value high")}
    if isinstance(v, str) and "-" in v.strip()[1:]:
        lo, hi = v.strip()[0] + v.strip()[1:].split("-", 1)[0], v.strip()[1:].split("-", 1)[1]
        return {"low": _number(lo, "value low"), "high": _number(hi, "value high")}
    return _number(v, "value")


def _statistic_fields(raw: dict, source: str, base: dict) -> dict:
    """The fields of a statistic from the browser; the links the editor does not
    show (time, quote, comparison) are kept from the record it edits."""
    return {
        "value": _statistic_value(raw.get("value")),
        "unit": _str(raw.get("unit")),
        "measure": _opt_span(raw.get("measure"), source, "measure"),
        "subject": _str(raw.get("subject")),
        "time": _str(raw.get("time", base.get("time"))),
        "source": _str(raw.get("source"), "author"),
        "approx": _str(raw.get("approx")),
        "comparison": raw.get("comparison", base.get("comparison")),
        "quote": _str(raw.get("quote", base.get("quote"))),
    }


def clean_record(raw: dict, *, doc_id: str, rid: str, source: str, base: dict | None = None) -> dict:
    """A contract record built from ``raw`` (browser input); raises RecordError E078 when it is not valid."""
    try:
        if not isinstance(raw, dict):
            raise ValueError("record must be a JSON object")
        type_ = raw.get("type") or (base or {}).get("type")
        if type_ not in SPAN_TYPES:
            raise ValueError(Errors.E086.format(value=type_, expected=", ".join(SPAN_TYPES)))
        rec = {"doc_id": doc_id, "type": type_, "id": rid, **ground_span(raw, source)}
        if type_ == "entity":
            rec["label"] = _str(raw.get("label"))
            rec["canonical"] = _str(raw.get("canonical"), rec["text"])
            title = _str(raw.get("title"))
            if title is not None or (base and "title" in base):
                rec["title"] = title
        elif type_ == "date":
            rec["timex_type"] = _str(raw.get("timex_type"))
            rec["value"] = _str(raw.get("value"))
            rec["mod"] = _str(raw.get("mod"))
            rec["anchor"] = _str(raw.get("anchor"))
        elif type_ == "quote":
            rec["kind"] = _str(raw.get("kind"))
            sp = raw.get("speakers") or []
            if isinstance(sp, str):
                sp = sp.split("\n")
            rec["speakers"] = [s for s in (_str(x) for x in sp) if s]
            rec["speaker_spans"] = [ground_span(s, source, "speaker span") for s in (raw.get("speaker_spans") or [])]
            rec["cue"] = _opt_span(raw.get("cue"), source, "cue")
        elif type_ == "recommendation":
            if raw.get("trigger") in (None, "", {}):
                raise ValueError("trigger is required: select the trigger words (e.g. 'should') in the document")
            rec["trigger"] = ground_span(raw.get("trigger"), source, "trigger")
            rec["actor"] = _opt_span(raw.get("actor"), source, "actor")
            rec["action"] = _opt_span(raw.get("action"), source, "action")
            rec["holder"] = _str(raw.get("holder"), "author")
            rec["strength"] = _str(raw.get("strength"))
            rec["polarity"] = _str(raw.get("polarity"))
        elif type_ == "statistic":
            rec.update(_statistic_fields(raw, source, base or {}))
        if raw.get("optional") is True:
            rec["optional"] = True
        note = _str(raw.get("note"))
        if note:
            rec["note"] = note
    except ValueError as exc:
        raise RecordError(Errors.E078.format(id=rid, reason=exc)) from None
    errs = schema_errors(rec) + grounding_errors(rec, source)
    if errs:
        raise RecordError(Errors.E078.format(id=rid, reason=errs[0]))
    return rec


# -- the session -------------------------------------------------------------


class ReviewSession:
    def __init__(
        self,
        output: str | Path,
        *,
        source: str | Path | None = None,
        log_path: str | Path | None = None,
        reviewer: str | None = None,
        readonly: bool = False,
    ):
        self.output = Path(output)
        docs = load_docs([self.output], source)
        if len(docs) != 1:
            raise RecordError(
                Errors.E071.format(path=self.output, count=len(docs), doc_ids=", ".join(d.doc_id for d in docs) or "none")
            )
        self.doc: LoadedDoc = docs[0]
        self.reviewer = reviewer or default_reviewer()
        self.output_sha256 = sha256_file(self.output)
        self.log_path = Path(log_path) if log_path else default_log_path(self.output)
        if self.log_path.resolve() == self.output.resolve():
            raise ClaimexError(Errors.E074.format(path=self.log_path, line=0, reason="the review log cannot be the output itself"))
        self.log = ReviewLog.open(
            self.log_path,
            {
                "output": str(self.output),
                "output_sha256": self.output_sha256,
                "doc_id": self.doc.doc_id,
                "source": self.doc.source_path,
                "source_sha256": self.doc.sha256,
                "reviewer": self.reviewer,
            },
            readonly=readonly,
        )
        self.originals: dict[str, dict] = {ln.record["id"]: ln.record for ln in self.doc.records}
        self._lock = threading.RLock()
        for rid, ev in self.log.replay.standing().items():
            if rid not in self.originals and ev["decision"] == "accept":
                self.log.close()
                raise RecordError(Errors.E074.format(path=self.log_path, line=f"seq {ev['seq']}", reason=f"decision on unknown record {rid!r}"))

    # -- state ---------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.doc.text

    def _added(self) -> dict[str, dict]:
        """Added records that stand: record_id -> current record."""
        out = {}
        standing = self.log.replay.standing()
        for rid, ev in standing.items():
            if rid in self.originals:
                continue
            if ev["decision"] in ("add", "edit"):
                out[rid] = ev["record"]
        return out

    def items(self) -> list[dict]:
        """Every record under review (pipeline and added), in text order, with its status."""
        with self._lock:
            standing = self.log.replay.standing()
            out = []
            for rid, rec in self.originals.items():
                ev = standing.get(rid)
                out.append(self._item(rid, rec, ev, "pipeline"))
            for rid, rec in self._added().items():
                out.append(self._item(rid, rec, standing.get(rid), "added"))
            order = {t: i for i, t in enumerate(SPAN_TYPES)}
            out.sort(key=lambda it: (it["current"]["start"], -it["current"]["end"], order[it["type"]], it["id"]))
            return out

    def _item(self, rid, original, ev, origin) -> dict:
        if ev is None:
            status, current = "unreviewed", original
        else:
            status = _STATUS_OF[ev["decision"]]
            if origin == "added" and ev["decision"] == "edit":
                status = "added"  # an added record stays 'added' when corrected
            current = ev["record"] if ev["decision"] in ("edit", "add") else original
        return {
            "id": rid,
            "type": original["type"],
            "origin": origin,
            "status": status,
            "original": original if origin == "pipeline" else None,
            "current": current,
            "seq": ev["seq"] if ev else None,
            "reviewer": ev.get("reviewer") if ev else None,
            "ts": ev.get("ts") if ev else None,
        }

    def progress(self, items: list[dict] | None = None) -> dict:
        items = self.items() if items is None else items
        per = {t: {"reviewed": 0, "total": 0} for t in SPAN_TYPES}
        for it in items:
            per[it["type"]]["total"] += 1
            if it["status"] != "unreviewed":
                per[it["type"]]["reviewed"] += 1
        by_status = {s: 0 for s in STATUSES}
        for it in items:
            by_status[it["status"]] += 1
        return {
            "reviewed": sum(p["reviewed"] for p in per.values()),
            "total": sum(p["total"] for p in per.values()),
            "per_type": per,
            "per_status": by_status,
        }

    def resume_id(self, items: list[dict] | None = None) -> str | None:
        """Where the reviewer stopped: the first unreviewed record after the last decided one."""
        items = self.items() if items is None else items
        if not items:
            return None
        last = self.log.replay.last_active()
        idx = 0
        if last is not None:
            ids = [it["id"] for it in items]
            if last["record_id"] in ids:
                idx = ids.index(last["record_id"])
        n = len(items)
        for k in range(n):
            it = items[(idx + k) % n]
            if it["status"] == "unreviewed":
                return it["id"]
        return items[idx]["id"]

    def snapshot(self) -> dict:
        items = self.items()
        return {"items": items, "progress": self.progress(items)}

    # -- actions -------------------------------------------------------------

    def _event(self, **kw) -> dict:
        return self.log.append({**kw, "reviewer": self.reviewer, "ts": now()})

    def decide(self, record_id: str, decision: str, record: dict | None = None) -> dict:
        with self._lock:
            if decision not in ("accept", "reject", "edit"):
                raise RecordError(Errors.E077.format(value=decision))
            added = self._added()
            if record_id in self.originals:
                base = self.originals[record_id]
            elif record_id in added:
                base = added[record_id]
            else:
                raise RecordError(Errors.E076.format(id=record_id))
            if decision == "accept":
                ev = self.log.replay.standing().get(record_id)
                if ev is not None and ev["decision"] in ("edit", "add"):
                    # accepting a corrected or added record keeps it as it stands
                    decision, record = "edit", ev["record"]
            clean = None
            if decision == "edit":
                if record is None:
                    raise RecordError(Errors.E078.format(id=record_id, reason="edit without a record"))
                clean = clean_record({**record, "type": base["type"]}, doc_id=self.doc.doc_id, rid=record_id, source=self.text, base=base)
            return self._event(event="decision", record_id=record_id, type=base["type"], decision=decision, record=clean)

    def add(self, record: dict) -> dict:
        with self._lock:
            rid = f"{self.doc.doc_id}:added:{self.log.replay.added_count() + 1}"
            while rid in self.originals:  # pragma: no cover - an output never uses this id form
                rid += "x"
            clean = clean_record(record, doc_id=self.doc.doc_id, rid=rid, source=self.text)
            return self._event(event="decision", record_id=rid, type=clean["type"], decision="add", record=clean)

    def undo(self) -> dict:
        with self._lock:
            last = self.log.replay.last_active()
            if last is None:
                raise RecordError(Errors.E079)
            return self._event(event="undo", undoes=last["seq"], record_id=last["record_id"])

    def close(self) -> None:
        self.log.close()

    # -- what the page needs once -------------------------------------------

    def page_data(self) -> dict:
        d = self.doc.document
        items = self.items()
        return {
            "doc": {
                "doc_id": self.doc.doc_id,
                "title": d.get("title"),
                "authors": d.get("authors"),
                "published": d.get("published"),
                "series": d.get("series"),
                "number": d.get("number"),
                "source": self.doc.source_path,
                "text": self.text,
                "paragraphs": paragraphs(self.text),
            },
            "output": str(self.output),
            "log": str(self.log_path),
            "reviewer": self.reviewer,
            "types": list(SPAN_TYPES),
            "statuses": list(STATUSES),
            "enums": enums(),
            "items": items,
            "progress": self.progress(items),
            "resume": self.resume_id(items),
            "warnings": list(self.log.warnings),
        }
