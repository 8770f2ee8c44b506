#!/usr/bin/python3
"""listen.py PORTFILE LOG - a local HTTP server that records who calls it, for
tests/pathological/run.sh: the inputs that name a network URL name this one, so a fetch
that a connection to a closed port (127.0.0.1:9) would hide shows in LOG.

Binds 127.0.0.1 on a free port, writes the port number to PORTFILE, then for every
connection appends the request line to LOG and answers 200 with a body that carries the
marker ZQXNETLEAK: an entity declaration for a .dtd, else an XML element.  Runs until
killed.
"""
import os
import socket
import sys


def main():
    portfile, log = sys.argv[1], sys.argv[2]
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    with open(portfile + ".tmp", "w") as f:
        f.write(f"{srv.getsockname()[1]}\n")
    os.rename(portfile + ".tmp", portfile)
    while True:
        conn, _ = srv.accept()
        conn.settimeout(2)
        try:
            request = conn.recv(4096).split(b"\r\n", 1)[0].decode("latin-1")
        except OSError:
            request = "(no request line)"
        with open(log, "a") as f:
            f.write(f"CONNECT {request}\n")
        path = request.split(" ")[1] if request.count(" ") >= 2 else ""
        body = (b'<!ENTITY netleak "ZQXNETLEAK">\n' if path.endswith(".dtd")
                else b"<x>ZQXNETLEAK</x>\n")
        try:
            conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: application/xml\r\n"
                         b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        except OSError:
            pass
        conn.close()


if __name__ == "__main__":
    main()
