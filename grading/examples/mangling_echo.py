"""A student's lab 2 echo server with a classic bug: it decodes the bytes it receives as
Latin-1 but encodes its answer as UTF-8, so ASCII survives and every other byte is mangled
(Cyrillic comes back as two-byte garbage per byte).

Run: python3 mangling_echo.py PORT
"""
import socket
import sys
import threading


def serve(connection):
    with connection, connection.makefile("rwb") as stream:
        for line in stream:
            stream.write(line.decode("latin-1").encode("utf-8"))
            stream.flush()


port = int(sys.argv[1])
with socket.create_server(("127.0.0.1", port)) as server:
    while True:
        connection, address = server.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()
