#!/usr/bin/env bash
# reviewmem.sh measures the memory of a batch of card photos read in the
# window and left waiting for review (issue 21, A.10): it writes 20 phone
# photos of rendered cards (12 megapixels, bench/bigphotos) into DIR if
# DIR is not there yet, links them 10 times over into 200 files, and runs
# BenchmarkScanBatchMemory (app/ui), which drops them on the window with
# the real reader and reports the peak resident memory.
#
# Usage: bench/reviewmem.sh [DIR] [COUNT]   (default /tmp/followthrough-reviewmem, 200)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/followthrough-reviewmem}
count=${2:-200}
export OMP_THREAD_LIMIT=1 CGO_ENABLED=1 LANG=en_US.UTF-8
tags=migrated_fynedo,sqlite_fts5,ci

if [[ ! -d $dir/photos ]]; then
	mkdir -p "$dir/photos"
	go run ./bench/bigphotos -out "$dir/photos" -sizes "$(printf '12,%.0s' {1..20})" -png ""
fi
batch=$dir/batch-$count
if [[ ! -d $batch ]]; then
	mkdir -p "$batch"
	photos=("$dir"/photos/*.jpg)
	for ((i = 0; i < count; i++)); do
		ln "${photos[i % ${#photos[@]}]}" "$batch/$(printf '%03d' "$i").jpg"
	done
fi
FOLLOWTHROUGH_REVIEWMEM_DIR=$batch go test -tags "$tags" -run '^$' -bench BenchmarkScanBatchMemory -benchtime 1x -timeout 60m ./app/ui/
