"""The data a document carries through the stages.

Offsets inside the pipeline are *view* offsets: character positions in the
analysis view (markdown marks removed, PDF line wraps repaired; see
``ingest``). :class:`View` maps them back to source offsets, which are the
only offsets ever written to a record.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, NamedTuple


@dataclass
class Source:
    """A file as read: UTF-8, a leading BOM skipped, newlines untouched."""

    path: str
    doc_id: str
    text: str
    sha256: str


@dataclass
class View:
    """The analysis view of a source and the map back to it.

    ``to_source[i]`` is the source offset of view character ``i``; the list has
    one extra entry, ``len(source)``, so that an end offset maps too. A view
    character that stands for a run of source characters (a line wrap turned
    into a space) maps to the first of them.
    """

    text: str
    to_source: array

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view span [start, end) (end exclusive)."""
        if end <= start:
            s = self.to_source[start]
            return s, s
        return self.to_source[start], self.to_source[end - 1] + 1


class Span(NamedTuple):
    """A view span."""

    start: int
    end: int


@dataclass
class Segment:
    """A paragraph-like unit of the view, parsed on its own.

    A block longer than the processing unit limit is split into several
    segments (its *processing units*, cut at sentence-like boundaries), which
    share the block's ``kind`` and ``block`` index. ``kind`` is one of: header, title, byline, key_point, disclaimer, heading,
    body, bio. Only key_point and body segments carry claims (quotes and
    recommendations); entities and dates are read everywhere.
    """

    kind: str
    start: int
    end: int
    index: int = 0
    doc: Any = None  # spacy.tokens.Doc once parsed
    block: int = -1  # index of the block (paragraph) in ``Document.blocks``; a long block gives several segments

    CLAIM_KINDS = ("key_point", "body")

    @property
    def carries_claims(self) -> bool:
        return self.kind in self.CLAIM_KINDS

    def view_span(self, obj) -> Span:
        """View offsets of a spaCy Token or Span of this segment's Doc."""
        if hasattr(obj, "start_char"):
            return Span(self.start + obj.start_char, self.start + obj.end_char)
        return Span(self.start + obj.idx, self.start + obj.idx + len(obj.text))

    def char_span(self, start: int, end: int, **kw):
        """The spaCy Span of this segment's Doc covering view offsets [start, end)."""
        return self.doc.char_span(start - self.start, end - self.start, **kw)


@dataclass
class Metadata:
    title: str | None = None
    title_span: Span | None = None
    authors: list[str] = field(default_factory=list)
    author_spans: list[Span] = field(default_factory=list)
    published: str | None = None  # ISO date
    published_span: Span | None = None
    series: str | None = None
    number: str | None = None
    key_points: list[Span] = field(default_factory=list)
    disclaimer: Span | None = None
    # a speech transcript or an interview: the person whose words the text is
    # (``voice_span``, the name in the note or title) and the blocks that are
    # their words (``voiced``; the answers, the speech), as view spans
    voice_span: Span | None = None
    voiced: list[Span] = field(default_factory=list)


@dataclass
class Document:
    source: Source
    view: View
    meta: Metadata
    segments: list[Segment] = field(default_factory=list)
    # extractor name -> list of mentions (typed tuples, view offsets)
    mentions: dict[str, list] = field(default_factory=dict)
    # notes the run summary reports (e.g. unpaired quotation marks)
    warnings: list[str] = field(default_factory=list)
    blocks: list = field(default_factory=list)  # ingest.Block, view offsets
    header: Any = None  # ingest.Header
    # an HTML, PDF or DOCX input (inputs.Original): ``source.text`` is the text
    # extracted from it, written next to the output as <doc_id>.txt
    original: Any = None
    # per-document annotations shared by extractors (extractors.annotations), computed once
    annotations: dict[str, Any] = field(default_factory=dict)

    @property
    def doc_id(self) -> str:
        return self.source.doc_id

    def claim_segments(self):
        return [s for s in self.segments if s.carries_claims]

    def segment_at(self, offset: int) -> Segment | None:
        """The segment holding view ``offset`` (a binary search: segments are in order)."""
        segs = self.segments
        k = bisect_right(segs, offset, key=lambda s: s.start) - 1
        if k >= 0 and segs[k].start <= offset < segs[k].end:
            return segs[k]
        return None
