"""finale in a real browser: Debian's Chromium, headless, driven by Playwright.

What the page shows is read from the bytes the browser's websocket receives,
replayed into pyte at the size the page asked for: the same bytes xterm.js draws.
Set FINALE_SCREENSHOTS=DIR to keep a PNG of each test's last screen (the README's
pictures are made that way).
"""

from __future__ import annotations

import json
import os
import shutil
import time
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pyte
import pytest

from tests.helpers import acme, make_store
from tests.serving import Served, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium found: the browser tests need Debian's chromium "
                       "package (apt-get install chromium; .ci/run installs it)"),
]
# Chromium's own calls home are refused on a closed network, many at a time: turn them off.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class Screen:
    """The terminal the page shows, rebuilt from the websocket's frames."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)

    def sent(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            return
        message = json.loads(payload)
        if message[0] == "resize":
            self.screen.resize(message[1]["height"], message[1]["width"])

    def received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.stream.feed(payload)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def open_tab(browser, served: Served, width: int, height: int) -> tuple[object, Screen]:
    page = browser.new_page(viewport={"width": width, "height": height})
    screen = Screen()

    def on_websocket(ws) -> None:
        if "width=" in ws.url and "height=" in ws.url:
            query = dict(part.split("=", 1) for part in ws.url.split("?", 1)[1].split("&"))
            screen.screen.resize(int(query["height"]), int(query["width"]))
        ws.on("framesent", screen.sent)
        ws.on("framereceived", screen.received)

    page.on("websocket", on_websocket)
    page.route("https://fonts.googleapis.com/**", lambda route: route.abort())  # no network here
    page.goto(served.url)
    return page, screen


def ready(page, screen: Screen, what: str) -> str:
    """Wait for ``what``, then give the terminal the keyboard (a person clicks into the tab)."""
    text = wait_for(page, screen, what)
    page.locator(".xterm-helper-textarea").focus()
    return text


def edit_first_answer(page, screen: Screen) -> None:
    """From the picker, as a person does: open Acme (enter), then edit its first answer (enter)."""
    ready(page, screen, "Acme Robotics")
    page.keyboard.press("Enter")
    wait_for(page, screen, "Why do you want")
    page.keyboard.press("Enter")


def wait_for(page, screen: Screen, what: Callable[[str], bool] | str, timeout: float = 30) -> str:
    test = (lambda text: what in text) if isinstance(what, str) else what
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if test(screen.text):
            return screen.text
    raise AssertionError(f"never shown: {what!r}; the screen:\n{screen.text}")


def keep(page, name: str) -> None:
    folder = os.environ.get("FINALE_SCREENSHOTS")
    if folder:
        page.wait_for_timeout(500)  # xterm.js draws on the next animation frame
        page.screenshot(path=str(Path(folder) / name))


def test_without_the_token_the_browser_gets_nothing(browser, tmp_path: Path) -> None:
    with serving(tmp_path / "data") as served:
        page = browser.new_page()
        response = page.goto(served.base + "/")
        assert response.status == 401
        assert "needs the token" in page.content()
        assert served.descendants() == []


def test_a_page_from_another_site_cannot_open_the_app(browser, tmp_path: Path) -> None:
    """Cross-site websocket hijacking: the user has the cookie, another site's page tries the socket."""
    import http.server
    import threading

    with serving(tmp_path / "data") as served:
        page, screen = open_tab(browser, served, 1000, 640)  # the user's own tab: the cookie is set
        wait_for(page, screen, "companies")
        before = len(served.descendants())
        evil = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
        threading.Thread(target=evil.serve_forever, daemon=True).start()
        try:
            other = browser.new_page()
            other.goto(f"http://127.0.0.1:{evil.server_address[1]}/")  # another origin (another port)
            outcome = other.evaluate("""url => new Promise(done => {
                const ws = new WebSocket(url);
                ws.onopen = () => done("open");
                ws.onerror = () => done("refused");
            })""", served.base.replace("http", "ws") + "/ws")
        finally:
            evil.shutdown()
        assert outcome == "refused"
        assert len(served.descendants()) == before, "another site's page started an app process"


def test_an_answer_typed_in_the_browser_is_in_the_notes_file(browser, tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).create(acme())
    with serving(data) as served:
        page, screen = open_tab(browser, served, 1000, 640)
        assert "token=" not in page.url, "the token must leave the address bar"
        edit_first_answer(page, screen)
        page.keyboard.type(" Typed in Chromium.")
        page.keyboard.press("Control+s")
        wait_for(page, screen, "Chromium.")
        keep(page, "browser-prepare.png")
        path = data / "companies" / "acme-robotics.toml"
        deadline = time.monotonic() + 10
        while "Typed in Chromium." not in path.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "ctrl+s in the browser did not save"
            time.sleep(0.1)


def test_a_phone_sized_tab_shows_the_review(browser, tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).create(acme())
    with serving(data) as served:
        page, screen = open_tab(browser, served, 390, 844)
        ready(page, screen, "Acme")
        assert screen.screen.columns <= 50, "a phone gets about 45 columns"
        page.keyboard.press("v")
        text = wait_for(page, screen, "What are the key initiatives?")
        assert "Acme Robotics" in text
        keep(page, "browser-phone-review.png")


def test_stopping_the_server_saves_every_tab(browser, tmp_path: Path) -> None:
    data = tmp_path / "data"
    make_store(data).create(acme())
    with serving(data) as served:
        page, screen = open_tab(browser, served, 1000, 640)
        edit_first_answer(page, screen)
        page.keyboard.type(" Never saved by hand.")
        wait_for(page, screen, "hand.")
        assert served.descendants()
        served.stop()
        assert served.descendants() == []
    notes = tomllib.loads((data / "companies" / "acme-robotics.toml").read_text(encoding="utf-8"))
    assert any("Never saved by hand." in a.get("text", "") for a in notes["answers"].values())
