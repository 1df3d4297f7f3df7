"""No name, title or phrase from a corpus document inside the code or the
NLP assets: rules must be general (the tool is scored on unseen texts)."""

from __future__ import annotations

import json
import re

from .conftest import ROOT

# phrases specific to corpus documents that no general rule needs
CORPUS_PHRASES = ["wartime labor", "export controls", "Japan-South Korea", "Gallup Korea", "AJISS"]


def corpus_names() -> set[str]:
    names = set(CORPUS_PHRASES)
    for gold in (ROOT / "corpus" / "gold").glob("*.jsonl"):
        for line in gold.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            if rec["type"] == "document":
                if rec.get("title"):
                    names.add(rec["title"])
                names.update(rec.get("authors") or [])
            elif rec["type"] == "entity" and rec["label"] == "PERSON":
                names.add(rec["canonical"])
                names.update(t for t in re.split(r"[\s-]+", rec["canonical"]) if len(t) >= 4)
    return names


def scanned_files():
    for folder in ("pipeline", "models"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and f.suffix in (".py", ".json", ".toml", ".txt", ".cfg", ".html", ".js", ".css", ".yaml", ".yml"):
                yield f


def test_gold_names_are_loaded():
    assert len(corpus_names()) > len(CORPUS_PHRASES)


def test_no_corpus_names_in_code_or_assets():
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in sorted(corpus_names(), key=len, reverse=True)))
    hits = []
    for f in scanned_files():
        for i, line in enumerate(f.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            m = pattern.search(line)
            if m:
                hits.append(f"{f.relative_to(ROOT)}:{i}: {m.group(0)!r}")
    assert not hits, "corpus strings in code/assets:\n" + "\n".join(hits[:20])
