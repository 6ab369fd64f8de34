// Charts drawn as plain SVG: event timeline, actor network, dyad series and event map.
import { s, fmt } from "./dom.js";

export const QUAD = {
  1: { name: "verbale samenwerking", color: "#8cc084" },
  2: { name: "materiële samenwerking", color: "#2e7d32" },
  3: { name: "verbaal conflict", color: "#f0a04b" },
  4: { name: "materieel conflict", color: "#c62828" },
};

function frame(kind, w, hgt, label) {
  return s("svg", { class: "chart chart-" + kind, viewBox: `0 0 ${w} ${hgt}`, width: w, height: hgt,
    role: "img", "aria-label": label });
}

function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function yAxis(svg, x, top, bottom, lo, hi, ticks) {
  // counts read best with whole-number ticks: take the most ticks that divide the top evenly
  if (lo === 0 && Number.isInteger(hi)) ticks = [5, 4, 2, 1].find((t) => t <= hi && hi % t === 0) ?? 1;
  for (let i = 0; i <= ticks; i++) {
    const v = lo + (hi - lo) * i / ticks;
    const y = bottom - (bottom - top) * i / ticks;
    svg.append(s("line", { x1: x, x2: x - 4, y1: y, y2: y, class: "axis" }),
      s("text", { x: x - 6, y: y + 4, "text-anchor": "end", class: "tick" }, fmt(v, 1)));
  }
  svg.append(s("line", { x1: x, x2: x, y1: top, y2: bottom, class: "axis" }));
}

function xLabels(svg, periods, x0, step, y) {
  const every = Math.max(1, Math.ceil(periods.length / 12));
  periods.forEach((p, i) => {
    if (i % every === 0) {
      svg.append(s("text", { x: x0 + step * i + step / 2, y, "text-anchor": "middle", class: "tick" },
        String(p).slice(0, 10)));
    }
  });
}

function empty(svg, w, hgt, msg) {
  svg.append(s("text", { x: w / 2, y: hgt / 2, "text-anchor": "middle", class: "empty" }, msg));
  return svg;
}

// rows: {period, q1..q4, events}: stacked bars per period, one colour per QuadClass.
export function timelineChart(rows) {
  const w = 900, hgt = 320, L = 50, R = 10, T = 20, B = 40;
  const svg = frame("timeline", w, hgt, "gebeurtenissen per periode naar QuadClass");
  if (!rows.length) return empty(svg, w, hgt, "geen gebeurtenissen");
  const total = (r) => [1, 2, 3, 4].reduce((a, q) => a + (r["q" + q] || 0), 0) || r.events || 0;
  const hi = niceMax(Math.max(...rows.map(total)));
  const step = (w - L - R) / rows.length, bw = Math.min(60, Math.max(1, step * 0.8));
  yAxis(svg, L, T, hgt - B, 0, hi, 4);
  rows.forEach((r, i) => {
    let y = hgt - B;
    for (const q of [1, 2, 3, 4]) {
      const n = r["q" + q] || 0;
      if (!n) continue;
      const bh = (hgt - B - T) * n / hi;
      y -= bh;
      svg.append(s("rect", { x: L + step * i + (step - bw) / 2, y, width: bw, height: bh, fill: QUAD[q].color,
        class: "bar", dataset: { period: r.period, quadclass: q, events: n } },
      s("title", {}, `${r.period}: ${n} × ${QUAD[q].name}`)));
    }
  });
  xLabels(svg, rows.map((r) => r.period), L, step, hgt - B + 16);
  return svg;
}

export function quadLegend() {
  const svg = s("svg", { class: "legend-svg", viewBox: "0 0 720 20", width: 720, height: 20 });
  Object.entries(QUAD).forEach(([q, { name, color }], i) => {
    svg.append(s("rect", { x: i * 180, y: 4, width: 12, height: 12, fill: color }),
      s("text", { x: i * 180 + 16, y: 15, class: "tick" }, `${q} ${name}`));
  });
  return svg;
}

// edges: {source, target, events, goldstein_mean}: actors on a circle, arrows weighted by events,
// green for cooperation (Goldstein >= 0) and red for conflict.
export function networkChart(edges) {
  const w = 700, hgt = 700, cx = w / 2, cy = hgt / 2, rad = 260;
  const svg = frame("network", w, hgt, "netwerk van actoren");
  if (!edges.length) return empty(svg, w, hgt, "geen relaties");
  const weight = new Map();
  for (const e of edges) {
    weight.set(e.source, (weight.get(e.source) || 0) + e.events);
    weight.set(e.target, (weight.get(e.target) || 0) + e.events);
  }
  const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a));
  const pos = new Map(nodes.map((n, i) => {
    const a = 2 * Math.PI * i / nodes.length - Math.PI / 2;
    return [n, [cx + rad * Math.cos(a), cy + rad * Math.sin(a)]];
  }));
  const maxE = Math.max(...edges.map((e) => e.events)), maxW = Math.max(...weight.values());
  const defs = s("defs", {});
  for (const [id, color] of [["coop", "#2e7d32"], ["conf", "#c62828"]]) {
    defs.append(s("marker", { id: "arrow-" + id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 6,
      markerHeight: 6, orient: "auto-start-reverse" }, s("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
  }
  svg.append(defs);
  const nodeR = (n) => 6 + 14 * Math.sqrt(weight.get(n) / maxW);
  for (const e of edges) {
    const [x1, y1] = pos.get(e.source), [x2, y2] = pos.get(e.target);
    const coop = (e.goldstein_mean ?? 0) >= 0;
    const cls = coop ? "coop" : "conf";
    let d;
    if (e.source === e.target) {
      d = `M${x1},${y1} c 40,-60 80,0 ${nodeR(e.target) + 2},0`;
    } else {
      // bend each edge to its right so A->B and B->A stay apart; stop at the target's rim
      const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
      const dx = x2 - mx, dy = y2 - my, len = Math.hypot(dx, dy) || 1, r = nodeR(e.target) + 2;
      d = `M${x1},${y1} Q${mx},${my} ${x2 - dx / len * r},${y2 - dy / len * r}`;
    }
    svg.append(s("path", { d, class: "edge edge-" + cls, fill: "none", "stroke-width": 1 + 7 * e.events / maxE,
      "marker-end": `url(#arrow-${cls})`, dataset: { source: e.source, target: e.target, events: e.events } },
    s("title", {}, `${e.source} → ${e.target}: ${e.events} gebeurtenissen, Goldstein ${fmt(e.goldstein_mean)}`)));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    const out = x >= cx ? 1 : -1;
    svg.append(s("g", { class: "node", dataset: { actor: n } },
      s("circle", { cx: x, cy: y, r: nodeR(n) }, s("title", {}, `${n}: ${weight.get(n)} gebeurtenissen`)),
      s("text", { x: x + out * (nodeR(n) + 4), y: y + 4, "text-anchor": out > 0 ? "start" : "end", class: "label" }, n)));
  }
  return svg;
}

// rows: {period, events, goldstein_mean | goldstein_sum}: counts as bars, mean Goldstein as a line.
export function dyadChart(rows) {
  const w = 900, hgt = 320, L = 50, R = 50, T = 20, B = 40;
  const svg = frame("dyad", w, hgt, "dyade: Goldstein door de tijd");
  if (!rows.length) return empty(svg, w, hgt, "geen gebeurtenissen tussen deze actoren");
  const mean = (r) => r.goldstein_mean ?? (r.events ? (r.goldstein_sum ?? 0) / r.events : null);
  const step = (w - L - R) / rows.length, bw = Math.min(40, Math.max(1, step * 0.6));
  const top = niceMax(Math.max(...rows.map((r) => r.events || 0)));
  const y0 = T + (hgt - B - T) / 2, gy = (g) => y0 - (hgt - B - T) / 2 * g / 10;
  yAxis(svg, L, T, hgt - B, -10, 10, 4);
  svg.append(s("line", { x1: L, x2: w - R, y1: y0, y2: y0, class: "zero" }),
    s("text", { x: w - R + 6, y: hgt - B - (hgt - B - T) / 3, class: "tick" }, `${top} gb.`));
  const pts = [];
  rows.forEach((r, i) => {
    const x = L + step * i + step / 2;
    const bh = (hgt - B - T) / 3 * (r.events || 0) / top;
    svg.append(s("rect", { x: x - bw / 2, y: hgt - B - bh, width: bw, height: bh, class: "count-bar" },
      s("title", {}, `${r.period}: ${r.events} gebeurtenissen`)));
    const g = mean(r);
    if (g !== null && g !== undefined) pts.push([x, gy(g), r.period, g]);
  });
  if (pts.length) {
    svg.append(s("polyline", { points: pts.map(([x, y]) => `${x},${y}`).join(" "), class: "goldstein-line", fill: "none" }));
    for (const [x, y, p, g] of pts) {
      svg.append(s("circle", { cx: x, cy: y, r: 4, class: "goldstein-dot " + (g >= 0 ? "coop" : "conf"),
        dataset: { period: p, goldstein: g } }, s("title", {}, `${p}: Goldstein ${fmt(g)}`)));
    }
  }
  xLabels(svg, rows.map((r) => r.period), L, step, hgt - B + 16);
  return svg;
}

// points: {name, lat, lon, events}; outline: [[ [lon, lat], ... ], ...] polygons.
// Equirectangular, zoomed to the points (with a margin) so a regional story fills the frame.
export function mapChart(points, outline) {
  const w = 900, hgt = 480;
  const svg = frame("map", w, hgt, "kaart van gebeurtenissen");
  const located = points.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  let [lo0, lo1, la0, la1] = [-180, 180, -70, 85];
  if (located.length) {
    const lons = located.map((p) => p.lon), lats = located.map((p) => p.lat);
    lo0 = Math.max(-180, Math.min(...lons) - 15); lo1 = Math.min(180, Math.max(...lons) + 15);
    la0 = Math.max(-85, Math.min(...lats) - 10); la1 = Math.min(85, Math.max(...lats) + 10);
  }
  // keep the degrees square so shapes are not stretched
  const scale = Math.min(w / (lo1 - lo0), hgt / (la1 - la0));
  const midLon = (lo0 + lo1) / 2, midLat = (la0 + la1) / 2;
  const px = (lon) => w / 2 + (lon - midLon) * scale, py = (lat) => hgt / 2 - (lat - midLat) * scale;
  svg.append(s("rect", { x: 0, y: 0, width: w, height: hgt, class: "sea" }));
  const land = s("g", { class: "land" });
  for (const ring of outline || []) {
    land.append(s("path", { d: "M" + ring.map(([lon, lat]) => `${px(lon).toFixed(1)},${py(lat).toFixed(1)}`).join("L") + "Z" }));
  }
  svg.append(land);
  const grid = s("g", { class: "graticule" });
  for (let lon = -180; lon <= 180; lon += 10) grid.append(s("line", { x1: px(lon), x2: px(lon), y1: 0, y2: hgt }));
  for (let lat = -80; lat <= 80; lat += 10) grid.append(s("line", { x1: 0, x2: w, y1: py(lat), y2: py(lat) }));
  svg.append(grid);
  if (!located.length) return empty(svg, w, hgt, "geen plaatsen met coördinaten");
  const maxE = Math.max(...located.map((p) => p.events || 1));
  for (const p of located) {
    const x = px(p.lon), y = py(p.lat);
    svg.append(s("g", { class: "place", dataset: { name: p.name, events: p.events } },
      s("circle", { cx: x, cy: y, r: 4 + 12 * Math.sqrt((p.events || 1) / maxE) },
        s("title", {}, `${p.name}: ${p.events} gebeurtenissen`)),
      s("text", { x: x + 8, y: y - 8, class: "label" }, p.name)));
  }
  return svg;
}
