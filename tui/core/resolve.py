"""Resolving a conflict: where keep yours (Y), keep theirs (T) and keep both (B) put every word.

While a conflict waits, the session holds: what the user types goes to memory
and to a recovery file beside the notes, never to the notes file, so no
answer's words end up split between the file and a copy. The choice decides:

- **theirs**: the notes in memory (the file's version and whatever was typed
  since) go to the notes file; the set-aside copy goes to the trash.
- **mine**: the set-aside copy becomes the notes file; the file's version and
  the recovery file (what was typed since, onto it) go to the trash.
- **both**: the notes in memory with the copy folded in go to the notes file;
  the copy goes to the trash.

The recovery file is removed only once its words are in the notes file or the
trash. A save that meets yet another change on disk becomes a new conflict
copy (and the hold goes on), never an overwrite.
"""

from __future__ import annotations

import copy
import os
from typing import TYPE_CHECKING, Literal

from tui.core.conflicts import ConflictCopy, keep_both, move_to_trash, set_aside
from tui.core.save_status import SaveState, SaveStatus

if TYPE_CHECKING:
    from tui.core.notes import Company
    from tui.core.session import CompanySession

Choice = Literal["mine", "theirs", "both"]


def resolve(session: CompanySession, choice: Choice, newest: ConflictCopy, mine: Company | None) -> SaveStatus:
    """Apply the user's choice to the newest conflict copy (UI thread; the screen handed its text over first).

    Returns the status of the save that settled it: SAVED when done; CONFLICT
    when the file changed yet again (the copy is done with all the same: a new
    copy holds this version); anything else leaves every file where it was.
    """
    # The last keys reach the recovery file while holding (a copy an earlier session left holds
    # too, from the moment the session opens); a session that is not holding saves them to the file.
    status = session.save_now()
    done = (SaveState.HELD, SaveState.CONFLICT) if session.holding else (SaveState.SAVED,)
    if status.state not in done:  # CONFLICT while holding: nothing typed since it, nothing to write
        return status
    notes: Company | None = None
    if choice == "mine":
        assert mine is not None
        set_aside(session.store, session.slug, session.store.clock())
        notes = copy.deepcopy(mine)
    elif choice == "both":
        assert mine is not None
        notes = keep_both(session.company, mine, newest.at)
    held = session.release()
    if notes is not None:
        session.replace_notes(notes)
    status = session.save_now()
    if status.state not in (SaveState.SAVED, SaveState.CONFLICT):
        if choice != "mine":
            session.hold(held)  # memory still has every word: hold on, into the same recovery file
        # (After "mine" the recovery file stays beside the notes with what was typed since.)
        return status
    if held is not None and choice == "mine":
        move_to_trash(session.store, held)  # what was typed since, on the file's version
    elif held is not None:
        held.unlink(missing_ok=True)  # its words are in the notes file (or a new conflict copy)
    if os.path.lexists(newest.path):  # removed by hand meanwhile: nothing is left to set aside
        move_to_trash(session.store, newest.path)
    return status
