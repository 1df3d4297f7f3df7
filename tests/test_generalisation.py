"""No name, title or phrase from a corpus document inside the code or the
NLP assets: rules must be general (the tool is scored on unseen texts)."""

from __future__ import annotations

import json
import re

from .conftest import ROOT

# phrases specific to corpus documents that no general rule needs
CORPUS_PHRASES = ["wartime labor", "export controls", "Japan-South Korea", "Gallup Korea", "AJISS"]


def corpus_names() -> set[str]:
    return corpus_strings()[0] | corpus_strings()[1]


def corpus_strings() -> tuple[set[str], set[str]]:
    """(names and phrases, single words of person names). A single word only
    counts on its own: "Helena" of an author is not "Saint Helena" of a gazetteer."""
    names, parts = set(CORPUS_PHRASES), set()
    for gold in (ROOT / "corpus" / "gold").glob("*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["type"] == "document":
                if rec.get("title"):
                    names.add(rec["title"])
                names.update(rec.get("authors") or [])
            elif rec["type"] == "entity" and rec["label"] == "PERSON":
                names.add(rec["canonical"])
                parts.update(t for t in re.split(r"[\s-]+", rec["canonical"]) if len(t) >= 4)
    # title words inside names ("Hassan Sheikh Mohamud") are generic knowledge, not the document's
    titles = json.loads((ROOT / "models" / "lexicons" / "person_titles.json").read_text(encoding="utf-8"))
    title_words = {w for entry in _entries(titles) for w in entry.split()}
    return names, parts - names - title_words


def _entries(lexicon: dict) -> list[str]:
    return list(lexicon.get("entries") or lexicon.get("map") or [])


def scanned_files():
    for folder in ("pipeline", "models"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".json", ".toml", ".txt", ".cfg", ".html", ".js", ".css", ".yaml", ".yml"):
                yield f


def test_gold_names_are_loaded():
    assert len(corpus_names()) > len(CORPUS_PHRASES)


def _inside_longer_name(line: str, m: re.Match) -> bool:
    """A capitalised word right before or after the hit: part of another name."""
    return bool(re.search(r"\b[A-Z][\w.]*[\s-]$", line[: m.start()]) or re.match(r"[\s-][A-Z]", line[m.end() :]))


def test_no_corpus_names_in_code_or_assets():
    names, parts = corpus_strings()
    whole = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(names, key=len, reverse=True)))
    alone = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(parts, key=len, reverse=True)))
    hits = []
    for f in scanned_files():
        for i, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            m = whole.search(line) or next((p for p in alone.finditer(line) if not _inside_longer_name(line, p)), None)
            if m:
                hits.append(f"{f.relative_to(ROOT)}:{i}: {m.group(0)!r}")
    assert not hits, "corpus strings in code/assets:\n" + "\n".join(hits[:20])


def test_a_name_part_inside_another_name_is_not_a_hit():
    line = '  "Saint Helena", "Helena"'
    hits = [m for m in re.finditer(r"\bHelena\b", line) if not _inside_longer_name(line, m)]
    assert [m.start() for m in hits] == [line.rindex("Helena")]


def _gazetteer_names() -> set[str]:
    """Every name the lexicons list (generic knowledge: countries, capitals, regions ...)."""
    out: set[str] = set()
    for f in (ROOT / "models" / "lexicons").glob("*.json"):
        data = json.loads(f.read_text(encoding="utf-8"))
        out.update(e for e in data.get("entries") or [] if isinstance(e, str))
        for k, v in (data.get("map") or {}).items():
            out.add(k)
            if isinstance(v, dict):
                out.update(v.get("aliases", []) + v.get("demonyms", []))
    return out


def test_no_corpus_entity_names_in_code_or_assets():
    """Names of any kind (organisations, places, laws ...) from the gold that no
    gazetteer lists: not even as an example in a docstring or description."""
    known = _gazetteer_names()
    known_text = " | ".join(sorted(known))
    names = set()
    for gold in (ROOT / "corpus" / "gold").glob("*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["type"] == "entity":
                if rec["label"] == "NORP":
                    continue  # nationality words are generic knowledge
                for n in (rec["text"], rec["canonical"]):
                    # a word of a listed name ("North Atlantic" of the alliance) is known too
                    if len(n) >= 4 and n not in known and not n.islower() and not re.search(rf"\b{re.escape(n)}\b", known_text):
                        names.add(n)
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(names, key=len, reverse=True)))
    hits = [
        f"{f.relative_to(ROOT)}:{i}: {m.group(0)!r}"
        for f in scanned_files()
        for i, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        for m in [pattern.search(line)]
        if m
    ]
    assert not hits, "corpus names in code/assets:\n" + "\n".join(hits[:20])
