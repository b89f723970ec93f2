#!/usr/bin/env bash
# Runs the JMH suite (with JMH's GC profiler for bytes per operation) and numpy_forward.py, then prints
# the table of ratios: ours vs the raw library, ours vs numpy, GFLOP/s, samples/s, B/op.
#
#   nn-benchmarks/run-benchmarks.sh                 # build, run everything (about 8 minutes)
#   nn-benchmarks/run-benchmarks.sh --no-build      # reuse nn-benchmarks/target/benchmarks.jar
#   nn-benchmarks/run-benchmarks.sh --only REGEX    # only the JMH benchmarks matching REGEX
#   nn-benchmarks/run-benchmarks.sh --markdown      # the table in Markdown, as in the README
#   nn-benchmarks/run-benchmarks.sh --nd4j-coretype SkylakeX
#                        # OPENBLAS_CORETYPE=SkylakeX for the JMH run only: ND4J bundles OpenBLAS 0.3.19,
#                        # whose own CPU detection picks a kernel ~5x slower on this machine's Xeon
#                        # (see README, "Performance"); name a kernel your CPU supports
#
# Results go to nn-benchmarks/target/results/ (jmh.json, jmh.log, numpy.jsonl, table.txt).
# JMH settings: one fork, 3 warm-up and 3 measured iterations of 1 s (JMH_OPTS overrides them).
# The JMH run keeps the environment's OPENBLAS_CORETYPE (ND4J's bundled OpenBLAS 0.3.19 reads it);
# the script prints it.
# The machine should be quiet: the script prints the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
only='ForwardBenchmark|PredictBenchmark|MegamorphicBenchmark|Raw.*Benchmark'
markdown=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --only) only="$2"; shift ;;
    --markdown) markdown=(--markdown) ;;
    --nd4j-coretype) export OPENBLAS_CORETYPE="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

out=nn-benchmarks/target/results
jar=nn-benchmarks/target/benchmarks.jar
if [ "$build" = 1 ]; then
  ./mvnw -B -q -DskipTests package -pl nn-benchmarks -am
fi
mkdir -p "$out"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "java:    $(java -version 2>&1 | head -1)"
echo "OPENBLAS_CORETYPE for JMH (ND4J): ${OPENBLAS_CORETYPE:-unset}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)

# shellcheck disable=SC2086
java -jar "$jar" "$only" ${JMH_OPTS:--f 1 -wi 3 -i 3 -w 1s -r 1s} -prof gc \
  -rf json -rff "$out/jmh.json" > "$out/jmh.log" 2>&1 || { tail -40 "$out/jmh.log"; exit 1; }

# OpenBLAS's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a
# current numpy: unset them for this command only; numpy_forward.py prints the kernel it then runs.
numpy_ok=1
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 nn-benchmarks/numpy_forward.py > "$out/numpy.jsonl" \
  2> "$out/numpy.log" || { numpy_ok=0; echo "numpy_forward.py failed (no numpy?): $(tail -1 "$out/numpy.log")"; }
[ "$numpy_ok" = 1 ] && echo "numpy:   $(cat "$out/numpy.log")"
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - start )) s"
echo

python3 nn-benchmarks/bench_table.py "$out/jmh.json" "$out/numpy.jsonl" "${markdown[@]}" \
  --json "$out/table.json" | tee "$out/table.txt"
