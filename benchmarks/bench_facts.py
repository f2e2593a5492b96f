"""Time of ``extract_facts`` on an ~800-word news article.

Run: ``python benchmarks/bench_facts.py [--runs N] [FILE ...]``. Prints the
median and 95th-percentile CPU milliseconds per article in a warm process,
and the median wall time (the
goal is ≤ 6 ms: facts and discrepancies together must stay within 20 ms per
pair), then the share of each extractor. Without files, a fixed article is
built from news sentences about quakes, trials, deals, sport and diplomacy
(numbers, dates, quotes, attributions, names, negations) mixed with
connective prose, plus a worst case made of fact-dense sentences only; with
files, each is loaded with ``load_article`` and timed.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core.facts import extract_facts  # noqa: E402
from core.facts.attributions import extract_attributions  # noqa: E402
from core.facts.context import build_context  # noqa: E402
from core.facts.dates import extract_dates  # noqa: E402
from core.facts.entities import extract_entities  # noqa: E402
from core.facts.extract import clear_caches  # noqa: E402
from core.facts.polarity import extract_polarities  # noqa: E402
from core.facts.published import publication_date  # noqa: E402
from core.facts.quantities import extract_quantities  # noqa: E402
from core.facts.quotes import extract_quotes  # noqa: E402
from core.model import Article  # noqa: E402

SENTENCES = [
    "A magnitude 7.8 earthquake struck southern Turkey early on Monday, killing more than 2,300 people.",
    "The quake hit at 4:17 a.m. local time (0117 GMT) about 26 km east of Nurdagi, the U.S. Geological Survey said.",
    "“We are going through very difficult days,” President Tayyip Erdogan told reporters in Ankara.",
    "At least 1,498 people were killed in Turkey, according to the disaster agency AFAD.",
    "Rescuers pulled dozens of survivors from the rubble, but officials did not rule out a higher toll.",
    "Elizabeth Holmes was sentenced on Friday to 11 years in prison for defrauding investors.",
    "U.S. District Judge Edward Davila also ordered Holmes, 38, to report to prison on April 27.",
    '"I am devastated by my failings," Holmes said in court, adding that she never meant to mislead anyone.',
    "Prosecutors had sought 15 years; her lawyers asked for 18 months of house arrest.",
    "Microsoft Corp agreed on Tuesday to buy Activision Blizzard Inc for $68.7 billion, or $95 a share.",
    "The offer is a 45% premium to Activision's closing price on Friday, the companies said in a statement.",
    "Activision, which has nearly 10,000 employees, has denied the allegations since July.",
    "Lionel Messi scored twice as Argentina beat France 4-2 on penalties after a 3-3 draw in Lusail on Sunday.",
    "About 88,966 fans watched the match at the Lusail Stadium, organisers said.",
    "“It's crazy,” Messi told TyC Sports. “We never gave up, not even for a second.”",
    "Chinese Foreign Minister Wang Yi told Secretary of State Antony Blinken on Wednesday to not “hype up the crisis”.",
    "Russia has amassed an estimated 100,000 troops near the border, according to Western officials.",
    "Tens of thousands of Russian troops were stationed at the border in recent weeks.",
    "The two leaders issued an over 5,000-word joint statement on Feb. 4, 2022.",
    "“There is no ceiling to China-Russia mutual trust,” ministry spokesman Zhao Lijian said Thursday.",
    "Four Chinese nationals were killed in an attack, but the Global Times denied that it was true, citing Beijing’s embassy in Kyiv.",
    "The State Department’s readout of the call made no mention of Taiwan.",
]
#: Connective prose most of an article is made of: names and clauses, few figures.
BACKGROUND = [
    "The region has long been prone to earthquakes because it sits on several fault lines.",
    "Engineers have warned for years that many older buildings were not built to modern standards.",
    "The company has been trying to expand its presence in mobile gaming, where growth is fastest.",
    "Regulators in Washington and Brussels are expected to scrutinise the transaction closely.",
    "Critics say the case exposed a culture of secrecy in parts of Silicon Valley.",
    "Supporters gathered in the streets of Buenos Aires to celebrate late into the night.",
    "The talks come amid growing concern in Western capitals about the direction of the conflict.",
    "Analysts said the move was largely symbolic but could complicate relations with its neighbours.",
    "The government has promised to rebuild the affected towns as quickly as possible.",
    "Investors reacted cautiously, and shares of rival companies were mixed in early trading.",
    "The defence argued that their client had been misled by the people around her.",
    "The coach praised his players for their resilience in front of a hostile crowd.",
    "Officials in both countries have called for calm while the investigation continues.",
    "Aid agencies said access to the worst-hit areas remained difficult because of damaged roads.",
]


def build_article(words: int = 800, seed: int = 3, dense: bool = False) -> Article:
    """A fixed ~800-word article in paragraphs of two or three sentences.

    A typical article mixes fact-dense sentences with connective prose (about
    half and half); ``dense`` builds one out of fact-dense sentences only.
    """
    rng = random.Random(seed)
    paragraphs: list[str] = ["Quake, trial and deal: the week in review", "January 27, 2022 5:02pm"]
    count = 0
    while count < words:
        chosen = [
            rng.choice(SENTENCES if dense or rng.random() < 0.5 else BACKGROUND)
            for _ in range(rng.choice((2, 3)))
        ]
        paragraphs.append(" ".join(chosen))
        count += sum(len(s.split()) for s in chosen)
    return Article(text="\n\n".join(paragraphs))


def _time(function, runs: int, clock=time.process_time) -> list[float]:
    """Milliseconds per call, memoised name forms cleared first (an unseen article).

    CPU time by default: on a shared machine wall time mostly measures the
    other processes.
    """
    timings = []
    for _ in range(runs):
        clear_caches()
        start = clock()
        function()
        timings.append((clock() - start) * 1000)
    return timings


def calibration_ms() -> float:
    """A fixed pure-Python workload, printed with the results so figures from
    different (or busy) machines can be compared."""
    start = time.process_time()
    for _ in range(40):
        sum(i * i for i in range(1000))
    return (time.process_time() - start) * 1000


def _breakdown(article: Article, runs: int) -> dict[str, float]:
    """Median milliseconds of each stage, fed the same inputs extract_facts gives it."""
    context = build_context(article)
    published = publication_date(article)
    dates = extract_dates(context, published)
    spans = [(d.start, d.end) for d in dates]
    entities = extract_entities(context)
    quotes = extract_quotes(context, entities)
    stages = {
        "context (sentences)": lambda: build_context(article),
        "dates": lambda: extract_dates(context, published),
        "quantities": lambda: extract_quantities(context, spans),
        "entities": lambda: extract_entities(context),
        "quotes": lambda: extract_quotes(context, entities),
        "attributions": lambda: extract_attributions(context, entities, quotes),
        "polarities": lambda: extract_polarities(context),
    }
    return {name: statistics.median(_time(stage, runs)) for name, stage in stages.items()}


def report(label: str, article: Article, runs: int) -> None:
    extract_facts(article)  # warm caches and imports
    timings = sorted(_time(lambda: extract_facts(article), runs))
    wall = _time(lambda: extract_facts(article), runs, time.perf_counter)
    calibration = min(calibration_ms() for _ in range(5))
    facts = extract_facts(article)
    words = len(article.text.split())
    median = statistics.median(timings)
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    print(f"{label}: {words} words, {sum(len(r) for r in facts)} facts")
    print(
        f"  extract_facts: CPU min {timings[0]:.2f} ms, median {median:.2f} ms, "
        f"p95 {p95:.2f} ms (goal ≤ 6 ms); wall median {statistics.median(wall):.2f} ms; "
        f"median = {median / calibration:.1f}× the calibration workload ({calibration:.2f} ms)"
    )
    for name, ms in _breakdown(article, max(10, runs // 4)).items():
        print(f"    {name:<20} {ms:6.2f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", help="articles to time instead of the built-in one")
    parser.add_argument(
        "--runs", type=int, default=200, help="timed runs per article (default 200)"
    )
    args = parser.parse_args()
    if not args.files:
        report("typical article (built in)", build_article(), args.runs)
        report("fact-dense article (built in)", build_article(dense=True), args.runs)
        return 0
    from core.ingest.load import load_article

    for path in args.files:
        report(path, load_article(path), args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
