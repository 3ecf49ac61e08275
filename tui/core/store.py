"""The notes store: one private TOML file per company, saved atomically, never clobbered."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from tui.core import bounded, notes
from tui.core.atomic import atomic_write, fsync_dir, private_dir, write_new
from tui.core.bounded import NotRegularFileError, TooDeepError, read_regular
from tui.core.comments import keep_commented
from tui.core.fsguard import VANISHED, remake_vanished
from tui.core.notes import Company, NotesFormatError
from tui.core.progress import soonest_first
from tui.core.record import Record
from tui.core.schema import Problem, syntax_position, type_name
from tui.core.slug import clean_name, slugify
from tui.core.sync_copies import SyncCopy, split_copies
from tui.core.toml_literals import lift_long_strings

# Migrations from format N to N+1, applied in order on load. Format 1 is the
# first, so there is none yet; the mechanism is tested with a stand-in.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class NotesError(Exception):
    """A notes file finale cannot use. It is left exactly as it is."""

    def __init__(self, path: Path, reason: str, line: int | None = None, fix: str = ""):
        self.path = path
        self.reason = reason
        self.line = line
        self.fix = fix
        super().__init__(str(self))

    @property
    def brief(self) -> str:
        """What is wrong and where, without the path or the fix: for a line that names the file already."""
        return f"line {self.line}: {self.reason}" if self.line else self.reason

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        text = f"{where}: {self.reason}"
        return f"{text}. {self.fix}" if self.fix else text


class ConflictError(Exception):
    """The file changed on disk since it was loaded; ours went to ``sibling`` instead."""

    def __init__(self, path: Path, sibling: Path):
        self.path = path
        self.sibling = sibling
        super().__init__(
            f"{path.name} changed on disk while you were editing. Nothing was overwritten: "
            f"your version is saved as {sibling.name} beside it."
        )


class _ChangedMeanwhile(Exception):
    """The file changed on disk while our temp file was being written."""


class SerializeError(ValueError):
    """The notes cannot be written as TOML that reads back identical."""


class Loaded(Record):
    _fields = ("slug", "company", "digest")

    def __init__(self, slug: str, company: Company, digest: str) -> None:
        self.slug = slug
        self.company = company
        self.digest = digest


class Entry(NamedTuple):
    """One file in the companies folder, usable or not."""

    slug: str
    path: Path
    company: Company | None = None
    error: NotesError | None = None
    digest: str = ""


def digest_of(data: bytes) -> str:
    import hashlib  # its OpenSSL start-up is a visible share of `finale review`'s time

    return hashlib.sha256(data).hexdigest()


# Arrays of tables written as [[name]] blocks, as the README documents them.
# tomli-w would write short ones as inline tables on one line, which reads
# badly once an answer or a question to ask grows.
_BLOCK_ARRAYS = ("asks", "custom_questions", "rehearsals")


def _flat(row: Any) -> bool:
    def nested(value: Any) -> bool:
        return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict) for v in value))

    return isinstance(row, dict) and not any(nested(v) for v in row.values())


def _dumps(doc: dict[str, Any], multiline: bool) -> str:
    import tomli_w  # TOML is read and written only when a file changed: `finale list` from its index never is

    lifted: dict[str, str] = {}
    if multiline:
        import secrets

        doc = lift_long_strings(doc, lifted, f"finale-literal-{secrets.token_hex(8)}")
    blocks = {k: v for k, v in doc.items() if k in _BLOCK_ARRAYS and isinstance(v, list) and all(_flat(r) for r in v)}
    rest = {k: v for k, v in doc.items() if k not in blocks}
    parts = [tomli_w.dumps(rest, multiline_strings=multiline)]
    for key, rows in blocks.items():
        parts += [f"[[{key}]]\n" + tomli_w.dumps(row, multiline_strings=multiline) for row in rows]
    text = "\n".join(parts)
    for token, value in lifted.items():
        # The newline right after the opening quotes is not part of the string: the text's first line is kept.
        text = text.replace(f'"{token}"', "'''\n" + value + "'''", 1)
    return text


def serialize(company: Company) -> bytes:
    """TOML bytes that parse back to exactly the document for ``company``.

    Multi-line strings keep answers readable, but tomli-w writes them with
    bare newlines, which would turn a typed CRLF into LF; when the check
    fails we fall back to escaped one-line strings, which are exact.
    """
    import tomllib

    doc = notes.to_document(company)
    for multiline in (True, False):
        text = _dumps(doc, multiline)
        try:
            if tomllib.loads(text) == doc:
                return text.encode("utf-8")
        except (tomllib.TOMLDecodeError, UnicodeEncodeError):
            continue
        except UnicodeError as error:  # pragma: no cover - defensive
            raise SerializeError(str(error)) from error
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise SerializeError(f"the text holds a character that cannot be saved as UTF-8 ({error.reason})") from None
    raise SerializeError("the notes do not survive a TOML round trip")


def parse(data: bytes, path: Path) -> tuple[dict[str, Any], int]:
    """Parse a notes file into (document, format); raise NotesError for anything unusable."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotesError(path, f"not UTF-8 text (bad byte at offset {error.start})", fix="Save the file as UTF-8.") from None
    import tomllib

    try:
        doc = bounded.loads(text)
    except (tomllib.TOMLDecodeError, TooDeepError) as error:  # too deep: no line to name, the reason says why
        line, column, reason = syntax_position(str(error))
        where = f" column {column}" if column else ""
        raise NotesError(
            path, f"TOML syntax error{where}: {reason}", line,
            fix="Fix that line in a text editor; finale will not write to this file until it parses.",
        ) from None
    version = doc.get("format")
    if version is None:
        raise NotesError(path, 'no "format" key', fix="Add the line format = 1 at the top of the file.")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        shown = type_name(version) if isinstance(version, bool) or not isinstance(version, int) else version
        raise NotesError(path, f'"format" must be a whole number, got {shown}', fix="Set format = 1.")
    if version > notes.FORMAT:
        raise NotesError(
            path, f"written by a newer finale (format {version}); this finale reads format {notes.FORMAT}",
            fix="Upgrade finale to open it.",
        )
    return doc, version


def company_from(data: bytes, path: Path) -> tuple[Company, int]:
    doc, version = parse(data, path)
    original = version
    while version < notes.FORMAT:
        doc = MIGRATIONS[version](doc)
        version += 1
    try:
        return notes.from_document(doc), original
    except NotesFormatError as error:
        first: Problem = error.problems[0]
        more = f" (and {len(error.problems) - 1} more)" if len(error.problems) > 1 else ""
        raise NotesError(path, f"{first}{more}", fix="Fix it in a text editor; finale leaves the file untouched.") from None


class NotesStore:
    """Reads and writes ``<root>/companies/<slug>.toml``."""

    def __init__(self, root: Path, clock: Callable[[], datetime] = datetime.now):
        self.root = Path(root)
        self.companies = self.root / "companies"
        self.trash = self.root / "trash"
        self.clock = clock
        self._lock = threading.Lock()
        # Test hook: runs after a save's temp file is fsynced, before the last "changed on disk?" check.
        self.on_temp_written: Callable[[Path], None] | None = None
        # Things the user should be told once (a commented file kept aside); the UI takes them.
        self.notices: list[str] = []

    def path_for(self, slug: str) -> Path:
        return self.companies / f"{slug}.toml"

    def _stamp(self) -> str:
        return self.clock().strftime("%Y%m%d-%H%M%S")

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Serialise writers in this process (a lock) and across processes (flock on the folder)."""
        private_dir(self.companies)
        with self._lock:
            fd = os.open(self.companies, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)

    # -- reading ---------------------------------------------------------

    def _split(self) -> tuple[list[str], dict[str, list[SyncCopy]]]:
        stems = [p.stem for p in self.companies.glob("*.toml") if not p.name.startswith(".")] if self.companies.is_dir() else []
        return split_copies(stems)  # a sync tool's copy of a company's file is not a company

    def slugs(self) -> list[str]:
        return self._split()[0]

    def sync_copies(self) -> dict[str, list[SyncCopy]]:
        """Each company's copies made by a sync tool (Syncthing, Dropbox...), by slug."""
        return self._split()[1]

    def read(self, slug: str, with_digest: bool = True) -> Entry:
        """One file as an Entry; ``with_digest=False`` skips hashing for read-only callers."""
        path = self.path_for(slug)
        try:
            data = read_regular(path)
        except FileNotFoundError:
            return Entry(slug, path, error=NotesError(path, "no such company file"))
        except OSError as error:
            fix = ("Move it out of the companies folder: finale reads only regular files."
                   if isinstance(error, NotRegularFileError) else "Check the file's permissions.")
            return Entry(slug, path, error=NotesError(path, f"cannot read: {error.strerror}", fix=fix))
        try:
            company, version = company_from(data, path)
        except NotesError as error:
            return Entry(slug, path, error=error, digest=digest_of(data) if with_digest else "")
        if version < notes.FORMAT:
            backup = path.with_name(f"{path.name}.bak-v{version}")
            with self._locked():
                if not backup.exists():
                    atomic_write(backup, data)
                migrated = serialize(company)
                atomic_write(path, migrated)
            return Entry(slug, path, company, digest=digest_of(migrated))
        return Entry(slug, path, company, digest=digest_of(data) if with_digest else "")

    def load(self, slug: str) -> Loaded:
        entry = self.read(slug)
        if entry.error:
            raise entry.error
        assert entry.company is not None
        return Loaded(slug, entry.company, entry.digest)

    def list(self) -> list[Entry]:
        """Every company file, soonest interview first; broken files included with their error."""
        now = self.clock()
        entries = [self.read(slug, with_digest=False) for slug in self.slugs()]

        def key(entry: Entry) -> tuple[object, ...]:
            company = entry.company
            if company is None:
                return soonest_first(None, entry.slug, now, broken=True)
            return soonest_first(company.interview_at, company.name, now)

        return sorted(entries, key=key)

    def disk_digest(self, slug: str) -> str | None:
        try:
            return digest_of(read_regular(self.path_for(slug)))
        except FileNotFoundError:
            return None

    # -- writing ---------------------------------------------------------

    def new_slug(self, name: str) -> str:
        base = slugify(name)
        slug, n = base, 2
        while os.path.lexists(self.path_for(slug)):  # a dangling link still holds its name
            slug, n = f"{base}-{n}", n + 1
        return slug

    def create(self, company: Company) -> Loaded:
        company.name = clean_name(company.name)
        data = serialize(company)
        with self._locked():
            slug = self.new_slug(company.name)
            atomic_write(self.path_for(slug), data)
        return Loaded(slug, company, digest_of(data))

    def save(self, slug: str, company: Company, base_digest: str | None) -> str:
        """Write ``company`` over the file loaded with ``base_digest``; return the new digest.

        If the file on disk is not the one we loaded (edited elsewhere, or
        broken since), it is left alone and ours goes to a sibling file with
        a name of its own: ConflictError says where. The check runs twice:
        before any writing (the cheap common case) and again after the temp
        file is written and fsynced, right before the rename, so a hand edit
        saved while our temp file was being written is not replaced.
        """
        data = serialize(company)
        path = self.path_for(slug)
        if remade := remake_vanished(self.companies, self.root):  # removed or moved away while open
            self.notices.append(VANISHED.format(folder=self.companies, name=path.name))
        with self._locked():
            current = self.disk_digest(slug)
            base_digest = None if remade and current is None else base_digest  # ours is the only version left
            if current != base_digest:
                raise self._conflict(path, data)
            if current is not None and current == digest_of(data):
                return current

            self._keep_comments(path)

            def still_ours() -> None:
                if self.on_temp_written is not None:
                    self.on_temp_written(path)
                if self.disk_digest(slug) != base_digest:
                    raise _ChangedMeanwhile

            try:
                atomic_write(path, data, before_replace=still_ours, within=self.root)
            except _ChangedMeanwhile:
                raise self._conflict(path, data) from None
        return digest_of(data)

    def _keep_comments(self, path: Path) -> None:
        try:
            kept = keep_commented(path, read_regular(path))
        except FileNotFoundError:
            return
        if kept is not None:
            self.notices.append(
                f"{path.name} had comments, which finale does not keep when it saves. The file as you wrote "
                f"it is kept as {kept.name} beside it.")

    def _conflict(self, path: Path, data: bytes) -> ConflictError:
        """Keep ``data`` beside ``path`` under a name no other writer has: ``.conflict-<time>[-N]``."""
        sibling = write_new(path.with_name(f"{path.name}.conflict-{self._stamp()}"), data)
        return ConflictError(path, sibling)

    def rename(self, slug: str, new_name: str) -> Loaded:
        """Give the company a new name and the file the matching slug.

        The new file is written before the old one is removed, so a crash
        in between leaves two copies, never none.
        """
        name = clean_name(new_name)
        loaded = self.load(slug)
        old_name = loaded.company.name
        loaded.company.name = name
        data = serialize(loaded.company)
        path = self.path_for(slug)
        with self._locked():
            if self.disk_digest(slug) != loaded.digest:
                raise NotesError(path, "changed on disk during the rename", fix="Try again.")
            new_slug = slug if slugify(name) == slugify(old_name) else self.new_slug(name)
            atomic_write(self.path_for(new_slug), data)
            if new_slug != slug:
                os.unlink(path)
                fsync_dir(self.companies)  # or a power cut brings the old name back beside the new
        return Loaded(new_slug, loaded.company, digest_of(data))

    def delete(self, slug: str) -> Path:
        """Move the file into the trash folder with a time stamp; never unlink it."""
        path = self.path_for(slug)
        with self._locked():
            private_dir(self.trash)
            target = self.trash / f"{slug}-{self._stamp()}.toml"
            n = 2
            while target.exists():
                target = self.trash / f"{slug}-{self._stamp()}-{n}.toml"
                n += 1
            os.replace(path, target)
            fsync_dir(self.trash)
            fsync_dir(self.companies)  # or a power cut brings the deleted company back
        return target
