"""A reading as readable tables in the terminal (rich)."""
from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text


def _span_text(d: dict[str, Any] | None) -> str:
    if not d:
        return ""
    bits = [d.get("text") or ""]
    if d.get("actor"):
        bits.append(f"[{d['actor']}]")
    return " ".join(b for b in bits if b)


def _actor(side: dict[str, Any] | None) -> str:
    """An event side in few characters: its actor code, else its words."""
    if not side:
        return "—"
    return side.get("actor") or side.get("text") or "—"


def render(reading: dict[str, Any]) -> Group:
    if "error" in reading:
        return Group(Panel(Text(reading["error"], style="bold red"), title=f"{reading.get('id')}: error"))
    head = Text()
    head.append(f"{reading['id']}", style="bold")
    head.append(f"  date {reading.get('date') or '—'}  ·  {len(reading['sentences'])} sentences  ·  "
                f"{sum(len(s.get('tokens', [])) for s in reading['sentences'])} tokens")
    parts: list[Any] = [head]

    if reading["entities"]:
        t = Table(title="Entities", title_justify="left", expand=False)
        for c in ("id", "type", "name", "kb", "actor", "mentions"):
            t.add_column(c)
        for e in reading["entities"]:
            t.add_row(e["id"], e["type"], e["name"], e["kb"] or "", e["actor"] or "",
                      ", ".join(m["text"] for m in e["mentions"]))
        parts.append(t)
    if reading["times"]:
        t = Table(title="Times", title_justify="left")
        for c in ("text", "type", "value", "earliest", "latest"):
            t.add_column(c)
        for x in reading["times"]:
            t.add_row(x["text"], x["type"], str(x.get("value") or ""), str(x.get("earliest") or ""), str(x.get("latest") or ""))
        parts.append(t)
    if reading["quantities"]:
        t = Table(title="Quantities", title_justify="left")
        for c in ("text", "value", "unit", "kind"):
            t.add_column(c)
        for q in reading["quantities"]:
            t.add_row(q["text"], "" if q["value"] is None else f"{q['value']:g}", q.get("unit") or "", q.get("kind") or "")
        parts.append(t)
    if reading["events"]:
        t = Table(title="Events", title_justify="left")
        for c in ("trigger", "code", "who → whom", "when", "where", "mode"):
            t.add_column(c)
        for v in reading["events"]:
            when = v.get("time") or {}
            if when.get("earliest") and when.get("earliest") == when.get("latest"):
                span = when["earliest"]
            elif when.get("earliest") or when.get("latest"):
                span = f"{when.get('earliest') or '…'} – {when.get('latest') or '…'}"
            else:
                span = when.get("value") or ""
            code = " ".join(x for x in (v.get("plover"), v.get("cameo")) if x) or ""
            if v.get("news_type"):
                code = f"{code}\n{v['news_type']}" if code else v["news_type"]
            who = f"{_actor(v.get('source'))} → {_actor(v.get('target'))}"
            where = (v.get("location") or {}).get("text") or ""
            t.add_row(v["trigger"]["text"], code, who, span, where, v.get("modality") or "")
        parts.append(t)
    if not (reading["entities"] or reading["times"] or reading["quantities"] or reading["events"]):
        parts.append(Text("nothing found", style="dim"))
    return Group(*parts)


def print_reading(reading: dict[str, Any], console: Console | None = None) -> None:
    (console or Console()).print(Panel(render(reading), expand=True))
