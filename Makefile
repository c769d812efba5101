# Follow Through. `make run` opens the app, `make test` runs the checks;
# both first install whatever is missing (see setup.sh).

# setup.sh installs what is missing and prints the go command to use.
GO      := $(shell ./setup.sh --test | tail -n 1)
ifeq ($(GO),)
$(error setup.sh failed: see the messages above)
endif
# sqlite_fts5: the search index (contacts/migrations/005) is SQLite FTS5.
TAGS    := migrated_fynedo,sqlite_fts5
# Tesseract reads about three times faster without OpenMP's threads.
export OMP_THREAD_LIMIT := 1
# Fyne needs a language tag it can parse; a bare C locale gives it none.
export LANG := $(if $(filter-out C C.UTF-8 C.utf8 POSIX,$(LANG)),$(LANG),en_US.UTF-8)
export CGO_ENABLED := 1

CARDS ?= ../shared/cards-dev

.PHONY: run build test eval bench clean

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

clean:
	rm -rf bin
