"""Shared pieces for Helpline's real-browser tests (scripts/browser/test_*.py, run by scripts/browser-test).

What a test gets from here (all stable API; the widget and dashboard tests both use it):

    Server(dev=True, secret=None, static=PUBLIC, knowledge=KNOWLEDGE, args=(), port=0, data=None)
        (data: a folder to use and keep, e.g. to restart a server on the same port and database)
        .start() / .stop() -> int (exit status) / context manager
        .port, .base_url ("http://127.0.0.1:P"), .url(path="/"), .ws_url, .data_dir, .secret
        .get(path, headers=None) -> Response(status, headers, body: bytes); .get_json(path, headers=None) -> (status, obj)
        .mint_token(plan="free", role="member", sub=None, account=None, ttl=None) -> str   (GET /dev/token; dev only)
        .sign_token(plan="free", role="member", sub="browser-user", account="browser-acme", ttl=3600) -> str
              (signs locally with .secret, for a server started without --dev)
    Server.attach(base_url) -> Server     one that is already running (not stopped by .stop())
    make_driver(width=1280, height=900, locale="en", timezone=None) -> selenium Chrome (headless chromium)
    screenshot(driver, name) -> Path       ${HELPLINE_SCREENSHOTS:-.build/screenshots}/<name>.png
    wait_until(driver, condition, timeout=WAIT, message="") -> the condition's truthy result
    wait_for_js(driver, expression, timeout=WAIT, message="") -> the expression's truthy value
    shadow_root(driver, host_selector) -> ShadowRoot (its find_element / find_elements take CSS)
    set_timezone(driver, zone)             the page's time zone (Chrome DevTools), e.g. "Europe/Copenhagen"

pytest fixtures (registered for every test file by conftest.py):
    dev_server   one `helpline serve --dev` for the whole run (session scope): the one
                 scripts/browser-test started ($HELPLINE_TEST_SERVER), else one started here
    driver       a fresh 1280x900 browser per test, quit afterwards

The binary is $HELPLINE_BIN (scripts/browser-test builds it and sets it). Nothing here sleeps
to synchronise: readiness is polled against a deadline, page state is awaited with WebDriverWait.
"""
import base64
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import namedtuple
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
PUBLIC = ROOT / "public"
SCREENSHOTS = Path(os.environ.get("HELPLINE_SCREENSHOTS") or ROOT / ".build" / "screenshots")
CHROMIUM = os.environ.get("HELPLINE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("HELPLINE_CHROMEDRIVER", "/usr/bin/chromedriver")
WAIT = 10.0  # seconds an explicit wait may take before the test fails
START_DEADLINE = 30.0  # seconds for the server to print its port and answer /healthz

Response = namedtuple("Response", "status headers body")


def helpline_binary():
    """The helpline executable to test: $HELPLINE_BIN, which scripts/browser-test always sets."""
    path = os.environ.get("HELPLINE_BIN")
    if not path:
        raise RuntimeError("HELPLINE_BIN is not set: run the browser tests through scripts/browser-test")
    if not os.access(path, os.X_OK):
        raise RuntimeError(f"HELPLINE_BIN={path} is not an executable")
    return path


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Server:
    """`helpline serve --port 0` on a fresh data folder, with the shipped knowledge and public/."""

    def __init__(self, dev=True, secret=None, static=PUBLIC, knowledge=KNOWLEDGE, args=(), port=0, data=None):
        self.dev = dev
        # Without --dev the server only checks tokens, so the tests need a secret to sign them with.
        self.secret = secret if secret is not None else (None if dev else "browser-test-" + secrets.token_hex(8))
        self.static = Path(static)
        self.knowledge = Path(knowledge)
        self.args = list(args)
        self.requested_port = port
        self.data = Path(data) if data else None
        self.process = None
        self.port = None
        self.workdir = None

    @classmethod
    def attach(cls, base_url):
        """A dev server someone else started and will stop."""
        server = cls(dev=True)
        server.port = urllib.parse.urlsplit(base_url).port
        return server

    @property
    def data_dir(self):
        return self.data or (Path(self.workdir) / "data" if self.workdir else None)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self):
        return f"ws://127.0.0.1:{self.port}/chat"

    def url(self, path="/"):
        return self.base_url + path

    def start(self):
        self.workdir = tempfile.mkdtemp(prefix="helpline-browser-")
        env = dict(os.environ)
        env.pop("HELPLINE_IDENTITY_SECRET_FILE", None)
        if self.secret:
            env["HELPLINE_IDENTITY_SECRET"] = self.secret
        else:
            env.pop("HELPLINE_IDENTITY_SECRET", None)
        command = [helpline_binary(), "serve", "--port", str(self.requested_port), "--host", "127.0.0.1",
                   "--data", str(self.data_dir), "--knowledge", str(self.knowledge), "--static", str(self.static)]
        if self.dev:
            command.append("--dev")
        command += self.args
        self._out = Path(self.workdir) / "stdout"
        self._err = Path(self.workdir) / "stderr"
        with open(self._out, "wb") as out, open(self._err, "wb") as err:
            self.process = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT, env=env)
        deadline = time.monotonic() + START_DEADLINE
        # First stdout line: "helpline: serving N articles on port P (ws://...)".
        while self.port is None:
            match = re.search(r"on port (\d+)", self._out.read_text(errors="replace"))
            if match:
                self.port = int(match.group(1))
                break
            self._check_alive(deadline, "print its port")
            time.sleep(0.05)  # polling a file, not synchronising on a guess
        while True:
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                pass
            self._check_alive(deadline, "answer /healthz")
            time.sleep(0.05)

    def _check_alive(self, deadline, what):
        if self.process.poll() is not None or time.monotonic() > deadline:
            status = self.stop()
            raise RuntimeError(f"helpline serve did not {what} (exit {status}):\n{self.stderr()}")

    def stderr(self):
        try:
            return self._err.read_text(errors="replace")
        except (OSError, AttributeError):
            return ""

    def stop(self):
        """SIGTERM, then the exit status (SIGKILL after 10 s); removes the data folder unless it was given."""
        status = None
        if self.process is not None:
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
            status = self.process.returncode
            self.process = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
        return status

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def get(self, path, headers=None):
        request = urllib.request.Request(self.url(path), headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=WAIT) as response:
                return Response(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, dict(error.headers), error.read())

    def get_json(self, path, headers=None):
        response = self.get(path, headers)
        try:
            return response.status, json.loads(response.body)
        except ValueError:
            return response.status, None

    def mint_token(self, plan="free", role="member", sub=None, account=None, ttl=None):
        """A token from the server's GET /dev/token (only a --dev server mints any)."""
        query = {"plan": plan, "role": role}
        for key, value in (("sub", sub), ("account", account), ("ttl", ttl)):
            if value is not None:
                query[key] = value
        status, body = self.get_json("/dev/token?" + urllib.parse.urlencode(query))
        if status != 200 or not isinstance(body, dict) or "token" not in body:
            raise AssertionError(f"/dev/token answered {status}: {body}")
        return body["token"]

    def sign_token(self, plan="free", role="member", sub="browser-user", account="browser-acme", ttl=3600):
        """A token signed here with the server's secret (HS256), as a host application would."""
        if not self.secret:
            raise RuntimeError("this server has no secret the tests know; use mint_token on a --dev server")
        header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        claims = {"sub": sub, "account": account, "plan": plan, "role": role, "exp": int(time.time()) + ttl}
        payload = _b64(json.dumps(claims).encode())
        signature = hmac.new(self.secret.encode(), f"{header}.{payload}".encode(), hashlib.sha256).digest()
        return f"{header}.{payload}.{_b64(signature)}"


def make_driver(width=1280, height=900, locale="en", timezone=None):
    """Headless Debian chromium through /usr/bin/chromedriver; Selenium Manager is never asked."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--hide-scrollbars",
                     f"--window-size={width},{height}", f"--lang={locale}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": locale})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    # --window-size sets the window; the page's viewport is what the layout sees.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
    if timezone:
        set_timezone(driver, timezone)
    return driver


def set_timezone(driver, zone):
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": zone})


def screenshot(driver, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if not driver.save_screenshot(str(path)):
        raise AssertionError(f"could not save screenshot {path}")
    return path


def wait_until(driver, condition, timeout=WAIT, message=""):
    """WebDriverWait(driver, timeout).until(condition): condition(driver) -> truthy value.

    An element the page re-rendered between finding and reading it (a stale reference) is a
    condition not met yet, polled again, not a failure: the pages redraw lists as data arrives."""
    return WebDriverWait(driver, timeout, poll_frequency=0.05,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition, message)


def wait_for_js(driver, expression, timeout=WAIT, message=""):
    """Waits until the JavaScript `expression` is truthy; returns its value."""
    return wait_until(driver, lambda d: d.execute_script("return (" + expression + ");"), timeout,
                      message or f"timed out waiting for: {expression}")


def shadow_root(driver, host_selector):
    return wait_until(driver, lambda d: d.find_element(By.CSS_SELECTOR, host_selector).shadow_root,
                      message=f"no shadow root on {host_selector}")


@pytest.fixture(scope="session")
def dev_server():
    if os.environ.get("HELPLINE_TEST_SERVER"):
        yield Server.attach(os.environ["HELPLINE_TEST_SERVER"])
        return
    server = Server(dev=True).start()
    yield server
    status = server.stop()
    assert status == 0, f"helpline serve exited with {status} after SIGTERM"


@pytest.fixture
def driver():
    browser = make_driver()
    yield browser
    browser.quit()
