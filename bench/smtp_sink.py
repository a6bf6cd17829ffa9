#!/usr/bin/env python3
"""A minimal SMTP server that accepts every message and counts them (no TLS, no authentication):
what the application's outbox delivers to once the mail server is back.
  smtp_sink.py PORT COUNT_FILE"""
import asyncio, sys

port, count_path = int(sys.argv[1]), sys.argv[2]
received = 0


async def session(reader, writer):
    global received
    writer.write(b"220 sink ESMTP\r\n")
    in_data = False
    while True:
        line = await reader.readline()
        if not line:
            break
        if in_data:
            if line in (b".\r\n", b".\n"):
                in_data = False
                received += 1
                open(count_path, "w").write(str(received))
                writer.write(b"250 OK\r\n")
            continue
        command = line[:4].upper()
        if command in (b"EHLO", b"HELO"):
            writer.write(b"250-sink\r\n250 8BITMIME\r\n" if command == b"EHLO" else b"250 sink\r\n")
        elif command == b"DATA":
            in_data = True
            writer.write(b"354 go on\r\n")
        elif command == b"QUIT":
            writer.write(b"221 bye\r\n")
            await writer.drain()
            break
        else:
            writer.write(b"250 OK\r\n")
        await writer.drain()
    writer.close()


async def main():
    open(count_path, "w").write("0")
    server = await asyncio.start_server(session, "127.0.0.1", port)
    async with server:
        await server.serve_forever()

asyncio.run(main())
