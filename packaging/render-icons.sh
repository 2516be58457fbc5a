#!/usr/bin/env bash
# Renders the application icon assets/vfio-workbench.svg to the PNG sizes the package and the
# window use. The PNGs are committed; run this only after editing the SVG.
# Needs rsvg-convert (Debian package librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v rsvg-convert >/dev/null; then
  echo "render-icons: rsvg-convert not found; install it with: apt-get install librsvg2-bin" >&2
  exit 2
fi
for size in 256 48; do
  suffix=$([ "$size" = 256 ] && echo "" || echo "-$size")
  rsvg-convert -w "$size" -h "$size" assets/vfio-workbench.svg -o "assets/vfio-workbench$suffix.png"
  echo "assets/vfio-workbench$suffix.png (${size}x${size})"
done
