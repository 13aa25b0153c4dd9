// Facet filters as an enhancement: state lives in the URL (?faction=&place=&type=&from=&to=), so a filtered view
// can be shared. Without JavaScript the form stays hidden and the faction, place and month pages do the same job.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var results = document.getElementById("results");
  var mapPlaces = document.querySelectorAll("#map [data-place], #map-places [data-place]");
  var status = document.getElementById("filter-status");
  var site = form.getAttribute("data-site") || "";
  var keys = ["faction", "place", "type", "from", "to"];

  function option(select, value) {
    var el = document.createElement("option");
    el.value = value; el.textContent = value; select.appendChild(el);
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search), state = {};
    keys.forEach(function (k) { state[k] = params.get(k) || ""; });
    return state;
  }

  function matches(row, data, state) {
    var f = data.factions.indexOf(state.faction), p = data.places.indexOf(state.place), t = data.types.indexOf(state.type);
    if (state.faction && row[4].indexOf(f) < 0) { return false; }
    if (state.place && row[5].indexOf(p) < 0) { return false; }
    if (state.type && row[6] !== t) { return false; }
    var end = row[2].length === 4 ? row[2] + "-12-31" : row[2].length === 7 ? row[2] + "-31" : row[2];
    var start = row[2].length === 4 ? row[2] + "-01-01" : row[2].length === 7 ? row[2] + "-01" : row[2];
    if (state.from && end < state.from) { return false; }
    if (state.to && start > state.to) { return false; }
    return true;
  }

  function render(data, state) {
    var active = keys.some(function (k) { return state[k]; });
    var rows = data.entries.filter(function (row) { return matches(row, data, state); });
    status.textContent = active ? rows.length + " matching entries" : "";
    if (mapPlaces.length) {
      var counts = {};
      rows.forEach(function (row) { row[5].forEach(function (i) { counts[data.places[i]] = (counts[data.places[i]] || 0) + 1; }); });
      mapPlaces.forEach(function (el) {
        var hide = active && !counts[el.getAttribute("data-place")];
        if (el.closest("li")) { el.closest("li").hidden = hide; } else { el.classList.toggle("filtered-out", hide); }
      });
    }
    if (!results) { return; }
    if (!active) { if (results.dataset.original) { results.innerHTML = results.dataset.original; } return; }
    if (!results.dataset.original) { results.dataset.original = results.innerHTML; }
    var list = document.createElement("ol");
    list.className = "timeline";
    rows.slice(0, 500).forEach(function (row) {
      var li = document.createElement("li"), time = document.createElement("time"), h = document.createElement("h4"), a = document.createElement("a");
      li.className = "entry"; time.setAttribute("datetime", row[2]); time.textContent = row[3];
      a.href = site + "/" + row[0]; a.textContent = row[1]; a.dir = "auto"; h.className = "entry-title"; h.appendChild(a);
      li.appendChild(time); li.appendChild(h); list.appendChild(li);
    });
    results.textContent = "";
    results.appendChild(list);
    if (rows.length > 500) { var more = document.createElement("p"); more.textContent = "Showing the first 500; narrow the filters to see the rest."; results.appendChild(more); }
  }

  fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
    data.factions.slice().sort().forEach(function (n) { option(form.elements.faction, n); });
    data.places.slice().sort().forEach(function (n) { option(form.elements.place, n); });
    data.types.forEach(function (n) { option(form.elements.type, n); });
    var state = readUrl();
    keys.forEach(function (k) { form.elements[k].value = state[k]; });
    form.hidden = false;
    render(data, state);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var params = new URLSearchParams();
      keys.forEach(function (k) { if (form.elements[k].value) { params.set(k, form.elements[k].value); } });
      var query = params.toString();
      window.history.pushState(null, "", query ? "?" + query : window.location.pathname);
      render(data, readUrl());
    });
    window.addEventListener("popstate", function () {
      var s = readUrl(); keys.forEach(function (k) { form.elements[k].value = s[k]; }); render(data, s);
    });
  });
}());
