#!/usr/bin/env bash
# Same-JVM A/B of the rewriter: the refuse-all rewrite of the 150 KB benchmark page, built at commit A and at the
# working tree, run alternately for a second each in one JVM (see bench/ab/SameJvmAb.java and BENCHMARKS.md).
# Usage: bench/ab.sh COMMIT_A [PAIRS=24]      (SIZE=2m for the 2 MB page; LAYOUT=table: its cards as table rows)
set -euo pipefail
cd "$(dirname "$0")/.."
commit=${1:?usage: bench/ab.sh COMMIT_A [PAIRS]}; pairs=${2:-24}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/a" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt"
git worktree add -q --detach "$work/a" "$commit"
(cd "$work/a" && mvn -q -B test-compile)
mkdir -p "$work/driver" "$work/main"
javac -d "$work/driver" -cp "target/classes:target/test-classes" bench/ab/Driver.java
javac -d "$work/main" bench/ab/SameJvmAb.java
java -Dsize="${SIZE:-150k}" -Dlayout="${LAYOUT:-cards}" -cp "$work/main" SameJvmAb "$work/driver" "$work/a" "$PWD" "@$work/cp.txt" "$pairs"
