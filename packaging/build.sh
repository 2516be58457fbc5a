#!/usr/bin/env bash
# Builds VFIO Workbench as a self-contained Linux application with jpackage:
#   target/packaging/app/vfio-workbench/            the app image (bin/vfio-workbench, runtime, jar)
#   target/packaging/vfio-workbench_<v>-1_amd64.deb  the Debian package (installs to /opt,
#                                                    vfio-workbench on the PATH, desktop entry)
#
# Usage: packaging/build.sh [app-image|deb]     (default: deb, which builds the app image first)
#
# The fat jar target/vfio-workbench.jar is rebuilt with Maven only when it is missing or older than
# the sources. Environment: JAR (package this jar instead), JPACKAGE (default: the JDK 17 jpackage), MVN_ARGS (extra Maven
# arguments, e.g. -o), PACKAGE_RELEASE (Debian revision, default 1).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-deb}
case "$target" in
  app-image|deb) ;;
  *) echo "usage: packaging/build.sh [app-image|deb]" >&2; exit 2 ;;
esac

fail() { echo "packaging: $*" >&2; exit 1; }

jdk17=/usr/lib/jvm/java-17-openjdk-amd64
jpackage=${JPACKAGE:-}
if [ -z "$jpackage" ]; then
  if [ -x "$jdk17/bin/jpackage" ]; then jpackage=$jdk17/bin/jpackage
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then jpackage=$JAVA_HOME/bin/jpackage
  else fail "jpackage not found; install openjdk-17-jdk-headless or set JPACKAGE"; fi
fi
jdk_home=$(dirname "$(dirname "$(readlink -f "$jpackage")")")
[ -d "$jdk_home/jmods" ] || fail "$jdk_home has no jmods/ (needed to build the runtime); install openjdk-17-jdk-headless"
if [ "$target" = deb ]; then
  command -v fakeroot >/dev/null || fail "fakeroot not found (apt-get install fakeroot)"
  command -v dpkg-deb >/dev/null || fail "dpkg-deb not found (apt-get install dpkg)"
fi

# The package version is the POM's: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT, which Debian sorts
# before the 0.1.0 release.
pom_version=$(awk '/<artifactId>vfio-workbench<\/artifactId>/ {found=1}
  found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' pom.xml)
[ -n "$pom_version" ] || fail "could not read the project version from pom.xml"
version=${pom_version/-/\~}

jar=${JAR:-target/vfio-workbench.jar}
if [ -z "${JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main sample-topologies -newer "$jar" -type f 2>/dev/null | head -1)" ]; }; then
  echo "packaging: building $jar"
  # shellcheck disable=SC2086
  mvn -B -q -DskipTests ${MVN_ARGS:-} package
fi
[ -f "$jar" ] || fail "$jar was not built"

out=target/packaging
rm -rf "$out/input" "$out/app"
mkdir -p "$out/input"
cp "$jar" "$out/input/vfio-workbench.jar"
if [ -d sample-topologies ]; then
  cp -r sample-topologies "$out/input/"
fi
# Makes the CDS archive where the app image is installed (see the script; the postinst runs it).
cp packaging/cds-archive.sh "$out/input/cds-archive.sh"
chmod +x "$out/input/cds-archive.sh"

# The runtime: only the modules the workbench needs. `jdeps --print-module-deps` on the fat jar
# finds the static ones: java.desktop and jdk.unsupported(.desktop) for JavaFX on the class path,
# java.logging for JNA and ControlsFX, java.sql for Jackson's date handlers, java.management for
# JGraphT's apfloat. Two are only reached at run time and jdeps cannot see them: jdk.zipfs (the
# Samples menu lists the samples inside the jar through the zip file system) and java.prefs (the
# Learn perspective remembers the welcome page and finished lessons). Left out on purpose: jdk.jfr
# (only JavaFX's optional pulse logger uses it). Checked by packaging/test-deb.sh --gui, which
# starts the installed workbench under Xvfb, and by the CLI run on every bundled sample.
# --generate-cds-archive gives the runtime the JDK's own class-data-sharing archive, which jlink
# otherwise leaves out (every start then loads and verifies the JDK's classes from lib/modules);
# it serves when the application's archive is missing, and under one made without a class list
# (packaging/cds-archive.sh; one made from the list holds the JDK's classes itself). jlink needs
# the runtime's bin/java to make it, so the native commands (java, keytool; some 100 KB) stay.
modules=java.base,java.desktop,java.logging,java.management,java.prefs,java.sql,jdk.unsupported
modules=$modules,jdk.unsupported.desktop,jdk.zipfs

common=(--name vfio-workbench --app-version "$version" --vendor "VFIO Workbench"
  --description "See how Linux VFIO decides who may hot-reset a PCI device")

echo "packaging: app image $version"
"$jpackage" --type app-image "${common[@]}" \
  --input "$out/input" --main-jar vfio-workbench.jar --main-class org.vfioworkbench.Launcher \
  --icon assets/vfio-workbench.png \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --dest "$out/app"
# The launcher: packaging/app-launcher.sh in place of jpackage's, which asks rpm and dpkg who owns
# it at every start (longer than the run it starts; see the script). Its libapplauncher.so and
# .cfg file serve only that launcher.
image=$out/app/vfio-workbench
install -m 755 packaging/app-launcher.sh "$image/bin/vfio-workbench"
rm -f "$image/lib/libapplauncher.so" "$image/lib/app/vfio-workbench.cfg"
echo "packaging: $image ($(du -sh "$image" | cut -f1))"
# The classes the workbench's archive will hold, listed from its training run (under Xvfb when
# there is no display); the package carries the list, its postinst dumps the archive from it.
"$image/lib/app/cds-archive.sh" --classlist "$image"

if [ "$target" = deb ]; then
  echo "packaging: Debian package"
  rm -f "$out"/vfio-workbench_*.deb
  "$jpackage" --type deb "${common[@]}" \
    --app-image "$out/app/vfio-workbench" \
    --icon assets/vfio-workbench.png \
    --resource-dir packaging/deb \
    --linux-package-name vfio-workbench \
    --linux-deb-maintainer "VFIO Workbench <vfio-workbench@localhost>" \
    --linux-app-release "${PACKAGE_RELEASE:-1}" \
    --linux-app-category devel \
    --linux-menu-group "Development;Education;System;" \
    --linux-shortcut \
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libxtst6, libxxf86vm1, libgl1, libfreetype6, libfontconfig1, fonts-dejavu-core" \
    --dest "$out"
  deb=$(ls "$out"/vfio-workbench_*.deb)
  echo "packaging: $deb ($(du -h "$deb" | cut -f1))"
fi

# The app image's own CDS archive, made after the .deb so that the package carries none: an
# archive only serves the path it was made at, so the postinst makes the package's in /opt.
"$out/app/vfio-workbench/lib/app/cds-archive.sh" "$out/app/vfio-workbench"
