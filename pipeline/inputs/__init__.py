"""Inputs that are not plain text: HTML pages, PDF and DOCX files.

:func:`detect_format` tells from the file suffix, or for ``.txt``/``.md``
and stdin from the bytes themselves, whether an input must be converted;
:func:`convert` turns its bytes into an :class:`Extracted`: the main text as
plain text (title, byline and date lines first, then the body paragraphs
separated by blank lines, ``#`` headings, a ``## Notes`` section for PDF
footnotes) and the metadata found on the way. The extracted text is what
records point into: ``claimex run`` writes it next to the output as
``<doc_id>.txt`` and names the original file and both hashes in the
document record.

Each format has its own module and library, imported only when needed:
``from_html`` (trafilatura), ``from_pdf`` (pdfminer.six), ``from_docx``
(python-docx).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import InputError

# suffix -> format
CONVERTED_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx"}
LIBRARIES = {"html": "trafilatura", "pdf": "pdfminer.six", "docx": "python-docx"}

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_BLOCK_END = re.compile(r"</(?:p|div|h[1-6]|li|article|section|body|table|td|span)\s*>", re.I)


@dataclass
class Extracted:
    """The text claimex reads from a converted input, and what was found with it."""

    text: str
    format: str  # html, pdf, docx
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # ISO date
    warnings: list[str] = field(default_factory=list)


@dataclass
class Original:
    """The converted input as the document record names it."""

    path: str
    sha256: str
    format: str
    extractor: str  # library and version

    def record(self, path: str) -> dict:
        return {"path": path, "sha256": self.sha256, "format": self.format, "extractor": self.extractor}


def looks_like_html(text: str) -> bool:
    """A whole page (doctype, <html>, <head>, <body> first) or markup with several closed block tags."""
    head = text[:4096]
    return bool(_HTML_START.match(head)) or len(_HTML_BLOCK_END.findall(text[:200_000])) >= 4


def detect_format(suffix: str, data: bytes) -> str | None:
    """``html``, ``pdf`` or ``docx`` when the input must be converted, else None (plain text)."""
    fmt = CONVERTED_SUFFIXES.get(suffix.lower())
    if fmt is not None:
        return fmt
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return "docx"
    try:
        head = data[:200_000].decode("utf-8", errors="ignore")
    except Exception:  # pragma: no cover - decode with errors="ignore" does not raise
        return None
    return "html" if looks_like_html(head) else None


def extractor_name(fmt: str) -> str:
    lib = LIBRARIES[fmt]
    try:
        return f"{lib} {importlib.metadata.version(lib)}"
    except importlib.metadata.PackageNotFoundError:
        return lib


def convert(data: bytes, fmt: str, name: str) -> Extracted:
    """The main text and metadata of an HTML, PDF or DOCX input (one clear error if there is none)."""
    if fmt == "html":
        from .from_html import extract_html as reader
    elif fmt == "pdf":
        from .from_pdf import extract_pdf as reader
    elif fmt == "docx":
        from .from_docx import extract_docx as reader
    else:  # pragma: no cover - detect_format returns only these
        raise ValueError(fmt)
    out = reader(data, name)
    if not out.text.strip():
        raise InputError(f"{name}: no text found in this {fmt.upper()} file (a scanned PDF needs OCR first)")
    return out


def original_of(data: bytes, fmt: str, path: str) -> Original:
    return Original(path, hashlib.sha256(data).hexdigest(), fmt, extractor_name(fmt))


# -- composing the extracted text -------------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from the start of an ISO date or timestamp, else None."""
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def compose(body: list[str], *, title: str | None = None, authors: list[str] | None = None, published: str | None = None, notes: list[str] | None = None) -> str:
    """The extracted text: ``# title``, ``By A and B``, the date, the body blocks, ``## Notes``.

    The header lines are written the way claimex's header patterns read them,
    so the title, byline and date are segments of their own (never claims).
    """
    blocks: list[str] = []
    if title:
        blocks.append("# " + " ".join(title.split()))
    if authors:
        names = [" ".join(a.split()) for a in authors]
        blocks.append("By " + (", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]))
    if published:
        d = date.fromisoformat(published)
        blocks.append(f"{d.day} {_MONTHS[d.month - 1]} {d.year}")
    blocks.extend(b for b in (x.strip() for x in body) if b)
    if notes:
        blocks.append("## Notes")
        blocks.extend(n.strip() for n in notes if n.strip())
    return "\n\n".join(blocks) + "\n"


def split_authors(value: str | None) -> list[str]:
    """Author names from a metadata string ("A; B", "A, B and C"), organisations and e-mails left out."""
    if not value:
        return []
    parts = re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", value)
    out = []
    for p in parts:
        p = " ".join(p.split()).strip(" .")
        if p and "@" not in p and "/" not in p and 1 < len(p.split()) <= 5 and p not in out:
            out.append(p)
    return out
