"""`claimex review --agreement LOG1 LOG2`: how far two reviewers agree.

Both logs must be about the same outputs (same sha256 in their start events):
the documents both logs name are compared (a log of a document set against a
log of one of its documents compares that document).
For every pipeline record that both reviewers decided, each decision is
*keep* (accept or edit) or *reject*. Per record type, and over all types:

* ``n``: records decided by both; ``agree``: same keep/reject decision;
* ``p_o`` observed agreement, ``kappa`` Cohen's kappa for keep/reject
  (``None`` when undefined: every decision of both reviewers in one category);
* ``same_record``: records both kept whose final form (attributes and span)
  is identical;
* ``only_a`` / ``only_b``: records decided by one reviewer only;
* ``added_a`` / ``added_b`` / ``added_both``: records each added, and those
  added by both with the same type and span.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..errors import Errors, RecordError
from ..records import SPAN_TYPES
from .log import read_log

KEEP, REJECT = "keep", "reject"


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels for the same items; None when undefined."""
    n = len(pairs)
    if not n:
        return None
    p_o = sum(1 for a, b in pairs if a == b) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    p_e = sum(ca[c] * cb[c] for c in set(ca) | set(cb)) / (n * n)
    if p_e >= 1.0:
        return None
    return (p_o - p_e) / (1 - p_e)


def _final(path: str | Path):
    rep, _ = read_log(path)
    return rep, rep.standing()


def _common_docs(log_a, log_b, rep_a, rep_b) -> set[str]:
    """The documents both logs are about, with the same output; E083 when there is none."""
    common = {d for d in rep_a.docs if d in rep_b.docs and rep_a.docs[d]["output_sha256"] == rep_b.docs[d]["output_sha256"]}
    if not common:
        sha_a = next(iter(rep_a.docs.values()))["output_sha256"]
        sha_b = next(iter(rep_b.docs.values()))["output_sha256"]
        raise RecordError(Errors.E083.format(a=log_a, b=log_b, sha_a=sha_a[:12], sha_b=sha_b[:12]))
    return common


def _comparable(rec: dict | None) -> dict | None:
    if rec is None:
        return None
    return {k: v for k, v in rec.items() if k not in ("id", "note")}


def agreement(log_a: str | Path, log_b: str | Path) -> dict:
    rep_a, fa = _final(log_a)
    rep_b, fb = _final(log_b)
    common = _common_docs(log_a, log_b, rep_a, rep_b)
    fa = {k: v for k, v in fa.items() if k[0] in common}
    fb = {k: v for k, v in fb.items() if k[0] in common}
    rows: dict[str, Counter] = {}
    pairs: dict[str, list[tuple[str, str]]] = {t: [] for t in SPAN_TYPES}
    _count_added(fa, fb, rows)
    _compare_decisions(fa, fb, rows, pairs)
    return {
        "a": {"log": str(log_a), "reviewer": rep_a.start.get("reviewer"), "decided": len(fa)},
        "b": {"log": str(log_b), "reviewer": rep_b.start.get("reviewer"), "decided": len(fb)},
        "output": rep_a.start.get("output") or ", ".join(sorted(d.get("output") or d["doc_id"] for k, d in rep_a.docs.items() if k in common)),
        "docs": sorted(common),
        "rows": _table_rows(rows, pairs),
    }


def _is_added(rid: tuple[str, str], ev: dict | None) -> bool:
    return ev is not None and (ev["decision"] == "add" or ":added:" in rid[1])


def _count_added(fa: dict, fb: dict, rows: dict[str, Counter]) -> None:
    """Count the records each reviewer added, and those both added with the same type and span."""
    added: dict[str, dict[str, set]] = {"a": {}, "b": {}}
    for side, final in (("a", fa), ("b", fb)):
        for rid, ev in final.items():
            if ev["decision"] == "add" or (ev["decision"] == "edit" and ":added:" in rid[1]):
                r = ev["record"]
                added[side].setdefault(r["type"], set()).add((rid[0], r["start"], r["end"]))
                rows.setdefault(r["type"], Counter())[f"added_{side}"] += 1
    for t in SPAN_TYPES:
        if t in rows:
            rows[t]["added_both"] = len(added["a"].get(t, set()) & added["b"].get(t, set()))


def _compare_decisions(fa: dict, fb: dict, rows: dict[str, Counter], pairs: dict[str, list[tuple[str, str]]]) -> None:
    """Count the pipeline records decided by one reviewer or both, and how the decisions compare."""
    for rid in sorted(set(fa) | set(fb)):
        ea, eb = fa.get(rid), fb.get(rid)
        if _is_added(rid, ea) or _is_added(rid, eb):
            continue
        t = (ea or eb)["type"]
        r = rows.setdefault(t, Counter())
        if ea is None or eb is None:
            r["only_a" if eb is None else "only_b"] += 1
            continue
        da = REJECT if ea["decision"] == "reject" else KEEP
        db = REJECT if eb["decision"] == "reject" else KEEP
        pairs[t].append((da, db))
        r["n"] += 1
        r["agree"] += da == db
        r["a_keep"] += da == KEEP
        r["b_keep"] += db == KEEP
        if da == db == KEEP:
            r["both_keep"] += 1
            ra = ea["record"] if ea["decision"] == "edit" else None
            rb = eb["record"] if eb["decision"] == "edit" else None
            r["same_record"] += _comparable(ra) == _comparable(rb)


def _table_rows(rows: dict[str, Counter], pairs: dict[str, list[tuple[str, str]]]) -> list[dict]:
    """One row per record type with decisions, in SPAN_TYPES order, then the row of all types."""
    out_rows = []
    all_pairs: list[tuple[str, str]] = []
    total: Counter = Counter()
    for t in SPAN_TYPES:
        if t not in rows:
            continue
        all_pairs += pairs[t]
        total.update(rows[t])
        out_rows.append(_finish(t, rows[t], pairs[t]))
    out_rows.append(_finish("all", total, all_pairs))
    return out_rows


def _finish(t: str, r: Counter, pairs: list[tuple[str, str]]) -> dict:
    n = r["n"]
    keys = ("n", "agree", "a_keep", "b_keep", "both_keep", "same_record", "only_a", "only_b", "added_a", "added_b", "added_both")
    out = {"type": t, **{k: int(r[k]) for k in keys}}
    out["p_o"] = r["agree"] / n if n else None
    out["kappa"] = cohen_kappa(pairs)
    return out


def format_table(result: dict) -> str:
    head = ["type", "n", "agree", "p_o", "kappa", "A keep", "B keep", "same rec", "only A", "only B", "added A", "added B", "added both"]
    lines = [
        f"A: {result['a']['log']} (reviewer {result['a']['reviewer']}, {result['a']['decided']} records decided)",
        f"B: {result['b']['log']} (reviewer {result['b']['reviewer']}, {result['b']['decided']} records decided)",
        "",
    ]
    table = [head]
    f = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
    for r in result["rows"]:
        table.append(
            [r["type"], r["n"], r["agree"], f(r["p_o"]), f(r["kappa"]), r["a_keep"], r["b_keep"], f"{r['same_record']}/{r['both_keep']}",
             r["only_a"], r["only_b"], r["added_a"], r["added_b"], r["added_both"]]
        )
    widths = [max(len(str(row[i])) for row in table) for i in range(len(head))]
    for k, row in enumerate(table):
        lines.append("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append("")
    lines.append("keep = accept or edit; kappa = Cohen's kappa for keep/reject on records both reviewers decided; same rec = both kept with identical final records.")
    return "\n".join(lines)

