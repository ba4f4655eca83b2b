"""The report in a real headless Chromium, served over HTTP: it loads, its charts render, a brief is reachable.

Chromium is driven through the Chrome DevTools Protocol over ``--remote-debugging-pipe``
(file descriptors 3 and 4, NUL-separated JSON): no port to pick, no websocket client,
no browser download. ``.ci/run`` installs Debian's ``chromium``; without it the tests
skip and say why.
"""

from __future__ import annotations

import base64
import contextlib
import functools
import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from nato_briefs.report import build_report
from tests.test_report import BALTIC, DOC_ID, PNG_MAGIC, RUSSIA, SEED0_ID, write_prose, write_sample

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT = 60.0

pytestmark = [
    pytest.mark.slow,  # a real browser: seconds to start, and its own processes
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian chromium is not installed (.ci/run installs it: apt-get install chromium)"
    ),
]


class _Handler(SimpleHTTPRequestHandler):
    requests: list[tuple[str, int]]

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        self.requests.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test looks at ``requests``, not at a log on stderr."""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, list[tuple[str, int]]]]:
    """The report folder of a sample root with the prose datasets, on localhost; yields (base URL, requests)."""
    out = write_sample(tmp_path / "out")
    write_prose(out)
    build_report(out)
    requests: list[tuple[str, int]] = []
    handler = type("Handler", (_Handler,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(out / "report")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


_TRAMPOLINE = """
import fcntl, os, sys
high = [fcntl.fcntl(int(fd), fcntl.F_DUPFD, 10) for fd in sys.argv[1:3]]
for fd in sys.argv[1:3]:
    os.close(int(fd))
for wanted, fd in zip((3, 4), high):
    os.dup2(fd, wanted)
    os.close(fd)
os.execv(sys.argv[3], sys.argv[3:])
"""


class Browser:
    """A headless Chromium and one page of it, spoken to over the DevTools protocol pipe."""

    def __init__(self, profile: Path) -> None:
        to_chrome, self._write = os.pipe()
        self._read, from_chrome = os.pipe()
        # The protocol pipe must be fds 3 and 4 in Chromium: a small Python trampoline moves them there.
        command = [
            sys.executable,
            "-c",
            _TRAMPOLINE,
            str(to_chrome),
            str(from_chrome),
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        self._log = (profile.parent / "chromium.log").open("wb")
        self.process = subprocess.Popen(
            command,
            pass_fds=(to_chrome, from_chrome),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        os.close(to_chrome)
        os.close(from_chrome)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(f"{domain}.enable", session=self.session)

    def _message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._read], [], [], left)[0]:
                raise TimeoutError("no answer from chromium")
            chunk = os.read(self._read, 1 << 20)
            if not chunk:
                raise ConnectionError("chromium closed the protocol pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = session
        os.write(self._write, json.dumps(request).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._message(deadline)
            if message.get("id") == self._next_id:
                assert "error" not in message, f"{method}: {message['error']}"
                return message["result"]
            self.events.append(message)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, message in enumerate(self.events):
                if message.get("method") == event:
                    return self.events.pop(i)
            self.events.append(self._message(deadline))

    def open(self, url: str) -> None:
        self.events = [m for m in self.events if m.get("method") != "Page.loadEventFired"]
        self.call("Page.navigate", {"url": url}, self.session)
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, self.session)
        assert "exceptionDetails" not in answer, answer["exceptionDetails"]
        return answer["result"].get("value")

    def errors(self) -> list[str]:
        """Errors the page logged (a blocked resource, a CSP violation), the missing favicon aside."""
        entries = [m["params"]["entry"] for m in self.events if m.get("method") == "Log.entryAdded"]
        return [
            f"{x.get('url')}: {x.get('text')}"
            for x in entries
            if x.get("level") == "error" and "favicon" not in str(x.get("url"))
        ]

    def close(self) -> None:
        with contextlib.suppress(TimeoutError, ConnectionError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # our own Chromium's process group, nothing else
            self.process.wait(timeout=20)
        for fd in (self._read, self._write):
            os.close(fd)
        self._log.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    chrome = Browser(tmp_path / "profile")
    try:
        yield chrome
    finally:
        chrome.close()


IMAGES = "[...document.images].map(i => ({src: i.getAttribute('src'), ok: i.complete, w: i.naturalWidth}))"
TARGET = """(() => {
  const t = document.querySelector(':target');
  if (!t) return null;
  const box = t.getBoundingClientRect();
  const rows = [...t.querySelectorAll('table')[0].rows].map(r => [...r.cells].map(c => c.innerText.trim()));
  return {id: t.id, top: box.top, height: innerHeight, title: t.querySelector('h2').innerText, rows: rows};
})()"""


def test_the_page_loads_and_its_charts_render(served: tuple[str, list], browser: Browser) -> None:
    base, requests = served
    browser.open(f"{base}/index.html")
    assert browser.js("document.title") == "nato-briefs report"
    images = browser.js(IMAGES)
    assert {i["src"] for i in images} == {
        "documents.png",
        "themes.png",
        "areas.png",
        "validation.png",
        "statements.png",
        "countries.png",
    }
    assert all(i["ok"] and i["w"] > 300 for i in images), images  # decoded, not a broken-image icon
    headings = browser.js("[...document.querySelectorAll('h2')].map(h => h.innerText)")
    assert "Countries × themes" in headings and "Document briefs" in headings
    assert not browser.errors()
    assert all(status == 200 for path, status in requests if "favicon" not in path), requests
    shot = base64.b64decode(browser.call("Page.captureScreenshot", {"format": "png"}, browser.session)["data"])
    assert shot[:8] == PNG_MAGIC and len(shot) > 20_000  # a blank page compresses far below this


def test_a_document_brief_is_reachable_from_the_index(served: tuple[str, list], browser: Browser) -> None:
    base, _ = served
    browser.call(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1280, "height": 500, "deviceScaleFactor": 1, "mobile": False},
        browser.session,
    )
    for doc_id, title, expected in (
        (
            SEED0_ID,
            "NATO Leadership Meeting",
            [
                ["3", "priority", "Deterrence & posture", "RUS", RUSSIA, "main topics"],
                ["3", "commitment", "Deterrence & posture", "EST, LTU, LVA", BALTIC, "steps include"],
            ],
        ),
        (
            DOC_ID,
            "NATO Deputy Secretary General Engages",
            [
                [
                    "1",
                    "commitment",
                    "Partnerships",
                    "",
                    "The visit aims to strengthen cooperation on key security challenges.",
                    "aims to",
                ]
            ],
        ),
    ):
        browser.open(f"{base}/index.html")
        anchor = f"doc-{doc_id[:12]}"
        # Follow the index's own link, as a reader would.
        assert browser.js(f"document.querySelector('#briefs a[href$=\"#{anchor}\"]').click() || true")
        browser.wait_for("Page.loadEventFired")
        assert browser.js("location.pathname + location.hash") == f"/briefs/1.html#{anchor}"
        target = browser.js(TARGET)
        assert target is not None and target["id"] == anchor and target["title"] == title
        assert 0 <= target["top"] < target["height"], target  # scrolled into view
        assert target["rows"][0] == ["line", "kind", "theme", "countries", "statement", "cue"]
        for row in expected:
            assert row in target["rows"], target["rows"]
    assert not browser.errors()
