// The explorer: the library's browser build with its embedded rules, a world map (world-atlas,
// drawn with d3-geo, no tiles from the network), a country's answer and timeline, and a changes
// list. The state lives in the URL (?p=TJ&d=2019-06-01&c=TR&from=...&to=...), so views can be shared.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import { createEngine, describeAccess, describeStay, REQUIREMENTS, type Answer, type Requirement } from "travel-rules";
import world from "world-atlas/countries-110m.json";
import { NUMERIC_TO_ALPHA2 } from "./numeric";

const COLOURS: Record<Requirement, string> = {
  citizen: "#2c3e91",
  "free-movement": "#1a7f3c",
  "visa-free": "#4cae4c",
  eta: "#a6d96a",
  "visa-on-arrival": "#f2d44a",
  "e-visa": "#f5a04a",
  "visa-required": "#e3533b",
  "no-admission": "#8e1b1b",
  unknown: "#c9ced3",
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const passportSelect = $<HTMLSelectElement>("passport");
const dateInput = $<HTMLInputElement>("date");
const slider = $<HTMLInputElement>("slider");
const scoreOut = $<HTMLOutputElement>("score");
const svg = document.getElementById("map") as unknown as SVGSVGElement;
const detail = $<HTMLElement>("detail");
const fromInput = $<HTMLInputElement>("from");
const toInput = $<HTMLInputElement>("to");
const changesList = $<HTMLOListElement>("changes");

const engine = await createEngine();
const countries = engine.countries();
const names = new Map(countries.map((c) => [c.code, c.name]));

const FIRST = "2014-01-01";
const today = new Date().toISOString().slice(0, 10);
const allChanges = engine.changes({ from: FIRST, to: "2100-12-31" });
const LAST = [today, ...allChanges.map((c) => c.date)].sort().at(-1)!;

const day = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;
const dateOfDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

// URL state, with defaults.
const params = new URLSearchParams(location.search);
const state = {
  passport: (params.get("p") ?? "TJ").toUpperCase(),
  date: params.get("d") ?? today,
  country: params.get("c")?.toUpperCase() ?? null,
  from: params.get("from") ?? "2024-01-01",
  to: params.get("to") ?? LAST,
};
function saveState(): void {
  const q = new URLSearchParams({ p: state.passport, d: state.date, from: state.from, to: state.to });
  if (state.country) q.set("c", state.country);
  history.replaceState(null, "", `${location.pathname}?${q}`);
}

// Controls.
for (const c of [...countries].sort((a, b) => a.name.localeCompare(b.name))) passportSelect.add(new Option(`${c.name} (${c.code})`, c.code));
passportSelect.value = state.passport;
dateInput.min = FIRST;
dateInput.max = LAST;
slider.min = String(day(FIRST));
slider.max = String(day(LAST));
fromInput.value = state.from;
toInput.value = state.to;

// The map.
const topo = world as unknown as Topology;
const land = feature(topo, topo.objects["countries"]!) as unknown as FeatureCollection<Geometry, { name: string }>;
const width = 960;
const height = 500;
svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
const projection = geoNaturalEarth1().fitSize([width, height], land);
const path = geoPath(projection);
const paths = new Map<string, SVGPathElement>();
for (const f of land.features as Feature<Geometry, { name: string }>[]) {
  const code = NUMERIC_TO_ALPHA2[String(f.id).padStart(3, "0")] ?? (f.properties.name === "Kosovo" ? "XK" : undefined);
  const el = document.createElementNS("http://www.w3.org/2000/svg", "path");
  el.setAttribute("d", path(f) ?? "");
  if (code) {
    el.dataset["code"] = code;
    el.addEventListener("click", () => select(code));
    paths.set(code, el);
  }
  const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
  title.textContent = code ? (names.get(code) ?? f.properties.name) : f.properties.name;
  el.append(title);
  svg.append(el);
}

const legend = $<HTMLUListElement>("legend");
for (const r of REQUIREMENTS) {
  const li = document.createElement("li");
  li.innerHTML = `<span style="background:${COLOURS[r]}"></span>${r}`;
  legend.append(li);
}

let answers = new Map<string, Answer>();

async function render(): Promise<void> {
  dateInput.value = state.date;
  slider.value = String(day(state.date));
  const o = await engine.destinations({ nationality: state.passport, date: state.date });
  answers = new Map(o.answers.map((a) => [a.destination, a]));
  for (const [code, el] of paths) {
    const requirement: Requirement = code === state.passport ? "citizen" : (answers.get(code)?.requirement ?? "unknown");
    el.setAttribute("fill", COLOURS[requirement]);
    el.dataset["requirement"] = requirement;
    el.classList.toggle("selected", code === state.country);
  }
  scoreOut.textContent = `Mobility score ${o.mobilityScore} · ${o.known} destinations known`;
  scoreOut.dataset["score"] = String(o.mobilityScore);
  renderDetail();
  renderChanges();
  saveState();
}

/** One cited source: a link where it has an https address, otherwise how it was read (as the CLI says it). */
function sourceItem(s: Answer["sources"][number]): string {
  const access = describeAccess(s);
  const title = access ? esc(s.title) : `<a href="${esc(s.url ?? "")}" rel="noopener noreferrer" target="_blank">${esc(s.title)}</a>`;
  return `<li>${title}${s.publisher ? ` — ${esc(s.publisher)}` : ""}, ${s.date}${access ? ` (${esc(access)})` : ""}</li>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function renderDetail(): void {
  const code = state.country;
  if (!code) return;
  const a = code === state.passport ? null : answers.get(code);
  const name = names.get(code) ?? code;
  if (!a) {
    detail.innerHTML = `<h2>${esc(name)}</h2><p>Your own country: you enter as a citizen.</p>`;
    return;
  }
  const t = engine.timeline({ nationality: state.passport, destination: code });
  const start = day(FIRST);
  const span = day(LAST) - start;
  const band = t.periods
    .map((p) => {
      const from = Math.max(p.from ? day(p.from) : start, start);
      const until = Math.min(p.until ? day(p.until) : day(LAST), day(LAST));
      if (until <= from) return "";
      const w = ((until - from) / span) * 100;
      const label = `${p.from ?? "…"} → ${p.until ?? "until further notice"}: ${p.requirement}${p.maxStay ? `, ${describeStay(p.maxStay)}` : ""}`;
      return `<div style="width:${w}%;background:${COLOURS[p.requirement]}" title="${esc(label)}" data-requirement="${p.requirement}"></div>`;
    })
    .join("");
  detail.innerHTML = `
    <h2>${esc(names.get(state.passport) ?? state.passport)} → ${esc(name)}</h2>
    <p><span class="requirement" style="color:${COLOURS[a.requirement]}">${a.requirement}</span>${a.maxStay ? ` · ${describeStay(a.maxStay)}` : ""} on ${a.date}</p>
    <p>${esc(a.explanation)}</p>
    ${a.condition ? `<p>Condition: ${esc(a.condition)}</p>` : ""}
    ${a.upcoming ? `<p>Changes on ${a.upcoming.date}: ${a.upcoming.requirement}</p>` : ""}
    ${a.alternatives.length ? `<p>Alternatives:</p><ul>${a.alternatives.map((x) => `<li>${x.requirement}${x.maxStay ? ` (${describeStay(x.maxStay)})` : ""} if ${esc(x.condition)}</li>`).join("")}</ul>` : ""}
    ${a.notes.length ? `<details><summary>Notes</summary>${a.notes.map((n) => `<p>${esc(n)}</p>`).join("")}</details>` : ""}
    <h3>History</h3>
    <div class="band" id="timeline">${band}</div>
    <div class="band-axis"><span>${FIRST}</span><span>${LAST}</span></div>
    <h3>Sources</h3>
    <ul id="sources">${a.sources
      .map(sourceItem)
      .join("")}</ul>
    <p class="hint">Rule ${esc(a.regime ?? "none")} · dataset ${esc(a.dataset)}</p>`;
}

function renderChanges(): void {
  const list = engine.changes({ from: state.from, to: state.to, nationality: state.passport });
  changesList.innerHTML = list.length
    ? list
        .map(
          (c) =>
            `<li>${c.date}: ${esc(names.get(c.destination) ?? c.destination)} — ${c.before.requirement}${c.before.maxStay ? ` (${describeStay(c.before.maxStay)})` : ""} → <strong>${c.after.requirement}</strong>${c.after.maxStay ? ` (${describeStay(c.after.maxStay)})` : ""}</li>`,
        )
        .join("")
    : "<li>No change in this interval.</li>";
}

function select(code: string): void {
  state.country = code;
  void render();
}

passportSelect.addEventListener("change", () => {
  state.passport = passportSelect.value;
  void render();
});
dateInput.addEventListener("change", () => {
  if (dateInput.value) state.date = dateInput.value;
  void render();
});
slider.addEventListener("input", () => {
  state.date = dateOfDay(Number(slider.value));
  void render();
});
for (const [input, key] of [
  [fromInput, "from"],
  [toInput, "to"],
] as const)
  input.addEventListener("change", () => {
    if (input.value) state[key] = input.value;
    renderChanges();
    saveState();
  });

await render();
document.body.dataset["ready"] = "true";
