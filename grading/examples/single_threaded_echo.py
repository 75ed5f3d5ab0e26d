"""A student's lab 1 echo server: one client at a time, a line in, the same line out.

Run: python3 single_threaded_echo.py PORT
"""
import socket
import sys

port = int(sys.argv[1])
with socket.create_server(("127.0.0.1", port)) as server:
    print("listening on port", port)
    while True:
        connection, address = server.accept()
        with connection, connection.makefile("rwb") as stream:
            for line in stream:          # one line at a time, until the client leaves
                stream.write(line)
                stream.flush()
