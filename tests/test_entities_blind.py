"""Entities on four texts annotated in full, three of them before the rules they test existed.

tests/data/texts/ent_blind/ holds a policy brief (markdown, ALL-CAPS
headline, "Author: Name, Organisation" byline, bullets), a wire report and a
speech summary, written to show the error classes a blind evaluation found
(geographic names, head-noun references, organisation heads, legal
instruments, plural demonyms, capitals, portfolio titles, sentence-initial
adjectives), each with near misses; an op-ed (horn_oped.md) was written
after the rules, as a check that they were not fitted to the other three
(strict F1 0.75 with the old rules, 0.84 with the new ones before they saw
it). Every entity is annotated following
docs/annotation.md; the tables below are the annotation (in reading order)
and ``<stem>.gold.jsonl`` is the same annotation in the gold format, for
``claimex eval``:

    claimex run tests/data/texts/ent_blind -o /tmp/blind
    claimex eval /tmp/blind tests/data/texts/ent_blind --types entity --errors

Near misses, not annotated: "The gulf between their fleets" (lower case),
"Coastal states", "Regional leaders", "Western diplomats", "Northern
communities" (sentence-initial adjectives), "Under the Act" (a legal
instrument's head noun alone is not a name). "The Council has no mandate"
after two councils is a mention, but keeps its own canonical.
"""

from __future__ import annotations

import hashlib
import json

import pytest

from .conftest import ROOT, TEXTS

BLIND = TEXTS / "ent_blind"
BRIEF = "gulf_brief.md"
WIRE = "arctic_wire.txt"
SPEECH = "basin_speech.txt"
OPED = "horn_oped.md"  # written after the rules, as a check they were not fitted to the other three

# in reading order: (text, label, canonical, title); a row's text is looked
# for after the end of the previous row
GOLD = {
    BRIEF: [
        ("GULF OF THAILAND", "LOC", "Gulf of Thailand", None),
        ("Dara Chhim", "PERSON", "Dara Chhim", None),
        ("Mekong Policy Institute", "ORG", "Mekong Policy Institute", None),
        ("Gulf of Thailand", "LOC", "Gulf of Thailand", None),
        ("Mekong River Commission", "ORG", "Mekong River Commission", None),
        ("Cambodia", "GPE", "Cambodia", None),
        ("Port State Measures Agreement", "LAW", "Port State Measures Agreement", None),
        ("Gulf of Thailand", "LOC", "Gulf of Thailand", None),
        ("Asia", "LOC", "Asia", None),
        ("Cambodia", "GPE", "Cambodia", None),
        ("Thailand", "GPE", "Thailand", None),
        ("Vietnam", "GPE", "Vietnam", None),
        ("Malaysia", "GPE", "Malaysia", None),
        ("Mekong Delta", "LOC", "Mekong Delta", None),
        ("Gulf", "LOC", "Gulf of Thailand", None),
        ("Cambodian", "NORP", "Cambodian", None),
        ("Keo Sovann", "PERSON", "Keo Sovann", "Water Resources Minister"),
        ("Phnom Penh", "GPE", "Phnom Penh", None),
        ("Mekong", "LOC", "Mekong", None),
        ("Lancang", "LOC", "Lancang", None),
        ("Delta", "LOC", "Mekong Delta", None),
        ("Keo", "PERSON", "Keo Sovann", None),
        ("Mekong River Commission", "ORG", "Mekong River Commission", None),
        ("Commission", "ORG", "Mekong River Commission", None),
        ("Vientiane", "GPE", "Vientiane", None),
        ("Vietnamese", "NORP", "Vietnamese", None),
        ("Natuna Sea", "LOC", "Natuna Sea", None),
        ("Indonesian", "NORP", "Indonesian", None),
        ("Indonesians", "NORP", "Indonesians", None),
        ("Fisheries Act", "LAW", "Fisheries Act", None),
        ("Hanoi", "GPE", "Hanoi", None),
        ("Filipinos", "NORP", "Filipinos", None),
        ("Sulu Sea", "LOC", "Sulu Sea", None),
        ("Port State Measures Agreement", "LAW", "Port State Measures Agreement", None),
        ("United Nations Convention on the Law of the Sea", "LAW", "United Nations Convention on the Law of the Sea", None),
        ("Thailand", "GPE", "Thailand", None),
        ("Cambodia", "GPE", "Cambodia", None),
        ("Thai", "NORP", "Thai", None),
        ("Somchai Rattanakul", "PERSON", "Somchai Rattanakul", "Minister of Agriculture"),
        ("Bay of Bangkok", "LOC", "Bay of Bangkok", None),
        ("Rattanakul", "PERSON", "Somchai Rattanakul", None),
        ("Bangkok", "GPE", "Bangkok", None),
        ("Malaysian", "NORP", "Malaysian", None),
        ("Aziz Rahman", "PERSON", "Aziz Rahman", "Secretary of State for Maritime Affairs"),
        ("Tonle Sap", "LOC", "Tonle Sap", None),
        ("Cardamom Mountains", "LOC", "Cardamom Mountains", None),
        ("Asian Development Bank", "ORG", "Asian Development Bank", None),
        ("WorldFish Center", "ORG", "WorldFish Center", None),
        ("Dara Chhim", "PERSON", "Dara Chhim", None),
        ("Mekong Policy Institute", "ORG", "Mekong Policy Institute", None),
    ],
    WIRE: [
        ("Greenland", "GPE", "Greenland", None),
        ("Copenhagen", "GPE", "Copenhagen", None),
        ("NUUK", "GPE", "Nuuk", None),
        ("Reuters", "ORG", "Reuters", None),
        ("Greenland", "GPE", "Greenland", None),
        ("Kvanefjeld", "LOC", "Kvanefjeld", None),
        ("Tanbreez", "LOC", "Tanbreez", None),
        ("Denmark", "GPE", "Denmark", None),
        ("Pipaluk Heilmann", "PERSON", "Pipaluk Heilmann", "Minister for Mineral Resources"),
        ("Inatsisartut", "ORG", "Inatsisartut", None),
        ("Greenland", "GPE", "Greenland", None),
        ("Kvanefjeld", "LOC", "Kvanefjeld", None),
        ("Heilmann", "PERSON", "Pipaluk Heilmann", None),
        ("Greenlanders", "NORP", "Greenlanders", None),
        ("Copenhagen", "GPE", "Copenhagen", None),
        ("Danish", "NORP", "Danish", None),
        ("Lars Holm", "PERSON", "Lars Holm", "Minister of Foreign Affairs"),
        ("Denmark", "GPE", "Denmark", None),
        ("Holm", "PERSON", "Lars Holm", None),
        ("Arctic Council", "ORG", "Arctic Council", None),
        ("Nordic Council of Ministers", "ORG", "Nordic Council of Ministers", None),
        ("Davis Strait", "LOC", "Davis Strait", None),
        ("Baffin Bay", "LOC", "Baffin Bay", None),
        ("Council", "ORG", "Council", None),  # two councils before it: as written
        ("Greenland Minerals", "ORG", "Greenland Minerals", None),
        ("Australian", "NORP", "Australian", None),
        ("Kvanefjeld", "LOC", "Kvanefjeld", None),
        ("Mineral Resources Act", "LAW", "Mineral Resources Act", None),
        ("Narsaq Valley", "LOC", "Narsaq Valley", None),
        ("Tunulliarfik Fjord", "LOC", "Tunulliarfik Fjord", None),
        ("Icelanders", "NORP", "Icelanders", None),
        ("Faroese", "NORP", "Faroese", None),
        ("Reykjavik", "GPE", "Reykjavik", None),
        ("Bjarni Olafsson", "PERSON", "Bjarni Olafsson", "Fisheries Minister"),
        ("Greenland Sea", "LOC", "Greenland Sea", None),
        ("Dutch", "NORP", "Dutch", None),
        ("European Commission", "ORG", "European Commission", None),
        ("Ilulissat Declaration", "LAW", "Ilulissat Declaration", None),
        ("Self-Government Act", "LAW", "Self-Government Act", None),
        ("Nuuk", "GPE", "Nuuk", None),
        ("Denmark", "GPE", "Denmark", None),
        ("United States", "GPE", "United States", None),
        ("Nuuk", "GPE", "Nuuk", None),
        ("Chinese", "NORP", "Chinese", None),
        ("Narsaq", "GPE", "Narsaq", None),
        ("Kurds", "NORP", "Kurds", None),
        ("Filipinos", "NORP", "Filipinos", None),
        ("Greenland Human Rights Council", "ORG", "Greenland Human Rights Council", None),
    ],
    SPEECH: [
        ("Lake Chad Basin", "LOC", "Lake Chad Basin", None),
        ("Amina Bello", "PERSON", "Amina Bello", "Minister of Foreign Affairs"),
        ("Abuja", "GPE", "Abuja", None),
        ("Lake Chad", "LOC", "Lake Chad", None),
        ("Bello", "PERSON", "Amina Bello", None),
        ("Nigerians", "NORP", "Nigerians", None),
        ("Chadians", "NORP", "Chadians", None),
        ("Cameroonians", "NORP", "Cameroonians", None),
        ("Nigeriens", "NORP", "Nigeriens", None),
        ("Lake Chad Basin Commission", "ORG", "Lake Chad Basin Commission", None),
        ("Ubangi River", "LOC", "Ubangi River", None),
        ("Commission", "ORG", "Lake Chad Basin Commission", None),
        ("N'Djamena", "GPE", "N'Djamena", None),
        ("Bello", "PERSON", "Amina Bello", None),
        ("Basin", "LOC", "Lake Chad Basin", None),
        ("Bight of Benin", "LOC", "Bight of Benin", None),
        ("Yaounde Code of Conduct", "LAW", "Yaounde Code of Conduct", None),
        ("Nigeria", "GPE", "Nigeria", None),
        ("Suppression of Piracy and Other Maritime Offences Act", "LAW", "Suppression of Piracy and Other Maritime Offences Act", None),
        ("Resolution 2039", "LAW", "Resolution 2039", None),
        ("Security Council", "ORG", "Security Council", None),
        ("Council", "ORG", "Security Council", None),
        ("Chadian", "NORP", "Chadian", None),
        ("Mahamat Saleh Issa", "PERSON", "Mahamat Saleh Issa", "Defence Minister"),
        ("Multinational Joint Task Force", "ORG", "Multinational Joint Task Force", None),
        ("Issa", "PERSON", "Mahamat Saleh Issa", None),
        ("African Union", "ORG", "African Union", None),
        ("Economic Community of West African States", "ORG", "Economic Community of West African States", None),
        ("Paris Agreement", "LAW", "Paris Agreement", None),
        ("Sahel", "LOC", "Sahel", None),
        ("Bello", "PERSON", "Amina Bello", None),
        ("Niger Basin Authority", "ORG", "Niger Basin Authority", None),
        ("Benue River", "LOC", "Benue River", None),
        ("Cameroon", "GPE", "Cameroon", None),
        ("Benoue", "LOC", "Benoue", None),
        ("Mandara Mountains", "LOC", "Mandara Mountains", None),
        ("Komadugu Yobe", "LOC", "Komadugu Yobe", None),
        ("International Crisis Group", "ORG", "International Crisis Group", None),
        ("Kukawa Development Foundation", "ORG", "Kukawa Development Foundation", None),
    ],
    OPED: [
        ("RED SEA", "LOC", "Red Sea", None),
        ("HORN", "LOC", "Horn of Africa", None),  # the fullest form comes later
        ("Lena Fischer", "PERSON", "Lena Fischer", None),
        ("German Council on Foreign Relations", "ORG", "German Council on Foreign Relations", None),
        ("Bab el-Mandeb Strait", "LOC", "Bab el-Mandeb Strait", None),
        ("Houthi", "NORP", "Houthi", None),
        ("Suez Canal Authority", "ORG", "Suez Canal Authority", None),
        ("Egyptians", "NORP", "Egyptians", None),
        ("Horn of Africa", "LOC", "Horn of Africa", None),
        ("Ethiopia", "GPE", "Ethiopia", None),
        ("Eritrea", "GPE", "Eritrea", None),
        ("Djibouti", "GPE", "Djibouti", None),
        ("Ethiopian", "NORP", "Ethiopian", None),
        ("Abiy Ahmed", "PERSON", "Abiy Ahmed", "Prime Minister"),
        ("Somaliland", "GPE", "Somaliland", None),
        ("Berbera", "GPE", "Berbera", None),
        ("Mogadishu", "GPE", "Mogadishu", None),
        ("Constitution of Somalia", "LAW", "Constitution of Somalia", None),
        ("African Union Peace and Security Council", "ORG", "African Union Peace and Security Council", None),
        ("Council", "ORG", "Council", None),  # two councils before it
        ("Somalis", "NORP", "Somalis", None),
        ("Hargeisa", "GPE", "Hargeisa", None),
        ("Somalis", "NORP", "Somalis", None),
        ("Mogadishu", "GPE", "Mogadishu", None),
        ("Gulf of Aden", "LOC", "Gulf of Aden", None),
        ("European Union", "ORG", "European Union", None),
        ("India", "GPE", "India", None),
        ("Socotra", "LOC", "Socotra", None),
        ("Rajnath Singh", "PERSON", "Rajnath Singh", "Minister of Defence"),
        ("Lok Sabha", "ORG", "Lok Sabha", None),
        ("Indian Navy", "ORG", "Indian Navy", None),
        ("Singh", "PERSON", "Rajnath Singh", None),
        ("Ethiopia", "GPE", "Ethiopia", None),
        ("Grand Ethiopian Renaissance Dam", "FAC", "Grand Ethiopian Renaissance Dam", None),
        ("Blue Nile", "LOC", "Blue Nile", None),
        ("Ethiopia", "GPE", "Ethiopia", None),
        ("Abay", "LOC", "Abay", None),
        ("Egypt", "GPE", "Egypt", None),
        ("Hani Sewilam", "PERSON", "Hani Sewilam", "Minister of Water Resources and Irrigation"),
        ("Cairo", "GPE", "Cairo", None),
        ("Security Council", "ORG", "Security Council", None),
        ("Declaration of Principles", "LAW", "Declaration of Principles", None),
        ("Khartoum", "GPE", "Khartoum", None),
        ("Intergovernmental Authority on Development", "ORG", "Intergovernmental Authority on Development", None),
        ("Djibouti", "GPE", "Djibouti", None),
        ("Jeddah", "GPE", "Jeddah", None),
        ("Sudan", "GPE", "Sudan", None),
        ("Sudanese", "NORP", "Sudanese", None),
        ("Chad", "GPE", "Chad", None),
        ("South Sudan", "GPE", "South Sudan", None),
        ("Lena Fischer", "PERSON", "Lena Fischer", None),
        ("German Council on Foreign Relations", "ORG", "German Council on Foreign Relations", None),
    ],
}

# floors a change must not go below (figures after the rules were written:
# strict F1 0.95-1.00, label accuracy 0.96-1.00, canonical 1.00, titles 1.00)
MIN_STRICT_F1 = 0.93
MIN_LABEL = 0.94
MIN_CANONICAL = 0.97
MIN_TITLE = 0.97


def _read(name: str) -> str:
    return (BLIND / name).read_bytes().decode("utf-8")


def _is_word_boundary(text: str, a: int, b: int) -> bool:
    return (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum())


def gold_spans(name: str) -> list[tuple[int, int, str, str, str | None]]:
    """The table of ``name`` as (start, end, label, canonical, title)."""
    source = _read(name)
    out, pos = [], 0
    for text, label, canonical, title in GOLD[name]:
        a = source.find(text, pos)
        while a >= 0 and not _is_word_boundary(source, a, a + len(text)):
            a = source.find(text, a + 1)
        assert a >= 0, f"{name}: {text!r} not found after offset {pos}"
        out.append((a, a + len(text), label, canonical, title))
        pos = a + len(text)
    return out


def gold_records(name: str) -> list[dict]:
    """The annotation of ``name`` as gold-format records (entities only)."""
    doc_id = name.rsplit(".", 1)[0]
    source = _read(name)
    recs: list[dict] = [
        {
            "doc_id": doc_id,
            "type": "document",
            "id": f"{doc_id}:document:0",
            "source": str((BLIND / name).relative_to(ROOT)),
            "sha256": hashlib.sha256((BLIND / name).read_bytes()).hexdigest(),
            "title": None,
            "authors": [],
            "published": None,
            "series": None,
            "number": None,
            "key_points": [],
            "disclaimer": None,
            "pipeline": {"version": "gold", "model": None},
            "schema_version": 1,
            "annotated": ["entity"],
        }
    ]
    for n, (a, b, label, canonical, title) in enumerate(gold_spans(name)):
        recs.append(
            {
                "doc_id": doc_id,
                "type": "entity",
                "id": f"{doc_id}:entity:{n}",
                "start": a,
                "end": b,
                "text": source[a:b],
                "label": label,
                "canonical": canonical,
                "title": title,
            }
        )
    return recs


def write_gold_files() -> None:
    """Rewrite ``<stem>.gold.jsonl`` from the tables (after editing a table)."""
    for name in GOLD:
        path = BLIND / (name.rsplit(".", 1)[0] + ".gold.jsonl")
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold_records(name)), encoding="utf-8")


@pytest.mark.parametrize("name", sorted(GOLD))
def test_gold_file_is_the_table(name):
    path = BLIND / (name.rsplit(".", 1)[0] + ".gold.jsonl")
    on_disk = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert on_disk == gold_records(name)


def scores(records: list[dict], gold: list[tuple]) -> dict[str, float]:
    g = {(a, b): (label, canon, title) for a, b, label, canon, title in gold}
    p = {(r["start"], r["end"]): (r["label"], r["canonical"], r["title"]) for r in records}
    both = [k for k in p if k in g]

    def f1(tp: int) -> float:
        return 2 * tp / (len(p) + len(g)) if p or g else 1.0

    n = max(1, len(both))
    return {
        "strict_f1": f1(sum(p[k][0] == g[k][0] for k in both)),
        "span_f1": f1(len(both)),
        "label_acc": sum(p[k][0] == g[k][0] for k in both) / n,
        "canonical_acc": sum(p[k][1] == g[k][1] for k in both) / n,
        "title_acc": sum(p[k][2] == g[k][2] for k in both) / n,
    }


@pytest.mark.parametrize("name", sorted(GOLD))
def test_blind_scores(records_of, name):
    recs = records_of(_read(name), doc_id=name.rsplit(".", 1)[0]).get("entity", [])
    s = scores(recs, gold_spans(name))
    assert s["strict_f1"] >= MIN_STRICT_F1, s
    assert s["label_acc"] >= MIN_LABEL, s
    assert s["canonical_acc"] >= MIN_CANONICAL, s
    assert s["title_acc"] >= MIN_TITLE, s
