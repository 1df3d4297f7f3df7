"""The PolNeAR -> quote gold conversion of benchmarks/polnear.py, on a brat
file written for this test (no PolNeAR text)."""

from __future__ import annotations

import sys

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import polnear  # noqa: E402

TEXT = (
    "Budget talks stall.\n\n"
    "Finance Minister Jane Roe said: \u201cWe will not sign.\u201d She added that the talks would resume.\n\n"
    "The so-called \u201creset\u201d failed, according to the bank.\n"
)


def _span(words: str) -> tuple[int, int]:
    a = TEXT.index(words)
    return a, a + len(words)


def _ann() -> str:
    rows, n = [], 0

    def tb(kind: str, words: str) -> str:
        nonlocal n
        n += 1
        a, b = _span(words)
        rows.append(f"T{n}\t{kind} {a} {b}\t{words}")
        return f"T{n}"

    s, c, q = tb("Source", "Finance Minister Jane Roe"), tb("Cue", "said"), tb("Content", "\u201cWe will not sign.\u201d")
    rows.append(f"E1\tAttribution:{c} Source:{s} Cue:{c} Content:{q}")
    s, c, q = tb("Source", "She"), tb("Cue", "added"), tb("Content", "that the talks would resume")
    rows.append(f"E2\tAttribution:{c} Source:{s} Cue:{c} Content:{q}")
    s, c, q = tb("Source", "the bank"), tb("Cue", "according to"), tb("Content", "The so-called \u201creset\u201d failed")
    rows.append(f"E3\tAttribution:{c} Source:{s} Cue:{c} Content:{q}")
    return "\n".join(rows) + "\n"


@pytest.fixture()
def article(tmp_path):
    f = tmp_path / "doc_abcd.ann"
    f.write_text(_ann(), encoding="utf-8")
    return polnear.Article("doc", TEXT, polnear.read_ann(f), str(f))


def test_conversion(article):
    persons = [_span("Jane Roe")]
    quotes = polnear.convert(article, persons)
    got = [(TEXT[q.start : q.end], q.kind, q.cls, [s.names for s in q.speakers], q.optional) for q in quotes]
    assert got == [
        ("We will not sign.", "direct", "speech", [["Jane Roe"]], False),
        ("the talks would resume", "indirect", "speech", [["Jane Roe"]], False),  # 'She' -> the person before
        # a quote inside a Content with words outside it: only the marked words, partial
        ("reset", "partial", "according", [["bank", "Jane Roe"]], False),
    ]


def test_unattributed_pairs_are_optional():
    article = polnear.Article("doc", 'He called it "the plan" twice.', [], "x.ann")
    (q,) = polnear.convert(article)
    assert (q.kind, q.optional) == ("scare", True)


@pytest.mark.parametrize(
    "text, pairs",
    [
        ('A "b" and \u201cc\u201d.', ["b", "c"]),
        ("A ''b,'' he said.", ["b,"]),  # two apostrophes print a straight mark
        ("\u201cA.\n\u201cB,\u201d he said.", ["A.\n\u201cB,"]),  # continued in the next paragraph
        ("\u201cA.\nNo quote here.", []),  # unpaired
    ],
)
def test_quote_pairs(text, pairs):
    assert [text[a:b] for a, b in polnear.quote_pairs(text)] == pairs


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Spokeswoman Jane Roe", "Jane Roe"),
        ("Jane Roe, the head of the Dockers Union,", "Jane Roe"),
        ("the head of the Dockers Union", None),  # a description
        ("Jane Roe of the Daily Planet", "Jane Roe"),
        ("the Daily Planet\u2019s Jane Roe", "Jane Roe"),
        ("Bank of Atlantis", "Bank of Atlantis"),
        ("the Ohio Republican", None),
        ("Roe\u2019s campaign", None),
        ("former secretary of state Jane Roe, who praised the plan", "Jane Roe"),  # premodifiers, a relative clause
        ("One early supporter, Representative Jane Roe, Republican of Ohio", "Jane Roe"),  # a description, then the name
        ("Roe\u2019s deputy campaign manager, John Baker, who ran the count", "John Baker"),
        ("the Council on Atlantic Relations Executive Director Jane Roe", "Jane Roe"),  # a person after a title
        ("Representative John T. King of Ohio", "John T. King"),
        ("an adviser to Jane Roe", None),  # the name is the preposition's object
        ("a campaign ad released Thursday", None),
        ("a donor who supports Roe", None),
        ("Admiral Jane Roe", "Jane Roe"),
    ],
)
def test_name_in(phrase, name):
    assert polnear.name_in(phrase) == name


@pytest.mark.parametrize(
    "a, b, same",
    [("Roe", "Jane Roe", True), ("Jane", "Jane Roe", True), ("Ban", "Ban Ki-moon", True), ("Jane", "John Roe", False), ("Jane Ann Roe", "Sen. Jane Roe", True), ("Jane Roe", "John Roe", False), ("Brent Roe III", "Roe", True), ("the bank", "bank", True)],
)
def test_same_name(a, b, same):
    assert polnear.same_name(a, b) is same


@pytest.mark.parametrize(
    "cue, cls",
    [("said", "speech"), ("told reporters", "speech"), ("according to", "according"), ("believes", "cognition"), ("wants", "cognition"), ("\u2019s critique of", "other")],
)
def test_cue_class(cue, cls):
    assert polnear.cue_class(cue) == cls


@pytest.mark.parametrize(
    "phrase, parts",
    [
        ("Jane Roe and John Baker", ["Jane Roe", "John Baker"]),
        ("Sen. Jane Roe, John Baker and Ann Lee", ["Sen. Jane Roe", "John Baker", "Ann Lee"]),
        ("Jane Roe, co-director of the Liberty and Security Program", ["Jane Roe, co-director of the Liberty and Security Program"]),
        ("Dover, Delaware", ["Dover, Delaware"]),
    ],
)
def test_conjuncts(phrase, parts):
    assert [p for _, _, p in polnear._conjuncts(phrase, 0)] == parts


def test_speakers_match_by_name_or_mention():
    g = [polnear.GoldSpeaker((10, 18), "Jane Roe", ["Jane Roe"], "named")]
    assert polnear.speakers_match(g, [("Roe", None)])
    assert polnear.speakers_match(g, [("anything", (12, 15))])  # the same mention
    assert not polnear.speakers_match(g, [("John Baker", (30, 40))])
    assert not polnear.speakers_match(g, [("Jane Roe", None), ("John Baker", None)])  # one too many
