"""The result of converting a gold file of another format to contract records.

A converter returns a :class:`GoldFile`: the text its offsets refer to, the
record types the format annotates, and the records themselves (a document
record first), each with the line of the annotation file it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from .. import __version__
from ..records import Line


@dataclass(frozen=True)
class GoldFile:
    doc_id: str
    path: str  # the annotation file (.tml, .ann)
    text: str  # the text every offset refers to
    types: tuple[str, ...]  # the record types this format annotates
    lines: tuple[Line, ...]  # document record first, then span records in text order

    @property
    def records(self) -> list[dict]:
        return [ln.record for ln in self.lines]

    def with_source(self, source: str) -> GoldFile:
        """The same gold, its document record pointing at ``source``."""
        doc = dict(self.lines[0].record, source=source)
        return GoldFile(self.doc_id, self.path, self.text, self.types, (Line(self.path, 0, doc),) + self.lines[1:])


def document_record(
    doc_id: str,
    *,
    source: str,
    text: str,
    types: tuple[str, ...],
    origin: str,
    title: str | None = None,
    published: str | None = None,
) -> dict:
    """A contract document record for converted gold.

    ``annotated`` lists the record types the gold covers, so that the
    evaluator scores only those; ``sha256`` is the hash of ``text`` as UTF-8,
    i.e. of the ``.txt`` file ``claimex convert`` writes.
    """
    return {
        "doc_id": doc_id,
        "type": "document",
        "id": f"{doc_id}:document",
        "schema_version": 1,
        "source": source,
        "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "title": title,
        "authors": [],
        "published": published,
        "series": None,
        "number": None,
        "key_points": [],
        "disclaimer": None,
        "pipeline": {"version": __version__, "model": None},
        "annotated": list(types),
        "note": f"gold converted from {origin}",
    }
