"""A student's lab 1 echo client: each line typed goes to the server, and its echo is printed.
"exit" or the end of input ends it.

Run: python3 echo_client.py HOST PORT
"""
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
try:
    connection = socket.create_connection((host, port), timeout=10)
except OSError as error:
    print(f"cannot connect to {host}:{port}: {error.strerror or error}")
    sys.exit(1)

with connection, connection.makefile("rwb") as stream:
    for line in sys.stdin:
        if line.strip() == "exit":
            break
        stream.write(line.encode("utf-8"))
        stream.flush()
        echo = stream.readline()
        if not echo:
            print("the server closed the connection")
            break
        print(echo.decode("utf-8"), end="")
