#!/usr/bin/env bash
# setup.sh installs what Follow Through needs to build, run and test on a
# Debian or Ubuntu machine, and nothing that is already there: Tesseract
# with its orientation data and the languages cards are read in (English,
# Japanese, Vietnamese, Portuguese, German, French, Spanish, Turkish,
# Croatian, Polish, Czech, Italian, Dutch, Chinese), a better English
# model from the npm registry, Leptonica,
# the C headers Fyne's cgo build needs, and, when no recent Go is found, a
# Go toolchain.
#
# Usage: ./setup.sh [--test]   (--test adds what only the tests need)
set -euo pipefail
cd "$(dirname "$0")"

packages=(
	build-essential pkg-config ca-certificates curl unzip
	tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd libtesseract-dev libleptonica-dev
	tesseract-ocr-jpn tesseract-ocr-jpn-vert tesseract-ocr-vie tesseract-ocr-por tesseract-ocr-deu tesseract-ocr-fra tesseract-ocr-spa
	tesseract-ocr-tur tesseract-ocr-hrv tesseract-ocr-pol tesseract-ocr-ces tesseract-ocr-ita tesseract-ocr-nld
	tesseract-ocr-chi-sim tesseract-ocr-chi-tra tesseract-ocr-script-latn
	# A Japanese font: the window shows kanji names with it (Fyne's own
	# font has none), and the invented Japanese cards are drawn in it.
	fonts-ipafont-gothic
	# A font with Vietnamese letters, which the Go fonts lack: the
	# invented Vietnamese cards are drawn in it.
	fonts-dejavu-core
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

# English is read with Tesseract's "best_int" model (integer LSTM, 5 MB),
# which reads cards unlike the dev ones better than Debian's small "fast"
# model (BENCHMARKS.md, "Recognition models"). It comes from the npm
# registry as @tesseract.js-data/eng 1.0.0, is checked against the SHA-256
# sum pinned here, and goes into the folder the app looks in first, beside
# links to Debian's models of every other language (and Debian's configs),
# so that a card read in English and another language reads English with
# it too. Without that folder the app reads with Debian's models alone.
# FOLLOWTHROUGH_MODELS=system (or FOLLOWTHROUGH_TESSDATA=system) skips this.
# Each line: language, model set in the package, SHA-256 of the package.
models=(
	"eng 4.0.0_best_int c9bddf2e2f0a214ac7918f3f4a3caf45e09ce8674fe26662ae7787ac8927f7bb"
)
system_tessdata=/usr/share/tesseract-ocr/5/tessdata
tessdata="${FOLLOWTHROUGH_TESSDATA:-${XDG_DATA_HOME:-$HOME/.local/share}/followthrough/tessdata}"
if [[ "${FOLLOWTHROUGH_MODELS:-}" != "system" && "${FOLLOWTHROUGH_TESSDATA:-}" != "system" ]]; then
	for m in "${models[@]}"; do
		read -r lang set sum <<<"$m"
		[[ -s "$tessdata/$lang.traineddata" && ! -L "$tessdata/$lang.traineddata" ]] && continue
		if ! command -v npm >/dev/null; then
			# Debian's npm, only when no npm is there (a Node.js install
			# of another origin brings its own).
			sudo=""
			[[ $(id -u) -eq 0 ]] || sudo="sudo"
			DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm >/dev/null
		fi
		echo "setup: fetching the $lang model ($set)" >&2
		tmp=$(mktemp -d)
		(cd "$tmp" && npm pack --silent "@tesseract.js-data/$lang@1.0.0" >/dev/null)
		tgz="$tmp/tesseract.js-data-$lang-1.0.0.tgz"
		if ! echo "$sum  $tgz" | sha256sum -c --quiet -; then
			echo "setup: the $lang model's package is not the one pinned" >&2
			rm -rf "$tmp"
			exit 1
		fi
		tar -xzf "$tgz" -C "$tmp" "package/$set/$lang.traineddata.gz"
		mkdir -p "$tessdata"
		gunzip -c "$tmp/package/$set/$lang.traineddata.gz" >"$tmp/$lang.traineddata"
		rm -f "$tessdata/$lang.traineddata"
		mv "$tmp/$lang.traineddata" "$tessdata/$lang.traineddata"
		rm -rf "$tmp"
	done
	# Debian's models of the other languages, orientation data and
	# configs: Tesseract reads one reading's models from one folder.
	for f in "$system_tessdata"/*.traineddata "$system_tessdata"/configs; do
		[[ -e "$f" && ! -e "$tessdata/$(basename "$f")" ]] && ln -s "$f" "$tessdata/"
	done
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
