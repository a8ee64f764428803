"""Shaded relief for the offline basemap, cut to the region, from Natural Earth's relief raster.

Input: Marble's "Atlas" relief texture (level 3: 16 x 8 equirectangular tiles of 675 px, 22.5
degrees each, ~30 px a degree), which Debian ships in marble-qt-data; its map theme states the
content is "Made with Natural Earth", public domain. The texture is an elevation shade (brighter is
higher, the sea darker still), not metres, so the hillshade's vertical factor is tuned by eye.

Output: web/img/relief.png in Web Mercator, shadows as translucent brown and lit slopes as
translucent white over land only (the sea stays the basemap's own), and web/img/relief.json with
its bounds, source and licence. Run through scripts/data/build-relief.sh.

It covers more than the data region (build-extracts.mjs): the whole of what the default view shows
on a common screen, Morocco to Chad, and fades out over its last degree where it ends on land, so
the map shows no edge. It is one paletted PNG: 128 shades of brown and 128 of white, each at its
own opacity, a third of the size of the same image in RGBA.
"""
import json
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")  # no .aux.xml beside the PNG
tiles, countries, out_png, out_json = sys.argv[1:5]

COVER = (-22.0, 0.0, 22.0, 36.0)  # lon min, lat min, lon max, lat max
FADE_DEG = 1.0
TILE_DEG = 22.5
SHADOW = (70, 52, 34)  # the basemap's brown, darker
MAX_ALPHA = 150

# Georeference the level-3 tiles around the cover (rows from 90 N, columns from 180 W).
parts = []
for row in (2, 3, 4):
    for col in (6, 7, 8, 9):
        west, north = -180 + col * TILE_DEG, 90 - row * TILE_DEG
        parts.append(gdal.Translate(f"/vsimem/t{row}{col}.tif", f"{tiles}/{row:06d}/{row:06d}_{col:06d}.jpg",
                                    outputSRS="EPSG:4326", outputBounds=[west, north, west + TILE_DEG, north - TILE_DEG]))
mosaic = gdal.BuildVRT("/vsimem/mosaic.vrt", parts)
margin = 1.0  # cut wider than the region so the hillshade has neighbours at the edges
cut = gdal.Translate("/vsimem/cut.tif", mosaic, outputType=gdal.GDT_Float32,
                     projWin=[COVER[0] - margin, COVER[3] + margin, COVER[2] + margin, COVER[1] - margin])

# Land from the basemap's own country outlines, on the same grid.
land = gdal.GetDriverByName("GTiff").Create("/vsimem/land.tif", cut.RasterXSize, cut.RasterYSize, 1, gdal.GDT_Byte)
land.SetGeoTransform(cut.GetGeoTransform())
land.SetProjection(cut.GetProjection())
gdal.Rasterize(land, countries, burnValues=[1], allTouched=True)
is_land = land.ReadAsArray().astype(bool)

def smoothed(a, radius=2, passes=3):
    """Three box blurs (about a Gaussian of sigma 2 px, 7 km): the texture is an 8-bit JPEG, and
    slopes taken from it straight would show its 8 px blocks and its steps of one shade."""
    for _ in range(passes):
        for axis in (0, 1):
            padded = np.pad(a, [(radius, radius) if i == axis else (0, 0) for i in range(2)], mode="edge")
            c = np.cumsum(padded, axis=axis, dtype=np.float64)
            c = np.insert(c, 0, 0, axis=axis)
            n = a.shape[axis]
            a = (np.take(c, range(2 * radius + 1, n + 2 * radius + 1), axis=axis)
                 - np.take(c, range(0, n), axis=axis)) / (2 * radius + 1)
    return a.astype(np.float32)


# Flatten the sea to the lowest land shade, so the coast casts no shadow of its own.
shade = cut.GetRasterBand(1).ReadAsArray()
shade = smoothed(np.where(is_land, shade, np.percentile(shade[is_land], 1)))
cut.GetRasterBand(1).WriteArray(shade)
cut.FlushCache()

hill = gdal.DEMProcessing("/vsimem/hill.tif", cut, "hillshade", zFactor=800, scale=111120, azimuth=315,
                          altitude=45, computeEdges=True)
hs = hill.GetRasterBand(1).ReadAsArray().astype(np.float32)
flat = 255 * np.sin(np.radians(45))
# 0 at the cover's edges, 1 from FADE_DEG inside them: the relief thins out instead of stopping.
x0, dx, _, y0, _, dy = cut.GetGeoTransform()
lon = x0 + dx * (np.arange(hs.shape[1]) + 0.5)
lat = y0 + dy * (np.arange(hs.shape[0]) + 0.5)
inside = np.minimum.outer(np.minimum(lat - COVER[1], COVER[3] - lat), np.minimum(lon - COVER[0], COVER[2] - lon))
fade = np.clip(inside / FADE_DEG, 0, 1) * is_land
dark = np.clip((flat - hs) * 2.2, 0, MAX_ALPHA) * fade
light = np.clip((hs - flat) * 1.6, 0, MAX_ALPHA * 0.6) * fade
# One band of signed shade, -1 (deepest shadow) to 1 (brightest lit slope), warped as numbers and
# only then made palette indices: 127 is flat, below it shadow, above it light (see the palette).
signed = np.where(dark > light, -dark / MAX_ALPHA, light / (MAX_ALPHA * 0.6)).astype(np.float32)
src = gdal.GetDriverByName("GTiff").Create("/vsimem/shade.tif", hs.shape[1], hs.shape[0], 1, gdal.GDT_Float32)
src.SetGeoTransform(cut.GetGeoTransform())
src.SetProjection(cut.GetProjection())
src.GetRasterBand(1).WriteArray(signed)
src.FlushCache()

# Web Mercator, as the map draws it, at the source's own density near the region's middle.
merc = gdal.Warp("/vsimem/merc.tif", src, dstSRS="EPSG:3857", outputBounds=COVER, outputBoundsSRS="EPSG:4326",
                 xRes=3700, yRes=3700, resampleAlg="bilinear")
v = merc.GetRasterBand(1).ReadAsArray()
index = np.where(v < 0, 127 + np.round(v * 127), 127 + np.round(v * 128))
out = gdal.GetDriverByName("MEM").Create("", merc.RasterXSize, merc.RasterYSize, 1, gdal.GDT_Byte)
out.SetGeoTransform(merc.GetGeoTransform())
out.SetProjection(merc.GetProjection())
out.GetRasterBand(1).WriteArray(np.clip(index, 0, 255).astype(np.uint8))
palette = gdal.ColorTable()
for i in range(256):
    if i < 127:
        palette.SetColorEntry(i, SHADOW + (round((127 - i) / 127 * MAX_ALPHA),))
    else:
        palette.SetColorEntry(i, (255, 255, 255, round((i - 127) / 128 * MAX_ALPHA * 0.6)))
out.GetRasterBand(1).SetRasterColorTable(palette)
gdal.Translate(out_png, out, format="PNG", creationOptions=["ZLEVEL=9"])
with open(out_json, "w") as f:
    json.dump({"bounds": [[COVER[1], COVER[0]], [COVER[3], COVER[2]]],
               "source": "Natural Earth shaded relief (public domain), as Debian's marble-qt-data ships it",
               "licence": "Public domain"}, f, indent=2)
    f.write("\n")
