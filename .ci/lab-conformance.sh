#!/usr/bin/env bash
# The kernel lab's conformance suite: the application installs the host packages the lab needs
# (lab --install-deps), builds and caches the lab kernel on first use with the build script
# shipped inside its jar (about 6-11 minutes on 2 cores), then every bundled sample runs on the
# real kernel in QEMU and the suite fails on any disagreement with the engine.
# Reports: target/lab/report.json and one table per scenario under target/lab/.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/vfio-workbench.jar
if [ ! -f "$jar" ]; then
  mvn -B -q package -DskipTests
fi

# Install what is missing (needs root, as CI runs) and build or find the kernel first, so its
# progress shows in the log. Nothing here runs a script from the checkout.
java -jar "$jar" lab --install-deps --prepare

mvn -B test -Dgroups=lab -DexcludedTestGroups=host-root -Dtest='KernelLab*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false
