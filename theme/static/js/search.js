// Search with Pagefind's JavaScript API (a module from this site; no third-party request). The query and the faction,
// place and event-type filters live in the URL (/search/?q=Raqqa&place=Raqqa), so a search can be shared like a
// filtered view: the page opens with its results, and typing rewrites the address (history.replaceState).
// Each result shows the entry's title as its link, its date and labels in their own elements, and an excerpt of the
// entry's own text (the only region Pagefind indexes). Its engine is WebAssembly: where the site's
// Content-Security-Policy does not allow it ('wasm-unsafe-eval'), the page says so and points to the browse pages.
// Each year of entries has its own index (pagefind/2017/ ...; pagefind/bundles.json lists them, oldest first): the
// first is loaded and the others merged into it (mergeIndex), each tagged with a filter naming it ("bundle").
const form = document.getElementById("search");
const KEYS = ["faction", "place", "type"];
const PAGE = 10;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
let pagefind = null;
let bundles = [];
let results = [];
let generation = 0;

function unavailable() {
  document.getElementById("search-unavailable").hidden = false;
}

function wasmAllowed() {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));  // the smallest valid module
    return true;
  } catch (error) {
    return false;
  }
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const state = { q: params.get("q") || "" };
  KEYS.forEach((key) => { state[key] = params.get(key) || ""; });
  return state;
}

function readForm() {
  const state = { q: form.elements.q.value };
  KEYS.forEach((key) => { state[key] = form.elements[key].value; });
  return state;
}

function writeUrl(state) {
  const params = new URLSearchParams();
  ["q", ...KEYS].forEach((key) => { if (state[key].trim()) { params.set(key, state[key].trim()); } });
  const query = params.toString();
  window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text) { node.textContent = text; }
  return node;
}

function fillSelect(select, counts, wanted) {
  const names = Object.keys(counts || {}).sort((a, b) => a.localeCompare(b));
  if (wanted && !names.includes(wanted)) { names.unshift(wanted); }  // a shared link keeps its filter
  names.forEach((name) => {
    const option = element("option", "", counts && counts[name] ? name + " (" + counts[name] + ")" : name);
    option.value = name;
    select.appendChild(option);
  });
  select.value = wanted;
}

function item(data) {
  const li = element("li", "search-result");
  const heading = element("h2", "result-title");
  const link = element("a", "", data.meta.title || data.url);
  link.href = data.url;
  link.dir = "auto";
  heading.appendChild(link);
  li.appendChild(heading);
  if (data.meta.date) {
    const time = element("time", "", data.meta.date);
    time.dateTime = data.meta.datetime || "";
    li.appendChild(time);
  }
  const excerpt = element("p", "excerpt");
  excerpt.dir = "auto";
  excerpt.innerHTML = data.excerpt;  // Pagefind escapes the text and adds only <mark> elements
  li.appendChild(excerpt);
  const labels = element("ul", "labels");
  labels.setAttribute("aria-label", "Places, factions and event type");
  ["place", "faction", "type"].forEach((key) => (data.filters[key] || []).forEach((name) => {
    const label = element("li");
    label.appendChild(element("span", "label " + key, name));
    labels.appendChild(label);
  }));
  if (labels.children.length) { li.appendChild(labels); }
  return li;
}

async function showMore(current, focus) {
  const start = list.children.length;
  more.disabled = true;  // one page at a time
  const page = await Promise.all(results.slice(start, start + PAGE).map((result) => result.data()));
  if (current !== generation) { return; }
  page.forEach((data) => list.appendChild(item(data)));
  more.hidden = list.children.length >= results.length;
  more.disabled = false;
  if (focus && list.children[start]) { list.children[start].querySelector("a").focus(); }  // the button may hide
}

const pause = (ms) => new Promise((done) => { setTimeout(done, ms); });

// Words rank by relevance across every year's index. Filters alone list their entries in date order: Pagefind sorts
// within one index, so each year's is asked apart (its "bundle" filter) and the lists are joined, oldest first.
async function find(term, filters, debounce) {
  if (term) {
    return debounce ? pagefind.debouncedSearch(term, { filters }, 250) : pagefind.search(term, { filters });
  }
  const current = generation;
  if (debounce) { await pause(250); }
  if (current !== generation) { return null; }
  const parts = await Promise.all(bundles.map((bundle) => pagefind.search(null, {
    filters: { ...filters, bundle }, sort: { date: "asc" },
  })));
  return { results: parts.flatMap((part) => part.results) };
}

async function run(state, debounce) {
  const current = ++generation;
  const term = state.q.trim();
  const filters = {};
  KEYS.forEach((key) => { if (state[key]) { filters[key] = state[key]; } });
  if (!term && !Object.keys(filters).length) {
    results = [];
    list.textContent = "";
    more.hidden = true;
    status.textContent = "";
    return;
  }
  const search = await find(term, filters, debounce);
  if (search === null || current !== generation) { return; }
  results = search.results;
  list.textContent = "";
  const count = results.length === 1 ? "1 entry" : results.length + " entries";
  status.textContent = results.length ? count + " found" : "No entry found";
  await showMore(current);
}

async function start() {
  if (!form) { return; }
  if (!wasmAllowed()) { unavailable(); return; }
  try {
    const root = new URL(form.dataset.bundle, window.location.href);
    bundles = (await (await fetch(new URL("bundles.json", root))).json()).bundles;
    const url = (bundle) => new URL(bundle + "/", root).href;
    pagefind = await import(url(bundles[0]) + "pagefind.js");
    await pagefind.options({ excerptLength: 24, mergeFilter: { bundle: bundles[0] } });
    await Promise.all(bundles.slice(1).map((bundle) => pagefind.mergeIndex(url(bundle), {
      excerptLength: 24, mergeFilter: { bundle },
    })));
  } catch (error) {
    unavailable();
    return;
  }
  const state = readUrl();
  form.elements.q.value = state.q;
  const counts = await pagefind.filters();
  KEYS.forEach((key) => fillSelect(form.elements[key], counts[key], state[key]));
  form.querySelector(".search-filters").hidden = false;
  form.addEventListener("input", (event) => {
    if (event.target === form.elements.q) { writeUrl(readForm()); run(readForm(), true); }
  });
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT") { writeUrl(readForm()); run(readForm(), false); }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    writeUrl(readForm());
    run(readForm(), false);
  });
  more.addEventListener("click", () => { if (!more.disabled) { showMore(generation, true); } });
  await run(state, false);
}

start();
