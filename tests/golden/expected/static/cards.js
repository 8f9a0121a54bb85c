// An article's entity links show a small card (type, a line, number of articles) on hover or
// keyboard focus. The cards are in the page (<template id="entity-cards">): none loads a page.
// Dismissed with Escape; stays while the pointer is over it (WCAG 1.4.13).
(function () {
  "use strict";
  var source = document.getElementById("entity-cards");
  if (!source) return;
  var cards = {};
  source.content.querySelectorAll(".entity-card").forEach(function (card) {
    cards[card.getAttribute("data-href")] = card;
  });
  var popup = document.createElement("div");
  popup.id = "entity-card";
  popup.className = "entity-card-popup";
  popup.setAttribute("role", "tooltip");
  popup.hidden = true;
  document.body.appendChild(popup);
  var current = null;
  var timer = 0;

  function show(link) {
    clearTimeout(timer);
    if (current === link && !popup.hidden) return;
    hideNow();
    popup.replaceChildren(cards[link.getAttribute("href")].cloneNode(true));
    popup.hidden = false;
    var box = link.getBoundingClientRect();
    var room = document.documentElement.clientWidth - popup.offsetWidth - 8;
    // Set through the CSSOM, which the site's Content-Security-Policy allows (style attributes it does not).
    popup.style.left = Math.max(8, Math.min(box.left, room)) + window.scrollX + "px";
    popup.style.top = box.bottom + window.scrollY + 6 + "px";
    link.setAttribute("aria-describedby", popup.id);
    current = link;
  }

  function hideNow() {
    clearTimeout(timer);
    popup.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function hideSoon() {
    clearTimeout(timer);
    timer = setTimeout(hideNow, 300);
  }

  document.querySelectorAll("main a[href]").forEach(function (link) {
    if (!cards[link.getAttribute("href")]) return;
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("mouseleave", hideSoon);
    link.addEventListener("blur", hideNow);
  });
  popup.addEventListener("mouseenter", function () { clearTimeout(timer); });
  popup.addEventListener("mouseleave", hideSoon);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hideNow();
  });
})();
