#!/usr/bin/env bash
# figures.sh: the whole-process figures of issue 17 besides the seed's
# (bench/peers.sh times that against its peers), each the median of
# ROUNDS runs (default 5) of a fresh process:
#
#   - package init: the sum of the init times GODEBUG=inittrace=1 prints
#     for a run that only asks for help;
#   - batch: the 52 pages of the shared corpus, PDF and EPUB each, in one
#     run on every CPU, in articles a second;
#   - book: Moby-Dick to PDF;
#   - bound corpus: the 52 pages bound into one PDF and one EPUB.
#
#   bench/figures.sh [ROUNDS]
#
# It needs ../shared beside the project (corpus/ and corpus-long/).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
shared=../shared
[ -d "$shared/corpus" ] && [ -f "$shared/corpus-long/moby-dick.txt" ] ||
  { echo "figures.sh: $shared/corpus and corpus-long are missing" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/publish" ./cmd/publish
pages=("$shared"/corpus/*/source.html)

# median: the middle of the numbers on standard input.
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
# wall CMD...: the wall time of one run in seconds, its output dropped.
wall() {
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1
  echo "$EPOCHREALTIME - $t0" | bc
}

for _ in $(seq "$rounds"); do
  GODEBUG=inittrace=1 "$work/publish" --help 2>&1 >/dev/null |
    awk '/^init / {s += $5} END {print s}' >> "$work/init"
  wall "$work/publish" --force -o "$work/batch" "${pages[@]}" >> "$work/batch.t"
  wall "$work/publish" --force --format pdf -o "$work/book" "$shared/corpus-long/moby-dick.txt" >> "$work/book.t"
  wall "$work/publish" --force --bind --title Corpus -o "$work/bound" "${pages[@]}" >> "$work/bound.t"
done
printf 'median of %d runs\n' "$rounds"
printf '%-32s %8.1f ms\n' "package init" "$(median < "$work/init")"
printf '%-32s %8.1f articles/s\n' "batch (52 pages, PDF and EPUB)" "$(echo "${#pages[@]} / $(median < "$work/batch.t")" | bc -l)"
printf '%-32s %8.0f ms\n' "book (Moby-Dick, PDF)" "$(echo "$(median < "$work/book.t") * 1000" | bc -l)"
printf '%-32s %8.0f ms\n' "bound corpus (PDF and EPUB)" "$(echo "$(median < "$work/bound.t") * 1000" | bc -l)"
