"""The baseline of benchmarks/extraction.py, run as a process of its own: dateparser's
search_dates over article files, the way a fair user would call it — English only, and each
article's publication date as RELATIVE_BASE (without it dateparser works out "now" itself, which
costs it about a third more and resolves "on Tuesday" against the wrong day).

    python benchmarks/dateparser_baseline.py FILE...

Files are claimcheck's plain-text articles (`date YYYY-MM-DD` first). Prints the dates found.
"""

from __future__ import annotations

import sys
from datetime import datetime


def main(paths: list[str]) -> int:
    from dateparser.search import search_dates

    found = 0
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        first, _, body = text.partition("\n")
        published = datetime.fromisoformat(first.split()[1][:10])
        if len(first.split()) > 2:   # the date line may run on into the text
            body = first.split(None, 2)[2] + "\n" + body
        dates = search_dates(body, languages=["en"], settings={"RELATIVE_BASE": published})
        found += len(dates or ())
    print(found)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
