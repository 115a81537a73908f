"""A webhook receiver for the protocol check: refuses the first FAILS deliveries with 500, then
accepts; writes each request (signature check, body) as a JSON line to LOG.

Usage: receiver.py PORTFILE LOG SECRET FAILS
"""
import hashlib
import hmac
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

port_file, log_path, secret, fails = sys.argv[1], sys.argv[2], sys.argv[3].encode(), int(sys.argv[4])
seen = 0


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        global seen
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        signed = hmac.compare_digest(self.headers.get("X-Helpline-Signature", ""), expected)
        seen += 1
        accepted = seen > fails
        with open(log_path, "a") as log:
            log.write(json.dumps({"attempt": seen, "accepted": accepted, "signed": signed, "body": json.loads(body)}) + "\n")
        self.send_response(200 if accepted else 500)
        self.end_headers()

    def log_message(self, *args):
        pass


server = HTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_port))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
