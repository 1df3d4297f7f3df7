"""End to end through the real model: every record of every output is
grounded (text == source[start:end]) and keeps the contract."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.ingest import read_source
from claimex.records import grounding_errors, schema_errors

from .conftest import CORPUS, SEED, TEXTS

# awkward inputs written for this test: CRLF, a BOM, astral characters, markdown everywhere
AWKWARD = {
    "crlf.txt": "Talks in Geneva\r\n\r\nBy Ana Ruiz\r\n\r\nThe envoy said on 2 March 2021 that both sides \"should keep talking\".\r\nMore talks follow in April.\r\n",
    "bom.md": "\ufeff# **REFORM NOW**\n\nThe European Union must act before 2030, the commissioner said.\n",
    "emoji.md": "Leaders 🌍 met in Nairobi 🇰🇪 on Friday.\n\n\"We must *act* now 🙏,\" said President Ruto's envoy.\n",
    "wrapped.txt": "The minister of\nfinance said the\nbudget should be\ncut by a third.\n\nIt was not.\n",
}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    src = tmp_path_factory.mktemp("src")
    for name, text in AWKWARD.items():
        (src / name).write_bytes(text.encode("utf-8"))
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["run", str(CORPUS), str(TEXTS), str(src), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return out


def test_every_record_is_grounded_and_valid(outputs):
    files = sorted(outputs.glob("*.jsonl"))
    assert len(files) >= 1 + 4 + len(AWKWARD)
    total = 0
    for f in files:
        lines = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines()]
        doc = lines[0]
        assert doc["type"] == "document"
        source = read_source(doc["source"])
        for rec in lines:
            assert schema_errors(rec) == [], (f.name, rec)
            assert grounding_errors(rec, source) == [], (f.name, rec)
            total += 1
    assert total > 200


def test_validate_command_agrees(outputs):
    files = [str(f) for f in sorted(outputs.glob("*.jsonl"))]
    result = CliRunner().invoke(main, ["validate", *files])
    assert result.exit_code == 0, result.output


def test_ids_are_stable_between_runs(outputs, tmp_path):
    again = tmp_path / "again"
    assert CliRunner().invoke(main, ["run", str(SEED), "-o", str(again), "-q"]).exit_code == 0
    a = (outputs / "ajiss-297.jsonl").read_text(encoding="utf-8")
    b = (again / "ajiss-297.jsonl").read_text(encoding="utf-8")
    assert a == b


def test_seed_document_record(outputs):
    recs = [json.loads(x) for x in (outputs / "ajiss-297.jsonl").read_text(encoding="utf-8").splitlines()]
    doc = recs[0]
    assert doc["published"] == "2022-09-16"
    assert doc["number"] == "297"
    assert len(doc["key_points"]) == 3
    assert doc["authors"] and doc["title"] and doc["series"]
    assert doc["sha256"] and doc["pipeline"]["model"]
    types = {r["type"] for r in recs}
    assert types == {"document", "entity", "date", "quote", "recommendation", "statistic"}
    # the disclaimer never yields a claim
    d = doc["disclaimer"]
    for r in recs:
        if r["type"] in ("quote", "recommendation"):
            assert r["end"] <= d["start"] or r["start"] >= d["end"]


def test_markdown_marks_never_inside_entity_spans(outputs):
    for f in outputs.glob("*.jsonl"):
        for line in f.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r["type"] == "entity":
                assert not r["text"].startswith(("*", "#", "_")) and not r["text"].endswith(("*", "_")), r
