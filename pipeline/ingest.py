"""Stage 1, ingest: read a file and build its analysis view and metadata.

* :func:`read_source` reads a file as UTF-8 (a leading BOM skipped, newlines
  untouched) and fails with one clear line for missing, empty, binary and
  non-UTF-8 input.
* :func:`build_view` turns the source into the *analysis view*: markdown marks
  removed, lines of a paragraph joined, paragraphs split by a PDF page break
  rejoined, ALL-CAPS headlines title-cased (character for character), with a
  map from every view character back to its source offset.
* :func:`parse_header` reads series, number, publication date, title, authors,
  key points and disclaimer from the header blocks, using the named patterns
  of ``models/patterns/header.json``.
* :func:`ingest` composes the three into a :class:`~claimex.document.Document`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from array import array
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .assets import Assets
from .document import Document, Metadata, Source, Span, View
from .errors import Errors, InputError
from .inputs import CONVERTED_SUFFIXES, Extracted, convert, detect_format, original_of

PLAIN_SUFFIXES = (".txt", ".md")
SUPPORTED_SUFFIXES = PLAIN_SUFFIXES + tuple(CONVERTED_SUFFIXES)  # HTML, PDF, DOCX are converted first
# header pattern kinds whose lines stand alone even without a blank line around them
FIELD_LINE_KINDS = ("date", "byline", "title", "number")
FIELD_LINE_MAX_CHARS = 80
# a line this long is no hard-wrapped line: in a group of lines with one, every
# line that ends a sentence ends a paragraph (plain text with one paragraph a line)
LONG_LINE_CHARS = 200
# the longest document ingest takes (models/pipeline.toml [ingest] max_document_chars may change it)
MAX_DOCUMENT_CHARS = 5_000_000

# -- reading ---------------------------------------------------------------


def read_source(path: str | Path) -> str:
    """The text of ``path`` as claimex offsets see it."""
    return decode_source(read_bytes(path), str(path))


def read_bytes(path: str | Path, max_chars: int | None = None) -> bytes:
    """The bytes of an input file; a missing or unreadable file is one clear error.

    Only regular files are read: a FIFO, a socket or a device is refused
    (opened without blocking, so a pipe with no writer never hangs a run).
    With ``max_chars``, a file too big to hold at most that many characters
    is refused before it is read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=path)) from None
    except IsADirectoryError:
        raise InputError(Errors.E008.format(path=path, reason="is a directory")) from None
    except OSError as exc:
        raise InputError(Errors.E008.format(path=path, reason=exc.strerror or exc)) from None
    with os.fdopen(fd, "rb") as fh:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(Errors.E008.format(path=path, reason="is a directory"))
        if not stat.S_ISREG(mode):
            raise InputError(Errors.E009.format(path=path, kind=_file_kind(mode)))
        size = os.fstat(fd).st_size
        if max_chars is not None and size > 4 * max_chars:  # UTF-8: at most 4 bytes a character
            raise InputError(Errors.E031.format(path=path, size=f"{size:,} bytes", limit=max_chars))
        try:
            return fh.read()
        except OSError as exc:
            raise InputError(Errors.E008.format(path=path, reason=exc.strerror or exc)) from None


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def decode_source(data: bytes, name: str) -> str:
    """A commentary's bytes as text: not empty, not binary, UTF-8."""
    if not data:
        raise InputError(Errors.E002.format(path=name))
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(Errors.E003.format(path=name, offset=nul))
    return decode_utf8(data, name)


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8 bytes as text, a leading BOM skipped; one clear error otherwise."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(Errors.E004.format(path=name, byte=data[exc.start], offset=exc.start)) from None
    return text[1:] if text.startswith("\ufeff") else text


def doc_id_for(path: str | Path) -> str:
    stem = Path(path).stem
    return re.sub(r"[^\w.-]+", "-", stem).strip("-") or "doc"


# -- the analysis view -----------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")
_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_BLOCKQUOTE = re.compile(r"^(?:>[ \t]?)+")
_BULLET = re.compile(r"^(?:[-*+\u2022\u2023\u25aa\u25cf\u2013]|\(?\d{1,2}[.)]|\(?[a-z][.)])[ \t]+(?=\S)")
_EMPHASIS = re.compile(r"(?<![\w*])[*_]{1,3}(?=[^\s*_])|(?<=[^\s*_])[*_]{1,3}(?![\w*])")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!])")
# a footnote marker glued to a word or a full stop: superscript digits ("piracy.\u2075")
# or a bracketed number ("piracy.[5]", not a markdown link "[5](url)"); "km\u00b2" is a unit
_FOOTNOTE_MARK = re.compile(r"(?<=\S)(?:(?<!m)[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+|\[\d{1,3}\](?!\())")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_HRULE = re.compile(r"^(?:[-*_][ \t]*){3,}$")
_TERMINAL = set('.!?:;"\'\u201d\u2019)]')
_JOINING_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as that which who whom whose "
    "its their his her our this these those than into onto over under between among "
    "about against during without within is are was were be been has have had will would".split()
)


@dataclass
class Block:
    """A paragraph of the view: consecutive non-blank source lines."""

    start: int  # view offsets
    end: int
    heading: int = 0  # markdown heading level, 0 if none
    bullet: bool = False
    emphasized: bool = False  # the whole block was bold or italic
    caps: bool = False  # an ALL-CAPS line (title-cased in the view)
    kind: str = ""  # set by parse_header / the segment stage
    lines: int = 1

    def text(self, view: str) -> str:
        return view[self.start : self.end]


@dataclass
class _Line:
    start: int  # source offsets of the line content (without newline)
    end: int
    keep: list[int] = field(default_factory=list)  # source offsets kept, in order
    heading: int = 0
    bullet: bool = False
    emphasized: bool = False
    blank: bool = True
    field: bool = False  # a metadata field line ("Date: ...") in a header


def _source_lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _NEWLINE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _strip_line(text: str, start: int, end: int) -> _Line:
    """Decide which characters of one source line the view keeps."""
    line = _Line(start, end)
    s = text[start:end]
    drop = bytearray(len(s))  # 1 = not in the view
    # leading / trailing whitespace
    lead = len(s) - len(s.lstrip())
    drop[:lead] = b"\x01" * lead
    body = s[lead:]
    if not body.strip() or _HRULE.match(body.strip()):
        return line  # blank (or a horizontal rule)
    lead = _line_marks(s, lead, drop, line)
    line.emphasized = bool(re.match(r"^([*_]{1,3})\S.*\S\1$|^([*_]{1,3})\S\2$", s[lead:].strip()))
    _inline_marks(s, lead, drop)
    # trailing whitespace (markdown hard breaks) after emphasis removal
    i = len(s) - 1
    while i >= 0 and (drop[i] or s[i].isspace()):
        drop[i] = 1
        i -= 1
    line.keep = [start + i for i in range(len(s)) if not drop[i]]
    line.blank = not line.keep
    return line


def _line_marks(s: str, lead: int, drop: bytearray, line: _Line) -> int:
    """Drop a line's block marks (blockquote '>', heading '#', a bullet but not
    under a heading mark), noting heading level and bullet; the new start of its text."""
    for rx in (_BLOCKQUOTE, _HEADING, _BULLET):
        m = rx.match(s[lead:])
        if not m or rx is _BULLET and line.heading:
            continue
        if rx is _HEADING:
            line.heading = len(m.group(1))
        elif rx is _BULLET:
            line.bullet = True
        drop[lead : lead + m.end()] = b"\x01" * m.end()
        lead += m.end()
    return lead


def _inline_marks(s: str, lead: int, drop: bytearray) -> None:
    """Drop inline markdown after ``lead``: link brackets and targets (the link
    text stays), escapes, footnote marks, emphasis (not an intraword '_')."""
    for m in _LINK.finditer(s, lead):
        drop[m.start()] = 1
        if s[m.start()] == "!":
            drop[m.start() + 1] = 1
        end_text = m.start(1) + len(m.group(1))
        drop[end_text : m.end()] = b"\x01" * (m.end() - end_text)
    for m in _ESCAPE.finditer(s, lead):
        drop[m.start()] = 1
    for m in _FOOTNOTE_MARK.finditer(s, lead):
        drop[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for m in _EMPHASIS.finditer(s, lead):
        if not (s[m.start()] == "_" and _intraword(s, m.start(), m.end())):
            drop[m.start() : m.end()] = b"\x01" * (m.end() - m.start())


def _intraword(s: str, a: int, b: int) -> bool:
    return a > 0 and b < len(s) and s[a - 1].isalnum() and s[b].isalnum()


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    words = text.split()
    return len(letters) >= 6 and len(words) >= 2 and sum(c.isupper() for c in letters) / len(letters) >= 0.9


def title_case(text: str, minor: frozenset[str], acronyms: frozenset[str]) -> str:
    """Title-case an ALL-CAPS string, keeping its length character for character."""
    out = list(text.lower()) if len(text.lower()) == len(text) else [c.lower() if len(c.lower()) == 1 else c for c in text]
    words = list(re.finditer(r"[^\W_]+(?:['\u2019][^\W_]+)?", text))
    for n, m in enumerate(words):
        w = m.group(0)
        if w in acronyms:
            out[m.start() : m.end()] = list(w)
            continue
        first, last = n == 0, n == len(words) - 1
        after_colon = m.start() > 0 and text[: m.start()].rstrip().endswith((":", "\u2014", "-"))
        after_hyphen = m.start() > 0 and text[m.start() - 1] == "-"
        if w.lower() in minor and not (first or last or after_colon) and not after_hyphen:
            continue
        c = out[m.start()].upper()
        if len(c) == 1:
            out[m.start()] = c
    return "".join(out)


def build_view(text: str, assets: Assets) -> tuple[View, list[Block]]:
    """The analysis view of ``text`` and its blocks (view offsets)."""
    minor = assets.lexicon_set("title_case_minor_words")
    acronyms = assets.lexicon_set("acronyms", lower=False)
    header_patterns = assets.patterns("header")
    artifacts = [p for p in header_patterns if (p.meta or {}).get("kind") == "artifact"]
    fields = [p for p in header_patterns if (p.meta or {}).get("kind") in FIELD_LINE_KINDS]
    lines = [_strip_line(text, a, b) for a, b in _source_lines(text)]
    groups = _repair_breaks(_split_unwrapped(_group_lines(lines, text, fields), text), text, artifacts)

    chars: list[str] = []
    to_src = array("l")
    blocks: list[Block] = []

    def emit(c: str, src: int) -> None:
        chars.append(c)
        to_src.append(src)

    for bl in groups:
        if blocks:
            # paragraph separator, mapped just past the previous block's source
            sep_src = to_src[-1] + 1
            emit("\n", sep_src)
            emit("\n", sep_src)
        start = len(chars)
        for k, ln in enumerate(bl):
            if k:
                prev_last = text[bl[k - 1].keep[-1]]
                nxt_first = text[ln.keep[0]]
                hyphen_wrap = prev_last == "-" and nxt_first.islower() and len(chars) >= 2 and chars[-2].isalpha()
                if not hyphen_wrap:
                    emit(" ", bl[k - 1].keep[-1] + 1)
            for off in ln.keep:
                emit(text[off], off)
        block = Block(
            start,
            len(chars),
            heading=bl[0].heading,
            bullet=bl[0].bullet,
            emphasized=all(ln.emphasized for ln in bl),
            lines=len(bl),
        )
        btext = "".join(chars[start:])
        if _is_caps(btext):
            block.caps = True
            chars[start:] = list(title_case(btext, minor, acronyms))
        blocks.append(block)
    to_src.append(len(text))
    return View("".join(chars), to_src), blocks


def _group_lines(lines: list[_Line], text: str, fields) -> list[list[_Line]]:
    """Consecutive non-blank lines; headings, bullets and metadata field lines
    ("Date: ...", "By ...", "Title: ...") start a new group."""
    groups: list[list[_Line]] = []
    cur: list[_Line] = []
    top = True  # before the first blank line: the lines of a plain-text header
    for ln in lines:
        if ln.blank:
            if cur:
                groups.append(cur)
                cur = []
                top = False
            continue
        is_field = False
        if cur and len(ln.keep) <= FIELD_LINE_MAX_CHARS:
            line_text = "".join(text[o] for o in ln.keep)
            is_field = any(p.regex.match(line_text) for p in fields)
        # a headline, a standfirst, a name: top lines that end without a full stop
        # and are followed by a capital are lines of their own, not a wrapped paragraph
        headline = top and cur and ln.keep and text[ln.keep[0]].isupper() and not _ends_sentence(text, cur[-1])
        if cur and (ln.heading or ln.bullet or cur[-1].heading or is_field or cur[-1].field or headline):
            groups.append(cur)
            cur = []
        ln.field = is_field
        cur.append(ln)
    if cur:
        groups.append(cur)
    return groups


def _split_unwrapped(groups: list[list[_Line]], text: str) -> list[list[_Line]]:
    """Plain text whose paragraphs are separated by single newlines: a group
    with a line longer than any wrapped line (``LONG_LINE_CHARS``) is cut after
    each line that ends a sentence when the next starts like a sentence."""
    out: list[list[_Line]] = []
    for g in groups:
        if len(g) < 2 or max(len(ln.keep) for ln in g[:-1]) <= LONG_LINE_CHARS:
            out.append(g)
            continue
        cur = [g[0]]
        for ln in g[1:]:
            last = text[cur[-1].keep[-1]]
            first = text[ln.keep[0]]
            if last in _TERMINAL and last not in ",;:" and (first.isupper() or first.isdigit() or first in "\"'\u201c\u2018([\u2014-"):
                out.append(cur)
                cur = []
            cur.append(ln)
        out.append(cur)
    return out


def _ends_sentence(text: str, ln: _Line) -> bool:
    """The line's last kept character closes a sentence or continues one (a comma)."""
    end = "".join(text[o] for o in ln.keep[-3:]).rstrip()
    return not end or end[-1] in ".!?:;,\u2019\u201d'\")-"


def _group_text(group: list[_Line], text: str) -> str:
    return " ".join("".join(text[o] for o in ln.keep) for ln in group)


def _repair_breaks(groups: list[list[_Line]], text: str, artifacts) -> list[list[_Line]]:
    """Rejoin paragraphs split by a page break, dropping page numbers between them.

    Group i and the next group j are one paragraph when i ends without
    terminal punctuation and j starts in lower case, or when i ends in a
    joining word ("the", "of", a comma...) and both are prose. Page-number
    lines between the two halves are left out of the view.
    """
    out: list[list[_Line]] = []
    i = 0
    groups = list(groups)
    while i < len(groups):
        cur = groups[i]
        j = i + 1
        while j < len(groups) and any(p.regex.match(_group_text(groups[j], text)) for p in artifacts):
            j += 1
        if j < len(groups) and not cur[0].heading and _continues(cur, groups[j], text):
            groups[j] = cur + groups[j]
            i = j
            continue
        out.append(cur)
        i += 1
    return out


def _ends_open(t: str) -> bool:
    """A paragraph that stops mid-sentence (no terminal punctuation)."""
    t = t.rstrip()
    return bool(t) and t[-1] not in _TERMINAL


def _continues(prev: list[_Line], nxt: list[_Line], text: str) -> bool:
    if nxt[0].heading or nxt[0].bullet:
        return False
    pt, nt = _group_text(prev, text), _group_text(nxt, text).lstrip()
    if not nt or not _ends_open(pt):
        return False
    if nt[0].islower():
        return True
    last = re.findall(r"[\w'-]+|,", pt)
    return bool(last) and (last[-1] == "," or last[-1].lower() in _JOINING_WORDS) and len(pt.split()) >= 8


# -- the metadata header ---------------------------------------------------

_NAME_TOKEN = r"(?:[A-Z][\w'\u2019.-]*|(?:de|da|van|von|der|den|del|la|le|bin|al|ibn|dos|du|di)\b)"
_PERSON_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,4}}$")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s*;\s*)")


@dataclass
class Header:
    """What :func:`parse_header` found; spans are view offsets."""

    meta: Metadata
    body_start: int  # index of the first body block
    kinds: dict[int, str]  # block index -> kind for non-body blocks


# pattern kinds found anywhere in a block (the others must match from its start)
_SEARCHED_KINDS = ("disclaimer", "note_date", "editorial_note", "voice", "first_person")
# an opening editorial note ("Excerpt from a speech by ... on 31 May 2025.") is short
_NOTE_MAX_WORDS = 60
_NOTE_MAX_BLOCKS = 2
# how many blocks (a headline, a standfirst, a name) may stand before a header's date line
_STANDFIRST_REACH = 3


def _match(patterns, kind: str, text: str):
    best = None
    for p in patterns:
        if (p.meta or {}).get("kind") != kind:
            continue
        m = p.regex.search(text) if kind in _SEARCHED_KINDS else p.regex.match(text)
        if m and (best is None or p.score > best[0].score):
            best = (p, m)
    return best


def _field_parts(b: Block, text: str, t: str, pats, months: dict, meta: Metadata) -> bool:
    """A header line of fields separated by " | ": each part read on its own
    (series and number, a number, a date). True when any part was a field."""
    found = False
    lead = len(b.text(text)) - len(b.text(text).lstrip())
    pos = 0
    for part in t.split("|"):
        off = pos + (len(part) - len(part.lstrip()))
        pos += len(part) + 1
        part = part.strip()
        hit = _match(pats, "series", part)
        if hit:
            meta.series = meta.series or re.sub(r"\s+", " ", hit[1].group("series")).strip()
            if hit[1].groupdict().get("number"):
                meta.number = meta.number or hit[1].group("number")
            found = True
            continue
        hit = _match(pats, "number", part)
        if hit:
            meta.number = meta.number or hit[1].group("number")
            found = True
            continue
        hit = _match(pats, "date", part)
        if hit and meta.published is None:
            iso = _iso_date(hit[1], months)
            if iso:
                meta.published = iso
                s = b.start + lead + off
                meta.published_span = Span(s + hit[1].start("date"), s + hit[1].end("date"))
                found = True
    return found


def _dateline_date(blocks, text: str, pats, months: dict, body_start: int) -> str | None:
    """A news dateline with a full date opening the body ("LIMA, 3 July
    2024 \u2014 ..."): the date of the report."""
    for b in blocks[body_start : body_start + _NOTE_MAX_BLOCKS]:
        hit = _match(pats, "dateline_lead", b.text(text).strip())
        if hit:
            return _iso_date(hit[1], months)
    return None


def _opening_note_date(blocks, text: str, pats, months: dict) -> str | None:
    """A text without a dated header that opens with an editorial note
    ("Excerpt from a speech by the minister ... on Saturday, 31 May 2025."):
    the note's full date is the document's date. An opening paragraph of the
    piece itself ("On 7 October 2023, ...") is no note and gives nothing."""
    for b in blocks[:_NOTE_MAX_BLOCKS]:
        t = b.text(text).strip()
        if b.heading or len(t.split()) > _NOTE_MAX_WORDS or not _match(pats, "editorial_note", t):
            continue
        hit = _match(pats, "note_date", t)
        if hit:
            return _iso_date(hit[1], months)
    return None


def _iso_date(m: re.Match, months: dict) -> str | None:
    g = m.groupdict()
    try:
        if g.get("iso"):
            return date.fromisoformat(g["iso"]).isoformat()
        if g.get("day"):
            d, mon, y = g["day"], g["month"], g["year"]
        else:
            d, mon, y = g["day2"], g["month2"], g["year2"]
        return date(int(y), int(months[mon.lower().rstrip(".")]), int(d)).isoformat()
    except (KeyError, ValueError, TypeError):
        return None


def _person_names(text: str, org_heads: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Offsets (within text) of the names in a byline like "A B, C D and E F".

    An affiliation or a position after the names ("Ana Ruiz, Institute for
    Gulf Studies"; "Ana Ruiz, Senior Fellow": a part holding an organisation
    head word or a role noun) ends the list of names."""
    out, pos = [], 0
    for part in _AUTHOR_SPLIT.split(text):
        k = text.find(part, pos)
        if not part:
            continue
        pos = k + len(part)
        part_s = part.strip().rstrip(".,;")
        if out and (org_heads.intersection(part_s.split()) or roles.intersection(w.lower() for w in part_s.split())):
            break
        if not _PERSON_NAME.match(part_s):
            return []
        out.append((k, k + len(part_s)))
    return out


def _drop_title(text: str, span: Span, assets: Assets) -> Span:
    """An author span without a leading title ("Dr.", "Professor", ...)."""
    name = text[span.start : span.end]
    for title in sorted(assets.lexicon("person_titles"), key=len, reverse=True):
        if name.lower().startswith(title.lower() + " ") and len(name.split()) > len(title.split()) + 1:
            cut = len(title) + 1
            while cut < len(name) and name[cut] == " ":
                cut += 1
            return Span(span.start + cut, span.end)
    return span


def _is_prose(text: str, min_words: int) -> bool:
    words = text.split()
    return len(words) >= min_words and bool(re.search(r"[.!?][\"'\u201d\u2019)]*\s*$|[.!?]\s+[A-Z\"\u201c]", text))


def _title_cased(text: str) -> bool:
    """Words in Title Case ("Doctor Says Senator Hid Past Health Problems."): a headline even with a full stop."""
    words = re.findall(r"[^\W\d_]{4,}", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass
class _HeaderRead:
    """What :func:`parse_header` reads with (the view text, the header patterns,
    word lists) and what it has found so far (the metadata, block kinds)."""

    text: str
    pats: tuple
    months: dict
    org_heads: frozenset
    roles: frozenset
    meta: Metadata = field(default_factory=Metadata)
    kinds: dict = field(default_factory=dict)  # block index -> kind
    titles: list = field(default_factory=list)  # (priority, block index) of title candidates
    in_key_points: bool = False


def parse_header(view: View, blocks: list[Block], assets: Assets) -> Header:
    """Read the metadata of the header blocks (everything before the body)."""
    cfg = assets.config.get("ingest", {})
    min_words = int(cfg.get("body_min_words", 12))
    h = _HeaderRead(
        view.text, assets.patterns("header"), assets.mapping("months"), assets.lexicon_set("organisation_heads", lower=False), assets.lexicon_set("person_role_nouns")
    )
    _mark_disclaimers(h, blocks)
    body_start = _body_start(h, blocks, min_words)
    limit = min(body_start, int(cfg.get("header_max_blocks", 30)))
    for i in range(limit):
        if i not in h.kinds:
            _read_header_block(h, i, blocks[i])
    ti = _choose_title(h, blocks, limit, min_words)
    if ti is not None:
        _set_title(h, blocks[ti])
        if ti == 0 and body_start == 0:
            body_start = 1
    meta, text = h.meta, h.text
    if not meta.author_spans:
        _authors_after_title(h, blocks, ti, limit)
    if meta.published is None:
        meta.published = _dateline_date(blocks, text, h.pats, h.months, body_start) or _opening_note_date(blocks, text, h.pats, h.months)
    meta.author_spans = [_drop_title(text, s, assets) for s in meta.author_spans]
    meta.authors = [text[s.start : s.end] for s in meta.author_spans]
    _mark_author_notes(h, blocks, body_start)
    _find_voice(meta, blocks, text, h.pats, h.kinds, body_start, assets, h.org_heads, h.roles)
    return Header(meta, body_start, h.kinds)


def _mark_disclaimers(h: _HeaderRead, blocks: list[Block]) -> None:
    """Disclaimers anywhere (short blocks only); the first is the document's."""
    for i, b in enumerate(blocks):
        t = b.text(h.text)
        if len(t.split()) <= 120 and _match(h.pats, "disclaimer", t):
            h.kinds[i] = "disclaimer"
            if h.meta.disclaimer is None:
                h.meta.disclaimer = Span(b.start, b.end)


def _body_start(h: _HeaderRead, blocks: list[Block], min_words: int) -> int:
    """The body starts at the first prose block that is not a bullet or a disclaimer
    (failing that, the first short sentence; failing that, the first block); a
    standfirst reads like prose, but a date or byline line after it is still header."""
    body_start = len(blocks)
    for threshold in (min_words, 5):
        body_start = next((i for i, b in enumerate(blocks) if not (i in h.kinds or b.heading or b.bullet) and _is_prose(b.text(h.text), threshold)), len(blocks))
        if body_start < len(blocks):
            break
    if body_start == len(blocks):
        body_start = 0
    for j in range(body_start, min(len(blocks), body_start + _STANDFIRST_REACH + 1)):
        t = blocks[j].text(h.text).strip()
        if len(t) <= FIELD_LINE_MAX_CHARS and (_match(h.pats, "date", t) or _match(h.pats, "byline", t)):
            body_start = j + 1
    return body_start


def _read_header_block(h: _HeaderRead, i: int, b: Block) -> None:
    """The kind of header block ``i`` and the metadata it holds: the first of
    :data:`_BLOCK_READERS` that claims it, else a plain header line (a title
    candidate if it is a heading or ALL CAPS)."""
    t = b.text(h.text).strip()
    for read in _BLOCK_READERS:
        kind = read(h, i, b, t)
        if kind is not None:
            h.kinds[i] = kind
            return
    prio = 1 if (b.heading and b.caps) else 2 if b.heading else 3 if b.caps else None
    if prio is not None:
        h.titles.append((prio, i))
    h.kinds[i] = "header"


def _field_line(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    """"Policy Brief No. 31 | Institute | 5 November 2024"."""
    return "header" if " | " in t and _field_parts(b, h.text, t, h.pats, h.months, h.meta) else None


def _series_block(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    hit = _match(h.pats, "series", t)
    if not hit or h.meta.series is not None:
        return None
    h.meta.series = re.sub(r"\s+", " ", hit[1].group("series")).strip()
    if "number" in hit[1].groupdict() and hit[1].group("number"):
        h.meta.number = hit[1].group("number")
    return "header"


def _number_block(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    hit = _match(h.pats, "number", t)
    if not hit:
        return None
    h.meta.number = h.meta.number or hit[1].group("number")
    return "header"


def _date_block(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    """The first date line gives the publication date (and a series written with it)."""
    meta = h.meta
    hit = _match(h.pats, "date", t)
    iso = _iso_date(hit[1], h.months) if hit else None
    if not iso or meta.published is not None:
        return None
    meta.published = iso
    series = hit[1].groupdict().get("series")
    if series and meta.series is None:
        meta.series = re.sub(r"\s+", " ", series).strip()
    full = b.text(h.text)
    lead = len(full) - len(full.lstrip())
    meta.published_span = Span(b.start + lead + hit[1].start("date"), b.start + lead + hit[1].end("date"))
    return "dateline"


def _key_points_heading(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    if not _match(h.pats, "key_points_heading", t):
        return None
    h.in_key_points = True
    return "heading"


def _bullet_block(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    if not b.bullet:
        return None
    h.meta.key_points.append(Span(b.start, b.end))
    return "key_point"


def _title_line(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    """A "Title: ..." line: the first choice for the title."""
    if not _match(h.pats, "title", t):
        return None
    h.titles.append((0, i))
    return "title"


def _byline_block(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    hit = _match(h.pats, "byline", t)
    if not hit:
        return None
    off = b.start + hit[1].start("authors")
    for a, e in _person_names(hit[1].group("authors"), h.org_heads, h.roles):
        h.meta.author_spans.append(Span(off + a, off + e))
    return "byline"


def _key_point_block(h: _HeaderRead, i: int, b: Block, t: str) -> str | None:
    """A block under a key-points heading (up to the next heading)."""
    if not h.in_key_points or b.heading:
        return None
    h.meta.key_points.append(Span(b.start, b.end))
    return "key_point"


# in order: the first that claims a header block gives its kind
_BLOCK_READERS = (_field_line, _series_block, _number_block, _date_block, _key_points_heading, _bullet_block, _title_line, _byline_block, _key_point_block)


def _choose_title(h: _HeaderRead, blocks: list[Block], limit: int, min_words: int) -> int | None:
    """The title block: a "Title:" line, else an ALL-CAPS heading, a heading, an
    ALL-CAPS line; else the first header line of three words or more; in plain
    text, the first line (a single line is body text)."""
    if h.titles:
        _, ti = min(h.titles)
    else:
        ti = next((i for i in range(limit) if h.kinds.get(i) == "header" and len(blocks[i].text(h.text).split()) >= 3), None)
        first = blocks[0].text(h.text) if blocks else ""
        if ti is None and limit == 0 and len(blocks) > 1 and (not _is_prose(first, min_words) or _title_cased(first)):
            ti = 0
    if ti is not None:
        h.kinds[ti] = "title"
    return ti


def _set_title(h: _HeaderRead, b: Block) -> None:
    meta, text = h.meta, h.text
    hit = _match(h.pats, "title", b.text(text).strip())
    if hit:
        s = b.start + hit[1].start("title")
        meta.title_span = Span(s, s + len(hit[1].group("title").rstrip()))
    else:
        meta.title_span = Span(b.start, b.end)
    meta.title = re.sub(r"\s+", " ", text[meta.title_span.start : meta.title_span.end]).strip()


def _authors_after_title(h: _HeaderRead, blocks: list[Block], ti: int | None, limit: int) -> None:
    """No byline: the first name-only block after the title (emphasised, right
    after the title, or next to the date line) names the authors."""
    start_at = (ti + 1) if ti is not None else 0
    kinds = h.kinds
    for i in range(start_at, limit):
        if kinds.get(i) not in (None, "header"):
            continue
        b = blocks[i]
        names = _person_names(b.text(h.text), h.org_heads, h.roles)
        if names and (b.emphasized or i == start_at or kinds.get(i - 1) in ("title", "dateline") or kinds.get(i + 1) == "dateline"):
            h.meta.author_spans += [Span(b.start + a, b.start + e) for a, e in names]
            kinds[i] = "byline"
            return


_AUTHOR_NOTE = re.compile(r"^\S+(?:\s+\S+){0,4}\s+(?:is|was|serves|has\s+served|holds|teaches|works)\b")


def _mark_author_notes(h: _HeaderRead, blocks: list[Block], body_start: int) -> None:
    """Author notes at the end: "<author> is ..." or after an "About the author" heading."""
    for i in range(max(body_start, 0), len(blocks)):
        t = blocks[i].text(h.text).strip()
        if _match(h.pats, "bio_heading", t):
            h.kinds[i] = "heading"
            for k in range(i + 1, len(blocks)):
                h.kinds.setdefault(k, "bio")
            return
        if any(t.startswith(a + " ") for a in h.meta.authors) and _AUTHOR_NOTE.match(t):
            h.kinds[i] = "bio"


def _find_voice(meta: Metadata, blocks: list[Block], text: str, pats, kinds: dict[int, str], body_start: int, assets: Assets, org_heads, roles) -> None:
    """A speech transcript or an interview speaks in someone's voice: the
    person named by an opening note or the title ("Excerpt from a speech by
    Foreign Minister X ...", "Interview: X on ...") and the body blocks that
    are their words: in a Q&A the blocks after the first question that are
    not questions; otherwise the blocks from the first to the last one in the
    first person (an editor's closing line is left out)."""
    found = _voice_named(meta, blocks, text, pats, assets, org_heads, roles)
    if found is None:
        return
    meta.voice_span, note = found
    body = [i for i in range(max(body_start, note + 1), len(blocks)) if i not in kinds and not blocks[i].heading]
    meta.voiced = [Span(blocks[i].start, blocks[i].end) for i in _voiced_blocks(blocks, body, text, pats)]


def _voice_named(meta: Metadata, blocks: list[Block], text: str, pats, assets: Assets, org_heads, roles) -> tuple[Span, int] | None:
    """(the speaker's name, the index of the block naming them; -1: the title),
    from the title or the opening blocks; None if none names a voice."""
    places = [(meta.title_span.start, meta.title_span.end, -1)] if meta.title_span is not None else []
    places += [(b.start, b.end, i) for i, b in enumerate(blocks[: _NOTE_MAX_BLOCKS + 2])]
    for a, b, i in places:
        hit = _match(pats, "voice", text[a:b])
        names = _person_names(hit[1].group("voice"), org_heads, roles) if hit else None
        if names:
            off = a + hit[1].start("voice")
            s, e = names[-1]
            return _drop_title(text, Span(off + s, off + e), assets), i
    return None


def _voiced_blocks(blocks: list[Block], body: list[int], text: str, pats) -> list[int]:
    """The body blocks in the voice: in a Q&A the answers after the first
    question; else from the first to the last block in the first person."""
    questions = [
        i for i in body if _match(pats, "question", blocks[i].text(text).strip()) or blocks[i].emphasized and blocks[i].text(text).rstrip().endswith("?")
    ]
    if questions:
        return [i for i in body if i > questions[0] and i not in questions]
    first = [i for i in body if _match(pats, "first_person", blocks[i].text(text))]
    return [i for i in body if first and first[0] <= i <= first[-1]]


# -- the stage -------------------------------------------------------------


def ingest(
    path: str | Path,
    assets: Assets,
    *,
    doc_id: str | None = None,
    published: str | None = None,
    text: str | None = None,
    data: bytes | None = None,
) -> Document:
    """Read ``path`` (or use ``data``, the input's bytes, or ``text``) and return a
    Document with view and metadata. HTML, PDF and DOCX inputs (by suffix, or
    by content for .txt, .md and stdin) are converted to text first; ``text``
    (the library's input) is taken as it is, so offsets always point into it.

    A text longer than ``[ingest] max_document_chars`` is refused (one line):
    its cost is linear, but its memory is not bounded by anything else. A
    plain-text file too big to hold that many characters is refused before
    it is read."""
    limit = int(assets.config.get("ingest", {}).get("max_document_chars", MAX_DOCUMENT_CHARS))
    p = Path(path)
    if text is None and data is None:
        if p.suffix.lower() not in SUPPORTED_SUFFIXES and p.name != "<stdin>":
            raise InputError(Errors.E006.format(path=path, suffix=p.suffix or "(none)"))
        data = read_bytes(p, max_chars=limit if p.suffix.lower() in PLAIN_SUFFIXES else None)
    warnings: list[str] = []
    extracted, original = None, None
    if text is None:
        if not data:
            raise InputError(Errors.E002.format(path=path))
        fmt = detect_format(p.suffix if p.name != "<stdin>" else "", data)
        if fmt is None:
            text = decode_source(data, str(path))
        else:
            extracted, original = _converted(data, fmt, str(path), p, warnings)
            text = extracted.text
    if len(text) > limit:
        raise InputError(Errors.E031.format(path=path, size=f"{len(text):,} characters", limit=limit))
    if not text.strip():
        raise InputError(Errors.E007.format(path=path))
    raw = text.encode("utf-8") if extracted is not None or data is None else data
    source = Source(str(path), doc_id or doc_id_for(path), text, hashlib.sha256(raw).hexdigest())
    view, blocks = build_view(text, assets)
    header = parse_header(view, blocks, assets)
    if extracted is not None:
        _metadata_from(extracted, header.meta)
    if published is not None:
        header.meta.published = published  # an explicit --published wins over the header
    doc = Document(source, view, header.meta)
    doc.blocks = blocks
    doc.header = header
    doc.original = original
    doc.warnings.extend(warnings)
    return doc


def _converted(data: bytes, fmt: str, name: str, p: Path, warnings: list[str]):
    """The extracted text of an HTML, PDF or DOCX input, and what the document record says of the original."""
    extracted = convert(data, fmt, name)
    if p.suffix.lower() not in CONVERTED_SUFFIXES:
        hint = "" if name == "<stdin>" else f" (rename it to .{fmt} to say so)"
        warnings.append(Errors.E101.format(path=name, fmt=fmt.upper(), hint=hint)[len(name) + 2 :])  # the runner names the file
    warnings.extend(extracted.warnings)
    return extracted, original_of(data, fmt, name)


def _metadata_from(extracted: Extracted, meta: Metadata) -> None:
    """Title, authors and date from the page's metadata where the header gave none."""
    if extracted.title and not meta.title:
        meta.title = extracted.title
    if extracted.authors and not meta.authors:
        meta.authors = list(extracted.authors)
    if extracted.published and not meta.published:
        meta.published = extracted.published

