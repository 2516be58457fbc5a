#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md in ONE run, each beside its baseline measured in the
# same run, and rewrites the measured part of docs/performance.md (between the "benchmarks:begin"
# and "benchmarks:end" markers) with the tables, the command beside each, and the date, machine
# and load. Not part of CI (.ci/run): it takes about 10-15 minutes and wants a quiet machine.
#
# Usage: .ci/benchmarks.sh [--quick] [--no-app-image] [--no-docs] [--only PART,...]
#   --quick          fewer runs and shorter JMH iterations (a smoke test of the script, ~5 min)
#   --only PARTS     some of engine,plan,scan,startup,workbench (default: all); a partial run
#                    writes target/benchmarks/tables-PARTS.md and leaves docs/performance.md alone
#   --no-app-image   skip building the app image and the .deb (start-up then measures the last build)
#   --no-docs        leave docs/performance.md alone; the tables are in target/benchmarks/tables.md
#   --prism PIPE     the workbench part's Prism pipeline: sw (default, as on CI) or es2 (OpenGL; under
#                    Xvfb Mesa's llvmpipe, which Prism only takes with -Dprism.forceGPU=true)
# Environment: RUNS (rounds), BENCH_HOST (a directory with a generated 10k tree to read instead of
# generating target/bench-host).
#
# Needs: JDK 17, Maven, pciutils (lspci), GNU time (/usr/bin/time), about 1 GB in target/ for the
# generated 10k-function host tree. Whole-process figures are medians of RUNS runs taken in turn
# (A B A B ...), so a ratio holds when the machine's speed drifts; JMH figures are its averages
# with the 99.9 % interval, after its warm-up iterations (printed in target/benchmarks/*.log).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false app_image=true docs=true only=engine,plan,scan,startup,workbench prism=sw
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --no-app-image) app_image=false ;;
    --no-docs) docs=false ;;
    --only) only=$2; shift ;;
    --prism) prism=$2; shift ;;
    *) echo "usage: .ci/benchmarks.sh [--quick] [--no-app-image] [--no-docs] [--only PART,...] [--prism sw|es2]" >&2; exit 2 ;;
  esac
  shift
done
part() { case ",$only," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
runs=${RUNS:-$($quick && echo 3 || echo 9)}
# JMH: forks, warm-up and measurement iterations x seconds, and a timeout per iteration that fails
# the benchmark instead of letting it hang.
jmh_opts=(-f 1 -wi "$($quick && echo 3 || echo 8)" -w 2s -i "$($quick && echo 3 || echo 5)" -r 2s -to 120s)
jmh_extra=()

out=target/benchmarks
mkdir -p "$out"
all_parts=engine,plan,scan,startup,workbench
# A partial run (--only) writes its own file and leaves docs/performance.md alone: the page shows
# one whole run.
if [ "$only" = "$all_parts" ]; then tables=$out/tables.md; else tables=$out/tables-${only//,/-}.md; docs=false; fi
: >"$tables"
say() { echo "benchmarks: $*" >&2; }
md() { echo "$*" >>"$tables"; }
started=$(date +%s)

say "building the jar and the test class path"
mvn -B -q ${MVN_ARGS:-} -DskipTests package
mvn -B -q ${MVN_ARGS:-} test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
jar=$PWD/target/vfio-workbench.jar
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
sample=$PWD/sample-topologies/s19-seed-cdev-and-type1-group.json

# --- helpers -----------------------------------------------------------------------------------

# measure NAME CMD...: one run under GNU time; appends "wall_s peak_kib exit" to $out/NAME.runs.
measure() {
  local name=$1; shift
  local stats=$out/.time
  local code=0
  /usr/bin/time -f "%e %M" -o "$stats" "$@" >/dev/null 2>"$out/$name.stderr" || code=$?
  echo "$(cat "$stats" | tail -1) $code" >>"$out/$name.runs"
}

# median FILE COLUMN
median() { awk -v c="$2" '{print $c}' "$1" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
minimum() { awk -v c="$2" '{print $c}' "$1" | sort -g | head -1; }
maximum() { awk -v c="$2" '{print $c}' "$1" | sort -g | tail -1; }
# pair_ratio A B: median of the run-by-run wall ratios A/B
pair_ratio() { paste -d' ' "$out/$1.runs" "$out/$2.runs" | awk '{print $1/$4}' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
failed_runs() { awk '$3 != 0' "$out/$1.runs" | wc -l; }

# compare TITLE BASELINE_NAME NAME...: a table of wall median (min-max), peak RSS and ratio to the
# baseline; each NAME's command is in the array named cmd_NAME.
table() {
  local base=$1; shift
  md "| command | wall s, median (min–max) of $runs | peak RSS MiB | × ${base//_/ } (median of run-by-run ratios) | failed runs |"
  md "|---|---|---|---|---|"
  for n in "$@"; do
    local ratio
    ratio=$(pair_ratio "$n" "$base")
    md "| \`$(label "$n")\` | $(median "$out/$n.runs" 1) ($(minimum "$out/$n.runs" 1)–$(maximum "$out/$n.runs" 1)) | $(awk "BEGIN {printf \"%.0f\", $(median "$out/$n.runs" 2)/1024}") | $(printf '%.2f' "$ratio") | $(failed_runs "$n") |"
  done
  md ""
}
declare -A labels
label() { echo "${labels[$1]}"; }

# interleave NAME:CMD ...: $runs rounds, each running every command once in the given order (one
# unrecorded warm-up round first, for the page cache).
interleave() {
  local specs=("$@") round
  for s in "${specs[@]}"; do rm -f "$out/${s%%=*}.runs"; done
  for round in $(seq 0 "$runs"); do
    for s in "${specs[@]}"; do
      local name=${s%%=*} cmd=${s#*=}
      if [ "$round" = 0 ]; then
        # shellcheck disable=SC2086
        eval "$cmd" >/dev/null 2>&1 || true
      else
        # shellcheck disable=SC2086
        eval "measure $name $cmd"
      fi
    done
  done
}

# jmh_table CSV BASELINE_BENCHMARK_OR_EMPTY: JMH's CSV as a markdown table with a ratio column.
jmh_table() {
  python3 - "$1" "${2:-}" >>"$tables" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head, body = rows[0], rows[1:]
b, s, e, u = head.index("Benchmark"), head.index("Score"), head.index("Score Error (99.9%)"), head.index("Unit")
params = [i for i, h in enumerate(head) if h.startswith("Param: ")]
# the baseline of each row is the baseline benchmark with the same parameters (the same host size)
bases = {}
for r in body:
    if sys.argv[2] and r[b].endswith("." + sys.argv[2]):
        bases[tuple(r[i] for i in params)] = float(r[s])
base = bool(bases)
cols = ["benchmark"] + [head[i][7:] for i in params] + ["score (avg ± 99.9 %)", "unit"] + (["× " + sys.argv[2] + " (same parameters)"] if base else [])
print("| " + " | ".join(cols) + " |")
print("|" + "---|" * len(cols))
for r in body:
    score = float(r[s]); err = r[e]
    err = "%.3g" % float(err) if err not in ("", "NaN") else "n/a"
    cells = [r[b].rsplit(".", 1)[-1]] + [r[i] for i in params] + ["%.3g ± %s" % (score, err), r[u]]
    if base:
        key = tuple(r[i] for i in params)
        cells.append("%.2f" % (score / bases[key]) if key in bases else "n/a")
    print("| " + " | ".join(cells) + " |")
print()
PY
}

# jmh NAME CLASS_OR_REGEX [BASELINE]: runs JMH on the test class path.
jmh() {
  local name=$1 include=$2 base=${3:-}
  say "JMH $include"
  local cmd=(java -cp "$cp" org.openjdk.jmh.Main "$include" "${jmh_opts[@]}" "${jmh_extra[@]}" -rf csv -rff "$out/$name.csv")
  if "${cmd[@]}" >"$out/$name.log" 2>&1; then
    md "Command: \`java -cp target/classes:target/test-classes:\$(cat target/cp.txt) org.openjdk.jmh.Main $include ${jmh_opts[*]}\`"
    md ""
    jmh_table "$out/$name.csv" "$base"
    md "Warm-up and measurement series: \`target/benchmarks/$name.log\`."
  else
    md "**$include failed** (see \`target/benchmarks/$name.log\`): $(grep -m1 -E 'Exception|Error|FAIL' "$out/$name.log" || echo 'no message')"
  fi
  md ""
}

# --- the run -----------------------------------------------------------------------------------

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
md "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB,"
md "$(java -version 2>&1 | sed -n 2p), $(lspci --version 2>/dev/null || echo 'no lspci'); load average at the start"
md "$load_before (1, 5, 15 min). Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with local changes'). Made by \`.ci/benchmarks.sh$($quick && echo ' --quick')\`."
md ""

if part engine; then
md "### Engine"
md ""
# EngineBenchmark at 1k, 10k and 50k functions, beside its touch-everything baseline.
jmh engine "${ENGINE_BENCH:-EngineBenchmark}" baselineTouchEverything
md "The engine's fork runs in a fixed, pre-touched heap (\`-Xms3g -Xmx3g -XX:+AlwaysPreTouch\`, \`EngineBenchmark\`'s \`@Fork\`): with the default heap G1 keeps growing the young generation into memory never touched before, and the page faults of that first touch, not the engine, made \`wholeHost\` bimodal."
md ""
fi

if part engine; then
md "### Outcome table after an edit"
md ""
# OutcomeTableBenchmark: the rows one release can change, beside the whole table as every edit
# built it before (the baseline).
jmh outcomes "${OUTCOMES_BENCH:-OutcomeTableBenchmark}" buildWhole
fi

if part plan; then
md "### Plan"
md ""
jmh plan "${PLAN_BENCH:-PlanBenchmark}"
fi

if part scan; then
md "### Host scan"
md ""
say "generating the 10k-function, 2,000-process host tree (first run only, a few minutes)"
# BENCH_HOST: a directory holding a generated tree already (it is only read then).
bench_host=${BENCH_HOST:-$PWD/target/bench-host}
java -cp "$cp" org.vfioworkbench.host.HostScanBenchmark --generate-only "$bench_host"
tree=$bench_host/tree
labels[lspci]="lspci -tv -A linux-sysfs -O sysfs.path=TREE/sys/bus/pci"
labels[scan_text]="java -XX:TieredStopAtLevel=1 -jar vfio-workbench.jar scan --root TREE"
labels[scan_json]="java -XX:TieredStopAtLevel=1 -jar vfio-workbench.jar scan --root TREE --json"
labels[scan_cds]="packaging/vfio-workbench scan --root TREE"
# The memory flags packaging/vfio-workbench gives a command-line run.
memflags=$(sed -n 's/^mem="\(.*\)"$/\1/p' packaging/vfio-workbench)
# The floor (ScanFloor, test code): the file system calls of a scan of the tree and nothing else, as a
# whole process with the launcher's JIT and memory flags; the trace is recorded once per run.
trace=$out/scan-trace.txt
java -cp "$cp" org.vfioworkbench.host.ScanFloor record "$tree" "$trace" >"$out/scan-trace.log" 2>&1
floor="java -XX:TieredStopAtLevel=1 $memflags -cp target/test-classes:target/classes org.vfioworkbench.host.ScanFloor"
labels[floor_none]="ScanFloor none (JVM start, trace loaded, no call on the tree)"
labels[floor_same]="ScanFloor same (the scan's calls through LiveFs, on its threads)"
labels[floor_fewest]="ScanFloor fewest (the fewest calls the JDK allows for the same information)"
labels[floor_atdir]="ScanFloor atdir (the same information relative to directory descriptors, guarantees kept)"
say "scan vs lspci, whole process, $runs rounds"
VFIO_WORKBENCH_JAR=$jar packaging/vfio-workbench --version >/dev/null 2>&1 || true
interleave \
  "lspci=lspci -tv -A linux-sysfs -O sysfs.path=$tree/sys/bus/pci" \
  "scan_text=java -XX:TieredStopAtLevel=1 -jar $jar scan --root $tree" \
  "scan_json=java -XX:TieredStopAtLevel=1 -jar $jar scan --root $tree --json" \
  "scan_cds=env VFIO_WORKBENCH_JAR=$jar packaging/vfio-workbench scan --root $tree" \
  "floor_none=$floor none $tree $trace" \
  "floor_same=$floor same $tree $trace" \
  "floor_fewest=$floor fewest $tree $trace" \
  "floor_atdir=$floor atdir $tree $trace"
md "Whole process, output to /dev/null, the generated tree in the page cache; target ≤ 0.5 × lspci. The four \`ScanFloor\` rows (test code, \`java -XX:TieredStopAtLevel=1 $memflags\`, in the same rounds) make a scan's file system calls and nothing else: what the scan cannot go below with the JDK's file API."
md ""
table lspci lspci scan_text scan_json scan_cds floor_none floor_same floor_fewest floor_atdir

# System calls of one run each (strace -f -c; strace slows every call, so only the counts count).
if command -v strace >/dev/null; then
  say "system calls: strace -f -c"
  syscalls() {
    local name=$1; shift
    strace -f -c -o "$out/strace-$name.txt" "$@" >/dev/null 2>&1 || true
    awk '/^ *[0-9.]+ +[0-9.]+ +[0-9]+ +[0-9]+/ && $NF != "futex" && $NF != "total" {n += $4} END {print n}' "$out/strace-$name.txt"
  }
  md "| command | system calls (strace -f -c, without futex) |"
  md "|---|---|"
  md "| \`$(label lspci)\` | $(syscalls lspci lspci -tv -A linux-sysfs -O sysfs.path="$tree/sys/bus/pci") |"
  md "| \`$(label scan_cds)\` | $(syscalls scan_cds env VFIO_WORKBENCH_JAR="$jar" packaging/vfio-workbench scan --root "$tree") |"
  for f in none same fewest atdir; do
    # shellcheck disable=SC2086
    md "| $(label floor_$f) | $(syscalls floor_$f $floor $f "$tree" "$trace") |"
  done
  md ""
fi

say "peak memory: smallest -Xmx the 10k scan still runs in, peak heap in use, RSS above a bare JVM"
smallest() {
  local m
  for m in 24 32 48 64 96 128 192 256; do
    if java -Xmx${m}m -XX:TieredStopAtLevel=1 -jar "$jar" scan --root "$tree" "$@" >/dev/null 2>&1; then echo "$m"; return; fi
  done
  echo ">256"
}
# peak_heap ARGS...: the most the heap held (MiB) in a scan with those flags: the largest heap in use
# before a collection in the GC log, or at exit if that is more (young and old generation; before
# this was fixed the exit figure also counted Metaspace, about 8.5 MiB that is not heap).
peak_heap() {
  local log=$out/scan-gc.log
  rm -f "$log"
  # shellcheck disable=SC2086
  java -XX:TieredStopAtLevel=1 $memflags -Xlog:gc:file="$log" -Xlog:gc+heap+exit:file="$log.exit" \
    -jar "$jar" scan --root "$tree" "$@" >/dev/null 2>&1
  local before exit_used
  before=$(sed -n 's/.*Pause.* \([0-9]*\)M->.*/\1/p' "$log" | sort -n | tail -1)
  # The heap's generations only: the exit log's Metaspace and class space lines say "used" too.
  exit_used=$(sed -n 's/.*generation .* used \([0-9]*\)K.*/\1/p' "$log.exit" | awk '{s+=$1} END {printf "%.0f", s/1024}')
  awk -v a="${before:-0}" -v b="${exit_used:-0}" 'BEGIN {print (a > b) ? a : b}'
}
# rss_of CMD...: peak RSS in MiB of one run.
rss_of() { /usr/bin/time -f "%M" -o "$out/.rss" "$@" >/dev/null 2>&1 || true; awk '{printf "%.0f", $1/1024}' "$out/.rss"; }
rm -f "$out/scan-memory.txt"
live=$(java -cp "$cp" org.vfioworkbench.host.HostScanBenchmark --live-data "$bench_host" 2>/dev/null | tail -1 || echo "?")
# shellcheck disable=SC2086
bare_rss=$(rss_of java -XX:TieredStopAtLevel=1 $memflags -version)
launcher_rss() { rss_of env VFIO_WORKBENCH_JAR="$jar" packaging/vfio-workbench scan --root "$tree" "$@"; }
md "Memory. Live data: the heap after a full GC with the scan result and the engine's verdicts held. Peak heap in use: the largest heap in use in the GC log (before a collection, or at exit) with the launcher's flags (\`$memflags\`). RSS above a bare JVM: the peak RSS of \`packaging/vfio-workbench scan\` less that of \`java -version\` with the same flags ($bare_rss MiB). Target: peak ≤ 2 × live data."
md ""
md "| scan of the 10k tree | live data | smallest -Xmx that completes | peak heap in use (launcher flags) | peak RSS, \`packaging/vfio-workbench\` (MiB) | RSS above a bare JVM (MiB) | peak RSS, \`java -jar\`, default heap (MiB) |"
md "|---|---|---|---|---|---|---|"
for kind in text json; do
  if [ $kind = json ]; then args=(--json); name='`--json`'; else args=(); name=text; fi
  rss=$(launcher_rss "${args[@]}")
  peak=$(peak_heap "${args[@]}")
  echo "$kind $live|$peak" >>"$out/scan-memory.txt"
  md "| $name | $live | $(smallest "${args[@]}") MiB | $peak MiB | $rss | $((rss - bare_rss)) | $(awk "BEGIN {printf \"%.0f\", $(median "$out/scan_$kind.runs" 2)/1024}") |"
done
md ""
md "In-process (JMH, \`HostScanBenchmark\`: the capture in memory, the capture file, the tree, and lspci as a process):"
md ""
jmh_extra=(-p "dir=$bench_host")
jmh hostscan HostScanBenchmark lspciTree
jmh_extra=()
fi

if part startup; then
md "### Start-up: \`evaluate\` on a sample, whole process"
md ""
labels[bare]="java -version"
labels[eval_jar]="java -jar vfio-workbench.jar evaluate s19"
labels[eval_c1]="java -XX:TieredStopAtLevel=1 -jar vfio-workbench.jar evaluate s19"
labels[eval_cds]="packaging/vfio-workbench evaluate s19 (CDS archive + C1, the jar launcher)"
labels[eval_app]="target/packaging/app/vfio-workbench/bin/vfio-workbench evaluate s19 (app image, CDS)"
labels[eval_deb]="vfio-workbench evaluate s19 (the installed .deb: unpacked, archive made as its postinst does)"
specs=("bare=java -version"
  "eval_jar=java -jar $jar evaluate $sample"
  "eval_c1=java -XX:TieredStopAtLevel=1 -jar $jar evaluate $sample"
  "eval_cds=env VFIO_WORKBENCH_JAR=$jar packaging/vfio-workbench evaluate $sample")
names=(eval_jar eval_c1 eval_cds)
if $app_image; then
  say "building the app image and the .deb (with the app image's CDS archive)"
  if ! MVN_ARGS=-o packaging/build.sh deb >"$out/app-image.log" 2>&1; then
    md "The app image or the .deb did not build (see \`target/benchmarks/app-image.log\`)."
  fi
elif [ -x target/packaging/app/vfio-workbench/bin/vfio-workbench ]; then
  md "(The app image and the .deb were not rebuilt for this run: \`--no-app-image\`.)"
fi
if [ -x target/packaging/app/vfio-workbench/bin/vfio-workbench ]; then
  specs+=("eval_app=target/packaging/app/vfio-workbench/bin/vfio-workbench evaluate $sample")
  names+=(eval_app)
fi
# The installed package without installing it (as packaging/test-deb.sh does): the .deb unpacked
# into a throwaway root, and its archive made there the way the postinst makes it in /opt.
deb=$(ls target/packaging/vfio-workbench_*.deb 2>/dev/null | head -1)
installed=$PWD/$out/deb-root/opt/vfio-workbench
if [ -n "$deb" ]; then
  rm -rf "$out/deb-root"
  if dpkg-deb -x "$deb" "$out/deb-root" && "$installed/lib/app/cds-archive.sh" "$installed" >"$out/deb-cds.log" 2>&1; then
    specs+=("eval_deb=$installed/bin/vfio-workbench evaluate $installed/lib/app/sample-topologies/${sample##*/}")
    names+=(eval_deb)
  else
    md "The .deb's archive could not be made in its throwaway root (see \`target/benchmarks/deb-cds.log\`)."
  fi
fi
say "evaluate, $runs rounds"
interleave "${specs[@]}"
md "Target: ≤ 0.6 s. Baseline: a bare JVM (\`java -version\`) in the same rounds."
md ""
table bare bare "${names[@]}"
classes() { "$@" -Xlog:class+load:file="$out/classes.txt" -jar "$jar" evaluate "$sample" >/dev/null 2>&1; echo "$(wc -l <"$out/classes.txt") loaded, $(grep -vc 'shared objects file' "$out/classes.txt") not from a CDS archive"; }
java -XX:ArchiveClassesAtExit="$out/app.jsa" -cp "$jar" org.vfioworkbench.Launcher --startup-training >/dev/null 2>&1 || true
md "Classes loaded by \`evaluate\` (\`-Xlog:class+load\`): without the application's archive $(classes java); with it $(classes java -XX:SharedArchiveFile="$out/app.jsa")."
if [ -x "$installed/bin/vfio-workbench" ]; then
  VFIO_WORKBENCH_JAVA_OPTIONS="-Xlog:class+load:file=$out/classes-deb.txt" "$installed/bin/vfio-workbench" evaluate "$sample" >/dev/null 2>&1 || true
  md "Through the installed package's launcher: $(wc -l <"$out/classes-deb.txt") loaded, $(grep -vc 'shared objects file' "$out/classes-deb.txt") not from a CDS archive ($(grep -c 'class,load. picocli[.].*shared objects file' "$out/classes-deb.txt") of picocli's classes from the archive, $(grep -c 'class,load. picocli[.].* source: file:' "$out/classes-deb.txt") from the jar)."
fi
md ""

md "### \`evaluate\` of a big file, whole process"
md ""
# The engine benchmark's generated hosts written as files (EngineBenchmark.spec), evaluated whole:
# read, check, analyse, INFO and the natural reset of every device fd, the text report to
# /dev/null. Files over 32,768 functions need the loader's limit raised.
big_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dvfioworkbench.maxFunctions=65536"
big_specs=("big_s19=java $big_flags -jar $jar evaluate $sample")
labels[big_s19]="evaluate s19 (baseline)"
big_names=()
for n in 1000 10000 50000; do
  java -cp "$cp" org.vfioworkbench.bench.SyntheticHostFile "$n" "$out/host-$n.json"
  big_specs+=("big_$n=java $big_flags -jar $jar evaluate $out/host-$n.json")
  labels[big_$n]="evaluate host-$n.json ($(grep -c '"bdf"' "$out/host-$n.json") functions, $(du -k "$out/host-$n.json" | cut -f1) KiB)"
  big_names+=("big_$n")
done
saved_runs=$runs
runs=$($quick && echo 1 || echo 3)
say "evaluate of generated files, $runs rounds"
interleave "${big_specs[@]}"
md "Command: \`java $big_flags -jar vfio-workbench.jar evaluate FILE\`, FILE written by \`java -cp … org.vfioworkbench.bench.SyntheticHostFile N FILE\`. No target; the baseline is the same command on s19."
md ""
table big_s19 big_s19 "${big_names[@]}"
runs=$saved_runs
fi

if part workbench; then
md "### Workbench"
md ""
# WorkbenchBenchmark under Xvfb (software pipeline, as on CI): first frame from File › Open and
# from process start, frame latency and work time p50/p95/max with the clock stopped after the
# paint, graph skins made per step, window memory (heap after GC and RSS of the child); its
# own watchdog fails the run (exit 3) instead of hanging, and `timeout` backs it up.
case "$prism" in
  sw) prism_flags="-Dprism.order=sw" ;;
  es2) prism_flags="-Dprism.order=es2 -Dprism.forceGPU=true" ;;
  *) echo "benchmarks: --prism takes sw or es2, not $prism" >&2; exit 2 ;;
esac
wb_args=${WORKBENCH_ARGS:-$($quick && echo "--sizes 2000,10000 --steps 60 --repeat 10" || echo "--sizes 2000,10000 --steps 240 --repeat 30")}
# The workbench's start as the package makes it too (the image's runtime and its CDS archive).
if [ -x target/packaging/app/vfio-workbench/bin/vfio-workbench ] && [[ " $wb_args " != *" --no-child "* ]]; then
  wb_args="$wb_args --child-app target/packaging/app/vfio-workbench"
fi
say "workbench: WorkbenchBenchmark $wb_args (under xvfb-run)"
md "Command: \`xvfb-run -a -s \"-screen 0 1920x1200x24\" java $prism_flags -cp target/classes:target/test-classes:\$(cat target/cp.txt) org.vfioworkbench.ui.WorkbenchBenchmark $wb_args\`"
md ""
if command -v xvfb-run >/dev/null; then
  # shellcheck disable=SC2086 # the flags are words
  if timeout 1800 xvfb-run -a -s "-screen 0 1920x1200x24" java $prism_flags -cp "$cp" \
      org.vfioworkbench.ui.WorkbenchBenchmark $wb_args >"$out/workbench.md" 2>"$out/workbench.log"; then
    cat "$out/workbench.md" >>"$tables"
    md ""
    md "Targets (issue 11): first frame ≤ 1.5 s (2k) and ≤ 3 s (10k) from File › Open; p95 frame time ≤ 16 ms (the work columns; latency also waits up to one 16.7 ms pulse period) for expand, drag and selection on 2k and on 10k (the first 20 expands on each host, while the JIT compiles that path, are reported in rows of their own marked warm-up and not held to it; every step's time, in order, is in the log); window memory with 10k < 1 GiB (the process-start table: heap after GC, RSS). Progress and any failure: \`target/benchmarks/workbench.log\`."
  else
    md "**WorkbenchBenchmark failed** (exit $?; see \`target/benchmarks/workbench.log\`): $(grep -m1 -E 'FAILED|timed out' "$out/workbench.log" || echo 'no message')"
  fi
else
  md "Not run: xvfb-run is missing (apt-get install xvfb libgtk-3-0)."
fi
md ""
fi
md "Whole run: $(( $(date +%s) - started )) s; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."

# The issues' targets against this run's figures, put right after the run's header.
python3 .ci/scorecard.py "$out" "$only" >"$out/scorecard.md" || echo "(the scorecard could not be made)" >"$out/scorecard.md"
python3 - "$tables" "$out/scorecard.md" <<'PY'
import sys
tables, card = open(sys.argv[1]).read(), open(sys.argv[2]).read()
cut = tables.find("\n### ")
tables = tables + "\n" + card if cut < 0 else tables[: cut + 1] + card + "\n" + tables[cut + 1 :]
open(sys.argv[1], "w").write(tables)
PY

if $docs; then
  python3 - "$tables" docs/performance.md <<'PY'
import sys
tables, doc = open(sys.argv[1]).read(), open(sys.argv[2]).read()
begin, end = "<!-- benchmarks:begin -->", "<!-- benchmarks:end -->"
if begin in doc and end in doc:
    doc = doc[: doc.index(begin) + len(begin)] + "\n" + tables + doc[doc.index(end):]
else:
    doc += "\n" + begin + "\n" + tables + end + "\n"
open(sys.argv[2], "w").write(doc)
PY
  say "docs/performance.md updated"
fi
say "done in $(( $(date +%s) - started )) s; tables in $tables"
