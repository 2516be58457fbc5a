#!/usr/bin/env bash
# Renders the workbench on the workstation sample and writes assets/workbench.png.
# Needs a display: runs itself under Xvfb when none is set (apt-get install xvfb libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-assets/workbench.png}"
[ -f target/vfio-workbench.jar ] || mvn -B -q -o -DskipTests package
run=(java -Dprism.order=sw -cp target/vfio-workbench.jar org.vfioworkbench.ui.WorkbenchScreenshot
  "$out" 1 1920 1100)
if [ -z "${DISPLAY:-}" ]; then
  xvfb-run -a -s "-screen 0 1920x1200x24" "${run[@]}"
else
  "${run[@]}"
fi
echo "wrote $out"
