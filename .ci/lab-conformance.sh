#!/usr/bin/env bash
# The kernel lab's conformance suite: builds and caches the lab kernel on first use
# (packaging/lab/build-kernel.sh, about 6-11 minutes on 2 cores), then runs every bundled sample
# on the real kernel in QEMU and fails on any disagreement with the engine.
# Reports: target/lab/report.json and one table per scenario under target/lab/.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
packages=(qemu-system-x86 busybox-static linux-source-6.12 build-essential bc bison flex
  libelf-dev libssl-dev cpio xz-utils rsync)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "lab: installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Build (or find) the kernel first, so its progress shows in the log.
bash packaging/lab/build-kernel.sh

mvn -B test -Dgroups=lab -DexcludedTestGroups=host-root -Dtest='KernelLab*Test' \
  -Dsurefire.failIfNoSpecifiedTests=false
