"""PDF files: the text of the pages in reading order, with pdfminer.six.

pdfminer.six gives the text lines of each page with their positions, fonts
and sizes; the layout is read from them:

* running headers and footers (the same line, digits aside, at the top or
  foot of several pages) and page numbers are dropped;
* footnotes (lines in a smaller type below the body, at the foot of a page)
  are moved to a ``## Notes`` section at the end, and superscript footnote
  markers in the body become ``[n]``;
* two-column pages are read column by column (full-width lines, such as a
  title, first);
* lines are joined into paragraphs (by vertical gap, size and indent); a word
  hyphenated at a line end is rejoined, and a paragraph that runs on across a
  column or page break is rejoined;
* the largest type at the top of the first page is the title; larger or bold
  short lines are headings.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field

from ..errors import InputError
from . import Extracted, compose, split_authors

_PAGE_NUMBER = re.compile(r"^(?:[-\u2013\u2014]\s*)?(?:page\s+|p\.\s*)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:/|of)\s*\d{1,4})?(?:\s*[-\u2013\u2014])?$", re.I)
_CID = re.compile(r"\(cid:\d+\)")
_TERMINAL = tuple('.!?:;"\u201d\u2019)')
_FOOTNOTE_START = re.compile(r"^\[?(\d{1,3})\]?[.)]?\s+(?=\S)")
_BULLET = re.compile(r"^(?:[\u2022\u25aa\u25cf\u2013\u2014*-]|\d{1,2}[.)])\s+")
_JOINING_WORDS = frozenset("a an the of to in on at by for from with and or but as that which who whose its their his her our this these than into".split())
MARGIN_BAND = 0.12  # headers and footers live in the top and bottom 12% of a page


@dataclass
class Line:
    page: int
    x0: float
    x1: float
    y0: float  # pdf coordinates: y grows upwards
    y1: float
    size: float
    bold: bool
    text: str
    kind: str = "body"  # body, furniture (header/footer/page number), note
    col: str = "full"  # full, left, right


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)
    soft_start: bool = False  # began at a column or page break (may continue the previous one)
    full_last: bool = False  # its last line reaches the right edge of its column (it may go on)

    @property
    def size(self) -> float:
        return statistics.median(ln.size for ln in self.lines)


# -- reading the pages ---------------------------------------------------------


def _line_text(line, size: float) -> str:
    """The text of a pdfminer line; superscript digits (small and raised) become [n]."""
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar)]
    base = statistics.median(c.y0 for c in chars if c.size >= 0.85 * size) if any(c.size >= 0.85 * size for c in chars) else None
    out, sup = [], []
    for c in line:
        t = c.get_text()
        is_sup = isinstance(c, LTChar) and base is not None and t.isdigit() and c.size < 0.8 * size and c.y0 > base + 0.15 * size
        if is_sup:
            sup.append(t)
            continue
        if sup:
            out.append("[" + "".join(sup) + "]")
            sup = []
        out.append(t)
    if sup:
        out.append("[" + "".join(sup) + "]")
    text = _CID.sub("", "".join(out))  # glyphs without a character mapping
    return re.sub(r"[ \t]+", " ", text.replace("\n", " ")).strip()


def read_lines(data: bytes, name: str) -> tuple[list[Line], list[tuple[float, float]], dict]:
    """Every horizontal text line of every page, the page sizes, and the document info."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextContainer, LTTextLineHorizontal
    from pdfminer.pdfparser import PDFSyntaxError

    lines: list[Line] = []
    pages: list[tuple[float, float]] = []
    try:
        for pno, layout in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams(line_margin=0.3)), 1):
            pages.append((layout.width, layout.height))
            for box in layout:
                if not isinstance(box, LTTextContainer):
                    continue
                for ln in box:
                    if not isinstance(ln, LTTextLineHorizontal):
                        continue
                    chars = [c for c in ln if isinstance(c, LTChar)]
                    if not chars:
                        continue
                    size = Counter(round(c.size, 1) for c in chars).most_common(1)[0][0]
                    text = _line_text(ln, size)
                    if text:
                        bold = sum("bold" in c.fontname.lower() for c in chars) > len(chars) / 2
                        lines.append(Line(pno, ln.x0, ln.x1, ln.y0, ln.y1, size, bold, text))
        info = _doc_info(data)
    except (PDFSyntaxError, ValueError, KeyError, TypeError, AssertionError) as exc:
        raise InputError(f"{name}: not a readable PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
    except Exception as exc:  # pdfminer raises many kinds; a damaged file is a user error
        if type(exc).__module__.startswith("pdfminer"):
            raise InputError(f"{name}: not a readable PDF ({type(exc).__name__}: {str(exc)[:80]})") from None
        raise
    return lines, pages, info


def _doc_info(data: bytes) -> dict:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.utils import decode_text

    doc = PDFDocument(PDFParser(io.BytesIO(data)))
    out = {}
    for info in doc.info or []:
        for key in ("Title", "Author"):
            v = info.get(key)
            if hasattr(v, "resolve"):
                v = v.resolve()
            if isinstance(v, bytes):
                v = decode_text(v)
            if isinstance(v, str) and v.strip():
                out[key.lower()] = v.strip()
    return out


# -- page furniture and footnotes ------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def mark_furniture(lines: list[Line], pages: list[tuple[float, float]]) -> None:
    """Running headers, footers and page numbers: kind = furniture."""
    n_pages = len(pages)
    band = {}
    for ln in lines:
        h = pages[ln.page - 1][1]
        band[id(ln)] = "top" if ln.y0 > h * (1 - MARGIN_BAND) else "bottom" if ln.y1 < h * MARGIN_BAND else None
    seen = Counter((band[id(ln)], _norm(ln.text)) for ln in lines if band[id(ln)])
    pages_with = Counter()
    for key in {(band[id(ln)], _norm(ln.text), ln.page) for ln in lines if band[id(ln)]}:
        pages_with[key[:2]] += 1
    for ln in lines:
        where = band[id(ln)]
        if where is None:
            continue
        repeated = n_pages >= 2 and pages_with[(where, _norm(ln.text))] >= max(2, (n_pages + 1) // 2)
        if repeated or _PAGE_NUMBER.match(ln.text):
            ln.kind = "furniture"
    del seen


def body_size(lines: list[Line]) -> float:
    """The size of most of the text (weighted by characters)."""
    sizes = Counter()
    for ln in lines:
        if ln.kind == "body":
            sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def mark_footnotes(lines: list[Line], size: float) -> None:
    """Lines in a smaller type below the lowest body-size line of a page, at its foot."""
    by_page: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.kind == "body":
            by_page.setdefault(ln.page, []).append(ln)
    for plines in by_page.values():
        body = [ln for ln in plines if abs(ln.size - size) < 0.6]
        if not body:
            continue
        lowest = min(ln.y0 for ln in body)
        foot = [ln for ln in plines if ln.y1 <= lowest + 1 and ln.size < size * 0.92]
        if foot and _FOOTNOTE_START.match(max(foot, key=lambda ln: ln.y1).text):
            for ln in foot:
                ln.kind = "note"


def notes_text(lines: list[Line]) -> list[str]:
    """The footnotes in page order, one string each, as ``[n] text``."""
    notes: list[str] = []
    for ln in sorted((ln for ln in lines if ln.kind == "note"), key=lambda ln: (ln.page, -ln.y1, ln.x0)):
        m = _FOOTNOTE_START.match(ln.text)
        if m:
            notes.append(f"[{m.group(1)}] {ln.text[m.end():]}")
        elif notes:
            notes[-1] = _join(notes[-1], ln.text, set())
        else:
            notes.append(ln.text)
    return notes


# -- reading order -----------------------------------------------------------------


def reading_order(lines: list[Line], pages: list[tuple[float, float]]) -> list[list[Line]]:
    """Per page, runs of lines in reading order (one run per column segment)."""
    runs: list[list[Line]] = []
    for pno, (w, _h) in enumerate(pages, 1):
        plines = [ln for ln in lines if ln.page == pno and ln.kind == "body"]
        top_down = sorted(plines, key=lambda ln: (-ln.y1, ln.x0))
        if not _two_columns(plines, w / 2):
            runs.append(top_down)
            continue
        runs.extend(_column_runs(top_down))
    return _merge_full_runs(runs)


def _two_columns(plines: list[Line], mid: float) -> bool:
    """Mark each line of a page left, right or full width; True when the page has two columns
    (at least three lines in each)."""
    for ln in plines:
        ln.col = "left" if ln.x1 <= mid + 2 else "right" if ln.x0 >= mid - 2 else "full"
    n_left = sum(ln.col == "left" for ln in plines)
    n_right = sum(ln.col == "right" for ln in plines)
    if n_left < 3 or n_right < 3:
        return False
    # a left line above the right column's first line (a byline under the title) spans the page
    top_right = max(ln.y1 for ln in plines if ln.col == "right")
    for ln in plines:
        if ln.col == "left" and ln.y0 > top_right:
            ln.col = "full"
    return True


def _column_runs(top_down: list[Line]) -> list[list[Line]]:
    """Full-width lines cut the page into bands; in each band, the left column, then the right."""
    runs: list[list[Line]] = []
    band: list[Line] = []
    for ln in [*top_down, None]:
        if ln is None or ln.col == "full":
            left = [x for x in band if x.col == "left"]
            right = [x for x in band if x.col == "right"]
            runs.extend(r for r in (left, right) if r)
            band = []
            if ln is not None:
                runs.append([ln])
        else:
            band.append(ln)
    return runs


def _merge_full_runs(runs: list[list[Line]]) -> list[list[Line]]:
    """Consecutive one-line full-width runs of a page are one run."""
    out: list[list[Line]] = []
    for r in runs:
        if out and len(r) == 1 and r[0].col == "full" and all(x.col == "full" for x in out[-1]) and out[-1][-1].page == r[0].page:
            out[-1].extend(r)
        else:
            out.append(list(r))
    return out


def paragraphs(runs: list[list[Line]], size: float) -> list[Para]:
    """Lines grouped into paragraphs; the first of each run is a soft start."""
    pitch = _line_pitch(runs, size)
    paras: list[Para] = []
    for run in runs:
        cur = Para(soft_start=True)
        left, right = min(ln.x0 for ln in run), max(ln.x1 for ln in run)
        for ln in run:
            if cur.lines and _breaks(cur.lines[-1], ln, pitch * ln.size / size, (left, right)):
                paras.append(cur)
                cur = Para()
            cur.lines.append(ln)
        if cur.lines:
            cur.full_last = len(run) > 1 and cur.lines[-1].x1 >= right - 0.15 * (right - left)
            paras.append(cur)
    return paras


def _line_pitch(runs: list[list[Line]], size: float) -> float:
    gaps = [a.y0 - b.y0 for run in runs for a, b in zip(run, run[1:], strict=False) if abs(a.size - size) < 0.6 and abs(b.size - size) < 0.6 and 0 < a.y0 - b.y0 < 3 * size]
    return statistics.median(gaps) if gaps else size * 1.25


def _breaks(prev: Line, ln: Line, pitch: float, edges: tuple[float, float]) -> bool:
    left, right = edges
    if abs(prev.size - ln.size) > 0.6 or prev.bold != ln.bold:
        return True
    if prev.y0 - ln.y0 > pitch * 1.35:  # a blank line's worth of space
        return True
    if _BULLET.match(ln.text):
        return True
    # a short line before a capital or a digit ends a paragraph ("By A and B" / "5 March 2024")
    if prev.x1 < left + 0.6 * (right - left) and not prev.text.endswith((",", "-")) and ln.text[:1].isupper() | ln.text[:1].isdigit():
        return True
    return ln.x0 > left + ln.size * 1.2 and prev.x0 <= left + 1  # a first-line indent


# -- text ------------------------------------------------------------------------------


def _join(a: str, b: str, hyphenated: set[str]) -> str:
    """Join two lines of a paragraph, rejoining a word hyphenated at the line end."""
    if a.endswith("\u00ad"):
        return a[:-1] + b
    m = re.search(r"(\w+)-$", a)
    if m and b[:1].islower():
        head = m.group(1)
        tail = re.match(r"\w+", b)
        word = f"{head}-{tail.group(0) if tail else ''}".lower()
        if word not in hyphenated:  # a compound the document spells with a hyphen elsewhere keeps it
            return a[:-1] + b
    return f"{a} {b}"


def _continues(prev: Para, nxt: Para) -> bool:
    """A paragraph cut by a column or page break: it runs on when the cut is mid-sentence
    (lower case or a joining word at the cut) or its last line is full and ends no sentence."""
    if not nxt.soft_start or abs(prev.size - nxt.size) > 0.6 or prev.lines[-1].bold != nxt.lines[0].bold:
        return False
    last, first = prev.lines[-1].text, nxt.lines[0].text
    if _BULLET.match(first) or last.endswith((".", "!", "?")):
        return False
    words = last.split()
    mid_sentence = first[:1].islower() or last.endswith(("-", ",")) or (bool(words) and words[-1].lower() in _JOINING_WORDS)
    return mid_sentence or (prev.full_last and not last.endswith(_TERMINAL))


def extract_pdf(data: bytes, name: str) -> Extracted:
    lines, pages, info = read_lines(data, name)
    mark_furniture(lines, pages)
    size = body_size(lines)
    mark_footnotes(lines, size)
    body = [ln for ln in lines if ln.kind == "body"]
    hyphenated = set(m.group(0).lower() for ln in body for m in re.finditer(r"\w+-\w+", ln.text))
    paras = paragraphs(reading_order(lines, pages), size)
    merged: list[Para] = []
    for p in paras:
        if merged and _continues(merged[-1], p):
            merged[-1].lines.extend(p.lines)
        else:
            merged.append(p)
    title, blocks = None, []
    for i, p in enumerate(merged):
        text = p.lines[0].text
        for ln in p.lines[1:]:
            text = _join(text, ln.text, hyphenated)
        if i == 0 and p.lines[0].page == 1 and p.size >= size * 1.25:
            title = text
        elif p.size >= size * 1.12 or (p.lines[0].bold and len(p.lines) <= 2 and not text.endswith(".")):
            blocks.append("## " + text)
        else:
            blocks.append(text)
    if title is None and len(info.get("title", "").split()) >= 3 and not re.search(r"\.\w{2,4}$|^microsoft|untitled", info.get("title", ""), re.I):
        title = info["title"]
    authors = split_authors(info.get("author"))
    out = compose(blocks, title=title, notes=notes_text(lines))
    return Extracted(out, "pdf", title=title, authors=authors)
