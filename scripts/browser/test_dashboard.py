"""The review dashboard (/review/) in headless Chromium, over a day of traffic seeded through the chat.

The module starts its own `helpline serve --dev` on a fresh data folder, so every figure the
dashboard shows is known: the traffic below goes through the real chat protocol (`helpline chat`
in JSON-lines mode) with tokens from /dev/token, and the expectations come from those replies.
Screenshots of each state go to $HELPLINE_SCREENSHOTS (dashboard-*.png); the seeded day's
statistics are printed and written to dashboard-figures.json there.
"""
import json
import re
import shutil
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from harness import KNOWLEDGE, SCREENSHOTS, WAIT, Server, helpline_binary, make_driver, screenshot, wait_for_js, wait_until

XSS = "<img src=x onerror=window.__xss=1>"
CHEQUE = "Can I pay with a cheque?"
WEATHER = "Is the weather in Reykjavik sunny tomorrow?"

# One day of traffic: (plan, role, locale, questions). plan None = an anonymous visitor.
# Covered and uncovered questions in English and Danish, outages, requests for a person.
# Outage reports end their conversation: the classifier reads the conversation, so what
# follows one in the same chat would be urgent too.
TRAFFIC = [
    (None, None, "en", ["How do I reset my password?", "How do I record a meeting?", "How can I share my screen?", WEATHER]),
    ("free", "member", "en", [CHEQUE, "Can I pay for my subscription by cheque?", "Do you accept payment by cheque?", XSS,
                              "How do I turn on the waiting room?"]),
    ("pro", "owner", "en", ["How do I download an invoice?", "Can we get our invoices printed in Klingon?",
                            "I want to talk to a human"]),
    ("enterprise", "admin", "en", ["How do I add users to our account?",
                                   "Screen sharing is broken for our whole team in every meeting",
                                   "The service is down for everyone, nobody can join meetings and there is no workaround"]),
    ("business", "admin", "en", ["The poll results export is missing a column", "Breakout rooms do not open for some participants"]),
    ("business", "owner", "da", ["Hvordan optager jeg et møde?", "Kan vi betale med check?",
                                 "Tjenesten er nede, ingen af os kan komme ind i møder, og der er ingen løsning"]),
    ("education", "member", "da", ["Hvordan nulstiller jeg min adgangskode?", "Kan jeg få mødet oversat til klingonsk?",
                                   "Jeg vil gerne tale med et menneske"]),
]


def chat(server, questions, token=None, locale=None):
    """Asks `questions` through `helpline chat` (one per line in, one JSON reply per line out)."""
    command = [helpline_binary(), "chat", "--server", server.ws_url]
    if token:
        command += ["--token", token]
    if locale:
        command += ["--locale", locale]
    done = subprocess.run(command, input="\n".join(questions) + "\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(replies) == len(questions), done.stdout
    return replies


def api(server, path, token, method="GET", body=None):
    request = urllib.request.Request(server.url(path), method=method, headers={"Authorization": "Bearer " + token},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=WAIT) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def day():
    """The server, a lead token, every seeded reply and the API's view of the day."""
    # A copy of the help center: drafts written from the dashboard land in its drafts/ folder.
    knowledge = Path(tempfile.mkdtemp(prefix="helpline-dashboard-")) / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    server = Server(dev=True, knowledge=knowledge).start()
    try:
        replies = []
        for number, (plan, role, locale, questions) in enumerate(TRAFFIC):
            token = None if plan is None else server.mint_token(plan=plan, role=role, sub=f"user-{number}",
                                                                 account=f"account-{number}")
            replies += chat(server, questions, token, locale)
        lead = server.mint_token(role="lead", sub="lead-1", account="support")
        statistics = api(server, "/api/v1/statistics?days=14", lead)
        figures = {"date": statistics["days"][-1]["date"], "totals": statistics["totals"]}
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / "dashboard-figures.json").write_text(json.dumps(figures, indent=2) + "\n")
        print("seeded day:", json.dumps(figures, sort_keys=True))
        yield {"server": server, "lead": lead, "replies": replies, "statistics": statistics, "knowledge": knowledge}
    finally:
        status = server.stop()
        shutil.rmtree(knowledge.parent, ignore_errors=True)
    assert status == 0, f"helpline serve exited with {status} after SIGTERM"


def open_dashboard(driver, day, token=None):
    driver.get(day["server"].url("/review/#token=" + (token or day["lead"])))
    wait_for_js(driver, "document.querySelectorAll('#groups li.group').length > 0 && "
                        "document.querySelectorAll('#tickets tbody tr').length > 0 && "
                        "document.querySelectorAll('#charts svg.chart').length === 4", message="the dashboard did not load")


def full_page_screenshot(driver, name):
    """The whole page, not only the window: the viewport grows to the document's height."""
    width = driver.execute_script("return window.innerWidth")
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
    path = screenshot(driver, name)
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return path


def group_card(driver, phrase):
    """The group card whose examples include `phrase`."""
    for card in driver.find_elements(By.CSS_SELECTOR, "#groups li.group"):
        if any(phrase in li.text for li in card.find_elements(By.CSS_SELECTOR, ".examples li")):
            return card
    return None


def test_the_seeded_day_in_groups_queue_and_charts(driver, day, capsys):
    open_dashboard(driver, day)
    escalations = [r for r in day["replies"] if r["type"] == "escalation"]
    # A request for a person right after a question goes to that question's ticket: count each once.
    tickets = list({r["ticket"]["id"]: r["ticket"] for r in escalations if r["outcome"] == "ticket"}.values())
    assert tickets, "the seeded day opened no tickets"

    # Groups: every unanswered question is in one, largest first, and the UI shows the API's counts.
    # Unanswered: the escalated questions, and each clarify (the seed never picks a suggestion, so
    # each one is left unresolved by the next question or the end of the chat).
    clarifies = [r for r in day["replies"] if r["type"] == "clarify"]
    groups = api(day["server"], "/api/v1/groups?since=24h", day["lead"])["groups"]
    assert sum(g["count"] for g in groups) == len(escalations) + len(clarifies), (groups, escalations, clarifies)
    cards = driver.find_elements(By.CSS_SELECTOR, "#groups li.group")
    assert [c.get_attribute("data-group") for c in cards] == [str(g["id"]) for g in groups]
    counts = [int(re.match(r"(\d+) question", c.find_element(By.CSS_SELECTOR, ".count").text).group(1)) for c in cards]
    assert counts == [g["count"] for g in groups] and counts == sorted(counts, reverse=True)
    assert "3 questions" in group_card(driver, CHEQUE).text, "the three cheque questions are one group"

    # XSS: the question is shown as text, and its handler never ran.
    shown = group_card(driver, "onerror")
    assert shown is not None and XSS in shown.text
    assert driver.find_elements(By.CSS_SELECTOR, "#groups img") == []
    assert driver.execute_script("return typeof window.__xss") == "undefined"

    # Ticket queue: the seeded tickets, each with priority, question and a countdown that runs.
    rows = driver.find_elements(By.CSS_SELECTOR, "#tickets tbody tr")
    assert sorted(r.get_attribute("data-ticket") for r in rows) == sorted(t["id"] for t in tickets)
    urgent = next(t for t in tickets if t["priority"] == 1)
    row = driver.find_element(By.CSS_SELECTOR, f"#tickets tr[data-ticket='{urgent['id']}']")
    assert "1 Urgent" in row.text
    left = row.find_element(By.CSS_SELECTOR, ".left")
    first = left.text
    assert re.fullmatch(r"(\d+h \d\dm|\d+m) \d\ds left", first), first
    wait_until(driver, lambda d: left.text != first, message="the countdown does not move")

    # Charts: four SVGs with titles; today's bars are not empty and carry the day's figures.
    # "Today" is the statistics' last UTC day, so a run across midnight still finds the seeded one.
    today = day["statistics"]["days"][-1]["date"]
    totals = day["statistics"]["totals"]
    svgs = driver.find_elements(By.CSS_SELECTOR, "#charts svg.chart")
    assert all(s.find_element(By.TAG_NAME, "title").get_attribute("textContent") for s in svgs)
    bar = driver.find_element(By.CSS_SELECTOR, f"#charts rect[data-series='questions'][data-date='{today}']")
    assert int(bar.get_attribute("data-value")) == totals["questions"] > 0
    assert float(bar.get_attribute("height")) > 0
    stacked = driver.find_elements(By.CSS_SELECTOR, f"#charts rect[data-series^='p'][data-date='{today}']")
    assert sum(int(r.get_attribute("data-value")) for r in stacked) == totals["escalations"] == len(tickets)
    assert driver.find_elements(By.CSS_SELECTOR, f"#charts circle[data-date='{today}']"), "no rate points for today"
    # No ticket has been answered or reached its target yet, and the SLA chart says so instead of 0%.
    assert totals["slaAttainment"] is None
    assert driver.find_elements(By.CSS_SELECTOR, "#charts rect[data-series='slaAttainment']") == []
    assert "No ticket has a known outcome yet" in driver.find_element(By.ID, "charts").text
    assert driver.find_element(By.ID, "totals").text.startswith("Questions\n" + str(totals["questions"]))

    path = full_page_screenshot(driver, "dashboard-1280")
    with capsys.disabled():
        print(f"\ndashboard: seeded day {today}: {json.dumps(totals, sort_keys=True)}\ndashboard: screenshot {path}")


def test_group_details_show_phrasings_and_recent_questions(driver, day):
    open_dashboard(driver, day)
    card = group_card(driver, CHEQUE)
    card.find_element(By.CSS_SELECTOR, "[data-action='details']").click()
    dialog = wait_until(driver, lambda d: d.find_element(By.CSS_SELECTOR, "#group-detail[open]"))
    wait_until(driver, lambda d: len(dialog.find_elements(By.CSS_SELECTOR, ".recent tbody tr")) == 3)
    assert CHEQUE in dialog.find_element(By.CSS_SELECTOR, ".phrasings").text
    assert "free" in dialog.find_element(By.CSS_SELECTOR, ".recent tbody").text
    screenshot(driver, "dashboard-group-detail")
    dialog.find_element(By.ID, "detail-close").click()
    wait_until(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, "#group-detail[open]"))


def test_resolve_in_the_dashboard_answers_the_next_ask(driver, day):
    open_dashboard(driver, day)
    card = group_card(driver, CHEQUE)
    group = card.get_attribute("data-group")
    field = card.find_element(By.CSS_SELECTOR, "input[name='article']")
    field.clear()
    field.send_keys("no-such-article")
    card.find_element(By.CSS_SELECTOR, "[data-action='resolve']").click()
    error = wait_until(driver, lambda d: (e := card.find_element(By.CSS_SELECTOR, ".error")).is_displayed() and e)
    assert "(not_found)" in error.text
    screenshot(driver, "dashboard-resolve-unknown-article")

    field.clear()
    field.send_keys("payment-methods")
    card.find_element(By.CSS_SELECTOR, "[data-action='resolve']").click()
    notice = wait_until(driver, lambda d: (n := d.find_element(By.ID, "notice")).is_displayed() and n)
    assert f"Group #{group} resolved" in notice.text and "payment-methods" in notice.text
    wait_until(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, f"#groups li[data-group='{group}']"))
    screenshot(driver, "dashboard-resolved")

    reply = chat(day["server"], [CHEQUE], day["server"].mint_token(plan="free", role="member"), "en")[0]
    assert reply["type"] == "answer", reply
    assert reply["articles"][0]["id"] == "payment-methods"


def test_dismiss_removes_a_group(driver, day):
    open_dashboard(driver, day)
    card = group_card(driver, WEATHER)
    group = card.get_attribute("data-group")
    card.find_element(By.CSS_SELECTOR, "[data-action='dismiss']").click()
    confirm = card.find_element(By.CSS_SELECTOR, "[data-action='confirm-dismiss']")
    assert confirm.is_displayed()
    confirm.click()
    wait_until(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, f"#groups li[data-group='{group}']"))
    assert f"Group #{group} dismissed" in driver.find_element(By.ID, "notice").text
    assert all(g["id"] != int(group) for g in api(day["server"], "/api/v1/groups?since=24h", day["lead"])["groups"])
    # "closed too" brings it back, marked dismissed and without actions.
    driver.find_element(By.ID, "group-all").click()
    closed = wait_until(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f"#groups li[data-group='{group}']"))[0]
    assert "dismissed" in closed.find_element(By.CSS_SELECTOR, ".group-head").text
    assert closed.find_elements(By.CSS_SELECTOR, "[data-action='resolve']") == []


def test_locale_filter_and_draft(driver, day):
    open_dashboard(driver, day)
    danish = api(day["server"], "/api/v1/groups?since=24h&locale=da", day["lead"])["groups"]
    assert danish, "the seeded day has Danish groups"
    driver.find_element(By.CSS_SELECTOR, "#group-locale option[value='da']").click()
    wait_until(driver, lambda d: [c.get_attribute("data-group") for c in d.find_elements(By.CSS_SELECTOR, "#groups li.group")]
               == [str(g["id"]) for g in danish], message="the locale filter does not show the Danish groups")
    card = group_card(driver, "klingonsk")
    card.find_element(By.CSS_SELECTOR, "[data-action='draft']").click()
    notice = wait_until(driver, lambda d: (n := d.find_element(By.ID, "notice")).is_displayed() and n)
    written = re.search(r"draft written to (\S+\.md)", notice.text)
    assert written, notice.text
    drafts = list((day["knowledge"] / "drafts").glob("*.md"))
    assert [p.name for p in drafts] == [Path(written.group(1)).name]
    assert "klingonsk" in drafts[0].read_text()
    screenshot(driver, "dashboard-draft")


def test_a_member_token_gets_the_forbidden_message(driver, day):
    member = day["server"].mint_token(plan="enterprise", role="admin", sub="not-a-lead")
    driver.get(day["server"].url("/review/#token=" + member))
    alert = wait_until(driver, lambda d: (a := d.find_element(By.ID, "alert")).is_displayed() and a)
    assert "role is \"lead\"" in alert.text and "(forbidden" in alert.text
    assert not driver.find_element(By.ID, "dashboard").is_displayed()
    assert driver.find_element(By.ID, "sign-in").is_displayed()
    assert driver.execute_script("return sessionStorage.getItem('helpline.review.token')") is None
    assert driver.execute_script("return location.hash") == "", "the token leaves the address bar"
    screenshot(driver, "dashboard-forbidden")


def test_sign_in_by_pasting_and_with_the_dev_button(driver, day):
    driver.get(day["server"].url("/review/"))
    field = wait_until(driver, lambda d: (f := d.find_element(By.ID, "token")).is_displayed() and f)
    field.send_keys("not.a.token")
    driver.find_element(By.CSS_SELECTOR, "#token-form button[type='submit']").click()
    alert = wait_until(driver, lambda d: (a := d.find_element(By.ID, "alert")).is_displayed() and a)
    assert "(invalid_token" in alert.text

    dev = wait_until(driver, lambda d: (b := d.find_element(By.ID, "dev-token")).is_displayed() and b)
    screenshot(driver, "dashboard-sign-in")
    dev.click()
    wait_for_js(driver, "document.querySelectorAll('#groups li.group').length > 0")
    assert "(lead)" in driver.find_element(By.ID, "who").text
    assert not driver.find_element(By.ID, "alert").is_displayed()


def test_reload_knowledge_shows_the_report(driver, day):
    open_dashboard(driver, day)
    driver.find_element(By.ID, "reload-knowledge").click()
    report = wait_until(driver, lambda d: (r := d.find_element(By.ID, "knowledge-report")).is_displayed() and r)
    assert re.search(r"\d+ files: 0 added, 0 updated, 0 removed, \d+ unchanged", report.text), report.text


def test_queue_filters_and_phone_layout(day):
    phone = make_driver(width=390, height=844)
    try:
        open_dashboard(phone, day)
        width = phone.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, f"the page scrolls sideways on a phone ({width} px)"
        screenshot(phone, "dashboard-phone")
        phone.find_element(By.CSS_SELECTOR, "#ticket-priority option[value='1']").click()
        wait_until(phone, lambda d: all("1 Urgent" in r.text for r in d.find_elements(By.CSS_SELECTOR, "#tickets tbody tr"))
                   and d.find_elements(By.CSS_SELECTOR, "#tickets tbody tr"))
        phone.execute_script("document.getElementById('tickets-section').scrollIntoView()")
        screenshot(phone, "dashboard-phone-queue")
    finally:
        phone.quit()
