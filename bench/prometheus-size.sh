#!/usr/bin/env bash
# The size of one /actuator/prometheus scrape after every kind of route has answered once (queries,
# jobs, corpora, actuator, errors): percentile histograms multiply series per route and outcome.
#
# usage: bench/prometheus-size.sh JAR [MODELS_DIR]
#   MODELS_DIR  models to serve (default: the test models of this project)
# env: JAVA (default java), PORT (default 18091), WORK (scratch dir, default a new temp dir)
# Prints "name: value" lines.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(realpath "${1:?usage: bench/prometheus-size.sh JAR [MODELS_DIR]}")
models=$(realpath "${2:-src/test/resources/models}")
JAVA=${JAVA:-java}
PORT=${PORT:-18091}
WORK=${WORK:-$(mktemp -d)}
base="http://127.0.0.1:$PORT"
"$JAVA" --add-modules jdk.incubator.vector -jar "$jar" --server.port="$PORT" \
  --wordvec.models.dir="$models" --wordvec.data.dir="$WORK/data" > "$WORK/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
until curl -sf "$base/actuator/health/readiness" > /dev/null; do
  kill -0 $pid 2> /dev/null || { echo "error: the service exited; see $WORK/service.log" >&2; exit 1; }
  sleep 0.1
done
model=$(curl -s "$base/api/v1/models" | python3 -c 'import json,sys; print(json.load(sys.stdin)["defaultModel"])')
for path in \
  "/api/v1/models" "/api/v1/models/$model" "/api/v1/models/$model/vectors/king" \
  "/api/v1/models/$model/similarity?a=king&b=queen" "/api/v1/models/$model/neighbors?word=king" \
  "/api/v1/models/$model/analogy?positive=king&positive=woman&negative=man" \
  "/api/v1/models/$model/words?prefix=k" "/api/v1/models/$model/rank?word=king&of=queen" \
  "/api/v1/models/$model/vectors/nosuchword" "/api/v1/models/nosuchmodel/vectors/king" \
  "/v1/models" "/api/v1/jobs" "/api/v1/jobs/0123456789abcdef" "/api/v1/corpora" \
  "/api/v1/corpora/0123456789ab" "/actuator/health" "/actuator/info" "/actuator/metrics" \
  "/v3/api-docs" "/no/such/route"; do
  curl -s -o /dev/null "$base$path"
done
curl -s -o /dev/null -X POST "$base/v1/embeddings" -H 'Content-Type: application/json' \
  -d "{\"model\": \"$model\", \"input\": \"king queen\"}"
curl -s -o /dev/null -X POST "$base/api/v1/corpora" -H 'Content-Type: text/plain' --data-binary 'a b c'
curl -s "$base/actuator/prometheus" > /dev/null
echo "prometheus_scrape_bytes: $(curl -s "$base/actuator/prometheus" | wc -c)"
echo "prometheus_series: $(curl -s "$base/actuator/prometheus" | grep -vc '^#')"
