"""Stage 2, segment: the blocks of the view as typed segments.

Each paragraph, key point, heading, disclaimer and header line becomes one
:class:`~claimex.document.Segment`. The kinds come from the header parse
(``ingest.parse_header``); everything from the body start on is ``body``
unless it is a heading, a disclaimer or an author note (``bio``). Sentences
are set later by the parser, inside a segment and never across one, so a
disclaimer never leaks into the body's claims.

A block longer than the processing unit limit (``[model] max_unit_chars`` in
``models/pipeline.toml``, never more than spaCy's ``nlp.max_length``) is cut
into several segments, its *processing units*: at the last sentence end
(``.``, ``!``, ``?``, closing quotes and brackets after it, then white
space) in the second half of each window, else at the last white space,
else (one enormous "word") hard at the limit. Offsets stay exact: a unit is
a plain slice of the view. Every stage after this one then works on pieces
of bounded length, so its cost grows linearly with the length of a block.
"""

from __future__ import annotations

import re

from .document import Document, Segment

SEGMENT_KINDS = ("header", "dateline", "title", "byline", "key_point", "disclaimer", "heading", "body", "bio")
# the default processing unit limit, in characters (models/pipeline.toml may set another)
MAX_UNIT_CHARS = 10_000

_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def segment(doc: Document, max_chars: int = MAX_UNIT_CHARS) -> list[Segment]:
    """Set and return ``doc.segments`` (blocks over ``max_chars`` cut into units)."""
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
        for start, end in split_units(doc.view.text, block.start, block.end, max_chars):
            segs.append(Segment(kind, start, end, index=len(segs), block=i))
    doc.segments = segs
    return segs


def split_units(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``max_chars`` characters, cut at
    sentence-like boundaries; the white space at a cut belongs to no unit.
    Linear in ``end - start``: each window is scanned once."""
    if max_chars < 2:
        raise ValueError(f"max_chars must be at least 2, got {max_chars}")
    units: list[tuple[int, int]] = []
    while end - start > max_chars:
        limit = start + max_chars
        cut, resume = _boundary(text, start + max_chars // 2, limit)
        units.append((start, cut))
        start = resume
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        units.append((start, end))
    return units


def _boundary(text: str, lo: int, hi: int) -> tuple[int, int]:
    """(end of this unit, start of the next) for a cut in ``text[lo:hi+1]``:
    the unit ends where the white space of the boundary starts, at ``hi`` at
    the latest."""
    last = _last_match(_SENTENCE_END, text, lo, hi + 1)
    if last is not None:
        return _SPACE.search(text, last.start(), last.end()).start(), last.end()
    last = _last_match(_SPACE, text, lo, hi + 1)
    if last is not None:
        return last.start(), last.end()
    return hi, hi


def _last_match(regex: re.Pattern, text: str, lo: int, hi: int) -> re.Match | None:
    """The last match of ``regex`` in ``text[lo:hi]``, or None."""
    last = None
    for m in regex.finditer(text, lo, hi):
        last = m
    return last
