#!/usr/bin/env bash
# bench/analyze-instructions.sh — how analysis.Analyze grows from 100 to
# 1,000 stages, counted in instructions (valgrind's callgrind) instead of
# seconds, so the figure is the same on a busy machine and a quiet one.
#
# For each shape (randjourney "stages=N", the lean builder "lean/stages=N")
# and each size it runs BenchmarkAnalyze for 4 and for 12 calls and takes
# the difference / 8: the instructions of one call, setup excluded.
#
# With GOGC=off that is the analysis itself, and it repeats within a few
# per cent from run to run. With the default collector it includes the collection
# work the calls cause; that part follows the pacer, which reads the clock,
# so it varies from run to run (lean growth seen from 7.6x to 11.7x). One P
# (GOMAXPROCS=1) so no idle collector worker runs on wall-clock time; no
# async preemption (callgrind trips on its signals).
#
# Needs valgrind (apt-get install valgrind). Takes about 10 minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp)
trap 'rm -f "$bin" callgrind.out.*' EXIT
CGO_ENABLED=0 go test -c -o "$bin" ./analysis

instructions() { # gogc bench n
  GOMAXPROCS=1 GOGC=$1 GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$bin" -test.run '^$' -test.bench "BenchmarkAnalyze\$/$2\$" -test.benchtime "$3x" 2>&1 |
    awk '/Collected/ {print $4}'
}
perCall() { # gogc bench
  local a b
  a=$(instructions "$1" "$2" 4)
  b=$(instructions "$1" "$2" 12)
  echo $(((b - a) / 8))
}

printf '%-12s %-8s %14s %14s %7s\n' shape GOGC "100 stages" "1000 stages" growth
for shape in "" lean/; do
  for gc in off 100; do
    small=$(perCall "$gc" "${shape}stages=100")
    large=$(perCall "$gc" "${shape}stages=1000")
    printf '%-12s %-8s %14d %14d %6.2fx\n' "${shape:-randjourney/}" "$gc" "$small" "$large" \
      "$(awk -v a="$small" -v b="$large" 'BEGIN {print b / a}')"
  done
done
