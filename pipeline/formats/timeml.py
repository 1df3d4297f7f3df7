"""TimeML (``.tml``) gold: TIMEX3 tags become date records.

* The text is the content of the ``<TEXT>`` element with every tag stripped
  and XML entities and character references decoded (as any XML parser
  reads it, so CRLF line ends become LF). Offsets are Python str offsets into
  that text.
* Every ``TIMEX3`` inside ``<TEXT>`` is a date record: ``type`` ->
  ``timex_type``, ``value``, ``mod`` (absent or empty -> null), ``anchorTimeID``
  -> ``anchor`` ("dct" when it names the creation time, else the id of the
  date record with that tid, else null). Whitespace around the tagged words
  is trimmed; an empty (non-consuming) TIMEX3 is skipped.
* The creation time (a TIMEX3 inside a ``<DCT>`` element, or any TIMEX3 with
  ``functionInDocument="CREATION_TIME"``) gives the document's ``published``
  (its first ten characters, when they are a YYYY-MM-DD date).
* ``<TITLE>`` outside ``<TEXT>`` gives the title. EVENT, SIGNAL, TLINK and the
  rest are ignored: TimeML gold annotates dates only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from ..errors import Errors, EvalErrors, GoldFormatError, InputError
from ..ingest import doc_id_for
from ..records import Line
from .gold import GoldFile, document_record

TYPES = ("date",)
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
MODS = (
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
)  # fmt: skip
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass
class _Timex:
    attrs: dict[str, str]
    line: int
    start: int  # offset into the TEXT content, or -1 outside it
    in_dct: bool
    end: int = -1


@dataclass
class _State:
    text: list[str] = field(default_factory=list)
    length: int = 0
    in_text: int = 0  # depth of TEXT elements we are in
    seen_text: bool = False
    in_dct: int = 0
    title: list[str] | None = None
    title_done: bool = False
    open_timex: _Timex | None = None
    timexes: list[_Timex] = field(default_factory=list)


def _local(name: str) -> str:
    return name.rsplit(":", 1)[-1].upper()


def read_timeml(path: str | Path, *, source: str | None = None) -> GoldFile:
    """Date gold from a TimeML file; ``source`` is where its text lives (default: the .tml)."""
    path_s = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(Errors.E001.format(path=path_s)) from None
    except IsADirectoryError:
        raise InputError(Errors.E008.format(path=path_s, reason="is a directory")) from None
    st = _State()
    parser = expat.ParserCreate()

    def start(name: str, attrs: dict[str, str]) -> None:
        tag = _local(name)
        if tag == "TEXT":
            st.in_text += 1
            st.seen_text = True
        elif tag == "DCT":
            st.in_dct += 1
        elif tag == "TITLE" and not st.in_text and not st.title_done:
            st.title = []
        elif tag == "TIMEX3":
            tid = attrs.get("tid", "?")
            if st.open_timex is not None:
                raise GoldFormatError(
                    EvalErrors.E056.format(path=path_s, line=parser.CurrentLineNumber, tid=tid, reason=f"nested inside TIMEX3 '{st.open_timex.attrs.get('tid', '?')}'")
                )
            st.open_timex = _Timex(dict(attrs), parser.CurrentLineNumber, st.length if st.in_text else -1, st.in_dct > 0)

    def end(name: str) -> None:
        tag = _local(name)
        if tag == "TEXT":
            st.in_text -= 1
        elif tag == "DCT":
            st.in_dct -= 1
        elif tag == "TITLE" and st.title is not None and not st.title_done:
            st.title_done = True
        elif tag == "TIMEX3" and st.open_timex is not None:
            st.open_timex.end = st.length if st.open_timex.start >= 0 else -1
            st.timexes.append(st.open_timex)
            st.open_timex = None

    def chars(data: str) -> None:
        if st.in_text:
            st.text.append(data)
            st.length += len(data)
        elif st.title is not None and not st.title_done:
            st.title.append(data)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise GoldFormatError(EvalErrors.E055.format(path=path_s, line=exc.lineno, reason=expat.ErrorString(exc.code))) from None
    if not st.seen_text:
        raise GoldFormatError(EvalErrors.E057.format(path=path_s))
    text = "".join(st.text)
    doc_id = doc_id_for(path_s)
    published, dct_tid = _creation_time(path_s, st.timexes)
    lines = _date_lines(path_s, doc_id, text, st.timexes, dct_tid)
    title = " ".join("".join(st.title).split()) if st.title else None
    doc = document_record(
        doc_id, source=source or path_s, text=text, types=TYPES, origin=f"{Path(path_s).name} (TimeML)",
        title=title or None, published=published,
    )
    return GoldFile(doc_id, path_s, text, TYPES, (Line(path_s, 0, doc),) + tuple(lines))


def _creation_time(path: str, timexes: list[_Timex]) -> tuple[str | None, str | None]:
    """(published date, tid) of the document creation time, if any."""
    first: _Timex | None = None
    for tx in timexes:
        if not (tx.in_dct or tx.attrs.get("functionInDocument", "").upper() == "CREATION_TIME"):
            continue
        if first is None:
            first = tx
        elif tx.attrs.get("value") != first.attrs.get("value"):
            raise GoldFormatError(
                EvalErrors.E058.format(path=path, line=tx.line, value=tx.attrs.get("value"), first=first.attrs.get("value"), first_line=first.line)
            )
    if first is None:
        return None, None
    value = first.attrs.get("value", "")
    published = value[:10] if _ISO_DATE.fullmatch(value[:10]) else None
    return published, first.attrs.get("tid")


def _date_lines(path: str, doc_id: str, text: str, timexes: list[_Timex], dct_tid: str | None) -> list[Line]:
    spans = []
    for tx in timexes:
        if tx.start < 0:
            continue  # outside <TEXT> (the DCT line, a title)
        start, end = tx.start, tx.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue  # non-consuming TIMEX3
        spans.append((start, end, tx))
    spans.sort(key=lambda s: (s[0], s[1]))
    ids = {tx.attrs["tid"]: f"{doc_id}:date:{i}" for i, (_, _, tx) in enumerate(spans, 1) if "tid" in tx.attrs}
    out = []
    for i, (start, end, tx) in enumerate(spans, 1):
        attrs = tx.attrs
        tid = attrs.get("tid", "?")

        def bad(reason: str, tx=tx, tid: str = tid) -> GoldFormatError:
            return GoldFormatError(EvalErrors.E056.format(path=path, line=tx.line, tid=tid, reason=reason))

        ttype = attrs.get("type", "").strip().upper()
        if not ttype:
            raise bad("no type attribute")
        if ttype not in TIMEX_TYPES:
            raise bad(f"type '{attrs['type']}' is not one of {', '.join(TIMEX_TYPES)}")
        value = attrs.get("value", "").strip()
        if not value:
            raise bad("no value attribute")
        mod = attrs.get("mod", "").strip().upper() or None
        if mod is not None and mod not in MODS:
            raise bad(f"mod '{attrs['mod']}' is not one of {', '.join(MODS)}")
        anchor_tid = attrs.get("anchorTimeID")
        anchor = None
        if anchor_tid:
            anchor = "dct" if anchor_tid == dct_tid else ids.get(anchor_tid)
        rec = {
            "doc_id": doc_id, "type": "date", "id": f"{doc_id}:date:{i}",
            "start": start, "end": end, "text": text[start:end],
            "timex_type": ttype, "value": value, "mod": mod, "anchor": anchor,
        }  # fmt: skip
        out.append(Line(path, tx.line, rec))
    return out
