"""Stage 5, resolve: document-level decisions over the extracted mentions.

* entities: one canonical name per real entity;
* dates: TIMEX3 values anchored to the publication date and the narrative;
* attribution: quote speakers and recommendation holders as canonical names;
* statistics: subject, time and source of each figure.
"""

from __future__ import annotations

from ..assets import Assets
from ..document import Document
from .attribution import Attributor, resolve_quotes, resolve_recommendations
from .dates import resolve_dates
from .entities import canonical_names
from .statistics import resolve_statistics


def resolve(doc: Document, assets: Assets) -> Document:
    m = doc.mentions
    weak = frozenset(assets.mapping("name_structure_words")["weak_person_heads"])
    entities = canonical_names(doc, m.get("entity", []), weak, {k.lower(): v for k, v in assets.mapping("first_names").items()})
    m["entity"] = entities
    m["date"] = resolve_dates(doc, m.get("date", []), assets)
    # quotes in marks and reported speech are one record type
    att = Attributor(doc, entities, assets)
    m["quote"] = resolve_quotes(att, m.get("quote", []) + m.pop("reported_speech", []))
    m["recommendation"] = resolve_recommendations(att, m["quote"], m.get("recommendation", []))
    if "statistic" in m:
        heads = assets.lexicon_set("person_head_nouns")
        m["statistic"] = resolve_statistics(att, entities, m["date"], m["quote"], m["statistic"], heads)
    return doc
