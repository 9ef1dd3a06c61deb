#!/usr/bin/env python3
"""Holds N connections to the service open the cheapest way: every TICK seconds each connection sends one more byte.
  load-tests/slow-client.py PORT N MODE SECONDS   MODE: body (headers at once, then the body a byte at a time) or
  headers (the request headers a byte at a time). Connections the service closes are opened again at the next tick.
Prints the answers the service gave (status: count) and how many connections were open at the end. Loopback only."""
import collections
import selectors
import socket
import sys
import time

TICK = 5.0
HOST = "127.0.0.1"
port, n, mode, seconds = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4])
assert mode in ("body", "headers")
HEAD = ("POST /api/v1/objections HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: 203.0.113.7\r\n"
        "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n").encode()

selector = selectors.DefaultSelector()
answers = collections.Counter()
sent = {}


def open_one():
    try:
        s = socket.create_connection((HOST, port), timeout=5)
    except OSError as e:
        answers["connect-failed:" + type(e).__name__] += 1
        return
    s.setblocking(False)
    sent[s] = 0
    if mode == "body":
        s.send(HEAD)
        sent[s] = len(HEAD)
    selector.register(s, selectors.EVENT_READ)


def drop(s):
    selector.unregister(s)
    sent.pop(s, None)
    s.close()


for _ in range(n):
    open_one()
end = time.time() + seconds
next_tick = time.time()
while time.time() < end:
    now = time.time()
    if now >= next_tick:
        for s in list(sent):
            try:
                s.send(b" " if mode == "body" else HEAD[sent[s]:sent[s] + 1])
                sent[s] += 1
            except OSError:
                answers["reset"] += 1
                drop(s)
        for _ in range(n - len(sent)):
            open_one()
        next_tick = now + TICK
    for key, _ in selector.select(timeout=max(0.0, min(next_tick, end) - time.time())):
        s = key.fileobj
        try:
            data = s.recv(65536)
        except OSError:
            data = b""
        if data.startswith(b"HTTP/"):
            answers[data.split(b" ", 2)[1].decode()] += 1
        if not data:
            drop(s)
print(" ".join(f"{k}:{v}" for k, v in sorted(answers.items())) or "no answers", f"open-at-end:{len(sent)}")
