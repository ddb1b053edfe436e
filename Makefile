# rankings — make targets. `make test` is what CI runs (.ci/run).
SOURCES ?= ../shared/sources
GO      ?= go
GOFILES  = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go')

.PHONY: test check fmt vet unit data golden bench build

## test: everything CI checks: formatting, vet, unit + end-to-end tests with the race detector
test: fmt vet unit

fmt:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

## data: regenerate datasets/data from the publishers' files in $(SOURCES)
data:
	$(GO) run ./datasets/internal/gen -sources $(SOURCES) -out datasets/data

## golden: rewrite golden files after an intended output change (review the diff!)
golden:
	$(GO) test ./... -run 'Golden|Script' -update

## bench: the benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

## fuzz: run every importer's fuzz target for $(FUZZTIME) each (go test -fuzz takes one target at a time;
## minimising a new input is capped, or it eats a short run's whole budget on the larger seeds)
FUZZTIME ?= 10s
FUZZMINIMIZE ?= 200x
.PHONY: fuzz
fuzz:
	@set -e; for t in $$($(GO) test -list '^Fuzz' ./datasets/importers | grep '^Fuzz'); do \
		echo "== $$t ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINIMIZE) ./datasets/importers; \
	done

build:
	$(GO) build -o bin/rankings ./cmd/rankings
