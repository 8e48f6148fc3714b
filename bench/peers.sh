#!/usr/bin/env bash
# peers.sh: times publish against its peers on the seed article, as a
# whole process each, in one run so that the machine's load is the same
# for all: publish making the PDF and the EPUB, weasyprint making the PDF
# alone from the seed as HTML, and pandoc making the EPUB alone. The
# three run in turn, ROUNDS times (default 15); it prints each one's
# median wall time and peak memory, and publish's time as a share of each
# peer's (issue 17 asks for 1/50 of weasyprint's and 1/10 of pandoc's).
#
#   bench/peers.sh [ROUNDS]
#
# It needs weasyprint and pandoc (Debian's packages) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-15}
for tool in weasyprint pandoc /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "peers.sh: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/publish" ./cmd/publish
seed=testdata/china-power.txt
# The peers' inputs, made once, outside the timing: the seed as Markdown
# with its title (what pandoc reads) and as HTML (what weasyprint reads).
{ printf '%% %s\n\n' "$(sed -n 2p "$seed")"; cat "$seed"; } > "$work/seed.md"
pandoc -s --metadata pagetitle=seed "$work/seed.md" -o "$work/seed.html"

# run NAME CMD...: one timed run, appending "seconds kilobytes" to NAME:
# the wall time from the shell's clock (GNU time's has 10 ms steps), the
# peak memory from GNU time.
run() {
  local name=$1; shift
  local t0=$EPOCHREALTIME
  /usr/bin/time -f '%M' -o "$work/$name.one" "$@" >/dev/null 2>&1
  local t1=$EPOCHREALTIME
  echo "$(echo "$t1 - $t0" | bc) $(cat "$work/$name.one")" >> "$work/$name.times"
}
for _ in $(seq "$rounds"); do
  run publish "$work/publish" --force -o "$work/out" "$seed"
  run weasyprint weasyprint "$work/seed.html" "$work/out.pdf"
  run pandoc pandoc "$work/seed.md" -o "$work/out.epub"
done

# median FILE COLUMN
median() { cut -d' ' -f"$2" "$1" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
p=$(median "$work/publish.times" 1)
printf '%-28s %10s %10s\n' "median of $rounds runs" "wall (ms)" "peak (MB)"
for name in publish weasyprint pandoc; do
  t=$(median "$work/$name.times" 1)
  m=$(median "$work/$name.times" 2)
  printf '%-28s %10.0f %10.1f\n' "$name" "$(echo "$t*1000" | bc)" "$(echo "$m/1024" | bc -l)"
done
w=$(median "$work/weasyprint.times" 1)
d=$(median "$work/pandoc.times" 1)
printf 'publish / weasyprint (PDF): 1/%.1f\n' "$(echo "$w/$p" | bc -l)"
printf 'publish / pandoc (EPUB):    1/%.1f\n' "$(echo "$d/$p" | bc -l)"
