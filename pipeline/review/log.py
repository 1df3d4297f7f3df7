"""The review log: an append-only JSONL file of review events.

One JSON object per line (see docs/review.md for the format):

* ``start`` (first line, once): the documents the log is about (``docs``: per
  document its doc_id, output path and sha256, source path and sha256), the
  reviewer who started it, the ``mode`` (``review``, or ``adjudication`` with
  the two reviewers' ``logs``). A version 1 log (one document, its fields at
  the top level) is read as a set of one;
* ``docs``: ``seq``, ``docs``: documents added to the set later (a folder
  that grew);
* ``decision``: ``seq``, ``doc_id``, ``record_id``, ``type``, ``decision``
  (accept | reject | edit | add), ``record`` (the edited or added record,
  else null), ``reviewer``, ``ts`` (UTC, ISO 8601);
* ``undo``: ``seq``, ``undoes`` (the seq of the decision it takes back),
  ``doc_id``, ``record_id``, ``reviewer``, ``ts``.

Every event is written, flushed and fsynced before :meth:`ReviewLog.append`
returns, so an acknowledged decision survives a SIGKILL or a power cut. A
torn last line (a write cut short before it was acknowledged) is dropped when
the log is opened again. Replaying the events gives the state: per record,
its last decision that has not been undone.

Log names (:func:`default_log_path`) hold an ``@``, which no doc_id (hence no
output of `claimex run`) can: ``outputs/x@alice.review.jsonl`` for one
output, ``outputs/all@alice.review.jsonl`` for a folder. An input named
``x.review.md`` therefore never overwrites a log, and files are told apart
by content anyway (:func:`claimex.records.is_review_log`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import Errors, RecordError

LOG_VERSION = 2
DECISIONS = ("accept", "reject", "edit", "add")
DOC_FIELDS = ("doc_id", "output", "output_sha256", "source", "source_sha256")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def legacy_log_path(output: str | Path) -> Path:
    """The version 1 default: ``outputs/x.jsonl`` -> ``outputs/x.review.jsonl`` (read, never created)."""
    p = Path(output)
    stem = p.name.removesuffix(".jsonl")
    return p.with_name(stem + ".review.jsonl")


def safe_name(name: str) -> str:
    """A reviewer name as it can appear in a file name."""
    return re.sub(r"[^\w.-]+", "-", str(name)).strip("-.") or "reviewer"


def default_log_path(outputs: str | Path | Iterable[str | Path], reviewer: str, kind: str = "review") -> Path:
    """Where a reviewer's log of a set of outputs lives by default.

    One file ``D/x.jsonl`` -> ``D/x@REVIEWER.review.jsonl``; one folder ``D``
    -> ``D/all@REVIEWER.review.jsonl``; anything else -> ``set-HASH@REVIEWER``
    in the closest common folder. ``kind`` is ``review`` or ``adjudication``.
    """
    paths = [Path(outputs)] if isinstance(outputs, (str, Path)) else [Path(p) for p in outputs]
    who = safe_name(reviewer)
    if len(paths) == 1 and not paths[0].is_dir():
        p = paths[0]
        stem = p.name.removesuffix(".jsonl")
        return p.with_name(f"{stem}@{who}.{kind}.jsonl")
    if len(paths) == 1:
        return paths[0] / f"all@{who}.{kind}.jsonl"
    folders = [p if p.is_dir() else p.parent for p in paths]
    try:
        common = Path(os.path.commonpath([str(f) for f in folders]))
    except ValueError:  # relative and absolute mixed, or other drives
        common = Path(os.path.commonpath([str(f.resolve()) for f in folders]))
    digest = hashlib.sha256("\n".join(sorted(str(p.resolve()) for p in paths)).encode()).hexdigest()[:8]
    return common / f"set-{digest}@{who}.{kind}.jsonl"


def start_docs(start: dict) -> list[dict]:
    """The documents of a start event (a version 1 start is one document)."""
    if isinstance(start.get("docs"), list):
        return start["docs"]
    return [{k: start.get(k) for k in DOC_FIELDS}]


@dataclass
class Replay:
    """The state of a log: events and, per record, its standing decision."""

    start: dict | None = None
    events: list[dict] = field(default_factory=list)  # decision, undo and docs events, in order
    active: dict[int, dict] = field(default_factory=dict)  # seq -> decision event not undone
    docs: dict[str, dict] = field(default_factory=dict)  # doc_id -> {doc_id, output, output_sha256, ...}
    last_seq: int = 0

    def set_start(self, ev: dict) -> None:
        self.start = ev
        for d in start_docs(ev):
            self.docs[d["doc_id"]] = d

    def default_doc(self) -> str | None:
        """The doc_id a version 1 event without one is about."""
        return next(iter(self.docs)) if len(self.docs) == 1 else None

    def apply(self, ev: dict, where: str = "") -> None:
        kind = ev.get("event")
        if kind in ("decision", "undo") and "doc_id" not in ev:
            ev["doc_id"] = self.default_doc()
        if kind == "decision":
            self.active[ev["seq"]] = ev
        elif kind == "undo":
            target = ev.get("undoes")
            if target not in self.active:
                raise RecordError(Errors.E074.format(path=where, line="?", reason=f"undo of seq {target!r}, which is not an active decision"))
            del self.active[target]
        elif kind == "docs":
            for d in ev["docs"]:
                self.docs.setdefault(d["doc_id"], d)
        self.events.append(ev)
        self.last_seq = max(self.last_seq, int(ev.get("seq", 0)))

    def standing(self) -> dict[tuple[str, str], dict]:
        """(doc_id, record_id) -> its last active decision event."""
        out: dict[tuple[str, str], dict] = {}
        for seq in sorted(self.active):
            ev = self.active[seq]
            out[(ev["doc_id"], ev["record_id"])] = ev
        return out

    def last_active(self) -> dict | None:
        return self.active[max(self.active)] if self.active else None

    def added_count(self, doc_id: str | None = None) -> int:
        """Add events ever logged for a document (undone ones too): the next added id is one more."""
        return sum(
            1 for ev in self.events
            if ev.get("event") == "decision" and ev.get("decision") == "add" and (doc_id is None or ev.get("doc_id") == doc_id)
        )  # fmt: skip


def _check_docs(docs) -> str | None:
    if not isinstance(docs, list) or not docs:
        return "docs must be a non-empty list"
    for d in docs:
        if not isinstance(d, dict) or not isinstance(d.get("doc_id"), str) or not isinstance(d.get("output_sha256"), str):
            return "each document needs a doc_id and an output_sha256"
    return None


def _check_event(ev: dict) -> str | None:
    kind = ev.get("event")
    if kind == "start":
        if "docs" in ev:
            return _check_docs(ev["docs"])
        for k in ("output_sha256", "doc_id"):
            if not isinstance(ev.get(k), str):
                return f"start event without {k}"
        return None
    if kind not in ("decision", "undo", "docs"):
        return f"unknown event {kind!r}"
    if not isinstance(ev.get("seq"), int) or isinstance(ev.get("seq"), bool) or ev["seq"] < 1:
        return f"seq {ev.get('seq')!r} is not a positive integer"
    if kind == "docs":
        return _check_docs(ev.get("docs"))
    if not isinstance(ev.get("record_id"), str):
        return "record_id missing"
    if "doc_id" in ev and not isinstance(ev["doc_id"], str):
        return "doc_id is not a string"
    if kind == "decision":
        if ev.get("decision") not in DECISIONS:
            return f"decision {ev.get('decision')!r} is not one of {', '.join(DECISIONS)}"
        if ev["decision"] in ("edit", "add") and not isinstance(ev.get("record"), dict):
            return f"{ev['decision']} without a record"
    elif not isinstance(ev.get("undoes"), int):
        return "undo without 'undoes'"
    return None


def read_log(path: str | Path) -> tuple[Replay, int | None]:
    """Replay a log file. Returns (replay, byte length of the valid prefix if a torn last line was found)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RecordError(Errors.E001.format(path=path)) from None
    except IsADirectoryError:
        raise RecordError(Errors.E084.format(path=path)) from None
    rep = Replay()
    torn_at = None
    if data and not data.endswith(b"\n"):
        # the last write never completed, so it was never acknowledged: drop it
        torn_at = data.rfind(b"\n") + 1
        data = data[:torn_at]
    seqs: set[int] = set()
    for lineno, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            ev = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=f"not JSON: {exc}")) from None
        if not isinstance(ev, dict):
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason="not a JSON object"))
        problem = _check_event(ev)
        if problem:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=problem))
        if ev["event"] == "start":
            if rep.start is not None:
                raise RecordError(Errors.E074.format(path=path, line=lineno, reason="second start event"))
            rep.set_start(ev)
            continue
        if rep.start is None:
            raise RecordError(Errors.E084.format(path=path))
        if ev["seq"] in seqs:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=f"duplicate seq {ev['seq']}"))
        seqs.add(ev["seq"])
        if ev["event"] == "undo" and ev["undoes"] not in rep.active:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=f"undo of seq {ev['undoes']}, which is not an active decision"))
        if ev["event"] != "docs" and ev.get("doc_id", rep.default_doc()) is None:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason="event without doc_id in a log of several documents"))
        rep.apply(ev, str(path))
    if rep.start is None:
        raise RecordError(Errors.E084.format(path=path))
    return rep, torn_at


class ReviewLog:
    """An open review log: replayed state plus durable appends.

    A log open for writing holds an exclusive lock (flock) on its file, so two
    servers never append to the same log; the kernel drops the lock when the
    process dies, even by SIGKILL.
    """

    def __init__(self, path: Path, replay: Replay, warnings: list[str], fh=None):
        self.path = path
        self.replay = replay
        self.warnings = warnings
        self._lock = threading.Lock()
        self._fh = fh

    @classmethod
    def open(cls, path: str | Path, start: dict, *, readonly: bool = False) -> ReviewLog:
        """Open (resume) the log at ``path``, or create it with ``start`` as its first event.

        ``start`` names the documents (``docs``, or one document's fields at the
        top level). An existing log must be about the same outputs (same sha256)
        for every document both name; documents new to the set are appended as
        a ``docs`` event. ``readonly``: the log must exist; nothing is written
        (export, agreement), and documents the log does not name are simply
        unreviewed.
        """
        path = Path(path)
        warnings: list[str] = []
        if readonly:
            if not path.exists():
                raise RecordError(Errors.E001.format(path=path))
            replay, torn_at = read_log(path)
            if torn_at is not None:
                warnings.append(f"{path}: ignored an incomplete last line (a write cut short before it was acknowledged)")
            cls._check_docs(path, replay, start, readonly=True)
            return cls(path, replay, warnings)
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        fh = open(path, "a", encoding="utf-8", newline="\n")  # noqa: SIM115 - the log keeps it open (closed by ReviewLog.close)
        try:
            _lock(fh, path)
            if path.stat().st_size > 0:
                replay, torn_at = read_log(path)
                if torn_at is not None:
                    os.ftruncate(fh.fileno(), torn_at)
                    os.fsync(fh.fileno())
                    warnings.append(f"{path}: dropped an incomplete last line (a write cut short before it was acknowledged)")
                new = cls._check_docs(path, replay, start, readonly=False)
                log = cls(path, replay, warnings, fh)
                if new:
                    log.append({"event": "docs", "docs": new, "ts": now()})
                return log
            ev = {"event": "start", "v": LOG_VERSION, **start, "ts": now()}
            _write_durably(fh, ev)
            if created:
                _fsync_dir(path.parent)
            replay = Replay()
            replay.set_start(ev)
        except BaseException:
            fh.close()
            raise
        return cls(path, replay, warnings, fh)

    @staticmethod
    def _check_docs(path: Path, replay: Replay, start: dict, *, readonly: bool) -> list[dict]:
        """Refuse a log about other versions of the outputs; return the documents it does not name yet."""
        current = {d["doc_id"]: d for d in start_docs(start)}
        for doc_id, logged in replay.docs.items():
            now_ = current.get(doc_id)
            if now_ is None:
                if readonly:
                    continue
                missing = sorted(set(replay.docs) - set(current))
                raise RecordError(Errors.E183.format(path=path, count=len(missing), doc_ids=", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")))
            if logged["output_sha256"] != now_["output_sha256"]:
                raise RecordError(
                    Errors.E075.format(
                        path=path,
                        doc_id=doc_id,
                        expected=logged["output_sha256"][:12],
                        output=now_.get("output"),
                        actual=now_["output_sha256"][:12],
                    )
                )
        return [d for doc_id, d in current.items() if doc_id not in replay.docs]

    def append(self, ev: dict) -> dict:
        """Give ``ev`` the next seq, write it durably, apply it; returns the event as logged."""
        if self._fh is None:
            raise RuntimeError("review log opened read-only")
        with self._lock:
            ev = {"event": ev.pop("event"), "seq": self.replay.last_seq + 1, **ev}
            problem = _check_event(ev)
            if problem:
                raise RecordError(Errors.E074.format(path=self.path, line="(new)", reason=problem))
            _write_durably(self._fh, ev)
            self.replay.apply(ev, str(self.path))
            return ev

    def close(self) -> None:
        try:
            if self._fh is not None:
                self._fh.close()  # closing releases the lock
        except OSError:
            pass


def _write_durably(fh, ev: dict) -> None:
    fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
    fh.flush()
    os.fsync(fh.fileno())


def _lock(fh, path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not a POSIX system: no lock
        return
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise RecordError(Errors.E091.format(path=path)) from None


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
