"""PolNeAR attributions as claimex quote gold (used by ``benchmarks/attribution.py``).

PolNeAR (Newell, Margolin and Ruths 2018; the public repository
networkdynamics/PolNeAR) annotates every attribution of a news article as
brat standoff: a Source, a Cue and a Content span tied together by an
``Attribution`` (or ``Attribution-no-source``) event. Only the train and dev
splits are read here; the test split is reserved for independent measurement
and is never read.

The mapping to the claimex record contract (docs/annotation.md, section 5,
"PolNeAR mapping") is:

* **Marked quotes.** Double quotation marks are paired over the document
  (a quote still open at a paragraph end continues when the next paragraph
  opens with a mark, as news style does). A pair whose words fall inside an
  attribution's Content is a gold quote: ``direct`` when the marks hold the
  whole Content, else ``partial``; its speakers and cue are the
  attribution's. A pair inside no Content (a scare quote, a title, a
  nickname: PolNeAR does not annotate them) is gold ``optional``, so that a
  prediction on it is neither credited nor penalised.
* **Indirect.** A Content with no quotation marks inside is an ``indirect``
  quote (PolNeAR's Content span, trimmed of a leading "that" and of final
  punctuation). A Content holding quotation marks gives only its marked
  quotes (guidelines 5.2: the enclosing clause is not annotated again).
* **Cue classes.** Every gold item has the class of its Cue: ``according``
  ("according to"), ``speech`` (a verb or noun of saying, writing,
  announcing, asking, arguing: a speech act), ``cognition`` (a verb of
  thinking, believing, knowing, wanting, hoping, expecting, planning: a
  belief, wish or prediction) or ``other`` (everything else PolNeAR counts
  as an attribution: "polls show", "was first reported by", "'s critique
  of"). Under the claimex guidelines speech acts and "according to" are
  quotes; beliefs and predictions are not required (see docs/annotation.md).
* **Speakers.** The Source span, split at coordinations, gives one gold
  speaker per conjunct, each with a set of accepted names
  (:func:`speaker_alternatives`): a name (titles, determiners and a
  trailing apposition dropped: "Spokeswoman Jane Roe, 41," -> "Jane Roe");
  a description as written without its determiner ("the campaign" ->
  "campaign") and, like a pronoun, the speaker the annotators named last
  before it (PolNeAR has no coreference: the accepted antecedent is the
  nearest earlier named Source, and for "he"/"she"/"who" also the nearest
  earlier person name outside quotation marks found by the spaCy model's
  named-entity recogniser, skipping a name whose usual gender, by a generic
  list of first names, disagrees with the pronoun).

A predicted speaker matches a gold one when the names match
(:func:`same_name`: equal after normalisation, or the same surname with one
name's words contained in the other's: "Roe" ~ "Jane Roe") or
when the predicted speaker span overlaps the gold Source (the same mention).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

QUOTE_OPEN = "\u201c"
QUOTE_CLOSE = "\u201d"
STRAIGHT = '"'

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "we", "us", "i", "me", "it", "who", "you", "one"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "who", "i", "me"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "some", "another"})
# title words dropped from a gold name (generic English; kept here so that the gold does not depend on claimex's lexicons)
_TITLES = frozenset(
    """mr mrs ms miss dr sen senator rep representative gov governor president vice former then secretary
    spokesman spokeswoman spokesperson chairman chairwoman chair ceo director minister prime speaker leader
    gen general col lt sgt adm admiral colonel lieutenant sergeant capt captain maj major cmdr commander judge justice mayor candidate nominee reporter host anchor correspondent
    attorney lawyer professor prof rev pastor sheriff chief commissioner ambassador pope
    u.s. us campaign manager adviser advisor aide analyst strategist pollster executive founder co-founder
    democratic republican democrat gop presidential hopeful front-runner frontrunner billionaire businessman
    businesswoman nominee activist author economist editor columnist writer commentator""".split()
)
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "da", "di", "del", "la", "le", "bin", "al", "st.", "jr.", "jr", "sr.", "sr", "ii", "iii"})
_COORDINATION = re.compile(r"\s*,?\s+(?:and|&)\s+|\s*,\s+(?=[A-Z])")
_WORD = re.compile(r"[\w.'\u2019-]+")


# -- cue classes -----------------------------------------------------------
SPEECH = frozenset(
    """say tell add note argue claim insist maintain warn stress emphasize emphasise explain announce declare assert
    suggest urge ask agree acknowledge admit comment confirm contend deny describe observe remark reply respond
    reiterate report reveal write tweet post pledge promise vow indicate concede complain caution recall affirm
    underline underscore highlight propose recommend demand mention testify call conclude allege accuse counter
    retort cite quip joke lament criticize criticise condemn question assure inform plead appeal charge boast
    proclaim speak talk tout praise blast slam attack dismiss blame thank apologize apologise accept reject
    threaten quote repeat continue answer inquire pressure challenge disclose point brag insult mock ridicule
    defend recount predict declare shout yell scream tell testify interview statement remarks remark speech
    letter memo release email e-mail press conference tweet post posting message interview op-ed editorial
    transcript announcement address told wrote spoke said""".split()
)
COGNITION = frozenset(
    """think believe know feel expect hope fear worry want wish plan intend doubt suspect assume understand realize
    realise recognize recognise consider see view anticipate forecast estimate guess suppose imagine remember
    forget decide prefer like love hate seek aim try learn notice sense trust mean need prefer care regard
    support oppose favor favour""".split()
)
_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "thought": "think", "knew": "know", "known": "know", "felt": "feel",
    "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak", "saw": "see", "seen": "see",
    "meant": "mean", "sought": "seek", "understood": "understand", "forgot": "forget", "forgotten": "forget",
    "learnt": "learn", "led": "lead", "made": "make", "gave": "give", "given": "give", "took": "take",
}  # fmt: skip


def lemma(word: str) -> str:
    """A crude lemma for a cue word (irregular forms, then -ing/-ed/-s)."""
    w = word.lower().strip(".,:;\u2019'\"")
    if w in _IRREGULAR:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("d", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: -len(suffix)] + repl
            for cand in (stem, stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem):
                if cand in SPEECH or cand in COGNITION:
                    return cand
    return w


def cue_class(cue: str | None) -> str:
    """``according``, ``speech``, ``cognition`` or ``other`` for a cue text."""
    if not cue:
        return "other"
    low = re.sub(r"\s+", " ", cue.lower())
    if "according to" in low:
        return "according"
    words = [_IRREGULAR.get(w, w) for w in (lemma(w) for w in _WORD.findall(low))]
    if any(w in SPEECH for w in words):
        return "speech"
    if any(w in COGNITION for w in words):
        return "cognition"
    return "other"


# -- brat ------------------------------------------------------------------
@dataclass
class TextBound:
    id: str
    type: str
    spans: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(a for a, _ in self.spans)

    @property
    def end(self) -> int:
        return max(b for _, b in self.spans)


@dataclass
class Attribution:
    sources: list[TextBound] = field(default_factory=list)
    cues: list[TextBound] = field(default_factory=list)
    contents: list[TextBound] = field(default_factory=list)

    def content_spans(self) -> list[tuple[int, int]]:
        return sorted(s for c in self.contents for s in c.spans)


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution]
    ann_path: str
    published: str | None = None


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of a PolNeAR .ann file (events of type Attribution*)."""
    bounds: dict[str, TextBound] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            typ, _, rest = parts[1].partition(" ")
            try:
                spans = [tuple(int(x) for x in frag.split()) for frag in rest.split(";")]
            except ValueError:
                continue
            bounds[parts[0]] = TextBound(parts[0], typ, [s for s in spans if len(s) == 2])
        elif parts[0].startswith("E"):
            events.append(parts[1].split())
    out = []
    for roles in events:
        if not roles or not roles[0].startswith("Attribution"):
            continue
        att = Attribution()
        for role in roles[1:]:
            name, _, ref = role.partition(":")
            tb = bounds.get(ref)
            if tb is None:
                continue
            if name.startswith("Source"):
                att.sources.append(tb)
            elif name.startswith("Cue"):
                att.cues.append(tb)
            elif name.startswith("Content"):
                att.contents.append(tb)
        if att.contents:
            out.append(att)
    return out


def load_split(folder: Path, limit: int | None = None) -> list[Article]:
    """The articles of one split folder (``text/``, ``attributions/``). An article
    annotated by several annotators (quality control) is read once: the
    annotation file that sorts first."""
    texts = sorted((folder / "text").glob("*.txt"))
    anns = defaultdict(list)
    for f in sorted((folder / "attributions").glob("*.ann")):
        anns[f.name.rsplit("_", 1)[0]].append(f)
    meta = _published(folder.parent / "metadata.tsv")
    out = []
    for t in texts:
        if t.stem not in anns:
            continue
        ann = anns[t.stem][0]
        text = t.read_text(encoding="utf-8")
        out.append(Article(t.stem, text, read_ann(ann), str(ann), meta.get(t.stem)))
        if limit and len(out) >= limit:
            break
    return out


def _published(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    out = {}
    rows = path.read_text(encoding="utf-8").splitlines()
    head = rows[0].split("\t") if rows else []
    if "filename" not in head or "publication_date" not in head:
        return {}
    fi, di = head.index("filename"), head.index("publication_date")
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) > max(fi, di) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[di]):
            out[cells[fi]] = cells[di]
    return out


# -- quotation marks -------------------------------------------------------
def quote_pairs(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside the double quotation-mark pairs of
    ``text``, outermost only (curly, straight, and the two apostrophes some
    newspapers print for a straight mark: ''...''); a quote open at a
    paragraph end continues when the next paragraph starts with an opening mark."""
    pairs = []
    open_at = None
    paragraphs = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    for k, (start, para) in enumerate(paragraphs):
        for m in _MARKS.finditer(para):
            mark, pos = m.group(), start + m.start()
            if mark == QUOTE_OPEN or mark in _STRAIGHT and open_at is None:
                if open_at is None:
                    open_at = pos + len(mark)
            elif open_at is not None:
                pairs.append((open_at, pos))
                open_at = None
        if open_at is not None:
            nxt = paragraphs[k + 1][1].lstrip() if k + 1 < len(paragraphs) else ""
            m = _MARKS.match(nxt)
            if m is None or m.group() == QUOTE_CLOSE:
                open_at = None  # unpaired
            else:
                # the next paragraph re-opens the same quote: skip its opening mark
                ns, npara = paragraphs[k + 1]
                cut = npara.index(m.group())
                paragraphs[k + 1] = (ns, npara[:cut] + " " * len(m.group()) + npara[cut + len(m.group()) :])
    return pairs


_STRAIGHT = (STRAIGHT, "''")
_MARKS = re.compile("''|[" + QUOTE_OPEN + QUOTE_CLOSE + STRAIGHT + "]")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# -- gold records ------------------------------------------------------------
@dataclass
class GoldQuote:
    start: int
    end: int
    kind: str
    cls: str  # cue class
    attribution: Attribution | None
    speakers: list[GoldSpeaker] = field(default_factory=list)  # under the claimex conventions
    optional: bool = False
    raw_speakers: list[GoldSpeaker] = field(default_factory=list)  # PolNeAR's Source as it is
    conversion: str | None = None  # the convention that changed the speakers (CONVENTIONS)

    def speakers_for(self, converted: bool) -> list[GoldSpeaker]:
        return self.speakers if converted else self.raw_speakers


@dataclass
class GoldSpeaker:
    span: tuple[int, int]
    text: str
    names: list[str]  # accepted names, preferred first
    kind: str  # named | pronoun | description


def _overlap(a: int, b: int, c: int, d: int) -> int:
    return max(0, min(b, d) - max(a, c))


def convert(article: Article, persons: list[tuple[int, int]] | None = None) -> list[GoldQuote]:
    """Gold quotes of one article (marked and indirect), in text order.
    ``persons``: offsets of person names in the text (from a named-entity
    recogniser), candidate antecedents of pronoun Sources."""
    text = article.text
    out: list[GoldQuote] = []
    with_marks: set[int] = set()
    for o, c in quote_pairs(text):
        a, b = _trim(text, o, c)
        if b <= a:
            continue
        best, best_ov = None, 0
        for k, att in enumerate(article.attributions):
            ov = sum(_overlap(a, b, x, y) for x, y in att.content_spans())
            if ov > best_ov:
                best, best_ov = k, ov
        if best is None or best_ov < (b - a) / 2:
            out.append(GoldQuote(a, b, "scare", "other", None, optional=True))
            continue
        att = article.attributions[best]
        with_marks.add(best)
        whole = _whole_content(text, att, a, b)
        out.append(GoldQuote(a, b, "direct" if whole else "partial", cue_class(_cue_text(text, att)), att))
    for k, att in enumerate(article.attributions):
        if k in with_marks:
            continue
        for a, b in _indirect_spans(text, att):
            out.append(GoldQuote(a, b, "indirect", cue_class(_cue_text(text, att)), att))
    out.sort(key=lambda q: (q.start, q.end))
    names = _NameIndex(article, persons or [])
    for q in out:
        if q.attribution is not None:
            q.speakers = q.raw_speakers = names.speakers(q.attribution)
            if q.kind in MARKED_KINDS:
                q.speakers, q.conversion = names.convention(q)
    return out


MARKED_KINDS = ("direct", "partial")


def _cue_text(text: str, att: Attribution) -> str:
    return " ".join(text[a:b] for c in att.cues for a, b in c.spans)


def _whole_content(text: str, att: Attribution, a: int, b: int) -> bool:
    """The marks hold all the words of the Content fragment they sit in."""
    for x, y in att.content_spans():
        if _overlap(a, b, x, y):
            outside = text[x:a] + text[b:y]
            return not re.search(r"\w", outside)
    return False


def _indirect_spans(text: str, att: Attribution) -> list[tuple[int, int]]:
    """The Content as one span per stretch of one paragraph, a leading 'that'
    and final punctuation trimmed."""
    out = []
    for x, y in _merge(text, att.content_spans()):
        m = re.match(r"\s*(?:that|whether)\s+", text[x:y], re.I)
        if m:
            x += m.end()
        while y > x and (text[y - 1].isspace() or text[y - 1] in ".,;:!?"):
            y -= 1
        x, y = _trim(text, x, y)
        if y > x:
            out.append((x, y))
    return out


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and "\n" not in text[out[-1][1] : a] and a - out[-1][1] < 60:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


# -- names -----------------------------------------------------------------
def _tokens(name: str) -> list[str]:
    name = name.replace("\u2019", "'").lower()
    toks = [t.strip(".,'") for t in _WORD.findall(name)]
    toks = [t[:-2] if t.endswith("'s") else t for t in toks]
    return [t for t in toks if t]


def normalise(name: str) -> str:
    """Case-folded words without a leading determiner or possessive marks."""
    toks = _tokens(name)
    while toks and toks[0] in _DETERMINERS:
        toks = toks[1:]
    return " ".join(toks)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_core(name: str) -> list[str]:
    return [t for t in _tokens(name) if t not in _TITLES and t not in _DETERMINERS and t not in _SUFFIXES]


def same_name(a: str, b: str) -> bool:
    """Equal after normalisation, or one person's name in two forms ("Roe",
    "Jane Ann Roe", "Sen. Roe"): same last word, the shorter
    name's words all in the longer; or a one-word name that is a word of
    the other ("Jane" ~ "Jane Roe", a family name written first: "Ban" ~
    "Ban Ki-moon")."""
    if not a or not b:
        return False
    if normalise(a) == normalise(b):
        return True
    x, y = _name_core(a), _name_core(b)
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    if len(short) == 1 and len(long_) <= _MAX_NAME_WORDS and short[0] in long_:
        return True
    return x[-1] == y[-1] and set(short) <= set(long_)


_MAX_NAME_WORDS = 4


def name_in(phrase: str) -> str | None:
    """The name a Source phrase gives: the name its first comma-separated part
    ends with (:func:`_part_name`), or, when that part is a description ("One
    early supporter, Representative Jane Roe, ..."), the name in the apposition
    after it; None for a description ("the campaign", "Roe's campaign", "the
    head of X", "an adviser to Jane Roe")."""
    parts = [p for p in re.split(r"\s*[,(\u2014]\s*", re.sub(r"\s+", " ", phrase)) if p.strip()]
    if not parts:
        return None
    name = _part_name(parts[0])
    if name is None and len(parts) > 1 and not re.search(r"[A-Z]", parts[0][1:]) and parts[0].split()[-1][:1].islower():
        name = _part_name(parts[1])  # 'Roe's deputy campaign manager, Rich Beeson, who ...'
    return name


_PREPOSITION = re.compile(r"\s+(?:of|from|at|with|for|in|on|to|by)\s+")
_TRAILING_CLAUSE = re.compile(r"\s+(?:who|whom|whose|which|that|released|issued|published|posted|aired|obtained|written)\b.*$")


def _part_name(part: str) -> str | None:
    """The name one part of a Source phrase ends with: the capitalised run at its
    end past premodifiers and titles ("former secretary of state Jane Roe",
    "Breitbart's Joel Pollak"); a person after a title even behind a
    preposition ("the Council on X Executive Director Jane Roe"); else a name
    before "of"/"from" + an organisation ("Jane Roe of the Tribune"), or a
    name with a preposition inside ("Bank of America"); None when the part ends
    with a common noun."""
    part = _TRAILING_CLAUSE.sub("", part).strip()
    words = part.replace("\u2019", "'").split()
    if not words or not words[-1][:1].isupper():
        return None  # a description headed by a common noun
    run = _final_run(part)
    k = len(words) - len((run or "").split())
    j = k - 1
    while j >= 0 and words[j].lower() in _DETERMINERS:
        j -= 1
    before = words[j].lower() if 0 <= j < len(words) else ""
    titled = any(w.lower().strip(".") in _TITLES for w in words[k - 1 : -1]) if run else False
    if run and (before not in _PREPOSITIONS or titled):
        return run
    pieces = _PREPOSITION.split(part)
    if len(pieces) == 1:
        return run
    head = pieces[0]
    hrun = _final_run(head)
    if hrun and len(hrun.split()) >= 2:
        return hrun  # 'Jane Roe of the Tribune'
    if not head.split() or not head.split()[-1][:1].isupper():
        return None  # 'the head of X', 'an adviser to Jane Roe': a description
    k = next((i for i, w in enumerate(words) if w[:1].isupper()), 0)
    return " ".join(words[k:])  # 'Bank of America'


_PREPOSITIONS = frozenset({"of", "from", "at", "with", "for", "in", "on", "to", "by"})


def _final_run(part: str) -> str | None:
    words = part.replace("\u2019", "'").split()
    if not words or not words[-1][:1].isupper():
        return None  # a description headed by a common noun
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or words[k - 1].lower() in _NAME_PARTICLES):
        k -= 1
        if words[k].endswith("'s") and k < len(words) - 1:
            k += 1  # a possessor before the name
            break
    if words[-1].lower().strip(".") in _TITLES:
        return None  # 'the Wisconsin Republican': a description
    run = words[k:]
    titles = [i for i, w in enumerate(run) if w.lower().strip(".") in _TITLES]
    if titles and titles[-1] < len(run) - 1:
        run = run[titles[-1] + 1 :]  # 'Finance Minister Jane Roe': the name after the title
    run = [w for w in run if w.lower().strip(".") not in _TITLES]
    return " ".join(run) if run else None


_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
# first names and their usual gender (the generic list claimex ships, models/lexicons/first_names.json)
_GENDERS = {k.lower(): v for k, v in json.loads((Path(__file__).resolve().parent.parent / "models" / "lexicons" / "first_names.json").read_text(encoding="utf-8"))["map"].items()}
_ANTECEDENT_WINDOW = 1500  # characters back from a pronoun where its named antecedent may stand


class _NameIndex:
    """Accepted names for the Sources of one article."""

    def __init__(self, article: Article, persons: list[tuple[int, int]]):
        self.text = article.text
        inside = quote_pairs(article.text)
        self.quoted = inside
        self.persons = [(a, b) for a, b in persons if not any(o <= a < c for o, c in inside)]
        sources = sorted((s for att in article.attributions for s in att.sources), key=lambda s: s.start)
        self.named = []  # (start, name) of Sources that name someone
        for s in sources:
            phrase = self._phrase(s)
            if phrase.lower() in PRONOUNS:
                continue
            n = name_in(phrase)
            if n:
                self.named.append((s.start, n))

    # -- the documented differences between PolNeAR and the claimex guidelines (docs/annotation.md 5.6)
    def convention(self, q: GoldQuote) -> tuple[list[GoldSpeaker], str | None]:
        """The speakers of a marked quote under the claimex conventions, and the
        convention that changed them (None: PolNeAR's Source as it is):

        * ``chain``: "'...,' X said, according to CNN" / "..., CNN reported":
          the speaker is the one whose words the marks hold (the inner
          speaker), not the outlet or text that reports them;
        * ``author``: the writer's own first person ("I said") is ``author``;
        * ``text_author``: a text with its author named in it ("Roe's
          statement", "a study by Roe") also accepts the author."""
        inner = self._chain_speaker(q) if _is_chain_cue(_cue_text(self.text, q.attribution)) else None
        if inner is not None:
            return [inner], "chain"
        out, tag = [], None
        for s in q.raw_speakers:
            if s.text.lower() in FIRST_PERSON and not self._in_quotes(s.span[0]):
                s, tag = GoldSpeaker(s.span, s.text, [AUTHOR], s.kind), "author"
            elif s.kind == "description" and _head_word(s.text) in TEXT_NOUNS:
                author = self._text_author(s)
                if author:
                    s, tag = GoldSpeaker(s.span, s.text, author + s.names, s.kind), tag or "text_author"
            out.append(s)
        return out, tag

    def _in_quotes(self, at: int) -> bool:
        return any(o <= at < c for o, c in self.quoted)

    def _chain_speaker(self, q: GoldQuote) -> GoldSpeaker | None:
        """The speaker of a speech verb in the attribution's Content, outside
        quotation marks, on either side of the quote ("X said", "said X")."""
        for x, y in q.attribution.content_spans():
            for m in _INNER_SPEECH.finditer(self.text, x, y):
                if self._in_quotes(m.start()):
                    continue
                part = self._phrase_before(x, m.start()) or self._phrase_after(m.end(), y)
                if part is not None:
                    a, b = part
                    return self._speaker(a, b, self.text[a:b])
        return None

    def _phrase_before(self, lo: int, at: int) -> tuple[int, int] | None:
        k = max(self.text.rfind(c, lo, at) for c in _BOUNDARIES)
        a, b = _trim(self.text, max(lo, k + 1), at)
        words = self.text[a:b].split()
        if not 0 < len(words) <= 8 or words[0].lower() in _CLAUSE_WORDS:
            return None  # 'When asked ...', 'and said'
        return (a, b) if words[0][:1].isupper() or words[0].lower() in PRONOUNS | _DETERMINERS else None

    def _phrase_after(self, at: int, hi: int) -> tuple[int, int] | None:
        ends = [k for k in (self.text.find(c, at, hi) for c in (*_BOUNDARIES, ".")) if k >= 0]
        a, b = _trim(self.text, at, min(ends, default=hi))
        words = self.text[a:b].split()
        return (a, b) if 0 < len(words) <= 10 and words[0][:1].isupper() or len(words) == 1 and words[0].lower() in PRONOUNS else None

    def _text_author(self, s: GoldSpeaker) -> list[str]:
        """'Roe's statement', 'a study by Jane Roe and John Baker', 'a letter from the Roe campaign': the author's names."""
        m = re.match(r"(?:the\s+)?([A-Z][\w.\s-]*?)['\u2019]s?\s", s.text) or re.search(r"\s(?:by|from)\s+(.+)$", s.text)
        if m is None:
            return []
        who = m.group(1)
        parts = [p for _, _, p in _conjuncts(who, 0)]
        return [n for n in (name_in(p) for p in parts) if n] or [normalise(who)]

    def _phrase(self, s: TextBound) -> str:
        return re.sub(r"\s", " ", " ".join(self.text[a:b] for a, b in s.spans)).strip(" ,.:;")  # (one space per space: offsets hold)

    def speakers(self, att: Attribution) -> list[GoldSpeaker]:
        out = []
        for s in att.sources:
            phrase = self._phrase(s)
            for a, b, part in _conjuncts(phrase, s.start + self.text[s.start : s.end].find(phrase[:1])):
                out.append(self._speaker(a, b, part))
        return out

    def _speaker(self, a: int, b: int, part: str) -> GoldSpeaker:
        low = part.lower()
        if low in PRONOUNS:
            names = self._antecedents(a, person=low in PERSON_PRONOUNS, pronoun=low)
            return GoldSpeaker((a, b), part, names or [low], "pronoun")
        n = name_in(part)
        if n:
            first = part.find(n.split()[0])
            last = n.split()[-1]
            end = part.find(last, max(first, 0)) + len(last)
            span = (a + first, a + end) if first >= 0 and end > first else (a, b)
            return GoldSpeaker(span, part, [n], "named")
        head = re.split(r",|\s(?:of|from|at|with|in|for|on|who|that)\s", part)[0]
        definite = re.match(r"(?i)the\s+\S", part) is not None and not part.rstrip().endswith("s")
        names = [normalise(part)] + self._antecedents(a, person=definite)  # 'the senator': also the nearest person
        return GoldSpeaker((a, a + len(head)), part, names, "description")

    def _antecedents(self, at: int, person: bool, pronoun: str | None = None) -> list[str]:
        """The nearest earlier named Source, and for a person pronoun the
        nearest earlier person name outside quotation marks."""
        out = []
        before = [n for s, n in self.named if s < at]
        if before:
            out.append(before[-1])
        if person:
            gender = _PRONOUN_GENDER.get(pronoun or "")
            for a, b in reversed([(a, b) for a, b in self.persons if b <= at and at - b < _ANTECEDENT_WINDOW]):
                n = name_in(self.text[a:b]) or self.text[a:b]
                if gender and _GENDERS.get(n.split()[0].lower(), gender) != gender:
                    continue  # 'she' is not 'John Baker'
                if not any(same_name(n, o) for o in out):
                    out.append(n)
                break
        return out


def _conjuncts(phrase: str, offset: int) -> list[tuple[int, int, str]]:
    """'Roe and Baker' -> two parts (offsets into the text); a phrase
    without a coordination of names is one part."""
    pieces = []
    pos = 0
    for m in _COORDINATION.finditer(phrase):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(phrase)))
    parts = [(offset + a, offset + b, phrase[a:b]) for a, b in pieces if phrase[a:b].strip()]
    listed = re.search(r"\s(?:and|&)\s", phrase) is not None  # 'A, B and C' (not 'Dover, Delaware')
    if len(parts) > 1 and listed and all(p[:1].isupper() and (name_in(p) or p.lower() in PRONOUNS) and _only_names(p) for _, _, p in parts):
        return parts
    return [(offset, offset + len(phrase), phrase)]


def _only_names(part: str) -> bool:
    """No lower-case word but titles, determiners and particles ('Faiza Roe,
    co-director of the X and Y Program' is one speaker, not two)."""
    return all(w[:1].isupper() or w.lower().strip(".") in _TITLES | _DETERMINERS | _NAME_PARTICLES for w in part.split())


AUTHOR = "author"
CONVENTIONS = ("chain", "author", "text_author")
FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# heads of a Source that is a text (a statement, an ad, a study ...)
TEXT_NOUNS = frozenset(
    """statement statements report reports ad ads advertisement letter letters memo email e-mail message messages tweet
    tweets post posts release study analysis poll survey article story editorial op-ed column book transcript filing
    document documents complaint lawsuit website page note video""".split()
)
_INNER_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|adds|wrote|writes|stated|states|declared|explained|tweeted|noted)\b")
_BOUNDARIES = (",", ";", ":", "\u201c", "\u201d", '"', "(", "\u2014")


_CLAUSE_WORDS = frozenset({"when", "if", "as", "but", "and", "or", "while", "after", "before", "because", "though", "although", "so", "then"})


def _is_chain_cue(cue: str) -> bool:
    """An outlet's or a text's report of someone's words: "according to", "reported"."""
    low = cue.lower()
    return "according to" in low or any(lemma(w) == "report" for w in _WORD.findall(low))


def _head_word(phrase: str) -> str:
    head = re.split(r",|\s(?:of|from|by|at|with|in|for|on|who|that|released|issued)\s", phrase)[0]
    words = _tokens(head)
    return words[-1] if words else ""


# -- matching predicted speakers -------------------------------------------
def speakers_match(gold: list[GoldSpeaker], pred: list[tuple[str, tuple[int, int] | None]]) -> bool:
    """Every gold speaker matched by exactly one predicted speaker (name or
    mention), and no predicted speaker left over."""
    if len(gold) != len(pred):
        return False
    left = list(pred)
    for g in gold:
        hit = next((p for p in left if _matches(g, p)), None)
        if hit is None:
            return False
        left.remove(hit)
    return True


def _matches(g: GoldSpeaker, p: tuple[str, tuple[int, int] | None]) -> bool:
    name, span = p
    if span is not None and _overlap(span[0], span[1], g.span[0], g.span[1]):
        return True
    return any(same_name(n, name) for n in g.names)
