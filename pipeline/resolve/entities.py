"""Canonical entity names within a document.

Mentions of one real entity share one canonical name: the fullest form used
in the document. A shorter mention joins a longer one of the same label when
its tokens are a contiguous part of it ("Smith" -> "John Smith").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document, Span
from ..extract.entities import EntityMention


class Entity(NamedTuple):
    start: int
    end: int
    label: str
    canonical: str
    title: str | None = None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in re.findall(r"[\w'\u2019.-]+", text))


def _contains(long: tuple[str, ...], short: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def canonical_names(doc: Document, mentions: list[EntityMention]) -> list[Entity]:
    text = doc.view.text
    forms = {}  # (label, tokens) -> display form (longest-first preference)
    for m in mentions:
        s = _norm(text[m.start : m.end])
        key = (m.label, _tokens(s))
        forms.setdefault(key, s)
    by_label: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for (label, toks), s in forms.items():
        by_label.setdefault(label, []).append((toks, s))
    canon: dict[tuple[str, tuple[str, ...]], str] = {}
    for label, items in by_label.items():
        items.sort(key=lambda it: (-len(it[0]), -len(it[1])))
        for toks, s in items:
            target = s
            for ltoks, ls in items:
                if len(ltoks) > len(toks) and _contains(ltoks, toks):
                    target = canon.get((label, ltoks), ls)
                    break
            canon[(label, toks)] = target
    out = []
    for m in mentions:
        s = _norm(text[m.start : m.end])
        out.append(Entity(m.start, m.end, m.label, canon[(m.label, _tokens(s))], m.title))
    return out


def entity_at(entities: list[Entity], span: Span) -> Entity | None:
    """The largest entity mention inside ``span`` (for speakers and holders)."""
    inside = [e for e in entities if e.start >= span.start and e.end <= span.end]
    if not inside:
        return None
    return max(inside, key=lambda e: e.end - e.start)
