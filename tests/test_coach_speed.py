"""What the coach's speed on a long answer rests on, checked by counting, never by timing.

benchmarks/ times the checks on a 5,000-word answer; these tests guard the
reasons it is fast: an edit re-reads one sentence, each distinct word is
stemmed once, and the common-word list is read without running zxcvbn.
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from tui.core import pieces, words
from tui.core.checks import CheckContext, run_checks
from tui.core.packs import load_catalog

SENTENCES = [f"At Medisoft in 20{10 + i % 10} we shipped release {i} with {i % 7 + 2} engineers, and I led its launch."
             for i in range(300)]
ANSWER = " ".join(SENTENCES)  # about 5,000 words, one distinct sentence after another


@pytest.fixture
def cold(monkeypatch):
    """Empty per-session caches, and a count of the words given to the stemmer and of the pieces read."""
    stemmed: Counter[str] = Counter()
    read: list[str] = []
    real = pieces._stemmer()

    class CountingStemmer:
        def stemWord(self, word: str) -> str:  # noqa: N802 (PyStemmer's name)
            stemmed[word] += 1
            return real.stemWord(word)

    class CountingPiece(pieces.Piece):
        __slots__ = ()

        def __init__(self, raw: str) -> None:
            read.append(raw)
            super().__init__(raw)

    monkeypatch.setattr(pieces, "_stemmer", lambda: CountingStemmer())
    monkeypatch.setattr(pieces, "_stems", {})
    monkeypatch.setattr(pieces, "_pieces", {})
    monkeypatch.setattr(pieces, "Piece", CountingPiece)
    monkeypatch.setattr(words.Text, "_last", None)
    words.analyse.cache_clear()
    yield stemmed, read
    words.analyse.cache_clear()


def test_an_edit_to_a_long_answer_reads_only_the_sentence_edited(cold):
    _, read = cold
    words.analyse(ANSWER)
    assert len(read) == len(SENTENCES)
    read.clear()
    edited = ANSWER.replace("release 150 ", "release 150 and its installer ")
    doc = words.analyse(edited)
    assert read == [SENTENCES[150].replace("release 150 ", "release 150 and its installer ")]
    assert "installer" in doc.lower and doc.lower == [t.lower for t in words.Text(edited).tokens]
    read.clear()
    words.analyse(edited + " Thanks")
    assert read == ["Thanks"]


def test_an_edit_takes_the_words_before_it_from_the_answer_before_the_edit(cold, monkeypatch):
    before = words.Text(ANSWER)
    edited = ANSWER.replace("release 299 ", "release 299, the last, ")
    after = words.Text(edited)
    assert after.where["medisoft"][:299] == before.where["medisoft"][:299]
    assert after.where["2010"] is before.where["2010"]  # only in sentences before the edit: shared, not rebuilt
    monkeypatch.setattr(words.Text, "_last", None)
    fresh = words.Text(edited)
    for name in ("surface", "lower", "stem", "sentence", "starts", "past", "figures", "where", "words"):
        assert getattr(after, name) == getattr(fresh, name), name
    assert before.lower == words.Text(ANSWER).lower  # the text it started from is left as it was


def test_a_long_answer_stems_each_distinct_word_once_for_every_check(cold):
    stemmed, _ = cold
    catalog = load_catalog(None)
    ctx = CheckContext("Medisoft", notes={"products": "Robot arms, CardioNet pilot in 2027"})
    for question in catalog.questions:
        run_checks(question, ANSWER, ctx)
        run_checks(question, ANSWER + " Thanks", ctx)
    answer_words = set(words.Text(ANSWER + " Thanks").lower)
    assert answer_words <= set(stemmed)  # the counting stemmer saw them all...
    assert max(stemmed.values()) == 1  # ...each once, with the pack's words and the notes'


def test_the_sentence_cache_stays_bounded_and_right_when_it_starts_again(cold, monkeypatch):
    _, read = cold
    monkeypatch.setattr(pieces, "_MAX_PIECES", 10)
    for sentence in SENTENCES[:40]:
        words.analyse(ANSWER[:200] + " " + sentence)
    assert len(pieces._pieces) <= 10 and len(read) > 40
    doc = words.analyse(" ".join(SENTENCES[:12]))
    assert doc.lower == [t.lower for t in words.Text(" ".join(SENTENCES[:12])).tokens]
    assert doc.sentence[-1] == 11 and len(pieces._pieces) <= 10


COMMON_WORDS_ALONE = """
import os, sys
seen = []


def hook(event, args):
    if event == "import":
        seen.append((event, str(args[0])))
    elif event == "exec":
        seen.append((event, getattr(args[0], "co_filename", "")))
    elif event == "compile":
        seen.append((event, str(args[1])))


sys.addaudithook(hook)
from tui.core import pieces, words
assert words.is_common("everything") and not words.is_common("logistics")
ran = [(event, what) for event, what in seen if what.startswith("zxcvbn") or f"zxcvbn{os.sep}" in what]
assert not ran, ran
assert "zxcvbn" not in sys.modules, sorted(sys.modules)
"""


def test_common_words_are_read_without_importing_or_running_zxcvbn():
    done = subprocess.run([sys.executable, "-c", COMMON_WORDS_ALONE], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
