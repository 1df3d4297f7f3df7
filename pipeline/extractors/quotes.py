"""Quotes in quotation marks: kind, cue and speaker phrase.

:func:`find_quotes` pairs quotation marks over the whole document
(``quote_marks.pair_quotation_marks``: consecutive claim paragraphs, so that
news-style continuation paragraphs pair too; unpaired marks become document
warnings) and reads each outermost pair in its sentence:

* Not speech: a title, a name of a work or a nickname ("the book "X"",
  ``models/lexicons/work_title_cues.json``; a Title-Cased phrase nobody
  says; a quoted name between two names) is not a quote.
* Cue: a reporting verb or phrase (``cues.CueLexicon``) found, in order, (1)
  before a colon or comma that introduces the quote, (2) up the dependency
  tree from the quoted words, (3) right after the closing mark ("...," she
  said).
* Kind: *direct* when the quote is set off by a colon or comma from its cue
  (or stands next to it), *partial* when it is woven into the sentence
  ("that", "to", an object), *scare* with no cue or after "so-called".
  A quote of whole sentences with no cue of its own is marked
  ``standalone``: the resolver gives it the speaker of the quote before it
  (news style), and a cue-less quote of words the document earlier credits to
  someone becomes partial with those speakers (the author re-using words).

The find step yields :class:`QuoteMention` tuples in view offsets; speaker
names are set by ``resolve.attribution``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from ..assets import Assets
from ..document import Document, Segment, Span
from ..errors import Warnings
from .annotations import annotation
from .clauses import is_quote_mark, noun_phrase, span_of, subject_of
from .cues import Cue, CueLexicon, SpeakerPhrase, cue_span, noun_owner, passive_without_agent, speaker_phrases
from .quote_marks import TWIN, Paragraph, QuotePair

_INTRO = (":", ",")
_SENTENCE_END = (".", "!", "?")
_MAX_INTRO_DISTANCE = 15  # tokens scanned back from an introducing colon or comma
_MAX_CLIMB = 6  # dependency levels climbed from the quoted words to a cue
_MAX_AFTER = 4  # tokens after the closing mark where a cue may stand
_MAX_AFTER_APPOSITION = 16  # words after the closing mark, an apposition included
_CONTEXT = 400  # characters of the paragraph read before and after a quote
_LONG_QUOTE_WORDS = 8  # words of a sentence-opening quote that is someone's words without a cue


class QuoteMention(NamedTuple):
    start: int
    end: int
    kind: str  # direct | partial | scare | indirect
    speaker_spans: tuple[Span, ...] = ()
    cue: Span | None = None
    speakers: tuple[str, ...] = ()  # canonical names, set by resolve
    # read by resolve, not written
    phrases: tuple[SpeakerPhrase, ...] = ()  # speakers as written (subject of the cue)
    marked: bool = True  # in quotation marks (False: reported speech)
    standalone: bool = False  # whole sentences with no cue of their own
    rule: str = ""  # the rule that found the quote ("quote/cue_after", "reported/content_clause")
    sieve: str = ""  # the sieve that found the speaker phrase ("cue_subject", "according_to", "clause_subject")
    speaker_rule: str = ""  # set by resolve: "<sieve>/<resolution>" ("cue_subject/pronoun", "continuation")


def claim_paragraphs(doc: Document) -> list[Paragraph]:
    """Claim-carrying segments as paragraphs; ``follows`` when nothing else
    stands between one and the previous one."""
    out, prev_index = [], None
    text = doc.view.text
    for seg in doc.segments:
        if not seg.carries_claims:
            continue
        out.append(Paragraph(seg.start, text[seg.start : seg.end], prev_index is not None and seg.index == prev_index + 1))
        prev_index = seg.index
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


class _QuoteFrame:
    """One quotation-mark pair read in its segment's parse."""

    def __init__(self, doc: Document, seg: Segment, pair: QuotePair, a: int, b: int, quoted: _Quoted):
        self.doc, self.seg, self.pair = doc, seg, pair
        self.a, self.b = a, b
        self.quoted = quoted  # the outermost (open, close) mark offsets of the document
        sd = seg.doc
        # the segment of the closing mark (a later one for a continued quote)
        self.close_seg = quoted.segment_at(pair.close) if pair.close >= seg.end else seg
        if self.close_seg is None or self.close_seg.doc is None:
            self.close_seg = seg
        # tokens of the quoted words inside this segment, and the tokens around the marks (Doc slices)
        first = _token_index(sd, a - seg.start)
        last = _token_index(sd, min(b, seg.end) - 1 - seg.start)
        self.inside = [t for t in sd[first : last + 1] if not is_quote_mark(t)]
        self.before = sd[: _token_index(sd, pair.open - seg.start)]
        cs = self.close_seg
        self.after = cs.doc[_token_index(cs.doc, pair.close - cs.start) + 1 :] if cs.start <= pair.close < cs.end else []

    def in_quotes(self, tok) -> bool:
        return self.quoted.inside(self.seg.start + tok.idx)

    def text_before(self) -> str:
        """The paragraph's text before the opening mark, up to _CONTEXT characters
        of it (what the rules read is its end; a bounded slice keeps a paragraph
        of many quotes linear)."""
        text = self.doc.view.text
        open_at = self.pair.open - 1 if text[self.pair.open - 1 : self.pair.open + 1] == TWIN else self.pair.open
        return text[max(self.seg.start, open_at - _CONTEXT) : open_at].rstrip()

    def text_after(self) -> str:
        text = self.doc.view.text
        after = self.pair.close + (2 if text.startswith(TWIN, self.pair.close) else 1)  # past ''
        end = self.close_seg.end if self.pair.close < self.close_seg.end else after
        return text[after : min(end, after + _CONTEXT)].lstrip()


class _Quoted:
    """The outermost quotation-mark pairs and the segments of a document, for
    look-ups by offset in logarithmic time."""

    def __init__(self, doc: Document, pairs: list[QuotePair]):
        outer = sorted((p.open, p.close) for p in pairs if p.depth == 0)
        self.opens = [o for o, _ in outer]
        self.closes = [c for _, c in outer]
        self.segments = sorted(doc.segments, key=lambda s: s.start)
        self.seg_starts = [s.start for s in self.segments]

    def inside(self, offset: int) -> bool:
        k = bisect_left(self.opens, offset) - 1
        return k >= 0 and offset < self.closes[k]

    def segment_at(self, offset: int) -> Segment | None:
        k = bisect_right(self.seg_starts, offset) - 1
        return self.segments[k] if k >= 0 and offset < self.segments[k].end else None


def _token_index(sd, char: int) -> int:
    """Index of the token of ``sd`` that contains character ``char`` (or the next one)."""
    sp = sd.char_span(char, char + 1, alignment_mode="expand")
    if sp is not None and len(sp):
        return sp.start
    for t in sd:
        if t.idx >= char:
            return t.i
    return len(sd)


def _words_before(frame: _QuoteFrame, n: int) -> list[str]:
    out = []
    for t in reversed(frame.before):
        if not t.is_punct:
            out.append(t.lower_)
            if len(out) == n:
                break
    return out[::-1]


def _ends_with_phrase(words: list[str], entries: frozenset[str]) -> bool:
    return any(" ".join(words[-k:]) in entries for k in range(1, min(3, len(words)) + 1))


def _is_title_case(content: str, minor: frozenset[str]) -> bool:
    content = content.rstrip(".,;:")
    words = content.split()
    if not 2 <= len(words) <= 12 or not content or content[-1] in "!?":
        return False
    if not words[0][:1].isupper():
        return False
    for w in words:
        core = w.strip("()[]{}\"'\u2018\u2019\u201c\u201d,.:;!?-")
        if not core or not core[0].isalpha():
            continue
        if not core[0].isupper() and core.lower() not in minor:
            return False
    return True


def _not_speech(frame: _QuoteFrame, content: str, titles: frozenset[str]) -> bool:
    """A title, a name of a work or a nickname in quotation marks (not words
    that open with a verb in lower case: 'the program "failed to meet its goals"')."""
    if _ends_with_phrase(_words_before(frame, 3), titles) and not (content[:1].islower() and frame.inside[0].pos_ in ("VERB", "AUX")):
        return True
    prev = next((t for t in reversed(frame.before) if not is_quote_mark(t)), None)
    nxt = next((t for t in frame.after if not is_quote_mark(t)), None)
    if prev is not None and nxt is not None and _name_word(prev) and _name_word(nxt) and "PROPN" in (prev.pos_, nxt.pos_) and _all_capitalised(content):
        gap_before = frame.doc.view.text[frame.seg.start + prev.idx + len(prev.text) : frame.pair.open]
        gap_after = frame.doc.view.text[frame.pair.close + 1 : frame.seg.start + nxt.idx]
        if gap_before.strip() == "" and gap_after.strip() == "":
            return True  # Dwayne "The Rock" Johnson, Marcia "Cia" Price
    return False


def _owned_title(frame: _QuoteFrame, content: str, minor: frozenset[str]) -> bool:
    """A Title-Cased name right after a possessive ('on NBC's "Meet the Press"',
    'the network's "This Week"'): a programme or a work, not words said."""
    prev = next((t for t in reversed(frame.before) if not is_quote_mark(t)), None)
    return prev is not None and prev.tag_ == "POS" and _is_title_case(content, minor)


def _name_word(tok) -> bool:
    return tok.text[:1].isupper() and tok.text.rstrip(".").isalpha()


def _all_capitalised(content: str) -> bool:
    """A nickname: one to four words, each capitalised ('The Rock', 'Cia')."""
    words = content.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words if w.lower() not in ("the", "of"))


def nickname_mark(tok) -> bool:
    """A quotation mark of a nickname inside a name (Marcia "Cia" Price): the words
    on both sides of it are capitalised names."""
    doc = tok.doc
    return is_quote_mark(tok) and 0 < tok.i < len(doc) - 1 and _name_word(doc[tok.i - 1]) and _name_word(doc[tok.i + 1])


def _cue_before_intro(frame: _QuoteFrame, lex: CueLexicon) -> tuple[Cue, Segment] | None:
    """(1) 'X said: "..."' / 'X stated, "..."': the nearest cue before the mark."""
    if not frame.text_before().endswith(_INTRO):
        return None
    toks = frame.before
    n = 0
    fallback = None
    for t in reversed(toks):
        if t.text in _SENTENCE_END or (is_quote_mark(t) and t.i != toks[-1].i):
            break
        n += 1
        if n > _MAX_INTRO_DISTANCE:
            break
        if frame.in_quotes(t):
            continue
        ph = lex.phrase_ending_at(t.doc, t.i)
        if ph is not None:
            return ph, frame.seg
        if lex.is_verb(t):
            return lex.verb_cue(t), frame.seg
        if t.pos_ == "NOUN" and t.lemma_.lower() in lex.text_nouns:
            fallback = fallback or t  # 'I had to change my answer: "..."': a noun of speech introduces it (speech_noun)
        if fallback is None and t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ", "VBP") and not frame_author(subject_of(t)):
            fallback = t  # 'X leaned in and boomed: "..."': the verb before a colon introduces the quote
    if fallback is not None and fallback.pos_ == "VERB" and frame.text_before().endswith(":"):
        return Cue(fallback.i, fallback.i, fallback, "subject"), frame.seg
    return None


def _continuation_before_intro(frame: _QuoteFrame, continuations: frozenset[str]) -> tuple[Cue, Segment] | None:
    """'She continued, "..."' / 'He went on: "..."': a verb that carries someone's
    words on (``quote_intro_verbs``) right before the introducing comma or colon."""
    if not frame.text_before().endswith(_INTRO):
        return None
    words = [t for t in frame.before if not t.is_punct]
    verb = words[-1] if words else None
    if verb is not None and verb.dep_ == "prt" and verb.lower_ in ("on", "in"):
        verb = verb.head  # 'went on', 'chimed in'
    return (Cue(verb.i, verb.i, verb, "subject"), frame.seg) if verb is not None and _continues(frame, verb, continuations) else None


def _continues(frame: _QuoteFrame, verb, continuations: frozenset[str]) -> bool:
    """A continuation verb with a subject that names someone and no complement
    of its own outside the quotation marks ('continued to rise' is none)."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in continuations or frame.in_quotes(verb):
        return False
    if lemma in ("go", "chime", "pipe") and not any(c.dep_ == "prt" for c in verb.children):
        return False
    own = any(c.dep_ in ("dobj", "obj", "xcomp", "ccomp", "prep") and not frame.in_quotes(c) and not is_quote_mark(c) for c in verb.children)
    subj = subject_of(verb)
    return not own and subj is not None and subj.i < verb.i and not frame_author(subj)


def _cue_by_speech_noun(frame: _QuoteFrame, speech_nouns: frozenset[str]) -> tuple[Cue, Segment] | None:
    """'X ended with an appeal: "..."': a noun of speech before the colon; the
    speaker is the subject of the verb it depends on."""
    if not frame.text_before().endswith(":"):
        return None
    for t in reversed(frame.before[-8:]):
        if t.text in _SENTENCE_END:
            break
        if t.pos_ == "NOUN" and t.lemma_.lower() in speech_nouns and not frame.in_quotes(t):
            if _source_label(t):
                return Cue(t.head.i, t.head.i, None, "source"), frame.seg  # 'From the ruling: "..."'
            verb = t.head
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if verb.pos_ in ("VERB", "AUX"):
                return Cue(t.i, t.i, verb, "subject"), frame.seg
    return None


def _source_label(noun) -> bool:
    """'From the ruling:', 'From Roe's statement:': a noun of speech after a
    sentence-initial "from" labels the quote that follows with its source."""
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "from" and (prep.i == prep.sent.start or prep.nbor(-1).is_punct)


def _cue_by_syntax(frame: _QuoteFrame, lex: CueLexicon) -> tuple[Cue, Segment] | None:
    """(2) A reporting verb up the tree from the quoted words."""
    inside_ids = {t.i for t in frame.inside}
    heads = []
    for t in frame.inside:
        h = t.head
        if h.i not in inside_ids and h.i != t.i and not is_quote_mark(h):
            heads.append(h)
    # nearest attachment first
    heads.sort(key=lambda h: min(abs(h.i - frame.inside[0].i), abs(h.i - frame.inside[-1].i)))
    for h in heads:
        t = h
        for _ in range(_MAX_CLIMB):
            if not frame.in_quotes(t):
                if lex.is_verb(t):
                    return lex.verb_cue(t), frame.seg
                ph = lex.phrase_ending_at(t.doc, t.i) or _verb_phrase_at(t, lex)
                if ph is not None:
                    return ph, frame.seg
            if t.head.i == t.i:
                break
            t = t.head
    return None


def _reply_after(frame: _QuoteFrame) -> bool:
    """'"..." To which she said, "..."': a relative opening the words after the
    quote makes them a reply to it, by someone else."""
    words = [t for t in frame.after[:3] if not t.is_punct]
    return any(t.lower_ in ("which", "whom") for t in words[:2])


def _verb_phrase_at(tok, lex: CueLexicon) -> Cue | None:
    """A subject phrase that opens with this verb ('went on about "..." and "..."')."""
    ph = lex.phrase_starting_at(tok.doc, tok.i) if tok.pos_ == "VERB" else None
    return ph if ph is not None and ph.role == "subject" else None


def _cue_after(frame: _QuoteFrame, lex: CueLexicon, content: str) -> tuple[Cue, Segment] | None:
    """(3) '"...," she said' / '"...", said the minister'; news style also puts
    any verb there ('"...," the senator quipped'): a finite verb with its
    subject right after the closing mark."""
    after = frame.text_after()
    if not _may_have_cue_after(frame, content, after):
        return None
    n = near = 0
    toks = []
    commas = 0
    for t in frame.after:
        if t.is_punct:
            if t.text in _SENTENCE_END or is_quote_mark(t) and not nickname_mark(t):
                break
            commas += t.text == "," and bool(toks)
            continue
        n += commas != 1  # words of an apposition set off by commas after the speaker are not counted
        if len(toks) > _MAX_AFTER_APPOSITION or n > _MAX_AFTER and commas:
            break
        toks.append(t)
        near += n <= _MAX_AFTER
        # '"...?" a narrator in the ad asks': past the usual distance, the words before the verb are its subject
        if lex.is_verb(t) and (n <= _MAX_AFTER or content[-1:] in (",", "?", "!") and _subject_opens(t, toks[0])):
            return lex.verb_cue(t), frame.close_seg
    toks = toks[:near]
    verb = _frame_verb(toks) if content[-1:] in (",", "!", "?") or after[:1] == "," else None
    return (Cue(verb.i, verb.i, verb, "subject"), frame.close_seg) if verb is not None else None


def _may_have_cue_after(frame: _QuoteFrame, content: str, after: str) -> bool:
    """Punctuation that lets a cue follow the quote; not words set off by dashes (the
    author's sentence carries on) nor a reply ('To which she said')."""
    marked = content[-1:] in (",", "!", "?", ".") or after[:1] in (",", "!", "?", "\u2014", "-")
    return marked and not _dash_enclosed(frame) and not _reply_after(frame)


def _subject_opens(verb, first) -> bool:
    """The verb's subject phrase starts at ``first`` (the word after the closing mark)."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False  # 'Many in the crowd said the senator was ...': the verb reports words of its own
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i == first.i and c.i < verb.i for c in verb.children)


_CLAUSE_OPENERS = frozenset({"but", "and", "or", "so", "yet", "while", "because", "although", "though", "which", "that", "who", "where", "when", "as", "if"})


def _frame_verb(toks: list):
    """'"...," Roe snapped': the first finite verb of the words after the
    quote, when its subject stands among them (before it, or right after it)."""
    if not toks or toks[0].pos_ in ("CCONJ", "SCONJ", "ADV", "ADP") or toks[0].lower_ in _CLAUSE_OPENERS:
        return None  # '"...," but savings take time': the author's sentence goes on
    for _k, t in enumerate(toks):
        if t.pos_ != "VERB" or t.tag_ not in ("VBD", "VBZ", "VBP"):
            continue
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        ids = {x.i for x in toks}
        if subj is not None and subj.i in ids | {t.i + 1} and not frame_author(subj):
            return t
        return None
    return None


def _standalone(frame: _QuoteFrame, content: str) -> bool:
    """Whole sentences in quotation marks (news style: "..." after a sentence
    that names the speaker)."""
    before = frame.text_before()
    after = frame.text_after()
    closed = before.rstrip("\u201d\"'") if before[-1:] in ("\u201d", '"') or before.endswith("''") else None  # '... on ''Meet the Press.'' ''...'
    starts = before == "" or before.endswith(_SENTENCE_END + (":",)) or closed is not None and closed.rstrip().endswith(_SENTENCE_END + (",",))
    ends = content.endswith(_SENTENCE_END) or content.endswith(_SENTENCE_END + ("\u201d", '"'))
    ends = ends and (after == "" or after[:1].isupper() or after[:1] in ("\u201c", '"', "(", "\u2018"))
    n = len(content.split())
    # a long quote that opens a sentence is someone's words even when the author's sentence carries on after it
    return starts and (ends and n >= 3 or n >= _LONG_QUOTE_WORDS and content[:1].isupper())


def _woven_cue(verb) -> bool:
    """A cue verb whose object is a wh-word of the author's sentence: 'what
    the mayor calls "..."', 'the plan, which she called "..."': the quote
    completes the author's phrase (partial); 'who said "..."' does not."""
    return any(c.tag_ in ("WP", "WDT") and c.i < verb.i and c.dep_ in ("dobj", "oprd", "attr") for c in verb.children)


def _kind(frame: _QuoteFrame, cue: Cue, cue_seg: Segment, content: str) -> str:
    cue_start = cue_seg.start + cue_seg.doc[cue.first].idx
    if cue_start < frame.pair.open - 1:
        if frame.text_before().endswith(_INTRO):
            return "direct"
        prev = next((t for t in reversed(frame.before) if not is_quote_mark(t)), None)
        # a fragment the author's sentence carries on after, or words with no verb: partial
        continued = content[-1:].isalnum() and frame.text_after()[:1].islower() or not any(t.pos_ in ("VERB", "AUX") for t in frame.inside)
        if prev is not None and prev.i == cue.last and prev.pos_ == "VERB" and cue_seg is frame.seg and not _woven_cue(prev) and not continued:
            # 'X said "..."'; but 'recognizing that "..."' and 'promised "zero tolerance" for X' are woven in
            return "direct"
        return "partial"
    # the cue follows the quote
    before = frame.text_before()
    opens_sentence = before == "" or before.endswith(_SENTENCE_END + (":",))
    if content[-1:] in (",", "!", "?") or frame.text_after()[:1] == ",":
        return "direct" if opens_sentence or content[:1].isupper() else "partial"
    return "partial"


_CUE_FINDERS = (
    ("quote/cue_before_intro", lambda f, lexicons, content: _cue_before_intro(f, lexicons.lex)),
    ("quote/continuation", lambda f, lexicons, content: _continuation_before_intro(f, lexicons.continuations)),
    ("quote/cue_governs", lambda f, lexicons, content: _cue_by_syntax(f, lexicons.lex)),
    ("quote/cue_after", lambda f, lexicons, content: _cue_after(f, lexicons.lex, content)),
    ("quote/speech_noun", lambda f, lexicons, content: _cue_by_speech_noun(f, lexicons.speech_nouns)),
)


class _QuoteLexicons(NamedTuple):
    """The word lists the quote finder reads."""

    lex: CueLexicon
    titles: frozenset[str]
    scare_cues: frozenset[str]
    minor: frozenset[str]
    speech_nouns: frozenset[str]
    signatures: tuple = ()  # models/patterns/quote_signatures.json
    continuations: frozenset[str] = frozenset()  # 'she continued, "..."'
    word_use: frozenset[str] = frozenset()  # 'Roe used the phrase "..."'
    wording: frozenset[str] = frozenset()  # 'her slogan is "..."' (wording_nouns)

    @classmethod
    def load(cls, assets: Assets) -> _QuoteLexicons:
        return cls(
            CueLexicon.load(assets), assets.lexicon_set("work_title_cues"), assets.lexicon_set("scare_quote_cues"),
            assets.lexicon_set("title_case_minor_words"), assets.lexicon_set("speech_nouns"), assets.patterns("quote_signatures"),
            assets.lexicon_set("quote_intro_verbs"), assets.lexicon_set("word_use_verbs"), assets.lexicon_set("wording_nouns"),
        )  # fmt: skip


def find_quotes(doc: Document, assets: Assets) -> Iterator[QuoteMention]:
    lexicons = _QuoteLexicons.load(assets)
    text = doc.view.text
    pairs, unpaired = annotation(doc, "quotation_marks")
    _warn_unpaired(doc, text, unpaired)
    quoted = _Quoted(doc, pairs)
    for pair in pairs:
        frame = _frame_of(doc, pair, quoted, text)
        if frame is None:
            continue
        content = text[frame.a : frame.b]
        if not frame.inside or _not_speech(frame, content, lexicons.titles) or _owned_title(frame, content, lexicons.minor):
            continue
        mention = _quote_mention(frame, content, lexicons)
        if mention is not None:
            yield mention


def _warn_unpaired(doc: Document, text: str, unpaired: list) -> None:
    """A warning for each quotation mark left without a partner."""
    for u in unpaired:
        src = doc.view.to_source[u.offset]
        context = text[max(0, u.offset - 20) : u.offset + 20].replace("\n", " ")
        doc.warnings.append(Warnings.W001.format(mark=text[u.offset], offset=src, why=u.why, context=context))


def _frame_of(doc: Document, pair: QuotePair, quoted: _Quoted, text: str) -> _QuoteFrame | None:
    """The frame of an outermost pair with some content in a parsed segment
    (a quote inside a quote belongs to the outer one)."""
    if pair.depth > 0:
        return None
    seg = quoted.segment_at(pair.open)
    if seg is None or seg.doc is None:
        return None
    a, b = _trim(text, pair.open + 1, pair.close)
    if b <= a:
        return None
    return _QuoteFrame(doc, seg, pair, a, b, quoted)


def _quote_mention(frame: _QuoteFrame, content: str, lexicons: _QuoteLexicons) -> QuoteMention | None:
    """A scare quote after a scare cue, a quote its cue introduces, or one read without a cue."""
    a, b, lex = frame.a, frame.b, lexicons.lex
    if _ends_with_phrase(_words_before(frame, 3), lexicons.scare_cues):
        user = _term_user(frame, lexicons.word_use)
        if user is not None:
            return QuoteMention(a, b, "scare", cue=cue_span(frame.seg, user), phrases=speaker_phrases(frame.seg, user), rule="quote/term_use", sieve="clause_subject")
        return QuoteMention(a, b, "scare", rule="quote/scare_cue")
    signed = _signature(frame, lexicons.signatures, cue_less=False)
    if signed is not None:
        return signed
    found = next(((rule, hit) for rule, finder in _CUE_FINDERS if (hit := finder(frame, lexicons, content)) is not None), None)
    if found is None:
        return _without_cue(frame, content, lexicons)
    rule, (cue, cue_seg) = found
    if cue.verb is not None and cue.verb.dep_ == "acl" and passive_without_agent(cue.verb):
        return QuoteMention(a, b, "scare", rule="quote/name_participle")  # 'a group called "X"': a name, said by nobody
    phrases = (rule == "quote/cue_after" and _speaker_after(frame, cue)) or speaker_phrases(cue_seg, cue, lex)
    if cue_seg is frame.close_seg and cue_seg.start + cue_seg.doc[cue.first].idx > frame.pair.close and all(frame.quoted.inside(p.head.start) for p in phrases):
        phrases = _speaker_after(frame, cue) or phrases  # '"The risk," said Roe': the parser took "risk" for the subject
    return QuoteMention(
        a, b, _kind(frame, cue, cue_seg, content), cue=cue_span(cue_seg, cue), phrases=phrases, rule=rule,
        sieve="passive" if passive_without_agent(cue.verb) else cue_sieve(cue),  # 'it was labeled "..."': said by nobody named
    )  # fmt: skip


def _speaker_after(frame: _QuoteFrame, cue: Cue) -> tuple[SpeakerPhrase, ...]:
    """'"...," Roe, 58, told a radio station' / '"...," said the minister': the speaker
    stands between the closing mark and the cue (up to a comma: an apposition
    after a name is not the speaker), or right after the cue; read off the
    word order, which the parser often gets wrong after a quote."""
    doc = frame.close_seg.doc
    between = [t for t in frame.after if t.i < cue.first]
    run = _nominal_run(between)
    if not run and cue.last + 1 < len(doc) and doc[cue.first].tag_ in ("VBD", "VBZ", "VBP"):
        run = _nominal_run(list(doc[cue.last + 1 : min(len(doc), cue.last + 1 + _MAX_AFTER + 2)]))
    if not run:
        return ()
    span = span_of(frame.close_seg, run, strip_det=True)
    head = span_of(frame.close_seg, [run[-1]])
    return (SpeakerPhrase(span, head),) if span is not None and head is not None else ()


def _nominal_run(toks: list) -> list:
    """The first run of words that names someone: from the first noun, name
    or pronoun (with its determiner and modifiers) to a comma or a verb."""
    run: list = []
    for t in toks:
        if t.pos_ in ("ADV", "PART") and run:
            break
        if (t.is_punct or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "ADV", "PART")) and not _nominal(t):
            if any(_nominal(x) for x in run):
                break
            run = []
            continue
        run.append(t)
    return run if any(_nominal(x) for x in run) else []


def _nominal(t) -> bool:
    """A noun, a name or a pronoun, or any word the parser made a subject ('Roe/VERB/nsubj')."""
    return t.pos_ in ("NOUN", "PROPN", "PRON") or t.dep_ in ("nsubj", "nsubjpass") and t.text[:1].isupper()


def _without_cue(frame: _QuoteFrame, content: str, lexicons: _QuoteLexicons) -> QuoteMention | None:
    """A quote no cue introduces: words woven into a clause whose subject is a
    person (the senator dismissed it as "theatre": the subject's words), whole
    sentences that continue someone's quote, or a scare quote; a Title-Cased
    phrase nobody says is no quote at all (None)."""
    a, b, lex, speech_nouns = frame.a, frame.b, lexicons.lex, lexicons.speech_nouns
    if _is_title_case(content, lexicons.minor):
        return None  # a name of a work, a programme, a slogan
    signed = _signature(frame, lexicons.signatures, cue_less=True)
    if signed is not None:
        return signed
    opened = _cue_in_previous_paragraph(frame, lex)
    if opened is not None:
        cue, seg = opened
        return QuoteMention(a, b, "direct", cue=cue_span(seg, cue), phrases=speaker_phrases(seg, cue, lex), rule="quote/cue_previous_paragraph", sieve="cue_subject")
    if _standalone(frame, content):
        return QuoteMention(a, b, "direct", standalone=True, rule="quote/standalone", sieve="continuation")
    if _after_frame(frame, lex, lexicons.continuations):
        return QuoteMention(a, b, "direct", standalone=True, rule="quote/after_frame", sieve="continuation")
    dashed = _dash_apposition(frame)
    if dashed:
        return QuoteMention(a, b, "scare", phrases=dashed, rule="quote/dash_apposition", sieve="clause_subject")
    framed = _comment_clause_cue(frame, lex)
    if framed is not None:
        return QuoteMention(a, b, "partial", cue=cue_span(frame.seg, framed), phrases=speaker_phrases(frame.seg, framed, lex), rule="quote/comment_clause", sieve=cue_sieve(framed))
    misread = _misread_cue(frame, lex)
    if misread is not None:
        cue, phrases = misread
        return QuoteMention(a, b, "partial", cue=cue_span(frame.seg, cue), phrases=phrases, rule="quote/misread_cue", sieve="cue_subject")
    owned = _speech_noun_owner(frame, speech_nouns, lexicons.wording)
    if owned is not None:
        noun, phrases = owned
        return QuoteMention(a, b, "partial", cue=span_of(frame.seg, [noun]), phrases=phrases, rule="quote/speech_noun_owner", sieve="noun_owner")
    verb = _governing_verb(frame)
    if verb is not None:
        cue = Cue(verb.i, verb.i, verb, "subject")
        phrases = speaker_phrases(frame.seg, cue)
        if phrases and not frame_author(subject_of(verb)):
            # the resolver keeps the speaker only when the subject names people (else: a scare quote)
            return QuoteMention(a, b, "scare", cue=cue_span(frame.seg, cue), phrases=phrases, rule="quote/clause_subject", sieve="clause_subject")
    return QuoteMention(a, b, "scare", rule="quote/no_cue")


def _term_user(frame: _QuoteFrame, word_use: frozenset[str]) -> Cue | None:
    """'Roe has used the phrase "X"': the verb (``word_use_verbs``) whose object
    is the noun of the scare cue right before the quote; its subject says the
    term (the resolver keeps only people and bodies)."""
    noun = next((t for t in reversed(frame.before) if not t.is_punct), None)
    verb = noun.head if noun is not None and noun.pos_ == "NOUN" and noun.dep_ in ("dobj", "obj") else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in word_use or frame_author(subject_of(verb)):
        return None
    return Cue(verb.i, verb.i, verb, "subject")


def _signature(frame: _QuoteFrame, patterns: tuple, cue_less: bool) -> QuoteMention | None:
    """'"We need the jobs back." ― Jane Roe, a nurse': an attribution line after
    a quote (``models/patterns/quote_signatures.json``); the name after the dash
    speaks. A quote woven into the author's sentence is signed only when it has
    no cue of its own (``cue_less``: '"…," Roe said. ―Jane Doe' stays Roe's), and
    the signature at the paragraph's end signs only a cue-less quote that opens
    the paragraph."""
    before = frame.text_before()
    opens = before == "" or before.endswith(_SENTENCE_END)
    close = frame.pair.close
    tail = frame.doc.view.text[close : max(close, frame.close_seg.end)]
    for p in patterns:
        in_paragraph = bool(p.meta and p.meta.get("opens_paragraph"))
        if not cue_less and not opens or in_paragraph and (before or not cue_less):
            continue
        m = p.regex.search(tail) if in_paragraph else p.regex.match(tail)
        if m is not None:
            return _signed(frame, p.name, m, close)
    return None


def _signed(frame: _QuoteFrame, rule: str, m, offset: int) -> QuoteMention:
    """The quote signed by the name of a signature match (``offset``: where the matched text starts)."""
    name = m.group("name").rstrip(".")
    start = offset + m.start("name")
    last = name.replace("\u00a0", " ").rfind(" ") + 1
    phrase = SpeakerPhrase(Span(start, start + len(name)), Span(start + last, start + len(name)))
    cue = Span(offset + m.start("dash"), offset + m.end("dash"))
    return QuoteMention(frame.a, frame.b, "direct", cue=cue, phrases=(phrase,), rule=f"quote/{rule}", sieve="signature")


_DASHES = ("\u2015", "\u2014", "\u2013", "--")


def _dash_enclosed(frame: _QuoteFrame) -> bool:
    """A quote set off by dashes inside the author's sentence ('the senator -- "..." -- and two governors')."""
    return frame.text_before().endswith(_DASHES) and frame.text_after().startswith(_DASHES)


def _dash_apposition(frame: _QuoteFrame) -> tuple[SpeakerPhrase, ...]:
    """'including Senator Roe -- "It is disqualifying" -- and two governors' /
    'her stock answer -- "..." --': a cue-less quote set off by dashes right
    after a noun phrase is the words of the name it stands next to, or of
    the noun's possessor; right after a verb ('when Roe wrapped up -- "..."
    --'), of the verb's subject (the resolver keeps only people and bodies)."""
    if not _dash_enclosed(frame):
        return ()
    prev = next((t for t in reversed(frame.before) if not t.is_punct and t.pos_ != "ADV"), None)
    if prev is not None and prev.dep_ == "prt":
        prev = prev.head  # 'when Roe finally wrapped up -- "..." --': the clause's subject
    if prev is None or frame.in_quotes(prev):
        return ()
    if prev.pos_ == "VERB":
        return () if frame_author(subject_of(prev)) else speaker_phrases(frame.seg, Cue(prev.i, prev.i, prev, "subject"))
    return _noun_before_dash(frame.seg, prev)


def _noun_before_dash(seg: Segment, noun) -> tuple[SpeakerPhrase, ...]:
    """The possessor of a noun ('her answer'), or the name a proper noun ends."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun.pos_ == "NOUN" else None
    if owner is not None:
        return _owner_phrases(seg, owner)
    if noun.pos_ != "PROPN":
        return ()
    run = [noun]
    while run[0].i > 0 and run[0].nbor(-1).pos_ == "PROPN":
        run.insert(0, run[0].nbor(-1))
    span, head = span_of(seg, run), span_of(seg, [noun])
    return (SpeakerPhrase(span, head),) if span is not None and head is not None else ()


def _comment_clause_cue(frame: _QuoteFrame, lex: CueLexicon) -> Cue | None:
    """'After all, she added, Republicans "have been after me"' / 'according to
    the office, the rise "is mainly attributable to ..."': a reporting frame set
    off by commas earlier in the quote's sentence (a comment clause, or an
    'according to' phrase) gives the woven words to its speaker."""
    if not frame.inside or not len(frame.before):
        return None
    sent = frame.inside[0].sent
    toks = [t for t in frame.before if t.i >= sent.start]
    for k, t in enumerate(toks[:-1]):
        if toks[k + 1].text != ",":
            continue
        verb = t.head if _hearer(t, lex) else t  # 'Roe told reporters,'
        if lex.is_verb(verb) and _comment_verb(verb, toks[k + 1].i, lex):
            return lex.verb_cue(verb)
        phrase = next((ph for j in range(max(sent.start, t.i - _MAX_ACCORDING), t.i) if (ph := lex.phrase_ending_at(t.doc, j)) is not None), None)
        if phrase is not None and (phrase.role == "object" or _as_clause(phrase.verb)):
            return phrase
        phrase = _as_clause_before(toks[: k + 1], lex)
        if phrase is not None:
            return phrase
    return None


def _as_clause_before(toks: list, lex: CueLexicon) -> Cue | None:
    """'As Roe put it in a statement to reporters in July, ...': an as-clause of
    any length whose verb opens a reporting phrase, closed by the comma after ``toks``."""
    for t in toks:
        ph = lex.phrase_starting_at(t.doc, t.i) if t.pos_ == "VERB" else None
        if ph is not None and ph.role == "subject" and _as_clause(ph.verb) and ph.verb.right_edge.i >= toks[-1].i - 1:
            return ph
    return None


def _as_clause(verb) -> bool:
    """'As Roe put it in a statement, ...': a reporting phrase in a clause opened
    by 'as', with a subject that names someone, comments on the rest of the sentence."""
    return verb is not None and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) and not frame_author(subject_of(verb))


_MAX_ACCORDING = 6  # words from 'according to' to the comma closing its source


def _comment_verb(verb, comma: int, lex: CueLexicon) -> bool:
    """'she added,' / 'they write,' / 'Roe told reporters,': a reporting verb
    with a subject that names someone and no complement of its own before the
    comma (an object there is only the one told); it frames the rest of the
    sentence. 'Roe said the plan failed, and the "reform" ...' has its own."""
    subj = subject_of(verb)
    own = any(c.dep_ in ("ccomp", "xcomp", "dobj", "obj") and c.i < comma and not _hearer(c, lex) for c in verb.children)
    return subj is not None and subj.i < verb.i and not own and not frame_author(subj)


def _misread_cue(frame: _QuoteFrame, lex: CueLexicon) -> tuple[Cue, tuple[SpeakerPhrase, ...]] | None:
    """'Roe described families ... and a city of "honesty"' / 'Roe blasted
    the firm for its "outrageous practices"': in a sentence the parser found no
    verb for, a past-tense reporting verb right after a name or a pronoun that
    it read as a modifier (amod, acl); the name before it is the speaker (read
    off the word order). 'a group called "the resistance"' has no name before
    the verb."""
    if not frame.inside:
        return None
    sent = frame.inside[0].sent
    if sent.root.pos_ in ("VERB", "AUX"):
        return None  # the parser found the sentence's verb
    for t in frame.before:
        if t.i <= sent.start or t.tag_ not in ("VBD", "VBN") or t.dep_ not in _MISREAD_DEPS or not lex.is_verb(t):
            continue
        run = _name_before(t, sent.start)
        if run and (run[-1].text[:1].isupper() or run[-1].pos_ == "PRON") and not frame_author(run[-1]):
            span, head = span_of(frame.seg, run, strip_det=True), span_of(frame.seg, [run[-1]])
            if span is not None and head is not None:
                return Cue(t.i, t.i, t, "subject"), (SpeakerPhrase(span, head),)
    return None


def _name_before(tok, start: int) -> list:
    """The noun phrase that ends right before ``tok`` (read back from it)."""
    j = tok.i - 1
    while j >= start and tok.doc[j].pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "DET"):
        j -= 1
    run = list(tok.doc[j + 1 : tok.i])
    return run if any(_nominal(x) for x in run) else []


_MISREAD_DEPS = frozenset({"amod", "acl", "compound", "nmod"})


def _hearer(tok, lex: CueLexicon) -> bool:
    """An object that names someone (told 'reporters', 'CNN', 'him')."""
    return tok.dep_ in ("dobj", "obj") and (tok.pos_ in ("PROPN", "PRON") or lex.lemma(tok) in lex.person_nouns)


def _cue_in_previous_paragraph(frame: _QuoteFrame, lex: CueLexicon) -> tuple[Cue, Segment] | None:
    """'Roe continued:¶"..."', 'The group said in a statement:¶"..."': a quote
    that opens a paragraph after one ending with a colon; the cue is the last
    reporting verb or phrase of that paragraph's last sentence (else its last
    verb with a subject that names someone)."""
    if frame.text_before():
        return None
    segs = frame.doc.segments
    k = frame.seg.index - 1
    prev = segs[k] if 0 <= k < len(segs) and segs[k].index == k else None
    if prev is None or prev.doc is None or not prev.carries_claims or not frame.doc.view.text[prev.start : prev.end].rstrip().endswith(":"):
        return None
    sents = list(prev.doc.sents)
    if not sents:
        return None
    fallback = None
    for t in reversed(list(sents[-1])):
        ph = lex.phrase_ending_at(t.doc, t.i)
        if ph is not None:
            return ph, prev
        if lex.is_verb(t):
            return lex.verb_cue(t), prev
        if fallback is None and t.pos_ == "VERB" and not frame_author(subject_of(t)):
            fallback = Cue(t.i, t.i, t, "subject")
    return (fallback, prev) if fallback is not None else None


def _speech_noun_owner(frame: _QuoteFrame, speech_nouns: frozenset[str], wording: frozenset[str] = frozenset()):
    """'his call for "a total ban"', 'Roe's suggestion that she was "likable
    enough"', 'a report by the Tribune that he "fabricated" it': quoted words
    woven into a noun of speech (below any verb) are its owner's: the possessor,
    the agent after "by", or the subject of the verb whose object the noun is
    ('Roe made a pledge to be "neutral"'). (noun, speaker phrases) or None."""
    for t in frame.inside:
        h = t.head
        if h.i == t.i or h.i in {x.i for x in frame.inside} or is_quote_mark(h):
            continue
        for _ in range(_MAX_CLIMB):
            h = _copula_subject(h, wording)  # "Roe's answer was that "..."', 'her slogan is "..."'
            if frame.in_quotes(h) or h.pos_ in ("VERB", "AUX"):
                return None
            if h.pos_ == "NOUN" and h.lemma_.lower() in speech_nouns:
                owner = noun_owner(h)
                phrases = _owner_phrases(frame.seg, owner) if owner is not None else ()
                return (h, phrases) if phrases else None
            if h.head.i == h.i:
                return None
            h = h.head
        return None
    return None


def _copula_subject(verb, wording: frozenset[str]):
    """The subject of a form of 'be' when it names words ('her answer was that ...',
    ``wording_nouns``), else the word itself."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() != "be":
        return verb
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ == "NOUN" and subj.lemma_.lower() in wording else verb


def _owner_phrases(seg: Segment, owner) -> tuple[SpeakerPhrase, ...]:
    toks = [owner] if owner.tag_ in ("PRP", "PRP$", "WP") else [t for t in noun_phrase(owner) if t.dep_ != "case"]
    span, head = span_of(seg, toks, strip_det=True), span_of(seg, [owner])
    return (SpeakerPhrase(span, head),) if span is not None and head is not None else ()


def _after_frame(frame: _QuoteFrame, lex: CueLexicon, continuations: frozenset[str] = frozenset()) -> bool:
    """'"The risk," said Jane Roe, an economist at the bank, "is that ..."': a
    quote right after a reporting frame that follows another quote in the
    paragraph carries that quote on (the same speaker)."""
    gap: list = []
    last = frame.before[-1].i if len(frame.before) else -1
    for t in reversed(frame.before):
        if is_quote_mark(t) and t.i != last:  # (the last token may be half of a twin mark '')
            break
        gap.append(t)
        if len(gap) > _MAX_FRAME_WORDS:
            return False
    else:
        return False  # no quote before it in the paragraph
    return any(lex.is_verb(t) or _continues(frame, t, continuations) for t in gap) and frame.text_before().endswith((",", ".", ":", "\u2014", "-"))


_MAX_FRAME_WORDS = 30  # tokens between two quotes that a reporting frame may take


def _governing_verb(frame: _QuoteFrame):
    """The verb of the author's clause the quoted words hang from (outside the
    marks), past a gerund after a preposition ('attacked Roe for being "a
    failed candidate"': attacked) and past the words of another quote."""
    inside_ids = {t.i for t in frame.inside}
    for t in frame.inside:
        h = t.head
        if h.i in inside_ids or h.i == t.i or is_quote_mark(h):
            continue
        for _ in range(_MAX_CLIMB):
            # words of another quote are passed over ('as a "leech" and a "brat"': the verb is above both)
            if not frame.in_quotes(h) and h.pos_ in ("VERB", "AUX") and h.dep_ not in ("amod", "acl", "relcl", "pcomp"):
                return h
            if h.head.i == h.i:
                break
            h = h.head
        return None
    return None


def frame_author(tok) -> bool:
    """No subject, or one that is the author, an expletive or a thing ("it", "this", "which")."""
    return tok is None or tok.lower_ in ("i", "we", "us", "me", "you", "it", "this", "that", "which", "what", "there")


def cue_sieve(cue: Cue) -> str:
    """The sieve name of a speaker phrase read off a cue."""
    return {"object": "according_to", "source": "source_label", "possessor": "possessor"}.get(cue.role, "cue_subject")
