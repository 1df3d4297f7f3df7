"""Expected quotes and recommendations of the held-out-style texts
``tests/data/texts/claim_*`` (written by hand from the guidelines, before the
extractors were run on the ``claim_blind_*`` ones), and the scorer used by
``test_quotes_heldout.py`` and ``test_recommendations_heldout.py``.

A quote is expected by a snippet of its quoted or reported words; a
recommendation by a snippet that contains its trigger. Snippets are unique
in their text. ``optional`` items may be found or not; ``absent`` ones are
near misses that must not be found.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Q(NamedTuple):
    snippet: str
    kind: str
    speakers: tuple[str, ...] = ()


class R(NamedTuple):
    snippet: str
    trigger: str
    actor: str | None
    action: str | None = None
    holder: str = "author"
    strength: str = "moderate"
    polarity: str = "do"


QUOTES: dict[str, list[Q]] = {
    "claim_oped.md": [
        Q("Interconnectors carry less than a tenth", "indirect", ("European Network of Transmission System Operators",)),
        Q("a single grid would cut household bills", "indirect", ("Paula Renner",)),
        Q("Every border we remove from the grid is a saving for every family.\"", "direct", ("Paula Renner",)),
        Q("will not pay for other people's cables", "partial", ("Jonas Feld",)),
        Q("copper fantasy", "partial", ("Critics",)),
        Q("supergrid", "scare"),
        Q("the technology has been ready for years", "indirect", ("Marco Vitale",)),
        Q("every border we remove from the grid is a saving for every family,\"", "partial", ("Paula Renner",)),
    ],
    "claim_news.txt": [
        Q("This agreement shows what we can achieve", "direct", ("Anouk de Vries",)),
        Q("Nobody wanted this strike to last", "direct", ("Anouk de Vries",)),
        Q("the backlog would be cleared within two weeks", "indirect", ("Willem Smit", "Lotte Bakker")),
        Q("the government would not intervene in future disputes", "indirect", ("Willem Smit", "Lotte Bakker")),
        Q("must invest in safer equipment", "partial", ("Lotte Bakker",)),
        Q("the ministry would publish a safety review", "indirect", ("Lotte Bakker",)),
        Q("accepted most of the union", "indirect"),
        Q("expensive but necessary", "partial", ("Pieter Jansen",)),
        Q("We should not pretend that this was a victory", "direct", ("Pieter Jansen",)),
        Q("the strike had cost it millions of euros", "indirect", ("Maersk",)),
        Q("4,000 workers took part in the strike", "indirect", ("union",)),
    ],
    "claim_speech.txt": [
        Q("the coastal cities of West Africa were losing land", "indirect", ("Elena Moreau",)),
        Q("We must stop treating adaptation as charity", "direct", ("Elena Moreau",)),
        Q("It is an investment, and investors should expect a return", "direct", ("Elena Moreau",)),
        Q("the current rules were too slow", "indirect", ("Ousmane Diop",)),
        Q("open a fast track for small projects", "partial", ("Ousmane Diop", "Ama Owusu")),
        Q("the rules protected borrowers from unsustainable debt", "indirect", ("Karl Weber",)),
        Q("speed without safeguards is how crises begin", "direct", ("Karl Weber",)),
        Q("Let us leave Dakar with commitments", "direct", ("Elena Moreau",)),
    ],
    "claim_brief.md": [
        Q("repairs can take weeks", "indirect", ("operators",)),
    ],
    "claim_blind_news.txt": [
        Q("a decade of decline", "partial", ("Rachel Dunmore",)),
        Q("We cannot keep handing out quotas", "direct", ("Rachel Dunmore",)),
        Q("playing politics with livelihoods", "partial", ("Owen Price",)),
        Q("Labour would publish its own plan next month", "indirect", ("Owen Price",)),
        Q("a step in the right direction", "partial", ("Iain Ross",)),
        Q("they had not been consulted", "indirect", ("Cornish skippers",)),
        Q("cod stocks in the North Sea fell by 40%", "indirect", ("Marine Conservation Society",)),
        Q("must set quotas on scientific advice", "partial", ("Helen Carr",)),
    ],
    "claim_blind_oped.md": [
        Q("will be a reliable partner for the Pacific", "partial", ("Antony Blinken",)),
        Q("Washington only pays attention when China does", "indirect", ("many",)),
        Q("aid should have been tied to governance reforms", "indirect", ("Critics",)),
    ],
    "claim_blind_speech.txt": [
        Q("more than 200,000 people had fled their homes", "indirect", ("Marta Ruiz",)),
        Q("There is no military solution to this conflict", "direct", ("Marta Ruiz",)),
        Q("The parties must return to the table", "direct", ("Marta Ruiz",)),
        Q("his country stood ready to host new talks", "indirect", ("representative of Kenya",)),
        Q("regional ownership was essential", "indirect", ("representative of Kenya",)),
        Q("accountability for sexual violence could not wait", "indirect", ("Barbara Woodward",)),
        Q("the Council should impose targeted sanctions", "indirect", ("representatives of Ghana and Gabon",)),
        Q("members would remain seized of the matter", "indirect", ("President of the Council",)),
    ],
    "claim_blind_brief.md": [
        Q("every inch", "partial", ("Commanders",)),
        Q("allies have the stocks to sustain it", "indirect", ("Some analysts",)),
        Q("European armies hold ammunition", "indirect", ("International Institute for Strategic Studies",)),
    ],
    "claim_blind2_news.txt": [
        Q("We are ready to negotiate", "direct", ("Maria Delgado",)),
        Q("but we need guarantees for farmers", "direct", ("Maria Delgado",)),
        Q("the agency would not comment on pending legislation", "indirect", ("Officials at the Interior Department",)),
        Q("the administration still supported the bill", "indirect", ("department spokesperson",)),
        Q("Why now?", "direct", ("Tom Ellery",)),
        Q("rushed through committee without a single hearing", "partial", ("Tom Ellery",)),
        Q("The bill would cut allocations to Arizona", "indirect", ("Congressional Budget Office",)),
        Q("several governors have lobbied against it", "indirect"),
        Q("Congress must act while there is still water to share", "direct", ("Ana Whitfield",)),
    ],
    "claim_blind2_oped.md": [
        Q("extending protection would discourage returns", "indirect", ("Some ministers",)),
    ],
    "claim_blind2_speech.txt": [
        Q("Our security depends on allies", "direct", ("Jonas Eklund",)),
        Q("the government would raise defence spending", "indirect", ("Jonas Eklund",)),
        Q("the plan lacked funding", "indirect", ("Karin Holm",)),
        Q("Tell us where the money comes from", "direct", ("Karin Holm",)),
        Q("they would coordinate their procurement", "indirect", ("defence ministers of Sweden and Finland",)),
        Q("the coalition partners had agreed on the broad outline", "indirect", ("Jonas Eklund",)),
        Q("they would vote against any cuts", "indirect", ("Greens",)),
    ],
}

# near misses: quotation marks that are not speech, sentences that report nothing
NOT_QUOTES: dict[str, list[str]] = {
    "claim_oped.md": ["Wires Without Borders", "It's no surprise", "countries' regulators", "In the '90s", "What should governments do"],
    "claim_news.txt": ["dockers’ union", "employers’ association", "Shipping lines were less forgiving"],
    "claim_speech.txt": ["They had met the bank's president", "The forum ends on Friday"],
    "claim_brief.md": ["Consider the case of the 2023 incident"],
    "claim_blind_news.txt": ["Blue Belt", "’90s cuts", "They are expected to announce a consultation"],
    "claim_blind_oped.md": ["What matters now is whether the money arrives"],
    "claim_blind_speech.txt": ["Several delegations expressed concern"],
    "claim_blind_brief.md": ["None of this will be cheap"],
    "claim_blind2_news.txt": ["Delgado, 61, has represented Arizona"],
    "claim_blind2_oped.md": ["the evidence from earlier conflicts suggests otherwise"],
}

RECS: dict[str, list[R]] = {
    "claim_oped.md": [
        R("the member states must agree", "must", "member states", "agree on a common method for sharing the costs of new lines", strength="strong"),
        R("Germany ought to drop", "ought to", "Germany", "drop its objection to joint financing"),
        R("It is essential for the commission", "is essential", "commission", "publish a binding investment plan before the end of the year", strength="strong"),
        R("National regulators should not block", "should", "National regulators", "block projects that benefit their neighbours", polarity="dont"),
        R("operators need to share real-time data", "need to", "transmission operators", "share real-time data"),
        R("Brussels could consider using", "could consider", "Brussels", "using its budget to fund the most urgent links", strength="weak"),
        R("Now is the time for Europe's leaders", "Now is the time", "Europe's leaders", "build the grid the continent needs"),
    ],
    "claim_news.txt": [
        R("must invest in safer equipment", "must", "operators", "invest in safer equipment", holder="Lotte Bakker", strength="strong"),
        R("We should not pretend", "should", "We", "pretend that this was a victory for anyone", holder="Pieter Jansen", polarity="dont"),
    ],
    "claim_speech.txt": [
        R("Moreau called on donor governments", "called on", "donor governments", "triple their funding for adaptation by 2027", holder="Elena Moreau"),
        R("She also urged the regional development bank", "urged", "regional development bank", "simplify its lending rules", holder="Elena Moreau"),
        R("We must stop treating adaptation", "must", "We", "treating adaptation as charity", holder="Elena Moreau", strength="strong", polarity="dont"),
        R("investors should expect a return", "should", "investors", "expect a return", holder="Elena Moreau"),
        R("asked the bank to", "asked", "bank", "open a fast track for small projects", holder="Ousmane Diop; Ama Owusu"),
        R("Let us leave Dakar", "Let us", "us", "leave Dakar with commitments, not communiqués", holder="Elena Moreau"),
    ],
    "claim_brief.md": [
        R("Coastal states need to share", "need to", "Coastal states", "share surveillance data in real time"),
        R("A coordinated response is necessary", "is necessary", None, "coordinated response", strength="strong"),
        R("There is an urgent need for the coastal states", "There is an urgent need", "coastal states", "pool their maritime patrols"),
        R("rules on seabed protection must be harmonised", "must", None, "be harmonised", strength="strong"),
        R("We recommend that the Baltic governments", "recommend", "Baltic governments", "adopt the following measures"),
        R("Establish a joint cable protection centre", "Establish", None, "Establish a joint cable protection centre with a permanent staff"),
        R("The European Union should fund", "should", "European Union", "fund repair vessels stationed in the region"),
        R("Do not rely on private operators", "Do not", None, "rely on private operators alone to detect sabotage", polarity="dont"),
        R("Insurers could consider offering", "could consider", "Insurers", "offering lower premiums for cables fitted with sensors", strength="weak"),
        R("Navies would do well to train", "would do well to", "Navies", "train with cable operators at least once a year", strength="weak"),
        R("It is necessary to act before the next incident", "is necessary", None, "act before the next incident, not after it", strength="strong"),
    ],
    "claim_blind_news.txt": [
        R("must set quotas on scientific advice", "must", "ministers", "set quotas on scientific advice, not on lobbying", holder="Helen Carr", strength="strong"),
    ],
    "claim_blind_oped.md": [
        R("it must fund patrol capacity", "must", "United States", "fund patrol capacity for the long term, not one grant at a time", strength="strong"),
        R("Congress should appropriate", "should", "Congress", "appropriate multi-year money for shiprider agreements"),
        R("The Pentagon would be wise to share", "would be wise to", "Pentagon", "share satellite data with island fisheries agencies in real time", strength="weak"),
        R("Japan ought to join a common compact", "ought to", "Partners such as Australia and Japan", "join a common compact rather than run parallel programs"),
        R("They could consider pooling", "could consider", "island states", "pooling their licence revenue into a regional enforcement fund", strength="weak"),
        R("Let us not pretend", "Let us", "us", "pretend that a single patrol boat can police an area the size of Western Europe", polarity="dont"),
        R("It is time for all partners", "It is time", "all partners", "treat illegal fishing as the security threat it is"),
    ],
    "claim_blind_speech.txt": [
        R("Ruiz called on all armed groups", "called on", "all armed groups", "lay down their weapons", holder="Marta Ruiz"),
        R("urged the Governments of the region", "urged", "Governments of the region", "resume the Nairobi process", holder="Marta Ruiz"),
        R("The parties must return to the table", "must", "parties", "return to the table without preconditions", holder="Marta Ruiz", strength="strong"),
        R("asked the Council to support", "asked", "Council", "support the process financially", holder="representative of Kenya"),
        R("the Council should impose targeted sanctions", "should", "Council", "impose targeted sanctions on those who incite violence", holder="representatives of Ghana and Gabon"),
    ],
    "claim_blind_brief.md": [
        R("eastern flank should be defended forward", "should", None, "be defended forward, not reinforced after an attack"),
        R("Allies should double", "should", "Allies", "double their ammunition production by 2026"),
        R("Germany needs to station", "needs to", "Germany", "station its brigade in Lithuania permanently, as planned"),
        R("The Nordic states must integrate", "must", "Nordic states", "integrate their air defence systems under a single command", strength="strong"),
        R("Procurement agencies should avoid", "should", "Procurement agencies", "buying systems that cannot share data with allied networks", polarity="dont"),
        R("Rehearse reinforcement across", "Rehearse", None, "Rehearse reinforcement across the Suwałki corridor at least twice a year"),
    ],
    "claim_blind2_news.txt": [
        R("Environmental groups urged the Senate", "urged", "Senate", "pass the bill before the summer", holder="Environmental groups"),
        R("Congress must act while", "must", "Congress", "act while there is still water to share", holder="Ana Whitfield", strength="strong"),
    ],
    "claim_blind2_oped.md": [
        R("it should extend the protection regime", "should", "Brussels", "extend the protection regime by at least two years"),
        R("Refugees should be allowed", "should", None, "be allowed to change their status to work permits without leaving the country"),
        R("Both sides of the debate should stop", "should", "Both sides of the debate", "treating the issue as a short-term emergency", polarity="dont"),
        R("Member states must also be prepared", "must", "Member states", "also be prepared to share the costs more fairly", strength="strong"),
        R("It is imperative that the Council", "is imperative", "Council", "agree on a solidarity mechanism before the summer", strength="strong"),
        R("Governments should not confuse", "should", "Governments", "confuse uncertainty with policy", polarity="dont"),
        R("member states ought to plan", "ought to", "EU and its member states", "plan for the long haul"),
    ],
    "claim_blind2_speech.txt": [
        R("we must keep ours", "must", "we", "keep ours", holder="Jonas Eklund", strength="strong"),
        R("The ministers also called for", "called for", None, "a permanent NATO presence on Gotland", holder="defence ministers of Sweden and Finland"),
    ],
}

OPTIONAL_RECS: dict[str, list[str]] = {
    "claim_blind_speech.txt": ["regional ownership was essential"],
    "claim_blind_brief.md": ["It must be credible in peacetime"],
    "claim_blind2_speech.txt": ["Tell us where the money comes from"],
}

NOT_RECS: dict[str, list[str]] = {
    "claim_oped.md": [
        "should not be attributed",
        "Let us begin with the numbers",
        "Brussels should have acted",
        "It must have been tempting",
        "What should governments do",
        "The bill should pass easily",
        "Feld will have to face",
    ],
    "claim_news.txt": ["our members needed a fair deal", "the government would not intervene"],
    "claim_speech.txt": ["The forum ends on Friday"],
    "claim_brief.md": ["Consider the case of the 2023 incident", "Enquiries should be addressed", "should be cited as"],
    "claim_blind_news.txt": ["We cannot keep handing out quotas", "If we act now"],
    "claim_blind_oped.md": ["Should Washington have acted sooner", "aid should have been tied", "need not wait", "What matters now"],
    "claim_blind_speech.txt": ["could not wait"],
    "claim_blind_brief.md": ["Such a posture requires", "None of this will be cheap"],
    "claim_blind2_news.txt": ["we need guarantees"],
    "claim_blind2_oped.md": ["they cannot carry that burden alone", "Should the war end soon"],
}

DEV_TEXTS = ("claim_oped.md", "claim_news.txt", "claim_speech.txt", "claim_brief.md")
BLIND_TEXTS = ("claim_blind_news.txt", "claim_blind_oped.md", "claim_blind_speech.txt", "claim_blind_brief.md")
BLIND2_TEXTS = ("claim_blind2_news.txt", "claim_blind2_oped.md", "claim_blind2_speech.txt")


# -- scoring -----------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_DET = re.compile(r"^(?:the|a|an)\s+", re.I)
_TOKEN = re.compile(r"\w+")


def norm(name: str | None) -> str | None:
    if name is None:
        return None
    return _DET.sub("", _SPACE.sub(" ", name).strip()).casefold()


def locate(text: str, snippet: str) -> tuple[int, int]:
    i = text.find(snippet)
    assert i >= 0, f"snippet not in text: {snippet!r}"
    assert text.find(snippet, i + 1) < 0, f"snippet not unique: {snippet!r}"
    return i, i + len(snippet)


def overlaps(a: tuple[int, int], rec: dict) -> bool:
    return a[0] < rec["end"] and rec["start"] < a[1]


def token_f1(a: str | None, b: str | None) -> float:
    if a is None and b is None:
        return 1.0
    if a is None or b is None:
        return 0.0
    ta, tb = _TOKEN.findall(a.casefold()), _TOKEN.findall(b.casefold())
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    if not common:
        return 0.0
    p, r = common / len(tb), common / len(ta)
    return 2 * p * r / (p + r)


class Score(NamedTuple):
    tp: int
    fn: int
    fp: int
    attrs: dict[str, list[float]]
    errors: list[str]

    @property
    def f1(self) -> float:
        return 2 * self.tp / max(1, 2 * self.tp + self.fn + self.fp)

    def attr(self, name: str) -> float:
        vals = self.attrs.get(name, [])
        return sum(vals) / len(vals) if vals else 1.0


def score_quotes(text: str, records: list[dict], expected: list[Q]) -> Score:
    used: set[int] = set()
    tp = fn = 0
    attrs: dict[str, list[float]] = {"kind": [], "speakers": []}
    errors = []
    for q in expected:
        loc = locate(text, q.snippet)
        k = next((k for k, r in enumerate(records) if k not in used and overlaps(loc, r)), None)
        if k is None:
            fn += 1
            errors.append(f"missed quote {q.snippet!r}")
            continue
        used.add(k)
        tp += 1
        r = records[k]
        attrs["kind"].append(float(r["kind"] == q.kind))
        same = {norm(s) for s in r["speakers"]} == {norm(s) for s in q.speakers}
        attrs["speakers"].append(float(same))
        if r["kind"] != q.kind:
            errors.append(f"kind of {q.snippet!r}: {r['kind']} (expected {q.kind})")
        if not same:
            errors.append(f"speakers of {q.snippet!r}: {r['speakers']} (expected {list(q.speakers)})")
    fp = 0
    for k, r in enumerate(records):
        if k not in used:
            fp += 1
            errors.append(f"spurious quote {r['text'][:60]!r}")
    return Score(tp, fn, fp, attrs, errors)


def score_recommendations(text: str, records: list[dict], expected: list[R], optional: list[str] = ()) -> Score:
    used: set[int] = set()
    tp = fn = 0
    attrs: dict[str, list[float]] = {k: [] for k in ("trigger", "actor", "action", "holder", "strength", "polarity")}
    errors = []
    for e in expected:
        loc = locate(text, e.snippet)
        k = next((k for k, r in enumerate(records) if k not in used and overlaps(loc, r["trigger"])), None)
        if k is None:
            fn += 1
            errors.append(f"missed recommendation {e.snippet!r}")
            continue
        used.add(k)
        tp += 1
        r = records[k]
        got = {
            "trigger": r["trigger"]["text"],
            "actor": (r["actor"] or {}).get("text"),
            "action": (r["action"] or {}).get("text"),
            "holder": r["holder"],
            "strength": r["strength"],
            "polarity": r["polarity"],
        }
        checks = {
            "trigger": float(norm(got["trigger"]) == norm(e.trigger)),
            "actor": float(norm(got["actor"]) == norm(e.actor)),
            "action": token_f1(e.action, got["action"]) if e.action is not None else 1.0,
            "holder": float({norm(h) for h in got["holder"].split(";")} == {norm(h) for h in e.holder.split(";")}),
            "strength": float(got["strength"] == e.strength),
            "polarity": float(got["polarity"] == e.polarity),
        }
        for name, v in checks.items():
            attrs[name].append(v)
            if v < 0.999:
                want = getattr(e, name)
                errors.append(f"{name} of {e.snippet!r}: {got[name]!r} (expected {want!r})")
    opt_locs = [locate(text, s) for s in optional]
    fp = 0
    for k, r in enumerate(records):
        if k in used or any(overlaps(o, r) for o in opt_locs):
            continue
        fp += 1
        errors.append(f"spurious recommendation {r['text'][:70]!r}")
    return Score(tp, fn, fp, attrs, errors)
