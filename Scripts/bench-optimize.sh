#!/usr/bin/env bash
# Goal-seek solve times with CBC, release build:
#   Scripts/bench-optimize.sh [SIZES...]     (default: 300 1000 10000)
#   SEEDS="1 2 3" TIME_LIMIT=30 Scripts/bench-optimize.sh 1000
# For each size and seed: a generated portfolio (capdash generate), the most capex any plan
# frees (--max-divest-mw with no cap), then `capdash optimize` timed end to end (load,
# solve, report) for --target-capex at 50%, 85% and 95% of that, with and without
# --keep-ai-ready, and for --max-divest-mw at 10% of the portfolio's MW. Prints wall
# seconds, peak RSS, and whether the plan is proven optimal or the solver's proven gap.
# A size past the limit for the time limit shows the refusal (try 100000 or 1000000).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 1000 10000)
seeds=${SEEDS:-1}
limit=${TIME_LIMIT:-30}

swift build -c release --product capdash >/dev/null
bin=$PWD/.build/release/capdash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs capdash optimize with the arguments given; prints "seconds|peak KB|outcome".
run() {
  local start end rss outcome
  start=$(date +%s.%N)
  if /usr/bin/time -f "%M" -o "$work/rss" "$bin" optimize "$@" --time-limit "$limit" --format json >"$work/out.json" 2>"$work/err"; then
    outcome=$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
if d["exact"]:
    print("proven optimal, %d nodes" % d["nodes"])
else:
    g = d.get("gap") or {}
    bound = g.get("lower_bound", g.get("upper_bound"))
    rel = "n/a" if bound is None else "%.2g%%" % (abs(g["value"] - bound) / max(abs(g["value"]), 1e-9) * 100)
    print("best found: gap on %s %s" % (g.get("objective"), rel))
' "$work/out.json")
  else
    outcome="refused/failed: $(cut -c1-140 "$work/err" | tail -1)"
  fi
  end=$(date +%s.%N)
  rss=$(tail -1 "$work/rss")
  echo "$(python3 -c "print(f'{$end - $start:.2f}')")|$((rss / 1024))|$outcome"
}

echo "time limit ${limit} s; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| facilities | seed | goal | wall s | peak RSS MB | outcome |"
echo "| ---: | ---: | :--- | ---: | ---: | :--- |"
for n in "${sizes[@]}"; do
  for seed in $seeds; do
    "$bin" generate --facilities "$n" --seed "$seed" -o "$work/p.csv" --force >/dev/null
    scenario="$work/p.yaml"
    most=$("$bin" optimize "$scenario" --max-divest-mw 1e15 --time-limit "$limit" --format json 2>/dev/null \
      | python3 -c 'import json, sys; print(json.load(sys.stdin)["capex_freed"])' 2>/dev/null || echo "")
    if [ -z "$most" ]; then
      IFS='|' read -r s m o <<<"$(run "$scenario" --target-capex 1B)"
      echo "| $n | $seed | target 1B | $s | $m | $o |"
      continue
    fi
    for share in 0.5 0.85 0.95; do
      target=$(python3 -c "print(int($most * $share))")
      for keep in "" "--keep-ai-ready"; do
        IFS='|' read -r s m o <<<"$(run "$scenario" --target-capex "$target" $keep)"
        echo "| $n | $seed | target ${share} of most${keep:+, keep AI-ready} | $s | $m | $o |"
      done
    done
    mw=$(python3 -c "import csv; print(0.1 * sum(float(r['capacity_mw']) for r in csv.DictReader(open('$work/p.csv'))))")
    IFS='|' read -r s m o <<<"$(run "$scenario" --max-divest-mw "$mw")"
    echo "| $n | $seed | most capex, 10% of MW divested | $s | $m | $o |"
  done
done
