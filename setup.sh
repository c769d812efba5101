#!/usr/bin/env bash
# setup.sh installs what Follow Through needs to build, run and test on a
# Debian or Ubuntu machine, and nothing that is already there: Tesseract
# with its orientation data and the languages cards are read in (English,
# Japanese, Vietnamese, Portuguese, German, French, Spanish), Leptonica,
# the C headers Fyne's cgo build needs, and, when no recent Go is found, a
# Go toolchain.
#
# Usage: ./setup.sh [--test]   (--test adds what only the tests need)
set -euo pipefail
cd "$(dirname "$0")"

packages=(
	build-essential pkg-config ca-certificates curl unzip
	tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd libtesseract-dev libleptonica-dev
	tesseract-ocr-jpn tesseract-ocr-vie tesseract-ocr-por tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa
	libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev
)
if [[ "${1:-}" == "--test" ]]; then
	# Radicale is the CardDAV and CalDAV server the sync tests start on
	# 127.0.0.1. khard, vdirsyncer, khal, zbarimg and Python's vobject and
	# icalendar are programs the project did not write that read what it
	# writes (contacts/interop); Chromium is the browser the phone page
	# (app/receive) is tested in. make test fails without any of them.
	packages+=(python3 python3-vobject python3-icalendar radicale khard vdirsyncer khal zbar-tools chromium)
fi

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	echo "setup: installing ${missing[*]}" >&2
	sudo=""
	[[ $(id -u) -eq 0 ]] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Go: the version go.mod asks for. An older go (1.21 or later) fetches the
# right toolchain by itself; with none, or an older one, fetch the
# toolchain from the Go module proxy, where it is published as a module.
want=$(awk '/^go /{print $2; exit}' go.mod)
gobin=$(command -v go || true)
[[ -n "$gobin" ]] || { [[ -x /usr/local/go/bin/go ]] && gobin=/usr/local/go/bin/go; }
if [[ -n "$gobin" ]]; then
	have=$("$gobin" env GOVERSION 2>/dev/null | sed 's/^go//') || have=""
else
	have=""
fi
newer_or_equal() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" == "$2" ]]; }
if [[ -z "$have" ]] || ! newer_or_equal "$have" "1.21"; then
	dir="${XDG_CACHE_HOME:-$HOME/.cache}/followthrough/go$want"
	if [[ ! -x "$dir/bin/go" ]]; then
		arch=$(dpkg --print-architecture)
		echo "setup: fetching Go $want ($arch)" >&2
		tmp=$(mktemp -d)
		curl -fsSL -o "$tmp/go.zip" "${GOPROXY_URL:-https://proxy.golang.org}/golang.org/toolchain/@v/v0.0.1-go$want.linux-$arch.zip"
		unzip -q "$tmp/go.zip" -d "$tmp"
		mkdir -p "$(dirname "$dir")"
		mv "$tmp/golang.org/toolchain@v0.0.1-go$want.linux-$arch" "$dir"
		chmod +x "$dir"/bin/* "$dir"/pkg/tool/*/* 2>/dev/null || true
		rm -rf "$tmp"
	fi
	echo "$dir/bin/go"
else
	echo "$gobin"
fi
