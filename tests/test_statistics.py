"""Statistic records (guidelines section 10): quantities, non-statistics,
attributes in context, the record contract, evaluation and review.

Texts are invented (the seed is read only for the issue's done criterion)."""

from __future__ import annotations

import json
import re

import pytest

from claimex.evaluate import COMPARATORS
from claimex.evaluate.loaders import load_file
from claimex.extractors.quantities import QuantityLexicon, parse_number, read_quantity
from claimex.records import schema_errors
from claimex.review import clean_record

from .conftest import ROOT, SEED

# -- quantities, without spaCy -------------------------------------------------------


def quantity(assets, text: str):
    """(pattern, value, unit, approx) of the first pattern that matches all of ``text``."""
    lex = QuantityLexicon.load(assets)
    for p in assets.patterns("statistics"):
        m = p.regex.fullmatch(text)
        if m:
            q = read_quantity(p.meta["kind"], m.groupdict(), lex)
            return p.name, q.value, q.unit, q.approx
    return None


@pytest.mark.parametrize(
    "text, value, unit, approx",
    [
        ("0.73%", 0.73, "percent", None),
        ("about 30 per cent", 30, "percent", "APPROX"),
        ("three percentage points", 3, "percentage points", None),
        ("1.2 billion", 1.2e9, None, None),
        ("$1.2bn", 1.2e9, "USD", None),
        ("A$2 billion", 2e9, "AUD", None),
        ("more than US$400 million", 4e8, "USD", "MORE_THAN"),
        ("£400m", 4e8, "GBP", None),
        ("12 billion euros", 1.2e10, "EUR", None),
        ("three trillion dollars", 3e12, "USD", None),
        ("2.5 million tonnes", 2.5e6, "tonnes", None),
        ("240km", 240, "km", None),
        ("15-kilometre", 15, "km", None),
        ("nearly 90 kilometres", 90, "km", "APPROX"),
        ("two-thirds", 0.667, "fraction", None),
        ("more than half", 0.5, "fraction", "MORE_THAN"),
        ("about a fifth", 0.2, "fraction", "APPROX"),
        ("one in five", 0.2, "fraction", None),
        ("an estimated 2 to 4 per cent", {"low": 2, "high": 4}, "percent", "APPROX"),
        ("$2-3 billion", {"low": 2e9, "high": 3e9}, "USD", None),
        ("fewer than a dozen", 12, None, "LESS_THAN"),
        ("twenty-five", 25, None, None),
        ("at least seven", 7, None, "EQUAL_OR_MORE"),
        ("up to 4 million tonnes", 4e6, "tonnes", "EQUAL_OR_LESS"),
        ("as many as a third", 0.333, "fraction", "EQUAL_OR_LESS"),
        ("hundreds of millions of euros", 1e8, "EUR", "MORE_THAN"),
        ("five times", 5, "times", None),
    ],
)
def test_quantity_values(assets, text, value, unit, approx):
    found = quantity(assets, text)
    assert found is not None, text
    _, v, u, a = found
    assert (v, u, a) == (value, unit, approx)


@pytest.mark.parametrize("text", ["G7", "COP30", "Type", "a third country", "half-hearted", "behalf"])
def test_not_a_quantity(assets, text):
    assert quantity(assets, text) is None


@pytest.mark.parametrize("text, value", [("1,500", 1500), ("two hundred and forty", 240), ("four trillion", 4e12), ("a dozen", 12), ("ninety-nine", 99)])
def test_number_words(assets, text, value):
    assert parse_number(text, QuantityLexicon.load(assets)) == value


# -- the assets carry examples and near misses, and they hold ------------------------


STAT_LEXICONS = sorted(p.stem for p in (ROOT / "models" / "lexicons").glob("statistic_*.json"))


@pytest.mark.parametrize("name", STAT_LEXICONS)
def test_statistic_lexicons_have_examples_and_negatives(name):
    data = json.loads((ROOT / "models" / "lexicons" / f"{name}.json").read_text(encoding="utf-8"))
    assert data["name"] == name and data["description"]
    assert data.get("examples") and data.get("negatives")


def _example_text(example: str) -> str:
    return re.sub(r"\s*\(.*?\)\s*$", "", example)


@pytest.mark.parametrize("file", ["statistics", "non_statistics"])
def test_pattern_examples_match_and_negatives_do_not(assets, file):
    for p in assets.patterns(file):
        meta = p.meta or {}
        assert meta.get("examples"), p.name
        for ex in meta["examples"]:
            assert p.regex.search(_example_text(ex)), (p.name, ex)
        if file == "non_statistics":
            for neg in meta.get("negatives", []):
                assert not p.regex.search(_example_text(neg)), (p.name, neg)


# -- statistics in context (the real model) ----------------------------------------


HEAD = "A headline\n\n"  # the first line of a plain text is its title: the sentence under test is body


def stats(records_of, text):
    return records_of(HEAD + text, published="2024-05-01").get("statistic", [])


@pytest.mark.parametrize(
    "text, figure, value, unit, measure",
    [
        ("The governor won 52.4% of the vote in the runoff.", "52.4%", 52.4, "percent", "vote"),
        ("The ministry said about 3,000 troops had been deployed to the border.", "about 3,000", 3000, "people", "troops"),
        ("Two-thirds of voters backed the deal.", "Two-thirds", 0.667, "fraction", "voters"),
        ("Wheat prices have fallen by roughly 35 per cent since March.", "roughly 35 per cent", 35, "percent", "Wheat prices"),
        ("The country shares a 310km border with its neighbour.", "310km", 310, "km", "border"),
        ("The navy operates 14 frigates.", "14", 14, "frigates", "frigates"),
    ],
)
def test_statistic_in_context(records_of, text, figure, value, unit, measure):
    found = [s for s in stats(records_of, text) if s["text"] == figure]
    assert found, stats(records_of, text)
    s = found[0]
    assert s["value"] == pytest.approx(value) and s["unit"] == unit
    assert s["measure"] and measure in s["measure"]["text"]
    assert s["rule"].startswith("statistic/")


@pytest.mark.parametrize(
    "text",
    [
        "The two neighbours met in Lisbon in 2019.",  # a definite count, a date
        "Four steps are needed. First, the ministry must act.",  # the text's own list, an ordinal
        "Article 5 of the treaty applies to the G7 members.",  # identifiers and names
        "A 60-year-old farmer said the talks lasted six days.",  # an age, a duration
        "The council meets twice a year, and one delegate always objects.",  # no numeral, 'one' alone
        "Two people close to the negotiations said the draft was ready.",  # a count of sources
        "The programme airs on Radio Meridian 125 every weekday morning, its producers said.",  # a number in a name
        "The survey was conducted on September 16-19 among registered voters across the country.",  # a date range
    ],
)
def test_no_statistic(records_of, text):
    assert stats(records_of, text) == []


def test_source_time_subject_and_comparison(records_of):
    text = "According to the Pew Research Center, support for the plan rose to 61% in March, up from 48% in January."
    found = {s["text"]: s for s in stats(records_of, text)}
    assert set(found) == {"61%", "48%"}
    s = found["61%"]
    assert s["source"] == "Pew Research Center"
    assert s["comparison"] and s["comparison"]["direction"] == "up" and s["comparison"]["cue"]["text"] == "rose"
    dates = {r["id"]: r["text"] for r in records_of(HEAD + text, published="2024-05-01")["date"]}
    assert dates[s["time"]] == "March"


def test_result_is_not_a_range(records_of):
    found = stats(records_of, "By 55 to 45 percent, voters in the northern province rejected the plan on Sunday.")
    assert [(s["text"], s["value"], s["unit"]) for s in found] == [("55", 55, "percent"), ("45 percent", 45, "percent")]


def test_figure_in_a_quote_is_linked_to_it(records_of):
    text = 'The minister said: "We have trained 4,500 officers this year."'
    recs = records_of(HEAD + text, published="2024-05-01")
    (s,) = recs["statistic"]
    quote = next(q for q in recs["quote"] if q["id"] == s["quote"])
    assert s["source"] == "; ".join(quote["speakers"]) and quote["start"] <= s["start"] < s["end"] <= quote["end"]


# -- the done criterion on the seed ------------------------------------------


def test_seed_vote_and_poll_figures(pipeline):
    recs = pipeline.process_text(SEED.read_text(encoding="utf-8"), doc_id="ajiss-297", name=str(SEED))
    by_text = {r["text"]: r for r in recs if r["type"] == "statistic"}
    dates = {r["id"]: r for r in recs if r["type"] == "date"}
    expect = {
        "0.73%": (0.73, "margin", "Yoon Seok-yeol"),
        "48.56%": (48.56, "vote", "Yoon Seok-yeol"),
        "47.83%": (47.83, "vote", "Lee Jae-myung"),
        "28%": (28, "approval", "Yoon Seok-yeol"),
        "62%": (62, "disapproval", "Yoon Seok-yeol"),
    }
    for text, (value, measure, subject) in expect.items():
        s = by_text[text]
        assert (s["value"], s["unit"], s["measure"]["text"], s["subject"]) == (value, "percent", measure, subject), s
    for poll in ("28%", "62%"):
        assert by_text[poll]["source"] == "Gallup Korea"
        assert dates[by_text[poll]["time"]]["text"] == "the fourth week of July"
    assert by_text["62%"]["comparison"]["with"] == by_text["28%"]["id"]


# -- contract, evaluation, review ---------------------------------------------------------


def test_schema_version_1_document_still_validates():
    doc = {"doc_id": "x", "type": "document", "id": "x:document:0", "schema_version": 1, "source": "x.md", "sha256": "0" * 64,
           "title": None, "authors": [], "published": None, "series": None, "number": None, "key_points": [],
           "pipeline": {"version": "gold", "model": None}}  # fmt: skip
    assert schema_errors(doc) == []
    assert schema_errors({**doc, "schema_version": 3})


def _stat(**kw):
    rec = {"doc_id": "x", "type": "statistic", "id": "x:statistic:0", "start": 0, "end": 3, "text": "52%", "value": 52,
           "unit": "percent", "measure": None, "subject": None, "time": None, "source": "author", "approx": None,
           "comparison": None}  # fmt: skip
    rec.update(kw)
    return rec


def test_statistic_contract():
    assert schema_errors(_stat()) == []
    assert schema_errors(_stat(value={"low": 3, "high": 5}, rule="statistic/range_unit")) == []
    assert schema_errors(_stat(comparison={"direction": "up", "with": None, "cue": {"start": 0, "end": 3, "text": "52%"}})) == []
    assert schema_errors(_stat(approx="ABOUT"))
    assert schema_errors(_stat(value="52"))
    assert schema_errors(_stat(comparison={"direction": "sideways", "with": None, "cue": None}))


@pytest.mark.parametrize(
    "gold, pred, score",
    [(0.667, 2 / 3, 1.0), (0.667, 0.7, 0.0), (1.2e9, 1.2e9, 1.0), ({"low": 3, "high": 5}, {"low": 3, "high": 5}, 1.0), ({"low": 3, "high": 5}, 4, 0.0)],
)
def test_value_comparator(gold, pred, score):
    assert COMPARATORS["statistic"]["value"](_stat(value=gold), _stat(value=pred)) == score


def test_time_compares_the_dates_not_the_ids():
    cmp = COMPARATORS["statistic"]["time"]
    a = _stat(time="g:date:3", _time={"start": 10, "end": 15, "value": "2024-03"})
    b = _stat(time="p:date:1", _time={"start": 10, "end": 15, "value": "2024-03"})
    c = _stat(time="p:date:2", _time={"start": 40, "end": 44, "value": "2023"})
    assert cmp(a, b) == 1.0 and cmp(a, c) == 0.0 and cmp(_stat(_time=None), _stat(_time=None)) == 1.0


def test_version_1_gold_annotates_no_statistic(tmp_path):
    gold = tmp_path / "g.jsonl"
    doc = {"doc_id": "g", "type": "document", "id": "g:document:0", "schema_version": 1, "source": "g.md", "sha256": "0" * 64,
           "title": None, "authors": [], "published": None, "series": None, "number": None, "key_points": [],
           "pipeline": {"version": "gold", "model": None}}  # fmt: skip
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (d,) = load_file(gold)
    assert "statistic" not in d.types and "entity" in d.types
    gold.write_text(json.dumps({**doc, "schema_version": 2}) + "\n", encoding="utf-8")
    (d,) = load_file(gold)
    assert "statistic" in d.types


def test_review_cleans_a_statistic():
    source = "Turnout fell to 41% last year."
    raw = {"type": "statistic", "start": 16, "end": 19, "value": "41", "unit": "percent", "source": "",
           "measure": {"start": 0, "end": 7}, "approx": ""}  # fmt: skip
    rec = clean_record(raw, doc_id="x", rid="x:statistic:0", source=source, base={"time": "x:date:0"})
    assert rec["value"] == 41 and rec["measure"]["text"] == "Turnout" and rec["source"] == "author" and rec["time"] == "x:date:0"
    rng = clean_record({**raw, "value": "3-5"}, doc_id="x", rid="x:statistic:0", source=source)
    assert rng["value"] == {"low": 3, "high": 5}
