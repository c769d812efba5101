#!/usr/bin/env bash
# take.sh takes the README's screenshots from the real window, in the light
# and the dark theme, with invented contacts (see gendemo) and a rendered
# sample card under review. It needs Xvfb, openbox, xdotool and ImageMagick:
#
#   apt-get install xvfb openbox xdotool imagemagick pngquant
#   make build && assets/screenshots/take.sh [DISPLAY_NUMBER] [OUT_DIR]
#
# FYNE_SCALE=1.5 assets/screenshots/take.sh 94 /tmp/shots takes them at a
# larger scale, to check that nothing is clipped.
set -euo pipefail
cd "$(dirname "$0")/../.."
num=${1:-94}
out=${2:-assets/screenshots}
export DISPLAY=:$num LANG=en_US.UTF-8
scale=${FYNE_SCALE:-1}

work=$(mktemp -d)
# Fresh preferences, so that a theme or text size chosen in the app does
# not change the screenshots.
export XDG_CONFIG_HOME=$work/config
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
	rm -rf "$work"
}
trap cleanup EXIT

Xvfb "$DISPLAY" -screen 0 2000x1300x24 >/dev/null 2>&1 &
pids+=($!)
sleep 1
openbox >/dev/null 2>&1 &
pids+=($!)
go run -tags migrated_fynedo,sqlite_fts5 ./assets/screenshots/gendemo "$work/data" >/dev/null

# shot NAME: the window's content, as a small PNG of at most 128 colours
# (pngquant keeps the text sharper, where it is installed).
shot() {
	sleep 1.5
	import -window "$win" "$work/raw.png"
	if command -v pngquant >/dev/null; then
		pngquant --force --strip --speed 1 --quality 70-90 128 --output "$out/$1.png" "$work/raw.png"
	else
		convert "$work/raw.png" -dither None -colors 128 -strip "PNG8:$out/$1.png"
	fi
}
# click X Y: a click at the point X,Y of the window, in Fyne's units.
click() {
	xdotool mousemove --window "$win" "$(awk "BEGIN{print int($1*$scale)}")" "$(awk "BEGIN{print int($2*$scale)}")" click 1
}

mkdir -p "$out"
for variant in light dark; do
	FYNE_THEME=$variant ./bin/followthrough --data "$work/data" assets/samples/sample-2.png >"$work/app.log" 2>&1 &
	app=$!
	for _ in $(seq 50); do
		win=$(xdotool search --name '^Follow Through$' 2>/dev/null | head -1 || true)
		[[ -n "$win" ]] && break
		sleep 0.2
	done
	xdotool windowmove "$win" 0 0 windowactivate --sync "$win"
	sleep 4 # the card is read with Tesseract
	shot "review-$variant"
	xdotool key ctrl+1
	shot "reconnect-$variant"
	xdotool key ctrl+f
	xdotool type --delay 40 whitfield
	sleep 1
	click 200 150 # the one contact found
	shot "contacts-$variant"
	xdotool key ctrl+3
	sleep 0.5
	click 200 90 # the first event
	shot "events-$variant"
	xdotool key ctrl+comma
	shot "settings-$variant"
	xdotool key ctrl+q
	wait "$app" || true
done
ls -l "$out"/*.png
