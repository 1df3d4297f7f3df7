"""Commentaries as PDF and DOCX files, built by the tests themselves.

:func:`make_pdf` lays out a commentary by hand with fpdf2 (A5 pages, one or
two columns, a running header, page numbers, footnotes at the foot of the
page, long words hyphenated at line ends, paragraphs that run across columns
and pages) and returns what a perfect extraction must give back.
:func:`make_docx` writes the same commentary with python-docx.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

TITLE = "Fishing Rights and the Future of Coastal Security"
AUTHORS = ["Anna Berg", "Tomas Lind"]
DATE_LINE = "5 March 2024"
RUNNING_HEADER = "Institute for Ocean Affairs | Policy Brief No. 14"

# body paragraphs; "{n}" after a word is a footnote marker
BODY = [
    "The dispute over fishing rights in the northern shelf has moved from the margins of regional politics to its centre. "
    "Three governments now claim overlapping zones, and each has sent patrol vessels to escort its trawlers.{1} "
    "What began as a quarrel about quotas has become a test of whether coastal states can manage shared resources without coercion.",
    "Negotiators met in Oslo on Tuesday for a fourth round of talks. The Norwegian delegation proposed a joint commission with "
    "binding authority over catch limits, while the other two delegations insisted on bilateral arrangements. "
    "\"We cannot accept a regime that ignores the historical presence of our fleets,\" the Danish negotiator, Peter Holm, told reporters after the session.",
    "The stakes are considerable. Fisheries employ tens of thousands of people in the coastal communities of the region, "
    "and the northern stocks account for a growing share of the catch as warmer waters push species towards the pole.{2} "
    "Scientific assessments published last year warned that several stocks are already being harvested beyond sustainable levels.",
    "Governments should agree on a common scientific baseline before the next season opens, and the coastal states must share "
    "their vessel monitoring data with an independent secretariat. Without reliable data, every quota becomes a political bargaining chip.",
    "A second priority is to separate fisheries enforcement from naval posturing. Coast guards, not navies, should carry out "
    "inspections at sea, and incidents should be reported to a joint hotline within hours rather than days. "
    "The risk of an accidental collision between armed vessels is real and growing.",
    "Finally, the European Union should offer financial support for fleet adjustment in the communities that will lose access "
    "to traditional grounds. Compensation is cheaper than confrontation, and it gives local leaders a reason to back a settlement.",
    "None of this will be easy. Domestic politics in all three capitals reward firmness, and elections are due in two of them "
    "before the end of next year. But the alternative is a slow drift towards a standoff that no government wants and none can afford.",
]
FOOTNOTES = {
    1: "Patrol deployments as reported by the coast guards of the three states in January.",
    2: "Regional fisheries council, annual stock assessment, chapter four.",
}


def body_text(p: str) -> str:
    """A body paragraph as a perfect extraction gives it (markers as [n])."""
    return p.replace("{", "[").replace("}", "]")


# -- PDF ----------------------------------------------------------------------

PAGE_W, PAGE_H = 420.0, 595.0  # A5 in points
MARGIN = 40.0
BODY_SIZE, LEADING, PARA_GAP = 10.0, 13.0, 8.0
TOP = 78.0  # first body baseline below the running header
FOOT_TOP = 520.0  # footnotes below this line
PAGE_NO_Y = 570.0


@dataclass
class PdfInfo:
    path: Path
    pages: int = 0
    hyphenated: list[str] = field(default_factory=list)  # words split at a line end
    split_paragraphs: list[int] = field(default_factory=list)  # paragraphs that cross a column or page


def _soft_hyphens(word: str) -> list[int]:
    """Where a long word may break (one point near the middle of its letters)."""
    core = word.rstrip(".,;:\"")
    if len(core) >= 9 and core.isalpha() and core.islower():
        return [len(core) // 2]
    return []


def make_pdf(path: Path, columns: int = 1, page_numbers: str = "Page {n}") -> PdfInfo:
    from fpdf import FPDF

    info = PdfInfo(path)
    pdf = FPDF(unit="pt", format=(PAGE_W, PAGE_H))
    pdf.set_auto_page_break(False)
    pdf.set_author("; ".join(AUTHORS))
    pdf.set_title(TITLE)
    gutter = 20.0
    col_w = (PAGE_W - 2 * MARGIN - gutter * (columns - 1)) / columns
    state = {"col": 0, "y": 0.0, "page": 0, "notes": []}

    def new_page():
        if state["page"]:
            _page_foot(pdf, state, page_numbers)
        pdf.add_page()
        state["page"] += 1
        state["col"], state["y"], state["notes"] = 0, TOP, []
        pdf.set_font("Helvetica", size=7.5)
        pdf.text(MARGIN, 34, RUNNING_HEADER)

    def next_column() -> bool:
        """Move on; True when a page break happened."""
        if state["col"] + 1 < columns:
            state["col"] += 1
            state["y"] = state["top"]
            return False
        new_page()
        state["top"] = TOP
        return True

    new_page()
    # the header block, full width
    pdf.set_font("Helvetica", style="B", size=17)
    y = 92.0
    for line in _wrap(pdf, TITLE, PAGE_W - 2 * MARGIN, 17, "B"):
        pdf.text(MARGIN, y, line)
        y += 21
    pdf.set_font("Helvetica", size=10)
    pdf.text(MARGIN, y + 4, "By " + " and ".join(AUTHORS))
    pdf.text(MARGIN, y + 19, DATE_LINE)
    state["top"] = state["y"] = y + 46
    for pi, para in enumerate(BODY):
        lines = _wrap_words(pdf, para, col_w, info)
        crossed = False
        for words in lines:
            if state["y"] > FOOT_TOP - 12:
                next_column()
                crossed = True
            x = MARGIN + state["col"] * (col_w + gutter)
            _draw_line(pdf, x, state["y"], words, state)
            state["y"] += LEADING
        if crossed:
            info.split_paragraphs.append(pi)
        state["y"] += PARA_GAP
    _page_foot(pdf, state, page_numbers)
    info.pages = state["page"]
    pdf.output(str(path))
    return info


def _page_foot(pdf, state, page_numbers: str) -> None:
    y = FOOT_TOP + 14
    if state["notes"]:
        pdf.set_line_width(0.4)
        pdf.line(MARGIN, FOOT_TOP + 2, MARGIN + 90, FOOT_TOP + 2)
    for n in state["notes"]:
        for k, line in enumerate(_wrap(pdf, FOOTNOTES[n], PAGE_W - 2 * MARGIN - 10, 7.5, "")):
            pdf.set_font("Helvetica", size=7.5)
            if k == 0:
                pdf.text(MARGIN, y, str(n))
            pdf.text(MARGIN + 8, y, line)
            y += 9.5
    pdf.set_font("Helvetica", size=8)
    pdf.text(PAGE_W / 2 - 10, PAGE_NO_Y, page_numbers.format(n=state["page"]))


def _wrap(pdf, text: str, width: float, size: float, style: str) -> list[str]:
    pdf.set_font("Helvetica", style=style, size=size)
    lines, cur = [], ""
    for w in text.split():
        cand = f"{cur} {w}".strip()
        if cur and pdf.get_string_width(cand) > width:
            lines.append(cur)
            cur = w
        else:
            cur = cand
    return lines + [cur] if cur else lines


def _wrap_words(pdf, para: str, width: float, info: PdfInfo) -> list[list[str]]:
    """Lines of words; a long word is hyphenated when its first half still fits."""
    pdf.set_font("Helvetica", size=BODY_SIZE)
    space = pdf.get_string_width(" ")

    def w_of(word: str) -> float:
        plain = word.split("{")[0]
        return pdf.get_string_width(plain) + (5 if "{" in word else 0)

    lines, cur, used = [], [], 0.0
    for word in para.split():
        need = w_of(word) + (space if cur else 0)
        if cur and used + need > width:
            cut = _soft_hyphens(word)
            if cut:
                head = word[: cut[0]] + "-"
                if used + space + pdf.get_string_width(head) <= width:
                    cur.append(head)
                    info.hyphenated.append(word.strip(".,;:\""))
                    word = word[cut[0] :]
            lines.append(cur)
            cur, used = [word], w_of(word)
        else:
            cur.append(word)
            used += need
    if cur:
        lines.append(cur)
    return lines


def _draw_line(pdf, x: float, y: float, words: list[str], state) -> None:
    pdf.set_font("Helvetica", size=BODY_SIZE)
    text = " ".join(words)
    while "{" in text:
        before, rest = text.split("{", 1)
        num, text = rest.split("}", 1)
        pdf.set_font("Helvetica", size=BODY_SIZE)
        pdf.text(x, y, before)
        x += pdf.get_string_width(before)
        pdf.set_font("Helvetica", size=6.5)
        pdf.text(x + 0.5, y - 4, num)
        x += pdf.get_string_width(num) + 1
        state["notes"].append(int(num))
    pdf.set_font("Helvetica", size=BODY_SIZE)
    pdf.text(x, y, text)


# -- DOCX ---------------------------------------------------------------------


def make_docx(path: Path) -> Path:
    import docx

    d = docx.Document()
    d.core_properties.title = TITLE
    d.core_properties.author = "; ".join(AUTHORS)
    d.add_paragraph(TITLE, style="Title")
    d.add_paragraph("By " + " and ".join(AUTHORS))
    d.add_paragraph(DATE_LINE)
    d.add_paragraph("")
    d.add_heading("The dispute", level=1)
    for p in BODY[:3]:
        d.add_paragraph(p.replace("{1}", "").replace("{2}", ""))
    d.add_heading("What should be done", level=1)
    for p in BODY[3:]:
        d.add_paragraph(p)
    d.add_paragraph("Agree a common scientific baseline", style="List Bullet")
    d.add_paragraph("Share vessel monitoring data", style="List Bullet")
    section = d.sections[0]
    section.header.paragraphs[0].text = RUNNING_HEADER
    section.footer.paragraphs[0].text = "Page 1"
    d.save(str(path))
    return path
