// Pagefind's search UI, started from a file (no inline script), with faction and place filters from the pages.
window.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root || typeof PagefindUI === "undefined") { return; }
  new PagefindUI({ element: "#search", bundlePath: root.getAttribute("data-bundle"), showSubResults: false, showImages: false });
});
