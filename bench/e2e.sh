#!/usr/bin/env bash
# End-to-end throughput: the same ~50 KB HTML page served by Jetty with and without ConsentGate, measured with wrk
# on loopback in alternating rounds in one run. Prints requests/s per round and the filtered/baseline ratio.
# Usage: [PAGE=demo|shop] [WARMUP=40] bench/e2e.sh [SECONDS_PER_ROUND=20] [ROUNDS=3] [CONNECTIONS=16] [EXTRA_WRK_HEADER]
# PAGE=demo (default) grows the demo shop page to ~50 KB (a tag every ~24 bytes); PAGE=shop serves the JMH
# benchmark's ~50 KB page (a tag every ~50 bytes). See BENCHMARKS.md.
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
read -r page base filt < <(sed -E 's/page=([0-9]+) baseline=([0-9]+) filtered=([0-9]+)/\1 \2 \3/' "$ports")
args=(-t1 -c"$conns")
[ -n "$header" ] && args+=(-H "$header")
rps() { wrk "${args[@]}" -d"$2"s "http://127.0.0.1:$1/shop" | awk '/Requests\/sec/ {print $2}'; }
echo "page: $page bytes; ${warm}s warm-up, then ${rounds} rounds of ${secs}s per server; wrk ${args[*]}"
# Warm-up (JIT) for both: with 10 s the filtered server's rounds still climbed (0.50, 0.56, 0.68).
rps "$base" "$warm" >/dev/null; rps "$filt" "$warm" >/dev/null
tb=0; tf=0
for r in $(seq 1 "$rounds"); do
  b=$(rps "$base" "$secs"); f=$(rps "$filt" "$secs")
  echo "round $r: baseline ${b} req/s, filtered ${f} req/s, ratio $(awk -v f="$f" -v b="$b" 'BEGIN {printf "%.3f", f/b}')"
  tb=$(awk -v a="$tb" -v b="$b" 'BEGIN {print a+b}'); tf=$(awk -v a="$tf" -v b="$f" 'BEGIN {print a+b}')
done
echo "total: filtered/baseline = $(awk -v f="$tf" -v b="$tb" 'BEGIN {printf "%.3f", f/b}')"
