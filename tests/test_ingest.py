"""Ingest: reading files, the analysis view and its offset map, header metadata."""

from __future__ import annotations

import pytest

from claimex.errors import InputError
from claimex.ingest import build_view, ingest, parse_header, read_source, title_case

from .conftest import SEED, TEXTS

# -- reading -----------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "file is empty"),
        (b"abc\x00def", "binary content: NUL byte at offset 3"),
        (b"caf\xe9 au lait", "not valid UTF-8 (byte 0xe9 at offset 3)"),
        (b"\xff\xfeh\x00i\x00", "NUL byte"),  # UTF-16 is binary to us
    ],
)
def test_read_source_rejects_bad_files(tmp_path, data, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_source(f)
    assert str(f) in str(exc.value) and message in str(exc.value)


def test_read_source_missing(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_source(tmp_path / "nope.md")


@pytest.mark.parametrize(
    "data, text",
    [
        (b"\xef\xbb\xbfHello", "Hello"),  # BOM skipped
        (b"a\r\nb\r\n", "a\r\nb\r\n"),  # CRLF kept
        (b"caf\xc3\xa9", "caf\u00e9"),
    ],
)
def test_read_source_text(tmp_path, data, text):
    f = tmp_path / "ok.txt"
    f.write_bytes(data)
    assert read_source(f) == text


def test_whitespace_only_document_is_an_error(tmp_path, assets):
    f = tmp_path / "blank.md"
    f.write_text("  \n\n \t\n", encoding="utf-8")
    with pytest.raises(InputError, match="only whitespace"):
        ingest(f, assets)


def test_unsupported_suffix(tmp_path, assets):
    f = tmp_path / "doc.rtf"
    f.write_bytes(b"{\\rtf1 text}")
    with pytest.raises(InputError, match="unsupported input type '.rtf'"):
        ingest(f, assets)


# -- the view ----------------------------------------------------------------


@pytest.mark.parametrize(
    "source, view",
    [
        ("# *Heading*", "Heading"),
        ("**Bold** and *italic* and ***both***", "Bold and italic and both"),
        ("- first item\n- second item", "first item\n\nsecond item"),
        ("1. first\n2) second", "first\n\nsecond"),
        ("a line  \nwrapped here", "a line wrapped here"),
        ("para one.\n\n \n\npara two.", "para one.\n\npara two."),
        ("snake_case_name stays", "snake_case_name stays"),
        ("see [the report](http://x.org/r) now", "see the report now"),
        ("> quoted block", "quoted block"),
        ("inter-\nnational", "inter-national"),
        ("5 * 3 = 15", "5 * 3 = 15"),
        ("line one\r\nline two.\r\n\r\nNext", "line one line two.\n\nNext"),
    ],
)
def test_view_removes_markdown_and_joins_lines(assets, source, view):
    v, _ = build_view(source, assets)
    assert v.text == view


@pytest.mark.parametrize(
    "source, joined",
    [
        # a page break in mid-sentence, next part in lower case
        ("It went against the\n\nrulings of the court.", True),
        # whitespace-only line and a page number between the halves
        ("They met during a\n\n \n\n12\n\ncourtesy call in May.", True),
        # ends in a joining word, next part starts with a name
        ("The council then voted on the proposal put forward by the\n\nGovernment of Chile last year.", True),
        # near misses: a finished sentence, a heading, a short label line
        ("The talks ended.\n\nnothing else happened.", False),
        ("The talks ended\n\n# Next steps", False),
        ("Tokyo\n\nThe meeting began at noon in the capital.", False),
    ],
)
def test_page_breaks_are_repaired(assets, source, joined):
    v, blocks = build_view(source, assets)
    assert (len(blocks) == 1) is joined, v.text


def test_view_maps_every_character_back_to_the_source(assets):
    text = read_source(SEED)
    v, _ = build_view(text, assets)
    assert len(v.to_source) == len(v.text) + 1
    for i, c in enumerate(v.text):
        src = text[v.to_source[i]]
        if c in " \n":
            continue  # separators stand for whitespace or a line break
        assert c.lower() == src.lower(), (i, c, src)
    # spans map to grounded source text with the markdown marks outside
    i = v.text.index("Junya Nishino")
    s, e = v.source_span(i, i + len("Junya Nishino"))
    assert text[s:e] == "Junya Nishino"


def test_all_caps_headline_is_title_cased_in_place(assets):
    src = "## **THE EU AND THE G7 AFTER THE WAR IN EUROPE**\n\nBody text follows here."
    v, blocks = build_view(src, assets)
    assert v.text.startswith("The EU and the G7 After the War in Europe")
    assert blocks[0].caps and len(v.text) == len(v.to_source) - 1


@pytest.mark.parametrize(
    "caps, title",
    [
        ("SEIZE THE MOMENT TO REBUILD TRUST", "Seize the Moment to Rebuild Trust"),
        ("A NEW ERA FOR US-INDIA TIES", "A New Era for US-India Ties"),
        ("WHAT COMES NEXT: NATO AT 75", "What Comes Next: NATO at 75"),
        ("WHERE IS IT GOING TO", "Where Is It Going To"),
    ],
)
def test_title_case(assets, caps, title):
    out = title_case(caps, assets.lexicon_set("title_case_minor_words"), assets.lexicon_set("acronyms", lower=False))
    assert out == title and len(out) == len(caps)


# -- header styles -----------------------------------------------------------

HEADERS = {
    # think-tank commentary: series line, institute, number, date, ALL-CAPS title, emphasised byline, bullets, disclaimer
    "commentary_arctic.md": dict(
        title="Why the Arctic Council Still Matters",
        authors=["Ingrid Solberg", "Mikko Virtanen"],
        published="2023-03-03",
        series="Nordic Policy Commentary",
        number="58",
        key_points=2,
        disclaimer=True,
    ),
    # news: headline, "By A and B", "Published: Month D, YYYY"
    "news_summit.txt": dict(
        title="Leaders Pledge New Fund for Flood Defences at Lisbon Summit",
        authors=["Maria Costa", "David Okafor"],
        published="2024-06-14",
        series=None,
        number=None,
        key_points=0,
        disclaimer=False,
    ),
    # policy brief: markdown heading title, "Author:" with a title word, ISO "Date:", "Key points" heading
    "brief_water.md": dict(
        title="Sharing the River: Water Security in Central Asia",
        authors=["Leila Nazarova"],
        published="2023-05-12",
        series=None,
        number=None,
        key_points=2,
        disclaimer=False,
    ),
    # plain text with no header at all
    "speech_summary.txt": dict(
        title=None, authors=[], published=None, series=None, number=None, key_points=0, disclaimer=False
    ),
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_styles(assets, name):
    doc = ingest(TEXTS / name, assets)
    m, want = doc.meta, HEADERS[name]
    assert m.title == want["title"]
    assert m.authors == want["authors"]
    assert m.published == want["published"]
    assert m.series == want["series"]
    assert m.number == want["number"]
    assert len(m.key_points) == want["key_points"]
    assert (m.disclaimer is not None) == want["disclaimer"]


@pytest.mark.parametrize(
    "text, title, published",
    [
        ("Title: Ports and Power\nDate: 2021-11-02\n\nThe port deal was signed after years of talks and delays.", "Ports and Power", "2021-11-02"),
        ("A SHORT HEADLINE HERE\n\nFriday, 5 May 2023\n\nThe first paragraph of the body starts here and goes on.", "A Short Headline Here", "2023-05-05"),
        ("Budget Cuts Loom\n\nThe ministry announced the cuts on Monday, and unions were quick to respond.", "Budget Cuts Loom", None),
    ],
)
def test_more_header_variants(assets, tmp_path, text, title, published):
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    m = ingest(f, assets).meta
    assert (m.title, m.published) == (title, published)


def test_plain_text_header_lines_without_blank_lines(assets, tmp_path):
    text = (
        "Ports are the new front line. Lisbon has noticed\n"
        "The city is carrying the cost of the Atlantic trade. Brussels has promised help that never came\n"
        "Joana Pires\n"
        "2 October 2024\n\n"
        "When the harbour master spoke last week, she was blunt about the queues and the costs.\n"
    )
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    m = ingest(f, assets).meta
    assert (m.title, m.authors, m.published) == ("Ports are the new front line. Lisbon has noticed", ["Joana Pires"], "2024-10-02")


@pytest.mark.parametrize(
    "line, view",
    [
        ("The fund ran dry in 2023.\u2075 Donors left.", "The fund ran dry in 2023. Donors left."),
        ("The fund ran dry in 2023.[12] Donors left.", "The fund ran dry in 2023. Donors left."),
        # near misses: a unit and a markdown link keep their characters
        ("The camp covers 40 km\u00b2 of desert.", "The camp covers 40 km\u00b2 of desert."),
        ("See the report [5](https://example.org/r) for details.", "See the report 5 for details."),
    ],
)
def test_footnote_markers_leave_the_view(assets, line, view):
    v, _ = build_view(line + "\n", assets)
    assert v.text.strip() == view


def test_wrapped_first_paragraph_stays_one_block(assets, tmp_path):
    # near miss: a wrapped paragraph at the top whose lines end mid-sentence in lower case
    text = "The port reopened on Monday after a strike that\nlasted nine days and cost the region dearly.\n\nTraders were relieved.\n"
    f = tmp_path / "doc.txt"
    f.write_text(text, encoding="utf-8")
    doc = ingest(f, assets)
    assert doc.blocks[0].text(doc.view.text) == "The port reopened on Monday after a strike that lasted nine days and cost the region dearly."


@pytest.mark.parametrize(
    "text, published, series, authors",
    [
        # a series word and the date on one line; an interviewer's byline
        ("# Grain and Guns\n\nAnalysis, 4 June 2024\n\nInterview by Tomas Ribeiro\n\nThe corridor reopened after months of talks and threats.",
         "2024-06-04", "Analysis", ["Tomas Ribeiro"]),
        # an opening editorial note dates a text without a header
        ("Excerpt from remarks by the trade minister to the port authority in Durban on Tuesday, 11 March 2025.\n\n"
         "Thank you all for coming. Last year our exports fell, and this year they must recover.",
         "2025-03-11", None, []),
        # fields separated by bars; a position after the author's name is no author
        ("# Ports and Power\n\n**Policy Brief No. 9 | Harbour Institute | 4 June 2024**\n\nAuthor: Tomas Ribeiro, Senior Fellow\n\nThe corridor reopened after months of talks and threats.",
         "2024-06-04", "Policy Brief", ["Tomas Ribeiro"]),
        # a news dateline with a full date opening the body
        ("Port strike ends\n\nLISBON, 3 July 2024 \u2014 Dock workers returned to work on Wednesday after a week of talks and threats.",
         "2024-07-03", None, []),
        # near miss: the piece's own opening sentence is no note, and its date is no publication date
        ("On 7 October 2023 the border closed without warning.\n\nTraders waited for weeks, and prices rose across the region as stocks ran out.",
         None, None, []),
    ],
)
def test_dated_lines_and_notes(assets, tmp_path, text, published, series, authors):
    f = tmp_path / "doc.md"
    f.write_text(text, encoding="utf-8")
    m = ingest(f, assets).meta
    assert (m.published, m.series, m.authors) == (published, series, authors)


def test_seed_header(assets):
    m = ingest(SEED, assets).meta
    assert m.published == "2022-09-16"
    assert m.series and m.number == "297"
    assert len(m.key_points) == 3 and m.disclaimer is not None
    assert m.title and m.title[0].isupper() and not m.title.isupper()


def test_published_option_overrides(assets, tmp_path):
    f = tmp_path / "doc.txt"
    f.write_text("The minister resigned after the vote, officials said on Monday evening.", encoding="utf-8")
    assert ingest(f, assets, published="2020-01-31").meta.published == "2020-01-31"


def test_parse_header_is_pure(assets):
    text = read_source(TEXTS / "brief_water.md")
    v, blocks = build_view(text, assets)
    a = parse_header(v, blocks, assets)
    b = parse_header(v, blocks, assets)
    assert a.meta == b.meta and a.kinds == b.kinds


@pytest.mark.parametrize(
    "text, voice, voiced_starts",
    [
        ("Excerpt from a speech by Defence Minister Ana Ruiz at the naval academy on 2 May 2024.\n\n"
         "I thank the cadets. We will build four ships.\n\nOur allies should help.\n\nThe opposition called the speech vague.\n",
         "Ana Ruiz", ["I thank", "Our allies"]),
        ("# Interview with Omar Haddad\n\nOmar Haddad leads the water board.\n\n**Q: What comes next?**\n\n"
         "The dams must share their data.\n\nQ: And then?\n\nThen we plan.\n",
         "Omar Haddad", ["The dams", "Then we"]),
        # near miss: a commentary in the first person has no voice but its author's
        ("# Rivers and ports\n\nBy Ana Ruiz\n\nI think governments should dredge the channel before the dry season comes.\n", None, []),
    ],
)
def test_voice_of_speeches_and_interviews(assets, tmp_path, text, voice, voiced_starts):
    f = tmp_path / "doc.md"
    f.write_text(text, encoding="utf-8")
    doc = ingest(f, assets)
    m = doc.meta
    got = doc.view.text[m.voice_span.start : m.voice_span.end] if m.voice_span else None
    assert got == voice
    assert [doc.view.text[s.start : s.end][: len(w)] for s, w in zip(m.voiced, voiced_starts, strict=True)] == voiced_starts
    assert len(m.voiced) == len(voiced_starts)
