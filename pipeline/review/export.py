"""`claimex review OUTPUT --export GOLD`: reviewed records as a gold file.

Kept: accepted records as they are, corrected records as corrected, added
records; dropped: rejected ones (and unreviewed ones unless
``keep_unreviewed``). The document record comes first; when records of a type
were left unreviewed, its ``annotated`` list leaves that type out, so that
``claimex eval`` does not score an incomplete gold as if it were complete. Ids are renumbered
per type in text order (``doc:type:0``, ``doc:type:1``...), so the same
review always exports the same ids, and date anchors that point at a
renumbered date follow it. Every record is checked against the schema and its
source before the file is written, atomically.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimexError, Errors, RecordError
from ..records import SPAN_TYPES, grounding_errors, schema_errors, write_jsonl_atomic
from .session import ReviewSession


@dataclass
class ExportSummary:
    path: Path
    per_type: Counter = field(default_factory=Counter)
    by_status: Counter = field(default_factory=Counter)
    dropped_unreviewed: int = 0
    warnings: list[str] = field(default_factory=list)
    annotated: list[str] = field(default_factory=lambda: list(SPAN_TYPES))

    def line(self) -> str:
        kept = ", ".join(f"{t} {self.per_type[t]}" for t in SPAN_TYPES)
        st = self.by_status
        return (
            f"{self.path}: {sum(self.per_type.values())} records ({kept}) from {st['accepted']} accepted, "
            f"{st['edited']} corrected, {st['added']} added; {st['rejected']} rejected"
            + (f", {self.dropped_unreviewed} unreviewed left out" if self.dropped_unreviewed else "")
            + (f", {st['unreviewed']} unreviewed kept" if st["unreviewed"] else "")
        )


def gold_records(session: ReviewSession, *, keep_unreviewed: bool = False, summary: ExportSummary | None = None) -> list[dict]:
    """The document record then the kept span records, renumbered and checked."""
    summary = summary or ExportSummary(Path("-"))
    doc_id = session.doc.doc_id
    kept = []
    for it in session.items():
        st = it["status"]
        if st == "rejected":
            summary.by_status[st] += 1
            continue
        if st == "unreviewed" and not keep_unreviewed:
            summary.dropped_unreviewed += 1
            continue
        summary.by_status[st] += 1
        kept.append(dict(it["current"]))
    order = {t: i for i, t in enumerate(SPAN_TYPES)}
    kept.sort(key=lambda r: (order[r["type"]], r["start"], r["end"], r["id"]))
    id_map: dict[str, str] = {}
    n: Counter = Counter()
    for rec in kept:
        new = f"{doc_id}:{rec['type']}:{n[rec['type']]}"
        n[rec["type"]] += 1
        id_map[rec["id"]] = new
    for rec in kept:
        old_id = rec["id"]
        rec["id"] = id_map[old_id]
        if rec["type"] == "date" and rec.get("anchor") not in (None, "dct"):
            if rec["anchor"] in id_map:
                rec["anchor"] = id_map[rec["anchor"]]
            else:
                summary.warnings.append(
                    f"{old_id}: anchor {rec['anchor']!r} is not among the exported dates; set to null"
                )
                rec["anchor"] = None
        summary.per_type[rec["type"]] += 1
    # a type is annotated when none of its records was left unreviewed (or all were kept)
    unreviewed = Counter(it["type"] for it in session.items() if it["status"] == "unreviewed")
    annotated = [t for t in SPAN_TYPES if keep_unreviewed or not unreviewed[t]]
    for t in SPAN_TYPES:
        if t not in annotated:
            summary.warnings.append(
                f"{t}: {unreviewed[t]} record(s) not reviewed, so the gold does not claim to annotate {t} "
                "(review them, or pass --keep-unreviewed)"
            )
    document = {k: v for k, v in session.doc.document.items() if k not in ("annotated", "note")}
    if annotated != list(SPAN_TYPES):
        document["annotated"] = annotated
    reviewers = sorted({it["reviewer"] for it in session.items() if it.get("reviewer")})
    document["note"] = f"gold from claimex review of {session.output.name}" + (f" by {', '.join(reviewers)}" if reviewers else "")
    summary.annotated = annotated
    return [document, *kept]


def export_gold(
    output: str | Path,
    dest: str | Path,
    *,
    log_path: str | Path | None = None,
    source: str | Path | None = None,
    keep_unreviewed: bool = False,
) -> ExportSummary:
    dest = Path(dest)
    if dest.resolve() == Path(output).resolve():
        raise ClaimexError(Errors.E090.format(path=dest))
    from .log import default_log_path

    log = Path(log_path) if log_path else default_log_path(output)
    if not log.exists() and Path(output).exists():
        raise ClaimexError(Errors.E092.format(path=log, output=output))
    session = ReviewSession(output, source=source, log_path=log, readonly=True, reviewer="export")
    summary = ExportSummary(dest, warnings=list(session.log.warnings))
    if dest.resolve() == session.log_path.resolve():
        raise ClaimexError(Errors.E090.format(path=dest))
    records = gold_records(session, keep_unreviewed=keep_unreviewed, summary=summary)
    seen: set[str] = set()
    for rec in records:
        errs = schema_errors(rec) + (grounding_errors(rec, session.text) if rec["type"] != "document" else [])
        if rec["id"] in seen:
            errs.append(f"duplicate id {rec['id']!r}")
        seen.add(rec["id"])
        if errs:
            raise RecordError(Errors.E082.format(path=dest, id=rec["id"], reason=errs[0]))
    write_jsonl_atomic(dest, records)
    return summary
