"""A sentiment lexicon (vaderSentiment) against the pack's hand list, for the coach's enthusiasm check.

    python benchmarks/sentiment.py      # with vaderSentiment importable (pip install vaderSentiment==3.3.2)

Each sentence below is labelled by what a careful reader credits as
enthusiasm *in a sentence about them*: positive feeling the speaker has for
this company, role, team or product. Both readers get the same aiming (the
clause must speak of them, as the check does), so what is compared is the
lexicon: does it hear the feeling, and does it hear feeling where a reader
hears none ("a great company" fits any company; "I guess it's fine")?
Also measured: import and first-use time in a fresh interpreter, and size.
Nothing here is part of the test suite; vaderSentiment is not a dependency.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# (sentence, a reader credits enthusiasm for them)
SENTENCES: list[tuple[str, bool]] = [
    ("What excites me most is your move into hospital logistics.", True),
    ("This is the job I have been hoping for.", True),
    ("I can't wait to work on your fleet software.", True),
    ("Your picking arm is the product I would most like to build.", False),  # a wish, not a feeling
    ("I'm drawn to your team because it ships hardware and software together.", True),
    ("I'd love to help your team take the arm into hospitals.", True),
    ("Your pilot with CardioNet is the most interesting bet in robotics.", True),
    ("I admire how your team runs blameless post-mortems.", True),
    ("I'm thrilled by the idea of joining your team.", True),
    ("Your company is a great company with a great culture.", False),  # praise that fits any company
    ("Your company has a strong mission.", False),
    ("I think your product would suit me.", False),
    ("I guess your job is fine for me.", False),
    ("Your role matches my background in logistics.", False),
    ("Honestly your role is a step up for me.", False),
    ("Your product is good.", False),
    ("I am genuinely eager to join your team.", True),
    ("Your vision kit fascinates me.", True),
    ("I have followed your growth with real enthusiasm.", True),
    ("I really enjoy the way your team writes its roadmaps.", True),
    ("Your work in Lisbon inspires me.", True),
    ("Joining your team would be a privilege.", True),
    ("Your hospital pilot is what I want to be part of.", False),  # wanting, said flatly
    ("Your market position is number two behind Globex.", False),
    ("Your installs take nine days.", False),
    ("I look forward to helping your team grow.", True),
    ("Your team's approach to safety really impresses me.", True),
    ("Your product solves a hard problem.", False),
    ("I am keen to bring my experience to your hospital launch.", True),
    ("I fell for your product the first time I saw it pick.", True),
    ("I'm not excited by your roadmap.", False),
    ("Your problems with battery life are serious.", False),
    ("Your funding round was big news.", False),
    ("I'm happy to talk about your roadmap.", False),  # politeness, not enthusiasm for them
    ("Your robots are impressive.", True),
    ("Your culture of ownership is exactly what I want.", True),
    ("It would be amazing to work on your fleet software.", True),
    ("Your team is nice.", False),
    ("I'm passionate about what your team is building.", True),
    ("Your company pays well.", False),
]


def hand_list() -> list[bool]:
    from tui.core import reading
    from tui.core import words as w
    from tui.core.packs import load_catalog

    check = next(c for q in load_catalog(None).questions for c in q.checks if c.id == "enthusiasm")
    out = []
    for text, _ in SENTENCES:
        doc = w.analyse(text)
        found = w.found_entries(doc, list(check.params["words"]))
        out.append(any(not reading.negated(doc, first) for spans in found.values() for first, _ in spans))
    return out


def vader() -> list[bool]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyser = SentimentIntensityAnalyzer()
    return [analyser.polarity_scores(text)["compound"] >= 0.05 for text, _ in SENTENCES]


def fresh(code: str, runs: int = 7) -> tuple[float, float, float]:
    """Median, min and max milliseconds of ``code`` in a fresh interpreter, less an empty one's."""
    def once(source: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", source], check=True)
        return (time.perf_counter() - start) * 1000

    times, base = [], []
    for _ in range(runs):
        base.append(once("pass"))
        times.append(once(code))
    floor = statistics.median(base)
    return statistics.median(times) - floor, min(times) - floor, max(times) - floor


def score(name: str, got: list[bool]) -> None:
    wanted = [label for _, label in SENTENCES]
    agree = sum(g == x for g, x in zip(got, wanted, strict=True))
    false_pass = sum(g and not x for g, x in zip(got, wanted, strict=True))
    missed = sum(x and not g for g, x in zip(got, wanted, strict=True))
    print(f"{name:<28} agree {agree}/{len(wanted)}  credits feeling a reader does not {false_pass}  misses {missed}")
    for (text, label), g in zip(SENTENCES, got, strict=True):
        if g != label:
            print(f"    {'passes' if g else 'fails'}: {text}")


def main() -> None:
    score("pack hand list", hand_list())
    try:
        score("vaderSentiment compound>=.05", vader())
    except ImportError:
        print("vaderSentiment is not installed: pip install vaderSentiment==3.3.2 to compare")
        return
    median, low, high = fresh("from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer")
    print(f"import vaderSentiment: {median:.0f} ms ({low:.0f}-{high:.0f})")
    median, low, high = fresh("from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as S; "
                              "S().polarity_scores('I love it')")
    print(f"import + lexicon + first score: {median:.0f} ms ({low:.0f}-{high:.0f})")


if __name__ == "__main__":
    main()
