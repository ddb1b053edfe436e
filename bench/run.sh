#!/usr/bin/env bash
# make bench: every figure of BENCHMARKS.md, each as a ratio against a
# baseline measured in the same run on the same machine.
#   1. cold CLI: `rankings compare kazakhstan uzbekistan --format json`, `show kazakhstan` and
#      `--help`: CPU time (bench/cold, from wait4's rusage) vs a Go hello world, peak RSS;
#      bench/floor, rankings' packages initialised with no command run (the lower bound);
#      and the package initialisation of `--help` (GODEBUG=inittrace=1)
#   2. import: `rankings validate long` on 1,000,000 rows vs bare encoding/csv
#   3. service: /api/v1/compare and an /embed/ page vs a static file of the same bytes, the
#      server pinned to one core and the load generator to the other (taskset)
#   4. charts: `rankings charts --year 2024` and a two-country report; `rankings bake` of the site
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
CGO_ENABLED=0 go build -o "$work/rankings" ./cmd/rankings # as make build ships it
mkdir -p "$work/hello" && printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n' > "$work/hello/main.go"
(cd "$work/hello" && go mod init hello >/dev/null 2>&1 && go build -o "$work/hello-bin" .)
go build -o "$work/csvread" ./bench/csvread
go build -o "$work/static" ./bench/static
go build -o "$work/load" ./bench/load
go build -o "$work/genlong" ./bench/genlong
go build -o "$work/cold" ./bench/cold
CGO_ENABLED=0 go build -o "$work/floor" ./bench/floor # rankings' packages and their init, no command

mean() { python3 -c "import json,sys; print('%.4f' % json.load(open(sys.argv[1]))['results'][0]['mean'])" "$1"; }
ratio() { python3 -c "import sys; print('%.2f' % (float(sys.argv[1]) / float(sys.argv[2])))" "$1" "$2"; }
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
rows=()
row() { rows+=("$(printf '%-44s %14s %14s %8s  %s' "$@")"); }

echo "== 1. cold CLI"
# CPU time (user + system) of whole processes, median of 20 runs after 3 warm-ups, the commands
# taking turns with the hello world so that a disturbance falls on all of them alike.
XDG_DATA_HOME="$work/xdg" "$work/cold" -runs 20 -warmup 3 -- "$work/hello-bin" -- "$work/rankings" --help -- "$work/rankings" show kazakhstan \
	-- "$work/rankings" compare kazakhstan uzbekistan --format json -- "$work/floor" | tee "$work/cold.txt"
cold() { awk -v n="$1" 'NR == n + 1 { print $'"$2"' }' "$work/cold.txt"; } # cold <line> <field>
row "cold --help (CPU ms)" "$(cold 2 1)" "$(cold 1 1)" "$(cold 2 4)" "target <= 2x hello world"
row "cold show kazakhstan (CPU ms)" "$(cold 3 1)" "$(cold 1 1)" "$(cold 3 4)" "target <= 3x"
row "cold compare --format json (CPU ms)" "$(cold 4 1)" "$(cold 1 1)" "$(cold 4 4)" "target <= 4x"
row "  its peak RSS (KB)" "$(cold 4 3)" "$(cold 1 3)" "-" "target <= 25 MB (25600 KB)"
row "  its wall time (ms)" "$(cold 4 2)" "$(cold 1 2)" "$(ratio "$(cold 4 2)" "$(cold 1 2)")" "-"
row "floor: rankings' packages, no command" "$(cold 5 1)" "$(cold 1 1)" "$(cold 5 4)" "what linking and initialising them costs (bench/floor)"
echo "-- package initialisation of rankings --help (GODEBUG=inittrace=1), the largest:"
GODEBUG=inittrace=1 "$work/rankings" --help 2>&1 >/dev/null | grep '^init ' | sort -t' ' -k5 -g -r | awk 'NR <= 8' # awk reads it all: head would end the pipe early, a SIGPIPE under pipefail
GODEBUG=inittrace=1 "$work/rankings" --help 2>&1 >/dev/null | awk '/^init /{ms+=$5; b+=$8; a+=$10} END {printf "-- all of it: %.2f ms clock, %d bytes, %d allocs\n", ms, b, a}'

echo "== 2. import"
"$work/genlong" -rows 1000000 -o "$work/long.csv"
hyperfine -N --warmup 1 --runs 3 --export-json "$work/csv.json" "$work/csvread $work/long.csv" >/dev/null
hyperfine -N --warmup 1 --runs 3 --export-json "$work/val.json" "$work/rankings validate long $work/long.csv --data-dir $work/data" >/dev/null
b=$(mean "$work/csv.json"); v=$(mean "$work/val.json")
row "validate long, 1M rows (s)" "$v" "$b" "$(ratio "$b" "$v")" "throughput vs encoding/csv; target >= 0.5"
row "  peak RSS (KB)" "$(rss "$work/rankings" validate long "$work/long.csv" --data-dir "$work/data")" "$(rss "$work/csvread" "$work/long.csv")" "-" "memory must not grow with the file"

echo "== 3. service (${SERVICE_SECONDS}s per URL, 64 connections; server on core 0, load generator on core 1)"
# On 2 cores a load generator sharing the server's core measures the scheduler's queue, not the
# handler: each gets a core of its own. The static baseline runs on the server's core too.
pin_srv="" pin_load=""
if command -v taskset >/dev/null 2>&1 && [ "$(nproc)" -ge 2 ]; then pin_srv="taskset -c 0" pin_load="taskset -c 1"; fi
port=18390
$pin_srv "$work/rankings" serve --addr 127.0.0.1:$port --echarts-js .cache/echarts/5.6.0/echarts.min.js 2>/dev/null &
srv=$!
pids+=($srv)
api="http://127.0.0.1:$port/api/v1/compare?countries=kaz,uzb"
embed="http://127.0.0.1:$port/embed/timeline?c=kaz,uzb&indicator=rsf"
for i in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
mkdir -p "$work/static-root"
curl -sf -H 'Accept-Encoding: gzip' -o "$work/static-root/api.json" "$api"
curl -sf -H 'Accept-Encoding: gzip' -o "$work/static-root/embed.html" "$embed"
$pin_srv "$work/static" -addr 127.0.0.1:$((port+1)) -dir "$work/static-root" &
pids+=($!)
sleep 0.5
rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
rss_before=$(rss_kb "$srv")
# The static baseline serves the same bytes as the gzipped responses, with no compression of its own.
$pin_load "$work/load" -c 64 -d "${SERVICE_SECONDS}s" -rounds 6 "$api" "$embed" "http://127.0.0.1:$((port+1))/api.json" "http://127.0.0.1:$((port+1))/embed.html" | tee "$work/load.txt"
rss_after=$(rss_kb "$srv")
read -r _ rps_api _ p99_api err_api < <(sed -n 2p "$work/load.txt")
read -r _ rps_emb _ p99_emb err_emb < <(sed -n 3p "$work/load.txt")
read -r _ rps_sa _ p99_sa _ < <(sed -n 4p "$work/load.txt")
read -r _ rps_se _ p99_se _ < <(sed -n 5p "$work/load.txt")
row "/api/v1/compare (req/s)" "$rps_api" "$rps_sa" "$(ratio "$rps_api" "$rps_sa")" "p99 $p99_api (static $p99_sa), errors $err_api; target >= 1.0, p99 <= 5 ms, 0 errors"
row "/embed/timeline (req/s)" "$rps_emb" "$rps_se" "$(ratio "$rps_emb" "$rps_se")" "p99 $p99_emb (static $p99_se), errors $err_emb; as above"
row "  server RSS after the load (KB)" "$rss_after" "$rss_before" "$(ratio "$rss_after" "$rss_before")" "before the load is the baseline; target <= 1.10"

echo "== 4. charts"
hyperfine -N --warmup 1 --runs 5 --export-json "$work/charts.json" "$work/rankings charts --year 2024 -o $work/charts" >/dev/null
hyperfine -N --warmup 1 --runs 5 --export-json "$work/report.json" "$work/rankings report kazakhstan uzbekistan -o $work/report.html" >/dev/null
row "charts --year 2024 (s)" "$(mean "$work/charts.json")" "1" "$(ratio "$(mean "$work/charts.json")" 1)" "target < 1 s"
row "report kazakhstan uzbekistan (s)" "$(mean "$work/report.json")" "1" "$(ratio "$(mean "$work/report.json")" 1)" "target < 1 s"
t0=$(date +%s.%N)
"$work/rankings" bake -o "$work/site" >/dev/null 2>&1
t1=$(date +%s.%N)
bake_s=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$t0" "$t1")
row "bake -o DIR, whole site (s)" "$bake_s" "60" "$(ratio "$bake_s" 60)" "$(find "$work/site" -type f | wc -l) files, $(du -sm "$work/site" | cut -f1) MB; target < 60 s"

echo "== 5. testing.B"
go test -run '^$' -bench . -benchmem ./indicators ./datasets ./internal/docs ./charts ./datasets/ingest ./datasets/importers 2>&1 | grep -E '^Benchmark'

echo
echo "== results ($(nproc) cores, $(go version | cut -d' ' -f3), $(date -u +%F))"
printf '%-44s %14s %14s %8s  %s\n' "measure" "rankings" "baseline" "ratio" "note"
printf '%s\n' "${rows[@]}"
