"""`finale serve`: nothing without the token, no foreign origins, every tab's words saved on ctrl+c."""

from __future__ import annotations

import asyncio
import subprocess
import time
import tomllib
from importlib.metadata import version
from pathlib import Path

import aiohttp
import pytest

from tests.helpers import acme, make_store
from tests.serving import FINALE, Served, serving
from tui.serve import PRIVATE_NAMES

UPGRADE = {"Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
           "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="}


async def _status(url: str, **kwargs) -> tuple[int, aiohttp.ClientResponse]:
    async with aiohttp.ClientSession() as http, http.get(url, allow_redirects=False, **kwargs) as response:
        await response.read()
        return response.status, response


def _no_app_started(served: Served) -> None:
    time.sleep(0.3)  # an app process would have been spawned by now
    assert served.descendants() == [], "a request without the token started an app process"


async def test_without_the_token_nothing_is_served_and_no_app_starts(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as served:
        assert served.url.startswith("http://127.0.0.1:"), "the default address must be loopback"
        for path in ("/", "/static/js/textual.js", "/static/css/xterm.css", "/ws", "/download/x"):
            status, _ = await _status(served.base + path)
            assert status == 401, path
        status, _ = await _status(served.base + "/ws", headers=UPGRADE)
        assert status == 401
        status, _ = await _status(served.base + "/?token=wrong" + served.token)
        assert status == 401
        _no_app_started(served)


async def test_the_token_moves_from_the_url_to_a_strict_cookie(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as served:
        status, response = await _status(served.url)
        assert status == 303 and response.headers["Location"] == "/"
        cookie = response.headers["Set-Cookie"]
        assert f"finale_token={served.token}" in cookie
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        status, response = await _status(served.base + "/", cookies={"finale_token": served.token})
        assert status == 200
        status, _ = await _status(served.base + "/static/js/textual.js", cookies={"finale_token": served.token})
        assert status == 200
        _no_app_started(served)


async def test_a_websocket_from_another_origin_is_refused(tmp_path: Path) -> None:
    with serving(tmp_path / "data") as served:
        cookies = {"finale_token": served.token}
        for origin in ("http://evil.example", served.base + ".evil.example", "null"):
            status, _ = await _status(served.base + "/ws", cookies=cookies, headers={**UPGRADE, "Origin": origin})
            assert status == 403, origin
        status, _ = await _status(served.base + "/ws", cookies=cookies, headers=UPGRADE)  # no Origin at all
        assert status == 403
        _no_app_started(served)


@pytest.mark.parametrize(("owner", "name", "feature"), PRIVATE_NAMES, ids=[n for _, n, _ in PRIVATE_NAMES])
def test_textual_serves_private_names_are_still_there(owner, name, feature) -> None:
    assert callable(getattr(owner, name, None)), (
        f"textual-serve {version('textual-serve')} moved {owner.__name__}.{name}: {feature} no longer works. "
        "Find the new way in tui/serve.py, and widen the textual-serve pin only once this passes.")


def test_another_host_needs_lan(tmp_path: Path) -> None:
    result = subprocess.run([FINALE, "--data-dir", str(tmp_path / "data"), "serve", "--host", "0.0.0.0"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "--lan" in result.stderr and "SSH tunnel" in result.stderr


def test_serve_help_documents_the_flags() -> None:
    result = subprocess.run([FINALE, "serve", "--help"], capture_output=True, text=True, timeout=30)
    for flag in ("--host", "--port", "--lan", "ssh -L"):
        assert flag in result.stdout


async def _type_in_a_tab(served: Served, keys: list[str], ready: bytes) -> None:
    jar = aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(cookie_jar=jar) as http:
        async with http.get(served.url) as response:  # the token becomes the cookie, as in a browser
            assert response.status == 200
        async with http.ws_connect(served.base + "/ws?width=80&height=24", origin=served.base) as ws:
            seen = b""
            deadline = time.monotonic() + 30
            while ready not in seen:
                assert time.monotonic() < deadline, f"the app never showed {ready!r}"
                message = await ws.receive(timeout=30)
                if message.type == aiohttp.WSMsgType.BINARY:
                    seen += message.data
            for key in keys:
                await ws.send_json(["stdin", key])
                await asyncio.sleep(0.3)
            assert served.descendants(), "the tab has no app process"
            stopped = asyncio.get_running_loop().run_in_executor(None, served.stop)
            output = await stopped
    assert "stopping" in output and "stopped." in output


@pytest.mark.e2e
async def test_stopping_the_server_saves_what_a_tab_typed_and_leaves_no_process(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).create(acme())
    with serving(data) as served:
        # The picker opens on Acme: enter opens it, enter again edits the first answer.
        await _type_in_a_tab(served, ["\r", "\r", "Typed in a browser tab, never saved by hand."], b"Acme")
        assert served.process.returncode == 0
        assert served.descendants() == [], "finale serve left an app process behind"
    notes = tomllib.loads((data / "companies" / "acme-robotics.toml").read_text(encoding="utf-8"))
    answers = [a.get("text", "") for a in notes.get("answers", {}).values()]
    assert any("Typed in a browser tab, never saved by hand." in text for text in answers), answers


@pytest.mark.e2e
async def test_every_tab_is_its_own_finale_and_ctrl_c_ends_them_all(tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).create(acme())
    with serving(data) as served:
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            async with http.get(served.url) as response:
                assert response.status == 200
            tabs = [await http.ws_connect(served.base + "/ws?width=80&height=24", origin=served.base)
                    for _ in range(2)]
            for ws in tabs:
                seen = b""
                while b"Acme" not in seen:
                    message = await ws.receive(timeout=30)
                    if message.type == aiohttp.WSMsgType.BINARY:
                        seen += message.data
            assert len(served.descendants()) == 2, "one finale process per tab"
            output = await asyncio.get_running_loop().run_in_executor(None, served.stop)
            for ws in tabs:
                await ws.close()
        assert "stopped." in output and served.process.returncode == 0
        assert served.descendants() == []
