/* Summit records: reader controls, term popovers, filters. The pages read without this file. */
(function () {
  "use strict";
  var root = document.documentElement;

  function remember(name, value) {
    try { localStorage.setItem("ss-" + name, value); } catch (e) { /* private mode: not remembered */ }
  }

  /* ---------- Reader controls: English, furigana, glossary marks (<html data-en / -furigana / -marks>) ---------- */
  var hasEnglish = document.querySelector(".ss-pair .ss-en, .ss-h-en") !== null;
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
    if (name === "marks" && !document.querySelector(".ss-term")) { button.hidden = true; return; }
    function sync() { button.setAttribute("aria-pressed", root.getAttribute("data-" + name) === "1" ? "true" : "false"); }
    sync();
    button.addEventListener("click", function () {
      var value = root.getAttribute("data-" + name) === "1" ? "0" : "1";
      root.setAttribute("data-" + name, value);
      remember(name, value);
      sync();
      if (name === "marks" && value === "0") hide();
    });
  });

  /* ---------- Term popovers ----------
     One element, role="tooltip", described by the open term (aria-describedby). It opens on hover, on
     focus and on a tap (a second tap follows the link to the glossary), and closes on Escape, on leaving
     the term, or on a tap elsewhere. It stands below the term's line (above it when there is no room
     below), never over the line being read, and is kept inside the screen. */
  var popover = null, openTerm = null, hideTimer = null;
  // What the last press was made with, and whether it landed on the term already open: a tap focuses the
  // term (which opens it) before its click arrives, so the click must know what was open at the press.
  var pointer = "mouse", pressedOpen = false;

  function element() {
    if (!popover) {
      popover = document.createElement("div");
      popover.id = "ss-popover";
      popover.className = "ss-popover";
      popover.setAttribute("role", "tooltip");
      popover.hidden = true;
      document.body.appendChild(popover);
    }
    return popover;
  }
  function part(cls, lang, text) {
    var span = document.createElement("span");
    span.className = cls;
    span.lang = lang;
    span.textContent = text;
    return span;
  }
  function show(term) {
    if (root.getAttribute("data-marks") === "0") return;
    clearTimeout(hideTimer);
    if (openTerm && openTerm !== term) openTerm.removeAttribute("aria-describedby");
    var pop = element(), form = term.textContent, reading = term.getAttribute("data-r");
    pop.textContent = "";
    pop.appendChild(part("ss-popover__form", "ja", form));
    if (reading && reading !== form) pop.appendChild(part("ss-popover__reading", "ja", reading));
    if (root.getAttribute("data-en") !== "0" || !term.getAttribute("data-note")) {
      pop.appendChild(part("ss-popover__en", "en", term.getAttribute("data-en") || ""));
    }
    if (term.getAttribute("data-note")) pop.appendChild(part("ss-popover__note", "ja", term.getAttribute("data-note")));
    pop.hidden = false;
    term.setAttribute("aria-describedby", pop.id);
    openTerm = term;
    place(term, pop);
  }
  function place(term, pop) {
    var rects = term.getClientRects(), rect = rects[rects.length - 1] || term.getBoundingClientRect();
    var margin = 8, gap = 6, width = pop.offsetWidth, height = pop.offsetHeight;
    var viewport = document.documentElement.clientWidth;
    var left = Math.min(Math.max(rect.left, margin), viewport - width - margin);
    var top = rect.bottom + gap;
    if (top + height > window.innerHeight - margin && rects[0].top - gap - height > margin) {
      top = rects[0].top - gap - height;  // no room below the line: above it
    }
    pop.style.left = Math.max(margin, left) + window.scrollX + "px";
    pop.style.top = top + window.scrollY + "px";
  }
  function hide() {
    if (popover) popover.hidden = true;
    if (openTerm) openTerm.removeAttribute("aria-describedby");
    openTerm = null;
  }
  function termOf(target) { return target && target.closest ? target.closest("a.ss-term") : null; }

  document.addEventListener("mouseover", function (event) {
    var term = termOf(event.target);
    if (term && pointer === "mouse") show(term);
  });
  document.addEventListener("mouseout", function (event) {
    var term = termOf(event.target);
    if (term && term === openTerm && !term.contains(event.relatedTarget) && document.activeElement !== term) {
      hideTimer = setTimeout(hide, 120);
    }
  });
  document.addEventListener("focusin", function (event) {
    var term = termOf(event.target);
    if (term) show(term); else if (openTerm) hide();
  });
  document.addEventListener("focusout", function (event) {
    if (termOf(event.target) === openTerm && !termOf(event.relatedTarget)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && openTerm) { hide(); }
  });
  // A tap: the first on a term shows its popover, a second follows its link; a tap elsewhere closes it.
  document.addEventListener("pointerdown", function (event) {
    pointer = event.pointerType || "mouse";
    pressedOpen = termOf(event.target) === openTerm && openTerm !== null;
  }, true);
  document.addEventListener("click", function (event) {
    var term = termOf(event.target);
    if (!term) { if (openTerm) hide(); return; }
    if (event.detail === 0 || pointer === "mouse") return;  // a key or a mouse follows the link
    if (!pressedOpen) { event.preventDefault(); show(term); }
  });
  window.addEventListener("resize", function () { if (openTerm) place(openTerm, popover); });

  /* One tab stop per passage among its terms: Tab reaches the passage's first term, the arrow keys move
     to the others (the generator makes every term tabindex="-1"). */
  var GROUP = ".ss-passage, .ss-lead, .ss-topic-lead, .ss-closing";
  function termsOf(group) {
    return Array.prototype.filter.call(group.querySelectorAll("a.ss-term"), function (t) {
      return t.closest(GROUP) === group;
    });
  }
  document.querySelectorAll(GROUP).forEach(function (group) {
    var terms = termsOf(group);
    if (terms.length) terms[0].setAttribute("tabindex", "0");
  });
  document.addEventListener("keydown", function (event) {
    var term = termOf(event.target), group = term && term.closest(GROUP);
    if (!group) return;
    var step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    var terms = termsOf(group), at = terms.indexOf(term);
    var next = event.key === "Home" ? 0 : event.key === "End" ? terms.length - 1 : step ? at + step : -1;
    if (next < 0 || next >= terms.length || next === at) return;
    event.preventDefault();
    term.setAttribute("tabindex", "-1");
    terms[next].setAttribute("tabindex", "0");
    terms[next].focus();
  });

  /* ---------- A record's menu on a phone opens at the page being read ---------- */
  var drawer = document.getElementById("__drawer");
  var current = document.querySelector(".ss-record-nav [aria-current='page']");
  if (drawer && current) {
    drawer.addEventListener("change", function () {
      if (drawer.checked) current.scrollIntoView({ block: "nearest" });
    });
  }

  /* ---------- Home: filter the record list without a server (a long list only) ---------- */
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

  /* ---------- Timeline: filter events by kind; without JavaScript every event is listed ---------- */
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
