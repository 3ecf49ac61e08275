"""Reading a word in its place: who does it, whether it is done or only planned, what it is about.

A keyword alone says little: "led" in "my manager led the launch" is not the
speaker's leadership, "just" in "just three days" is not a hedge, and "excited"
in "I am excited about product management" is not about this company. These
tests look at the few words around a match, within its clause, so they cost a
short scan per match, never a pass over the whole answer.
"""

from __future__ import annotations

from tui.core import words as w
from tui.core.wordkinds import FIGURE_WORDS, is_past_word

# A clause ends at a sentence break or before one of these: "I led X, but my
# manager took the credit" holds two subjects.
CLAUSE_WORDS = frozenset("but however whereas although though while yet".split())
SPEAKERS = frozenset({"i", "we"})
AUXILIARIES = frozenset("have has had am is are was were be been being do does did".split())
# Subjects that are not the speaker. "that" and "which" as in "features that led to".
OTHER_SUBJECTS = frozenset("he she they you it who which that this someone somebody everyone nobody".split())
OTHER_PEOPLE = frozenset("""
manager managers boss bosses ceo cto cpo coo vp director directors colleague colleagues founder founders
head chief lead supervisor predecessor mentor client clients customer customers company employer
""".split())
# Words between a subject and its verb that make it a wish, a plan or a claim of ability, not a deed.
INTENTION = frozenset("""
will would shall going want wants wanted hope hopes hoping plan plans planning intend intends aim aims
wish wishes like love eager keen ready could can might may should need needs must looking forward
try tries trying
""".split())
# Words that may stand between a subject and its verb without changing who acts.
_BETWEEN = frozenset("""
also then first later eventually ultimately personally successfully quickly recently once finally actually
have has had was were am are be been is and really
""".split())
_NEGATIONS = frozenset("not never no".split())
_POINTING_BACK = frozenset("it this them these those me most".split())
# Words of a matched phrase that are not its verb: "I have recently started" acts in "started".
NOT_THE_VERB = SPEAKERS | AUXILIARIES | _BETWEEN | frozenset("since already just now actively still always".split())
# "I managed to ship", "we were able to launch": an infinitive after these is still a deed.
_DEED_BEFORE_TO = frozenset("able managed got went decided started began helped chose agreed stepped".split())
_SUBJECT_PRONOUNS = frozenset("i we you he she they".split())
# Words after which "I" goes on the same clause ("the team that I led", "because I", "what I").
_LINKS = frozenset("""
and or but so that which who whom whose when where while if because as since until before after than what how
why whether though although once the a an this my our your their his her its of to for with at by in on from
about into like do does did have has had am is are was were be been will would can could should might may must
""".split())
_KIND_DETERMINERS = frozenset("the a that this what which any every same some one".split())
_VAGUE = frozenset("hundreds thousands dozens millions billions".split())
_CLOCK_LEADS = frozenset("at by after before until till past from".split())
_CLOCK_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve noon midnight".split())
_DETERMINERS = frozenset("a an the our my their his her its this that these those every each".split())
_NOUN_ENDINGS = ("er", "ers", "ment", "ments", "ship", "ships", "or", "ors")
_QUANTITY_LEADS = frozenset("a an one few couple handful over under about around nearly almost".split())


def _starts_clause(doc: w.Text, k: int) -> bool:
    """A clause starts at "but", "however"..., or at "and"/"so" before a new subject ("..., and I love...")."""
    lower = doc.lower
    if lower[k] in CLAUSE_WORDS:
        return True
    if lower[k] in ("and", "so") and k + 1 < len(doc) and lower[k + 1] in _SUBJECT_PRONOUNS:
        return True
    # "I love building clean pipelines, I love the moment...": a new "I" straight after a content
    # word starts a clause (the comma is not a token).
    return lower[k] in SPEAKERS and k > 0 and lower[k - 1] not in _LINKS and lower[k - 1] not in _SUBJECT_PRONOUNS


def clause_of(doc: w.Text, i: int) -> tuple[int, int]:
    """The first and last word of the clause holding word ``i``."""
    sentence = doc.sentence
    first = i
    while first > 0 and sentence[first - 1] == sentence[i] and not _starts_clause(doc, first):
        first -= 1
    last = i
    while last + 1 < len(doc) and sentence[last + 1] == sentence[i] and not _starts_clause(doc, last + 1):
        last += 1
    return first, last


def looks_like_noun(doc: w.Text, i: int, entry: str) -> bool:
    """ "the launch", "our manager", "a mentor": the word of a verb entry used as a noun.

    Stems join "manage" and "manager"; a determiner before the word, or a
    noun ending the entry does not spell, tells them apart.
    """
    word = doc.lower[i]
    spelled = {part.strip().lower() for alternative in entry.split("|") for part in alternative.split()}
    if word not in spelled and word.endswith(_NOUN_ENDINGS):
        return True
    if word not in spelled and word.endswith("s") and not word.endswith("ss"):
        return True  # "guides", "leads": a plural, or someone else's deed ("she leads"), never "I"
    same = doc.sentence[i]
    nxt = i + 1 < len(doc) and doc.sentence[i + 1] == same
    if nxt and (doc.lower[i + 1] == "of" or is_past_word(doc.lower[i + 1], doc.stem[i + 1])):
        return True  # "head of digital", "the engineering lead drove"
    if i > 0 and doc.sentence[i - 1] == same and doc.lower[i - 1] in _DETERMINERS:
        return True
    return (i > 1 and doc.sentence[i - 2] == same and doc.lower[i - 2] in _DETERMINERS
            and doc.lower[i - 1] not in SPEAKERS and doc.lower[i - 1] not in _SUBJECT_PRONOUNS)


def subject_of(doc: w.Text, i: int) -> str:
    """Who does word ``i``: "speaker", "other", or "none" (a fragment: "Led a team of five").

    The nearest pronoun before it in its clause decides, unless a person who is
    not the speaker ("my manager", "Maria") stands right before the verb.
    """
    first, _ = clause_of(doc, i)
    lower = doc.lower
    j = i - 1
    while j >= first and lower[j] in _BETWEEN:
        j -= 1
    if j >= first and lower[j] not in SPEAKERS and (
            lower[j] in OTHER_PEOPLE or (doc.surface[j][:1].isupper() and j not in doc.starts and lower[j] != "i")):
        return "other"
    for k in range(i - 1, first - 1, -1):
        if lower[k] in SPEAKERS:
            return "speaker"
        if lower[k] in OTHER_SUBJECTS and (lower[k] not in ("that", "which", "this") or k == i - 1):
            return "other"
    return "none"


def is_intended(doc: w.Text, i: int) -> bool:
    """A wish, a plan or an ability rather than a deed: "I want to lead", "I will build", "taught me to build"."""
    first, _ = clause_of(doc, i)
    if any(doc.lower[k] in INTENTION for k in range(max(first, i - 5), i)):
        return True
    return i > first + 1 and doc.lower[i - 1] == "to" and doc.lower[i - 2] not in _DEED_BEFORE_TO


def is_done_by_speaker(doc: w.Text, i: int) -> bool:
    """The speaker did or does it (or a fragment with no subject says so), and it is not only planned."""
    return subject_of(doc, i) != "other" and not is_intended(doc, i)


def before_quantity(doc: w.Text, i: int) -> bool:
    """Word ``i`` comes before an amount: "just three days", "only a dozen stores", "just 40%"."""
    n = len(doc)
    k = i + 1
    if k < n and doc.sentence[k] == doc.sentence[i] and doc.lower[k] in _QUANTITY_LEADS:
        k += 1
    if k >= n or doc.sentence[k] != doc.sentence[i]:
        return False
    word = doc.lower[k]
    return word in FIGURE_WORDS or word in ("one", "few", "couple", "handful", "dozen") or any(ch.isdigit() for ch in word)


def after_determiner(doc: w.Text, i: int) -> bool:
    """ "the kind of work", "that sort of problem": word ``i`` names a kind, it does not soften."""
    return i > 0 and doc.sentence[i - 1] == doc.sentence[i] and doc.lower[i - 1] in _KIND_DETERMINERS


def not_an_amount(doc: w.Text, i: int) -> bool:
    """A figure that measures nothing done: a clock time ("by six", "2 a.m."), a cadence ("every two
    weeks") or a vague plural ("hundreds of reports")."""
    lower = doc.lower
    word = lower[i]
    if word in _VAGUE or (word[:1].isalpha() and any(ch.isdigit() for ch in word)):
        return True  # "hundreds of", or a code such as "I-5", "Q3", "A4"
    before = lower[i - 1] if i > 0 and doc.sentence[i - 1] == doc.sentence[i] else ""
    if before in ("every", "each"):
        return True
    after = lower[i + 1] if i + 1 < len(doc) else ""
    if after in ("am", "pm", "o'clock", "oclock") or (after in ("a", "p") and i + 2 < len(doc) and lower[i + 2] == "m"):
        return True  # "2 a.m.", "6pm": a clock time
    small = word in _CLOCK_WORDS or (word.isascii() and word.isdigit() and int(word) <= 12)  # "²".isdigit() too
    nxt = lower[i + 1] if i + 1 < len(doc) and doc.sentence[i + 1] == doc.sentence[i] else ""
    return before in _CLOCK_LEADS and small and nxt in ("", "and", "or", "in", "at", "on", "every", "sharp", "tonight")


def weightiest_figure(doc: w.Text, text: str, figures: list[int]) -> int:
    """The figure that carries the claim: a percentage or an amount of money over a number in digits,
    over a figure in words, so the coach quotes "25%" rather than "two"; the first of equals.

    Only the first dozen are weighed: each looks through the text, and the coach runs on every key.
    """
    best, weight = figures[0], -1
    for i in figures[:12]:
        if (this := _figure_weight(doc, text, i)) > weight:
            best, weight = i, this
        if weight == 2:
            break
    return best


def _figure_weight(doc: w.Text, text: str, i: int) -> int:
    if not any(ch.isdigit() for ch in doc.lower[i]):
        return 0
    shown = w.quote(doc, (i, i))
    after = doc.lower[i + 1] if i + 1 < len(doc) else ""
    return 2 if after == "percent" or shown + "%" in text or \
        any(mark + shown in text for mark in "$£€¥") else 1


def in_progress_for_past(doc: w.Text, i: int, entry: str) -> bool:
    """ "I am learning to" for an entry that spells "I learned to": in progress, not done. Stems join them."""
    word = doc.lower[i]
    if not word.endswith("ing"):
        return False
    spelled = [part.lower() for alternative in entry.split("|") for part in alternative.split()]
    return not any(p.endswith("ing") for p in spelled) and any(p.endswith(("ed", "nt")) for p in spelled)


def has_object(doc: w.Text, i: int) -> bool:
    """Feeling at word ``i`` says what it is about ("I love data engineering"), rather than
    pointing back ("That excites me", "I love it", "I'm thrilled")."""
    first, last = clause_of(doc, i)
    following = [doc.lower[k] for k in range(i + 1, min(last, i + 3) + 1)]
    before = [doc.lower[k] for k in range(max(first, i - 2), i)]
    if len(following) <= 1 or any(word in _POINTING_BACK for word in following + before):
        return False
    return not (following[0] == "that" or (before and before[-1] == "that"))  # "I love that the team ships weekly"


def negated(doc: w.Text, i: int) -> bool:
    """ "not excited", "never loved": a feeling denied."""
    first, _ = clause_of(doc, i)
    return any(doc.lower[k] in _NEGATIONS for k in range(max(first, i - 3), i))


def clause_has(doc: w.Text, i: int, stems: frozenset[str] | set[str], positions: set[int] | None = None) -> bool:
    """Does the clause of word ``i`` hold one of ``stems``, or one of ``positions``?"""
    first, last = clause_of(doc, i)
    return any(doc.stem[k] in stems or (positions is not None and k in positions) for k in range(first, last + 1))
