#!/usr/bin/env bash
# Where a request's CPU goes, per server of the end-to-end benchmark: starts the same three Jetty servers as
# bench/e2e.sh (baseline, ConsentGate, scan-only) in one JVM, drives each in turn with wrk while `perf record` samples
# the JVM, and prints µs of CPU per request in four parts: ConsentGate's rewriter (compiled methods of
# io.consentgate.html and io.consentgate.catalog), the rest of the compiled Java (Jetty, the filters, the JDK), the
# kernel, and the JVM's runtime (GC, JIT compiler) with libc. See BENCHMARKS.md ("Where a filtered request's CPU goes").
# Needs Linux `perf` (Debian: linux-perf) allowed to sample the JVM (root, or kernel.perf_event_paranoid <= 1 for the
# kernel's part) and wrk.
# Usage: [PAGE=demo|shop|article] [WARMUP=30] bench/e2e-profile.sh [SECONDS_PER_SERVER=12] [CONNECTIONS=16]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-12}; conns=${2:-16}; warm=${WARMUP:-30}; freq=2000
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
command -v perf >/dev/null || { echo "perf is missing: apt-get install -y linux-perf" >&2; exit 1; }
mvn -q -B test-compile
cp=$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
work=$(mktemp -d)
# The JVM writes /tmp/perf-<pid>.map at exit: perf reads the compiled methods' names from it.
java -Xms512m -Xmx512m -XX:+UnlockDiagnosticVMOptions -XX:+DumpPerfMapAtExit \
    -cp "target/classes:target/test-classes:$cp" io.consentgate.loadtest.LoadTestServer 51200 "${PAGE:-demo}" \
    > "$work/ports" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work" "/tmp/perf-$server.map"' EXIT
for _ in $(seq 1 120); do grep -q filtered= "$work/ports" && break; sleep 0.5; done
read -r page base filt scan < <(sed -E 's/page=([0-9]+) baseline=([0-9]+) filtered=([0-9]+) scan=([0-9]+)/\1 \2 \3 \4/' "$work/ports")
echo "page: $page bytes; ${warm}s warm-up per server, then ${secs}s of perf (cpu-clock, ${freq} Hz) per server; wrk -t1 -c$conns"
for port in "$base" "$filt" "$scan"; do wrk -t1 -c"$conns" -d"$warm"s "http://127.0.0.1:$port/shop" >/dev/null; done
declare -A requests
for name in baseline consentgate scan-only; do
  case $name in baseline) port=$base ;; consentgate) port=$filt ;; *) port=$scan ;; esac
  perf record -q -e cpu-clock -F "$freq" -p "$server" -o "$work/$name.data" -- sleep "$secs" >/dev/null 2>&1 &
  rec=$!
  requests[$name]=$(wrk -t1 -c"$conns" -d"$secs"s "http://127.0.0.1:$port/shop" | awk '/requests in/ {print $1}')
  wait $rec
done
kill $server
wait $server 2>/dev/null || true
for _ in $(seq 1 40); do [ -s "/tmp/perf-$server.map" ] && break; sleep 0.25; done
printf '%-12s %9s %10s %10s %8s %8s %8s\n' server requests rewriter "other java" kernel runtime total
for name in baseline consentgate scan-only; do
  perf report -i "$work/$name.data" -n --sort dso,sym --stdio 2>/dev/null | awk -v n="${requests[$name]}" \
      -v us=$((1000000 / freq)) -v name="$name" '
    /^#/ || NF < 4 {next}
    {
      samples = $2; line = $0
      if (line ~ /\[kernel/) k += samples
      else if (line ~ /\[JIT\]/ && line ~ /io\.consentgate\.(html|catalog)\./) r += samples
      else if (line ~ /\[JIT\]/) j += samples
      else o += samples
    }
    END {
      f = us / n
      printf "%-12s %9d %10.1f %10.1f %8.1f %8.1f %8.1f\n", name, n, r * f, j * f, k * f, o * f, (r + j + k + o) * f
    }'
done
echo "(µs of CPU per request: samples × $((1000000 / freq)) µs / requests)"
