"""``finale serve``: the app in a browser tab, behind a token only the person who started it has.

textual-serve runs one app process per browser connection behind a small aiohttp
server, and has no authentication of its own: anyone who reached the port got every
company's notes. Here every request passes a gate first:

- the URL printed at start holds a fresh random token; the first request with it
  moves the token into an HttpOnly, SameSite=Strict cookie and redirects to a URL
  without it (so it leaves the address bar and the history);
- without the token or the cookie nothing is served (401): not the page, not the
  static files, not the websocket, so no app process starts;
- a websocket upgrade whose Origin is not the origin the page was served from is
  refused (403), which stops another site's page from driving the app through a
  browser that holds the cookie (cross-site websocket hijacking).

On ``ctrl+c`` every app process is asked to quit (each saves its notes as it does
on ``ctrl+q``); one that has not ended after a few seconds gets SIGTERM, which
also saves, then SIGKILL.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hmac
import ipaddress
import os
import secrets
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

PRIVATE_NAMES: list[tuple[type, str, str]] = [
    (Server, "_make_app", "the token gate: the middleware is added to the aiohttp app it builds"),
    (Server, "_process_messages", "a tab's keys and resizes reaching its app process"),
]
"""textual-serve's private names this module uses (pinned to 1.1.x in pyproject.toml); like
tui/textual_private.py for Textual, tests/test_serve.py fails, naming the feature, if one moves.
Kept here, not in that module, so the app's start-up never imports aiohttp."""

COOKIE = "finale_token"
STOP_SECONDS = 5.0
"""How long the app processes get to save and quit before they are sent SIGTERM."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab: this finale, with the same folders."""
    argv = [sys.executable, "-m", "tui"]
    for option in ("data_dir", "packs_dir", "config"):
        value = getattr(args, option, None)
        if value:
            argv += [f"--{option.replace('_', '-')}", str(Path(value).expanduser().resolve())]
    if getattr(args, "demo", False):
        argv.append("--demo")
    return "exec " + shlex.join(argv)


class FinaleServer(Server):
    """textual-serve's server with a token gate, an Origin check and a clean stop."""

    def __init__(self, command: str, host: str, port: int, token: str) -> None:
        super().__init__(command, host=host, port=port, title="finale")
        self.token = token
        self.services: set[AppService] = set()

    # -- the gate ---------------------------------------------------------------

    def _has_token(self, request: web.Request) -> bool:
        cookie = request.cookies.get(COOKIE, "")
        return bool(cookie) and hmac.compare_digest(cookie.encode(), self.token.encode())

    @web.middleware
    async def gate(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        offered = request.query.get("token", "")
        if offered and hmac.compare_digest(offered.encode(), self.token.encode()):
            # The token leaves the URL: a redirect to the same path, with the cookie set.
            query = {k: v for k, v in request.query.items() if k != "token"}
            target = request.rel_url.with_query(query) if query else request.rel_url.with_query(None)
            response = web.HTTPSeeOther(location=str(target))
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict", path="/")
            return response
        if not self._has_token(request):
            return web.Response(status=401, text="finale: this link needs the token finale serve printed.\n")
        if request.path == "/ws" and request.headers.get("Origin") != f"{request.scheme}://{request.host}":
            return web.Response(status=403, text="finale: refused a connection from another site.\n")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.gate)
        return app

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a logo and the bare URL here; finale prints its own line instead."""

    # -- pages that name their own origin ---------------------------------------

    async def handle_index(self, request: web.Request) -> Any:
        # The page's URLs use the address the browser used (an SSH tunnel's local port, say),
        # not the one finale bound to.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler, keeping each app process in ``services`` so a stop can reach it."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: AppService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            service = AppService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                                 close=close, download_manager=self.download_manager)
            self.services.add(service)
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # noqa: BLE001 - one tab's failure must not stop the server
            print(f"finale serve: a browser tab failed: {error}", file=sys.stderr)
        finally:
            if service is not None:
                await service.stop()
                self.services.discard(service)
        return websocket

    # -- stopping ---------------------------------------------------------------

    async def stop_apps(self) -> None:
        """Ask every app to quit (each saves), then make sure no process is left behind."""
        services = list(self.services)
        if services:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.gather(*(s.stop() for s in services), return_exceptions=True),
                                       STOP_SECONDS)
        await end_children(STOP_SECONDS)


def children() -> list[int]:
    """This process's running child processes (Linux /proc); textual-serve keeps their handles private.

    A child that has ended but is not yet reaped (a zombie, state Z) is not running: asyncio's
    child watcher, which textual-serve's subprocess waits on, reaps it.
    """
    me, found = str(os.getpid()), []
    for entry in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError):
            state, parent = entry.read_text().rsplit(")", 1)[1].split()[:2]
            if parent == me and state != "Z":
                found.append(int(entry.parent.name))
    return found


async def end_children(grace: float) -> None:
    """SIGTERM (finale saves on it) to any child still running, then SIGKILL after ``grace`` seconds."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        left = children()
        if not left:
            return
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        for _ in range(int(grace * 10)):
            await asyncio.sleep(0.1)
            if not children():
                return


async def _run(server: FinaleServer, host: str, port: int) -> None:
    app = await server._make_app()
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0]
    shown = f"[{bound[0]}]" if ":" in bound[0] else bound[0]
    print(f"finale serve: open http://{shown}:{bound[1]}/?token={server.token}", flush=True)
    print("finale serve: the link works only with its token; ctrl+c stops every tab and saves its notes.",
          flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        print("finale serve: stopping; saving every open tab's notes.", flush=True)
        await server.stop_apps()
        await runner.cleanup()


def serve(args: argparse.Namespace) -> int:
    host = args.host
    if not is_loopback(host) and not args.lan:
        print(f"finale: --host {host} would let other machines reach your notes; add --lan if you mean it, "
              "or keep the default and use an SSH tunnel (see the README).", file=sys.stderr)
        return 2
    if not is_loopback(host):
        print("finale serve: WARNING: this link is plain HTTP; anyone on the network path can read what you type. "
              "An SSH tunnel (ssh -L) is safer.", file=sys.stderr)
    token = secrets.token_urlsafe(24)
    server = FinaleServer(app_command(args), host, args.port, token)
    try:
        asyncio.run(_run(server, host, args.port))
    except OSError as error:
        print(f"finale: cannot serve on {host}:{args.port}: {error.strerror or error}", file=sys.stderr)
        return 1
    print("finale serve: stopped.", flush=True)
    return 0
