"""HTML pages: the main text and metadata with trafilatura.

trafilatura finds the article in a page (navigation, cookie banners, share
buttons, related links, newsletters, footers, scripts and styles left out)
and reads the title, authors and publication date from the page's metadata
(JSON-LD, Open Graph and ``<meta>`` tags) or its header. Headings come as
markdown ``#`` lines, list items as ``- `` lines.
"""

from __future__ import annotations

import re

from . import Extracted, compose, iso_date, split_authors

_OPTIONS = dict(
    with_metadata=True,
    include_formatting=True,
    include_comments=False,
    include_tables=False,  # tables of figures are not prose claimex can read
    include_images=False,
    include_links=False,
    deduplicate=False,
)
_BODY_TAG = re.compile(r"<body\b", re.I)


def _extract(data: bytes | str, **kw):
    import trafilatura

    try:
        return trafilatura.bare_extraction(data, **_OPTIONS, **kw)
    except Exception:  # a page trafilatura cannot parse is treated as one without main text
        return None


def _has_text(doc) -> bool:
    return doc is not None and bool((doc.text or "").strip())


def _main_text(data: bytes, warnings: list[str]):
    """trafilatura's reading of the page: precise first, then by recall, then as a fragment given a body."""
    doc = _extract(data, favor_precision=True)
    if not _has_text(doc):
        doc = _extract(data, favor_recall=True)
    if not _has_text(doc):
        text = data.decode("utf-8", errors="replace")
        if not _BODY_TAG.search(text):  # a fragment: give it a body
            doc = _extract(f"<html><body>{text}</body></html>", favor_recall=True)
            if _has_text(doc):
                warnings.append("an HTML fragment: all its text was read")
    return doc if _has_text(doc) else None


def extract_html(data: bytes, name: str) -> Extracted:
    warnings: list[str] = []
    doc = _main_text(data, warnings)
    if doc is None:
        return Extracted("", "html", warnings=warnings)
    title = (doc.title or "").strip() or None
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n(?=\S)", doc.text) if b.strip()]
    if title and blocks and blocks[0].lstrip("# ").strip() == title:
        blocks = blocks[1:]
    authors = split_authors(doc.author)
    published = iso_date(doc.date)
    text = compose(blocks, title=title, authors=authors, published=published)
    return Extracted(text, "html", title=title, authors=authors, published=published, warnings=warnings)
