"""Company names to file names that stay inside the companies folder."""

from __future__ import annotations

import unicodedata

from tui.core.sanitize import has_control

MAX_LENGTH = 60
# File names are capped at 255 bytes on most file systems; the slug also carries
# "-NN.toml.conflict-YYYYmmdd-HHMMSS" and a temp prefix, so it keeps well under.
MAX_BYTES = 120
# Names Windows refuses as files; a notes folder synced to Windows must still work.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def clean_name(name: str) -> str:
    """The display name as stored: surrounding white space removed.

    Raises ValueError for a name with nothing visible in it.
    """
    cleaned = name.strip()
    if not cleaned or not any(ch.isprintable() and not ch.isspace() for ch in cleaned):
        raise ValueError("A company needs a name: it cannot be empty or only spaces.")
    if has_control(cleaned) or "\n" in cleaned or "\t" in cleaned:
        raise ValueError("A company name must be one line without control characters (newline, tab, escape).")
    return cleaned


def slugify(name: str) -> str:
    """A file-name stem for ``name``: lowercase letters and digits joined by dashes.

    Accents fold to ASCII where they can ("Café" -> "cafe"); other scripts
    stay as they are ("東京"). Separators, dots and slashes become dashes, so
    the result can never be "..", contain "/" or start with a dot.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", stripped).casefold()
    out: list[str] = []
    for ch in text:
        if ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    slug = "".join(out).strip("-")[:MAX_LENGTH]
    while len(slug.encode("utf-8")) > MAX_BYTES:  # 60 letters outside the BMP are 240 bytes
        slug = slug[:-1]
    slug = slug.strip("-")
    if not slug:
        slug = "company"
    if slug in _RESERVED:
        slug += "-co"
    return slug


CUSTOM_ID_WORDS = 24
"""Most characters of the prompt's words kept in a custom question's id (whole words only)."""


def custom_question_id(prompt: str, taken: set[str]) -> str:
    """``my-`` and the prompt's first whole words, with ``-2``, ``-3``... when that id is taken.

    Short, so a hand edit of the file stays readable, and never cut mid-word ("...-logistics-so").
    """
    words = slugify(prompt).split("-")
    kept = words[:1]
    for word in words[1:]:
        if len("-".join([*kept, word])) > CUSTOM_ID_WORDS:
            break
        kept.append(word)
    base = "my-" + "-".join(kept)[:CUSTOM_ID_WORDS * 2]
    qid, n = base, 2
    while qid in taken:
        qid, n = f"{base}-{n}", n + 1
    return qid
