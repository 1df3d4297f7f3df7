"""TimeML and brat standoff gold converters, on tiny files written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimex.errors import ClaimexError
from claimex.formats import read_brat, read_gold_file, read_timeml, write_converted
from claimex.ingest import read_source
from claimex.records import grounding_errors, read_jsonl, schema_errors

DATA = Path(__file__).parent / "data" / "eval"


def _check_contract(gold):
    for rec in gold.records:
        assert schema_errors(rec) == [], rec
        assert grounding_errors(rec, gold.text) == [], rec


def _dates(gold):
    return [(r["text"], r["timex_type"], r["value"], r["mod"], r["anchor"]) for r in gold.records if r["type"] == "date"]


# -- TimeML ------------------------------------------------------------------


def test_timebank_style():
    gold = read_timeml(DATA / "levy.tml")
    _check_contract(gold)
    assert gold.doc_id == "levy" and gold.types == ("date",)
    # tags stripped, entities and character references decoded
    assert gold.text.startswith('\nThe council met yesterday & agreed to "revisit" the levy in early September.\n')
    assert "haven\u2019t" in gold.text
    assert _dates(gold) == [
        ("yesterday", "DATE", "2031-03-13", None, "dct"),
        ("early September", "DATE", "2031-09", "START", None),
        ("more than a decade", "DURATION", "P10Y", "MORE_THAN", None),
        ("weekly", "SET", "P1W", None, None),
        ("now", "DATE", "PRESENT_REF", None, "dct"),  # whitespace inside the tag trimmed
    ]  # the empty (non-consuming) TIMEX3 is skipped
    doc = gold.records[0]
    assert (doc["type"], doc["published"], doc["title"], doc["annotated"]) == ("document", "2031-03-14", "Levy talks & ferry fares", ["date"])


def test_tempeval_style_creation_time_cdata_and_anchor_ids():
    gold = read_timeml(DATA / "flood.tml")
    _check_contract(gold)
    assert gold.text == "Before the previous month\u2019s flood, crews worked overnight <again> in Gr\u00fcnfeld."
    assert _dates(gold) == [
        ("previous month", "DATE", "2029-10", None, "flood:date:2"),  # type upper-cased, anchor by record id
        ("overnight", "TIME", "2029-11-01TNI", None, None),
    ]
    assert gold.records[0]["published"] == "2029-11-02"
    assert gold.records[0]["title"] is None
    # line of each TIMEX3 in the .tml
    assert [ln.line for ln in gold.lines[1:]] == [5, 5]


def _tml(tmp_path, body, name="t.tml", newline="\n"):
    p = tmp_path / name
    p.write_bytes(body.replace("\n", newline).encode("utf-8"))
    return p


def test_timeml_crlf_and_no_dct(tmp_path):
    p = _tml(tmp_path, "<TimeML>\n<TEXT>A\nfew <TIMEX3 tid='t1' type='DURATION' value='P2D'>days</TIMEX3> later</TEXT>\n</TimeML>\n", newline="\r\n")
    gold = read_timeml(p)
    assert gold.text == "A\nfew days later"  # XML normalises line ends
    assert _dates(gold) == [("days", "DURATION", "P2D", None, None)]
    assert gold.records[0]["published"] is None


def test_timeml_creation_time_inside_text_is_also_a_date(tmp_path):
    p = _tml(tmp_path, '<TimeML><TEXT><TIMEX3 tid="t0" type="DATE" value="2030-02-01" functionInDocument="CREATION_TIME">1 Feb 2030</TIMEX3>. Rain.</TEXT></TimeML>')
    gold = read_timeml(p)
    assert gold.records[0]["published"] == "2030-02-01"
    assert _dates(gold) == [("1 Feb 2030", "DATE", "2030-02-01", None, None)]


TIMEML_ERRORS = {
    "not well-formed": ("<TimeML>\n<TEXT>a <TIMEX3 tid='t1' type='DATE' value='2030'>b</TEXT>\n</TimeML>", "t.tml:2: invalid TimeML (mismatched tag)"),
    "undefined entity": ("<TimeML>\n\n<TEXT>a&nbsp;b</TEXT></TimeML>", "t.tml:3: invalid TimeML (undefined entity)"),
    "no TEXT": ("<TimeML><DCT/></TimeML>", "t.tml: no <TEXT> element"),
    "no value": ("<TimeML>\n<TEXT><TIMEX3 tid='t4' type='DATE'>May</TIMEX3></TEXT></TimeML>", "t.tml:2: TIMEX3 't4': no value attribute"),
    "no type": ("<TimeML><TEXT><TIMEX3 tid='t4' value='2030'>May</TIMEX3></TEXT></TimeML>", "t.tml:1: TIMEX3 't4': no type attribute"),
    "bad type": ("<TimeML><TEXT><TIMEX3 tid='t4' type='MOMENT' value='2030'>May</TIMEX3></TEXT></TimeML>", "TIMEX3 't4': type 'MOMENT' is not one of DATE, TIME, DURATION, SET"),
    "bad mod": ("<TimeML><TEXT><TIMEX3 tid='t5' type='DATE' value='2030' mod='ROUGHLY'>May</TIMEX3></TEXT></TimeML>", "TIMEX3 't5': mod 'ROUGHLY' is not one of"),
    "nested": ("<TimeML><TEXT><TIMEX3 tid='t1' type='DATE' value='2030'>a <TIMEX3 tid='t2' type='DATE' value='2031'>b</TIMEX3></TIMEX3></TEXT></TimeML>", "TIMEX3 't2': nested inside TIMEX3 't1'"),
    "two creation times": (
        "<TimeML>\n<DCT><TIMEX3 tid='t0' type='DATE' value='2030-01-01'>x</TIMEX3></DCT>\n<DCT><TIMEX3 tid='t9' type='DATE' value='2030-01-02'>y</TIMEX3></DCT><TEXT>z</TEXT></TimeML>",
        "t.tml:3: second creation time '2030-01-02' (the first, '2030-01-01', is on line 2)",
    ),
}  # fmt: skip


@pytest.mark.parametrize("body,message", TIMEML_ERRORS.values(), ids=TIMEML_ERRORS.keys())
def test_timeml_errors_name_file_and_line(tmp_path, body, message):
    p = _tml(tmp_path, body)
    with pytest.raises(ClaimexError) as exc:
        read_timeml(p)
    assert message in str(exc.value)
    assert str(exc.value).startswith(str(p))


# -- brat ----------------------------------------------------------------------


def test_brat_entities():
    gold = read_brat(DATA / "harbour.ann")
    _check_contract(gold)
    assert gold.doc_id == "harbour" and gold.types == ("entity", "quote")
    ents = [(r["text"], r["label"], r["canonical"]) for r in gold.records if r["type"] == "entity"]
    assert ents == [
        ("Elena Varga", "PERSON", "Elena Varga"),  # Person -> PERSON
        ("Port Lindell", "GPE", "Port Lindell"),
        ("Lindell Port Authority", "ORG", "Lindell Port Authority"),  # Organization -> ORG
        ("LPA", "ORG", "Lindell Port Authority"),  # canonical from AnnotatorNotes
        ("Tomas Reyes", "PERSON", "Tomas A. Reyes"),  # PER; canonical from a normalisation
        ("LPA", "ORG", "Lindell Port Authority"),
        ("town hall", "LOC", "town hall"),  # Location -> LOC; the CARDINAL is skipped
    ]
    assert gold.records[0]["published"] is None and gold.records[0]["annotated"] == ["entity", "quote"]


def test_brat_quotes():
    gold = read_brat(DATA / "harbour.ann")
    quotes = [r for r in gold.records if r["type"] == "quote"]
    assert [(q["text"], q["kind"], q["speakers"], q["cue"]["text"]) for q in quotes] == [
        ("the harbour levy must be reviewed before winter.", "direct", ["Elena Varga"], "said"),  # default kind
        ("a bold first step", "partial", ["Tomas A. Reyes"], "called"),  # Source relation with arguments reversed
        ("chaos", "partial", ["ferry operators and Lindell Port Authority"], "warned"),
    ]
    # a discontinuous source (220 235;244 247) is read as one span, min start..max end
    assert quotes[2]["speaker_spans"] == [{"start": 220, "end": 247, "text": "ferry operators and the LPA"}]


def _brat(tmp_path, text, ann, name="b"):
    (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    p = tmp_path / f"{name}.ann"
    p.write_text(ann, encoding="utf-8", newline="")
    return p


def test_brat_discontinuous_entity_and_scare_quote(tmp_path):
    text = "Nova Bank and its Cairo office spoke of a \u201cpivot\u201d.\r\n"
    ann = (
        "T1\tORG 0 4;5 9\tNova Bank\n"
        "T2\tgpe 18 23\tCairo\n"
        "T3\tORG 0 4;18 30\tNova Cairo office\n"
        "T4\tContent 43 48\tpivot\n"
        "A1\tKind T4 scare\n"
        "A2\tNegated T1\n"
        "E1\tSpeak:T2\n"
    )
    gold = read_brat(_brat(tmp_path, text, ann))
    _check_contract(gold)
    recs = gold.records
    assert [(r["start"], r["end"], r["text"], r["label"]) for r in recs if r["type"] == "entity"] == [
        (0, 9, "Nova Bank", "ORG"),
        (0, 30, "Nova Bank and its Cairo office", "ORG"),  # min start..max end
        (18, 23, "Cairo", "GPE"),  # type upper-cased
    ]
    (q,) = [r for r in recs if r["type"] == "quote"]
    assert (q["text"], q["kind"], q["speakers"], q["speaker_spans"], q["cue"]) == ("pivot", "scare", [], [], None)
    assert gold.text.endswith("\r\n")  # text kept as read


def test_brat_txt_path_is_accepted(tmp_path):
    p = _brat(tmp_path, "Ada Lind spoke.", "T1\tPERSON 0 8\tAda Lind\n")
    assert read_gold_file(p.with_suffix(".ann")).records == read_brat(p.with_suffix(".txt")).records


BRAT_ERRORS = {
    "text mismatch": ("T1\tPERSON 0 8\tAda Lund\n", "b.ann:1: T1: text 'Ada Lund' != "),
    "unknown type": ("T1\tPERSON 0 8\tAda Lind\nT2\tMISC 9 14\tspoke\n", "b.ann:2: T2: unknown entity type 'MISC'"),
    "bad offsets": ("T1\tPERSON 0 x\tAda Lind\n", "b.ann:1: malformed brat line (bad offsets '0 x')"),
    "reversed span": ("T1\tPERSON 8 0\tAda Lind\n", "malformed brat line (empty or reversed span 8 0)"),
    "outside the text": ("T1\tPERSON 0 80\tAda Lind\n", "b.ann:1: T1: offsets [0:80] outside"),
    "missing text field": ("T1\tPERSON 0 8\n", "b.ann:1: malformed brat line (expected ID<TAB>TYPE START END<TAB>TEXT)"),
    "unknown id": ("X1\tPERSON 0 8\tAda Lind\n", "unknown annotation id 'X1'"),
    "relation args": ("T1\tContent 9 14\tspoke\nR1\tSource T1 T2\n", "b.ann:2: malformed brat line (expected ID<TAB>TYPE Arg1:ID Arg2:ID)"),
    "dangling reference": ("T1\tContent 9 14\tspoke\nR1\tSource Arg1:T1 Arg2:T7\n", "b.ann:2: R1 refers to 'T7'"),
    "no Content in relation": ("T1\tPERSON 0 8\tAda Lind\nT2\tCue 9 14\tspoke\n\nR1\tCue Arg1:T1 Arg2:T2\n", "b.ann:4: relation R1: neither T1 nor T2 is a Content annotation"),
    "second cue": (
        "T1\tContent 0 3\tAda\nT2\tCue 4 8\tLind\nT3\tCue 9 14\tspoke\nR1\tCue Arg1:T1 Arg2:T2\nR2\tCue Arg1:T1 Arg2:T3\n",
        "b.ann:5: relation R2: Content T1 already has the cue T2 (R1)",
    ),
    "bad kind": ("T1\tContent 9 14\tspoke\nA1\tKind T1 rumour\n", "b.ann:2: A1: quote kind 'rumour' is not one of direct, partial, scare, indirect"),
    "kind on an entity": ("T1\tPERSON 0 8\tAda Lind\nA1\tKind T1 direct\n", "b.ann:2: A1: Kind is set on T1, which is not a Content annotation"),
}  # fmt: skip


@pytest.mark.parametrize("ann,message", BRAT_ERRORS.values(), ids=BRAT_ERRORS.keys())
def test_brat_errors_name_file_and_line(tmp_path, ann, message):
    p = _brat(tmp_path, "Ada Lind spoke.", ann)
    with pytest.raises(ClaimexError) as exc:
        read_brat(p)
    assert message in str(exc.value)
    assert str(exc.value).startswith(str(p))


def test_brat_needs_its_text(tmp_path):
    p = tmp_path / "lonely.ann"
    p.write_text("T1\tPERSON 0 3\tAda\n", encoding="utf-8")
    with pytest.raises(ClaimexError, match="lonely.ann: text file '.*lonely.txt' not found"):
        read_brat(p)


def test_unsupported_extension(tmp_path):
    with pytest.raises(ClaimexError, match="unsupported gold file type '.xml'"):
        read_gold_file(tmp_path / "x.xml")


# -- convert -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["levy.tml", "flood.tml", "harbour.ann"])
def test_write_converted_is_grounded_in_the_written_text(tmp_path, name):
    res = write_converted(DATA / name, tmp_path / "out")
    stem = Path(name).stem
    assert res.text_path == tmp_path / "out" / f"{stem}.txt"
    assert res.gold_path == tmp_path / "out" / f"{stem}.gold.jsonl"
    text = read_source(res.text_path)
    lines = list(read_jsonl(res.gold_path))
    assert lines[0].record["type"] == "document" and lines[0].record["source"] == str(res.text_path)
    for ln in lines:
        assert schema_errors(ln.record) == []
        assert grounding_errors(ln.record, text) == []
