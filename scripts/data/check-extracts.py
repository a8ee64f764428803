#!/usr/bin/env python3
"""Checks the extracts in data/geo/ (Python 3 standard library only).

Structure (RFC 7946 FeatureCollection, no "crs", <= 6 decimals), rings closed with >= 4
positions, exterior rings counter-clockwise and holes clockwise, no repeated consecutive
positions; then the facts the Java side relies on: the Mali-Algeria shared edge, and the
reference towns inside their regions. Prints a short report; exits 1 on any failure.

    python3 scripts/data/check-extracts.py
"""
import json
import math
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GEO = os.path.join(ROOT, "data", "geo")
FILES = ["countries.geojson", "mali-regions.geojson", "rivers.geojson", "lakes.geojson", "places.geojson"]
EARTH_RADIUS_KM = 6371.0088

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def signed_area2(ring):
    return sum(ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1] for i in range(len(ring) - 1))


def decimals_ok(x):
    return round(x, 6) == x


def check_positions(where, coords):
    for p in coords:
        if len(p) != 2 or not all(isinstance(v, (int, float)) for v in p):
            fail(f"{where}: bad position {p}")
            return
        if not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90) or not (decimals_ok(p[0]) and decimals_ok(p[1])):
            fail(f"{where}: position out of range or > 6 decimals {p}")
            return
    for a, b in zip(coords, coords[1:]):
        if a == b:
            fail(f"{where}: repeated consecutive position {a}")
            return


def check_polygon(where, rings):
    for i, ring in enumerate(rings):
        check_positions(f"{where} ring {i}", ring)
        if len(ring) < 4 or ring[0] != ring[-1]:
            fail(f"{where} ring {i}: not closed or < 4 positions")
        area = signed_area2(ring)
        if (i == 0 and area <= 0) or (i > 0 and area >= 0):
            fail(f"{where} ring {i}: wrong orientation (signed area {area})")


def check_geometry(where, g):
    t, c = g["type"], g["coordinates"]
    if t == "Point":
        check_positions(where, [c])
    elif t == "LineString":
        check_positions(where, c)
    elif t == "MultiLineString":
        for i, line in enumerate(c):
            check_positions(f"{where} part {i}", line)
    elif t == "Polygon":
        check_polygon(where, c)
    elif t == "MultiPolygon":
        for i, poly in enumerate(c):
            check_polygon(f"{where} part {i}", poly)
    else:
        fail(f"{where}: unexpected geometry type {t}")


def polygons(g):
    return [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]


def point_in_ring(x, y, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def point_in_geometry(x, y, g):
    for poly in polygons(g):
        if point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:]):
            return True
    return False


def haversine_km(a, b):
    lon1, lat1, lon2, lat2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def distance_to_boundary_km(p, g):
    """Approximate distance (km) from a point to a polygon boundary (local equirectangular)."""
    kx = math.cos(math.radians(p[1])) * math.pi / 180 * EARTH_RADIUS_KM
    ky = math.pi / 180 * EARTH_RADIUS_KM
    best = float("inf")
    for poly in polygons(g):
        for ring in poly:
            for a, b in zip(ring, ring[1:]):
                ax, ay = (a[0] - p[0]) * kx, (a[1] - p[1]) * ky
                bx, by = (b[0] - p[0]) * kx, (b[1] - p[1]) * ky
                dx, dy = bx - ax, by - ay
                L = dx * dx + dy * dy
                t = 0.0 if L == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / L))
                best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def spherical_area_km2(g):
    """Area on a sphere of radius EARTH_RADIUS_KM (holes subtracted)."""
    def ring_area(ring):
        s = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
            s += math.radians(x2 - x1) * (2 + math.sin(math.radians(y1)) + math.sin(math.radians(y2)))
        return abs(s) * EARTH_RADIUS_KM ** 2 / 2
    return sum(ring_area(p[0]) - sum(ring_area(h) for h in p[1:]) for p in polygons(g))


def largest_exterior(g):
    """The exterior ring of a geometry's largest polygon (by vertex count)."""
    return max((p[0] for p in polygons(g)), key=len)


def longest_shared_run(ring_a, ring_b):
    """Longest run of consecutive identical positions shared by two closed rings (either direction)."""
    a, b = [tuple(p) for p in ring_a[:-1]], [tuple(p) for p in ring_b[:-1]]
    index_b = {}
    for j, p in enumerate(b):
        index_b.setdefault(p, []).append(j)
    best, best_run = 0, []
    for i, p in enumerate(a):
        for j in index_b.get(p, []):
            for step in (1, -1):
                n = 0
                while n < len(a) and a[(i + n) % len(a)] == b[(j + step * n) % len(b)]:
                    n += 1
                if n > best:
                    best, best_run = n, [a[(i + k) % len(a)] for k in range(n)]
    return best, best_run


def main():
    data = {}
    for name in FILES:
        path = os.path.join(GEO, name)
        with open(path, encoding="utf-8") as fh:
            fc = json.load(fh)
        data[name] = fc
        if fc.get("type") != "FeatureCollection" or "crs" in fc:
            fail(f"{name}: not a plain FeatureCollection")
        ids = [f.get("id") for f in fc["features"]]
        if len(set(ids)) != len(ids):
            fail(f"{name}: duplicate feature ids")
        for f in fc["features"]:
            check_geometry(f"{name} {f.get('id')}", f["geometry"])
        keys = sorted({k for f in fc["features"] for k in f["properties"]})
        print(f"{name}: {len(fc['features'])} features, {os.path.getsize(path)} bytes, properties {keys}")

    countries = {f["properties"]["iso_a3"]: f["geometry"] for f in data["countries.geojson"]["features"]}
    mali, algeria = countries["MLI"], countries["DZA"]
    n, run = longest_shared_run(largest_exterior(mali), largest_exterior(algeria))
    length = sum(haversine_km(p, q) for p, q in zip(run, run[1:]))
    print(f"Mali-Algeria: {n} shared consecutive vertices, {length:.0f} km (haversine), "
          f"ends {list(run[0])} .. {list(run[-1])}")
    if n < 150:
        fail("Mali-Algeria shared edge shorter than expected")
    area = spherical_area_km2(mali)
    print(f"Mali area (sphere): {area:,.0f} km2 (Factbook 1,240,192)")

    regions = {f["properties"]["name"]: f["geometry"] for f in data["mali-regions.geojson"]["features"]}
    for town, region, lon, lat in [("Kidal", "Kidal", 1.40722, 18.44111), ("Gao", "Gao", -0.04472, 16.27167),
                                   ("Tinzaouaten", "Kidal", 2.8828, 19.9628)]:
        ok = point_in_geometry(lon, lat, regions[region])
        print(f"{town} ({lon}, {lat}) inside {region} region: {ok}")
        if not ok:
            fail(f"{town} not inside {region} region")

    for f in data["places.geojson"]["features"]:
        name = f["properties"]["name"]
        if name not in ("Tinzaouaten", "Tin Zaouatine"):
            continue
        lon, lat = f["geometry"]["coordinates"]
        where = [c for c, g in sorted(countries.items()) if point_in_geometry(lon, lat, g)]
        print(f"{name} ({lon}, {lat}): inside {where or 'no country'}, "
              f"{distance_to_boundary_km((lon, lat), mali):.2f} km from the Mali outline")
        if where != [f["properties"]["country"]]:
            fail(f"{name} is not inside {f['properties']['country']} alone")

    for f in data["places.geojson"]["features"]:
        p = f["properties"]
        if p["country"] in countries:
            lon, lat = f["geometry"]["coordinates"]
            if not point_in_geometry(lon, lat, countries[p["country"]]):
                print(f"note: {p['name']} ({p['country']}) is not inside its country polygon")

    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
