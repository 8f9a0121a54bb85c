// kbgen serve: reload this page after each good rebuild; show a failed build's problems.
(function () {
  "use strict";
  var me = document.currentScript;
  var built = me ? parseInt(me.getAttribute("data-build"), 10) : NaN;  // the build this page is from
  var overlay = null, text = null, source = null, shownAt = -1, hiddenAt = -1;

  function show(state) {
    var lines = state.errors.join("\n");
    var list = document.getElementById("kbgen-serve-errors");  // the page shown while there is no site
    if (list) { list.textContent = lines; return; }
    shownAt = state.attempts;
    if (shownAt === hiddenAt) return;
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "kbgen-serve-overlay";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;  // set through the CSSOM, which style-src 'self' allows (a style attribute it would not)
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "2147483647";
      s.maxHeight = "60vh"; s.overflow = "auto"; s.boxSizing = "border-box"; s.padding = "1em";
      s.background = "#fff4f4"; s.color = "#5c0000"; s.borderTop = "4px solid #c00000";
      s.font = "14px/1.4 system-ui, sans-serif"; s.textAlign = "left";
      var title = document.createElement("p");
      title.style.margin = "0 0 0.5em"; title.style.fontWeight = "bold";
      title.textContent = "kbgen: the build failed. This page is from the last good build; it reloads once the problems are fixed.";
      var close = document.createElement("button");
      close.type = "button"; close.textContent = "Hide"; close.style.cssFloat = "right";
      close.addEventListener("click", function () { hiddenAt = shownAt; hide(); });
      text = document.createElement("pre");
      text.style.margin = "0"; text.style.whiteSpace = "pre-wrap"; text.style.font = "13px/1.4 monospace";
      overlay.appendChild(close); overlay.appendChild(title); overlay.appendChild(text);
      document.body.appendChild(overlay);
    }
    text.textContent = lines;
  }

  function hide() {
    if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; text = null; }
  }

  function update(state) {
    if (isNaN(built)) built = state.build;
    if (state.ok && state.build > built) { location.reload(); return; }
    if (state.ok) hide(); else show(state);
  }

  function connect() {
    if (source || document.hidden) return;
    source = new EventSource("/__kbgen/events");
    source.onmessage = function (event) { update(JSON.parse(event.data)); };
  }

  function disconnect() {  // hidden tabs let go of their connection: browsers allow few per server
    if (source) { source.close(); source = null; }
  }

  if (window.EventSource) {
    document.addEventListener("visibilitychange", function () { if (document.hidden) disconnect(); else connect(); });
    connect();
  } else {
    setInterval(function () {
      fetch("/__kbgen/status", {cache: "no-store"}).then(function (r) { return r.json(); }).then(update, function () {});
    }, 1000);
  }
})();
