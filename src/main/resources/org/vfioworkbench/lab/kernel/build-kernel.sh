#!/usr/bin/env bash
# Builds and caches the kernel lab's guest kernel (bzImage) and the matching UAPI headers
# from Debian's linux-source-6.12, with the lab-only patches in patches/ beside this script.
#
# Shipped inside the application's jar (org/vfioworkbench/lab/kernel/); the lab extracts it with
# its config fragment and patches into a private cache directory, verifies them by hash and runs
# it from there (never from the working directory). It installs nothing: missing packages end
# it with exit 2 and their names (`vfio-workbench lab --install-deps` installs them).
#
# Usage: bash build-kernel.sh
# Cache: ${VFIO_WORKBENCH_CACHE:-$HOME/.cache/vfio-workbench}/lab/<key>/{bzImage,uapi/,VERSION}
# where <key> is a hash of the source package version, the config fragment and the patches,
# so any change to them builds a new kernel. Progress goes to stderr; the last stdout line
# is the path of the cached bzImage.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache_root="${VFIO_WORKBENCH_CACHE:-$HOME/.cache/vfio-workbench}/lab"
tarball=/usr/src/linux-source-6.12.tar.xz
jobs="${LAB_BUILD_JOBS:-$(nproc)}"

log() { printf 'lab-kernel: %s\n' "$*" >&2; }

need_pkgs=()
dpkg -s linux-source-6.12 >/dev/null 2>&1 || need_pkgs+=(linux-source-6.12)
for p in build-essential bc bison flex libelf-dev libssl-dev cpio xz-utils rsync; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if ((${#need_pkgs[@]})); then
  log "missing packages: ${need_pkgs[*]} (install them with: sudo apt-get install" \
    "--no-install-recommends ${need_pkgs[*]}, or run: sudo vfio-workbench lab --install-deps --prepare)"
  exit 2
fi

src_version="$(dpkg-query -W -f '${Version}' linux-source-6.12)"
key="$( { echo "$src_version"; cat "$here/lab-kernel.config"; cat "$here"/patches/*.patch; } \
  | sha256sum | cut -c1-12)"
out="$cache_root/$key"
if [[ -f "$out/bzImage" && -f "$out/uapi/include/linux/vfio.h" ]]; then
  log "cached kernel $(cat "$out/VERSION") at $out/bzImage"
  echo "$out/bzImage"
  exit 0
fi

work="$cache_root/build-$key"
tree="$work/linux-source-6.12"
if [[ ! -f "$tree/.lab-configured" ]]; then
  rm -rf "$work"
  mkdir -p "$work"
  log "unpacking $tarball (linux-source-6.12 $src_version)"
  tar -C "$work" -xf "$tarball"
  for p in "$here"/patches/*.patch; do
    log "applying $(basename "$p")"
    patch -s -d "$tree" -p1 < "$p"
  done

  log "configuring: tinyconfig + kvm_guest.config + lab-kernel.config"
  cd "$tree"
  make -s tinyconfig >&2
  KCONFIG_CONFIG=.config scripts/kconfig/merge_config.sh -m -O . .config \
    kernel/configs/kvm_guest.config "$here/lab-kernel.config" >/dev/null
  make -s olddefconfig >&2
  missing=0
  while read -r line; do
    [[ $line =~ ^(CONFIG_[A-Z0-9_]+)=y$ ]] || continue
    if ! grep -qx "${BASH_REMATCH[1]}=y" .config; then
      log "config: ${BASH_REMATCH[1]} did not stick"
      missing=1
    fi
  done < "$here/lab-kernel.config"
  ((missing == 0)) || { log "config fragment not satisfied; see $tree/.config"; exit 3; }
  touch .lab-configured
else
  log "resuming the build in $work"
fi
cd "$tree"

log "building bzImage with $jobs jobs (about 7 minutes on 2 cores)"
start=$(date +%s)
nice -n 10 make -j"$jobs" bzImage > "$work/build.log" 2>&1 || {
  tail -40 "$work/build.log" >&2
  log "build failed; full log: $work/build.log"
  exit 4
}
log "built in $(( $(date +%s) - start )) s"
make -s headers_install INSTALL_HDR_PATH="$work/uapi" >&2

mkdir -p "$out"
cp arch/x86/boot/bzImage "$out/bzImage.tmp"
cp -r "$work/uapi" "$out/uapi"
cp .config "$out/config"
make -s kernelrelease > "$out/kernelrelease"
echo "Linux ${src_version%%-*} (Debian linux-source-6.12 $src_version, lab config $key)" \
  > "$out/VERSION"
mv "$out/bzImage.tmp" "$out/bzImage"
cd /
rm -rf "$work"
log "cached kernel $(cat "$out/VERSION") at $out/bzImage"
echo "$out/bzImage"
