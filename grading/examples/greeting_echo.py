"""A student's lab 2 echo server that greets each client before echoing its lines.

Run: python3 greeting_echo.py PORT
"""
import socket
import sys
import threading


def serve(connection):
    with connection, connection.makefile("rwb") as stream:
        stream.write(b"Welcome to the echo server!\n")
        stream.flush()
        for line in stream:
            stream.write(line)
            stream.flush()


port = int(sys.argv[1])
with socket.create_server(("127.0.0.1", port)) as server:
    while True:
        connection, address = server.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()
