#!/usr/bin/env bash
# Paired ratios for the rewriter: each round is one JMH invocation that runs jsoupRefuseAll, ltScan and
# rewriteRefuseAll back to back (one fork each, the class's warm-up and measurement settings), so the three scores
# of a round come from the same few minutes of the machine. Prints each round's rewriter MB/s and its ratios to the
# `<` scan and to jsoup, then the median of each over the rounds. See BENCHMARKS.md ("Paired rounds").
# Usage: [SIZE=150k|2m] [JAVA=/path/to/bin/java] bench/ratios.sh [ROUNDS=7]   (JAVA: the JVM the rounds run on)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-7}; size=${SIZE:-150k}; java=${JAVA:-java}
mvn -q -B test-compile
cp=$(mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
csv=$(mktemp)
all=$(mktemp)
trap 'rm -f "$csv" "$all"' EXIT
bytes=$("$java" -cp "target/classes:target/test-classes:$cp" io.consentgate.bench.PageFixtures "$size")
echo "page $size: $bytes bytes; $rounds rounds, each: jsoup, < scan, rewriter (refuse all), 1 fork; $("$java" -version 2>&1 | head -1)"
for r in $(seq 1 "$rounds"); do
  "$java" -cp "target/classes:target/test-classes:$cp" org.openjdk.jmh.Main \
      'RewriteBenchmark\.(rewriteRefuseAll|ltScan|jsoupRefuseAll)$' -p size="$size" -f 1 \
      -rf csv -rff "$csv" >/dev/null
  # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: size"
  read -r jsoup lt rw < <(awk -F, '
      /jsoupRefuseAll"/ {j=$5} /ltScan"/ {l=$5} /rewriteRefuseAll"/ {w=$5}
      END {print j, l, w}' "$csv")
  awk -v r="$r" -v j="$jsoup" -v l="$lt" -v w="$rw" -v b="$bytes" 'BEGIN {
      printf "round %d: rewriter %5.0f MB/s (%7.1f pages/s), < scan %5.0f MB/s, jsoup %3.0f MB/s, " \
             "rewriter/scan %.3f, rewriter/jsoup %.1f\n", r, w*b/1e6, w, l*b/1e6, j*b/1e6, w/l, w/j }'
  echo "$jsoup $lt $rw" >> "$all"
done
awk -v b="$bytes" '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  { n++; mbs[n] = $3 * b / 1e6; scan[n] = $3 / $2; js[n] = $3 / $1 }
  END { printf "median over %d rounds: rewriter %.0f MB/s, rewriter/scan %.3f, rewriter/jsoup %.1f\n",
        n, median(mbs, n), median(scan, n), median(js, n) }' "$all"
