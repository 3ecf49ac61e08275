"""Hand-edited notes files: comments are kept aside before the first save, offsets are kept."""

from __future__ import annotations

import tomllib

from tests.helpers import NOW, make_store
from tui.core.comments import has_comments

HAND_WRITTEN = b'''# My notes for Acme: do not lose this line
format = 1

[company]
name = "Acme Robotics"  # the real name
role = "Senior PM"
interview_at = 2026-12-01T15:00:00Z

[answers.why-here]
text = """Not a # comment inside a string"""
updated_at = 2026-11-26T10:00:00+02:00

[[rehearsals]]
question = "why-here"
at = 2026-11-26T09:00:00Z
seconds = 95
rating = 3
'''


def _hand_written(tmp_path):
    store = make_store(tmp_path)
    store.companies.mkdir(parents=True)
    store.path_for("acme").write_bytes(HAND_WRITTEN)
    return store


def test_comments_are_found_outside_strings_only():
    assert has_comments(HAND_WRITTEN)
    assert not has_comments(b'a = "# not a comment"\nb = \'#\'\nc = """\n# inside\n"""\nd = \'\'\'#\'\'\'\n')
    assert has_comments(b'a = "x" # trailing\n')
    assert not has_comments(b'format = 1\n')


def test_the_first_save_keeps_a_commented_file_aside_and_says_so_once(tmp_path):
    store = _hand_written(tmp_path)
    loaded = store.load("acme")
    loaded.company.set_answer("right-fit", "Typed in finale.", NOW)
    digest = store.save("acme", loaded.company, loaded.digest)
    backup = store.path_for("acme").with_name("acme.toml.bak-comments")
    assert backup.read_bytes() == HAND_WRITTEN
    assert len(store.notices) == 1 and "acme.toml.bak-comments" in store.notices[0]
    loaded.company.set_answer("right-fit", "Typed again.", NOW)
    store.save("acme", loaded.company, digest)
    assert len(store.notices) == 1
    assert sorted(p.name for p in store.companies.iterdir()) == ["acme.toml", "acme.toml.bak-comments"]
    assert [e.slug for e in store.list()] == ["acme"]


def test_dates_with_offsets_are_written_back_as_they_were(tmp_path):
    store = _hand_written(tmp_path)
    loaded = store.load("acme")
    loaded.company.set_answer("right-fit", "Typed in finale.", NOW)
    store.save("acme", loaded.company, loaded.digest)
    text = store.path_for("acme").read_text(encoding="utf-8")
    assert "interview_at = 2026-12-01T15:00:00Z" in text
    assert "updated_at = 2026-11-26T10:00:00+02:00" in text
    assert "at = 2026-11-26T09:00:00Z" in text
    before, after = tomllib.loads(HAND_WRITTEN.decode()), tomllib.loads(text)
    assert after["company"]["interview_at"] == before["company"]["interview_at"]
    assert after["rehearsals"][0]["at"] == before["rehearsals"][0]["at"]


def test_an_offset_date_that_is_changed_is_written_as_local_time(tmp_path):
    store = _hand_written(tmp_path)
    loaded = store.load("acme")
    loaded.company.interview_at = loaded.company.interview_at.replace(hour=9)
    store.save("acme", loaded.company, loaded.digest)
    assert "interview_at = 2026-12-01 09:00:00" in store.path_for("acme").read_text(encoding="utf-8")


async def test_the_prepare_screen_says_once_that_comments_were_kept_aside(tmp_path):
    from textual.widgets import TextArea

    from tests.helpers import make_app, open_company

    _hand_written(tmp_path)
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_company(pilot)
        await pilot.press("down", "enter", "h", "i", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("!", "ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.query_one("#answer", TextArea).text == "hi!"
        kept = [n for n in app._notifications if "bak-comments" in str(n.message)]
        assert len(kept) == 1
