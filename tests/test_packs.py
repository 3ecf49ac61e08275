"""The pack loader: the default pack, every kind of broken pack, and odd but valid text."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.packs import PackError, default_pack_path, load_catalog, load_pack_file, parse_pack

MINIMAL = """
[pack]
id = "mini"
title = "Mini"
description = "A tiny pack"
version = "1"

[[questions]]
id = "q-one"
prompt = "Why?"
why_they_ask = "To see."
target_seconds = [30, 60]

[[questions.tips]]
title = "Be brief"
body = "Say less."
"""


def problems_of(text: str) -> str:
    with pytest.raises(PackError) as caught:
        parse_pack(text, Path("p.toml"))
    return str(caught.value)


def test_default_pack_teaches_the_four_questions_with_three_tips_each():
    pack = load_pack_file(default_pack_path(), builtin=True)
    assert [q.id for q in pack.questions] == ["why-here", "right-fit", "strengths-weaknesses", "questions-for-us"]
    for question in pack.questions:
        assert len(question.tips) == 3, question.id
        assert question.examples, question.id
        assert question.checks, question.id
        assert question.why_they_ask
        low, high = question.target_seconds
        assert 0 < low <= high
    assert {a.category for a in pack.asks} >= {"strategy", "collaboration", "culture", "challenges", "growth"}
    ids = {c.id for c in pack.checklist}
    assert {"products", "services", "market-position", "culture-values", "challenges", "product-direction"} <= ids
    assert pack.takeaways


def test_minimal_pack_parses():
    pack = parse_pack(MINIMAL, Path("p.toml"))
    assert pack.questions[0].target_seconds == (30, 60)
    assert pack.questions[0].tips[0].body == "Say less."


def test_syntax_error_names_line_and_column():
    text = MINIMAL.replace('title = "Be brief"', 'title = "Be brief')
    message = problems_of(text)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith('title = "Be brief'))
    assert f"p.toml:{line}:" in message
    assert "TOML syntax error" in message


def test_missing_field_names_the_key_path():
    message = problems_of(MINIMAL.replace('body = "Say less."', ""))
    assert 'questions[0].tips[0]: missing "body"' in message


def test_wrong_type_says_what_was_expected():
    message = problems_of(MINIMAL.replace('prompt = "Why?"', "prompt = 42"))
    assert "questions[0].prompt: expected a string, got an integer" in message


def test_unknown_key_suggests_the_close_one():
    message = problems_of(MINIMAL.replace('prompt = "Why?"', 'promt = "Why?"'))
    assert 'unknown key "promt" (did you mean "prompt"?)' in message


def test_bad_target_seconds():
    assert "expected 0 < min <= max" in problems_of(MINIMAL.replace("[30, 60]", "[90, 60]"))
    assert "two whole numbers" in problems_of(MINIMAL.replace("[30, 60]", "[30]"))


def test_bad_slug_and_duplicate_ids():
    assert "is not a slug" in problems_of(MINIMAL.replace('id = "q-one"', 'id = "Q One"'))
    doubled = MINIMAL + MINIMAL[MINIMAL.index("[[questions]]"):]
    assert 'question id "q-one" is used twice' in problems_of(doubled)


def test_every_problem_is_reported_at_once():
    text = MINIMAL.replace('prompt = "Why?"', "prompt = 1").replace('version = "1"', "")
    message = problems_of(text)
    assert 'pack: missing "version"' in message and "questions[0].prompt" in message


@pytest.mark.parametrize(
    "check, expected",
    [
        ('id = "c"\nkind = "lenght"\nmessage = "m"', 'unknown kind "lenght" (did you mean "length"?)'),
        ('id = "c"\nkind = "includes_any"\nmessage = "m"', 'questions[0].checks[0]: missing "words"'),
        ('id = "c"\nkind = "includes_any"\nmessage = "m"\nwords = "x"', "checks[0].words: expected an array"),
        ('id = "c"\nkind = "avoid"\nmessage = "m"\nwords = ["a"]\nmax = "2"', "checks[0].max: expected an integer"),
        ('id = "c"\nkind = "length"\nmessage = "m"\nmin = 2', 'unknown key "min"'),
        ('id = "c"\nkind = "length"\nmessage = "m"\ntip = "Be brif"', 'no tip titled "Be brif" in this question (did you mean "Be brief"?)'),
        ('id = "c"\nkind = "has_number"', 'missing "message"'),
    ],
)
def test_bad_checks_are_named(check, expected):
    assert expected in problems_of(MINIMAL + "\n[[questions.checks]]\n" + check + "\n")


def test_uses_research_items_must_exist_in_the_checklist():
    text = MINIMAL + '\n[[questions.checks]]\nid = "r"\nkind = "uses_research"\nmessage = "m"\nitems = ["nope"]\n'
    text += '\n[[checklist]]\nid = "products"\nlabel = "Products"\n'
    assert 'no checklist item "nope"' in problems_of(text)


def test_invalid_utf8_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(b"\xff\xfe[pack]")
    with pytest.raises(PackError, match="not UTF-8"):
        load_pack_file(path)


def test_a_broken_user_pack_does_not_stop_the_good_ones(tmp_path):
    packs = tmp_path / "mine"
    packs.mkdir()
    (packs / "broken.toml").write_text("[pack\n", encoding="utf-8")
    (packs / "mini.toml").write_text(MINIMAL, encoding="utf-8")
    catalog = load_catalog(packs)
    assert [p.id for p in catalog.packs] == ["closing-senior-pm", "mini"]
    assert len(catalog.errors) == 1 and "broken.toml" in str(catalog.errors[0])


def test_duplicate_question_ids_across_packs_name_both_files(tmp_path):
    packs = tmp_path / "mine"
    packs.mkdir()
    clash = MINIMAL.replace('id = "q-one"', 'id = "why-here"')
    (packs / "clash.toml").write_text(clash, encoding="utf-8")
    catalog = load_catalog(packs)
    message = str(catalog.errors[0])
    assert "clash.toml" in message and "closing-senior-pm.toml" in message and '"why-here"' in message


odd_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1)


@settings(max_examples=150, deadline=None)
@given(prompt=odd_text, body=odd_text, title=odd_text, example=st.text(st.characters(blacklist_categories=("Cs",))))
def test_any_valid_text_survives_the_loader(prompt, body, title, example):
    doc = {
        "pack": {"id": "odd", "title": title, "description": body, "version": "1"},
        "questions": [{
            "id": "odd-one", "prompt": prompt, "why_they_ask": "x", "target_seconds": [1, 2],
            "tips": [{"title": title, "body": body}], "examples": [example],
        }],
    }
    # Escaped strings: tomli-w's multi-line form turns \r\n into \n, a writer quirk, not ours.
    pack = parse_pack(tomli_w.dumps(doc), Path("odd.toml"))
    question = pack.questions[0]
    assert (question.prompt, question.tips[0].title, question.tips[0].body, question.examples) == (
        prompt, title, body, (example,),
    )
