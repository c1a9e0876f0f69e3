"""Progress-stream clients for bench/fault-battery.sh.

usage: fault_stream.py read PORT JOB OUT     reads the job's event stream until it ends or the
                                             connection goes (a kill), then writes one JSON line
                                             to OUT: status, lines, whether an 'end' event came,
                                             the longest wait between two reads (ms), and why it
                                             stopped
       fault_stream.py stall PORT JOB SECONDS opens the stream with a small receive buffer and
                                             never reads it, for SECONDS at most
"""
import json
import socket
import sys
import time

# No read may wait longer than this: a stream silent for so long is counted as stalled.
GIVE_UP_SECONDS = 120


def request(job):
    return ("GET /api/v1/jobs/%s/events HTTP/1.1\r\nHost: localhost\r\n"
            "Accept: text/event-stream\r\n\r\n" % job).encode()


def read(port, job, out):
    result = {"job": job, "status": None, "lines": 0, "ended": False, "longest_ms": 0,
              "stopped": None}
    try:
        conn = socket.create_connection(("127.0.0.1", port), timeout=30)
        conn.sendall(request(job))
        conn.settimeout(GIVE_UP_SECONDS)
        buffer, last = b"", time.monotonic()
        while not result["ended"]:
            try:
                chunk = conn.recv(65536)
            except socket.timeout:
                result["stopped"] = "silent for %d s" % GIVE_UP_SECONDS
                result["longest_ms"] = GIVE_UP_SECONDS * 1000
                break
            now = time.monotonic()
            if not chunk:
                result["stopped"] = "connection closed"
                break
            result["longest_ms"] = max(result["longest_ms"], int((now - last) * 1000))
            last = now
            buffer += chunk
            while b"\n" in buffer:
                line, buffer = buffer.split(b"\n", 1)
                line = line.rstrip(b"\r")
                if result["status"] is None:
                    result["status"] = int(line.split()[1]) if line.startswith(b"HTTP/") else -1
                    if result["status"] != 200:
                        result["stopped"] = "refused"
                        break
                result["lines"] += 1
                if line.startswith(b"event: end"):
                    result["ended"] = True
                    result["stopped"] = "end event"
            if result["stopped"] == "refused":
                break
    except OSError as e:
        # a reset by the kill, or a refused connection while the service is down
        result["stopped"] = "connection error: %s" % e.__class__.__name__
    with open(out, "a") as f:
        f.write(json.dumps(result) + "\n")


def stall(port, job, seconds):
    try:
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        s.connect(("127.0.0.1", port))
        s.sendall(request(job))
        deadline = time.monotonic() + seconds
        # never reads: waits until the server closes it, the kill resets it, or the time is up
        while time.monotonic() < deadline:
            time.sleep(0.5)
        s.close()
    except OSError:
        pass


if __name__ == "__main__":
    mode, port, job, arg = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if mode == "read":
        read(port, job, arg)
    elif mode == "stall":
        stall(port, job, float(arg))
    else:
        sys.exit("unknown mode %s" % mode)
