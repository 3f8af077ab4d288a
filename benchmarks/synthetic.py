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


# Full-length articles for the extraction benchmark: news reports run to 500-900 words, and
# most of their sentences state no date or number. Slots are filled at random so that no two
# articles are alike.
LONG_CLAIMS = [
    "{leader} will travel to {city} on {weekday} for talks on {topic}.",
    "{leader} met {other} in {city} {past_rel}, officials said.",
    "The ministry said {count:,} {noun} had been moved closer to the border {past_rel}.",
    "Roughly {count:,} {noun} took part in the exercises, according to {source}.",
    "The pipeline runs for about {length:,} kilometres across {country}.",
    "The {length:,}-mile frontier has been closed to most traffic since {month} {year}.",
    "A second round of talks is expected in {month_future}.",
    "Between {low:,} and {high:,} {noun} were evacuated, the agency said.",
    "The fund will grow to {money} billion dollars by {future_year}, the finance minister said.",
    "Inflation reached {percent} percent in {month} {year}, the highest in a decade.",
    "The treaty signed on {month} {day}, {year} expired {past_rel}.",
    "Nearly {words} {noun} crossed the river {past_rel}.",
    "More than {count:,} {noun} have signed the petition since it opened {ago}.",
    "Talks are due to resume {future_rel}, a spokesperson confirmed.",
    "The plant, built in the {decade}, produces {tonnes:,} tonnes of steel a year.",
    "The summit, first held in {year}, brings together leaders of {members} countries.",
    "The convoy covered {length:,} km in {hours} hours before it stopped.",
    "At least {count:,} {noun} were reported missing after the storm {past_rel}.",
]
LONG_FILLER = FILLER + [
    "Several western governments urged restraint and a return to negotiations.",
    "The foreign ministry summoned the ambassador to explain the remarks.",
    "Independent monitors have not been able to confirm the reports on the ground.",
    "Farmers in the border districts say the closures have hurt their livelihoods.",
    "The central bank has repeatedly warned about the cost of the measures.",
    "Satellite images reviewed by researchers appeared to show new field camps.",
    "Neither side has published the full text of the agreement.",
    "Shipping companies have begun to reroute cargo to avoid the strait.",
    "The president's office described the call as frank and constructive.",
    "Human rights groups have asked for access to the detention sites.",
    "Observers noted that the language of the communique had softened.",
    "The announcement came after weeks of speculation in the state press.",
    "Energy ministers are expected to discuss supply contracts at the meeting.",
    "Opposition newspapers questioned whether the figures were reliable.",
    "Aid agencies said the winter would make deliveries harder.",
    "The defence ministry did not respond to a request for comment.",
    "Officials on both sides have played down the prospect of a breakthrough.",
    "Parliament is due to vote on the budget before the holiday recess.",
    "Some economists argue that the sanctions have had only a limited effect.",
    "A senior adviser said the government remained open to dialogue.",
    "The reporters travelling with the delegation were kept away from the venue.",
    "Both governments have an interest in keeping the trade routes open.",
    "The governor said emergency shelters had been opened in schools and sports halls.",
    "Few details of the proposed compromise have been made public.",
    "The decision is likely to be challenged in the constitutional court.",
    "Railway operators warned passengers to expect delays across the network.",
    "Officials insisted that the deployment was purely defensive.",
    "The embassy advised its citizens to avoid the area until further notice.",
    "Union leaders said their members would not accept the new conditions.",
    "The envoy left the capital without making a public statement.",
    "Commentators on state television welcomed the outcome of the meeting.",
    "Investigators are still trying to establish the cause of the collapse.",
    "The region has long depended on seasonal work and remittances from abroad.",
    "Several ministers resigned over the handling of the crisis.",
    "The agreement still needs to be ratified by the national parliaments.",
]
LONG_SLOTS = {
    "leader": ["Xi Jinping", "Vladimir Putin", "Joe Biden", "Olaf Scholz", "Emmanuel Macron",
               "the prime minister", "the foreign minister"],
    "other": ["his French counterpart", "a delegation from Brussels", "the Chinese leader",
              "regional governors"],
    "city": ["Geneva", "Brussels", "Beijing", "Moscow", "Liverpool", "Vienna", "Rome"],
    "topic": ["energy supplies", "arms control", "trade", "the border dispute"],
    "weekday": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    "past_rel": ["last week", "on Sunday", "last Monday", "over the weekend", "yesterday",
                 "in November", "two weeks ago", "earlier this year"],
    "future_rel": ["next week", "next month", "in January", "early next year", "on Friday"],
    "ago": ["two weeks ago", "last month", "three days ago", "in the spring"],
    "noun": ["troops", "soldiers", "people", "residents", "refugees", "workers"],
    "source": ["Ukrainian defence sources", "the interior ministry", "local officials",
               "western intelligence"],
    "country": ["Siberia", "the steppe", "three provinces", "the north of the country"],
    "month": ["January", "March", "May", "July", "September", "November"],
    "month_future": ["February 2022", "the spring", "mid-January", "late March"],
    "words": ["two dozen", "three thousand", "forty", "a hundred", "five hundred"],
    "money": ["1.2", "3.5", "12", "40"],
    "percent": ["6.8", "9.1", "12.4", "4"],
    "decade": ["1950s", "1970s", "mid-1980s", "early 1990s"],
    "members": ["seven", "20", "27", "five"],
    "hours": ["12", "36", "48", "six"],
}


def long_articles(count: int, seed: int = 11, sentences: int = 44) -> list[Generated]:
    """`count` articles of about 500 words each: roughly one sentence in four states a date or
    a number, as in a wire report."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        published = START + timedelta(days=rng.randrange(0, 60))
        fillers = rng.sample(LONG_FILLER, len(LONG_FILLER))
        picked = []
        for _ in range(sentences):
            if rng.random() < 0.25 or not fillers:
                values = {k: rng.choice(v) for k, v in LONG_SLOTS.items()}
                values.update(count=rng.randrange(50, 200_000), length=rng.randrange(10, 5000),
                              low=rng.randrange(100, 1000) * 100, tonnes=rng.randrange(1, 900) * 1000,
                              year=rng.randrange(1990, 2021), future_year=rng.randrange(2023, 2031),
                              day=rng.randrange(1, 28))
                values["high"] = values["low"] + rng.randrange(1, 50) * 100
                picked.append(rng.choice(LONG_CLAIMS).format(**values))
            else:
                picked.append(fillers.pop())
        paragraphs = [" ".join(picked[j:j + 4]) for j in range(0, len(picked), 4)]
        out.append(Generated(f"long/{i:06d}.txt",
                             f"date {published.isoformat()} " + "\n\n".join(paragraphs) + "\n", False))
    return out
