# SPDX-License-Identifier: GPL-3.0-or-later
"""A Radicale server for the tests: data/caldav's configuration and rights,
on 127.0.0.1 at a free port, with its storage and its users file in a
temporary folder, stopped (and the folder removed) when the test ends.

    with RadicaleServer(srcdir) as server:
        status, headers, body = server.request("GET", "/", user=server.user)
"""

import base64
import configparser
import http.client
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import bcrypt

USER = "coordinator"
PASSWORD = "服务周-secret"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RadicaleServer:
    def __init__(self, srcdir):
        self.srcdir = srcdir
        self.user = USER
        self.password = PASSWORD
        self.folder = None
        self.process = None
        self.port = None

    def __enter__(self):
        self.folder = tempfile.mkdtemp(prefix="servweek-radicale-")
        try:
            self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        return False

    def _start(self):
        users = os.path.join(self.folder, "users")
        hashed = bcrypt.hashpw(self.password.encode(), bcrypt.gensalt(rounds=4)).decode()
        with open(users, "w", encoding="utf-8") as f:
            f.write(f"{self.user}:{hashed}\n")

        # The shipped configuration, with this test's paths and port.
        config = configparser.RawConfigParser()
        with open(os.path.join(self.srcdir, "data", "caldav", "config"), encoding="utf-8") as f:
            config.read_file(f)
        self.port = free_port()
        config["server"]["hosts"] = f"127.0.0.1:{self.port}"
        config["auth"]["htpasswd_filename"] = users
        config["auth"]["delay"] = "0"
        config["rights"]["file"] = os.path.join(self.srcdir, "data", "caldav", "rights")
        config["storage"]["filesystem_folder"] = os.path.join(self.folder, "collections")
        config["logging"] = {"level": "info", "mask_passwords": "True"}
        path = os.path.join(self.folder, "config")
        with open(path, "w", encoding="utf-8") as f:
            config.write(f)

        self.log = open(os.path.join(self.folder, "log"), "w+", encoding="utf-8")
        self.process = subprocess.Popen([sys.executable, "-m", "radicale", "--config", path],
                                        stdin=subprocess.DEVNULL, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("radicale exited: " + self.log_text())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("radicale did not start: " + self.log_text())

    def log_text(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def request(self, method, path, body=None, headers=None, user=None, password=None):
        """One request; (status, headers as a dict with lower-case names,
        body bytes).  @user with @password (default: the coordinator's)
        sends Basic authentication; no @user, none."""
        headers = dict(headers or {})
        if user is not None:
            secret = f"{user}:{password if password is not None else self.password}"
            headers["Authorization"] = "Basic " + base64.b64encode(secret.encode()).decode()
        if isinstance(body, str):
            body = body.encode("utf-8")
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return (response.status, {k.lower(): v for k, v in response.getheaders()},
                    response.read())
        finally:
            connection.close()
