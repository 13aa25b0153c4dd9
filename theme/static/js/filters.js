// The filters' first step, small enough for every first view: show the form in place of the links that serve
// readers without JavaScript (both inside the closed disclosure, so nothing on screen moves), and load what the
// filters do (filter-results.js) only when they are used: the disclosure opens, or the address carries a filter
// or an order. A form sent before that file arrives still works: it is a GET form, and the address it opens
// carries the filter.
(function () {
  "use strict";
  var form = document.getElementById("filters"), script = document.currentScript;
  if (!form || !script || !window.fetch || !window.URLSearchParams || !window.Set || !"".normalize) { return; }
  var panel = document.getElementById("filter-panel"), browse = document.getElementById("filter-browse");
  form.hidden = false;
  if (browse) { browse.hidden = true; }
  var loaded = false;
  function load() {
    if (loaded) { return; }
    loaded = true;
    var tag = document.createElement("script");
    tag.src = script.src.replace(/filters\.js(?=$|[?#])/, "filter-results.js");
    document.body.appendChild(tag);
  }
  if (/[?&](faction|place|type|from|to|order)=/.test(window.location.search)) { load(); }
  if (panel) { panel.addEventListener("toggle", load); }
  form.addEventListener("focusin", load);
}());
