"""Date mentions: temporal expressions found by spaCy's NER (DATE, TIME).

:func:`find_dates` yields :class:`DateMention` tuples (view offsets); the
TIMEX3 value is computed by ``resolve.dates`` (anchoring to the publication
date and to the narrative).
"""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from ..assets import Assets
from ..document import Document

_TRAILING = re.compile(r"[\s(\[,;:.]+$")
_LEADING = re.compile(r"^[\s)\],;:]+")


class DateMention(NamedTuple):
    start: int
    end: int
    label: str  # spaCy label: DATE or TIME
    rule: str = "ner"


def find_dates(doc: Document, assets: Assets) -> Iterator[DateMention]:
    for seg in doc.segments:
        if seg.doc is None:
            continue
        for ent in seg.doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            span = seg.view_span(ent)
            text = doc.view.text[span.start : span.end]
            lead = len(_LEADING.match(text).group(0)) if _LEADING.match(text) else 0
            m = _TRAILING.search(text)
            trail = len(m.group(0)) if m else 0
            start, end = span.start + lead, span.end - trail
            if end > start:
                yield DateMention(start, end, ent.label_)
