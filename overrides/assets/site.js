/* Summit records: reader controls, tap-to-gloss, filters. The pages work without this file. */
(function () {
  "use strict";
  var root = document.documentElement;

  function remember(name, value) {
    try { localStorage.setItem("ss-" + name, value); } catch (e) { /* private mode: not remembered */ }
  }

  // English and furigana toggles: state lives on <html data-en / data-furigana>.
  var hasEnglish = document.querySelector(".ss-en") !== null;
  var noEnglish = document.querySelector('[data-ss-english="none"]');
  document.querySelectorAll("[data-ss-toggle]").forEach(function (button) {
    var name = button.getAttribute("data-ss-toggle");
    if (name === "en" && noEnglish) {
      // A record not translated yet: the control stays, and says so.
      button.setAttribute("aria-disabled", "true");
      button.removeAttribute("aria-pressed");
      button.classList.add("ss-toggle--none");
      button.title = "英訳はまだありません / No English translation of this record yet";
      button.setAttribute("aria-label", button.title);
      return;
    }
    if (name === "en" && !hasEnglish) { button.hidden = true; return; }
    function sync() { button.setAttribute("aria-pressed", root.getAttribute("data-" + name) === "1" ? "true" : "false"); }
    sync();
    button.addEventListener("click", function () {
      var value = root.getAttribute("data-" + name) === "1" ? "0" : "1";
      root.setAttribute("data-" + name, value);
      remember(name, value);
      sync();
    });
  });

  // Touch: the first tap on a term shows its gloss, a second tap follows the link.
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest(".ss-term");
    document.querySelectorAll(".ss-term.ss-open").forEach(function (open) { if (open !== term) open.classList.remove("ss-open"); });
    if (!term || !window.matchMedia("(hover: none)").matches) return;
    if (!term.classList.contains("ss-open")) { event.preventDefault(); term.classList.add("ss-open"); term.focus(); }
  });

  // Home: filter the record list without a server.
  var filter = document.getElementById("ss-record-filter");
  if (filter) {
    var box = filter.closest(".ss-filter"), status = document.getElementById("ss-filter-status");
    var rows = Array.prototype.slice.call(document.querySelectorAll(".ss-record"));
    box.hidden = false;
    filter.addEventListener("input", function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean), shown = 0;
      rows.forEach(function (row) {
        var text = row.getAttribute("data-filter");
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = shown + " / " + rows.length;
    });
  }

  // Timeline: filter events by kind; without JavaScript every event is listed.
  var kinds = document.querySelector(".ss-kinds");
  if (kinds) {
    kinds.hidden = false;
    kinds.addEventListener("change", function () {
      var on = {};
      kinds.querySelectorAll("input").forEach(function (box) { on[box.value] = box.checked; });
      document.querySelectorAll(".ss-event").forEach(function (event) { event.hidden = !on[event.getAttribute("data-kind")]; });
    });
  }
})();
