#!/usr/bin/env bash
# Fetches real machines' sysfs trees for the scanner's regression test (HwlocTreesScanTest): the
# hwloc project's test data (tests/hwloc/linux/*.tar.bz2), taken from Debian's hwloc source
# package. The trees are not committed to this repository; lspci's figures for them are, under
# src/test/resources/host/hwloc-lspci/.
#
# Uses a private apt configuration (the machine's own Debian sources turned into deb-src lines, in
# a temporary directory), so the machine's apt sources are left as they are. Needs: apt-get, tar
# and bzip2 (the orig tarball is read with tar; dpkg-source is not needed).
# Output: ${VFIO_WB_HWLOC_TREES:-~/.cache/vfio-workbench/hwloc-trees}/NAME.tar.bz2 for every tree
# named in src/test/resources/host/hwloc-lspci/. Idempotent: does nothing when all are there.
set -euo pipefail
cd "$(dirname "$0")/.."

dest="${VFIO_WB_HWLOC_TREES:-${XDG_CACHE_HOME:-$HOME/.cache}/vfio-workbench/hwloc-trees}"
names=()
for f in src/test/resources/host/hwloc-lspci/*.txt; do
  names+=("$(basename "$f" .txt)")
done

missing=()
for n in "${names[@]}"; do
  [ -f "$dest/$n.tar.bz2" ] || missing+=("$n")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "hwloc-trees: up to date in $dest"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/src" "$work/parts"
# The machine's own Debian archives, as source archives.
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && sed 's/^Types:.*/Types: deb-src/' "$f" > "$work/parts/$(basename "$f")"
done
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
  [ -f "$f" ] && sed -n 's/^deb \(.*\)/deb-src \1/p' "$f" >> "$work/parts/system.list"
done
touch "$work/empty.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/empty.list" -o "Dir::Etc::SourceParts=$work/parts"
  -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" -qq update
(cd "$work/src" && apt-get "${apt_opts[@]}" -qq source --download-only hwloc)
orig="$(ls "$work"/src/hwloc_*.orig.tar.* | head -n1)"
members=()
for n in "${missing[@]}"; do
  members+=("--wildcards" "*/tests/hwloc/linux/$n.tar.bz2")
done
tar -xf "$orig" -C "$work" "${members[@]}"
mkdir -p "$dest"
for n in "${missing[@]}"; do
  found="$(find "$work" -path "*/tests/hwloc/linux/$n.tar.bz2" -print -quit)"
  if [ -z "$found" ]; then
    echo "hwloc-trees: $n.tar.bz2 is not in $(basename "$orig")" >&2
    exit 1
  fi
  cp "$found" "$dest/$n.tar.bz2.tmp" && mv "$dest/$n.tar.bz2.tmp" "$dest/$n.tar.bz2"
done
echo "hwloc-trees: ${#missing[@]} tree(s) from $(basename "$orig") in $dest"
