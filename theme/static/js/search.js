// Pagefind's search UI, started from a file (no inline script). Its input carries only a title, so we give it
// an accessible name once it exists.
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof PagefindUI === "undefined") { return; }
  new PagefindUI({ element: "#search", bundlePath: root.getAttribute("data-bundle"), showSubResults: false, showImages: false });
  function label() {
    var input = root.querySelector("input[type=text], input[type=search], input:not([type])");
    if (input && !input.hasAttribute("aria-label")) { input.setAttribute("aria-label", "Search the timeline"); }
    return Boolean(input);
  }
  if (!label()) { new MutationObserver(function (_, observer) { if (label()) { observer.disconnect(); } }).observe(root, { childList: true, subtree: true }); }
});
