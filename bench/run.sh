#!/usr/bin/env bash
# Runs the benchmarks and writes docs/benchmarks.md: JMH on the authentication path, then a
# load run with wrk against the real server and, in the same run, against a bare Undertow server
# that sends the same response bytes from memory.
#
# Usage: bench/run.sh            (DURATION=10s CONNECTIONS=50 ENTRIES=10000 ROUNDS=2 by default)
#        SCALE=1 bench/run.sh    also adds 100,000 users, 1,000,000 tokens and 1,000,000 entries
#                                (ScaleSeed, JDBC batches) before the load runs; RESULTS names the output
#        JMH=0 bench/run.sh      skips the JMH run
# Every loop is bounded by DURATION; all servers started here are stopped at the end.
# The server runs with the launcher's default JVM options (app-gui/tokendesk.sh), as a user would start it.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-50}
ENTRIES=${ENTRIES:-10000}
SCALE=${SCALE:-0}
JMH=${JMH:-1}
RESULTS=${RESULTS:-docs/benchmarks.md}
SCALE_USERS=${SCALE_USERS:-100000}
SCALE_TOKENS=${SCALE_TOKENS:-1000000}
SCALE_ENTRIES=${SCALE_ENTRIES:-1000000}

if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

mvn -B -ntp -q -Pbench -DskipTests package
JAR=app-gui/target/tokendesk.jar
BENCH=bench/target/bench.jar

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

java -cp "$BENCH" dev.tokendesk.bench.Seed "$work/data" "$ENTRIES"
if [[ "$SCALE" == 1 ]]; then
    java -cp "$BENCH" dev.tokendesk.bench.ScaleSeed "$work/data" "$SCALE_USERS" "$SCALE_TOKENS" "$SCALE_ENTRIES"
fi
uptime_before=$(uptime)
token=$(cat "$work/data/bench/token")
jwt=$(cat "$work/data/bench/jwt")
document=$(cat "$work/data/bench/document-id")

# Start-up: from launching serve on the existing data directory to the first 200, in wall time
# and in CPU time of the server process (less sensitive to other load on the machine). The first
# start after a build writes the class data archive when it stops; the second start uses it.
port=$((20000 + RANDOM % 20000))
start_serve() { # sets serve_pid, startup_ms, startup_cpu_ms
    local start
    start=$(date +%s%N)
    app-gui/tokendesk.sh serve --port "$port" --data-dir "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
    serve_pid=$!
    pids+=("$serve_pid")
    until curl -sf -o /dev/null "http://127.0.0.1:$port/api/restaurants?pagination%5BpageSize%5D=1&token=$token"; do
        sleep 0.02
        if (( ($(date +%s%N) - start) > 120000000000 )); then echo "serve returned no 200 within 120 s" >&2; exit 1; fi
    done
    startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    startup_cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$serve_pid/stat")
}
stop_serve() {
    kill "$serve_pid"
    wait "$serve_pid" 2>/dev/null || true
}
start_serve
first_startup_ms=$startup_ms
first_startup_cpu_ms=$startup_cpu_ms
stop_serve
start_serve
base="http://127.0.0.1:$port"

# name | path and query | extra wrk arguments
scenarios=(
    "a_token_list|/api/restaurants?pagination%5BpageSize%5D=10&token=$token|"
    "b_jwt_list|/api/restaurants?pagination%5BpageSize%5D=10|-H|Authorization: Bearer $jwt"
    "c_find_one|/api/restaurants/$document?token=$token|"
    "d_invalid_token|/api/restaurants?token=tdk_invalid|"
    "e_filtered_sorted|/api/restaurants?filters%5Bseats%5D%5B%24gte%5D=100&sort=name%3Adesc&pagination%5BpageSize%5D=10&token=$token|"
)

# Capture each response once for the bare server, with its headers, so that it sends the same bytes.
# Under load an invalid token gets 429 once the address has used up its 20 failures a minute, so
# (d) is captured after 25 requests: the bare server then sends what the real one sends.
mkdir -p "$work/bare"
for scenario in "${scenarios[@]}"; do
    IFS='|' read -r name path flag header <<<"$scenario"
    if [[ "$name" == d_* ]]; then
        for _ in $(seq 25); do curl -s -o /dev/null "$base$path"; done
    fi
    if [[ -n "$flag" ]]; then
        status=$(curl -s -D "$work/bare/$name.headers" -o "$work/bare/$name.body" -w '%{http_code}' -H "$header" "$base$path")
    else
        status=$(curl -s -D "$work/bare/$name.headers" -o "$work/bare/$name.body" -w '%{http_code}' "$base$path")
    fi
    echo "$status" >"$work/bare/$name.status"
done
bare_port=$((port + 1))
# The bare server runs with the launcher's default JVM options, as the real one does, so that the
# ratio compares the handlers and not two heap and collector settings.
launcher_options=$(sed -n 's/^options=(${TOKENDESK_JAVA_OPTS:-\(.*\)})$/\1/p' app-gui/tokendesk.sh)
if [[ -z "$launcher_options" ]]; then
    echo "cannot read the default JVM options from app-gui/tokendesk.sh" >&2
    exit 1
fi
# shellcheck disable=SC2086
MALLOC_ARENA_MAX=2 java $launcher_options -cp "$BENCH" dev.tokendesk.bench.BareServer "$work/bare" "$bare_port" >"$work/bare.out" 2>&1 &
pids+=($!)
bare_start=$(date +%s%N)
until curl -s -o /dev/null "http://127.0.0.1:$bare_port/a_token_list"; do
    sleep 0.05
    if (( ($(date +%s%N) - bare_start) > 60000000000 )); then echo "the bare server did not respond within 60 s" >&2; exit 1; fi
done

run_wrk() { # url [header]; prints "requests/s p99"
    local output
    if [[ $# -gt 1 ]]; then
        output=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "$2" "$1")
    else
        output=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1")
    fi
    local rps p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$output")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$output")
    echo "$rps $p99"
}

warm_up() { # url [header]; 3 s of the same load, not counted, so that no row pays for the JIT compiling its path
    if [[ $# -gt 1 ]]; then
        wrk -t2 -c"$CONNECTIONS" -d3s -H "$2" "$1" >/dev/null
    else
        wrk -t2 -c"$CONNECTIONS" -d3s "$1" >/dev/null
    fi
}

# Each row alternates the two servers ROUNDS times and reports the mean requests/s and the worst
# p99 of each, so that one unlucky run on the shared cores moves the ratio less.
ROUNDS=${ROUNDS:-2}
to_ms() { # a wrk latency such as 812.00us, 4.53ms or 1.36s, in milliseconds
    awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/) n *= 1000; printf "%.2f", n }'
}
rows=()
for scenario in "${scenarios[@]}"; do
    IFS='|' read -r name path flag header <<<"$scenario"
    status=$(cat "$work/bare/$name.status")
    # The bare server gets the same query string and headers, so both parse the same request.
    bare_url="http://127.0.0.1:$bare_port/$name"
    [[ "$path" == *\?* ]] && bare_url="$bare_url?${path#*\?}"
    extra=()
    [[ -n "$flag" ]] && extra=("$header")
    warm_up "$base$path" "${extra[@]}"
    warm_up "$bare_url" "${extra[@]}"
    real_sum=0 bare_sum=0 real_worst=0 bare_worst=0
    for _ in $(seq "$ROUNDS"); do
        read -r real_rps real_p99 < <(run_wrk "$base$path" "${extra[@]}")
        read -r bare_rps bare_p99 < <(run_wrk "$bare_url" "${extra[@]}")
        real_sum=$(awk -v a="$real_sum" -v b="$real_rps" 'BEGIN { print a + b }')
        bare_sum=$(awk -v a="$bare_sum" -v b="$bare_rps" 'BEGIN { print a + b }')
        real_worst=$(awk -v a="$real_worst" -v b="$(to_ms "$real_p99")" 'BEGIN { print (b > a ? b : a) }')
        bare_worst=$(awk -v a="$bare_worst" -v b="$(to_ms "$bare_p99")" 'BEGIN { print (b > a ? b : a) }')
    done
    real_mean=$(awk -v s="$real_sum" -v n="$ROUNDS" 'BEGIN { printf "%.0f", s / n }')
    bare_mean=$(awk -v s="$bare_sum" -v n="$ROUNDS" 'BEGIN { printf "%.0f", s / n }')
    ratio=$(awk -v r="$real_mean" -v b="$bare_mean" 'BEGIN { printf "%.0f%%", 100 * r / b }')
    rows+=("| $name | $status | $real_mean | ${real_worst}ms | $bare_mean | ${bare_worst}ms | $ratio |")
done

# (f) creating entries; the bare server cannot store, so there is no ratio.
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"data":{"name":"Bench entry","seats":12}}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
LUA
post_out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/post.lua" "$base/api/restaurants")
post_rps=$(awk '/Requests\/sec/ {print $2}' <<<"$post_out")
post_p99=$(awk '$1 == "99%" {print $2}' <<<"$post_out")
post_errors=$(awk '/Non-2xx/ {print $4}' <<<"$post_out")
rows+=("| f_create | 201 | $post_rps | $post_p99 | - | - | - |")

# The rows a to e repeat one URL, which the response cache serves after the first request. These
# rows make every request one that the cache has not seen, so each reads the database; the bare
# server has no counterpart for them. They run last: at scale their slow requests keep the server
# busy after wrk stops.
misses=(
    "a_token_list_misses|/api/restaurants?token=$token|991"
    "e_filtered_sorted_misses|/api/restaurants?filters%5Bseats%5D%5B%24gte%5D=100&sort=name%3Adesc&token=$token|991"
)
for scenario in "${misses[@]}"; do
    IFS='|' read -r name path starts <<<"$scenario"
    miss_out=$(MISS_STARTS=$starts wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/misses.lua "$base$path")
    miss_rps=$(awk '/Requests\/sec/ {print $2}' <<<"$miss_out")
    miss_p99=$(awk '$1 == "99%" {print $2}' <<<"$miss_out")
    miss_errors=$(awk '/Non-2xx/ {print $4}' <<<"$miss_out")
    miss_timeouts=$(awk '/Socket errors/ { for (i = 1; i <= NF; i++) if ($i == "timeout") print $(i + 1) }' <<<"$miss_out")
    rows+=("| $name | 200 (non-2xx: ${miss_errors:-0}, timeouts: ${miss_timeouts:-0}) | $miss_rps | $miss_p99 | - | - | - |")
done

rss_mb=$(( $(ps -o rss= -p "$serve_pid") / 1024 ))
uptime_after=$(uptime)

# The console's Users and Tokens queries, on the same data, with the server stopped.
stop_serve
java -cp "$BENCH" dev.tokendesk.bench.ConsoleSearch "$work/data" >"$work/console.txt"

if [[ "$JMH" == 1 ]]; then
    java -jar "$BENCH" AuthBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -rf text -rff "$work/jmh.txt" >/dev/null 2>&1
else
    echo "(JMH skipped)" >"$work/jmh.txt"
fi

notes=""
if [[ -f "$RESULTS" ]]; then
    notes=$(awk '/^## Notes/ { keep = 1 } keep' "$RESULTS")
fi
{
    echo "# Benchmarks"
    echo
    echo "Measured with \`SCALE=$SCALE bench/run.sh\` (DURATION=$DURATION, CONNECTIONS=$CONNECTIONS, ENTRIES=$ENTRIES) on $(date -u '+%Y-%m-%d %H:%M') UTC."
    if [[ "$SCALE" == 1 ]]; then
        echo "Scale data: $SCALE_USERS more users, $SCALE_TOKENS more tokens, $SCALE_ENTRIES more restaurants."
    fi
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)."
    echo "Load before the run: $uptime_before"
    echo "Load after the load rows: $uptime_after"
    echo "wrk (2 threads) runs on the same cores as the server, so absolute figures are"
    echo "lower than on a separate client machine; the ratio to the bare server in the same"
    echo "run is the figure to compare across runs. The bare server gets the same query"
    echo "string and headers and runs with the same JVM options as the real one. Each row"
    echo "alternates the two servers $ROUNDS times: mean requests/s, worst p99."
    echo
    echo "## Load (wrk, $CONNECTIONS connections, $DURATION per row)"
    echo
    echo "| scenario | status | TokenDesk req/s | TokenDesk p99 | bare req/s | bare p99 | ratio |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Non-2xx responses during f_create: ${post_errors:-0}."
    echo
    echo "## Start-up and memory"
    echo
    echo "- \`serve\` on the seeded data directory to the first 200, first start after the build (writes the class data archive): ${first_startup_ms} ms wall, ${first_startup_cpu_ms} ms CPU"
    echo "- the same with the archive: ${startup_ms} ms wall, ${startup_cpu_ms} ms CPU"
    echo "- RSS of \`serve\` after the load: ${rss_mb} MB (the launcher's default JVM options, app-gui/tokendesk.sh)"
    echo
    echo "## Console screens"
    echo
    cat "$work/console.txt"
    echo
    echo "## Authentication path (JMH, average time per call)"
    echo
    echo '```'
    cat "$work/jmh.txt"
    echo '```'
    if [[ -n "$notes" ]]; then
        echo
        echo "$notes"
    fi
} >"$RESULTS"
echo "Wrote $RESULTS"
