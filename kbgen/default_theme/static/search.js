// Full-text search with Pagefind when the site is served, the entities whose name or alias
// matches listed above its results; from file://, where Pagefind cannot load its index, only
// the entities. Entities come from the finder's data (finder-data.js), loaded at the first query:
// Pagefind indexes only the entity pages with words of their own (kbgen/search.py).
(function () {
  "use strict";
  var box = document.getElementById("search");
  var root = new URL(box.getAttribute("data-root") || "./", document.baseURI);
  var MATCHES_SHOWN = 10;
  var APOSTROPHES = /[\u2019\u2018\u02bc\u2032]/g;  // those kbgen.lang.PLAIN_FORMS makes straight

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // A text without the elided words an apostrophe joins to the next ("l’OTAN": "OTAN"): the
  // index has both parts of "l'OTAN" as words, and Pagefind finds nothing for the whole.
  function unelided(text) {
    return text.replace(APOSTROPHES, "'").replace(/\p{L}+'(?=\p{L})/gu, "");
  }

  function words(text) {
    return fold(unelided(text)).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // The finder's data is asked for once, at the first query; `then` runs when it comes, so that
  // a query typed before is looked up again. Each entity's words are worked out once.
  var entities = null;
  function loaded(then) {
    if (entities === null) {
      entities = [];
      var data = document.createElement("script");
      data.src = new URL("static/finder-data.js", root).href;
      data.onload = function () {
        entities = (window.KBGEN_ENTITIES || []).map(function (e) {
          return {entity: e, names: [e[0]].concat(e[1]).map(words)};
        });
        then();
      };
      document.head.appendChild(data);
    }
    return entities;
  }

  // The entities one of whose names has a word starting with each word of `query`, the most
  // mentioned first: of namesakes, the one the corpus is most about.
  function matches(query, then) {
    var wanted = words(query);
    if (!wanted.length) { return []; }
    return loaded(then).filter(function (item) {
      return item.names.some(function (have) {
        return wanted.every(function (w) { return have.some(function (h) { return h.indexOf(w) === 0; }); });
      });
    }).map(function (item) { return item.entity; }).sort(function (a, b) { return b[4] - a[4]; });
  }

  function show(list, found) {
    list.textContent = "";
    found.forEach(function (e) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL(e[3], root).href;
      link.textContent = e[0];
      link.className = "entity type-" + e[2].toLowerCase();
      var count = document.createElement("span");
      count.className = "count";
      count.textContent = e[4];
      item.append(link, " ", count);
      list.appendChild(item);
    });
  }

  function showFinder() {
    var finder = document.getElementById("finder");
    var input = document.getElementById("finder-input");
    var empty = document.getElementById("finder-empty");
    function find() {
      var found = matches(input.value, find);
      empty.hidden = found.length > 0 || !input.value.trim();
      show(document.getElementById("finder-results"), found.slice(0, 50));
    }
    finder.hidden = false;
    input.addEventListener("input", find);
    input.focus();
  }

  // Served: the entities matching the query in Pagefind's box, between the box and its results.
  function showMatches(field) {
    var section = document.getElementById("entity-matches");
    field.parentNode.insertBefore(section, field.nextSibling);
    function find() {
      var found = matches(field.value, find);
      section.hidden = found.length === 0;
      show(section.querySelector("ul"), found.slice(0, MATCHES_SHOWN));
    }
    box.addEventListener("input", find);
    box.addEventListener("click", function () { setTimeout(find, 0); });  // Pagefind's clear button
  }

  if (location.protocol === "file:") { showFinder(); return; }

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
        processResult: typeset, processTerm: unelided,
        mergeIndex: bundles.slice(1).map(function (name) { return {bundlePath: bundle(name).pathname, baseUrl: root.pathname}; })
      });
      // Pagefind's field has only a title; give it the page's own label for screen readers.
      var field = box.querySelector("input");
      if (field) {
        field.setAttribute("aria-label", box.getAttribute("data-label"));
        showMatches(field);
      }
    };
    script.onerror = showFinder;
    document.head.appendChild(script);
  }

  fetch(new URL("pagefind/shards.json", root).href)
    .then(function (response) { if (!response.ok) { throw new Error(response.status); } return response.json(); })
    .then(function (listing) { if (listing.bundles.length) { start(listing.bundles); } else { showFinder(); } })
    .catch(showFinder);
})();
