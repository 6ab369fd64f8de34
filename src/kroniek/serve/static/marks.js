// The article text with entities, times, quantities and event triggers marked in place (displaCy-style).
import { h } from "./dom.js";

// Spans of every layer, each with where it lives in the text and how it is labelled.
export function spansOf(reading) {
  const spans = [];
  for (const e of reading.entities || []) {
    for (const m of e.mentions || []) {
      spans.push({ start: m.start, end: m.end, kind: "ent", cls: "ent ent-" + e.type,
        label: e.actor ? e.type + " " + e.actor : e.type, title: e.name + (e.kb ? " (" + e.kb + ")" : ""),
        data: { entity: e.id, type: e.type } });
    }
  }
  for (const t of reading.times || []) {
    spans.push({ start: t.start, end: t.end, kind: "time", cls: "time", label: t.type,
      title: t.value || [t.earliest, t.latest].filter(Boolean).join(" – "), data: { value: t.value } });
  }
  for (const q of reading.quantities || []) {
    spans.push({ start: q.start, end: q.end, kind: "qty", cls: "qty", label: q.unit || q.kind || "QTY",
      title: String(q.value ?? ""), data: { value: q.value } });
  }
  for (const v of reading.events || []) {
    const tr = v.trigger || {};
    spans.push({ start: tr.start, end: tr.end, kind: "evt", cls: "evt", label: v.plover || v.news_type || "EVENT",
      title: [v.cameo, v.news_type].filter(Boolean).join(" · "), data: { event: v.id } });
  }
  const n = (reading.text || "").length;
  return spans.filter((sp) => Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start < sp.end &&
    sp.start >= 0 && sp.end <= n);
}

function markFor(sp, child, isLast) {
  const el = h("mark", { class: sp.cls, title: sp.title || null, dataset: { kind: sp.kind, ...sp.data } }, child);
  if (isLast) el.append(h("span", { class: "lbl" }, sp.label));
  return el;
}

// Cuts the text at every span boundary; each piece is wrapped in the marks that cover it,
// longest outermost, so overlapping and nested spans all stay visible.
export function markedText(reading) {
  const text = reading.text || "";
  const spans = spansOf(reading);
  const cuts = new Set([0, text.length]);
  for (const sp of spans) { cuts.add(sp.start); cuts.add(sp.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const root = h("div", { class: "article-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const covering = spans.filter((sp) => sp.start <= a && sp.end >= b)
      .sort((x, y) => (y.end - y.start) - (x.end - x.start));
    let node = document.createTextNode(text.slice(a, b));
    for (let j = covering.length - 1; j >= 0; j--) node = markFor(covering[j], node, covering[j].end === b);
    root.append(node);
  }
  return root;
}

export function legend() {
  const items = [["ent ent-PER", "persoon"], ["ent ent-ORG", "organisatie"], ["ent ent-LOC", "plaats"],
    ["ent ent-MISC", "overig"], ["time", "tijd"], ["qty", "hoeveelheid"], ["evt", "gebeurtenis"]];
  return h("p", { class: "legend" }, items.map(([cls, name]) => h("mark", { class: cls }, name)));
}
