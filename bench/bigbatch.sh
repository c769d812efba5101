#!/usr/bin/env bash
# bigbatch.sh measures a batch's memory whatever the size of its images:
# it writes photos of rendered cards from 12 to 100 megapixels, JPEG and
# PNG, into DIR if DIR is not there yet (bench/bigphotos, about 20 s),
# then reads them all with the scan command, with two workers and with
# one, and prints each run's time and peak memory and the files refused.
#
# Usage: bench/bigbatch.sh [DIR]   (default /tmp/followthrough-bigphotos)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/followthrough-bigphotos}
tags=migrated_fynedo,sqlite_fts5
export OMP_THREAD_LIMIT=1 CGO_ENABLED=1
go=$(./setup.sh | tail -n 1)

if [[ ! -d $dir ]]; then
	"$go" run ./bench/bigphotos -out "$dir"
fi
"$go" build -tags "$tags" -o bin/followthrough .
for w in 2 1; do
	work=$(mktemp -d)
	# scan fails when a card could not be read, as the largest cannot.
	/usr/bin/time -f "workers $w: %e s, %M KB peak" \
		./bin/followthrough scan --data "$work/data" --workers "$w" --out "$work/out" "$dir" >"$work/log" 2>&1 || true
	grep '^FAIL' "$work/log" || true
	echo "read: $(grep -c '^ok' "$work/log" || true) cards"
	tail -n 1 "$work/log"
	rm -rf "$work"
done
