"""Walks Helpline's chat protocol v1 with a client nobody on the team wrote: Python's `websockets`.

Usage: check.py PORT SECRET WEBHOOK_LOG TICKET_FILE
(the server runs with HELPLINE_IDENTITY_SECRET=SECRET and its ticket webhook pointing at
receiver.py, which logs to WEBHOOK_LOG; the opened ticket's id is written to TICKET_FILE)
Exits non-zero on the first failed check; prints one line per check.
"""
import asyncio
import base64
import hashlib
import hmac
import json
import os
import socket
import sys
import time

import websockets

PORT = int(sys.argv[1])
SECRET = sys.argv[2].encode()
WEBHOOK_LOG = sys.argv[3]
TICKET_FILE = sys.argv[4]
URL = f"ws://127.0.0.1:{PORT}/chat"
passed = 0


def check(name, condition, detail=""):
    global passed
    if not condition:
        print(f"FAIL {name}: {detail}")
        sys.exit(1)
    passed += 1
    print(f"ok   {name}")


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(claims, secret=SECRET, alg="HS256"):
    header = b64(json.dumps({"alg": alg, "typ": "JWT"}).encode())
    payload = b64(json.dumps(claims).encode())
    signing_input = f"{header}.{payload}".encode()
    signature = b"" if alg == "none" else hmac.new(secret, signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{b64(signature)}"


def claims(**overrides):
    base = {"sub": "u-1", "account": "acme", "plan": "business", "role": "owner", "exp": int(time.time()) + 600}
    base.update(overrides)
    return base


async def send(ws, message):
    await ws.send(json.dumps(message))
    return json.loads(await asyncio.wait_for(ws.recv(), 5))


async def closed_with(ws, payload):
    await ws.send(payload)
    try:
        await asyncio.wait_for(ws.recv(), 5)
    except websockets.ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else None
    return None


def raw_text_frame_close_code(payload):
    """Sends a text frame with `payload` bytes over a hand-made handshake: websockets refuses
    to send invalid UTF-8 as text, so this speaks RFC 6455 directly."""
    with socket.create_connection(("127.0.0.1", PORT), timeout=5) as sock:
        key = base64.b64encode(os.urandom(16)).decode()
        sock.sendall((f"GET /chat HTTP/1.1\r\nHost: 127.0.0.1:{PORT}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        response = b""
        while b"\r\n\r\n" not in response:
            response += sock.recv(4096)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + masked)
        frame = response.split(b"\r\n\r\n", 1)[1]
        while len(frame) < 4:
            frame += sock.recv(4096)
        if frame[0] & 0x0F != 0x8:
            return None
        return int.from_bytes(frame[2:4], "big")


async def main():
    async with websockets.connect(URL, subprotocols=["helpline.v1"]) as ws:
        check("subprotocol helpline.v1 is accepted", ws.subprotocol == "helpline.v1", ws.subprotocol)
        welcome = await send(ws, {"type": "hello"})
        check("anonymous welcome", welcome["type"] == "welcome" and welcome["user"] == {"plan": "free", "role": "member", "entitled": False}, welcome)
        session = welcome["session"]
        answer = await send(ws, {"type": "ask", "id": "q1", "text": "How do I reset my password?"})
        check("ask gets an answer", answer["type"] == "answer" and answer["replyTo"] == "q1", answer)
        article = answer["articles"][0]
        check("answer names its article", article["id"] == "reset-password" and set(article) >= {"id", "title", "snippet", "url", "section"}, article)
        check("confidence in [0, 1]", 0 < answer["confidence"] <= 1, answer["confidence"])
        nothing = await send(ws, {"type": "ask", "id": 7, "text": "What's the capital of France?"})
        check("no match escalates to self-service", nothing["type"] == "escalation" and nothing["outcome"] == "self_service" and nothing["replyTo"] == "7", nothing)
        unhelpful = await send(ws, {"type": "feedback", "replyTo": "q1", "helpful": False})
        check("unhelpful feedback escalates", unhelpful["type"] == "escalation" and unhelpful["replyTo"] == "q1", unhelpful)
        for i in range(5):
            await ws.send(json.dumps({"type": "ask", "id": f"p{i}", "text": "record a meeting"}))
        order = [json.loads(await asyncio.wait_for(ws.recv(), 5))["replyTo"] for _ in range(5)]
        check("pipelined questions are answered in order", order == [f"p{i}" for i in range(5)], order)
        await ws.send(["{\"type\": \"ask\", ", "\"id\": \"frag\", ", "\"text\": \"share my screen\"}"])
        fragmented = json.loads(await asyncio.wait_for(ws.recv(), 5))
        check("a fragmented message is reassembled", fragmented.get("replyTo") == "frag", fragmented)
        bad = await send(ws, {"type": "ask", "id": "b", "text": 42})
        check("wrong field type is bad_request", bad == {"type": "error", "code": "bad_request", "message": bad.get("message"), "replyTo": "b"}, bad)
        await ws.send("{not json")
        broken = json.loads(await asyncio.wait_for(ws.recv(), 5))
        check("broken JSON is bad_json", broken["type"] == "error" and broken["code"] == "bad_json", broken)
        unknown = await send(ws, {"type": "teleport"})
        check("unknown type is unknown_type", unknown["code"] == "unknown_type", unknown)
        operators = await send(ws, {"type": "ask", "id": "fts", "text": 'NEAR("title: * ^ AND OR NOT (")'})
        check("FTS5 syntax in a question is just words", operators["type"] in ("answer", "clarify", "escalation"), operators)
        still = await send(ws, {"type": "ask", "id": "after", "text": "turn on two-factor authentication"})
        check("the connection keeps serving after bad input", still["replyTo"] == "after", still)

    async with websockets.connect(URL) as ws:
        check("a client naming no subprotocol is accepted", ws.subprotocol is None)
        resumed = await send(ws, {"type": "hello", "session": session})
        check("an anonymous chat resumes by session", resumed["session"] == session, resumed)

    async with websockets.connect(URL) as ws:
        owner = await send(ws, {"type": "hello", "token": token(claims())})
        check("a valid token gives its plan and role", owner["user"] == {"plan": "business", "role": "owner", "entitled": True}, owner)
        other = await send(ws, {"type": "hello", "token": token(claims(sub="u-2")), "session": owner["session"]})
        check("another user's session is refused", other["type"] == "error" and other["code"] == "session_not_found", other)
    for name, bad_token in [
        ("forged", token(claims(plan="enterprise"), secret=b"not-the-secret")),
        ("expired", token(claims(exp=int(time.time()) - 3600))),
        ("alg none", token(claims(), alg="none")),
        ("garbage", "abc.def"),
    ]:
        async with websockets.connect(URL) as ws:
            refused = await send(ws, {"type": "hello", "token": bad_token})
            check(f"{name} token is refused", refused["type"] == "error" and refused["code"] == "invalid_token", refused)
            after = await send(ws, {"type": "hello"})
            check(f"after a {name} token the user is anonymous", after["user"]["plan"] == "free", after)

    async with websockets.connect(URL) as ws:
        await send(ws, {"type": "hello", "token": token(claims(sub="owner-9", account="acme-9"))})
        escalated = await send(ws, {"type": "ask", "id": "t1", "text": "Parlo is down for our whole company, nobody can join any meeting"})
        check("an outage report by a business owner opens an urgent ticket",
              escalated["type"] == "escalation" and escalated["outcome"] == "ticket" and escalated["ticket"]["priority"] == 1, escalated)
        ticket = escalated["ticket"]
        check("the ticket promises a response within the hour and offers every channel",
              ticket["priorityName"] == "Urgent" and ticket["channels"] == ["online", "chat", "phone"], ticket)
        with open(TICKET_FILE, "w") as f:
            f.write(ticket["id"])
    async with websockets.connect(URL) as ws:
        await send(ws, {"type": "hello", "token": token(claims(sub="member-9", role="member"))})
        member = await send(ws, {"type": "ask", "id": "m1", "text": "Our Salesforce integration stopped syncing contacts"})
        check("a member of a paid account gets self-service and is pointed to the owner",
              member["outcome"] == "self_service" and "owner" in member["text"], member)
    deadline = time.time() + 15
    deliveries = []
    while time.time() < deadline:
        try:
            with open(WEBHOOK_LOG) as log:
                deliveries = [json.loads(line) for line in log if line.strip()]
        except FileNotFoundError:
            deliveries = []
        if any(d["accepted"] for d in deliveries):
            break
        await asyncio.sleep(0.1)
    check("the webhook is retried after failures until accepted",
          len(deliveries) >= 3 and [d["accepted"] for d in deliveries][:3] == [False, False, True], deliveries)
    check("every delivery is signed with HMAC-SHA256", all(d["signed"] for d in deliveries))
    check("the delivered body is the ticket", deliveries[-1]["body"]["id"] == ticket["id"] and deliveries[-1]["body"]["priority"] == 1,
          deliveries[-1]["body"])

    async with websockets.connect(URL, max_size=None) as ws:
        check("a message over 16 KiB closes with 1009", await closed_with(ws, "x" * 20000) == 1009)
    async with websockets.connect(URL) as ws:
        check("a binary message closes with 1003", await closed_with(ws, b"\x00\x01\x02") == 1003)
    check("invalid UTF-8 closes with 1007", raw_text_frame_close_code(b"\xff\xfe\xfd") == 1007)
    try:
        async with websockets.connect(f"ws://127.0.0.1:{PORT}/elsewhere"):
            refused = False
    except (websockets.InvalidStatus, websockets.InvalidHandshake, OSError):
        refused = True
    check("a WebSocket at another path is refused", refused)
    print(f"protocol: {passed} passed, 0 failed")


asyncio.run(main())
