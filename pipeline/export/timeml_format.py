"""TimeML: ``<doc_id>.tml`` per document, the dates as TIMEX3 tags.

The whole source text goes inside ``<TEXT>`` with every date tagged
``<TIMEX3 tid type value [mod] [anchorTimeID]>``; the publication date is the
``<DCT>`` (``functionInDocument="CREATION_TIME"``), the title the
``<TITLE>``. Carriage returns are written as ``&#13;`` so an XML parser gives
the text back character for character (:func:`claimex.formats.read_timeml`
reads the file back). TIMEX3 tags cannot overlap: of two overlapping dates
the longer (first) one is written and the other reported.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..errors import ClaimexError
from ..records import atomic_file

# characters XML 1.0 cannot hold, even as character references
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _chars(s: str) -> str:
    return escape(s).replace("\r", "&#13;")


def tml_text(doc, warnings: list[str] | None = None) -> str:
    text = doc.text
    bad = _NOT_XML.search(text)
    if bad:
        raise ClaimexError(f"{doc.path}: the text of '{doc.doc_id}' holds U+{ord(bad.group()):04X} at offset {bad.start()}, which XML cannot hold; no TimeML written")
    dates = sorted((r for r in doc.records if r["type"] == "date"), key=lambda r: (r["start"], -r["end"]))
    tids = {r["id"]: f"t{i}" for i, r in enumerate(dates, 1)}
    out, pos = [], 0
    for r in dates:
        if r["start"] < pos:
            if warnings is not None:
                warnings.append(f"{doc.doc_id}: date {r['id']} overlaps another and is not in the TimeML file")
            continue
        attrs = f'tid="{tids[r["id"]]}" type={quoteattr(r["timex_type"])} value={quoteattr(r["value"])}'
        if r.get("mod"):
            attrs += f" mod={quoteattr(r['mod'])}"
        anchor = r.get("anchor")
        if anchor == "dct" and doc.document.get("published"):
            attrs += ' anchorTimeID="t0"'
        elif anchor in tids:
            attrs += f' anchorTimeID="{tids[anchor]}"'
        out.append(_chars(text[pos : r["start"]]))
        out.append(f"<TIMEX3 {attrs}>{_chars(r['text'])}</TIMEX3>")
        pos = r["end"]
    out.append(_chars(text[pos:]))
    head = ['<?xml version="1.0" encoding="UTF-8"?>', "<TimeML>", f"<DOCID>{escape(doc.doc_id)}</DOCID>"]
    published = doc.document.get("published")
    if published:
        head.append(f'<DCT><TIMEX3 tid="t0" type="DATE" value="{published}" temporalFunction="false" functionInDocument="CREATION_TIME">{published}</TIMEX3></DCT>')
    if doc.document.get("title"):
        head.append(f"<TITLE>{_chars(doc.document['title'])}</TITLE>")
    return "\n".join(head) + "\n<TEXT>" + "".join(out) + "</TEXT>\n</TimeML>\n"


def write_timeml(docs, out_dir: Path, *, dry_run: bool = False, warnings=None) -> list[Path]:
    paths = [out_dir / f"{d.doc_id}.tml" for d in docs]
    if dry_run:
        return paths
    for d, path in zip(docs, paths, strict=True):
        content = tml_text(d, warnings)
        with atomic_file(path, newline="") as f:
            f.write(content)
    return paths
