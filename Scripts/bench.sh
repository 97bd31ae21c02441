#!/usr/bin/env bash
# Reproduces the performance table in README.md:
#   Scripts/bench.sh [SIZES...]        (default: 10000 100000 1000000)
# For each size: capdash's own figures (capdash bench, one process per size so
# peak memory is that size's), bytes written per keystroke through a real pty
# at 120x40, and VisiData loading the same CSV in batch mode (pip install visidata).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

swift build -c release >/dev/null
bin=.build/release/capdash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v vd >/dev/null 2>&1 || echo "note: VisiData not found (pip install visidata); its column stays empty" >&2
echo "| facilities | load | evaluate | report (json+text) | open: load+evaluate+first frame | toggle median / p99 | filter key (max) | page down p99 | peak RSS | bytes per move / toggle / regroup | VisiData load | VisiData / capdash open |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in "${sizes[@]}"; do
  "$bin" generate --facilities "$n" --seed 1 -o "$work/p$n.csv"
  line=$("$bin" bench --file "$work/p$n.yaml" --toggles 1000)
  get() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
  bytes=$(python3 Scripts/keystroke_bytes.py "$bin" "$work/p$n.yaml")
  move=$(echo "$bytes" | tr ' ' '\n' | sed -n 's/^move_bytes=//p')
  toggle=$(echo "$bytes" | tr ' ' '\n' | sed -n 's/^toggle_bytes=//p')
  regroup=$(echo "$bytes" | tr ' ' '\n' | sed -n 's/^regroup_bytes=//p')
  vd_s=""; ratio=""
  if command -v vd >/dev/null 2>&1; then
    start=$(date +%s.%N)
    (cd "$work" && vd -b "p$n.csv" >/dev/null 2>&1)
    end=$(date +%s.%N)
    vd_s=$(python3 -c "print(f'{($end-$start):.2f} s')")
    ratio=$(python3 -c "print(f'{($end-$start)*1000/$(get open_total_ms):.1f}x')")
  fi
  echo "| $n | $(get load_ms) ms | $(get evaluate_ms) ms | $(get report_ms) ms | $(get open_total_ms) ms | $(get toggle_median_ms) / $(get toggle_p99_ms) ms | $(get filter_key_max_ms) ms | $(get page_down_p99_ms) ms | $(get peak_rss_mb) MB | $move / $toggle / $regroup B | $vd_s | $ratio |"
done
