#!/usr/bin/env bash
# Prepares the Linux 6.12 UAPI headers that the JNA layout test compiles against
# (linux/vfio.h with the device-cdev calls, linux/iommufd.h), from Debian's linux-source-6.12.
#
# Needs: apt packages linux-source-6.12 and gcc (installs nothing itself).
# Output: ~/.cache/vfio-workbench/uapi-6.12/include/linux/{vfio.h,iommufd.h}, exported the way
# `make headers_install` exports them (scripts/headers_install.sh from the same tree). The system's
# /usr/include supplies the rest (linux/types.h, linux/ioctl.h, asm/*).
# Idempotent: a second run with the same source tarball does nothing.
set -euo pipefail

tarball="${LINUX_SOURCE_TARBALL:-$(ls /usr/src/linux-source-6.12.tar.* 2>/dev/null | head -n1 || true)}"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/vfio-workbench/uapi-6.12"
stamp="$cache/.source"

if [ -z "$tarball" ] || [ ! -f "$tarball" ]; then
  echo "uapi-headers: /usr/src/linux-source-6.12.tar.* not found; apt-get install linux-source-6.12" >&2
  exit 1
fi
id="$(basename "$tarball") $(stat -c '%s %Y' "$tarball")"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$id" ] \
    && [ -f "$cache/include/linux/vfio.h" ] && [ -f "$cache/include/linux/iommufd.h" ]; then
  echo "uapi-headers: up to date in $cache/include"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
top="$(set +o pipefail; tar -tf "$tarball" | head -n1 | cut -d/ -f1)"
tar -xf "$tarball" -C "$work" \
  "$top/include/uapi/linux/vfio.h" "$top/include/uapi/linux/iommufd.h" \
  "$top/scripts/headers_install.sh" "$top/scripts/unifdef.c"
src="$work/$top"
# headers_install.sh runs the tree's own unifdef (built by `make headers_install` as host tool).
gcc -O1 -w -o "$src/scripts/unifdef" "$src/scripts/unifdef.c"

rm -rf "$cache.tmp"
mkdir -p "$cache.tmp/include/linux"
for h in vfio.h iommufd.h; do
  # headers_install.sh strips kernel-only annotations and checks for leaked CONFIG_ symbols.
  (cd "$src" && sh scripts/headers_install.sh "include/uapi/linux/$h" "$cache.tmp/include/linux/$h")
done
echo "$id" > "$cache.tmp/.source"
rm -rf "$cache"
mv "$cache.tmp" "$cache"
echo "uapi-headers: installed Linux 6.12 vfio.h and iommufd.h into $cache/include"
