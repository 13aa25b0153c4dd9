// Pagefind's search UI, started from a file (no inline script). Its engine is WebAssembly: where the site's
// Content-Security-Policy does not allow it ('wasm-unsafe-eval'), say so and point to the browse pages.
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) { return; }
  var fallback = document.getElementById("search-unavailable");
  function unavailable() { if (fallback) { fallback.hidden = false; } }
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));  // the smallest valid module
  } catch (error) {
    unavailable();
    return;
  }
  if (typeof PagefindUI === "undefined") { unavailable(); return; }
  new PagefindUI({ element: "#search", bundlePath: root.getAttribute("data-bundle"), showSubResults: false, showImages: false });
  function label() {
    var input = root.querySelector("input[type=text], input[type=search], input:not([type])");
    if (input && !input.hasAttribute("aria-label")) { input.setAttribute("aria-label", "Search the timeline"); }
    return Boolean(input);
  }
  if (!label()) { new MutationObserver(function (_, observer) { if (label()) { observer.disconnect(); } }).observe(root, { childList: true, subtree: true }); }
});
