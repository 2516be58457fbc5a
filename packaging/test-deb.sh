#!/usr/bin/env bash
# Checks the Debian package built by packaging/build.sh without touching the system: unpacks it
# with dpkg -x into a throwaway root, checks its metadata and files, puts its command on a PATH
# the way the postinst does, and runs the CLI on every bundled sample (vfio-workbench check).
# With --gui it also starts the workbench under Xvfb and waits for its window.
#
# Usage: packaging/test-deb.sh [--gui] [path/to/vfio-workbench_*.deb]
# Exit status 0 when every check passed; the failed check is named otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

gui=false
if [ "${1:-}" = "--gui" ]; then gui=true; shift; fi
deb=${1:-$(ls target/packaging/vfio-workbench_*.deb 2>/dev/null | head -1)}
[ -n "$deb" ] && [ -f "$deb" ] || { echo "test-deb: no .deb found; run packaging/build.sh deb first" >&2; exit 2; }

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
failures=0
passes=0
check() {
  local what=$1; shift
  if "$@" >"$root/.out" 2>&1; then
    passes=$((passes + 1)); echo "ok   $what"
  else
    failures=$((failures + 1)); echo "FAIL $what"; sed 's/^/     /' "$root/.out" | tail -20
  fi
}

echo "test-deb: $deb"
dpkg-deb -x "$deb" "$root/fs"
dpkg-deb -e "$deb" "$root/control"
app=$root/fs/opt/vfio-workbench

field() { sed -n "s/^$1: //p" "$root/control/control"; }
check "package name is vfio-workbench" test "$(field Package)" = vfio-workbench
check "depends on GTK 3 and a font" sh -c "echo '$(field Depends)' | grep -q libgtk-3-0 && echo '$(field Depends)' | grep -q fonts-dejavu-core"
check "launcher is executable" test -x "$app/bin/vfio-workbench"
# jpackage's own launcher asks rpm and dpkg who owns it at every start (packaging/app-launcher.sh).
check "launcher is the shell launcher (no package-manager query at start)" \
  sh -c "head -1 '$app/bin/vfio-workbench' | grep -q '^#!/bin/sh' && ! test -e '$app/lib/libapplauncher.so'"
check "runtime is bundled" test -x "$app/lib/runtime/lib/server/libjvm.so" -o -f "$app/lib/runtime/lib/server/libjvm.so"
check "icon is bundled" test -s "$app/lib/vfio-workbench.png"
desktop=$(ls "$app"/lib/*.desktop 2>/dev/null | head -1)
check "desktop entry is bundled" test -n "$desktop"
if [ -n "$desktop" ]; then
  exec_line=$(sed -n 's/^Exec=//p' "$desktop")
  icon_line=$(sed -n 's/^Icon=//p' "$desktop")
  check "desktop entry starts the launcher" test -x "$root/fs$exec_line"
  check "desktop entry names the icon" test -s "$root/fs$icon_line"
  check "postinst installs the desktop entry" grep -q "xdg-desktop-menu install" "$root/control/postinst"
fi
check "postinst puts vfio-workbench on the PATH" \
  grep -q "update-alternatives --install /usr/bin/vfio-workbench" "$root/control/postinst"
check "prerm removes vfio-workbench from the PATH" \
  grep -q "update-alternatives --remove vfio-workbench" "$root/control/prerm"

# What the postinst does, inside the throwaway root: /usr/bin/vfio-workbench -> the launcher.
mkdir -p "$root/fs/usr/bin"
ln -s "$app/bin/vfio-workbench" "$root/fs/usr/bin/vfio-workbench"
export PATH="$root/fs/usr/bin:$PATH"
samples=("$app"/lib/app/sample-topologies/*.json)
check "samples are bundled" test -f "${samples[0]}"
check "vfio-workbench check on the seed-case sample" \
  vfio-workbench check "$app/lib/app/sample-topologies/s19-seed-cdev-and-type1-group.json"
check "vfio-workbench check on every bundled sample (${#samples[@]})" vfio-workbench check "${samples[@]}"
check "postinst makes the CDS archive" grep -q "cds-archive.sh /opt/vfio-workbench" "$root/control/postinst"
check "prerm removes the CDS archives" sh -c \
  "grep -q 'rm -f .*/opt/vfio-workbench/lib/app/vfio-workbench.jsa' '$root/control/prerm' &&
   grep -q 'rm -f .*/opt/vfio-workbench/lib/app/vfio-workbench-gui.jsa' '$root/control/prerm'"
check "the package carries no CDS archive (it serves only the path it was made at)" \
  test ! -e "$app/lib/app/vfio-workbench.jsa" -a ! -e "$app/lib/app/vfio-workbench-gui.jsa"
check "the runtime has the JDK's CDS archive" test -f "$app/lib/runtime/lib/server/classes.jsa"
# The build lists the workbench's classes from a training run under Xvfb (the postinst has no
# display): JavaFX's, the window's, the graph's.
check "the package carries the workbench's class list" sh -c \
  "grep -qx 'javafx/scene/Scene' '$app/lib/app/vfio-workbench.classlist' &&
   grep -qx 'org/vfioworkbench/ui/WorkbenchWindow' '$app/lib/app/vfio-workbench.classlist' &&
   grep -qx 'org/vfioworkbench/ui/graph/skin/BundleSkin' '$app/lib/app/vfio-workbench.classlist'"
# What the postinst does, for this root: the archives for this path, then runs that map from them.
check "cds-archive.sh makes both archives for the installed path" sh -c \
  "'$app/lib/app/cds-archive.sh' '$app' && test -s '$app/lib/app/vfio-workbench.jsa' &&
   test -s '$app/lib/app/vfio-workbench-gui.jsa'"
check "a run maps the application's classes from the CDS archive" sh -c \
  "JAVA_TOOL_OPTIONS=-Xlog:class+load=info vfio-workbench check '$app/lib/app/sample-topologies/s19-seed-cdev-and-type1-group.json' 2>&1 | grep -q 'org.vfioworkbench.cli.CheckCommand source: shared objects file (top)'"
seed=$app/lib/app/sample-topologies/s19-seed-cdev-and-type1-group.json
# -Xshare:on makes the JVM fail instead of quietly starting without an archive it cannot map.
check "vfio-workbench evaluate runs with -Xshare:on (the archives map)" \
  env VFIO_WORKBENCH_JAVA_OPTIONS=-Xshare:on vfio-workbench evaluate "$seed"
check "vfio-workbench evaluate maps the application's CDS archive (-Xlog:cds)" sh -c \
  "VFIO_WORKBENCH_JAVA_OPTIONS=-Xlog:cds vfio-workbench evaluate '$seed' | grep -q 'Mapped dynamic region'"
# picocli is compiled at our class-file level (pom.xml), so the archive keeps it too.
check "evaluate takes the CLI's and picocli's classes from the archive" sh -c \
  "VFIO_WORKBENCH_JAVA_OPTIONS=-Xlog:class+load=info vfio-workbench evaluate '$seed' >'$root/classes.log' 2>&1 &&
   grep -q 'org.vfioworkbench.cli.EvaluateCommand source: shared objects file (top)' '$root/classes.log' &&
   grep -q 'picocli.CommandLine source: shared objects file (top)' '$root/classes.log' &&
   ! grep -q 'class,load. picocli[.].* source: file:' '$root/classes.log'"
check "vfio-workbench check fails on a broken file" sh -c "echo '{' > '$root/broken.json'; ! vfio-workbench check '$root/broken.json'"

if $gui; then
  # Started by xvfb-run: launch with no arguments, wait up to 30 s for the main window.
  cat >"$root/probe.sh" <<'PROBE'
#!/usr/bin/env bash
vfio-workbench >"$1/gui.log" 2>&1 &
pid=$!
found=1
for _ in $(seq 1 30); do
  sleep 1
  if xwininfo -root -tree 2>/dev/null | grep -q '"[^"]*VFIO Workbench"'; then found=0; break; fi
  kill -0 "$pid" 2>/dev/null || break
done
# The window shown, let the start-up finish, then read the log as it was before the kill: a toolkit
# being torn down by the kill may throw on an event still in flight, which is not the workbench's.
[ "$found" = 0 ] && sleep 2
cp "$1/gui.log" "$1/gui-before-kill.log"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
[ "$found" = 0 ] || { echo "no workbench window after 30 s"; cat "$1/gui.log"; exit 1; }
if grep -Eq "^(Exception in|Caused by:)" "$1/gui-before-kill.log"; then echo "the workbench logged an exception"; cat "$1/gui-before-kill.log"; exit 1; fi
PROBE
  chmod +x "$root/probe.sh"
  # user.home in the throwaway root: the run must not touch the user's settings (first-run flag).
  check "vfio-workbench with no arguments opens the workbench window (Xvfb)" \
    env HOME="$root/home" JAVA_TOOL_OPTIONS="-Duser.home=$root/home" \
    VFIO_WORKBENCH_JAVA_OPTIONS=-Xlog:class+load=info \
    xvfb-run -a -s "-screen 0 1400x900x24" "$root/probe.sh" "$root"
  check "the workbench maps JavaFX's and its own classes from its CDS archive" sh -c \
    "grep -q 'javafx.scene.Scene source: shared objects file\$' '$root/gui.log' &&
     grep -q 'org.vfioworkbench.ui.WorkbenchWindow source: shared objects file\$' '$root/gui.log'"
fi

echo "test-deb: $passes checks passed, $failures failed"
[ "$failures" = 0 ]
