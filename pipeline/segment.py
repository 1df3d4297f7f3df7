"""Stage 2, segment: the blocks of the view as typed segments.

Each paragraph, key point, heading, disclaimer and header line becomes one
:class:`~claimex.document.Segment`. The kinds come from the header parse
(``ingest.parse_header``); everything from the body start on is ``body``
unless it is a heading, a disclaimer or an author note (``bio``). Sentences
are set later by the parser, inside a segment and never across one, so a
disclaimer never leaks into the body's claims.
"""

from __future__ import annotations

from .document import Document, Segment

SEGMENT_KINDS = ("header", "dateline", "title", "byline", "key_point", "disclaimer", "heading", "body", "bio")


def segment(doc: Document) -> list[Segment]:
    """Set and return ``doc.segments``."""
    header = doc.header
    kinds = header.kinds if header is not None else {}
    body_start = header.body_start if header is not None else 0
    segs: list[Segment] = []
    for i, block in enumerate(doc.blocks):
        kind = kinds.get(i)
        if kind is None:
            if i < body_start:
                kind = "header"
            elif block.heading:
                kind = "heading"
            else:
                kind = "body"
        segs.append(Segment(kind, block.start, block.end, index=len(segs)))
    doc.segments = segs
    return segs
