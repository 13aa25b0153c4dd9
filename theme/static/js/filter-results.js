// What the filters do once a reader uses them (filters.js loads this file on first use; it is not part of the first
// view). Entry data is fetched only for a filter, and only the files that filter needs
// (plugins/conflict_timeline/filterdata.py describes them). The state lives in the URL
// (?faction=&place=&type=&from=&to=&order=newest), so a filtered view can be shared.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || form.hasAttribute("data-ready")) { return; }
  form.setAttribute("data-ready", "");
  var panel = document.getElementById("filter-panel");
  var status = document.getElementById("filter-status"), orderLinks = document.querySelectorAll("#order a");
  var markers = document.querySelectorAll("#map [data-place], #map-places [data-place]");
  // The overview strip is drawn at build time from every entry: while a filter is on, it says so.
  var stripNote = document.querySelector(".ov-filtered");
  var base = form.getAttribute("data-filter"), site = form.getAttribute("data-site") || ".";
  var total = Number(form.getAttribute("data-n")), size = Number(form.getAttribute("data-page"));
  var pageOrder = form.getAttribute("data-order") || "oldest";
  var keys = ["faction", "place", "type", "from", "to"], facets = ["faction", "place", "type"];
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];
  var files = {}, original = null, shown = null, latest = 0;

  function get(path) {
    if (!files[path]) {
      files[path] = fetch(base + "/" + path).then(function (r) { return r.ok ? r.json() : null; });
    }
    return files[path];
  }

  // entries.slugify: the names of the files the build wrote for a faction, place or type
  function slug(name) {
    var s = name.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (s.length > 70) { s = s.slice(0, 70); if (s.lastIndexOf("-") >= 0) { s = s.slice(0, s.lastIndexOf("-")); } }
    return s || "entry";
  }

  function ungap(gaps) {
    var out = [], n = 0;
    for (var i = 0; i < gaps.length; i++) { n += gaps[i]; out.push(n); }
    return out;
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search), state = {};
    keys.forEach(function (k) { state[k] = params.get(k) || ""; });
    state.order = /^(newest|oldest)$/.test(params.get("order")) ? params.get("order") : pageOrder;
    return state;
  }

  function query(state) {
    var params = new URLSearchParams();
    keys.forEach(function (k) { if (state[k]) { params.set(k, state[k]); } });
    if (state.order !== pageOrder) { params.set("order", state.order); }
    return params.toString();
  }

  function day(iso) {
    var p = iso.split("-");
    return Date.UTC(Number(p[0]), Number(p[1]) - 1, Number(p[2])) / 864e5;
  }

  // The date range as a test on entry numbers: an entry matches when its span (a day, a month or a year) meets it.
  function inRange(dates, state) {
    var starts = ungap(dates.days), from = state.from ? day(state.from) : -Infinity;
    var to = state.to ? day(state.to) : Infinity;
    return function (n) {
      var start = starts[n], kind = dates.precision.charAt(n), d = new Date(start * 864e5), end = start;
      if (kind === "m") { end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / 864e5; }
      if (kind === "y") { end = Date.UTC(d.getUTCFullYear(), 11, 31) / 864e5; }
      return end >= from && start <= to;
    };
  }

  // The matching entries in timeline order, each with where its row is: the shortest list chosen gives the rows.
  function find(state) {
    var chosen = facets.filter(function (k) { return state[k]; });
    var lists = chosen.map(function (k) { return get(k + "/" + slug(state[k]) + ".json"); });
    return Promise.all([Promise.all(lists), state.from || state.to ? get("dates.json") : null]).then(function (got) {
      var sets = got[0].map(function (d) { return d ? ungap(d.ids) : []; }), lead = -1;
      sets.forEach(function (s, i) { if (lead < 0 || s.length < sets[lead].length) { lead = i; } });
      var others = sets.filter(function (s, i) { return i !== lead; }).map(function (s) { return new Set(s); });
      var test = got[1] ? inRange(got[1], state) : null, ids = lead < 0 ? null : sets[lead], found = [];
      for (var i = 0, n = ids ? ids.length : total; i < n; i++) {
        var id = ids ? ids[i] : i;
        if (others.every(function (s) { return s.has(id); }) && (!test || test(id))) { found.push([id, i]); }
      }
      return {found: found, rows: lead < 0 ? "all" : chosen[lead] + "/" + slug(state[chosen[lead]])};
    });
  }

  function el(name, attrs, text) {
    var node = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  function labels(names, kind) {
    var list = el("ul", {"class": "labels", "aria-label": kind === "places" ? "Places" : "Factions"});
    names.forEach(function (name) {
      var a = el("a", {href: site + "/" + kind + "/" + slug(name) + "/"});
      if (kind === "factions") { a.appendChild(el("span", {"class": "swatch swatch-" + slug(name)})); }
      a.appendChild(document.createTextNode(name));
      list.appendChild(el("li")).appendChild(a);
    });
    return list;
  }

  // One row as macros/entry.html's item(): [url, title, date, type, sources, casualties, places, factions, summary]
  function item(row) {
    var p = row[2].split("-"), li = el("li", {"class": "entry"});
    var date = p.length === 1 ? p[0] : (p.length === 3 ? Number(p[2]) + " " : "") + MONTHS[p[1] - 1] + " " + p[0];
    li.appendChild(el("time", {datetime: row[2]}, date));
    var title = li.appendChild(el("h3", {"class": "entry-title"}));
    title.appendChild(el("a", {href: site + "/" + row[0], dir: "auto"}, row[1]));
    var facts = [row[3], row[4] ? row[4] + (row[4] === 1 ? " source" : " sources") : "", row[5]].filter(Boolean);
    if (facts.length) { li.appendChild(el("p", {"class": "entry-facts"}, facts.join(" · "))); }
    if (row[8]) { li.appendChild(el("p", {"class": "summary", dir: "auto"}, row[8])); }
    if (row[6].length) { li.appendChild(labels(row[6], "places")); }
    if (row[7].length) { li.appendChild(labels(row[7], "factions")); }
    return li;
  }

  function month(iso) {
    var p = iso.split("-");
    return p.length === 1 ? [p[0], p[0]] : [p[0] + "-" + p[1], MONTHS[p[1] - 1] + " " + p[0]];
  }

  // The next PAGE of matches, fetched from the files that hold them, under month headings as the built lists have.
  function more() {
    if (shown.busy) { return Promise.resolve(); }
    var list = shown, batch = list.list.slice(list.at, list.at + size), pages = {};
    list.busy = true;
    batch.forEach(function (m) { pages[Math.floor(m[1] / size) + 1] = true; });
    var wanted = Object.keys(pages);
    return Promise.all(wanted.map(function (n) { return get(list.rows + "/" + n + ".json"); })).then(function (got) {
      var rows = {};
      if (list !== shown) { return; }  // another filter came since
      wanted.forEach(function (n, i) { rows[n] = got[i] || []; });
      batch.forEach(function (m) {
        var row = rows[Math.floor(m[1] / size) + 1][m[1] % size], key = row && month(row[2]);
        if (!row) { return; }
        if (key[0] !== shown.month) {
          var section = el("section", {"class": "month", "aria-labelledby": "fm" + key[0] + "-" + shown.at});
          section.appendChild(el("h2", {id: "fm" + key[0] + "-" + shown.at}, key[1]));
          shown.ol = section.appendChild(el("ol", {"class": "timeline"}));
          shown.box.insertBefore(section, shown.button);
          shown.month = key[0];
        }
        shown.ol.appendChild(item(row));
      });
      shown.at += batch.length;
      shown.busy = false;
      var left = shown.list.length - shown.at;
      shown.button.hidden = left <= 0;
      shown.button.firstChild.textContent = "Show " + Math.min(left, size) + " more (" + left + " left)";
    });
  }

  // The matches replace the list in one step, once their first rows are in: the page never shows an empty list
  // (what follows would jump up, then down), and the new list is new, not the old one pushed down.
  function showList(found, state) {
    var box = el("div", {id: "entry-list"}), list = shown = {at: 0, box: box, month: null, ol: null,
      list: state.order === "newest" ? found.found.slice().reverse() : found.found, rows: found.rows,
      button: el("p", {"class": "more"})};
    var button = list.button.appendChild(el("button", {type: "button"}, "Show more"));
    button.addEventListener("click", function () { more(); });
    box.appendChild(list.button);
    return more().then(function () {
      var old = document.getElementById("entry-list");
      if (list !== shown || !old) { return; }
      if (!original) { original = old; }
      old.parentNode.replaceChild(box, old);
    });
  }

  function restore() {
    var list = document.getElementById("entry-list");
    if (original && list !== original) { list.parentNode.replaceChild(original, list); }
  }

  function filterMap(found, on) {
    return (on ? get("places.json") : Promise.resolve(null)).then(function (places) {
      var ids = new Set(found.map(function (m) { return m[0]; }));
      markers.forEach(function (node) {
        var own = places && places[node.getAttribute("data-place")], hide = false;
        if (on) { hide = !own || !ungap(own).some(function (n) { return ids.has(n); }); }
        if (node.closest("li")) { node.closest("li").hidden = hide; }
        else { node.classList.toggle("filtered-out", hide); }
      });
    });
  }

  // Order links keep the filters: switching order opens the other listing with the same query.
  function syncOrder(state) {
    var rest = {};
    keys.forEach(function (k) { rest[k] = state[k]; });
    var search = query(Object.assign(rest, {order: pageOrder}));
    orderLinks.forEach(function (a) {
      a.href = a.href.split("?")[0] + (search ? "?" + search : "");
    });
  }

  // Show the state; a render a newer one overtook (the reader went back while files arrived) shows nothing.
  function render(state) {
    var filtering = keys.some(function (k) { return state[k]; }), token = ++latest;
    syncOrder(state);
    if (stripNote) {  // laid over the strip, which fades: nothing moves
      stripNote.hidden = !filtering;
      stripNote.parentNode.classList.toggle("is-filtered", filtering);
    }
    if (!filtering && state.order === pageOrder) {
      if (status) { status.textContent = ""; }
      restore();
      return markers.length ? filterMap([], false) : Promise.resolve();
    }
    return find(state).then(function (found) {
      if (token !== latest) { return; }
      var n = found.found.length, done = markers.length ? filterMap(found.found, filtering)
        : document.getElementById("entry-list") ? showList(found, state) : null;
      return Promise.resolve(done).then(function () {  // said once the matches are on screen
        if (status && token === latest) {
          status.textContent = (filtering ? n + (n === 1 ? " matching entry" : " matching entries") : n + " entries") +
            (state.order === pageOrder ? "" : ", " + state.order + " first");
        }
      });
    });
  }

  function fill(state) {
    keys.forEach(function (k) {
      var field = form.elements[k];
      if (field.tagName === "SELECT" && state[k] && !Array.prototype.some.call(field.options, function (o) {
        return o.value === state[k];
      })) { field.appendChild(el("option", {}, state[k])); }  // a name from a shared address the build no longer has
      field.value = state[k];
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var state = readUrl();
    keys.forEach(function (k) { state[k] = form.elements[k].value; });
    var search = query(state);
    window.history.pushState(null, "", search ? "?" + search : window.location.pathname);
    if (panel) { panel.open = false; panel.querySelector("summary").focus(); }
    render(state);
  });
  form.querySelector(".reset").addEventListener("click", function (event) {
    event.preventDefault();
    window.history.pushState(null, "", window.location.pathname);
    var state = readUrl();
    fill(state);
    render(state);
  });
  if (panel) {
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel.open) { panel.open = false; panel.querySelector("summary").focus(); }
    });
  }
  window.addEventListener("popstate", function () { var s = readUrl(); fill(s); render(s); });
  var start = readUrl();
  fill(start);
  if (keys.some(function (k) { return start[k]; }) || start.order !== pageOrder) { render(start); }
  else { syncOrder(start); }
}());
