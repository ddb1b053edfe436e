#!/usr/bin/env bash
# make bench: every figure of BENCHMARKS.md, each as a ratio against a
# baseline measured in the same run on the same machine.
#   1. cold CLI: `rankings compare kazakhstan uzbekistan --format json` vs a Go hello world
#   2. import: `rankings validate long` on 1,000,000 rows vs bare encoding/csv
#   3. service: /api/v1/compare and an /embed/ page vs a static file of the same size
#   4. charts: `rankings charts --year 2024` and a two-country report
#   5. testing.B benchmarks with allocations
# SERVICE_SECONDS (default 30) sets the load duration per URL.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICE_SECONDS=${SERVICE_SECONDS:-30}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]:-}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

need() { # need <command> <debian package>
	command -v "$1" >/dev/null 2>&1 && return
	if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; else
		echo "bench: $1 is missing: install Debian's $2"; exit 1; fi
}
need hyperfine hyperfine
[ -x /usr/bin/time ] || need /usr/bin/time time
make -s echarts

echo "== building"
go build -o "$work/rankings" ./cmd/rankings
mkdir -p "$work/hello" && printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' > "$work/hello/main.go"
(cd "$work/hello" && go mod init hello >/dev/null 2>&1 && go build -o "$work/hello-bin" .)
go build -o "$work/csvread" ./bench/csvread
go build -o "$work/static" ./bench/static
go build -o "$work/load" ./bench/load
go build -o "$work/genlong" ./bench/genlong

mean() { python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rows=()
row() { rows+=("$(printf '%-44s %14s %14s %8s  %s' "$@")"); }

echo "== 1. cold CLI"
hyperfine -N --warmup 10 --runs 100 --export-json "$work/hello.json" "$work/hello-bin" >/dev/null
hyperfine -N --warmup 10 --runs 100 --export-json "$work/cli.json" "$work/rankings compare kazakhstan uzbekistan --format json" >/dev/null
h=$(mean "$work/hello.json"); c=$(mean "$work/cli.json")
row "cold compare --format json (s)" "$c" "$h" "$(ratio "$c" "$h")" "target <= 4x hello world"
row "  peak RSS (KB)" "$(rss "$work/rankings" compare kazakhstan uzbekistan --format json)" "$(rss "$work/hello-bin")" "-" "target <= 40 MB"

echo "== 2. import"
"$work/genlong" -rows 1000000 -o "$work/long.csv"
hyperfine -N --warmup 1 --runs 3 --export-json "$work/csv.json" "$work/csvread $work/long.csv" >/dev/null
hyperfine -N --warmup 1 --runs 3 --export-json "$work/val.json" "$work/rankings validate long $work/long.csv --data-dir $work/data" >/dev/null
b=$(mean "$work/csv.json"); v=$(mean "$work/val.json")
row "validate long, 1M rows (s)" "$v" "$b" "$(ratio "$b" "$v")" "throughput vs encoding/csv; target >= 0.5"
row "  peak RSS (KB)" "$(rss "$work/rankings" validate long "$work/long.csv" --data-dir "$work/data")" "$(rss "$work/csvread" "$work/long.csv")" "-" "memory must not grow with the file"

echo "== 3. service (${SERVICE_SECONDS}s per URL, 64 connections)"
port=18390
"$work/rankings" serve --addr 127.0.0.1:$port --echarts-js .cache/echarts/5.6.0/echarts.min.js 2>/dev/null &
pids+=($!)
api="http://127.0.0.1:$port/api/v1/compare?countries=kaz,uzb"
embed="http://127.0.0.1:$port/embed/timeline?c=kaz,uzb&indicator=rsf"
for i in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
mkdir -p "$work/static-root"
curl -sf -H 'Accept-Encoding: gzip' -o "$work/static-root/api.json" "$api"
curl -sf -H 'Accept-Encoding: gzip' -o "$work/static-root/embed.html" "$embed"
"$work/static" -addr 127.0.0.1:$((port+1)) -dir "$work/static-root" &
pids+=($!)
sleep 0.5
# The static baseline serves the same bytes as the gzipped responses, with no compression of its own.
"$work/load" -c 64 -d "${SERVICE_SECONDS}s" "$api" "$embed" "http://127.0.0.1:$((port+1))/api.json" "http://127.0.0.1:$((port+1))/embed.html" | tee "$work/load.txt"
read -r _ rps_api _ p99_api err_api < <(sed -n 2p "$work/load.txt")
read -r _ rps_emb _ p99_emb err_emb < <(sed -n 3p "$work/load.txt")
read -r _ rps_sa _ _ _ < <(sed -n 4p "$work/load.txt")
read -r _ rps_se _ _ _ < <(sed -n 5p "$work/load.txt")
row "/api/v1/compare (req/s)" "$rps_api" "$rps_sa" "$(ratio "$rps_api" "$rps_sa")" "p99 $p99_api, errors $err_api; target >= 0.5, p99 < 5 ms"
row "/embed/timeline (req/s)" "$rps_emb" "$rps_se" "$(ratio "$rps_emb" "$rps_se")" "p99 $p99_emb, errors $err_emb"

echo "== 4. charts"
hyperfine -N --warmup 1 --runs 5 --export-json "$work/charts.json" "$work/rankings charts --year 2024 -o $work/charts" >/dev/null
hyperfine -N --warmup 1 --runs 5 --export-json "$work/report.json" "$work/rankings report kazakhstan uzbekistan -o $work/report.html" >/dev/null
row "charts --year 2024 (s)" "$(mean "$work/charts.json")" "1" "$(ratio "$(mean "$work/charts.json")" 1)" "target < 1 s"
row "report kazakhstan uzbekistan (s)" "$(mean "$work/report.json")" "1" "$(ratio "$(mean "$work/report.json")" 1)" "target < 1 s"

echo "== 5. testing.B"
go test -run '^$' -bench . -benchmem ./indicators ./datasets ./internal/docs ./charts ./datasets/ingest ./datasets/importers 2>&1 | grep -E '^Benchmark'

echo
echo "== results ($(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%F))"
printf '%-44s %14s %14s %8s  %s\n' "measure" "rankings" "baseline" "ratio" "note"
printf '%s\n' "${rows[@]}"
