# Follow Through. `make run` opens the app, `make test` runs the checks;
# both first install whatever is missing (see setup.sh).

# setup.sh installs what is missing and prints the go command to use.
GO      := $(shell ./setup.sh --test | tail -n 1)
ifeq ($(GO),)
$(error setup.sh failed: see the messages above)
endif
TAGS    := migrated_fynedo
# Tesseract reads about three times faster without OpenMP's threads.
export OMP_THREAD_LIMIT := 1
# Fyne needs a language tag it can parse; a bare C locale gives it none.
export LANG := $(if $(filter-out C C.UTF-8 C.utf8 POSIX,$(LANG)),$(LANG),en_US.UTF-8)
export CGO_ENABLED := 1

CARDS ?= ../shared/cards-dev

.PHONY: run build test eval bench fuzz clean

run: build
	./bin/followthrough $(ARGS)

build:
	$(GO) build -tags $(TAGS) -o bin/followthrough .

# The CardDAV sync tests run a Radicale server, which setup.sh installs:
# here its absence is a failure, not a skip.
test: export FOLLOWTHROUGH_REQUIRE_RADICALE := 1
test:
	$(GO) vet -tags $(TAGS),ci ./...
	$(GO) test -tags $(TAGS),ci -timeout 20m ./...

# Reading accuracy on the labelled real cards (never copied into the repo).
eval: build
	./bin/followthrough eval $(CARDS)

bench:
	$(GO) test -tags $(TAGS),ci -run '^$$' -bench . -benchmem ./...

# Each fuzz target in turn, one worker each (the machine is shared), for
# FUZZTIME. What they find that widens coverage goes to Go's cache, a crash
# to the package's testdata/fuzz, which plain go test then replays.
FUZZTIME ?= 10m
fuzz:
	$(GO) test -tags $(TAGS),ci -run '^$$' -fuzz '^FuzzClassify$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 ./ocr/
	$(GO) test -tags $(TAGS),ci -run '^$$' -fuzz '^FuzzDecodeImage$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 ./ocr/
	$(GO) test -tags $(TAGS),ci -run '^$$' -fuzz '^FuzzReadVCards$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s -parallel 1 ./contacts/

clean:
	rm -rf bin
