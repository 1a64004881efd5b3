#!/usr/bin/env bash
# Renders the icon's SVG into the PNG sizes the window (and the installer) use. Needs rsvg-convert
# (apt-get install librsvg2-bin). Run after changing tpm-console.svg; the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")"
out=../src/main/resources/dev/tpmconsole/styles/icons
mkdir -p "$out"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" tpm-console.svg -o "$out/tpm-console-$size.png"
done
ls -l "$out"
