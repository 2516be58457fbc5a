#!/usr/bin/env bash
# Renders the README's pictures into assets/ (or into the directory given as $1):
#   workbench.png        the seed sample at 1920×1080 (its first device selected)
#   workbench-1366.png   the same at 1366×768
#   host-2000.png        the generated 2,000-function host as it opens (nothing selected)
#   host-2000-focus.png  the same host focused on 0000:03:00.1 (its blocked bus 03 reset)
# Needs a display: runs itself under Xvfb when none is set (apt-get install xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets}"
mkdir -p "$out"
[ -f target/vfio-workbench.jar ] || mvn -B -q -o -DskipTests package
shot() {
  local run=(java -Dprism.order=sw -cp target/vfio-workbench.jar
    org.vfioworkbench.ui.WorkbenchScreenshot "$@")
  if [ -z "${DISPLAY:-}" ]; then
    xvfb-run -a -s "-screen 0 1920x1200x24" "${run[@]}"
  else
    "${run[@]}"
  fi
  echo "wrote $1"
}
shot "$out/workbench.png" 0 1920 1080
shot "$out/workbench-1366.png" 0 1366 768
shot "$out/host-2000.png" 2 1920 1080 focus=none
shot "$out/host-2000-focus.png" 2 1920 1080 focus=0000:03:00.1
