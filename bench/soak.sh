#!/usr/bin/env bash
# Soak run: starts `serve` on a fresh data directory and sends mixed traffic for MINUTES minutes.
# The mix is reads with an API token and a JWT, writes, invalid tokens, failed logins, and a token
# that the CLI issues and revokes every 20 seconds. Once a minute it prints errors, latency
# percentiles and the server's heap and RSS. Traffic goes to 127.0.0.1 only.
#
# Usage: bench/soak.sh            (MINUTES=30 RATE=200 ENTRIES=2000 by default)
# RATE is the target number of requests per second. Exits with 1 when any response was
# unexpected; 401 and 429 are expected for invalid tokens, failed logins and revoked tokens.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${MINUTES:-30}
RATE=${RATE:-200}
ENTRIES=${ENTRIES:-2000}
JAR=app-gui/target/tokendesk.jar

# A reactor build: nothing is installed into the local Maven repository.
mvn -B -ntp -q -pl app-gui -am package -DskipTests

work=$(mktemp -d)
data="$work/data"
serve_pid=""
cleanup() {
    if [[ -n "$serve_pid" ]]; then
        kill "$serve_pid" 2>/dev/null || true
        wait "$serve_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

cli() { java -jar "$JAR" "$@" --data-dir "$data"; }

mkdir -p "$data/bench"
cli import schemas bench/src/main/resources/restaurant-schema.json >/dev/null
cli role grant Authenticated restaurant find findOne create update delete >/dev/null
{
    echo "["
    for ((i = 0; i < ENTRIES; i++)); do
        separator=$([[ $i -lt $((ENTRIES - 1)) ]] && echo "," || echo "")
        echo "{\"name\":\"Restaurant $i\",\"seats\":$((i % 200))}$separator"
    done
    echo "]"
} >"$work/entries.json"
cli import data restaurant "$work/entries.json" >/dev/null
echo "Soak-Pass-1" | cli user create --username bench --email bench@example.com --password-stdin >/dev/null
cli token create --user bench --name soak --scope full --expires never >"$data/bench/token" 2>/dev/null

port=$((20000 + RANDOM % 20000))
# The launcher applies the default JVM options, so the heap and RSS figures are what a user gets.
app-gui/tokendesk.sh serve --port "$port" --data-dir "$data" >"$work/serve.out" 2>"$work/serve.err" &
serve_pid=$!
base="http://127.0.0.1:$port"
for ((attempt = 0; ; attempt++)); do
    if curl -sf -o /dev/null "$base/_health"; then break; fi
    if ((attempt > 600)); then echo "serve did not respond within 60 s; see $work/serve.err" >&2; exit 1; fi
    sleep 0.1
done

curl -sf -H 'Content-Type: application/json' -d '{"identifier":"bench","password":"Soak-Pass-1"}' "$base/api/auth/local" \
    | sed -E 's/.*"jwt":"([^"]+)".*/\1/' >"$data/bench/jwt"
curl -sf "$base/api/restaurants?pagination%5BpageSize%5D=1&token=$(cat "$data/bench/token")" \
    | sed -E 's/.*"documentId":"([^"]+)".*/\1/' >"$data/bench/document-id"

echo "Soak: $MINUTES minutes at about $RATE requests/s against $base (serve pid $serve_pid, $ENTRIES entries)"
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1); started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
status=0
java bench/src/main/java/dev/tokendesk/bench/Soak.java "$base" "$data" "$JAR" "$serve_pid" "$MINUTES" "$RATE" || status=$?
if grep -q "ERROR" "$work/serve.err"; then
    echo "serve logged errors:" >&2
    grep "ERROR" "$work/serve.err" | head -20 >&2
    status=1
fi
exit $status
