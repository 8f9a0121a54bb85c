// The entity index's letter pages: a field filtering the names on the page as the reader types.
// Without JavaScript the field stays hidden and the letters and types are plain links.
(function () {
  "use strict";
  var field = document.getElementById("name-filter");
  var status = document.getElementById("name-filter-none");
  if (!field) { return; }
  var items = Array.prototype.slice.call(document.querySelectorAll("ul.filed li"));

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  var names = items.map(function (item) { return fold(item.querySelector("a").textContent); });
  field.parentNode.hidden = false;
  field.addEventListener("input", function () {
    var query = fold(field.value.trim());
    var shown = 0;
    items.forEach(function (item, i) {
      item.hidden = names[i].indexOf(query) === -1;
      shown += item.hidden ? 0 : 1;
    });
    status.textContent = shown ? "" : field.getAttribute("data-none");
  });
})();
