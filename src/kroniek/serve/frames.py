"""Query results (polars or pandas frames) as JSON-safe records."""
from __future__ import annotations

import math
from typing import Any


def records(frame: Any) -> list[dict[str, Any]]:
    """Rows of a frame as plain dicts: NaN becomes null and dates become ISO text."""
    if frame is None:
        return []
    if hasattr(frame, "to_dicts"):  # polars keeps DATE columns as dates, so they print as YYYY-MM-DD
        rows = frame.to_dicts()
    elif hasattr(frame, "to_dict"):  # pandas
        rows = frame.to_dict(orient="records")
    else:
        rows = [dict(r) for r in frame]
    return [clean(r) for r in rows]


def clean(value: Any) -> Any:
    """A value made JSON-safe: NaN/inf to null, dates to ISO text, containers recursively."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [clean(v) for v in value]
    if value is None or isinstance(value, str | int | bool):
        return value
    if hasattr(value, "isoformat"):
        try:
            return value.isoformat()
        except ValueError:  # pandas NaT
            return None
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return clean(value.tolist())
    return str(value)


def utf8_safe(value: Any) -> Any:
    """`value` with every string made encodable as UTF-8 (lone surrogates become '?'), containers recursively."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, dict):
        return {utf8_safe(k): utf8_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [utf8_safe(v) for v in value]
    return value
