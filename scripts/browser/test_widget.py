"""The chat widget (public/widget/helpline.js) on the demo page (public/index.html), in headless chromium.

Each test saves a screenshot of the state it checks (see harness.screenshot).
"""
import re
import uuid
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from harness import Server, make_driver, screenshot, shadow_root, wait_for_js, wait_until

OUTAGE = "Nobody in our company can join any meeting, everything is down"
# A question with one clear answer (a clarification would show suggestions, not a card).
COVERED = "How do I share my screen?"
COVERED_TITLE = "Share your screen"
# A time as the browser may show it: "13:05" or "1:05 PM".
CLOCKS = (lambda t: t.strftime("%H:%M"), lambda t: f"{int(t.strftime('%I'))}:{t:%M} {t:%p}")
XSS = ['<script>window.__xss=1</script>', '<img src=x onerror="window.__xss=1">']


# --- driving the widget -----------------------------------------------------------------------

def open_demo(driver, server, path="/"):
    """Loads the demo page and waits until demo.js has mounted the widget."""
    driver.get(server.url(path))
    wait_for_js(driver, "window.Helpline && window.Helpline.state()", message="the demo page mounted no widget")
    return widget(driver)


def widget(driver):
    return shadow_root(driver, "[data-helpline]")


def sign_in(driver, token, plan):
    """Pastes `token` into the demo page, which mounts the widget again (Helpline.mount) with it."""
    driver.find_element(By.CSS_SELECTOR, "#paste summary").click()
    driver.find_element(By.ID, "token").send_keys(token)
    driver.find_element(By.CSS_SELECTOR, "#token-form button").click()
    wait_until(driver, lambda d: d.find_element(By.ID, "identity-detail").text.startswith(f"plan {plan},"))
    wait_until(driver, lambda d: f"plan {plan}," in d.find_element(By.ID, "identity-server").text,
               message=f"the server did not welcome a {plan} user")
    return widget(driver)


def launcher(root):
    return root.find_element(By.CSS_SELECTOR, ".hl-launcher")


def panel_open(root):
    return root.find_element(By.CSS_SELECTOR, ".hl-panel").is_displayed()


def bot_messages(root):
    return root.find_elements(By.CSS_SELECTOR, ".hl-msg.hl-bot")


def ask(driver, text):
    """Types `text` into the widget and presses Enter; returns the bot's reply bubble."""
    root = widget(driver)
    if not panel_open(root):
        launcher(root).click()
    before = len(bot_messages(root))
    field = root.find_element(By.CSS_SELECTOR, "textarea")
    field.send_keys(text)
    field.send_keys(Keys.ENTER)
    return wait_until(driver, lambda d: len(bot_messages(widget(d))) > before and bot_messages(widget(d))[-1],
                      message=f"no reply to {text!r}")


def cards(message):
    return message.find_elements(By.CSS_SELECTOR, ".hl-card")


def unique(name):
    return f"{name}-{uuid.uuid4().hex[:8]}"


# --- tests ------------------------------------------------------------------------------------

def test_a_covered_question_gets_an_answer_card(dev_server, driver):
    open_demo(driver, dev_server)
    reply = ask(driver, COVERED)
    [card] = cards(reply)
    assert card.find_element(By.CSS_SELECTOR, "h3").text == COVERED_TITLE
    assert "Click Share screen in the meeting toolbar" in card.find_element(By.CSS_SELECTOR, "p").text
    link = card.find_element(By.CSS_SELECTOR, "a")
    assert link.get_attribute("href").startswith("https://") and "share-your-screen" in link.get_attribute("href")
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert [b.text for b in reply.find_elements(By.CSS_SELECTOR, "button")] == ["Helpful", "Not helpful"]
    screenshot(driver, "answer-card")


def test_clarify_suggestions_are_buttons_that_ask(dev_server, driver):
    open_demo(driver, dev_server)
    reply = ask(driver, "How do I record a call?")
    group = reply.find_element(By.CSS_SELECTOR, "[role=group]")
    suggestions = group.find_elements(By.CSS_SELECTOR, "button")
    assert "Record a meeting" in [b.text for b in suggestions]
    screenshot(driver, "clarify")
    before = len(bot_messages(widget(driver)))
    next(b for b in suggestions if b.text == "Record a meeting").click()
    wait_until(driver, lambda d: len(bot_messages(widget(d))) > before, message="choosing a suggestion got no reply")
    root = widget(driver)
    chosen = root.find_elements(By.CSS_SELECTOR, ".hl-chosen")
    assert [b.text for b in chosen] == ["Record a meeting"] and not chosen[0].is_enabled()
    assert root.find_elements(By.CSS_SELECTOR, ".hl-user")[-1].text.endswith("Record a meeting")


def test_a_free_user_gets_the_self_service_card(dev_server, driver):
    open_demo(driver, dev_server)
    sign_in(driver, dev_server.mint_token(plan="free", role="owner", sub=unique("free")), "free")
    reply = ask(driver, COVERED)
    # An article answers it; "Not helpful" escalates, and a free plan means self-service.
    assert cards(reply)[0].find_element(By.CSS_SELECTOR, "h3").text == COVERED_TITLE
    before = len(bot_messages(widget(driver)))
    reply.find_element(By.XPATH, ".//button[.='Not helpful']").click()
    escalation = wait_until(driver, lambda d: len(bot_messages(widget(d))) > before and bot_messages(widget(d))[-1])
    [card] = cards(escalation)
    assert card.find_element(By.CSS_SELECTOR, "h3").text == "Self-service resources"
    links = card.find_elements(By.CSS_SELECTOR, "li a")
    assert links and all(a.get_attribute("href").startswith("https://") for a in links)
    assert "Ticket" not in escalation.text
    assert widget(driver).find_element(By.CSS_SELECTOR, ".hl-meta").text == "Thanks for your feedback."
    screenshot(driver, "free-self-service")


def test_an_enterprise_admin_reporting_an_outage_gets_a_priority_1_ticket_in_local_time(dev_server):
    browser = make_driver(timezone="Pacific/Auckland")
    try:
        open_demo(browser, dev_server)
        sign_in(browser, dev_server.mint_token(plan="enterprise", role="admin", sub=unique("admin")), "enterprise")
        asked = datetime.now(timezone.utc)
        reply = ask(browser, OUTAGE)
        [card] = cards(reply)
        assert re.fullmatch(r"Ticket HL-\d+", card.find_element(By.CSS_SELECTOR, "h3").text)
        assert "Priority: 1 · Urgent" in card.text
        due_element = card.find_element(By.CSS_SELECTOR, "time")
        due = datetime.fromisoformat(due_element.get_attribute("datetime").replace("Z", "+00:00"))
        assert 3590 <= (due - asked).total_seconds() <= 3700, "priority 1 is due one hour after the question"
        # The reader is in Auckland (UTC+12/13): the due time is shown in their zone, 12- or 24-hour.
        shown = due_element.text
        local = due.astimezone(ZoneInfo("Pacific/Auckland"))
        assert any(clock(local) in shown for clock in CLOCKS), f"{shown!r} is not Auckland time {local}"
        assert not any(clock(due) in shown for clock in CLOCKS), f"{shown!r} is UTC, not the reader's time"
        assert "live chat" in card.text and "phone" in card.text
        assert "Z." not in reply.text, "the reply's own sentence names the due time in local time too"
        screenshot(browser, "enterprise-ticket")
    finally:
        browser.quit()


def test_xss_strings_stay_inert_text(dev_server, driver):
    open_demo(driver, dev_server)
    scripts_before = driver.execute_script("return document.scripts.length")
    for text in XSS:
        ask(driver, text)
    root = widget(driver)
    users = [e.text for e in root.find_elements(By.CSS_SELECTOR, ".hl-user")]
    assert [u.split(":", 1)[-1].strip() for u in users] == XSS, users
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert driver.execute_script("return document.scripts.length") == scripts_before
    assert not driver.find_elements(By.CSS_SELECTOR, "img")
    assert not root.find_elements(By.CSS_SELECTOR, ".hl-log img, .hl-log script")
    screenshot(driver, "xss-inert")


def test_a_reload_resumes_the_conversation(dev_server, driver):
    open_demo(driver, dev_server)
    ask(driver, COVERED)
    session = driver.execute_script("return window.Helpline.state().session")
    driver.refresh()
    wait_for_js(driver, "window.Helpline && window.Helpline.state() && window.Helpline.state().connected",
                message="the widget did not reconnect after the reload")
    state = driver.execute_script("return window.Helpline.state()")
    assert state["session"] == session and state["open"]
    root = widget(driver)
    assert root.find_elements(By.CSS_SELECTOR, ".hl-user")[0].text.endswith(COVERED)
    [card] = cards(bot_messages(root)[0])
    assert card.find_element(By.CSS_SELECTOR, "h3").text == COVERED_TITLE
    assert not any("could not be continued" in n.text for n in root.find_elements(By.CSS_SELECTOR, ".hl-note"))
    screenshot(driver, "reload-resumed")
    # The server resumed the conversation too: feedback on the answer from before the reload
    # is understood (a new conversation would not know that answer and reply with an error).
    before = len(bot_messages(root))
    bot_messages(root)[0].find_element(By.XPATH, ".//button[.='Not helpful']").click()
    reply = wait_until(driver, lambda d: len(bot_messages(widget(d))) > before and bot_messages(widget(d))[-1])
    assert "hl-error" not in reply.get_attribute("class"), reply.text
    assert cards(reply)[0].find_element(By.CSS_SELECTOR, "h3").text == "Self-service resources"


def test_the_widget_is_usable_with_the_keyboard_and_has_aria_roles(dev_server, driver):
    root = open_demo(driver, dev_server)
    button = launcher(root)
    assert button.get_attribute("aria-label") == "Open support chat"
    assert button.get_attribute("aria-expanded") == "false"
    # Tab from the top of the page until focus is on the launcher (last in the tab order).
    focused = "(document.activeElement && document.activeElement.shadowRoot ? document.activeElement.shadowRoot.activeElement : null)"
    for _ in range(80):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script(f"const e = {focused}; return !!e && e.classList.contains('hl-launcher')"):
            break
    else:
        raise AssertionError("Tab never reached the launcher")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_until(driver, lambda d: panel_open(widget(d)), message="Enter did not open the panel")
    assert driver.execute_script(f"return {focused}.tagName") == "TEXTAREA", "the question field has focus"
    assert button.get_attribute("aria-expanded") == "true"
    panel = root.find_element(By.CSS_SELECTOR, ".hl-panel")
    assert panel.get_attribute("role") == "dialog"
    assert root.find_element(By.CSS_SELECTOR, "#" + panel.get_attribute("aria-labelledby")).text == "Helpline demo"
    assert root.find_element(By.CSS_SELECTOR, "[role=log]").get_attribute("aria-live") == "polite"
    assert root.find_elements(By.CSS_SELECTOR, ".hl-status[role=status]")
    assert root.find_element(By.CSS_SELECTOR, "label[for=hl-input]").get_attribute("textContent") == "Your question"
    ActionChains(driver).send_keys(COVERED, Keys.ENTER).perform()
    wait_until(driver, lambda d: cards(bot_messages(widget(d))[-1]) if bot_messages(widget(d)) else None)
    # The answer's feedback buttons are real buttons, one Shift+Tab from the field, and Enter presses them.
    ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    assert driver.execute_script(f"return {focused}.textContent") == "Not helpful"
    screenshot(driver, "keyboard")
    before = len(bot_messages(root))
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    wait_until(driver, lambda d: len(bot_messages(widget(d))) > before, message="Enter on 'Not helpful' did nothing")
    assert "Self-service resources" in bot_messages(root)[-1].text
    ActionChains(driver).send_keys(Keys.ESCAPE).perform()
    wait_until(driver, lambda d: not panel_open(widget(d)), message="Escape did not close the panel")
    assert driver.execute_script(f"return {focused}.className") == "hl-launcher", "focus returns to the launcher"


def test_a_phone_sized_screen_gets_a_full_screen_panel(dev_server):
    browser = make_driver(width=375, height=667)
    try:
        root = open_demo(browser, dev_server)
        # The demo page itself fits the phone: nothing is wider than the screen.
        assert browser.execute_script("return document.documentElement.scrollWidth") <= 375
        assert launcher(root).is_displayed()
        screenshot(browser, "phone-page")
        launcher(root).click()
        wait_until(browser, lambda d: panel_open(widget(d)))
        rect = browser.execute_script(
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height]",
            root.find_element(By.CSS_SELECTOR, ".hl-panel"))
        assert rect == [0, 0, 375, 667], rect
        reply = ask(browser, COVERED)
        assert cards(reply)
        field = root.find_element(By.CSS_SELECTOR, "textarea")
        bottom = browser.execute_script("return arguments[0].getBoundingClientRect().bottom", field)
        assert field.is_displayed() and bottom <= 667
        screenshot(browser, "phone")
    finally:
        browser.quit()


def test_danish_texts_with_data_locale_da(dev_server, driver):
    open_demo(driver, dev_server)
    # The tag any site uses, with data-locale="da": a second copy of the script replaces the first.
    driver.execute_script("""
        const tag = document.createElement('script');
        tag.src = '/widget/helpline.js';
        tag.dataset.locale = 'da';
        document.head.append(tag);""")
    wait_for_js(driver, "window.Helpline.state() && window.Helpline.state().locale === 'da'")
    assert len(driver.find_elements(By.CSS_SELECTOR, "[data-helpline]")) == 1
    root = widget(driver)
    assert launcher(root).get_attribute("aria-label") == "Åbn supportchat"
    launcher(root).click()
    assert root.find_element(By.CSS_SELECTOR, "textarea").get_attribute("placeholder") == "Skriv dit spørgsmål…"
    reply = ask(driver, "hvordan starter jeg en optagelse af et møde")
    assert cards(reply) and reply.find_element(By.CSS_SELECTOR, "a").text == "Læs artiklen"
    assert [b.text for b in reply.find_elements(By.CSS_SELECTOR, "button")] == ["Ja, det hjalp", "Nej, det hjalp ikke"]
    assert root.find_element(By.CSS_SELECTOR, ".hl-status").text == "Forbundet"
    screenshot(driver, "danish")


def test_the_dev_picker_switches_identity_and_escalation_path(dev_server, driver):
    open_demo(driver, dev_server)
    assert driver.find_element(By.ID, "dev-picker").is_displayed()
    assert driver.find_element(By.ID, "identity-name").text == "anonymous"
    driver.find_element(By.CSS_SELECTOR, "[data-plan=enterprise][data-role=admin]").click()
    wait_until(driver, lambda d: "may open tickets" in d.find_element(By.ID, "identity-server").text)
    assert driver.find_element(By.ID, "identity-name").text == "enterprise · admin"
    assert driver.find_element(By.CSS_SELECTOR, "[data-plan=enterprise][data-role=admin]").get_attribute("aria-pressed") == "true"
    ticket = ask(driver, OUTAGE)
    assert re.match(r"Ticket HL-\d+", cards(ticket)[0].find_element(By.CSS_SELECTOR, "h3").text)
    screenshot(driver, "picker-enterprise-admin")

    driver.find_element(By.CSS_SELECTOR, "[data-plan=enterprise][data-role=member]").click()
    wait_until(driver, lambda d: "self-service only" in d.find_element(By.ID, "identity-server").text)
    assert not bot_messages(widget(driver)), "another user starts a new conversation"
    # A member's outage report goes to self-service at once, the status page first.
    reply = ask(driver, OUTAGE)
    [card] = cards(reply)
    assert card.find_element(By.CSS_SELECTOR, "h3").text == "Self-service resources"
    assert "outage" in reply.text
    assert card.find_elements(By.CSS_SELECTOR, "li a")[0].text == "Check the Parlo service status"
    screenshot(driver, "picker-enterprise-member")


def test_without_dev_no_token_is_minted_and_the_picker_is_hidden(driver):
    with Server(dev=False) as server:
        assert server.get("/dev/token").status == 404
        assert server.get("/dev/token?plan=enterprise&role=admin").status == 404
        open_demo(driver, server)
        assert not driver.find_element(By.ID, "dev-picker").is_displayed()
        assert driver.find_element(By.ID, "no-dev").is_displayed()
        assert driver.find_element(By.ID, "identity-name").text == "anonymous"
        ask(driver, COVERED)
        wait_until(driver, lambda d: "plan free, role member" in d.find_element(By.ID, "identity-server").text)
        screenshot(driver, "no-dev")


def test_the_typing_indicator_shows_while_a_reply_is_on_its_way(dev_server, driver):
    root = open_demo(driver, dev_server)
    # Records every change of the indicator, so its brief appearance is seen without timing.
    driver.execute_script("""
        const typing = arguments[0];
        window.__typing = [];
        new MutationObserver(() => window.__typing.push(typing.hidden ? 'hidden' : typing.textContent))
            .observe(typing, {attributes: true, attributeFilter: ['hidden'], childList: true, subtree: true});""",
        root.find_element(By.CSS_SELECTOR, ".hl-typing"))
    ask(driver, COVERED)
    seen = driver.execute_script("return window.__typing")
    assert "Helpline is writing a reply…" in seen and seen[-1] == "hidden", seen
    assert root.find_element(By.CSS_SELECTOR, ".hl-typing").get_attribute("role") == "status"


def test_the_widget_reconnects_with_backoff_and_resumes_when_the_server_returns(tmp_path, driver):
    first = Server(dev=False, data=tmp_path / "data").start()
    port, secret = first.port, first.secret
    try:
        root = open_demo(driver, first)
        ask(driver, COVERED)
        session = driver.execute_script("return window.Helpline.state().session")
    finally:
        first.stop()
    status = root.find_element(By.CSS_SELECTOR, ".hl-status")
    wait_until(driver, lambda d: status.get_attribute("data-state") == "retry", message="no offline state")
    assert re.fullmatch(r"Offline, retrying in \d+ s", status.text), status.text
    # A question asked while offline waits for the connection instead of getting lost.
    field = root.find_element(By.CSS_SELECTOR, "textarea")
    field.send_keys("How do I reset my password?", Keys.ENTER)
    screenshot(driver, "offline-retrying")
    with Server(dev=False, secret=secret, data=tmp_path / "data", port=port):
        wait_until(driver, lambda d: status.get_attribute("data-state") == "online", timeout=20,
                   message="the widget did not reconnect")
        reply = wait_until(driver, lambda d: len(bot_messages(widget(d))) == 2 and bot_messages(widget(d))[-1])
        assert cards(reply), reply.text
        assert driver.execute_script("return window.Helpline.state().session") == session, "the same conversation"
        screenshot(driver, "reconnected")
