#!/usr/bin/env bash
# Renders the icon's SVG into the PNG sizes the window uses, and the 256 px one the installer gives jpackage
# (the .deb's menu entry). Needs rsvg-convert (apt-get install librsvg2-bin). Run after changing
# tpm-console.svg; the PNGs are committed, so that the build needs no image tools.
set -euo pipefail
cd "$(dirname "$0")"
out=../src/main/resources/dev/tpmconsole/styles/icons
mkdir -p "$out"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" tpm-console.svg -o "$out/tpm-console-$size.png"
done
cp "$out/tpm-console-256.png" ../../installer/src/jpackage/resources/tpm-console.png
ls -l "$out"
