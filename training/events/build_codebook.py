"""Derive kroniek's compact event codebook from the CAMEO and PLOVER source tables.

    python training/events/build_codebook.py ../shared/data/eventcoding

writes src/kroniek/events/data/codebook.tsv: one row per CAMEO code with its name, Goldstein
score, QuadClass, and the PLOVER type and mode the 2021 CAMEO2PLOVER table gives it (empty where
PLOVER does not cover the code, as for 01 and 02). The source data is not shipped to users, so
the pipeline reads only this derived table.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "kroniek" / "events" / "data" / "codebook.tsv"
_MAP_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?")


def plover_map(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER type, mode); the first mapping of a code wins (175 is listed twice)."""
    out: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _MAP_LINE.match(line.strip())
        if not m:
            continue
        code, plover, mode = m.group(1), m.group(2), (m.group(3) or "").strip()
        out.setdefault(code, (plover, mode))
    return out


def main(src: str) -> None:
    root = Path(src)
    mapping = plover_map(root / "plover" / "CAMEO2PLOVER-2021.txt")
    rows = []
    with open(root / "cameo" / "cameo_eventcodes.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            code = r["code"]
            plover, mode = mapping.get(code, ("", ""))
            if not plover and len(code) == 2:
                # a two-digit root row ("03: AGREE") names its type without a mode
                plover = mapping.get(code, ("", ""))[0]
            goldstein = r["goldstein_gdelt"].strip()
            rows.append((code, r["name_manual"].strip(), goldstein, r["quadclass_gdelt"].strip(), plover, mode))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Derived by training/events/build_codebook.py from CAMEO 1.1b3 (cameo_eventcodes.csv, GDELT Goldstein)\n")
        f.write("# and PLOVER CAMEO2PLOVER-2021.txt. Columns: cameo, name, goldstein, quadclass, plover, plover_mode\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(rows)} codes to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/eventcoding")
