// The explorer: hash routes (#/search, #/article/ID, #/timeline, ...) rendered into <main id="view">.
import { api, errorBox, fmt, h } from "./dom.js";
import { dyadChart, mapChart, networkChart, quadLegend, timelineChart } from "./charts.js";
import { legend, markedText } from "./marks.js";

const view = document.getElementById("view");

function show(...nodes) {
  view.replaceChildren(...nodes);
}

function route() {
  const raw = location.hash.replace(/^#\/?/, "");
  const q = raw.indexOf("?");
  const path = decodeURIComponent(q < 0 ? raw : raw.slice(0, q));
  const params = Object.fromEntries(new URLSearchParams(q < 0 ? "" : raw.slice(q + 1)));
  return { path, params };
}

function go(path, params) {
  const qs = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== "" && v != null));
  location.hash = "#/" + path + (qs.toString() ? "?" + qs : "");
}

function articleLink(id, label) {
  return h("a", { href: "#/article/" + encodeURIComponent(id), class: "article-link" }, label ?? id);
}

// Snippets come back HTML-escaped with hits in <mark>…</mark>. They are taken apart here and rebuilt
// as text nodes, so nothing from the server is ever parsed as markup.
const ENTITIES = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&amp;": "&" };
function unescapeHtml(t) {
  return t.replace(/&(lt|gt|quot|#x27|#39|amp);/g, (m) => ENTITIES[m]);
}

function snippet(text) {
  const out = h("p", { class: "snippet" });
  for (const p of String(text ?? "").split(/(<mark>.*?<\/mark>)/s)) {
    if (p.startsWith("<mark>") && p.endsWith("</mark>")) out.append(h("mark", { class: "hit" }, unescapeHtml(p.slice(6, -7))));
    else if (p) out.append(unescapeHtml(p));
  }
  return out;
}

// ------------------------------------------------------------------ search

async function searchView({ q }) {
  document.getElementById("search-input").value = q || "";
  if (!q) return homeView();
  show(h("h1", {}, "Zoeken: ", q), h("p", { class: "muted" }, "bezig…"));
  const res = await api("search", { q, limit: 50 });
  const list = h("ol", { class: "results" }, res.items.map((r) => h("li", { class: "result", dataset: { article: r.article_id } },
    articleLink(r.article_id, r.title || r.article_id), " ", h("span", { class: "muted" }, r.date || ""), snippet(r.snippet))));
  show(h("h1", {}, "Zoeken: ", q), h("p", { class: "muted" }, `${res.items.length} resultaten`),
    res.items.length ? list : h("p", { class: "empty" }, "Niets gevonden."));
}

async function homeView() {
  show(h("h1", {}, "Kroniek"), h("p", { class: "muted" }, "bezig…"));
  const [stats, arts, actors] = await Promise.all([api("stats"), api("articles", { limit: 50 }), api("actors", { top: 15 })]);
  const facts = h("dl", { class: "stats" }, Object.entries(stats).filter(([, v]) => typeof v !== "object")
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, fmt(v))]));
  const list = h("ul", { class: "articles" }, arts.items.map((a) =>
    h("li", {}, articleLink(a.article_id ?? a.id, a.title || a.article_id || a.id), " ", h("span", { class: "muted" }, a.date || ""))));
  const top = h("ul", { class: "actors" }, actors.items.map((a) => h("li", {},
    h("a", { href: "#/timeline?actor=" + encodeURIComponent(a.actor) }, a.actor), " ",
    h("span", { class: "muted" }, `${a.events} gebeurtenissen, Goldstein ${fmt(a.goldstein_mean)}`))));
  show(h("h1", {}, "Kroniek"), facts, h("h2", {}, "Artikelen"), list, h("h2", {}, "Actoren"), top);
}

// ------------------------------------------------------------------ article

function timeText(t) {
  if (!t) return "";
  if (t.value) return t.value;
  return [t.earliest, t.latest].filter(Boolean).join(" – ");
}

function argText(a) {
  if (!a) return "";
  return a.actor ? `${a.text} [${a.actor}]` : a.text;
}

function flash(sel) {
  const el = view.querySelector(sel);
  if (!el) return;
  el.scrollIntoView({ block: "center" });
  el.classList.add("flash");
  setTimeout(() => el.classList.remove("flash"), 1200);
}

function eventsTable(events) {
  const cols = ["trigger", "PLOVER", "CAMEO", "nieuwstype", "bron", "doel", "tijd", "plaats", "modaliteit", "Goldstein", "Quad"];
  const rows = events.map((v) => h("tr", { class: "event-row", dataset: { event: v.id },
    on: { click: () => flash(`mark.evt[data-event="${CSS.escape(v.id)}"]`) } },
  h("td", {}, v.trigger?.text ?? ""), h("td", {}, v.plover ?? ""), h("td", {}, v.cameo ?? ""),
  h("td", {}, v.news_type ?? ""), h("td", {}, argText(v.source)), h("td", {}, argText(v.target)),
  h("td", { class: "when" }, timeText(v.time)), h("td", {}, v.location?.text ?? ""), h("td", {}, v.modality ?? ""),
  h("td", {}, fmt(v.goldstein)), h("td", {}, fmt(v.quadclass))));
  return h("table", { class: "events" }, h("thead", {}, h("tr", {}, cols.map((c) => h("th", {}, c)))), h("tbody", {}, rows));
}

function entityLink(id, label) {
  return h("a", { href: "#/entity/" + encodeURIComponent(id), class: "entity-link" }, label);
}

function entityList(entities, globalIds) {
  return h("ul", { class: "entities" }, entities.map((e) => h("li", { dataset: { entity: e.id } },
    h("mark", { class: "ent ent-" + e.type }, globalIds?.[e.id] ? entityLink(globalIds[e.id], e.name) : e.name), " ",
    h("span", { class: "muted" },
      [e.type, e.actor, e.kb].filter(Boolean).join(" · ")), " ",
    h("button", { type: "button", class: "link", on: { click: () => flash(`mark.ent[data-entity="${CSS.escape(e.id)}"]`) } },
      `${e.mentions?.length ?? 0}×`))));
}

export function renderReading(r) {
  const meta = [r.date && `datum ${r.date}`, r.source, r.url].filter(Boolean).join(" · ");
  const parts = [h("h1", {}, r.title || r.id), h("p", { class: "muted" }, meta, " · id ", r.id), legend(),
    h("article", { id: "article" }, markedText(r))];
  if ((r.events || []).length) parts.push(h("h2", {}, `Gebeurtenissen (${r.events.length})`), eventsTable(r.events));
  if ((r.entities || []).length) parts.push(h("h2", {}, `Entiteiten (${r.entities.length})`), entityList(r.entities, r.entity_ids));
  if ((r.times || []).length) {
    parts.push(h("h2", {}, "Tijden"), h("ul", { class: "times" }, r.times.map((t) =>
      h("li", {}, h("mark", { class: "time" }, t.text), " ", t.type, " ", timeText(t)))));
  }
  if ((r.quantities || []).length) {
    parts.push(h("h2", {}, "Hoeveelheden"), h("ul", { class: "quantities" }, r.quantities.map((q) =>
      h("li", {}, h("mark", { class: "qty" }, q.text), " = ", fmt(q.value, 2), " ", q.unit ?? ""))));
  }
  return parts;
}

async function articleView(id) {
  show(h("p", { class: "muted" }, "bezig…"));
  show(...renderReading(await api("articles/" + encodeURIComponent(id))));
}

function storedEventsTable(events) {
  const cols = ["dag", "trigger", "PLOVER", "CAMEO", "bron", "doel", "plaats", "Goldstein", "artikel"];
  const when = (e) => e.day || [e.earliest, e.latest].filter(Boolean).join(" – ");
  const side = (code, text) => [text, code ? `[${code}]` : null].filter(Boolean).join(" ");
  return h("table", { class: "events stored" }, h("thead", {}, h("tr", {}, cols.map((c) => h("th", {}, c)))),
    h("tbody", {}, events.map((e) => h("tr", { class: "stored-event", dataset: { event: e.event_id } },
      h("td", { class: "when" }, when(e)), h("td", {}, e.trigger ?? ""), h("td", {}, e.plover ?? ""),
      h("td", {}, e.cameo ?? ""), h("td", {}, side(e.source_actor, e.source_text)),
      h("td", {}, side(e.target_actor, e.target_text)), h("td", {}, e.location_name ?? ""), h("td", {}, fmt(e.goldstein)),
      h("td", {}, e.article_id ? articleLink(e.article_id) : "")))));
}

async function entityView(id, params) {
  const by = params.by || "week";
  const res = await api("entities/" + encodeURIComponent(id), { by });
  const e = res.entity;
  const facts = h("dl", { class: "stats" }, [["type", e.type], ["actor", e.actor], ["kb", e.kb], ["vermeldingen", e.mentions],
    ["artikelen", e.articles], ["gebeurtenissen", e.events], ["namen", (e.names || []).join(", ")]]
    .filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [h("dt", {}, k), h("dd", {}, fmt(v))]));
  const arts = h("ul", { class: "articles" }, (e.recent_articles || []).map((a) => h("li", {}, articleLink(a))));
  show(h("h1", {}, h("mark", { class: "ent ent-" + e.type }, e.name)), facts,
    h("h2", {}, "Tijdlijn"), quadLegend(), timelineChart(res.timeline),
    h("h2", {}, `Gebeurtenissen (${res.events.length})`), storedEventsTable(res.events), h("h2", {}, "Artikelen"), arts);
}

async function readView() {
  const text = h("textarea", { name: "text", rows: 12, maxlength: 200000, required: true, placeholder: "Plak hier een Nederlands nieuwsbericht…" });
  const date = h("input", { name: "date", placeholder: "2020-09-14", maxlength: 40 });
  const out = h("div", { id: "read-result" });
  const form = h("form", { id: "read-form", on: { submit: async (ev) => {
    ev.preventDefault();
    out.replaceChildren(h("p", { class: "muted" }, "bezig met lezen…"));
    try {
      const r = await api("read", null, { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ text: text.value, date: date.value || null }) });
      out.replaceChildren(...renderReading(r));
    } catch (err) { out.replaceChildren(errorBox(err)); }
  } } }, h("label", {}, "Datum ", date), text, h("button", { type: "submit" }, "Lees"));
  show(h("h1", {}, "Lees een tekst"), form, out);
}

// ------------------------------------------------------------------ charts

function filterForm(name, params, fields, extra) {
  const inputs = fields.map(([key, label, opts]) => {
    const el = opts
      ? h("select", { name: key }, opts.map((o) => h("option", { value: o }, o || "–")))
      : h("input", { name: key, placeholder: label, maxlength: 64, size: 10 });
    el.value = params[key] ?? (opts ? opts[0] : "");
    return h("label", {}, label, " ", el);
  });
  return h("form", { class: "filters", id: name + "-form", on: { submit: (ev) => {
    ev.preventDefault();
    go(name, Object.fromEntries(new FormData(ev.target)));
  } } }, inputs, extra || null, h("button", { type: "submit" }, "Toon"));
}

const PERIODS = ["day", "week", "month"];
const PLOVER = ["", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];

async function timelineView(params) {
  const by = params.by || "day";
  const form = filterForm("timeline", { ...params, by }, [["actor", "actor"], ["source", "bron"], ["target", "doel"],
    ["plover", "PLOVER", PLOVER], ["by", "per", PERIODS]]);
  show(h("h1", {}, "Tijdlijn"), form, h("p", { class: "muted" }, "bezig…"));
  const res = await api("timeline", { ...params, by });
  show(h("h1", {}, "Tijdlijn"), form, quadLegend(), timelineChart(res.items));
}

async function networkView(params) {
  const form = filterForm("network", params, [["actor", "actor"], ["plover", "PLOVER", PLOVER], ["min_events", "min."]]);
  const res = await api("network", params);
  show(h("h1", {}, "Netwerk van actoren"), form,
    h("p", { class: "muted" }, "pijl = wie handelt op wie; dikte = aantal gebeurtenissen; groen = samenwerking, rood = conflict"),
    networkChart(res.items));
  // an actor leads to its own timeline
  for (const node of view.querySelectorAll("svg.chart-network g.node")) {
    node.addEventListener("click", () => go("timeline", { actor: node.dataset.actor, by: "week" }));
  }
}

async function dyadView(params) {
  const by = params.by || "week";
  const form = filterForm("dyad", { ...params, by }, [["source", "bron"], ["target", "doel"], ["by", "per", PERIODS]]);
  const parts = [h("h1", {}, "Dyade"), form];
  if (params.source && params.target) {
    const res = await api("dyad", { source: params.source, target: params.target, by });
    parts.push(h("h2", {}, `${params.source} → ${params.target}`), dyadChart(res.items));
  } else {
    const top = await api("network", { min_events: 1 });
    const pairs = top.items.filter((e) => e.source !== e.target).sort((a, b) => b.events - a.events).slice(0, 10);
    parts.push(h("p", {}, "Kies een bron en een doel, bijvoorbeeld:"), h("ul", { class: "pairs" }, pairs.map((e) =>
      h("li", {}, h("a", { href: `#/dyad?source=${encodeURIComponent(e.source)}&target=${encodeURIComponent(e.target)}` },
        `${e.source} → ${e.target}`), ` (${e.events})`))));
  }
  show(...parts);
}

async function eventsView(params) {
  const limit = 100, offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const filters = Object.fromEntries(Object.entries(params).filter(([k]) => k !== "offset"));
  const form = filterForm("events", filters, [["actor", "actor"], ["source", "bron"], ["target", "doel"],
    ["plover", "PLOVER", PLOVER], ["quadclass", "Quad", ["", "1", "2", "3", "4"]], ["start", "van"], ["end", "tot"],
    ["place", "plaats"]]);
  const res = await api("events", { ...filters, limit, offset });
  const nav = h("p", { class: "pager" },
    offset > 0 ? h("a", { href: "#/events?" + new URLSearchParams({ ...filters, offset: Math.max(0, offset - limit) }) }, "← vorige") : null,
    ` ${offset + 1}–${offset + res.items.length} `,
    res.items.length === limit ? h("a", { href: "#/events?" + new URLSearchParams({ ...filters, offset: offset + limit }) }, "volgende →") : null);
  show(h("h1", {}, "Gebeurtenissen"), form, nav,
    res.items.length ? storedEventsTable(res.items) : h("p", { class: "empty" }, "Geen gebeurtenissen."));
}

let outline = null;
async function mapView(params) {
  if (outline === null) {
    outline = await fetch("/static/world.json").then((r) => (r.ok ? r.json() : { rings: [] }))
      .then((j) => j.rings || []).catch(() => []);
  }
  const form = filterForm("map", params, [["actor", "actor"], ["plover", "PLOVER", PLOVER]]);
  const res = await api("locations", params);
  const list = h("ul", { class: "places" }, res.items.map((p) => h("li", {}, p.name, " ", h("span", { class: "muted" }, `${p.events}`))));
  show(h("h1", {}, "Kaart"), form, mapChart(res.items, outline), list);
}

// ------------------------------------------------------------------ routing

let rendered = false;

async function render() {
  const started = rendered ? performance.now() : 0;  // the first view counts from navigation start
  rendered = true;
  const { path, params } = route();
  try {
    if (path === "" || path === "search") await searchView(params);
    else if (path.startsWith("article/")) await articleView(path.slice("article/".length));
    else if (path.startsWith("entity/")) await entityView(path.slice("entity/".length), params);
    else if (path === "events") await eventsView(params);
    else if (path === "timeline") await timelineView(params);
    else if (path === "network") await networkView(params);
    else if (path === "dyad") await dyadView(params);
    else if (path === "map") await mapView(params);
    else if (path === "read") await readView();
    else show(h("p", { class: "error" }, "Onbekende pagina: ", path));
  } catch (err) {
    view.append(errorBox(err));
  }
  document.body.dataset.ms = String(Math.round(performance.now() - started));
  document.body.dataset.ready = path || "home";
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  go("search", { q: document.getElementById("search-input").value.trim() });
});
window.addEventListener("hashchange", () => { delete document.body.dataset.ready; render(); });
render();
