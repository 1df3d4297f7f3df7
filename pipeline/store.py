"""The claims store: every record of many outputs in one SQLite file.

``claimex index OUTPUTS... --db claims.sqlite`` loads JSONL outputs;
``claimex query`` answers questions across them. The schema is documented in
``docs/store.md``; in short:

* ``files`` (one row per indexed JSONL file, with its sha256, size and
  mtime: a re-index reads only files whose size or mtime changed, and
  reloads only those whose sha256 changed), ``documents`` (one per document
  record), ``records`` (every record, whatever its type: common columns plus
  the record's JSON, so a record type this version does not know, such as
  ``statistic``, is stored and queryable too);
* typed tables for the known types: ``entities``, ``dates`` (with the
  calendar range a TIMEX value covers), ``quotes``, ``recommendations``,
  ``statistics``, and ``roles`` (who: a quote's speakers, a recommendation's
  holder and actor, by their words and by the canonical names of the entities
  inside them; a statistic's subject and source);
* ``claims_fts``, an FTS5 index over the text of every claim (quotes,
  recommendations, statistics and any other span type but entities and dates).

The standard library's ``sqlite3`` is enough (FTS5 and JSON functions are
built into the SQLite it ships with) and keeps the dependencies as they are.
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
import json
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .errors import ClaimexError

STORE_VERSION = "1"
NOT_CLAIMS = ("document", "entity", "date")  # every other span type is a claim: full-text indexed

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    file_id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    indexed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    doc_key INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(file_id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL,
    source TEXT, source_sha256 TEXT, title TEXT, published TEXT, series TEXT, number TEXT,
    authors TEXT, pipeline_version TEXT, model TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents(doc_id);
CREATE INDEX IF NOT EXISTS documents_file ON documents(file_id);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE TABLE IF NOT EXISTS records (
    rowid INTEGER PRIMARY KEY,
    doc_key INTEGER NOT NULL REFERENCES documents(doc_key) ON DELETE CASCADE,
    record_id TEXT NOT NULL, type TEXT NOT NULL,
    start INTEGER, "end" INTEGER, text TEXT, rule TEXT,
    json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_key, type);
CREATE INDEX IF NOT EXISTS records_type ON records(type);
CREATE INDEX IF NOT EXISTS records_id ON records(doc_key, record_id);
CREATE TABLE IF NOT EXISTS entities (
    rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
    doc_key INTEGER NOT NULL, label TEXT, canonical TEXT
);
CREATE INDEX IF NOT EXISTS entities_canonical ON entities(canonical COLLATE NOCASE, doc_key);
CREATE TABLE IF NOT EXISTS dates (
    rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
    doc_key INTEGER NOT NULL, timex_type TEXT, value TEXT, mod TEXT,
    range_start TEXT, range_end TEXT
);
CREATE INDEX IF NOT EXISTS dates_range ON dates(range_start, range_end);
CREATE TABLE IF NOT EXISTS quotes (
    rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
    doc_key INTEGER NOT NULL, kind TEXT, speakers TEXT, cue TEXT
);
CREATE TABLE IF NOT EXISTS recommendations (
    rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
    doc_key INTEGER NOT NULL, holder TEXT, actor TEXT, action TEXT, trigger TEXT,
    strength TEXT, polarity TEXT
);
CREATE TABLE IF NOT EXISTS statistics (
    rowid INTEGER PRIMARY KEY REFERENCES records(rowid) ON DELETE CASCADE,
    doc_key INTEGER NOT NULL, value REAL, low REAL, high REAL, unit TEXT, approx TEXT,
    measure TEXT, subject TEXT, source TEXT, time TEXT
);
CREATE TABLE IF NOT EXISTS roles (
    rowid INTEGER NOT NULL REFERENCES records(rowid) ON DELETE CASCADE,
    doc_key INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,
    UNIQUE (rowid, role, name)
);
CREATE INDEX IF NOT EXISTS roles_name ON roles(role, name COLLATE NOCASE);
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
"""


# -- opening --------------------------------------------------------------


def connect(db: str | os.PathLike, *, create: bool = False) -> sqlite3.Connection:
    """Open the store (``create``: make it and its tables if missing)."""
    db = Path(db)
    if not create and not db.is_file():
        raise ClaimexError(f"{db}: no such claims store (make one with `claimex index OUTPUTS... --db {db}`)")
    try:
        con = sqlite3.connect(db)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA foreign_keys = ON")
        if create:
            con.executescript(SCHEMA)
            con.execute("INSERT OR IGNORE INTO meta VALUES ('store_version', ?)", (STORE_VERSION,))
            con.commit()
        version = con.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ClaimexError(f"{db}: not a claims store ({exc})") from None
    if version is None or version[0] != STORE_VERSION:
        raise ClaimexError(f"{db}: claims store version {version[0] if version else '?'}, this claimex reads version {STORE_VERSION} (index into a new file)")
    return con


# -- indexing -------------------------------------------------------------


@dataclass
class IndexSummary:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    documents: int = 0
    records: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def line(self, db) -> str:
        return (
            f"claimex index: {db}: {self.added} files added, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.removed} removed; {self.documents} documents and {self.records} records loaded"
            + (f"; {len(self.errors)} files failed" if self.errors else "")
        )


def output_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Path], list[str]]:
    """(JSONL files, folders searched, errors) for the OUTPUTS arguments.

    Folders are searched recursively for *.jsonl, review logs
    (*.review.jsonl) left out."""
    files, folders, errors = [], [], []
    for p in map(Path, paths):
        if p.is_dir():
            folders.append(p.resolve())
            files += sorted(f for f in p.rglob("*.jsonl") if f.is_file() and not f.name.endswith(".review.jsonl"))
        elif p.is_file():
            files.append(p)
        else:
            errors.append(f"{p}: no such file or directory")
    return [f.resolve() for f in files], folders, errors


def index_outputs(paths: Iterable[str | os.PathLike], db: str | os.PathLike) -> IndexSummary:
    """Load the records of OUTPUTS into the store ``db``, re-reading only what changed.

    A file whose size and mtime are as indexed is not read; one whose sha256
    is as indexed is not reloaded. A file that fails (not JSONL, not a claimex
    output) is reported and left as it was in the store. Files indexed from a
    folder given here that no longer exist are removed from the store.
    """
    summ = IndexSummary()
    files, folders, summ.errors = output_files(paths)
    con = connect(db, create=True)
    try:
        for f in files:
            try:
                _index_file(con, f, summ)
            except ClaimexError as exc:
                con.rollback()
                summ.errors.append(str(exc))
        _prune(con, folders, summ)
        _warn_duplicates(con, summ)
    finally:
        con.close()
    return summ


def _index_file(con: sqlite3.Connection, path: Path, summ: IndexSummary) -> None:
    st = path.stat()
    row = con.execute("SELECT file_id, sha256, size, mtime_ns FROM files WHERE path = ?", (str(path),)).fetchone()
    if row is not None and (row["size"], row["mtime_ns"]) == (st.st_size, st.st_mtime_ns):
        summ.unchanged += 1
        return
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if row is not None and row["sha256"] == sha:
        with con:
            con.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE file_id = ?", (st.st_size, st.st_mtime_ns, row["file_id"]))
        summ.unchanged += 1
        return
    docs = _documents(path, data)
    with con:  # one transaction per file: the store never holds half a file
        if row is not None:
            _delete_file(con, row["file_id"])
        cur = con.execute(
            "INSERT INTO files (path, sha256, size, mtime_ns, indexed_at) VALUES (?, ?, ?, ?, ?)",
            (str(path), sha, st.st_size, st.st_mtime_ns, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        for doc, recs in docs:
            _insert_document(con, cur.lastrowid, doc, recs)
            summ.documents += 1
            summ.records += len(recs)
    if row is None:
        summ.added += 1
    else:
        summ.updated += 1


def _documents(path: Path, data: bytes) -> list[tuple[dict, list[dict]]]:
    """The (document record, its other records) of a claimex JSONL output."""
    docs: list[tuple[dict, list[dict]]] = []
    for n, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as exc:
            raise ClaimexError(f"{path}:{n}: invalid JSON ({exc.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("type"), str) or not isinstance(rec.get("doc_id"), str):
            raise ClaimexError(f"{path}:{n}: not a claimex record (a JSON object with 'type' and 'doc_id')")
        if rec["type"] == "document":
            docs.append((rec, []))
        elif not docs or docs[-1][0]["doc_id"] != rec["doc_id"]:
            raise ClaimexError(f"{path}:{n}: record of '{rec['doc_id']}' without its document record before it")
        else:
            docs[-1][1].append(rec)
    if not docs:
        raise ClaimexError(f"{path}: no document record: not a claimex output")
    return docs


def _delete_file(con: sqlite3.Connection, file_id: int) -> None:
    keys = "SELECT doc_key FROM documents WHERE file_id = ?"
    con.execute(f"DELETE FROM claims_fts WHERE rowid IN (SELECT rowid FROM records WHERE doc_key IN ({keys}))", (file_id,))
    for table in ("roles", "entities", "dates", "quotes", "recommendations", "statistics"):
        con.execute(f"DELETE FROM {table} WHERE doc_key IN ({keys})", (file_id,))
    con.execute(f"DELETE FROM records WHERE doc_key IN ({keys})", (file_id,))
    con.execute("DELETE FROM documents WHERE file_id = ?", (file_id,))
    con.execute("DELETE FROM files WHERE file_id = ?", (file_id,))


def _prune(con: sqlite3.Connection, folders: list[Path], summ: IndexSummary) -> None:
    for row in con.execute("SELECT file_id, path FROM files").fetchall():
        p = Path(row["path"])
        if not p.exists() and any(p.is_relative_to(f) for f in folders):
            with con:
                _delete_file(con, row["file_id"])
            summ.removed += 1


def _warn_duplicates(con: sqlite3.Connection, summ: IndexSummary) -> None:
    sql = "SELECT doc_id, COUNT(DISTINCT file_id) AS n FROM documents GROUP BY doc_id HAVING n > 1 LIMIT 5"
    for row in con.execute(sql):
        summ.warnings.append(f"doc_id '{row['doc_id']}' is indexed from {row['n']} files (queries show each; `--doc` and the `file` column tell them apart)")


def _text(span) -> str | None:
    return span.get("text") if isinstance(span, dict) else None


def _insert_document(con: sqlite3.Connection, file_id: int, doc: dict, recs: list[dict]) -> None:
    pipe = doc.get("pipeline") if isinstance(doc.get("pipeline"), dict) else {}
    cur = con.execute(
        "INSERT INTO documents (file_id, doc_id, source, source_sha256, title, published, series, number, authors, pipeline_version, model, json)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (file_id, doc["doc_id"], doc.get("source"), doc.get("sha256"), doc.get("title"), doc.get("published"), doc.get("series"),
         doc.get("number"), json.dumps(doc.get("authors") or [], ensure_ascii=False), pipe.get("version"), pipe.get("model"),
         json.dumps(doc, ensure_ascii=False)),
    )  # fmt: skip
    key = cur.lastrowid
    entities = [r for r in recs if r["type"] == "entity"]
    for rec in recs:
        rowid = con.execute(
            'INSERT INTO records (doc_key, record_id, type, start, "end", text, rule, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            (key, str(rec.get("id")), rec["type"], _int(rec.get("start")), _int(rec.get("end")), _str(rec.get("text")), _str(rec.get("rule")),
             json.dumps(rec, ensure_ascii=False)),
        ).lastrowid  # fmt: skip
        TYPED.get(rec["type"], _claim)(con, rowid, key, rec, entities)


def _int(v):
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _str(v):
    return v if isinstance(v, str) else None


def _fts(con, rowid: int, rec: dict) -> None:
    if isinstance(rec.get("text"), str):
        con.execute("INSERT INTO claims_fts (rowid, text) VALUES (?, ?)", (rowid, rec["text"]))


def _claim(con, rowid: int, key: int, rec: dict, entities: list[dict]) -> None:
    """A record type without a table of its own: full-text indexed if it has text."""
    if rec["type"] not in NOT_CLAIMS:
        _fts(con, rowid, rec)


def _entity(con, rowid, key, rec, entities) -> None:
    con.execute("INSERT INTO entities VALUES (?, ?, ?, ?)", (rowid, key, _str(rec.get("label")), _str(rec.get("canonical")) or _str(rec.get("text"))))


def _date(con, rowid, key, rec, entities) -> None:
    value = _str(rec.get("value"))
    lo, hi = date_range(value) if value else (None, None)
    con.execute("INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?)", (rowid, key, _str(rec.get("timex_type")), value, _str(rec.get("mod")), lo, hi))


def _names_in(span, entities: list[dict]) -> list[str]:
    """The span's words and the canonical names of the entities inside it."""
    if not isinstance(span, dict) or not isinstance(span.get("start"), int):
        return []
    out = [span.get("text")] if isinstance(span.get("text"), str) else []
    for e in entities:
        if isinstance(e.get("start"), int) and span["start"] <= e["start"] and e.get("end", 0) <= span.get("end", -1):
            out.append(e.get("canonical") or e.get("text"))
    return [n for n in out if isinstance(n, str) and n.strip()]


def _roles(con, rowid: int, key: int, role: str, names: Iterable[str]) -> None:
    con.executemany("INSERT OR IGNORE INTO roles VALUES (?, ?, ?, ?)", [(rowid, key, role, n.strip()) for n in names if isinstance(n, str) and n.strip()])


def _quote(con, rowid, key, rec, entities) -> None:
    speakers = [s for s in rec.get("speakers") or [] if isinstance(s, str)]
    con.execute("INSERT INTO quotes VALUES (?, ?, ?, ?, ?)", (rowid, key, _str(rec.get("kind")), "; ".join(speakers), _text(rec.get("cue"))))
    spans = rec.get("speaker_spans") if isinstance(rec.get("speaker_spans"), list) else []
    _roles(con, rowid, key, "speaker", speakers + [n for s in spans for n in _names_in(s, entities)])
    _fts(con, rowid, rec)


def _recommendation(con, rowid, key, rec, entities) -> None:
    con.execute(
        "INSERT INTO recommendations VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (rowid, key, _str(rec.get("holder")), _text(rec.get("actor")), _text(rec.get("action")), _text(rec.get("trigger")), _str(rec.get("strength")), _str(rec.get("polarity"))),
    )
    _roles(con, rowid, key, "holder", [rec.get("holder")])
    _roles(con, rowid, key, "actor", _names_in(rec.get("actor"), entities))
    _fts(con, rowid, rec)


def _number(v) -> float | None:
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


def _statistic(con, rowid, key, rec, entities) -> None:
    value = rec.get("value")
    low, high = (value.get("low"), value.get("high")) if isinstance(value, dict) else (value, value)
    time = rec.get("time")
    con.execute(
        "INSERT INTO statistics VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (rowid, key, _number(value), _number(low), _number(high), _str(rec.get("unit")), _str(rec.get("approx")), _text(rec.get("measure")) or _str(rec.get("measure")),
         _str(rec.get("subject")), _str(rec.get("source")), _str(time) if not isinstance(time, dict) else _text(time)),
    )  # fmt: skip
    _roles(con, rowid, key, "subject", [rec.get("subject")])
    _roles(con, rowid, key, "source", [rec.get("source")])
    _fts(con, rowid, rec)


TYPED = {"entity": _entity, "date": _date, "quote": _quote, "recommendation": _recommendation, "statistic": _statistic}


# -- TIMEX values as calendar ranges ----------------------------------------

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # northern meteorological seasons; WI runs into the next year


def date_range(value: str) -> tuple[str | None, str | None]:
    """The first and last day a TIMEX3 DATE/TIME value covers, or (None, None).

    ``2024-03-14`` (and ``2024-03-14T10:00``), ``2024-03``, ``2024``, ``202``
    (a decade), ``2024-Q1``, ``2024-H2``, ``2024-W10``, ``2024-SU``.
    Durations, sets, ``PRESENT_REF`` and values with X are not ranges."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    try:
        if m:
            y, mo, d = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
            if d:
                return _iso(y, mo, d), _iso(y, mo, d)
            if mo:
                return _iso(y, mo, 1), _iso(y, mo, calendar.monthrange(y, mo)[1])
            return _iso(y, 1, 1), _iso(y, 12, 31)
        return _part_range(value)
    except ValueError:
        return None, None


def _part_range(value: str) -> tuple[str | None, str | None]:
    if m := re.fullmatch(r"(\d{3})", value):
        y = int(m[1]) * 10
        return _iso(y, 1, 1), _iso(y + 9, 12, 31)
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):
        y, per, n = int(m[1]), m[2], int(m[3])
        months = 3 if per == "Q" else 6
        first = (n - 1) * months + 1
        last = first + months - 1
        if last > 12:
            raise ValueError(value)
        return _iso(y, first, 1), _iso(y, last, calendar.monthrange(y, last)[1])
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        y, w = int(m[1]), int(m[2])
        return date.fromisocalendar(y, w, 1).isoformat(), date.fromisocalendar(y, w, 7).isoformat()
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        y, (a, b) = int(m[1]), _SEASONS[m[2]]
        y2, b2 = (y + 1, b - 12) if b > 12 else (y, b)
        return _iso(y, a, 1), _iso(y2, b2, calendar.monthrange(y2, b2)[1])
    return None, None


def _iso(y: int, m: int, d: int) -> str:
    return date(y, m, d).isoformat()


# -- querying ---------------------------------------------------------------


@dataclass
class Filters:
    """What every query can be narrowed by."""

    since: str | None = None  # document published on or after (YYYY-MM-DD)
    until: str | None = None  # ... on or before
    doc: str | None = None  # doc_id
    text: str | None = None  # full-text query over the claim's text (FTS5 syntax)
    limit: int | None = None


def _like(name: str) -> str:
    """A case-insensitive LIKE pattern: 'contains', or the user's own * wildcards."""
    esc = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return esc.replace("*", "%") if "*" in name else f"%{esc}%"


def _exact(name: str) -> str:
    esc = name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return esc.replace("*", "%")


class Query:
    """A SELECT built from parts; every user value is a bound parameter."""

    def __init__(self, select: str, source: str, f: Filters):
        self.select, self.source, self.where, self.params, self.f = select, source, [], [], f
        self.order = "d.published, d.doc_id, r.start"
        self.group: str | None = None
        if f.since:
            self.add("d.published >= ?", f.since)
        if f.until:
            self.add("d.published <= ?", f.until)
        if f.doc:
            self.add("d.doc_id = ?", f.doc)
        if f.text:
            self.add("r.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", fts_query(f.text))

    def add(self, cond: str, *params) -> Query:
        self.where.append(cond)
        self.params.extend(params)
        return self

    def sql(self) -> str:
        where = f" WHERE {' AND '.join(self.where)}" if self.where else ""
        group = f" GROUP BY {self.group}" if self.group else ""
        limit = f" LIMIT {int(self.f.limit)}" if self.f.limit else ""
        return f"SELECT {self.select} FROM {self.source}{where}{group} ORDER BY {self.order}{limit}"

    def run(self, con: sqlite3.Connection) -> tuple[list[str], list[tuple]]:
        try:
            cur = con.execute(self.sql(), self.params)
        except sqlite3.OperationalError as exc:
            raise ClaimexError(f"query failed: {exc}") from None
        return [c[0] for c in cur.description], [tuple(r) for r in cur.fetchall()]


def fts_query(text: str) -> str:
    """Plain words are ANDed as prefixes-free terms; FTS5 syntax ("phrase", OR, NOT, *) passes through."""
    if re.search(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b', text):
        return text
    words = re.findall(r"\w+", text)
    if not words:
        raise ClaimexError(f"nothing to search for in {text!r}")
    return " ".join(f'"{w}"' for w in words)


_DOC = "JOIN documents d ON d.doc_key = r.doc_key"
_ROLE = "r.rowid IN (SELECT rowid FROM roles WHERE role = ? AND name LIKE ? ESCAPE '\\')"


def query_recommendations(con, f: Filters, actor: str | None = None, holder: str | None = None, strength: str | None = None) -> tuple[list[str], list[tuple]]:
    q = Query(
        "d.doc_id, d.published, x.holder, x.actor, x.trigger, x.action, x.strength, x.polarity, r.text, r.record_id AS id",
        f"records r JOIN recommendations x ON x.rowid = r.rowid {_DOC}",
        f,
    )
    if actor:
        q.add(_ROLE, "actor", _like(actor))
    if holder:
        q.add(_ROLE, "holder", _like(holder))
    if strength:
        q.add("x.strength = ?", strength)
    return q.run(con)


def query_quotes(con, f: Filters, speaker: str | None = None, kind: str | None = None) -> tuple[list[str], list[tuple]]:
    q = Query("d.doc_id, d.published, x.speakers, x.kind, x.cue, r.text, r.record_id AS id", f"records r JOIN quotes x ON x.rowid = r.rowid {_DOC}", f)
    if speaker:
        q.add(_ROLE, "speaker", _like(speaker))
    if kind:
        q.add("x.kind = ?", kind)
    return q.run(con)


def query_documents(con, f: Filters, entity: str | None = None, label: str | None = None) -> tuple[list[str], list[tuple]]:
    """Documents (mentioning ``entity`` by canonical name: exact, any case, * wildcards)."""
    q = Query(
        "d.doc_id, d.published, d.title, COUNT(e.rowid) AS mentions, d.source, f.path AS file",
        "documents d JOIN files f ON f.file_id = d.file_id"
        " LEFT JOIN records r ON r.doc_key = d.doc_key AND r.type = 'entity' LEFT JOIN entities e ON e.rowid = r.rowid",
        f,
    )
    if entity:
        q.add("e.canonical LIKE ? ESCAPE '\\'", _exact(entity))
    if label:
        q.add("e.label = ?", label)
    q.group, q.order = "d.doc_key", ("mentions DESC, d.published, d.doc_id" if entity else "d.published, d.doc_id")
    return q.run(con)


def query_statistics(
    con, f: Filters, unit: str | None = None, measure: str | None = None, subject: str | None = None, source: str | None = None,
    at_least: float | None = None, at_most: float | None = None,
) -> tuple[list[str], list[tuple]]:
    """Figures, by unit, measure, subject, source and value (a range counts by its bounds)."""
    q = Query(
        "d.doc_id, d.published, r.text, x.value, x.low, x.high, x.unit, x.approx, x.measure, x.subject, x.source, td.value AS time, r.record_id AS id",
        f"records r JOIN statistics x ON x.rowid = r.rowid {_DOC}"
        " LEFT JOIN records tr ON tr.doc_key = r.doc_key AND tr.record_id = x.time LEFT JOIN dates td ON td.rowid = tr.rowid",
        f,
    )  # fmt: skip
    if unit:
        q.add("x.unit LIKE ? ESCAPE '\\'", _exact(unit))
    if measure:
        q.add("x.measure LIKE ? ESCAPE '\\'", _like(measure))
    if subject:
        q.add(_ROLE, "subject", _like(subject))
    if source:
        q.add(_ROLE, "source", _like(source))
    if at_least is not None:
        q.add("x.high >= ?", at_least)
    if at_most is not None:
        q.add("x.low <= ?", at_most)
    return q.run(con)


def query_entities(con, f: Filters, name: str | None = None, label: str | None = None) -> tuple[list[str], list[tuple]]:
    """Entities by canonical name, with the number of documents and mentions."""
    q = Query(
        "e.canonical, e.label, COUNT(DISTINCT d.doc_key) AS documents, COUNT(*) AS mentions",
        f"records r JOIN entities e ON e.rowid = r.rowid {_DOC}",
        f,
    )
    if name:
        q.add("e.canonical LIKE ? ESCAPE '\\'", _like(name))
    if label:
        q.add("e.label = ?", label)
    q.group, q.order = "e.canonical, e.label", "documents DESC, mentions DESC, e.canonical"
    return q.run(con)


def query_dates(con, f: Filters, start: str | None = None, end: str | None = None, timex_type: str | None = None) -> tuple[list[str], list[tuple]]:
    """Date mentions whose calendar range overlaps [start, end]."""
    q = Query(
        "d.doc_id, d.published, r.text, x.timex_type, x.value, x.mod, x.range_start, x.range_end, r.record_id AS id",
        f"records r JOIN dates x ON x.rowid = r.rowid {_DOC}",
        f,
    )
    if start:
        q.add("x.range_end >= ?", start)
    if end:
        q.add("x.range_start <= ?", end)
    if timex_type:
        q.add("x.timex_type = ?", timex_type)
    return q.run(con)


def query_search(con, f: Filters) -> tuple[list[str], list[tuple]]:
    """Claims whose text matches ``f.text`` (FTS5, porter stemming), best match first."""
    text = f.text or ""
    q = Query(
        "d.doc_id, d.published, r.type, snippet(claims_fts, 0, '[', ']', '...', 16) AS match, r.record_id AS id",
        f"claims_fts JOIN records r ON r.rowid = claims_fts.rowid {_DOC}",
        Filters(f.since, f.until, f.doc, None, f.limit),
    )
    q.add("claims_fts MATCH ?", fts_query(text))
    q.order = "bm25(claims_fts), d.published"
    return q.run(con)


def query_records(con, f: Filters, rtype: str | None = None, fields: Iterable[tuple[str, str]] = ()) -> tuple[list[str], list[tuple]]:
    """Records of any type (also types this claimex does not know), by JSON field values."""
    q = Query("d.doc_id, d.published, r.type, r.text, r.record_id AS id, r.json", f"records r {_DOC}", f)
    if rtype:
        q.add("r.type = ?", rtype)
    for key, value in fields:
        if not re.fullmatch(r"[A-Za-z_][\w.]*", key):
            raise ClaimexError(f"invalid field name {key!r} (letters, digits, '_' and '.' for nested fields)")
        q.add(f"CAST(json_extract(r.json, '$.{key}') AS TEXT) LIKE ? ESCAPE '\\'", _exact(value))
    return q.run(con)


# -- output -----------------------------------------------------------------


def render(columns: list[str], rows: list[tuple], fmt: str = "table", *, width: int = 60) -> str:
    """Rows as an aligned text table (long values cut to ``width``), CSV or JSON."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False, indent=1)
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
        return buf.getvalue().rstrip("\n")
    return _table(columns, rows, width)


def _cell(v, width: int) -> str:
    s = "" if v is None else " ".join(str(v).split())
    return s if len(s) <= width else s[: width - 3] + "..."


def _table(columns: list[str], rows: list[tuple], width: int) -> str:
    cells = [[_cell(v, width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
