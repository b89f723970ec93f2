#!/usr/bin/env bash
# Runs the JMH suite (with JMH's GC profiler for bytes per operation) and, in the same run, numpy and
# PyTorch on the same cases, then prints the tables of ratios: ours vs the raw library, vs numpy, vs PyTorch,
# GFLOP/s, samples/s, B/op.
#
#   nn-benchmarks/run-benchmarks.sh                 # build, forward cases: JMH, numpy_forward.py and
#                        # torch_forward.py, and the forward table (about 8 minutes)
#   nn-benchmarks/run-benchmarks.sh --training      # instead: the training steps (TrainingStepBenchmark)
#                        # and torch_training.py, PyTorch on the same cases, and the training table (~4 min)
#   nn-benchmarks/run-benchmarks.sh --all           # both: one JMH run, numpy and PyTorch beside every
#                        # forward and training case, both tables (about 12 minutes)
#   nn-benchmarks/run-benchmarks.sh --no-build      # reuse nn-benchmarks/target/benchmarks.jar
#   nn-benchmarks/run-benchmarks.sh --only REGEX    # only the JMH benchmarks matching REGEX
#   nn-benchmarks/run-benchmarks.sh --markdown      # the tables in Markdown, as in the README
#   nn-benchmarks/run-benchmarks.sh --nd4j-coretype NAME
#                        # an override, not needed: the nd4j backend's OpenBLAS picks its kernel itself
#                        # (README, "ND4J's native platform"); this sets OPENBLAS_CORETYPE=NAME for the
#                        # JMH run only, to compare kernels (name one your CPU supports)
#
# PyTorch is Debian's python3-torch, run with /usr/bin/python3; without it the PyTorch columns stay empty,
# with a note. numpy is the python3 on the PATH.
# Results go to nn-benchmarks/target/results/ (jmh.json, jmh.log, numpy.jsonl, torch-forward.jsonl,
# torch-forward.log, table.txt; with --training the training-* files and torch.jsonl, torch.log; with --all
# all of them, from all-jmh.json).
# JMH settings: one fork, 3 warm-up and 3 measured iterations of 1 s (JMH_OPTS overrides them).
# The machine should be quiet: the script prints the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
training=0
forward=1
only=
markdown=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --only) only="$2"; shift ;;
    --markdown) markdown=(--markdown) ;;
    --training) training=1; forward=0 ;;
    --all) training=1; forward=1 ;;
    --nd4j-coretype) export OPENBLAS_CORETYPE="$2"; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "run-benchmarks.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

forward_regex='ForwardBenchmark|PredictBenchmark|MegamorphicBenchmark|Raw.*Benchmark'
if [ -z "$only" ]; then
  if [ "$forward" = 1 ] && [ "$training" = 1 ]; then only="$forward_regex|TrainingStepBenchmark"
  elif [ "$training" = 1 ]; then only='TrainingStepBenchmark'; else only="$forward_regex"; fi
fi
if [ "$forward" = 1 ] && [ "$training" = 1 ]; then prefix=all-
elif [ "$training" = 1 ]; then prefix=training-; else prefix=; fi
out=nn-benchmarks/target/results
jar=nn-benchmarks/target/benchmarks.jar
if [ "$build" = 1 ]; then
  ./mvnw -B -q -DskipTests package -pl nn-benchmarks -am
fi
mkdir -p "$out"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "java:    $(java -version 2>&1 | head -1)"
echo "OPENBLAS_CORETYPE for JMH (ND4J): ${OPENBLAS_CORETYPE:-unset (the kernel OpenBLAS picks itself)}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s)

# shellcheck disable=SC2086
java -jar "$jar" "$only" ${JMH_OPTS:--f 1 -wi 3 -i 3 -w 1s -r 1s} -prof gc \
  -rf json -rff "$out/${prefix}jmh.json" > "$out/${prefix}jmh.log" 2>&1 || { tail -40 "$out/${prefix}jmh.log"; exit 1; }

# OpenBLAS's OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a
# current numpy: unset them for the Python baselines; each prints the kernel it then runs. PyTorch links the
# system's OpenBLAS: the same holds for it.
# run_python LABEL PYTHON SCRIPT OUTPUT: runs SCRIPT with PYTHON into OUTPUT.jsonl and OUTPUT.log, and prints
# LABEL with the line the script writes to stderr last (its versions and kernel).
run_python() {
  local name=$1 python=$2 script=$3 output=$4
  : > "$out/$output.jsonl"
  if env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "nn-benchmarks/$script" > "$out/$output.jsonl" \
      2> "$out/$output.log"; then
    echo "$name: $(tail -1 "$out/$output.log")"
  else
    echo "$script failed: $(tail -1 "$out/$output.log")"
  fi
}
has_torch=0
/usr/bin/python3 -c 'import torch' 2> /dev/null && has_torch=1
[ "$has_torch" = 1 ] || echo "PyTorch skipped: /usr/bin/python3 cannot import torch (the PyTorch columns stay empty)"
if [ "$forward" = 1 ]; then
  run_python "numpy  " python3 numpy_forward.py numpy
  if [ "$has_torch" = 1 ]; then run_python "torch  " /usr/bin/python3 torch_forward.py torch-forward
  else : > "$out/torch-forward.jsonl"; fi
fi
if [ "$training" = 1 ]; then
  if [ "$has_torch" = 1 ]; then run_python "torch (training)" /usr/bin/python3 torch_training.py torch
  else : > "$out/torch.jsonl"; fi
fi
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - start )) s"
echo

tables=()
[ "$forward" = 1 ] && tables+=("$out/numpy.jsonl" --torch-forward "$out/torch-forward.jsonl")
[ "$training" = 1 ] && tables+=(--torch "$out/torch.jsonl")
python3 nn-benchmarks/bench_table.py "$out/${prefix}jmh.json" "${tables[@]}" "${markdown[@]}" \
  --json "$out/${prefix}table.json" | tee "$out/${prefix}table.txt"
