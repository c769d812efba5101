#!/usr/bin/env bash
# large.sh measures the app on a large address book: it makes one with
# bench/gendb in DIR if DIR holds none (100,000 contacts, 1,000,000
# interactions, 20,000 open follow-ups; about three minutes), then runs the
# benchmarks of bench/largedb on it, says how its space is spent, times an
# export of everyone with the command, and times the window's first frame.
#
# Usage: bench/large.sh [DIR]   (default /tmp/followthrough-large)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-/tmp/followthrough-large}
tags=migrated_fynedo,sqlite_fts5
export OMP_THREAD_LIMIT=1 CGO_ENABLED=1
go=$(./setup.sh | tail -n 1)

if [[ ! -f $dir/followthrough.db ]]; then
	"$go" run -tags "$tags" ./bench/gendb -data "$dir"
fi
echo "== size"
"$go" run -tags "$tags,sqlite_dbstat" ./bench/dbsize "$dir"
echo "== benchmarks"
FOLLOWTHROUGH_BENCH_DATA=$dir "$go" test -tags "$tags" -run '^$' -bench 'Reconnect|Search|ListPage|OpenContact|Thumbnail' -benchtime 20x ./bench/largedb/
FOLLOWTHROUGH_BENCH_DATA=$dir "$go" test -tags "$tags" -run '^$' -bench 'ExportAll' -benchtime 3x ./bench/largedb/
echo "== export of everyone, with the command"
"$go" build -tags "$tags" -o bin/followthrough .
out=$(mktemp --suffix .vcf)
/usr/bin/time -f "%e s, %M KB peak" ./bin/followthrough export --data "$dir" "$out"
rm -f "$out"
echo "== first frame"
bench/firstframe.sh "$dir" 5
