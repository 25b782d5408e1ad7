#!/usr/bin/env bash
# End-to-end throughput: the same ~50 KB HTML page served by Jetty without a filter, with ConsentGate, and with the
# scan-only yardstick filter (reads every byte with the plain '<' loop, chunks the body), measured with wrk on
# loopback in alternating rounds in one run. Prints requests/s per round and the filtered/baseline and
# scan/baseline ratios.
# Usage: [PAGE=demo|shop|article] [WARMUP=40] bench/e2e.sh [SECONDS_PER_ROUND=20] [ROUNDS=3] [CONNECTIONS=16] [EXTRA_WRK_HEADER]
# PAGE=demo (default) grows the demo shop page to ~50 KB (a tag every ~24 bytes); PAGE=shop serves the JMH
# benchmark's ~50 KB page (a tag every ~50 bytes); PAGE=article puts the demo page's tags around a long read (a tag
# every ~65 bytes). See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}; rounds=${2:-3}; conns=${3:-16}; header=${4:-}; warm=${WARMUP:-40}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
mvn -q -B test-compile
cp=$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
ports=$(mktemp)
java -Xms512m -Xmx512m -cp "target/classes:target/test-classes:$cp" io.consentgate.loadtest.LoadTestServer 51200 "${PAGE:-demo}" > "$ports" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$ports"' EXIT
for _ in $(seq 1 120); do grep -q filtered= "$ports" && break; sleep 0.5; done
read -r page base filt scan < <(sed -E 's/page=([0-9]+) baseline=([0-9]+) filtered=([0-9]+) scan=([0-9]+)/\1 \2 \3 \4/' "$ports")
args=(-t1 -c"$conns")
[ -n "$header" ] && args+=(-H "$header")
rps() { wrk "${args[@]}" -d"$2"s "http://127.0.0.1:$1/shop" | awk '/Requests\/sec/ {print $2}'; }
# The JVM's CPU time (user + system, in clock ticks): only the server under load is busy, so a round's difference
# divided by its requests is that server's CPU per request (Jetty, the filter, the kernel's share of the sockets).
tck=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
# One round against a port: prints "REQ_PER_S CPU_MICROSECONDS_PER_REQUEST".
round() {
  local c0 c1 out
  c0=$(cpu); out=$(wrk "${args[@]}" -d"$2"s "http://127.0.0.1:$1/shop"); c1=$(cpu)
  echo "$out" | awk -v c=$((c1 - c0)) -v t="$tck" '/requests in/ {n = $1} /Requests\/sec/ {r = $2}
    END {printf "%s %.0f\n", r, c / t / n * 1e6}'
}
echo "page: $page bytes; ${warm}s warm-up, then ${rounds} rounds of ${secs}s per server; wrk ${args[*]}"
# Warm-up (JIT) for each: with 10 s the filtered server's rounds still climbed (0.50, 0.56, 0.68).
rps "$base" "$warm" >/dev/null; rps "$filt" "$warm" >/dev/null; rps "$scan" "$warm" >/dev/null
ratio() { awk -v x="$1" -v b="$2" 'BEGIN {printf "%.3f", x/b}'; }
sum() { awk -v a="$1" -v b="$2" 'BEGIN {print a+b}'; }
tb=0; tf=0; ts=0
for r in $(seq 1 "$rounds"); do
  read -r b bc < <(round "$base" "$secs"); read -r f fc < <(round "$filt" "$secs"); read -r s sc < <(round "$scan" "$secs")
  echo "round $r: baseline ${b} req/s (${bc} µs CPU/req), filtered ${f} req/s (${fc} µs), scan-only ${s} req/s" \
    "(${sc} µs); filtered/baseline $(ratio "$f" "$b"), scan-only/baseline $(ratio "$s" "$b")"
  tb=$(sum "$tb" "$b"); tf=$(sum "$tf" "$f"); ts=$(sum "$ts" "$s")
done
echo "total: filtered/baseline = $(ratio "$tf" "$tb"), scan-only/baseline = $(ratio "$ts" "$tb")"
