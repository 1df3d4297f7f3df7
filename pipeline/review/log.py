"""The review log: an append-only JSONL file of review events.

One JSON object per line (see docs/review.md for the format):

* ``start`` (first line, once): which output and source the log is about
  (paths and sha256), the doc_id, the reviewer who started it;
* ``decision``: ``seq``, ``record_id``, ``type``, ``decision`` (accept |
  reject | edit | add), ``record`` (the edited or added record, else null),
  ``reviewer``, ``ts`` (UTC, ISO 8601);
* ``undo``: ``seq``, ``undoes`` (the seq of the decision it takes back),
  ``record_id``, ``reviewer``, ``ts``.

Every event is written, flushed and fsynced before :meth:`ReviewLog.append`
returns, so an acknowledged decision survives a SIGKILL or a power cut. A
torn last line (a write cut short before it was acknowledged) is dropped when
the log is opened again. Replaying the events gives the state: per record,
its last decision that has not been undone.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import Errors, RecordError

LOG_VERSION = 1
DECISIONS = ("accept", "reject", "edit", "add")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def default_log_path(output: str | Path) -> Path:
    """``outputs/x.jsonl`` -> ``outputs/x.review.jsonl``."""
    p = Path(output)
    stem = p.name[: -len(".jsonl")] if p.name.endswith(".jsonl") else p.name
    return p.with_name(stem + ".review.jsonl")


@dataclass
class Replay:
    """The state of a log: events and, per record, its standing decision."""

    start: dict | None = None
    events: list[dict] = field(default_factory=list)  # decision and undo events, in order
    active: dict[int, dict] = field(default_factory=dict)  # seq -> decision event not undone
    last_seq: int = 0

    def apply(self, ev: dict, where: str = "") -> None:
        kind = ev.get("event")
        if kind == "decision":
            self.active[ev["seq"]] = ev
        elif kind == "undo":
            target = ev.get("undoes")
            if target not in self.active:
                raise RecordError(Errors.E074.format(path=where, line="?", reason=f"undo of seq {target!r}, which is not an active decision"))
            del self.active[target]
        self.events.append(ev)
        self.last_seq = max(self.last_seq, int(ev.get("seq", 0)))

    def standing(self) -> dict[str, dict]:
        """record_id -> its last active decision event."""
        out: dict[str, dict] = {}
        for seq in sorted(self.active):
            ev = self.active[seq]
            out[ev["record_id"]] = ev
        return out

    def last_active(self) -> dict | None:
        return self.active[max(self.active)] if self.active else None

    def added_count(self) -> int:
        """Add events ever logged (undone ones too): the next added id is one more."""
        return sum(1 for ev in self.events if ev.get("event") == "decision" and ev.get("decision") == "add")


def _check_event(ev: dict) -> str | None:
    kind = ev.get("event")
    if kind == "start":
        for k in ("output_sha256", "doc_id"):
            if not isinstance(ev.get(k), str):
                return f"start event without {k}"
        return None
    if kind not in ("decision", "undo"):
        return f"unknown event {kind!r}"
    if not isinstance(ev.get("seq"), int) or ev["seq"] < 1:
        return f"seq {ev.get('seq')!r} is not a positive integer"
    if not isinstance(ev.get("record_id"), str):
        return "record_id missing"
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
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=f"not JSON: {exc}")) from None
        if not isinstance(ev, dict):
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason="not a JSON object"))
        problem = _check_event(ev)
        if problem:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=problem))
        if ev["event"] == "start":
            if rep.start is not None:
                raise RecordError(Errors.E074.format(path=path, line=lineno, reason="second start event"))
            rep.start = ev
            continue
        if rep.start is None:
            raise RecordError(Errors.E084.format(path=path))
        if ev["seq"] in seqs:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=f"duplicate seq {ev['seq']}"))
        seqs.add(ev["seq"])
        if ev["event"] == "undo" and ev["undoes"] not in rep.active:
            raise RecordError(Errors.E074.format(path=path, line=lineno, reason=f"undo of seq {ev['undoes']}, which is not an active decision"))
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
    def open(cls, path: str | Path, start: dict, *, readonly: bool = False) -> "ReviewLog":
        """Open (resume) the log at ``path``, or create it with ``start`` as its first event.

        An existing log must be about the same output (same sha256) as ``start``.
        ``readonly``: the log must exist; nothing is written (export, agreement).
        """
        path = Path(path)
        warnings: list[str] = []
        if readonly:
            if not path.exists():
                raise RecordError(Errors.E001.format(path=path))
            replay, torn_at = read_log(path)
            if torn_at is not None:
                warnings.append(f"{path}: ignored an incomplete last line (a write cut short before it was acknowledged)")
            cls._check_output(path, replay, start)
            return cls(path, replay, warnings)
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        fh = open(path, "a", encoding="utf-8", newline="\n")
        try:
            _lock(fh, path)
            if path.stat().st_size > 0:
                replay, torn_at = read_log(path)
                if torn_at is not None:
                    os.ftruncate(fh.fileno(), torn_at)
                    os.fsync(fh.fileno())
                    warnings.append(f"{path}: dropped an incomplete last line (a write cut short before it was acknowledged)")
                cls._check_output(path, replay, start)
            else:
                ev = {"event": "start", "v": LOG_VERSION, **start, "ts": now()}
                fh.write(json.dumps(ev, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
                if created:
                    _fsync_dir(path.parent)
                replay = Replay(start=ev)
        except BaseException:
            fh.close()
            raise
        return cls(path, replay, warnings, fh)

    @staticmethod
    def _check_output(path: Path, replay: Replay, start: dict) -> None:
        if replay.start["output_sha256"] != start["output_sha256"]:
            raise RecordError(
                Errors.E075.format(
                    path=path,
                    expected=replay.start["output_sha256"][:12],
                    output=start.get("output"),
                    actual=start["output_sha256"][:12],
                )
            )

    def append(self, ev: dict) -> dict:
        """Give ``ev`` the next seq, write it durably, apply it; returns the event as logged."""
        if self._fh is None:
            raise RuntimeError("review log opened read-only")
        with self._lock:
            ev = {"event": ev.pop("event"), "seq": self.replay.last_seq + 1, **ev}
            problem = _check_event(ev)
            if problem:
                raise RecordError(Errors.E074.format(path=self.path, line="(new)", reason=problem))
            line = json.dumps(ev, ensure_ascii=False)
            self._fh.write(line + "\n")
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self.replay.apply(ev, str(self.path))
            return ev

    def close(self) -> None:
        try:
            if self._fh is not None:
                self._fh.close()  # closing releases the lock
        except OSError:
            pass


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
