#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs the CalDAV client's test program against a real Radicale (data/caldav's
set-up, tests/caldav/radicale_server.py) and an https server whose
self-signed certificate no client trusts.

The program finds them in the environment: SW_CALDAV_URL (the coordinator's
principal collection), SW_CALDAV_USER, SW_CALDAV_PASSWORD, SW_CALDAV_TLS_URL.

Usage: run-caldav-client.py SRCDIR PROGRAM [ARGUMENTS…]"""

import http.server
import os
import shutil
import ssl
import subprocess
import sys
import tempfile
import threading

SRCDIR = sys.argv[1]
sys.path.insert(0, os.path.join(SRCDIR, "tests", "caldav"))

from radicale_server import RadicaleServer  # noqa: E402


class Quiet(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def start_tls_server(folder):
    """An https server on 127.0.0.1 with a self-signed certificate made out
    for another name; None when openssl is missing."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert = os.path.join(folder, "cert.pem")
    key = os.path.join(folder, "key.pem")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=calendar.example.org", "-keyout", key, "-out", cert],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    program = sys.argv[2:]
    folder = tempfile.mkdtemp(prefix="servweek-caldav-client-")
    tls = None
    try:
        tls = start_tls_server(folder)
        with RadicaleServer(SRCDIR) as server:
            env = dict(os.environ)
            env["SW_CALDAV_URL"] = server.url(f"/{server.user}/")
            env["SW_CALDAV_USER"] = server.user
            env["SW_CALDAV_PASSWORD"] = server.password
            if tls is not None:
                env["SW_CALDAV_TLS_URL"] = f"https://127.0.0.1:{tls.server_address[1]}/dav/"
            result = subprocess.run(program, env=env)
            if result.returncode != 0:
                print(server.log_text(), file=sys.stderr)
            return result.returncode
    finally:
        if tls is not None:
            tls.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
