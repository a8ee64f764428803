#!/bin/sh
# Regenerates web/img/relief.png and relief.json (the basemap's shaded relief) from Natural Earth's
# relief raster as Debian's marble-qt-data ships it (pinned below), with GDAL and NumPy from Debian.
# Needs apt (root) the first time; the download is ~15 MB and is not kept.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
MARBLE_DATA_VERSION='4:22.12.3-1'

missing=''
/usr/bin/python3 -c 'from osgeo import gdal; import numpy' 2>/dev/null || missing='python3-gdal python3-numpy'
if [ -n "$missing" ]; then apt-get install -y -q $missing; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download "marble-qt-data=$MARBLE_DATA_VERSION" && dpkg-deb -x marble-qt-data_*.deb x)
/usr/bin/python3 "$here/build-relief.py" "$work/x/usr/share/marble/data/maps/earth/srtm/3" \
  "$root/data/geo/countries.geojson" "$root/web/img/relief.png" "$root/web/img/relief.json"
echo "build-relief: wrote web/img/relief.png and relief.json"
