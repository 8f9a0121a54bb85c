// Full-text search with Pagefind when the site is served; from file://, where Pagefind cannot
// load its index, a finder over entity names and aliases (data in finder-data.js, loaded then only).
(function () {
  "use strict";
  var box = document.getElementById("search");
  var root = new URL(box.getAttribute("data-root") || "./", document.baseURI);

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // The index has its apostrophes straight (see kbgen/search.py): the reader sees them curly.
  function curly(text) {
    return text.replace(/(\p{L})'(?=\p{L}|<mark>)/gu, "$1\u2019");
  }

  function typeset(result) {
    result.excerpt = curly(result.excerpt);
    result.meta.title = curly(result.meta.title || "");
    (result.sub_results || []).forEach(function (sub) { sub.title = curly(sub.title); sub.excerpt = curly(sub.excerpt); });
    return result;
  }

  // The finder's data is loaded only when the finder is shown; a query typed before it came is
  // looked up again when it comes.
  function showFinder() {
    var finder = document.getElementById("finder");
    var input = document.getElementById("finder-input");
    var list = document.getElementById("finder-results");
    var empty = document.getElementById("finder-empty");
    var data = document.createElement("script");
    data.src = new URL("static/finder-data.js", root).href;
    data.onload = find;
    document.head.appendChild(data);
    finder.hidden = false;
    input.addEventListener("input", find);
    input.focus();

    function find() {
      var entities = window.KBGEN_ENTITIES || [];
      var query = fold(input.value.trim());
      list.textContent = "";
      if (!query) { empty.hidden = true; return; }
      var found = entities.filter(function (e) {
        return [e[0]].concat(e[1]).some(function (name) { return fold(name).indexOf(query) !== -1; });
      }).sort(function (a, b) { return b[4] - a[4]; }).slice(0, 50);
      empty.hidden = found.length > 0;
      found.forEach(function (e) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = new URL(e[3], root).href;
        link.textContent = e[0];
        link.className = "entity type-" + e[2].toLowerCase();
        item.appendChild(link);
        list.appendChild(item);
      });
    }
  }

  if (location.protocol === "file:") { showFinder(); return; }

  // The index comes in shards, each a Pagefind bundle (pagefind/<n>/) listed in shards.json:
  // the first is loaded, the others merged in, and results of all are ranked together.
  function bundle(name) {
    return new URL("pagefind/" + name + "/", root);
  }

  function start(bundles) {
    var first = bundle(bundles[0]);
    var style = document.createElement("link");
    style.rel = "stylesheet";
    style.href = new URL("pagefind-ui.css", first).href;
    document.head.appendChild(style);
    var script = document.createElement("script");
    script.src = new URL("pagefind-ui.js", first).href;
    script.onload = function () {
      // Result URLs are made relative to the site's own folder, so search works under a sub-path.
      new window.PagefindUI({
        element: "#search", bundlePath: first.pathname, baseUrl: root.pathname, showSubResults: true, resetStyles: false,
        processResult: typeset,
        mergeIndex: bundles.slice(1).map(function (name) { return {bundlePath: bundle(name).pathname, baseUrl: root.pathname}; })
      });
      // Pagefind's field has only a title; give it the page's own label for screen readers.
      var field = box.querySelector("input");
      if (field) { field.setAttribute("aria-label", box.getAttribute("data-label")); }
    };
    script.onerror = showFinder;
    document.head.appendChild(script);
  }

  fetch(new URL("pagefind/shards.json", root).href)
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (listing) { if (listing.bundles.length) { start(listing.bundles); } else { showFinder(); } })
    .catch(showFinder);
})();
