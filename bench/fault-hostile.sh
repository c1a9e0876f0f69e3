#!/usr/bin/env bash
# Hostile inputs against a running service, with memory and stalls measured:
#   (a) a 1 GB corpus that is one word (no blank at all), uploaded and trained with minCount=1;
#   (b) a 15 KB word2vec text file whose header claims 1,400,000 x 1,000, then a restart;
#   (c) progress streams that never read, while another stream of the same job is read.
# Prints "name: value" lines (a parent script may include them): the idle RSS, the peak RSS above
# idle during (a) and (b) (each must stay under 1 GB), the outcome of each, and the longest gap
# between two lines of the read stream in (c) (must stay below the write timeout).
#
# usage: bench/fault-hostile.sh JAR
# env: JAVA (default java), PYTHON (default python3), PORT (default 18090), WORK (scratch dir,
#      default a new temp dir; needs about 2.2 GB free), SLOW_CLIENTS (default 3)
set -euo pipefail
jar=$(realpath "${1:?usage: bench/fault-hostile.sh JAR}")
JAVA=${JAVA:-java}
PYTHON=${PYTHON:-python3}
PORT=${PORT:-18090}
WORK=${WORK:-$(mktemp -d)}
SLOW_CLIENTS=${SLOW_CLIENTS:-3}
WRITE_TIMEOUT_MS=10000
base="http://127.0.0.1:$PORT"
mkdir -p "$WORK/models" "$WORK/data"
pid=
sampler=
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)"
echo "load_average_at_start: $(cut -d' ' -f1-3 /proc/loadavg)"

rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

start_service() {
  "$JAVA" --add-modules jdk.incubator.vector -jar "$jar" \
    --server.port="$PORT" --wordvec.models.dir="$WORK/models" --wordvec.data.dir="$WORK/data" \
    --wordvec.jobs.events-heartbeat=1s --wordvec.jobs.threads=2 \
    >> "$WORK/service.log" 2>&1 &
  pid=$!
}

wait_ready() {
  until curl -sf "$base/actuator/health/readiness" > /dev/null; do
    kill -0 "$pid" 2> /dev/null || { echo "error: the service exited; see $WORK/service.log" >&2; exit 1; }
    sleep 0.1
  done
}

# Samples the service's RSS every 100 ms into $WORK/peak.$1 (the highest seen, in KB).
start_sampler() {
  local out="$WORK/peak.$1"
  echo 0 > "$out"
  (
    peak=0
    while kill -0 "$pid" 2> /dev/null; do
      now=$(rss_kb "$pid" 2> /dev/null || echo 0)
      if ((now > peak)); then
        peak=$now
        echo "$peak" > "$out"
      fi
      sleep 0.1
    done
  ) &
  sampler=$!
}

stop_sampler() {
  kill "$sampler" 2> /dev/null || true
  wait "$sampler" 2> /dev/null || true
  sampler=
}

job_field() { curl -s "$base/api/v1/jobs/$1" | "$PYTHON" -c "import json,sys; print(json.load(sys.stdin).get('$2'))"; }

await_final() {
  local state
  while true; do
    state=$(job_field "$1" state)
    case "$state" in SUCCEEDED | FAILED | CANCELLED) echo "$state"; return ;; esac
    sleep 0.5
  done
}

start_service
wait_ready
sleep 2
idle=$(rss_kb "$pid")
echo "idle_rss_mb: $((idle / 1024))"

# (a) a 1 GB corpus of one word.
head -c 1000000000 /dev/zero | tr '\0' 'a' > "$WORK/one-word.txt"
start_sampler a
corpus=$(curl -s -X POST "$base/api/v1/corpora?name=one-word.txt" -H 'Content-Type: text/plain' \
  --data-binary @"$WORK/one-word.txt" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
rm -f "$WORK/one-word.txt"
job=$(curl -s -X POST "$base/api/v1/jobs" -H 'Content-Type: application/json' \
  -d "{\"type\": \"train\", \"corpus\": \"$corpus\", \"outputModel\": \"one-word\", \"params\": {\"minCount\": 1, \"epochs\": 1}}" \
  | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "a_job_state: $(await_final "$job")"
echo "a_job_error: $(job_field "$job" error)"
stop_sampler
echo "a_peak_rss_above_idle_mb: $((($(cat "$WORK/peak.a") - idle) / 1024))"
curl -s -X DELETE "$base/api/v1/corpora/$corpus" > /dev/null

# (b) a header that lies, then a restart that loads it.
"$PYTHON" - "$WORK/models/lying.txt" << 'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("1400000 1000\n")
    for row in range(3):
        f.write("w%d%s\n" % (row, " 0.25" * 1000))
PY
echo "b_file_bytes: $(stat -c %s "$WORK/models/lying.txt")"
kill "$pid"
wait "$pid" 2> /dev/null || true
start_service
start_sampler b
wait_ready
stop_sampler
echo "b_peak_rss_above_idle_mb: $((($(cat "$WORK/peak.b") - idle) / 1024))"
echo "b_model_error: $(curl -s "$base/api/v1/models" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["failed"].get("lying"))')"

# (c) slow progress streams beside a read one, on a job that trains for a while.
"$PYTHON" - "$WORK/words.txt" << 'PY'
import random, sys
rng = random.Random(7)
vocab = ["w%d" % i for i in range(2000)]
with open(sys.argv[1], "w") as f:
    for _ in range(200_000):
        f.write(" ".join(rng.choice(vocab) for _ in range(10)) + "\n")
PY
corpus=$(curl -s -X POST "$base/api/v1/corpora?name=words.txt" -H 'Content-Type: text/plain' \
  --data-binary @"$WORK/words.txt" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
job=$(curl -s -X POST "$base/api/v1/jobs" -H 'Content-Type: application/json' \
  -d "{\"type\": \"train\", \"corpus\": \"$corpus\", \"outputModel\": \"streams\", \"params\": {\"minCount\": 1, \"epochs\": 5, \"dim\": 50}}" \
  | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$PYTHON" - "$PORT" "$job" "$SLOW_CLIENTS" << 'PY'
import socket, sys, time
port, job, slow = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
request = ("GET /api/v1/jobs/%s/events HTTP/1.1\r\nHost: localhost\r\n"
           "Accept: text/event-stream\r\n\r\n" % job).encode()
stalled = []
for _ in range(slow):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    s.sendall(request)
    stalled.append(s)  # never read
reader = socket.create_connection(("127.0.0.1", port))
reader.sendall(request)
reader.settimeout(120)
buffer, last, longest, lines, ended = b"", None, 0.0, 0, False
while not ended:
    chunk = reader.recv(65536)
    if not chunk:
        break
    now = time.monotonic()
    if last is not None:
        longest = max(longest, now - last)
    last = now
    buffer += chunk
    while b"\n" in buffer:
        line, buffer = buffer.split(b"\n", 1)
        lines += 1
        if line.startswith(b"event: end"):
            ended = True
print("c_slow_clients: %d" % slow)
print("c_read_stream_lines: %d" % lines)
print("c_read_stream_ended: %s" % ended)
print("c_longest_stall_ms: %d" % (longest * 1000))
for s in stalled:
    s.close()
PY
echo "c_write_timeout_ms: $WRITE_TIMEOUT_MS"
echo "c_job_state: $(await_final "$job")"
echo "c_streams_dropped: $(grep -c 'Dropped a progress stream' "$WORK/service.log" || true)"
echo "load_average_at_end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$WORK/data/corpora"
