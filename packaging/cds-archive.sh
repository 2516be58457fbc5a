#!/bin/sh
# Makes the class-data-sharing (AppCDS) archive of a VFIO Workbench app image,
# lib/app/vfio-workbench.jsa, which its launcher (bin/vfio-workbench, packaging/app-launcher.sh)
# names whenever it exists, so the command line starts from mapped, pre-parsed classes.
#
# Usage: cds-archive.sh APPDIR        (APPDIR holds bin/vfio-workbench and lib/app)
#
# JDK 17 checks that the archive was made for the jar at exactly this path and by this runtime,
# and on a mismatch it quietly drops class-data sharing altogether (the JDK's own archive too). So
# the archive is made where the app image lives: by packaging/build.sh for the app image in
# target/, by the package's postinst for /opt/vfio-workbench, and by packaging/test-deb.sh for its
# throwaway root. Each run first forgets any archive made before (another path, jar or runtime).
#
# The archive comes from one training run (Launcher --startup-training: evaluate, check and scan,
# text and JSON) with -XX:ArchiveClassesAtExit, through the app image's own launcher and runtime.
# It needs the runtime's base archive (jlink --generate-cds-archive). Then one run with -Xshare:on
# (which fails instead of quietly running without the archive) checks that it maps. If anything
# fails, the app image is left without the archive (slower start, same behaviour) and the script
# says so.
set -eu

appdir=${1:?usage: cds-archive.sh APPDIR}
app=$appdir/lib/app
jsa=$app/vfio-workbench.jsa
launcher=$appdir/bin/vfio-workbench

[ -x "$launcher" ] && [ -f "$app/vfio-workbench.jar" ] || { echo "cds-archive: $appdir is not an app image" >&2; exit 2; }
rm -f "$jsa"

# A few samples are enough: every one loads the same scenario, engine and output classes.
set -- "$app"/sample-topologies/s19-*.json "$app"/sample-topologies/s01-*.json
tmp=$jsa.$$.tmp
if ! VFIO_WORKBENCH_CDS=off JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$tmp" \
  "$launcher" --startup-training "$@" >/dev/null 2>&1 || [ ! -s "$tmp" ]; then
  rm -f "$tmp"
  echo "cds-archive: the training run failed; $appdir starts without its CDS archive" >&2
  exit 1
fi
mv -f "$tmp" "$jsa"
if ! VFIO_WORKBENCH_JAVA_OPTIONS=-Xshare:on "$launcher" --version >/dev/null 2>&1; then
  rm -f "$jsa"
  echo "cds-archive: the archive does not map (-Xshare:on failed); $appdir starts without it" >&2
  exit 1
fi
echo "cds-archive: $jsa ($(du -k "$jsa" | cut -f1) KiB)"
