#!/usr/bin/env bash
# Renders the application icon from its SVG source into the packager's resources (committed, so that the build
# needs no image tools). Run after editing tpm-console.svg; needs ImageMagick (apt-get install imagemagick).
set -euo pipefail
cd "$(dirname "$0")"
convert -background none -density 96 tpm-console.svg -resize 256x256 \
  -depth 8 -define png:exclude-chunks=date,time -strip ../jpackage/resources/tpm-console.png
echo "wrote $(cd ../jpackage/resources && pwd)/tpm-console.png"
