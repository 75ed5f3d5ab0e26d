"""A student's lab 2 echo server: a new thread for each client, a line in, the same line out.

Run: python3 threaded_echo.py PORT
"""
import socket
import sys
import threading


def serve(connection):
    with connection, connection.makefile("rwb") as stream:
        for line in stream:
            stream.write(line)
            stream.flush()


port = int(sys.argv[1])
with socket.create_server(("127.0.0.1", port)) as server:
    print("listening on port", port)
    while True:
        connection, address = server.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()
