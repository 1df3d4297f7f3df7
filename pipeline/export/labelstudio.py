"""Label Studio: tasks with claimex's records as pre-annotations, and back.

:func:`write_tasks` writes ``tasks.json`` (import it into a project) and
``labelstudio.xml`` (the labelling config to create that project with). One
task per document: ``data.text`` is the source text, ``data.doc_id`` and
``data.document`` (the document record) keep what claimex needs to read the
task back; ``predictions`` holds one result per record:

* a ``labels`` region (``from_name: "label"``) for the span, labelled with
  the entity label (PERSON, ORG...) or ``Date``, ``Quote``,
  ``Recommendation``; and ``Speaker``, ``Cue``, ``Trigger``, ``Actor``,
  ``Action`` regions tied to their quote or recommendation by relations of
  those names (lower case);
* per-region attributes: ``canonical`` (entities), ``value``, ``timex_type``,
  ``mod``, ``anchor`` (dates), ``kind``, ``speakers`` (quotes; one name a
  line), ``holder``, ``strength``, ``polarity`` (recommendations).

Region ids are the record ids without the doc_id (``entity:3``), so reading
a task back keeps the ids, and date anchors with them. :func:`read_tasks`
reads an export of completed tasks (the latest non-cancelled annotation of
each task, or with ``predictions=True`` the pre-annotations of a task
nobody annotated) as gold records.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..errors import GoldFormatError, InputError
from ..records import Line, atomic_file, grounding_errors, schema_errors

ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE")
TYPE_LABEL = {"date": "Date", "quote": "Quote", "recommendation": "Recommendation"}
PARTS = {"quote": ("cue",), "recommendation": ("trigger", "actor", "action")}
CHOICES = {
    "timex_type": ("DATE", "TIME", "DURATION", "SET"),
    "kind": ("direct", "partial", "scare", "indirect"),
    "strength": ("strong", "moderate", "weak"),
    "polarity": ("do", "dont"),
}
TEXTAREAS = ("canonical", "value", "mod", "anchor", "speakers", "holder")
WHEN = {"canonical": ",".join(ENTITY_LABELS), "value": "Date", "timex_type": "Date", "mod": "Date", "anchor": "Date",
        "kind": "Quote", "speakers": "Quote", "holder": "Recommendation", "strength": "Recommendation", "polarity": "Recommendation"}  # fmt: skip
PART_LABELS = ("Speaker", "Cue", "Trigger", "Actor", "Action")
ATTRS = {"entity": ("canonical",), "date": ("value", "timex_type", "mod", "anchor"), "quote": ("kind", "speakers"), "recommendation": ("holder", "strength", "polarity")}


def _region(rid: str, start: int, end: int, text: str, label: str) -> dict:
    return {"id": rid, "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": start, "end": end, "text": text, "labels": [label]}}


def _attr(rid: str, name: str, rec: dict, value) -> dict:
    v = {"start": rec["start"], "end": rec["end"]}
    if name in CHOICES:
        return {"id": rid, "from_name": name, "to_name": "text", "type": "choices", "value": {**v, "choices": [value]}}
    lines = value if isinstance(value, list) else [value]
    return {"id": rid, "from_name": name, "to_name": "text", "type": "textarea", "value": {**v, "text": lines}}


def _relation(a: str, b: str, label: str) -> dict:
    return {"type": "relation", "from_id": a, "to_id": b, "direction": "right", "labels": [label]}


def results_of(records: list[dict], doc_id: str) -> list[dict]:
    """Label Studio results (regions, per-region attributes, relations) for span records."""
    out: list[dict] = []
    prefix = f"{doc_id}:"
    for r in records:
        if r["type"] not in ATTRS:
            continue  # no label for it in the labelling config (statistics)
        rid = r["id"][len(prefix) :] if r["id"].startswith(prefix) else r["id"]
        label = r["label"] if r["type"] == "entity" else TYPE_LABEL[r["type"]]
        out.append(_region(rid, r["start"], r["end"], r["text"], label))
        for name in ATTRS[r["type"]]:
            value = r.get(name)
            if value is None or (name == "speakers" and not value):
                continue
            if name == "anchor" and value != "dct" and value.startswith(prefix):
                value = value[len(prefix) :]
            out.append(_attr(rid, name, r, value))
        spans = [("speaker", s) for s in r.get("speaker_spans") or []] + [(p, r.get(p)) for p in PARTS.get(r["type"], ())]
        for k, (part, s) in enumerate(spans):
            if s is None:
                continue
            pid = f"{rid}/{part}/{k}"
            out.append(_region(pid, s["start"], s["end"], s["text"], part.capitalize()))
            out.append(_relation(rid, pid, part))
    return out


def task_of(doc) -> dict:
    return {
        "data": {"text": doc.text, "doc_id": doc.doc_id, "document": doc.document},
        "predictions": [{"model_version": f"claimex {__version__}", "result": results_of(doc.records[1:], doc.doc_id)}],
    }


def label_config() -> str:
    labels = "\n".join(f'    <Label value="{v}"/>' for v in (*ENTITY_LABELS, "Date", "Quote", "Recommendation", "Speaker", "Cue", "Trigger", "Actor", "Action"))
    rels = "\n".join(f'    <Relation value="{v}"/>' for v in ("speaker", "cue", "trigger", "actor", "action"))
    fields = []
    for name in ("canonical", "value", "timex_type", "mod", "anchor", "kind", "speakers", "holder", "strength", "polarity"):
        cond = f'visibleWhen="region-selected" whenLabelValue="{WHEN[name]}"'
        if name in CHOICES:
            opts = "".join(f'<Choice value="{c}"/>' for c in CHOICES[name])
            fields.append(f'  <Choices name="{name}" toName="text" perRegion="true" {cond}>{opts}</Choices>')
        else:
            fields.append(f'  <TextArea name="{name}" toName="text" perRegion="true" {cond} placeholder="{name}"/>')
    return (
        "<View>\n  <Labels name=\"label\" toName=\"text\">\n" + labels + "\n  </Labels>\n"
        "  <Relations>\n" + rels + "\n  </Relations>\n  <Text name=\"text\" value=\"$text\"/>\n" + "\n".join(fields) + "\n</View>\n"
    )


def write_tasks(docs, out_dir: Path, *, dry_run: bool = False, warnings=None) -> list[Path]:
    paths = [out_dir / "tasks.json", out_dir / "labelstudio.xml"]
    if dry_run:
        return paths
    with atomic_file(paths[0]) as f:
        json.dump([task_of(d) for d in docs], f, ensure_ascii=False, indent=1)
        f.write("\n")
    with atomic_file(paths[1]) as f:
        f.write(label_config())
    return paths


# -- reading completed tasks back ----------------------------------------------------


def _result_of(task: dict, predictions: bool) -> list[dict] | None:
    anns = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if anns:
        latest = max(anns, key=lambda a: (str(a.get("updated_at") or a.get("created_at") or ""), a.get("id") or 0))
        return latest.get("result") or []
    if predictions and task.get("predictions"):
        return task["predictions"][-1].get("result") or []
    return None


def records_of(result: list[dict], doc_id: str, text: str, where: str) -> list[dict]:
    """Contract records from one task's result list (the inverse of :func:`results_of`)."""
    regions, attrs, rels = {}, {}, {}
    for item in result:
        if item.get("type") == "relation":
            rels.setdefault(item.get("from_id"), []).append((item.get("to_id"), (item.get("labels") or [""])[0].lower()))
        elif item.get("from_name") == "label":
            regions[item["id"]] = item["value"]
        elif item.get("id") is not None:
            v = item.get("value", {})
            attrs.setdefault(item["id"], {})[item.get("from_name")] = v.get("choices", v.get("text"))
    parts = {to for links in rels.values() for to, _ in links}
    out = []
    for rid, v in regions.items():
        if rid in parts:
            continue
        label = (v.get("labels") or [""])[0]
        rtype = "entity" if label in ENTITY_LABELS else {b: a for a, b in TYPE_LABEL.items()}.get(label)
        if rtype is None and label in PART_LABELS:
            continue  # a speaker, cue or trigger span tied to nothing
        if rtype is None:
            raise GoldFormatError(f"{where}: region {rid}: label {label!r} is not a claimex record type")
        rec = {"doc_id": doc_id, "type": rtype, "id": rid if ":" in rid and rid.split(":")[0] == rtype else f"{rtype}:{rid}"}
        rec["id"] = f"{doc_id}:{rec['id']}"
        s, e = int(v["start"]), int(v["end"])
        rec.update(start=s, end=e, text=text[s:e])
        rec.update(_attributes(rtype, attrs.get(rid, {}), doc_id))
        if rtype == "entity":
            rec.update(label=label, canonical=rec["canonical"] or " ".join(rec["text"].split()))
        rec.update(_linked(rtype, rels.get(rid, []), regions, text))
        out.append(rec)
    return out


def _one(value, default=None):
    if isinstance(value, list):
        return value[0] if value else default
    return value if value is not None else default


def _attributes(rtype: str, a: dict, doc_id: str) -> dict:
    if rtype == "entity":
        return {"label": None, "canonical": _one(a.get("canonical")), "title": None}
    if rtype == "date":
        anchor = _one(a.get("anchor"))
        if anchor and anchor != "dct":
            anchor = f"{doc_id}:{anchor}"
        return {"timex_type": _one(a.get("timex_type")), "value": _one(a.get("value")), "mod": _one(a.get("mod")), "anchor": anchor}
    if rtype == "quote":
        names = a.get("speakers") or []
        return {"kind": _one(a.get("kind"), "direct"), "speakers": [n for n in names if n.strip()]}
    return {"holder": _one(a.get("holder"), "author"), "strength": _one(a.get("strength"), "moderate"), "polarity": _one(a.get("polarity"), "do")}


def _linked(rtype: str, links: list, regions: dict, text: str) -> dict:
    def span(rid):
        v = regions[rid]
        return {"start": int(v["start"]), "end": int(v["end"]), "text": text[int(v["start"]) : int(v["end"])]}

    if rtype == "quote":
        return {"speaker_spans": [span(t) for t, lab in links if lab == "speaker" and t in regions], "cue": next((span(t) for t, lab in links if lab == "cue" and t in regions), None)}
    if rtype == "recommendation":
        return {p: next((span(t) for t, lab in links if lab == p and t in regions), None) for p in ("trigger", "actor", "action")}
    return {}


def read_tasks(path: str | Path, *, predictions: bool = True):
    """The documents of a Label Studio JSON export (a GoldFile each; tasks nobody
    annotated give their pre-annotations when ``predictions``, else are skipped)."""
    from ..formats.gold import GoldFile, document_record

    path_s = str(path)
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path_s}: no such file or directory") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path_s}: not a Label Studio JSON export ({exc})") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list) or not all(isinstance(t, dict) and isinstance(t.get("data"), dict) for t in tasks):
        raise GoldFormatError(f"{path_s}: not a Label Studio JSON export (expected a list of tasks with 'data')")
    out = []
    for n, task in enumerate(tasks, 1):
        where = f"{path_s}: task {task.get('id', n)}"
        data = task["data"]
        text = data.get("text")
        if not isinstance(text, str):
            raise GoldFormatError(f"{where}: no data.text")
        result = _result_of(task, predictions)
        if result is None:
            continue
        doc_id = str(data.get("doc_id") or f"{Path(path_s).stem}-{n}")
        records = records_of(result, doc_id, text, where)
        for rec in records:
            problems = schema_errors(rec) or grounding_errors(rec, text)
            if problems:
                raise GoldFormatError(f"{where}: region {rec['id']}: {problems[0]}")
        meta = data.get("document") if isinstance(data.get("document"), dict) else {}
        doc = document_record(doc_id, source=str(meta.get("source") or f"{doc_id}.txt"), text=text, types=("entity", "date", "quote", "recommendation"),
                              origin=f"{Path(path_s).name} (Label Studio)", title=meta.get("title"), published=meta.get("published"))  # fmt: skip
        records.sort(key=lambda r: (("entity", "date", "quote", "recommendation").index(r["type"]), r["start"], r["end"]))
        out.append(GoldFile(doc_id, path_s, text, ("entity", "date", "quote", "recommendation"), (Line(path_s, 0, doc),) + tuple(Line(path_s, 0, r) for r in records)))
    return out
