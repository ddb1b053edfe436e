# rankings — make targets. `make test` is what CI runs (.ci/run).
SOURCES ?= ../shared/sources
GO      ?= go
GOFILES  = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go')

.PHONY: test check fmt vet unit fullbake data golden bench build deps echarts browser-deps

## test: everything CI checks: formatting, vet, unit + end-to-end tests with the race detector
## (deps first: a fresh machine gets the pinned ECharts and Chromium for the browser tests)
test: deps fmt vet unit fullbake

## deps: what the chart tests need beyond Go: the pinned ECharts library and headless Chromium
deps: echarts browser-deps

# ECharts for `--offline` pages and the browser tests: the npm package at a pinned version,
# checked against its SHA-256, cached under .cache/ (gitignored; never committed).
ECHARTS_VERSION = 5.6.0
ECHARTS_TGZ_SHA256 = e1b82487dd7f8d9f0438eec1f1433051148e0095ac7a15d4db890afda45cf610
ECHARTS_JS_SHA256  = bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1
ECHARTS_DIR = .cache/echarts/$(ECHARTS_VERSION)

## echarts: fetch echarts@$(ECHARTS_VERSION) with npm pack into $(ECHARTS_DIR) and verify it
echarts: $(ECHARTS_DIR)/echarts.min.js

$(ECHARTS_DIR)/echarts.min.js:
	@command -v npm >/dev/null 2>&1 || { if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y npm; else echo "make echarts: npm is missing: install Debian's npm package"; exit 1; fi; }
	@mkdir -p $(ECHARTS_DIR)
	cd $(ECHARTS_DIR) && npm pack --silent echarts@$(ECHARTS_VERSION) >/dev/null
	@echo "$(ECHARTS_TGZ_SHA256)  $(ECHARTS_DIR)/echarts-$(ECHARTS_VERSION).tgz" | sha256sum -c --quiet - \
		|| { rm -f $(ECHARTS_DIR)/echarts-$(ECHARTS_VERSION).tgz; echo "make echarts: echarts-$(ECHARTS_VERSION).tgz does not match the pinned SHA-256"; exit 1; }
	tar -xzf $(ECHARTS_DIR)/echarts-$(ECHARTS_VERSION).tgz -C $(ECHARTS_DIR) --strip-components=2 package/dist/echarts.min.js
	@echo "$(ECHARTS_JS_SHA256)  $(ECHARTS_DIR)/echarts.min.js" | sha256sum -c --quiet - \
		|| { rm -f $(ECHARTS_DIR)/echarts.min.js; echo "make echarts: dist/echarts.min.js does not match the pinned SHA-256"; exit 1; }
	rm -f $(ECHARTS_DIR)/echarts-$(ECHARTS_VERSION).tgz

## browser-deps: headless Chromium (Debian's chromium) for the browser tests; installs it when root
browser-deps:
	@if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	else echo "make browser-deps: chromium is missing and this is not root: run 'sudo apt-get install chromium'"; exit 1; fi

fmt:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

unit:
	$(GO) test -race -count=1 ./...

# fullbake: bake the whole site and check every internal link of every page (about a minute;
# without the race detector, under which the unit run bakes a sample)
fullbake:
	RANKINGS_FULL_BAKE=1 $(GO) test -count=1 -run TestAFullBakeHasNoBrokenLink ./internal/server

## data: regenerate datasets/data from the publishers' files in $(SOURCES), and the parsed
## country registry (datasets/countries/registry_table.go) from countries.csv
data:
	$(GO) generate ./datasets/countries
	$(GO) run ./datasets/internal/gen -sources $(SOURCES) -out datasets/data

## golden: rewrite golden files after an intended output change (review the diff!)
golden:
	$(GO) test ./internal/i18n -run TestCompiledCatalogueIsTheTOML -update
	# Only the packages that define -update: another test binary refuses the flag.
	$(GO) test $$(grep -rl --include='*_test.go' 'flag.Bool("update"' . | xargs -n1 dirname | sort -u) -run 'Golden|Script' -update

## bench: every performance figure of BENCHMARKS.md as a ratio against a baseline of the same run
bench:
	bash bench/run.sh

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

## build: bin/rankings, static (CGO_ENABLED=0): nothing of the C library is needed, and loading it
## cost every cold start some 1.4 ms of CPU (BENCHMARKS.md)
build:
	CGO_ENABLED=0 $(GO) build -o bin/rankings ./cmd/rankings
