"""Generated readings for benchmarks and tests of the store: plausible shape, random content.

Nothing here is language knowledge: actors are drawn from the CAMEO tables the store ships, places are
numbered points, and the text only carries the words needed to search for.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from kroniek.store.codes import actor_prefixes, goldstein_table

ROLES = ("GOV", "MIL", "OPP", "CVL", "")


def readings(n: int, seed: int = 0, events_per_article: int = 5, start: date = date(2020, 1, 1), days: int = 730,
             countries: int = 30, places: int = 200) -> Iterator[dict[str, Any]]:
    """`n` readings with `events_per_article` coded events each (deterministic for a seed)."""
    rnd = random.Random(seed)
    codes = sorted(c for c in goldstein_table() if len(c) >= 3)
    nations = sorted(c for c, k in actor_prefixes().items() if k == "country")[:countries]
    spots = [(f"Plaats{i}", rnd.uniform(-60, 70), rnd.uniform(-170, 170)) for i in range(places)]
    for i in range(n):
        day = start + timedelta(days=rnd.randrange(days))
        text_parts, events, entities = [], [], []
        pos = 0
        sentences = []
        for v in range(events_per_article):
            src, tgt = rnd.sample(nations, 2)
            a1, a2 = src + rnd.choice(ROLES), tgt + rnd.choice(ROLES)
            cameo = rnd.choice(codes)
            place, lat, lon = rnd.choice(spots)
            when = day - timedelta(days=rnd.randrange(3))
            sent = f"Bericht {i} over {a1} en {a2}: code {cameo} in {place} op {when.isoformat()}. "
            t_start = pos + len(f"Bericht {i} over ")
            ent_id = f"e{v + 1}"
            entities.append({"id": ent_id, "type": "LOC", "name": place, "kb": f"PLACE{place[6:]}", "actor": None,
                             "lat": lat, "lon": lon, "mentions": [{"start": pos + sent.index(place),
                                                                    "end": pos + sent.index(place) + len(place),
                                                                    "text": place}]})
            events.append({
                "id": f"v{v + 1}", "trigger": {"start": t_start, "end": t_start + len(a1), "text": a1},
                "plover": None, "cameo": cameo, "news_type": None,
                "source": {"entity": None, "actor": a1, "text": a1}, "target": {"entity": None, "actor": a2, "text": a2},
                "time": {"value": when.isoformat(), "earliest": when.isoformat(), "latest": when.isoformat()},
                "location": {"entity": ent_id, "text": place}, "quantities": [], "modality": "asserted",
            })
            sentences.append({"start": pos, "end": pos + len(sent) - 1})
            text_parts.append(sent)
            pos += len(sent)
        yield {"id": f"synth-{seed}-{i}", "date": day.isoformat(), "language": "nl", "title": f"Bericht {i}",
               "url": f"https://example.org/{seed}/{i}", "source": f"bron{rnd.randrange(20)}",
               "text": "".join(text_parts).rstrip(), "sentences": sentences, "entities": entities, "times": [],
               "quantities": [], "events": events}
