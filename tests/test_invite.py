"""Rounds from a calendar invite, `finale round add`, and the follow-up draft."""

from __future__ import annotations

import os
import time
import tomllib
from datetime import datetime

import pytest

from tests.conftest import FIXTURES
from tests.helpers import make_store
from tui.cli import main
from tui.core.follow_up import draft, first_name
from tui.core.invite import InviteError, parse_invite, read_invite, shown
from tui.core.notes import Company
from tui.core.rounds import Debrief, Round

INVITE = FIXTURES / "hiring-manager.ics"


@pytest.fixture
def berlin():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_the_sample_invite_becomes_a_round_in_local_time(berlin):
    invite = read_invite(INVITE)
    assert invite.summary == "Hiring manager interview, Senior PM"
    assert invite.at == datetime(2026, 12, 8, 16, 0)  # 10:00 in New York is 16:00 in Berlin
    assert invite.people == ["Riley Chen (Recruiting)", "Dana Lee (VP Product)", "Ola Berg"]  # a folded line, read whole
    assert shown(invite.at, invite.zone) == "Tue 08 Dec 2026 16:00 CET (10:00 America/New_York in the invite)"


@pytest.mark.parametrize("data, says", [
    (b"not an invite at all", "not a calendar invite"),
    (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "no event in it"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "no start time"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "start time"),
    (b"\xff\xfe\x00", "not a calendar invite"),
])
def test_a_malformed_invite_is_one_line_that_says_why(data, says):
    with pytest.raises(InviteError) as error:
        parse_invite(data, "bad.ics")
    message = str(error.value)
    assert says in message and message.startswith("bad.ics: ") and "\n" not in message


def test_round_add_from_an_invite_writes_the_round_with_its_offset(data_dir, capsys, berlin):
    store = make_store(data_dir)
    store.create(Company("Acme", interview_at=datetime(2026, 12, 1, 10), interviewers=["Sam"]))
    assert main(["round", "add", "Acme", "--ics", str(INVITE), "--name", "Hiring manager"]) == 0
    assert capsys.readouterr().out == ('Added round "Hiring manager" to Acme: Tue 08 Dec 2026 16:00 CET (10:00 '
                                       'America/New_York in the invite), with Riley Chen (Recruiting), '
                                       'Dana Lee (VP Product), Ola Berg.\n')
    doc = tomllib.loads(store.path_for("acme").read_text())
    first, second = doc["rounds"]
    assert first == {"name": "Interview", "at": datetime(2026, 12, 1, 10), "interviewers": ["Sam"]}
    assert second["name"] == "Hiring manager" and second["at"].isoformat() == "2026-12-08T10:00:00-05:00"


def test_a_malformed_invite_creates_nothing(data_dir, tmp_path, capsys):
    store = make_store(data_dir)
    store.create(Company("Acme", interview_at=datetime(2026, 12, 1, 10)))
    before = store.path_for("acme").read_bytes()
    bad = tmp_path / "bad.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert main(["round", "add", "Acme", "--ics", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no start time" in err
    assert store.path_for("acme").read_bytes() == before
    assert main(["round", "add", "Acme", "--ics", str(tmp_path / "missing.ics")]) == 1
    assert "cannot read it" in capsys.readouterr().err
    assert store.path_for("acme").read_bytes() == before


def test_round_add_by_hand(data_dir, capsys):
    store = make_store(data_dir)
    store.create(Company("Acme"))
    assert main(["round", "add", "Acme", "--name", "Panel", "--at", "2026-12-15 09:30", "--with", "Kim, Lee"]) == 0
    [one] = tomllib.loads(store.path_for("acme").read_text())["rounds"]
    assert one == {"name": "Panel", "at": datetime(2026, 12, 15, 9, 30), "interviewers": ["Kim", "Lee"]}
    assert main(["round", "add", "Acme", "--name", "Final", "--at", "15/12"]) == 1
    assert "is not a date" in capsys.readouterr().err


def test_the_follow_up_draft_names_the_interviewers_and_one_thing_said():
    company = Company("Acme", "Senior PM")
    one = Round("Hiring manager", datetime(2026, 12, 8, 15), ["Dana Lee (VP Product)", "Ola Berg", "Kim"],
                Debrief(asked=["How would you grow retention?"], follow_up=["Send the roadmap deck"]))
    text = draft(company, one)
    assert "Hi Dana, Ola and Kim," in text
    assert 'our conversation about "How would you grow retention"' in text
    assert "- Send the roadmap deck" in text and "Tuesday" in text and "Senior PM role" in text
    assert first_name("  ") == ""


def test_export_follow_up_writes_the_draft_for_the_last_round(data_dir, monkeypatch, capsys):
    company = Company("Acme", rounds=[Round("Screen", datetime(2026, 12, 1, 10), ["Sam Park"],
                                            Debrief(notes="They liked the churn story.\nAsk about budget."))])
    make_store(data_dir).create(company)
    monkeypatch.setenv("FINALE_NOW", "2026-11-30T10:00")
    assert main(["export", "Acme", "--follow-up"]) == 1
    assert "nothing to follow up" in capsys.readouterr().err
    monkeypatch.setenv("FINALE_NOW", "2026-12-01T12:00")
    assert main(["export", "Acme", "--follow-up"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Subject: Thank you: Screen, Acme\n\nHi Sam,\n")
    assert '"They liked the churn story"' in out
