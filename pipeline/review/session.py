"""A review session: a set of outputs, their sources, and one reviewer's log.

:class:`ReviewSession` loads the outputs (files or folders: schema, grounding
and each source's sha256 are checked; a changed source is refused), opens or
resumes the log, and turns the reviewer's actions into logged events. Every
record of every document is one item of a single queue, in document order
then text order. Records coming from the browser are rebuilt field by field
(:func:`claimex.review.clean.clean_record`) and must pass the schema and
grounding checks before they are logged.

In adjudication mode (``adjudicate=(LOG_A, LOG_B)``) the items are the
records of both reviewers: where their final decisions agree, the agreed
decision stands; where they differ, the item waits for the adjudicator, who
takes one side's version (``take``), or decides anew. The adjudicator's log is
an ordinary log; the gold is exported from it as from any review.
"""

from __future__ import annotations

import getpass
import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import ClaimexError, Errors, RecordError
from ..records import SPAN_TYPES, is_review_log, load_schema
from ..report.display import type_table
from ..report.load import LoadedDoc, load_docs, paragraphs, sha256_file
from .clean import clean_record, ground_span  # noqa: F401 - re-exported
from .log import ReviewLog, default_log_path, legacy_log_path, now, read_log

STATUSES = ("unreviewed", "accepted", "rejected", "edited", "added")
_STATUS_OF = {"accept": "accepted", "reject": "rejected", "edit": "edited", "add": "added"}
SIDES = ("a", "b")


def default_reviewer() -> str:
    for var in ("CLAIMEX_REVIEWER", "USER", "LOGNAME"):
        if os.environ.get(var):
            return os.environ[var]
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no passwd entry
        return "reviewer"


def enums() -> dict[str, list]:
    """The closed vocabularies of the record contract, read from schema.json (field -> values)."""
    out: dict[str, list] = {}
    for t in SPAN_TYPES:
        for name, prop in load_schema()["$defs"].get(t, {}).get("properties", {}).items():
            if "enum" in prop:
                out.setdefault(name, prop["enum"])
    return out


def key_of(doc_id: str, rid: str) -> str:
    return f"{doc_id}|{rid}"


def comparable(rec: dict | None) -> dict | None:
    """A record as two reviewers' versions are compared: without its id and note."""
    if rec is None:
        return None
    return {k: v for k, v in rec.items() if k not in ("id", "note")}


def resolve_log_path(
    paths: list[Path], reviewer: str | None, *, adjudicate: bool = False, warnings: list[str] | None = None
) -> Path:
    """The default log of ``reviewer`` for these outputs; an old-style log of the same output is resumed.

    ``reviewer`` None (an export that names nobody): the log of the default
    reviewer, else the only reviewer's log there is.
    """
    kind = "adjudication" if adjudicate else "review"
    path = default_log_path(paths, reviewer or default_reviewer(), kind)
    if not path.exists() and reviewer is None:
        pattern = path.name.split("@", 1)[0] + f"@*.{kind}.jsonl"
        found = [p for p in path.parent.glob(pattern) if is_review_log(p)]
        if len(found) == 1:
            return found[0]
    if path.exists() or adjudicate or len(paths) != 1 or paths[0].is_dir():
        return path
    legacy = legacy_log_path(paths[0])  # the name logs had before document sets
    if legacy.is_file() and is_review_log(legacy):
        try:
            rep, _ = read_log(legacy)
        except ClaimexError:
            return path
        if rep.start.get("output_sha256") == sha256_file(paths[0]):
            if warnings is not None:
                warnings.append(f"{legacy}: resuming this log (its name is the old default; new logs are named like {path.name})")
            return legacy
    return path


def _as_paths(outputs) -> list[Path]:
    if isinstance(outputs, (str, Path)):
        return [Path(outputs)]
    return [Path(p) for p in outputs]


def _log_entries(docs: list[LoadedDoc]) -> list[dict]:
    """The start event's view of each document: its output and source, with their sha256."""
    shas: dict[str, str] = {}
    entries = []
    for d in docs:
        if d.path not in shas:
            shas[d.path] = sha256_file(d.path)
        entries.append({"doc_id": d.doc_id, "output": d.path, "output_sha256": shas[d.path], "source": d.source_path, "source_sha256": d.sha256})
    return entries


class ReviewSession:
    def __init__(
        self,
        outputs: str | Path | Iterable[str | Path],
        *,
        source: str | Path | None = None,
        log_path: str | Path | None = None,
        reviewer: str | None = None,
        readonly: bool = False,
        adjudicate: Sequence[str | Path] | None = None,
        export_dir: str | Path | None = None,
    ):
        self.paths = _as_paths(outputs)
        docs = load_docs(self.paths, source)
        if not docs:
            raise RecordError(Errors.E027.format(path=", ".join(map(str, self.paths))))
        self.docs: dict[str, LoadedDoc] = {d.doc_id: d for d in docs}
        self.doc: LoadedDoc = docs[0]  # the first (or only) document
        self.output = Path(self.doc.path)
        self.reviewer = reviewer or default_reviewer()
        self.mode = "adjudication" if adjudicate else "review"
        self.order = "document"  # or "confidence": the page's initial queue order
        self.table = type_table()
        self._lock = threading.RLock()
        entries = _log_entries(docs)
        self.output_sha256 = entries[0]["output_sha256"]
        self.warnings: list[str] = []
        self.sides: dict[str, dict] | None = None
        self.side_info: list[dict] = []
        self._open_log(log_path, entries, readonly, adjudicate)
        self.originals: dict[str, dict[str, dict]] = {d.doc_id: {ln.record["id"]: ln.record for ln in d.records} for d in docs}
        self.origin: dict[tuple[str, str], str] = {}
        self._added_as: dict[tuple[str, str], dict[str, dict]] = {}  # adjudication: item -> side -> the side's add event
        if self.sides is not None:
            self._side_additions()
        self.export_dir = Path(export_dir) if export_dir else Path("gold" if adjudicate else f"gold-{_safe(self.reviewer)}")
        self._check_decisions_known()

    # -- set-up --------------------------------------------------------------

    def _open_log(self, log_path, entries: list[dict], readonly: bool, adjudicate: Sequence[str | Path] | None) -> None:
        """Open (or create) the review log, after the logs to adjudicate are read and checked."""
        self.log_path = Path(log_path) if log_path else resolve_log_path(self.paths, self.reviewer, adjudicate=bool(adjudicate), warnings=self.warnings)
        outputs_ = {Path(d.path).resolve() for d in self.docs.values()}
        if self.log_path.resolve() in outputs_:
            raise ClaimexError(Errors.E074.format(path=self.log_path, line=0, reason="the review log cannot be an output under review"))
        if adjudicate:
            self._load_sides(adjudicate, entries)
        start = {"docs": entries, "reviewer": self.reviewer, "mode": self.mode}
        if adjudicate:
            start["logs"] = [str(p) for p in adjudicate]
        self.log = ReviewLog.open(self.log_path, start, readonly=readonly)
        self.log.warnings[:0] = self.warnings
        if adjudicate:
            self._check_adjudication_logs(adjudicate)

    def _check_decisions_known(self) -> None:
        """An accept decision in the log on a record the outputs do not have: the log is about other outputs."""
        for (doc_id, rid), ev in self.log.replay.standing().items():
            if doc_id in self.docs and rid not in self.originals[doc_id] and ev["decision"] == "accept":
                self.log.close()
                raise RecordError(Errors.E074.format(path=self.log_path, line=f"seq {ev['seq']}", reason=f"decision on unknown record {rid!r}"))

    def _load_sides(self, logs: Sequence[str | Path], entries: list[dict]) -> None:
        if len(logs) != 2:
            raise ClaimexError("--adjudicate takes two review logs")
        ours = {e["doc_id"]: e["output_sha256"] for e in entries}
        self.sides = {}
        for side, path in zip(SIDES, logs, strict=True):
            rep, torn = read_log(path)
            if torn is not None:
                self.warnings.append(f"{path}: ignored an incomplete last line")
            for doc_id, d in rep.docs.items():
                if doc_id in ours and d["output_sha256"] != ours[doc_id]:
                    raise RecordError(
                        Errors.E075.format(path=path, doc_id=doc_id, expected=d["output_sha256"][:12], output=d.get("output"), actual=ours[doc_id][:12])
                    )
            self.sides[side] = rep.standing()
            self.side_info.append({"side": side, "log": str(path), "reviewer": rep.start.get("reviewer"), "decided": len(rep.standing())})

    def _check_adjudication_logs(self, given) -> None:
        logged = self.log.replay.start.get("logs")
        if logged and [str(Path(p).resolve()) for p in logged] != [str(Path(p).resolve()) for p in given]:
            self.log.close()
            raise ClaimexError(Errors.E182.format(path=self.log_path, logged=", ".join(logged), given=", ".join(map(str, given))))

    def _side_additions(self) -> None:
        """Records the reviewers added become items: one per (type, span), both sides' versions kept."""
        for doc_id in self.docs:
            by_span: dict[tuple, str] = {}
            for side in SIDES:
                for (d, rid), ev in sorted(self.sides[side].items(), key=lambda kv: kv[1]["seq"]):
                    if d != doc_id or not self._is_addition(rid, ev):
                        continue
                    rec = ev["record"]
                    span = (rec["type"], rec["start"], rec["end"])
                    if span in by_span:
                        self.origin[(doc_id, by_span[span])] += "+" + side
                        self._added_as[(doc_id, by_span[span])][side] = ev
                        continue
                    new_id = f"{rid}/{side}"
                    by_span[span] = new_id
                    self.originals[doc_id][new_id] = {**rec, "id": new_id}
                    self.origin[(doc_id, new_id)] = f"added-{side}"
                    self._added_as.setdefault((doc_id, new_id), {})[side] = ev

    @staticmethod
    def _is_addition(rid: str, ev: dict) -> bool:
        return ev["decision"] == "add" or (ev["decision"] == "edit" and ":added:" in rid)

    # -- state ---------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.doc.text

    def _doc_of(self, record_id: str, doc_id: str | None) -> str:
        if doc_id is not None:
            if not isinstance(doc_id, str) or doc_id not in self.docs:
                raise RecordError(Errors.E176.format(doc_id=str(doc_id)[:80]))
            return doc_id
        found = [d for d in self.docs if record_id in self.originals[d] or (d, record_id) in self.log.replay.standing()]
        if len(found) > 1:
            raise RecordError(Errors.E174.format(id=record_id, doc_ids=", ".join(found)))
        if not found:
            raise RecordError(Errors.E076.format(id=record_id))
        return found[0]

    def _added(self, doc_id: str) -> dict[str, dict]:
        """Records this reviewer added to a document that stand: record_id -> current record."""
        out = {}
        for (d, rid), ev in self.log.replay.standing().items():
            if d == doc_id and rid not in self.originals[doc_id] and ev["decision"] in ("add", "edit"):
                out[rid] = ev["record"]
        return out

    def items(self, doc_id: str | None = None) -> list[dict]:
        """Every record under review (pipeline and added), document by document in text order, with its status."""
        with self._lock:
            standing = self.log.replay.standing()
            order = {t: i for i, t in enumerate(SPAN_TYPES)}
            out = []
            for d in [doc_id] if doc_id else self.docs:
                its = [self._item(d, rid, rec, standing.get((d, rid)), self.origin.get((d, rid), "pipeline")) for rid, rec in self.originals[d].items()]
                its += [self._item(d, rid, rec, standing.get((d, rid)), "added") for rid, rec in self._added(d).items()]
                its.sort(key=lambda it: (it["current"]["start"], -it["current"]["end"], order.get(it["type"], 99), it["id"]))
                out += its
            return out

    def item(self, doc_id: str, rid: str) -> dict | None:
        for it in self.items(doc_id):
            if it["id"] == rid:
                return it
        return None

    def _item(self, doc_id, rid, original, ev, origin) -> dict:
        agreed = None
        if self.sides is not None:
            sides = self._sides_of(doc_id, rid, original)
            agreed = self._agreed(sides, original)
            if ev is None and agreed is not None:
                ev = agreed
        if ev is None:
            status, current = "unreviewed", original
        else:
            status = _STATUS_OF[ev["decision"]]
            if origin == "added" and ev["decision"] == "edit":
                status = "added"  # an added record stays 'added' when corrected
            current = ev["record"] if ev["decision"] in ("edit", "add") else original
        it = {
            "key": key_of(doc_id, rid),
            "doc_id": doc_id,
            "id": rid,
            "type": current["type"],
            "origin": origin,
            "status": status,
            "original": original if origin != "added" else None,
            "current": current,
            "seq": ev.get("seq") if ev else None,
            "reviewer": ev.get("reviewer") if ev else None,
            "ts": ev.get("ts") if ev else None,
        }
        score = original.get("score")
        if isinstance(score, (int, float)) and not isinstance(score, bool):
            it["score"] = score
        if self.sides is not None:
            it["sides"] = sides
            it["agreed"] = agreed is not None
        return it

    def _sides_of(self, doc_id: str, rid: str, original: dict) -> dict:
        """Each reviewer's standing decision on an item: {decision, record} or None."""
        added = self._added_as.get((doc_id, rid))
        out = {}
        for side in SIDES:
            if added is not None:
                ev = added.get(side)
                out[side] = {"decision": "add", "record": {**ev["record"], "id": rid}} if ev else None
            else:
                ev = self.sides[side].get((doc_id, rid))
                out[side] = {"decision": ev["decision"], "record": ev.get("record")} if ev else None
        return out

    @staticmethod
    def _final(side: dict | None, original: dict) -> dict | None:
        if side is None or side["decision"] == "reject":
            return None
        return side["record"] if side["decision"] in ("edit", "add") else original

    def _agreed(self, sides: dict, original: dict) -> dict | None:
        """The decision both reviewers made (as a pseudo-event), or None when they differ or one did not decide."""
        a, b = sides["a"], sides["b"]
        if a is None or b is None:
            return None
        fa, fb = self._final(a, original), self._final(b, original)
        if fa is None and fb is None:
            return {"decision": "reject", "record": None, "reviewer": "agreed"}
        if fa is None or fb is None or comparable({**fa, "id": ""}) != comparable({**fb, "id": ""}):
            return None
        if a["decision"] == "add":
            return {"decision": "accept", "record": None, "reviewer": "agreed"}
        if comparable({**fa, "id": ""}) == comparable({**original, "id": ""}):
            return {"decision": "accept", "record": None, "reviewer": "agreed"}
        return {"decision": "edit", "record": {**fa, "id": original["id"]}, "reviewer": "agreed"}

    def progress(self, items: list[dict] | None = None) -> dict:
        items = self.items() if items is None else items
        per = {t: {"reviewed": 0, "total": 0} for t in SPAN_TYPES}
        per_doc = {d: {"reviewed": 0, "total": 0} for d in self.docs}
        by_status = {s: 0 for s in STATUSES}
        for it in items:
            done = it["status"] != "unreviewed"
            for bucket in (per.setdefault(it["type"], {"reviewed": 0, "total": 0}), per_doc[it["doc_id"]]):
                bucket["total"] += 1
                bucket["reviewed"] += done
            by_status[it["status"]] += 1
        return {
            "reviewed": sum(p["reviewed"] for p in per_doc.values()),
            "total": sum(p["total"] for p in per_doc.values()),
            "per_type": per,
            "per_doc": per_doc,
            "per_status": by_status,
        }

    def resume_id(self, items: list[dict] | None = None) -> str | None:
        """Where the reviewer stopped: the first unreviewed record after the last decided one (its id)."""
        key = self.resume_key(items)
        return key.split("|", 1)[1] if key else None

    def resume_key(self, items: list[dict] | None = None) -> str | None:
        items = self.items() if items is None else items
        if not items:
            return None
        last = self.log.replay.last_active()
        keys = [it["key"] for it in items]
        idx = 0
        if last is not None and key_of(last["doc_id"], last["record_id"]) in keys:
            idx = keys.index(key_of(last["doc_id"], last["record_id"]))
        n = len(items)
        for k in range(n):
            it = items[(idx + k) % n]
            if it["status"] == "unreviewed":
                return it["key"]
        return items[idx]["key"]

    def snapshot(self) -> dict:
        items = self.items()
        return {"items": items, "progress": self.progress(items)}

    # -- actions -------------------------------------------------------------

    def _event(self, **kw) -> dict:
        return self.log.append({**kw, "reviewer": self.reviewer, "ts": now()})

    def _base(self, doc_id: str, record_id: str) -> dict:
        if record_id in self.originals[doc_id]:
            return self.originals[doc_id][record_id]
        added = self._added(doc_id)
        if record_id in added:
            return added[record_id]
        raise RecordError(Errors.E076.format(id=record_id))

    def decide(self, record_id: str, decision: str, record: dict | None = None, *, doc_id: str | None = None, side: str | None = None) -> dict:
        with self._lock:
            if not isinstance(record_id, str):
                raise RecordError(Errors.E173.format(field="id", expected="a string", got=type(record_id).__name__))
            if decision not in ("accept", "reject", "edit", "take"):
                raise RecordError(Errors.E077.format(value=str(decision)[:40]))
            doc_id = self._doc_of(record_id, doc_id)
            base = self._base(doc_id, record_id)
            if decision == "take":
                decision, record = self._take(doc_id, record_id, base, side)
            if decision == "accept":
                ev = self.log.replay.standing().get((doc_id, record_id))
                if ev is not None and ev["decision"] in ("edit", "add"):
                    # accepting a corrected or added record keeps it as it stands
                    decision, record = "edit", ev["record"]
            clean = None
            if decision == "edit":
                if record is None:
                    raise RecordError(Errors.E078.format(id=record_id, reason="edit without a record"))
                if not isinstance(record, dict):
                    raise RecordError(Errors.E078.format(id=record_id, reason=Errors.E173.format(field="record", expected="a JSON object", got=type(record).__name__)))
                raw = {**record, "type": record.get("type") or base["type"]}  # the type may change
                clean = clean_record(raw, doc_id=doc_id, rid=record_id, source=self.docs[doc_id].text, base=base, table=self.table)
            return self._event(event="decision", doc_id=doc_id, record_id=record_id, type=base["type"], decision=decision, record=clean)

    def _take(self, doc_id: str, record_id: str, base: dict, side) -> tuple[str, dict | None]:
        """Adjudication: the decision that makes this item what reviewer ``side`` made it."""
        if self.sides is None:
            raise RecordError(Errors.E180)
        if side not in SIDES:
            raise RecordError(Errors.E173.format(field="side", expected="'a' or 'b'", got=repr(side)[:20]))
        got = self._sides_of(doc_id, record_id, base)[side]
        if got is None:
            if (doc_id, record_id) in self._added_as:
                return "reject", None  # that reviewer did not add it
            raise RecordError(Errors.E179.format(side=side.upper(), id=record_id))
        final = self._final(got, base)
        if final is None:
            return "reject", None
        if comparable({**final, "id": ""}) == comparable({**base, "id": ""}):
            return "accept", None
        return "edit", final

    def add(self, record: dict, *, doc_id: str | None = None) -> dict:
        with self._lock:
            if doc_id is None:
                if len(self.docs) > 1:
                    raise RecordError(Errors.E175)
                doc_id = self.doc.doc_id
            elif not isinstance(doc_id, str) or doc_id not in self.docs:
                raise RecordError(Errors.E176.format(doc_id=str(doc_id)[:80]))
            rid = f"{doc_id}:added:{self.log.replay.added_count(doc_id) + 1}"
            while rid in self.originals[doc_id]:  # pragma: no cover - an output never uses this id form
                rid += "x"
            clean = clean_record(record, doc_id=doc_id, rid=rid, source=self.docs[doc_id].text, table=self.table)
            return self._event(event="decision", doc_id=doc_id, record_id=rid, type=clean["type"], decision="add", record=clean)

    def undo(self) -> dict:
        with self._lock:
            last = self.log.replay.last_active()
            if last is None:
                raise RecordError(Errors.E079)
            return self._event(event="undo", undoes=last["seq"], doc_id=last["doc_id"], record_id=last["record_id"])

    def close(self) -> None:
        self.log.close()

    # -- what the page needs ---------------------------------------------------

    def doc_meta(self, d: LoadedDoc) -> dict:
        m = d.document
        return {
            "doc_id": d.doc_id,
            "title": m.get("title"),
            "authors": m.get("authors"),
            "published": m.get("published"),
            "series": m.get("series"),
            "number": m.get("number"),
            "source": d.source_path,
            "output": d.path,
        }

    def doc_data(self, doc_id) -> dict:
        """One document's text and paragraphs (the page asks for each when it first shows it)."""
        if not isinstance(doc_id, str) or doc_id not in self.docs:
            raise RecordError(Errors.E176.format(doc_id=str(doc_id)[:80]))
        d = self.docs[doc_id]
        return {**self.doc_meta(d), "text": d.text, "paragraphs": paragraphs(d.text)}

    def page_data(self) -> dict:
        items = self.items()
        out = {
            "mode": self.mode,
            "order": self.order,
            "docs": [self.doc_meta(d) for d in self.docs.values()],
            "doc": self.doc_data(self.doc.doc_id),  # the first document, so a one-document review needs no second request
            "output": str(self.output),
            "log": str(self.log_path),
            "reviewer": self.reviewer,
            "types": list(SPAN_TYPES),
            "table": self.table,
            "statuses": list(STATUSES),
            "enums": enums(),
            "items": items,
            "progress": self.progress(items),
            "resume": self.resume_key(items),
            "warnings": list(self.log.warnings),
            "export_dir": str(self.export_dir),
        }
        if self.sides is not None:
            from .agreement import agreement

            out["sides"] = self.side_info
            out["agreement"] = agreement(*[s["log"] for s in self.side_info])
        return out


def _safe(name: str) -> str:
    from .log import safe_name

    return safe_name(name)
