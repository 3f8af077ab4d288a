"""Generated news-like articles for benchmarks, with conflicts planted at known places.

Each article is a handful of sentences drawn from templates (claims and filler), dated within a
few weeks, about a few fixed stories; every `conflict_every`-th article states a story's fact
differently, so a check run can report how many planted conflicts it found.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

START = date(2021, 12, 6)   # a Monday: articles come out Monday or Tuesday, before Wednesday's summit

FILLER = [
    "Officials declined to comment on the details of the discussions.",
    "Analysts said the move reflected long-running tensions in the region.",
    "The statement was published on the ministry's website late in the evening.",
    "Diplomats described the atmosphere as businesslike but cool.",
    "Markets reacted calmly, with energy prices little changed by the close.",
    "A spokesperson said further announcements would follow in due course.",
    "Local residents said they had noticed more military traffic on the roads.",
    "The talks covered trade, energy and security, according to a readout.",
    "Critics of the government said the plan lacked detail and funding.",
    "The opposition called for a parliamentary debate on the issue.",
]


@dataclass(frozen=True)
class Story:
    name: str
    truth: str          # sentence template with the agreed value
    conflict: str       # the same fact, stated so that it conflicts


STORIES = [
    Story("summit", "Xi Jinping and Vladimir Putin will meet virtually on {meet_day}.",
          "Xi Jinping and Vladimir Putin will hold talks on {other_day}."),
    Story("troops", "Russia has massed {troops:,} troops near the border with Ukraine, according "
          "to Ukrainian defence sources.",
          "Moscow has deployed some {few_troops:,} soldiers along the Ukrainian frontier."),
    Story("border", "Trade across the 2,600-mile border between China and Russia has grown.",
          "Trade across the 3,400-mile border between China and Russia has grown."),
    Story("g7", "G7 foreign ministers met over the weekend in Liverpool.",
          "The Group of Seven met on Wednesday in Liverpool."),
]


@dataclass(frozen=True)
class Generated:
    name: str
    text: str           # plain-text article format: "date YYYY-MM-DD …"
    planted: bool


def generate(count: int, seed: int = 7, conflict_every: int = 50) -> list[Generated]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        published = START + timedelta(days=rng.randrange(0, 2))
        planted = conflict_every > 0 and i % conflict_every == conflict_every - 1
        story = STORIES[(i // conflict_every if planted else i) % len(STORIES)]
        values = {"meet_day": "Wednesday", "other_day": "Thursday",
                  "troops": 120_000, "few_troops": 60_000}
        lead = (story.conflict if planted else story.truth).format(**values)
        sentences = [lead] + rng.sample(FILLER, 5)
        if rng.random() < 0.5:
            sentences.insert(3, "A similar statement was issued in February 2021, officials said.")
        body = " ".join(sentences[:3]) + "\n\n" + " ".join(sentences[3:])
        out.append(Generated(f"{story.name}/{i:06d}.txt", f"date {published.isoformat()} {body}\n",
                             planted))
    return out
