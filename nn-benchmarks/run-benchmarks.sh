#!/usr/bin/env bash
# Runs the JMH suite (with JMH's GC profiler for bytes per operation) and numpy_forward.py, then prints
# the table of ratios: ours vs the raw library, ours vs numpy, GFLOP/s, samples/s, B/op.
#
#   nn-benchmarks/run-benchmarks.sh                 # build, run everything (about 8 minutes)
#   nn-benchmarks/run-benchmarks.sh --no-build      # reuse nn-benchmarks/target/benchmarks.jar
#   nn-benchmarks/run-benchmarks.sh --only REGEX    # only the JMH benchmarks matching REGEX
#   nn-benchmarks/run-benchmarks.sh --markdown      # the table in Markdown, as in the README
#   nn-benchmarks/run-benchmarks.sh --training      # instead: the training steps (TrainingStepBenchmark)
#                        # and torch_training.py, PyTorch on the same cases (/usr/bin/python3 with torch;
#                        # skipped with a note without it), and the training table (about 4 minutes)
#   nn-benchmarks/run-benchmarks.sh --nd4j-coretype SkylakeX
#                        # OPENBLAS_CORETYPE=SkylakeX for the JMH run only: ND4J bundles OpenBLAS 0.3.19,
#                        # whose own CPU detection picks a kernel ~5x slower on this machine's Xeon
#                        # (see README, "Performance"); name a kernel your CPU supports
#
# Results go to nn-benchmarks/target/results/ (jmh.json, jmh.log, numpy.jsonl, table.txt; with --training
# training-jmh.json, training-jmh.log, torch.jsonl, torch.log, training-table.txt).
# JMH settings: one fork, 3 warm-up and 3 measured iterations of 1 s (JMH_OPTS overrides them).
# The JMH run keeps the environment's OPENBLAS_CORETYPE (ND4J's bundled OpenBLAS 0.3.19 reads it);
# the script prints it.
# The machine should be quiet: the script prints the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
training=0
only=
markdown=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --only) only="$2"; shift ;;
    --markdown) markdown=(--markdown) ;;
    --training) training=1 ;;
    --nd4j-coretype) export OPENBLAS_CORETYPE="$2"; shift ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ -z "$only" ]; then
  if [ "$training" = 1 ]; then only='TrainingStepBenchmark'; else
    only='ForwardBenchmark|PredictBenchmark|MegamorphicBenchmark|Raw.*Benchmark'; fi
fi
prefix=; [ "$training" = 1 ] && prefix=training-
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
  -rf json -rff "$out/${prefix}jmh.json" > "$out/${prefix}jmh.log" 2>&1 || { tail -40 "$out/${prefix}jmh.log"; exit 1; }

# OpenBLAS's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a
# current numpy: unset them for this command only; numpy_forward.py prints the kernel it then runs.
# PyTorch (torch_training.py) links the system's OpenBLAS: the same holds for it.
if [ "$training" = 1 ]; then
  : > "$out/torch.jsonl"
  if /usr/bin/python3 -c 'import torch' 2> /dev/null; then
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 nn-benchmarks/torch_training.py \
      > "$out/torch.jsonl" 2> "$out/torch.log" && echo "torch:   $(cat "$out/torch.log")" \
      || echo "torch_training.py failed: $(tail -1 "$out/torch.log")"
  else
    echo "PyTorch skipped: /usr/bin/python3 cannot import torch (the PyTorch columns stay empty)"
  fi
else
  numpy_ok=1
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 nn-benchmarks/numpy_forward.py > "$out/numpy.jsonl" \
    2> "$out/numpy.log" || { numpy_ok=0; echo "numpy_forward.py failed (no numpy?): $(tail -1 "$out/numpy.log")"; }
  [ "$numpy_ok" = 1 ] && echo "numpy:   $(cat "$out/numpy.log")"
fi
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - start )) s"
echo

if [ "$training" = 1 ]; then
  python3 nn-benchmarks/bench_table.py "$out/training-jmh.json" --torch "$out/torch.jsonl" "${markdown[@]}" \
    --json "$out/training-table.json" | tee "$out/training-table.txt"
else
  python3 nn-benchmarks/bench_table.py "$out/jmh.json" "$out/numpy.jsonl" "${markdown[@]}" \
    --json "$out/table.json" | tee "$out/table.txt"
fi
