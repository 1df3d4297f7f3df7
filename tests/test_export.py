"""`claimex export`: CSV, brat, Label Studio and TimeML, each read back into the
same records (export -> import -> claimex eval = 1.0)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimex.cli import EXPORT_FORMATS, main
from claimex.errors import ClaimexError
from claimex.evaluate import evaluate, to_json
from claimex.export import FORMATS, export
from claimex.formats import read_gold_documents, write_converted_all
from claimex.records import write_jsonl_atomic

from .conftest import SEED

# CRLF line ends, a quote across a line break, an anchored date, a recommendation inside a quote
CRLF = (
    "Ports and Power\r\n\r\n"
    "The ministers met in Lima on 3 May 2024. Two days later, Ana Ruiz, the trade minister, spoke to reporters.\r\n\r\n"
    '"We will not sign a deal that ignores our fishermen," said Ana Ruiz. "The\r\nregion should act together."\r\n\r\n'
    "The government should publish the draft treaty before the summit in early June.\r\n"
)


@pytest.fixture(scope="module")
def outputs(pipeline, tmp_path_factory):
    """Two documents run through claimex: the seed and a CRLF text, with their sources."""
    root = tmp_path_factory.mktemp("exp")
    (root / "crlf.txt").write_bytes(CRLF.encode("utf-8"))
    out = root / "out"
    for src, doc_id in ((SEED, "seed"), (root / "crlf.txt", "crlf")):
        text = src.read_bytes().decode("utf-8")
        recs = pipeline.process_text(text, doc_id=doc_id, name=str(src), published="2024-05-06")
        recs[0]["source"] = str(src)
        write_jsonl_atomic(out / f"{doc_id}.jsonl", recs)
    return out


def figures(pred, gold) -> dict:
    return {k: v for k, v in to_json(evaluate(pred, gold), None, False)["figures"].items() if v is not None}


def test_the_outputs_cover_what_the_formats_must_carry(outputs):
    recs = [json.loads(x) for f in outputs.glob("*.jsonl") for x in f.read_text(encoding="utf-8").splitlines()]
    by_type = {t: [r for r in recs if r["type"] == t] for t in ("entity", "date", "quote", "recommendation")}
    assert all(by_type.values())
    assert any(r["canonical"] != r["text"] for r in by_type["entity"])
    assert any(r["anchor"] not in (None, "dct") for r in by_type["date"])
    assert any(r["mod"] for r in by_type["date"])
    assert any("\n" in r["text"] for r in by_type["quote"])
    assert any(r["speakers"] and r["speakers"] != [s["text"] for s in r["speaker_spans"]] for r in by_type["quote"])  # names without a span of their own
    assert any(r["holder"] != "author" for r in by_type["recommendation"])


GOLD_OF = {"csv": "claims.csv", "brat": ".", "labelstudio": "tasks.json", "timeml": "."}


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_round_trips_to_a_perfect_score(outputs, tmp_path, fmt):
    res = export([outputs], fmt, tmp_path / fmt)
    assert res.documents == 2 and res.written and not res.warnings
    gold = tmp_path / fmt / GOLD_OF[fmt]
    figs = figures(outputs, gold)
    assert figs and all(v == 1.0 for v in figs.values()), {k: v for k, v in figs.items() if v != 1.0}
    if fmt == "timeml":
        assert set(k.split(".")[0] for k in figs) == {"date"}
    else:
        assert {"entity", "date", "quote", "recommendation"} <= set(k.split(".")[0] for k in figs)


@pytest.mark.parametrize("fmt", ["csv", "labelstudio"])
def test_convert_writes_valid_gold_per_document(outputs, tmp_path, fmt):
    export([outputs], fmt, tmp_path / "x")
    converted = write_converted_all(tmp_path / "x" / GOLD_OF[fmt], tmp_path / "gold")
    assert sorted(c.gold.doc_id for c in converted) == ["crlf", "seed"]
    result = CliRunner().invoke(main, ["validate", *(str(c.gold_path) for c in converted)])
    assert result.exit_code == 0, result.output
    assert all(v == 1.0 for v in figures(outputs, tmp_path / "gold").values())


def test_csv_is_one_row_per_record_with_attribute_columns(outputs, tmp_path):
    export([outputs], "csv", tmp_path)
    with open(tmp_path / "claims.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    n = sum(len(f.read_text(encoding="utf-8").splitlines()) for f in outputs.glob("*.jsonl"))
    assert len(rows) == n
    rec = next(r for r in rows if r["type"] == "recommendation")
    assert rec["trigger_text"] and rec["strength"] and rec["polarity"] and not rec["label"]
    # a spreadsheet correction is read back
    ent = next(r for r in rows if r["type"] == "entity")
    ent["label"] = "NORP" if ent["label"] != "NORP" else "ORG"
    with open(tmp_path / "edited.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    docs = {g.doc_id: g for g in read_gold_documents(tmp_path / "edited.csv")}
    got = next(r for r in docs[ent["doc_id"]].records if r["id"] == ent["id"])
    assert got["label"] == ent["label"]


def test_labelstudio_completed_annotations_are_the_gold(outputs, tmp_path):
    """An annotator's work (annotations) wins over the pre-annotations; a task nobody
    completed gives its pre-annotations, or nothing when predictions are not wanted."""
    from claimex.export.labelstudio import read_tasks

    export([outputs], "labelstudio", tmp_path)
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert "<Labels" in (tmp_path / "labelstudio.xml").read_text(encoding="utf-8")
    done = tasks[0]
    result = [dict(r) for r in done["predictions"][0]["result"]]
    dropped = next(r for r in result if r.get("from_name") == "label" and r["value"]["labels"][0] == "Recommendation")
    result = [r for r in result if r.get("id") != dropped["id"] and r.get("from_id") != dropped["id"]]
    done["annotations"] = [{"id": 1, "result": result, "was_cancelled": False, "updated_at": "2024-06-01T10:00:00Z"}]
    (tmp_path / "done.json").write_text(json.dumps(tasks), encoding="utf-8")
    docs = {g.doc_id: g for g in read_tasks(tmp_path / "done.json")}
    n_before = sum(1 for r in result if r.get("from_name") == "label" and r["value"]["labels"][0] == "Recommendation")
    assert sum(r["type"] == "recommendation" for r in docs[done["data"]["doc_id"]].records) == n_before
    assert len(read_tasks(tmp_path / "done.json", predictions=False)) == 1


def test_export_never_overwrites_without_force(outputs, tmp_path):
    export([outputs], "brat", tmp_path)
    with pytest.raises(ClaimexError, match="exists; not overwritten"):
        export([outputs], "brat", tmp_path)
    assert export([outputs], "brat", tmp_path, force=True).documents == 2


def test_cli_export_is_a_thin_layer(outputs, tmp_path):
    assert EXPORT_FORMATS == FORMATS
    runner = CliRunner()
    res = runner.invoke(main, ["export", str(outputs), "-f", "timeml", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crlf.tml", "seed.tml"]
    bad = runner.invoke(main, ["export", str(tmp_path / "nowhere"), "-f", "csv", "-o", str(tmp_path)])
    assert bad.exit_code == 1 and "no such file" in bad.output and "Traceback" not in bad.output
    damaged = tmp_path / "bad.json"
    damaged.write_text("{not json", encoding="utf-8")
    res = runner.invoke(main, ["convert", str(damaged), "-o", str(tmp_path / "g")])
    assert res.exit_code == 1 and "not a Label Studio JSON export" in res.output


def test_brat_export_opens_in_brat(outputs, tmp_path):
    """The .txt is the source byte for byte; spans across a line break are fragments; the configs are there."""
    export([outputs], "brat", tmp_path)
    assert (tmp_path / "crlf.txt").read_bytes() == CRLF.encode("utf-8")
    ann = (tmp_path / "crlf.ann").read_text(encoding="utf-8")
    assert any(";" in line.split("\t")[1] for line in ann.splitlines() if line.startswith("T"))
    assert "[relations]" in (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    assert Path(tmp_path / "visual.conf").is_file()
