#!/bin/sh
# Makes the class-data-sharing (AppCDS) archive of a VFIO Workbench app image and points the
# launcher at it, so the command line starts from mapped, pre-parsed classes.
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
# It needs the runtime's base archive (jlink --generate-cds-archive). If anything fails, the app
# image is left without the archive (slower start, same behaviour) and the script says so.
set -eu

appdir=${1:?usage: cds-archive.sh APPDIR}
app=$appdir/lib/app
cfg=$app/vfio-workbench.cfg
jsa=$app/vfio-workbench.jsa
launcher=$appdir/bin/vfio-workbench
option='java-options=-XX:SharedArchiveFile=$APPDIR/vfio-workbench.jsa'

[ -f "$cfg" ] && [ -x "$launcher" ] || { echo "cds-archive: $appdir is not an app image" >&2; exit 2; }
sed -i '/-XX:SharedArchiveFile=/d' "$cfg"
rm -f "$jsa"

# A few samples are enough: every one loads the same scenario, engine and output classes.
set -- "$app"/sample-topologies/s19-*.json "$app"/sample-topologies/s01-*.json
if ! JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa -Xshare:auto" \
  "$launcher" --startup-training "$@" >/dev/null 2>&1 || [ ! -s "$jsa" ]; then
  rm -f "$jsa"
  echo "cds-archive: the training run failed; $appdir starts without its CDS archive" >&2
  exit 1
fi
sed -i "s|^\[JavaOptions\]\$|[JavaOptions]\n$option|" "$cfg"
grep -q -- '-XX:SharedArchiveFile=' "$cfg" || echo "$option" >>"$cfg"
echo "cds-archive: $jsa ($(du -k "$jsa" | cut -f1) KiB)"
