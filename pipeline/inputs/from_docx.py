"""DOCX files: the body paragraphs with python-docx.

The body is read in document order: the ``Title`` style is the title,
``Heading N`` styles become ``#`` headings, list styles ``- `` items, table
cells paragraphs of their own. Page headers and footers are separate parts of
a DOCX and are never read; footnotes (another part) neither. Title and
authors also come from the document properties when the body has none.
"""

from __future__ import annotations

import io
import re

from ..errors import InputError
from . import Extracted, compose, split_authors


def _blocks(document) -> list[tuple[str, str]]:
    """(style name, text) of every paragraph in body order, tables included."""
    from docx.table import Table

    out = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    out.extend(("Normal", p.text) for p in cell.paragraphs)
        else:
            out.append((item.style.name if item.style is not None else "Normal", item.text))
    return out


def extract_docx(data: bytes, name: str) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"{name}: not a readable DOCX file ({type(exc).__name__})") from None
    except Exception as exc:
        if type(exc).__module__.startswith(("docx", "zipfile", "lxml")):
            raise InputError(f"{name}: not a readable DOCX file ({type(exc).__name__})") from None
        raise
    title, blocks = None, []
    for style, text in _blocks(document):
        text = " ".join(text.replace("\u00ad", "").split())
        if not text:
            continue
        level = re.match(r"Heading (\d)", style)
        if style == "Title" and title is None and not blocks:
            title = text
        elif level:
            blocks.append("#" * min(6, int(level.group(1)) + 1) + " " + text)
        elif style.startswith("List"):
            blocks.append("- " + text)
        else:
            blocks.append(text)
    props = document.core_properties
    if title is None and props.title and props.title.strip():
        title = props.title.strip()
    return Extracted(compose(blocks, title=title), "docx", title=title, authors=split_authors(props.author))
