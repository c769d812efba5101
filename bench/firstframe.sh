#!/usr/bin/env bash
# firstframe.sh times the app's window from the command to its first frame:
# it starts bin/followthrough on the data folder DIR under Xvfb, and waits
# for X to show its window mapped (xdotool search --sync --onlyvisible),
# RUNS times. It then takes a screenshot of the last run.
#
# Usage: bench/firstframe.sh DIR [RUNS] [SHOT.png]
#   DISPLAY_NUM (default 92) is the Xvfb display to use.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: bench/firstframe.sh DIR [RUNS] [SHOT.png]}
runs=${2:-5}
shot=${3:-}
display=":${DISPLAY_NUM:-92}"
[[ -x bin/followthrough ]] || { echo "firstframe: make build first" >&2; exit 1; }

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
export DISPLAY=$display OMP_THREAD_LIMIT=1 LANG=${LANG:-en_US.UTF-8}
# Fyne keeps its settings under XDG_CONFIG_HOME: a fresh one each run.
config=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$config"' EXIT
for i in $(seq "$runs"); do
	start=$(date +%s%N)
	XDG_CONFIG_HOME=$config ./bin/followthrough --data "$dir" >/dev/null 2>&1 &
	app=$!
	xdotool search --sync --onlyvisible --name '^Follow Through$' >/dev/null
	end=$(date +%s%N)
	echo "run $i: first frame after $(( (end - start) / 1000000 )) ms"
	if [[ $i == "$runs" && -n $shot ]]; then
		sleep 2 # the lists fill in
		import -window root "$shot"
	fi
	kill "$app"
	wait "$app" 2>/dev/null || true
done
