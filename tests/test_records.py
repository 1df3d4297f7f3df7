"""The record contract: schema checks, grounding, JSONL reading and atomic writes."""

from __future__ import annotations

import json
import os

import pytest

from claimex.errors import RecordError
from claimex.records import grounding_errors, read_jsonl, schema_errors, write_jsonl_atomic

SOURCE = "Ministers met in Oslo on 3 May. They agreed to act."

DOC = {
    "doc_id": "d", "type": "document", "id": "d:document:0", "source": "d.txt", "sha256": "0" * 64,
    "title": None, "authors": [], "published": None, "series": None, "number": None, "key_points": [],
    "pipeline": {"version": "x", "model": None},
}
ENT = {"doc_id": "d", "type": "entity", "id": "d:entity:0", "start": 17, "end": 21, "text": "Oslo", "label": "GPE", "canonical": "Oslo"}
DATE = {"doc_id": "d", "type": "date", "id": "d:date:0", "start": 25, "end": 30, "text": "3 May", "timex_type": "DATE", "value": "2024-05-03", "mod": None, "anchor": "dct"}
QUOTE = {"doc_id": "d", "type": "quote", "id": "d:quote:0", "start": 32, "end": 51, "text": "They agreed to act.", "kind": "indirect",
         "speakers": ["Ministers"], "speaker_spans": [{"start": 0, "end": 9, "text": "Ministers"}], "cue": {"start": 37, "end": 43, "text": "agreed"}}
REC = {"doc_id": "d", "type": "recommendation", "id": "d:recommendation:0", "start": 32, "end": 50, "text": "They agreed to act",
       "trigger": {"start": 37, "end": 43, "text": "agreed"}, "actor": {"start": 32, "end": 36, "text": "They"}, "action": None,
       "holder": "author", "strength": "moderate", "polarity": "do"}


@pytest.mark.parametrize("rec", [DOC, ENT, DATE, QUOTE, REC])
def test_valid_records(rec):
    assert schema_errors(rec) == []
    assert grounding_errors(rec, SOURCE) == []


@pytest.mark.parametrize(
    "rec, change, message",
    [
        (ENT, {"label": "PERS"}, "label"),
        (ENT, {"canonical": ""}, "canonical"),
        (ENT, {"start": -1}, "start"),
        (ENT, {"end": 17}, "end (17) must be greater than start (17)"),
        (DATE, {"mod": "ABOUT"}, "mod"),
        (DATE, {"timex_type": "date"}, "timex_type"),
        (QUOTE, {"kind": "said"}, "kind"),
        (QUOTE, {"speakers": "Ministers"}, "speakers"),
        (REC, {"strength": "very"}, "strength"),
        (REC, {"trigger": None}, "trigger"),
        (DOC, {"published": "3 May 2024"}, "published"),
        (DOC, {"sha256": "abc"}, "sha256"),
        ({**ENT, "type": "claim"}, {}, "type"),
    ],
)
def test_schema_violations_name_the_field(rec, change, message):
    errs = schema_errors({**rec, **change})
    assert errs and any(message in e for e in errs), errs


def test_missing_field_is_reported():
    bad = dict(ENT)
    del bad["canonical"]
    assert any("canonical" in e for e in schema_errors(bad))


@pytest.mark.parametrize(
    "rec, message",
    [
        ({**ENT, "text": "Olso"}, "text 'Olso' != source[17:21] 'Oslo'"),
        ({**ENT, "end": 999}, "outside the source"),
        ({**QUOTE, "cue": {"start": 37, "end": 43, "text": "agree"}}, "cue: text 'agree'"),
        ({**QUOTE, "speaker_spans": [{"start": 0, "end": 9, "text": "Minister"}]}, "speaker_spans[0]"),
        ({**REC, "actor": {"start": 31, "end": 36, "text": "They"}}, "actor:"),
    ],
)
def test_grounding_errors(rec, message):
    errs = grounding_errors(rec, SOURCE)
    assert errs and message in errs[0], errs


def test_read_jsonl_reports_file_and_line(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text(json.dumps(ENT) + "\n\n{not json\n", encoding="utf-8")
    it = read_jsonl(f)
    assert next(it).line == 1
    with pytest.raises(RecordError, match=r"x\.jsonl:3: invalid JSON"):
        next(it)


def test_read_jsonl_rejects_non_objects(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text("[1, 2]\n", encoding="utf-8")
    with pytest.raises(RecordError, match=r"x\.jsonl:1: expected a JSON object, got list"):
        list(read_jsonl(f))


def test_atomic_write_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "d.jsonl"
    write_jsonl_atomic(target, [ENT])
    write_jsonl_atomic(target, [ENT, DATE])
    assert [json.loads(x)["type"] for x in target.read_text().splitlines()] == ["entity", "date"]
    assert os.listdir(target.parent) == ["d.jsonl"]


def test_atomic_write_keeps_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "d.jsonl"
    write_jsonl_atomic(target, [ENT])

    def records():
        yield DATE
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        write_jsonl_atomic(target, records())
    assert json.loads(target.read_text())["type"] == "entity"
    assert os.listdir(tmp_path) == ["d.jsonl"]
