"""The world outline behind the explorer's map: built once from country shapes, shipped as static/world.json.

Build (needs the `build` extra):  python -m kroniek.serve.outline
The shapes come from the `countryinfo` package (MIT; its GeoJSON is johan/world.geo.json,
derived from Natural Earth, public domain). They are simplified to a few tenths of a degree,
which is all a news map needs, so the file stays small enough for every page load.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kroniek.serve.app import STATIC

OUTLINE = STATIC / "world.json"
TOLERANCE = 0.25  # degrees


class OutlineError(ValueError):
    pass


def _dist(p: list[float], a: list[float], b: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def simplify(points: list[list[float]], tol: float = TOLERANCE) -> list[list[float]]:
    """Douglas-Peucker: drop the points that lie within `tol` of the line their neighbours span."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = 0.0, -1
        for k in range(i + 1, j):
            d = _dist(points[k], points[i], points[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _rings(geometry: dict[str, Any]) -> Iterator[list[list[float]]]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for poly in polys:
        yield poly[0]  # the outer ring; lakes do not matter at this scale


def build_rings(features: Iterable[dict[str, Any]], tol: float = TOLERANCE) -> list[list[list[float]]]:
    out = []
    for feat in features:
        for ring in _rings(feat["geometry"]):
            small = [[round(x, 1), round(y, 1)] for x, y in simplify([list(p[:2]) for p in ring], tol)]
            if len(small) >= 4:
                out.append(small)
    return out


def _countryinfo_features() -> Iterator[dict[str, Any]]:
    from importlib.resources import files

    folder = files("countryinfo") / "data"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            geo = json.loads(entry.read_text(encoding="utf-8")).get("geoJSON") or {}
            yield from geo.get("features", [])


def read_outline(path: Path = OUTLINE) -> list[list[list[float]]]:
    """The shipped rings, checked: each a closed-enough list of [lon, lat] pairs within range."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise OutlineError(f"{path}: cannot read the outline: {e}") from None
    rings = data.get("rings") if isinstance(data, dict) else None
    if not isinstance(rings, list):
        raise OutlineError(f"{path}: no list under 'rings'")
    for i, ring in enumerate(rings):
        if not isinstance(ring, list) or len(ring) < 3:
            raise OutlineError(f"{path}: ring {i} has fewer than 3 points")
        for j, pt in enumerate(ring):
            ok = (isinstance(pt, list) and len(pt) == 2 and all(isinstance(v, int | float) for v in pt)
                  and -180 <= pt[0] <= 180 and -90 <= pt[1] <= 90)
            if not ok:
                raise OutlineError(f"{path}: ring {i} point {j} is not [lon, lat] in range: {pt!r}")
    return rings


def main() -> None:
    rings = build_rings(_countryinfo_features())
    doc = {"source": "countryinfo 1.0.1 (MIT) GeoJSON from johan/world.geo.json, after Natural Earth (public domain)",
           "tolerance_degrees": TOLERANCE, "rings": rings}
    OUTLINE.write_text(json.dumps(doc, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUTLINE}: {len(rings)} rings, {sum(map(len, rings))} points, {OUTLINE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
