#!/bin/sh
# bin/vfio-workbench of the app image and the .deb (packaging/build.sh puts it in place of the
# launcher jpackage makes). It runs the app image's own Java runtime on its jar, with the
# application's class-data-sharing archive when there is one.
#
# Why not jpackage's launcher: on Linux, JDK 17's launcher asks the package manager who owns it at
# every start, before the JVM starts: `rpm -qf` and `dpkg -S` on its own path, twice (once in the
# launcher, once in libapplauncher), and `dpkg -L` on the package twice when it belongs to one.
# `dpkg -S` reads every package's file list (0.2-0.3 s of CPU each on a desktop system), so this
# took longer than the whole `evaluate` it started. This script does none of it: one readlink,
# then exec.
#
# Options, the same as the jar launcher's (packaging/vfio-workbench):
#   - a command-line run (a subcommand) uses the client compiler only (-XX:TieredStopAtLevel=1):
#     a run of a second spends more on the optimizing compiler than it gets back. The workbench
#     (no arguments, gui, or one .json file) keeps both compilers.
#   - the application's CDS archive, lib/app/vfio-workbench.jsa for a command-line run and
#     lib/app/vfio-workbench-gui.jsa for the workbench (made for this path by lib/app/cds-archive.sh,
#     which the package's postinst runs), is named only when it exists: JDK 17 given an archive it
#     cannot use warns on standard output and drops class-data sharing altogether, the JDK's own
#     archive too; so an archive older than the jar is not named either. The workbench without its
#     own archive (an image built with no display has no class list) takes the command line's,
#     which holds the classes both load. VFIO_WORKBENCH_CDS=off runs without either.
#   - a command-line run gets a heap sized by what it holds, not by the machine (as the jar
#     launcher packaging/vfio-workbench does; see there): the serial collector, starting at 32 MiB,
#     growing only while less than a fifth of it is free, a fifth of it young. No upper cap. The
#     workbench keeps the JVM's defaults.
#   - VFIO_WORKBENCH_JAVA_OPTIONS: extra JVM options, before the launcher's own.
set -eu

self=$(readlink -f "$0")
appdir=${self%/bin/*}
app=$appdir/lib/app
java=$appdir/lib/runtime/bin/java

jit=-XX:TieredStopAtLevel=1
mem="-XX:+UseSerialGC -Xms32m -XX:NewRatio=4 -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
archives=$app/vfio-workbench.jsa
if [ $# -eq 0 ] || [ "$1" = gui ] || { [ $# -eq 1 ] && [ "${1%.json}" != "$1" ]; }; then
  jit=-XX:+TieredCompilation
  mem=
  archives="$app/vfio-workbench-gui.jsa $archives"
fi
cds=-Xshare:auto
if [ "${VFIO_WORKBENCH_CDS:-on}" != off ]; then
  for jsa in $archives; do
    if [ -r "$jsa" ] && [ ! "$app/vfio-workbench.jar" -nt "$jsa" ]; then
      cds=-XX:SharedArchiveFile=$jsa
      break
    fi
  done
fi

# shellcheck disable=SC2086
exec "$java" ${VFIO_WORKBENCH_JAVA_OPTIONS:-} $jit $mem "$cds" -Dfile.encoding=UTF-8 \
  -cp "$app/vfio-workbench.jar" org.vfioworkbench.Launcher "$@"
