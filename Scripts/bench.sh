#!/usr/bin/env bash
# Reproduces the performance tables in README.md:
#   Scripts/bench.sh [--cli] [SIZES...]      (default sizes: 10000 100000 1000000)
# For each size it generates a portfolio (capdash generate --seed 1) and prints two tables.
#  1. The dashboard: capdash's own figures (capdash bench, one process per size so peak
#     memory is that size's), bytes written per keystroke through a real pty at 120x40,
#     and VisiData loading the same CSV. --cli skips this table.
#  2. The command line, side by side in one run: `capdash check` and `capdash report
#     --format json` on the CSV, CPython's csv module merely reading it, VisiData loading
#     it in batch mode (vd -b) and DuckDB summing a column and counting distinct ids:
#     median wall time of CAPDASH_BENCH_RUNS runs (default 3) and the largest peak RSS
#     (getrusage), by Scripts/measure.py.
# VisiData: pip install visidata. DuckDB: pip install duckdb. Without them their columns stay empty.
# CAPDASH_SCRATCH names the build folder (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
dashboard=1
if [ "${1:-}" = "--cli" ]; then dashboard=0; shift; fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)
runs=${CAPDASH_BENCH_RUNS:-3}
scratch=${CAPDASH_SCRATCH:-.build}

swift build -c release --scratch-path "$scratch" >/dev/null
bin=$scratch/release/capdash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do "$bin" generate --facilities "$n" --seed 1 -o "$work/p$n.csv"; done

command -v vd >/dev/null 2>&1 || echo "note: VisiData not found (pip install visidata); its columns stay empty" >&2
python3 -c 'import duckdb' 2>/dev/null || echo "note: DuckDB not found (pip install duckdb); its column stays empty" >&2
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
ratio() { python3 -c "import sys; a, b = sys.argv[1:]; print(f'{float(a) / float(b):.1f}x' if a and b else '')" "$1" "$2"; }
cell() { local s; s=$(field "$1" seconds); [ -n "$s" ] && echo "$s s, $(field "$1" peak_mb) MB" || echo ""; }

if [ $dashboard = 1 ]; then
  echo "| facilities | load | open: load, evaluate, first frame | toggle: update / with its frame, median | toggle p99 | filter key (max) | page down p99 | dashboard peak RSS | evaluate | report (json+text) | bytes per move / toggle / regroup | VisiData load | VisiData / capdash open |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for n in "${sizes[@]}"; do
    line=$("$bin" bench --file "$work/p$n.yaml" --toggles 1000)
    bytes=$(python3 Scripts/keystroke_bytes.py "$bin" "$work/p$n.yaml")
    vd_line=$(cd "$work" && python3 "$OLDPWD/Scripts/measure.py" 1 vd -b "p$n.csv")
    vd_s=$(field "$vd_line" seconds)
    open_s=$(python3 -c "print($(field "$line" open_total_ms) / 1000)")
    echo "| $n | $(field "$line" load_ms) ms | $(field "$line" open_total_ms) ms | $(field "$line" toggle_update_median_ms) / $(field "$line" toggle_median_ms) ms | $(field "$line" toggle_p99_ms) ms | $(field "$line" filter_key_max_ms) ms | $(field "$line" page_down_p99_ms) ms | $(field "$line" dashboard_peak_rss_mb) MB | $(field "$line" evaluate_ms) ms | $(field "$line" report_ms) ms | $(field "$bytes" move_bytes) / $(field "$bytes" toggle_bytes) / $(field "$bytes" regroup_bytes) B | ${vd_s:+$vd_s s} | $(ratio "$vd_s" "$open_s") |"
  done
  echo
fi

echo "| facilities | CSV | capdash check | capdash report --format json | CPython csv read | VisiData vd -b | DuckDB sum + count distinct | vd / check | vd / report json | CPython / check |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
measure="python3 $PWD/Scripts/measure.py $runs"
for n in "${sizes[@]}"; do
  csv="p$n.csv"
  cd "$work"
  check=$($measure "$OLDPWD/$bin" check "$csv")
  json=$($measure "$OLDPWD/$bin" report --format json "$csv")
  cpython=$($measure python3 -c 'import csv,sys; sum(1 for _ in csv.reader(open(sys.argv[1], newline="")))' "$csv")
  vd=$($measure vd -b "$csv")
  duck=""
  if python3 -c 'import duckdb' 2>/dev/null; then
    duck=$($measure python3 -c 'import duckdb,sys; print(duckdb.sql("select sum(capacity_mw), count(distinct id) from read_csv(?)", params=[sys.argv[1]]).fetchall())' "$csv")
  fi
  cd "$OLDPWD"
  size=$(python3 -c "import os; print(f'{os.path.getsize(\"$work/$csv\") / 1e6:.1f} MB')")
  echo "| $n | $size | $(cell "$check") | $(cell "$json") | $(cell "$cpython") | $(cell "$vd") | $(cell "$duck") | $(ratio "$(field "$vd" seconds)" "$(field "$check" seconds)") | $(ratio "$(field "$vd" seconds)" "$(field "$json" seconds)") | $(ratio "$(field "$cpython" seconds)" "$(field "$check" seconds)") |"
done
