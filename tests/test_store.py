"""The claims store: `claimex index` and `claimex query` over hand-written outputs (no model)."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

from claimex.cli import main
from claimex.store import (
    Filters,
    connect,
    date_range,
    index_outputs,
    query_documents,
    query_quotes,
    query_recommendations,
    query_records,
    query_search,
    query_statistics,
)

TEXT_A = "The European Union should lift the tariffs, said Ana Costa of the Lisbon Institute on 3 May 2024. Sanctions failed in 2023."
TEXT_B = "Ghana must publish its river data. \u201cWe need a commission,\u201d Kofi Mensah said. Inflation reached 12 per cent."


def span(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def doc_record(doc_id: str, published: str) -> dict:
    return {
        "doc_id": doc_id, "type": "document", "id": f"{doc_id}:document:0", "schema_version": 1, "source": f"{doc_id}.txt",
        "sha256": "0" * 64, "title": f"Title {doc_id}", "authors": [], "published": published, "series": None, "number": None,
        "key_points": [], "disclaimer": None, "pipeline": {"version": "test", "model": None},
    }  # fmt: skip


def rec(doc_id: str, rtype: str, n: int, text: str, part: str, **attrs) -> dict:
    return {"doc_id": doc_id, "type": rtype, "id": f"{doc_id}:{rtype}:{n}", **span(text, part), **attrs}


def outputs_a() -> list[dict]:
    t = TEXT_A
    return [
        doc_record("a", "2024-05-04"),
        rec("a", "entity", 0, t, "European Union", label="ORG", canonical="European Union", title=None),
        rec("a", "entity", 1, t, "Ana Costa", label="PERSON", canonical="Ana Costa", title=None),
        rec("a", "entity", 2, t, "Lisbon Institute", label="ORG", canonical="Lisbon Institute", title=None),
        rec("a", "date", 0, t, "3 May 2024", timex_type="DATE", value="2024-05-03", mod=None, anchor=None),
        rec("a", "date", 1, t, "2023", timex_type="DATE", value="2023", mod=None, anchor=None),
        rec("a", "quote", 0, t, "The European Union should lift the tariffs", kind="indirect", speakers=["Ana Costa"],
            speaker_spans=[span(t, "Ana Costa")], cue=span(t, "said")),
        rec("a", "recommendation", 0, t, "The European Union should lift the tariffs", trigger=span(t, "should"),
            actor=span(t, "The European Union"), action=span(t, "lift the tariffs"), holder="Ana Costa", strength="moderate", polarity="do"),
    ]  # fmt: skip


def outputs_b() -> list[dict]:
    t = TEXT_B
    return [
        doc_record("b", "2025-01-10"),
        rec("b", "entity", 0, t, "Ghana", label="GPE", canonical="Ghana", title=None),
        rec("b", "entity", 1, t, "Kofi Mensah", label="PERSON", canonical="Kofi Mensah", title=None),
        rec("b", "quote", 0, t, "We need a commission,", kind="direct", speakers=["Kofi Mensah"], speaker_spans=[span(t, "Kofi Mensah")], cue=span(t, "said")),
        rec("b", "recommendation", 0, t, "Ghana must publish its river data", trigger=span(t, "must"), actor=span(t, "Ghana"),
            action=span(t, "publish its river data"), holder="author", strength="strong", polarity="do"),
        rec("b", "statistic", 0, t, "12 per cent", value=12, unit="percent", measure=span(t, "Inflation"), subject="Ghana", time=None,
            source="author", approx=None, comparison=None, quote=None),
        # a record type this claimex does not know: stored and searchable all the same
        rec("b", "forecast", 0, t, "Inflation reached 12 per cent", horizon="P1Y", confidence="low"),
    ]  # fmt: skip


def write(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    out = tmp_path / "outputs"
    write(out / "a.jsonl", outputs_a())
    write(out / "sub" / "b.jsonl", outputs_b())
    (out / "a.review.jsonl").write_text('{"event": "start"}\n', encoding="utf-8")  # a review log beside it: not an output
    return out


@pytest.fixture
def store(corpus, tmp_path):
    db = tmp_path / "claims.sqlite"
    summ = index_outputs([corpus], db)
    assert not summ.errors
    con = connect(db)
    yield con
    con.close()


def column(result, name):
    cols, rows = result
    return [r[cols.index(name)] for r in rows]


def test_index_loads_every_record(corpus, tmp_path):
    summ = index_outputs([corpus], tmp_path / "c.sqlite")
    assert (summ.added, summ.documents, summ.records) == (2, 2, len(outputs_a()) + len(outputs_b()) - 2)
    con = sqlite3.connect(tmp_path / "c.sqlite")
    types = dict(con.execute("SELECT type, COUNT(*) FROM records GROUP BY type"))
    assert types == {"entity": 5, "date": 2, "quote": 2, "recommendation": 2, "statistic": 1, "forecast": 1}
    stored = json.loads(con.execute("SELECT json FROM records WHERE type = 'forecast'").fetchone()[0])
    assert stored["horizon"] == "P1Y" and stored["confidence"] == "low"  # the whole record is kept


@pytest.mark.parametrize(
    "kw, expected",
    [
        ({"actor": "european union"}, ["a:recommendation:0"]),
        ({"actor": "Union"}, ["a:recommendation:0"]),  # a part of the name
        ({"actor": "Ghana"}, ["b:recommendation:0"]),
        ({"actor": "Peru"}, []),
        ({"holder": "author"}, ["b:recommendation:0"]),
        ({"holder": "Costa"}, ["a:recommendation:0"]),
        ({"strength": "strong"}, ["b:recommendation:0"]),
    ],
)
def test_recommendations_by_actor_or_holder(store, kw, expected):
    assert column(query_recommendations(store, Filters(), **kw), "id") == expected


@pytest.mark.parametrize(
    "speaker, expected",
    [("Mensah", ["b:quote:0"]), ("ana costa", ["a:quote:0"]), ("Kofi*", ["b:quote:0"]), ("Ghana", []), (None, ["a:quote:0", "b:quote:0"])],
)
def test_quotes_by_speaker(store, speaker, expected):
    assert column(query_quotes(store, Filters(), speaker=speaker), "id") == expected


@pytest.mark.parametrize(
    "entity, expected",
    [("European Union", ["a"]), ("european union", ["a"]), ("European", []), ("Europ*", ["a"]), ("Ghana", ["b"]), ("*", ["a", "b"])],
)
def test_documents_mentioning_an_entity_by_canonical_name(store, entity, expected):
    assert column(query_documents(store, Filters(), entity=entity), "doc_id") == expected


@pytest.mark.parametrize(
    "since, until, expected",
    [("2024-01-01", "2024-12-31", ["a:quote:0"]), ("2025-01-01", None, ["b:quote:0"]), (None, "2024-05-03", []), ("2024-05-04", "2024-05-04", ["a:quote:0"])],
)
def test_claims_in_a_publication_date_range(store, since, until, expected):
    assert column(query_quotes(store, Filters(since=since, until=until)), "id") == expected


@pytest.mark.parametrize(
    "words, expected",
    [
        ("tariff", ["a:quote:0", "a:recommendation:0"]),  # stemmed: tariffs
        ("river data", ["b:recommendation:0"]),
        ('"data river"', []),  # a phrase in that order
        ("inflation", ["b:forecast:0"]),  # a record type this claimex does not know is searchable too
        ("per cent", ["b:forecast:0", "b:statistic:0"]),
        ("Sanctions", []),  # words outside every claim
        ("commission OR tariffs", ["a:quote:0", "a:recommendation:0", "b:quote:0"]),
    ],
)
def test_full_text_search(store, words, expected):
    assert sorted(column(query_search(store, Filters(text=words)), "id")) == expected


def test_unknown_record_types_by_field(store):
    assert column(query_records(store, Filters(), rtype="forecast", fields=[("confidence", "LOW")]), "id") == ["b:forecast:0"]
    assert column(query_records(store, Filters(), rtype="statistic", fields=[("value", "12")]), "id") == ["b:statistic:0"]
    assert column(query_records(store, Filters(), fields=[("actor.text", "ghana")]), "id") == ["b:recommendation:0"]
    assert column(query_records(store, Filters(), rtype="forecast", fields=[("confidence", "high")]), "id") == []


@pytest.mark.parametrize(
    "kw, expected",
    [
        ({"unit": "PERCENT"}, ["b:statistic:0"]),
        ({"unit": "usd"}, []),
        ({"measure": "inflat"}, ["b:statistic:0"]),
        ({"subject": "ghana"}, ["b:statistic:0"]),
        ({"source": "author"}, ["b:statistic:0"]),
        ({"at_least": 12, "at_most": 12}, ["b:statistic:0"]),
        ({"at_least": 12.5}, []),
    ],
)
def test_statistics_by_unit_measure_subject_and_value(store, kw, expected):
    assert column(query_statistics(store, Filters(), **kw), "id") == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-14", ("2024-03-14", "2024-03-14")),
        ("2024-03-14T10:00", ("2024-03-14", "2024-03-14")),
        ("2024-02", ("2024-02-01", "2024-02-29")),
        ("2023", ("2023-01-01", "2023-12-31")),
        ("202", ("2020-01-01", "2029-12-31")),
        ("2024-Q2", ("2024-04-01", "2024-06-30")),
        ("2024-H2", ("2024-07-01", "2024-12-31")),
        ("2024-W10", ("2024-03-04", "2024-03-10")),
        ("2024-WI", ("2024-12-01", "2025-02-28")),
        # not calendar ranges
        ("P3Y", (None, None)),
        ("PRESENT_REF", (None, None)),
        ("XXXX-05", (None, None)),
        ("2024-13", (None, None)),
        ("2024-Q5", (None, None)),
        ("FY2024", (None, None)),
    ],
)
def test_date_range(value, expected):
    assert date_range(value) == expected


def test_reindex_reads_only_what_changed(corpus, tmp_path):
    db = tmp_path / "c.sqlite"
    index_outputs([corpus], db)
    again = index_outputs([corpus], db)
    assert (again.added, again.updated, again.unchanged, again.records) == (0, 0, 2, 0)
    a = corpus / "a.jsonl"
    os.utime(a, ns=(a.stat().st_atime_ns, a.stat().st_mtime_ns + 10**9))  # touched, same bytes: not reloaded
    touched = index_outputs([corpus], db)
    assert (touched.updated, touched.unchanged, touched.records) == (0, 2, 0)
    write(a, outputs_a()[:3])  # changed: reloaded, its old records gone
    changed = index_outputs([corpus], db)
    assert (changed.updated, changed.unchanged, changed.records) == (1, 1, 2)
    (corpus / "sub" / "b.jsonl").unlink()  # gone from a folder indexed: removed
    gone = index_outputs([corpus], db)
    assert gone.removed == 1
    con = connect(db)
    assert dict(con.execute("SELECT type, COUNT(*) FROM records GROUP BY type").fetchall()) == {"entity": 2}
    assert con.execute("SELECT COUNT(*) FROM claims_fts").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM roles").fetchone()[0] == 0


def test_a_bad_file_is_reported_and_the_others_indexed(corpus, tmp_path):
    (corpus / "bad.jsonl").write_text('{"doc_id": "x", "type": "document"}\n{oops\n', encoding="utf-8")
    (corpus / "orphan.jsonl").write_text('{"doc_id": "y", "type": "entity", "id": "y:entity:0"}\n', encoding="utf-8")
    summ = index_outputs([corpus], tmp_path / "c.sqlite")
    assert summ.added == 2 and len(summ.errors) == 2
    assert any("bad.jsonl:2: invalid JSON" in e for e in summ.errors)
    assert any("orphan.jsonl:1: record of 'y' without its document record" in e for e in summ.errors)


def test_cli_index_and_query_formats(corpus, tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "c.sqlite")
    res = runner.invoke(main, ["index", str(corpus), "--db", db])
    assert res.exit_code == 0 and "2 files added" in res.output
    table = runner.invoke(main, ["query", "recommendations", "--db", db, "--actor", "Ghana"])
    assert table.exit_code == 0 and "publish its river data" in table.output and "(1 row)" in table.output
    csv_out = runner.invoke(main, ["query", "quotes", "--db", db, "--format", "csv"])
    assert csv_out.output.splitlines()[0] == "doc_id,published,speakers,kind,cue,text,id"
    js = runner.invoke(main, ["query", "documents", "--db", db, "--entity", "Ghana", "--format", "json"])
    assert [d["doc_id"] for d in json.loads(js.output)] == ["b"]
    rows = runner.invoke(main, ["query", "search", "tariffs", "--db", db, "--format", "json", "--limit", "1"])
    assert len(json.loads(rows.output)) == 1
    missing = runner.invoke(main, ["query", "quotes", "--db", str(tmp_path / "none.sqlite")])
    assert missing.exit_code == 1 and "no such claims store" in missing.output and "Traceback" not in missing.output
    bad_field = runner.invoke(main, ["query", "records", "--db", db, "--field", "unit"])
    assert bad_field.exit_code == 2 and "NAME=VALUE" in bad_field.output


def test_not_a_store(tmp_path):
    f = tmp_path / "x.sqlite"
    f.write_text("not a database", encoding="utf-8")
    res = CliRunner().invoke(main, ["query", "quotes", "--db", str(f)])
    assert res.exit_code == 1 and "not a claims store" in res.output
