#!/usr/bin/env bash
# Side by side: reportlint with only its punctuation checks, and AutoCorrect (autocorrect-py,
# a Rust core that lints Chinese punctuation and spacing), on the same generated corpus.
# Installs its peer into a virtual environment outside the repository. Not part of swift test.
#
#   Benchmarks/compare-autocorrect.sh [SIZE_MB]      (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-20}
work=${TMPDIR:-/tmp}/reportlint-compare-autocorrect
venv=$work/venv
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet autocorrect-py
fi
swift build -c release > /dev/null
.build/release/reportlint-bench corpus --size "$size" --out "$work/corpus.md"

# Only the punctuation checks: no built-in packs, one rule file.
cat > "$work/punctuation.yaml" <<'YAML'
reportlint: 1
name: punctuation-only
rules:
  - {id: half-width-punctuation, kind: half-width-punctuation}
  - {id: paired-marks, kind: paired-marks}
YAML
printf 'reportlint: 1\npacks: []\nrules: [punctuation.yaml]\n' > "$work/config.yaml"

seconds() { # command... → wall seconds
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l
}

rl=$(seconds .build/release/reportlint lint --jobs 1 --config "$work/config.yaml" --format json "$work/corpus.md" || true)
ac=$(seconds "$venv/bin/python" -c '
import sys, autocorrect_py as ac
text = open(sys.argv[1], encoding="utf-8").read()
ac.lint_for(text, sys.argv[1])
' "$work/corpus.md")
mb=$(echo "$(stat -c %s "$work/corpus.md") / 1048576" | bc -l)
printf 'corpus      %.1f MB (%s)\n' "$mb" "$work/corpus.md"
printf 'reportlint  %.3f s  %.1f MB/s  (half-width-punctuation + paired-marks, one job)\n' "$rl" "$(echo "$mb / $rl" | bc -l)"
printf 'autocorrect %.3f s  %.1f MB/s  (autocorrect_py.lint_for, %s)\n' "$ac" "$(echo "$mb / $ac" | bc -l)" "$("$venv/bin/pip" show autocorrect-py | awk '/^Version/{print $2}')"
printf 'ratio       reportlint takes %.2f× the time of autocorrect\n' "$(echo "$rl / $ac" | bc -l)"
