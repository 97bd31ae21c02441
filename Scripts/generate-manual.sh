#!/usr/bin/env bash
# Regenerates docs/capdash.1 from the argument parser's own definitions, with
# swift-argument-parser's generate-manual plugin (works offline; debug build, so
# it reuses .build/debug). Run it after adding or changing a command or option;
# the CLI test "the man page lists every command and option" fails until you do.
set -euo pipefail
cd "$(dirname "$0")/.."
swift package plugin generate-manual --configuration debug --date "$(date +%Y-%m-%d)" \
  --authors "the capdash authors" >/dev/null
cp .build/plugins/GenerateManual/outputs/capdash/capdash.1 docs/capdash.1
echo "wrote docs/capdash.1"
