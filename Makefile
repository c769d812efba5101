# Follow Through. `make run` opens the app, `make test` runs the checks;
# both first install whatever is missing (see setup.sh).

# setup.sh installs what is missing and prints the go command to use.
GO      := $(shell ./setup.sh --test | tail -n 1)
ifeq ($(GO),)
$(error setup.sh failed: see the messages above)
endif
# sqlite_fts5: the search index (contacts/sqlite/migrations/005) is SQLite FTS5.
TAGS    := migrated_fynedo,sqlite_fts5
# Tesseract reads about three times faster without OpenMP's threads.
export OMP_THREAD_LIMIT := 1
# Fyne needs a language tag it can parse; a bare C locale gives it none.
export LANG := $(if $(filter-out C C.UTF-8 C.utf8 POSIX,$(LANG)),$(LANG),en_US.UTF-8)
export CGO_ENABLED := 1

CARDS ?= ../shared/cards-dev
# The recognition models setup.sh fetched (see ocr/tesseract/models.go).
MODELS  ?= $(or $(FOLLOWTHROUGH_TESSDATA),$(or $(XDG_DATA_HOME),$(HOME)/.local/share)/followthrough/tessdata)

# The fyne tool that packages the app. Its version is pinned in tools.mod
# and tools.sum, apart from go.mod, so that it does not move the app's own
# Fyne to the version the tool was built with.
FYNE    := $(GO) tool -modfile=tools.mod fyne
# staticcheck, pinned in tools.mod too; make test fails on its findings.
STATICCHECK := $(GO) tool -modfile=tools.mod staticcheck
PACKAGE := bin/followthrough-linux-$(shell $(GO) env GOARCH).tar.xz
# Where make install puts the app, for this user only.
BINDIR  := $(HOME)/.local/bin
APPSDIR := $(HOME)/.local/share/applications
ICONDIR := $(HOME)/.local/share/icons/hicolor/512x512/apps
APPID   := org.example.followthrough

.PHONY: run build test eval bench fuzz package install uninstall clean

run: build
	./bin/followthrough $(ARGS)

build:
	$(GO) build -tags $(TAGS) -o bin/followthrough .

# Tests that need a program the project did not write (Tesseract and its
# language data, Radicale, khard, vdirsyncer, khal, zbarimg, Chromium,
# Python's vobject and icalendar: setup.sh --test installs them all) fail
# here when it is missing; a plain go test skips them.
#
# Every test runs once. The packages that run goroutines (app/...,
# contacts/... with its sync, ocr/tesseract's clients) run under the race
# detector, a race failing the test. In ocr, the tests of what runs
# goroutines (a batch's workers and the memory they share, and the bands
# of rows an image is resized, contrasted and filtered in) run under it
# too; its other tests only work on pixels, which the detector slows
# about ten times (the package took 7 minutes under it and 42 s without).
# The rest (ocr's other tests and packages, the crash and privacy tests
# at the top, bench/ and assets/) run without it: they start no
# goroutines of their own, and the crash tests start the test binary as
# the app again and again.
#
# The runs go side by side. app/ui, the longest package (11 minutes
# under the detector), runs as two processes, each with its own Fyne
# test app: the tests UI_HALF names (the scan and the dialogs' keys),
# then the others.
RACE_PKGS  := ./app ./app/cli ./app/environ ./app/internal/... ./app/receive/... ./app/review/... ./app/watch/... ./contacts/... ./ocr/tesseract/...
UI_PKG     := ./app/ui
UI_HALF    := ^Test(Scan|Every)
OCR_RACE   := ^(TestBatch.*|TestImageMemory.*|TestSpread|TestResize.*|TestRotateGray|TestContrastImage.*|TestMedianFilter)$$
PLAIN_PKGS := . ./bench/... ./assets/... ./ocr ./ocr/eval ./ocr/perspective ./ocr/render/...
test: export FOLLOWTHROUGH_REQUIRE_TOOLS := 1
test:
	$(GO) vet -tags $(TAGS),ci ./...
	$(STATICCHECK) -tags $(TAGS),ci ./...
	$(GO) test -race -tags $(TAGS),ci -timeout 40m -run '$(UI_HALF)' $(UI_PKG) & ui1=$$!; \
	$(GO) test -race -tags $(TAGS),ci -timeout 40m -skip '$(UI_HALF)' $(UI_PKG) & ui2=$$!; \
	$(GO) test -race -tags $(TAGS),ci -timeout 40m $(RACE_PKGS) & race=$$!; \
	$(GO) test -race -tags $(TAGS),ci -timeout 20m -run '$(OCR_RACE)' ./ocr & ocr=$$!; \
	$(GO) test -tags $(TAGS),ci -timeout 20m -skip '$(OCR_RACE)' $(PLAIN_PKGS); failed=$$?; \
	for p in $$ui1 $$ui2 $$race $$ocr; do wait $$p || failed=1; done; \
	exit $$failed

# Reading accuracy on the labelled real cards (never copied into the repo).
eval: build
	./bin/followthrough eval $(CARDS)

bench:
	$(GO) test -tags $(TAGS),ci -run '^$$' -bench . -benchmem ./...

# An installable package: the release binary, built with the same tags as
# the tests, a .desktop entry and the icon, in a tar.xz that also holds a
# Makefile for installing it on another machine (make user-install).
package: $(PACKAGE)
$(PACKAGE): FyneApp.toml go.mod go.sum $(shell find . -name '*.go' -not -path './bin/*') $(wildcard assets/*.png assets/samples/*.png)
	@# The fyne tool rewrites FyneApp.toml to count the build up: keep it.
	mkdir -p bin && cp FyneApp.toml bin/FyneApp.toml.kept
	$(FYNE) package --target linux --release --tags $(TAGS); status=$$?; \
		mv bin/FyneApp.toml.kept FyneApp.toml; exit $$status
	rm -rf bin/pkg && mkdir -p bin/pkg
	tar -xJf "Follow Through.tar.xz" -C bin/pkg && rm "Follow Through.tar.xz"
	@# The better English model setup.sh fetched, beside the binary in
	@# share/followthrough/tessdata, where the app looks first.
	d=bin/pkg/followthrough/usr/local; [ -d $$d ] || d=bin/pkg/followthrough/usr; \
		mkdir -p $$d/share/followthrough/tessdata && \
		cp -L $(MODELS)/eng.traineddata $$d/share/followthrough/tessdata/
	@# The fyne tool puts the entry's " %F" (open files given) in its
	@# Makefile's Exec too, which breaks that Makefile's user-install.
	sed -i -e 's/^Exec := "followthrough %F"/Exec := "followthrough"/' bin/pkg/followthrough/Makefile
	tar -cJf $@ -C bin/pkg followthrough

# Installs the package for this user: the binary in ~/.local/bin, the
# English model where the app looks (~/.local/share/followthrough/tessdata,
# beside ../share from the binary), the entry in the applications menu,
# the icon. No root needed.
install: $(PACKAGE)
	rm -rf bin/pkg && mkdir -p bin/pkg && tar -xJf $(PACKAGE) -C bin/pkg
	cd bin/pkg/followthrough/usr/local 2>/dev/null || cd bin/pkg/followthrough/usr; \
	install -Dm755 bin/followthrough $(DESTDIR)$(BINDIR)/followthrough && \
	install -Dm644 share/followthrough/tessdata/eng.traineddata $(DESTDIR)$(HOME)/.local/share/followthrough/tessdata/eng.traineddata && \
	install -Dm644 share/pixmaps/$(APPID).png $(DESTDIR)$(ICONDIR)/$(APPID).png && \
	sed -e 's,^Exec=followthrough,Exec=$(BINDIR)/followthrough,' share/applications/$(APPID).desktop > ../../$(APPID).desktop && \
	install -Dm644 ../../$(APPID).desktop $(DESTDIR)$(APPSDIR)/$(APPID).desktop
	-update-desktop-database $(DESTDIR)$(APPSDIR) 2>/dev/null
	-gtk-update-icon-cache -q -t $(DESTDIR)$(HOME)/.local/share/icons/hicolor 2>/dev/null
	@echo "Installed: Follow Through is in your applications menu; $(BINDIR)/followthrough runs it."

# Removes what make install put in place. Your contacts stay where they
# are (see followthrough --help for the data folder).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/followthrough $(DESTDIR)$(ICONDIR)/$(APPID).png $(DESTDIR)$(APPSDIR)/$(APPID).desktop
	-update-desktop-database $(DESTDIR)$(APPSDIR) 2>/dev/null

# Each fuzz target in turn, one worker each (the machine is shared), for
# FUZZTIME. What they find that widens coverage goes to Go's cache, a crash
# to the package's testdata/fuzz, which plain go test then replays.
FUZZTIME ?= 10m
fuzz:
	$(GO) test -tags $(TAGS),ci -run '^$$' -fuzz '^FuzzClassify$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 ./ocr/
	$(GO) test -tags $(TAGS),ci -run '^$$' -fuzz '^FuzzDecodeImage$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 ./ocr/
	$(GO) test -tags $(TAGS),ci -run '^$$' -fuzz '^FuzzReadVCards$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 ./contacts/vcf/

clean:
	rm -rf bin
