#!/bin/sh
# Makes the class-data-sharing (AppCDS) archives of a VFIO Workbench app image, which its launcher
# (bin/vfio-workbench, packaging/app-launcher.sh) names whenever they exist, so a run starts from
# mapped, pre-parsed classes:
#   lib/app/vfio-workbench.jsa      the command line's (a subcommand)
#   lib/app/vfio-workbench-gui.jsa  the workbench's (no arguments, gui, or one .json file)
#
# Usage: cds-archive.sh APPDIR              (APPDIR holds bin/vfio-workbench and lib/app)
#        cds-archive.sh --classlist APPDIR  (at build time: writes lib/app/vfio-workbench.classlist)
#
# JDK 17 checks that an archive was made for the jar at exactly this path and by this runtime,
# and on a mismatch it quietly drops class-data sharing altogether (the JDK's own archive too). So
# the archives are made where the app image lives: by packaging/build.sh for the app image in
# target/, by the package's postinst for /opt/vfio-workbench, and by packaging/test-deb.sh for its
# throwaway root. Each run first forgets any archive made before (another path, jar or runtime).
#
# The command line's archive comes from one training run (Launcher --startup-training: evaluate,
# check and scan, text and JSON) with -XX:ArchiveClassesAtExit, on top of the runtime's own archive
# (jlink --generate-cds-archive).
#
# The workbench's cannot be trained where it is made: the postinst has no display. So the build
# lists its classes (--classlist: the workbench's training run, Launcher --startup-training-gui,
# on the seed sample and a generated 2,000-function host, with -XX:DumpLoadedClassList, under
# $DISPLAY or else xvfb-run), the package carries the list, and this script dumps a static archive
# from it (-Xshare:dump), which needs no display and runs no application code. It is kept apart
# from the command line's because the JVM relocates a whole archive at every start (JDK 17's
# ArchiveRelocationMode=1): one archive for both, about four times the command line's, made
# `evaluate` start 17 % slower. Without a list (an app image built with no display) the workbench starts from the
# command line's archive, which holds the classes both load.
#
# Each archive is then checked by one run with -Xshare:on (which fails instead of quietly running
# without the archive). If anything fails, that archive is left out (slower start, same
# behaviour) and the script says so, exiting 1.
set -eu

mode=archive
if [ "${1:-}" = --classlist ]; then mode=classlist; shift; fi
appdir=${1:?usage: cds-archive.sh [--classlist] APPDIR}
# The path as the launcher resolves its own (readlink -f): an archive serves only the class path
# it was made with, exactly, so a relative or symlinked APPDIR would make one no run can use.
appdir=$(readlink -f "$appdir")
app=$appdir/lib/app
jar=$app/vfio-workbench.jar
jsa=$app/vfio-workbench.jsa
gui_jsa=$app/vfio-workbench-gui.jsa
list=$app/vfio-workbench.classlist
launcher=$appdir/bin/vfio-workbench
java=$appdir/lib/runtime/bin/java

[ -x "$launcher" ] && [ -f "$jar" ] || { echo "cds-archive: $appdir is not an app image" >&2; exit 2; }

if [ "$mode" = classlist ]; then
  rm -f "$list"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  train() {
    VFIO_WORKBENCH_CDS=off VFIO_WORKBENCH_JAVA_OPTIONS="-XX:DumpLoadedClassList=$tmp/list" \
      "$@" "$launcher" --startup-training-gui >"$tmp/log" 2>&1 && [ -s "$tmp/list" ]
  }
  if { [ -n "${DISPLAY:-}" ] && train env; } ||
    { command -v xvfb-run >/dev/null && train xvfb-run -a -s "-screen 0 1920x1200x24"; }; then
    # One line per class or call site; the run's numbering ("id: N") dropped, as the JDK's own
    # list (lib/classlist) has it.
    grep -v '^#' "$tmp/list" | sed 's/ id: [0-9]*$//' >"$list"
    echo "cds-archive: $list ($(wc -l <"$list") classes and call sites)"
  else
    echo "cds-archive: no display, no xvfb-run, or the workbench's training failed" \
      "($(tail -1 "$tmp/log" 2>/dev/null)); the workbench will start from the command line's archive" >&2
  fi
  exit 0
fi

failed=0
rm -f "$jsa" "$gui_jsa"

# $1 archive, $2 what it serves: keeps it if a run maps it (-Xshare:on), else removes it.
maps() {
  if "$java" -Xshare:on -XX:SharedArchiveFile="$1" -cp "$jar" org.vfioworkbench.Launcher \
    --version >/dev/null 2>&1; then
    echo "cds-archive: $1 ($(du -k "$1" | cut -f1) KiB)"
  else
    rm -f "$1"
    echo "cds-archive: $1 does not map (-Xshare:on failed); $2 starts without it" >&2
    failed=1
  fi
}

# The command line's: a few samples are enough, every one loads the same scenario, engine and
# output classes.
set -- "$app"/sample-topologies/s19-*.json "$app"/sample-topologies/s01-*.json
tmp=$jsa.$$.tmp
if VFIO_WORKBENCH_CDS=off JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$tmp" \
  "$launcher" --startup-training "$@" >/dev/null 2>&1 && [ -s "$tmp" ]; then
  mv -f "$tmp" "$jsa"
  maps "$jsa" "the command line"
else
  rm -f "$tmp"
  echo "cds-archive: the training run failed; the command line starts without its CDS archive" >&2
  failed=1
fi

# The workbench's, from the list; the class path exactly as the launcher gives it.
if [ -s "$list" ]; then
  tmp=$gui_jsa.$$.tmp
  if "$java" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
    -cp "$jar" >"$tmp.log" 2>&1 && [ -s "$tmp" ]; then
    mv -f "$tmp" "$gui_jsa"
    maps "$gui_jsa" "the workbench"
  else
    rm -f "$tmp"
    echo "cds-archive: the dump from $list failed ($(tail -1 "$tmp.log"));" \
      "the workbench starts from the command line's archive" >&2
    failed=1
  fi
  rm -f "$tmp.log"
fi
exit "$failed"
