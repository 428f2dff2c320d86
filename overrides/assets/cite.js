/* Summit records: copy a passage's link with one click, and cite it (Japanese, Chicago, APA, BibTeX).
   Without JavaScript the permalinks are ordinary links and the cite buttons are hidden. The record's
   data comes from <script id="ss-cite-data"> (scripts/mkdocs_hooks.py); text is only ever set with
   textContent and value, never parsed as HTML. */
(function () {
  "use strict";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  var STYLES = [
    { id: "ja", ja: "日本語", en: "Japanese" },
    { id: "chicago", ja: "シカゴ", en: "Chicago" },
    { id: "apa", ja: "APA", en: "APA" },
    { id: "bibtex", ja: "BibTeX", en: "BibTeX" }
  ];
  var source = document.getElementById("ss-cite-data");
  var data = {};
  try { data = source ? JSON.parse(source.textContent) : {}; } catch (e) { data = {}; }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs.text;
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }
  function bilingual(ja, en) {
    return [el("span", { lang: "ja", text: ja }), document.createTextNode(" "), el("span", { lang: "en", text: en })];
  }

  // One polite live region for the whole page: "Copied" is announced without moving focus.
  var status = el("div", { "class": "ss-visually-hidden", role: "status", "aria-live": "polite", id: "ss-cite-status" });
  document.body.appendChild(status);
  function announce(text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 60);
  }

  function pageUrl() { return location.href.split("#")[0].split("?")[0]; }
  function passageUrl(id) { return pageUrl() + "#" + id; }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = el("textarea", { readonly: "", "aria-hidden": "true", "class": "ss-visually-hidden" });
      area.value = text;
      var active = document.activeElement;
      (document.querySelector("dialog[open]") || document.body).appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (active && active.focus) active.focus();
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  // Visible "Copied" next to what was copied, for a couple of seconds.
  function flag(after, ok) {
    var old = after.parentNode.querySelector(".ss-copied");
    if (old) old.remove();
    var badge = el("span", { "class": "ss-copied" + (ok ? "" : " ss-copied--failed"), "aria-hidden": "true" },
      ok ? bilingual("コピーしました", "Copied") : bilingual("コピーできませんでした", "Copy failed"));
    after.insertAdjacentElement("afterend", badge);
    window.setTimeout(function () { badge.remove(); }, 2500);
    announce(ok ? "コピーしました Copied" : "コピーできませんでした Copy failed");
  }

  // Permalinks: one click (or Enter) follows the link, which highlights the passage, and copies its URL.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.ss-permalink");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var hash = link.getAttribute("href") || "";
    if (hash.charAt(0) !== "#") return;
    var url = passageUrl(hash.slice(1));
    link.setAttribute("data-copied", "");
    copyText(url).then(function () { flag(link, true); }, function () { flag(link, false); });
  });
  document.querySelectorAll(".ss-passage__bar a.ss-permalink").forEach(function (link) {
    link.title = "Copy the link to this passage / この段落へのリンクをコピー";
  });

  // --- Citations ------------------------------------------------------------------------------
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return { iso: d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()),
      ja: d.getFullYear() + "年" + (d.getMonth() + 1) + "月" + d.getDate() + "日",
      en: MONTHS[d.getMonth()] + " " + d.getDate() + ", " + d.getFullYear() };
  }
  function parseDate(iso) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso || "");
    if (!m) return null;
    return { year: m[1], month: m[2] ? MONTHS[parseInt(m[2], 10) - 1] : null, day: m[3] ? parseInt(m[3], 10) : null };
  }
  function bib(text) {
    return String(text).replace(/[\\{}&%$#_~^]/g, function (c) {
      return { "\\": "\\textbackslash{}", "~": "\\textasciitilde{}", "^": "\\textasciicircum{}" }[c] || "\\" + c;
    });
  }

  function citations(id, label) {
    var when = today(), date = parseDate(data.date);
    var pubJa = data.publisher || "外務省";
    var pubEn = data.publisher_en || (pubJa === "外務省" ? "Ministry of Foreign Affairs of Japan" : pubJa);
    var title = data.title || document.title, titleEn = data.title_en;
    var src = data.source_url || "", here = passageUrl(id);
    var site = data.site_name || location.host;
    var era = data.era_date || data.date || "";
    var enDate = !date ? "n.d." : date.day ? date.month + " " + date.day + ", " + date.year
      : date.month ? date.month + " " + date.year : date.year;
    var apaDate = !date ? "n.d." : date.year + (date.month ? ", " + date.month + (date.day ? " " + date.day : "") : "");
    var out = {};
    out.ja = pubJa + "「" + title + "」" + era + ", " + label + ", " + (src ? src + "（" : "") +
      site + ": " + here + (src ? "）" : "") + ", " + when.ja + "閲覧";
    out.chicago = pubEn + (pubEn !== pubJa ? " (" + pubJa + ")" : "") + ". “" + title + "”" +
      (titleEn ? " [" + titleEn + "]" : "") + ". " + enDate + (era && era !== data.date ? " (" + era + ")" : "") +
      ", " + label + ". Accessed " + when.en + ". " + (src ? src + ". " : "") + "Passage in " + site + ": " + here + ".";
    out.apa = pubEn + ". (" + apaDate + "). " + title + (titleEn ? " [" + titleEn + "]" : "") + ", " + label +
      ". Retrieved " + when.en + ", from " + (src || here) + (src ? " (passage: " + here + ")" : "");
    var key = ("mofa-" + (data.record || "record") + "-" + id).replace(/[^A-Za-z0-9:_-]/g, "-");
    var fields = [
      ["author", "{" + bib(pubJa + (pubEn !== pubJa ? " (" + pubEn + ")" : "")) + "}"],
      ["title", "{" + bib(title) + "}"]
    ];
    if (titleEn) fields.push(["titleaddon", bib(titleEn)]);
    if (data.date) fields.push(["date", data.date]);
    if (date) fields.push(["year", date.year]);
    fields.push(["note", bib(era + ", " + label + ". " + site + ": ") + "\\url{" + here.replace(/([#%])/g, "\\$1") + "}"]);
    if (src) fields.push(["url", src]);
    fields.push(["urldate", when.iso], ["langid", "japanese"]);
    out.bibtex = "@misc{" + key + ",\n" + fields.map(function (f) {
      return "  " + (f[0] + "          ").slice(0, 10) + " = {" + f[1] + "}";
    }).join(",\n") + "\n}";
    return out;
  }

  var dialog = null, opener = null, current = null;
  function preferredStyle() {
    try { var s = localStorage.getItem("ss-cite-style"); if (s && STYLES.some(function (x) { return x.id === s; })) return s; } catch (e) {}
    return "ja";
  }

  function build() {
    var heading = el("h2", { id: "ss-cite-heading" }, bilingual("この段落を引用", "Cite this passage"));
    var close = el("button", { type: "button", "class": "ss-cite-close", "aria-label": "閉じる Close", title: "閉じる Close (Esc)" },
      [el("span", { "aria-hidden": "true", text: "×" })]);
    var which = el("p", { "class": "ss-cite-which", id: "ss-cite-which" });
    var legend = el("legend", {}, bilingual("書式", "Style"));
    var group = el("fieldset", { "class": "ss-cite-styles" }, [legend]);
    STYLES.forEach(function (style) {
      var input = el("input", { type: "radio", name: "ss-cite-style", value: style.id, id: "ss-cite-style-" + style.id });
      var text = style.ja === style.en ? [el("span", { lang: "en", text: style.en })] : bilingual(style.ja, style.en);
      group.appendChild(el("label", { "for": input.id, "class": "ss-cite-style" },
        [input, el("span", { "class": "ss-cite-style__text" }, text)]));
    });
    var area = el("textarea", { id: "ss-cite-text", "class": "ss-cite-text", readonly: "", rows: "3", spellcheck: "false" });
    var areaLabel = el("label", { "for": "ss-cite-text", "class": "ss-cite-label" }, bilingual("引用文", "Citation"));
    var copy = el("button", { type: "button", "class": "ss-cite-copy md-button md-button--primary" }, bilingual("コピー", "Copy"));
    var note = el("p", { "class": "ss-cite-note" });
    dialog = el("dialog", { "class": "ss-cite-dialog", "aria-labelledby": "ss-cite-heading", "aria-describedby": "ss-cite-which" }, [
      el("div", { "class": "ss-cite-dialog__head" }, [heading, close]), which, group, areaLabel, area,
      el("div", { "class": "ss-cite-actions" }, [copy]), note
    ]);
    document.body.appendChild(dialog);

    function show(styleId) {
      area.value = current.texts[styleId];
      area.setAttribute("lang", styleId === "ja" ? "ja" : "en");
      area.setAttribute("data-style", styleId);
      fit();
    }
    // The box grows to its text (BibTeX is a dozen lines), up to a max-height set in cite.css.
    function fit() {
      area.style.height = "auto";
      if (area.scrollHeight) area.style.height = (area.scrollHeight + 2) + "px";
    }
    dialog.ssFit = fit;
    group.addEventListener("change", function (event) {
      if (event.target.name !== "ss-cite-style") return;
      try { localStorage.setItem("ss-cite-style", event.target.value); } catch (e) {}
      show(event.target.value);
    });
    area.addEventListener("focus", function () { area.select(); });
    copy.addEventListener("click", function () {
      copyText(area.value).then(function () { flag(copy, true); }, function () { flag(copy, false); });
    });
    close.addEventListener("click", function () { dialog.close(); });
    // A click on the backdrop (outside the box) closes, as Escape does.
    dialog.addEventListener("click", function (event) {
      if (event.target !== dialog) return;
      var r = dialog.getBoundingClientRect();
      if (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom) dialog.close();
    });
    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("ss-cite-is-open");
      if (opener && opener.focus) opener.focus();
    });
    dialog.ssShow = function (id, label) {
      current = { id: id, texts: citations(id, label) };
      which.textContent = "";
      which.appendChild(el("span", { lang: "ja", text: (data.publisher || "") + (data.title ? "「" + data.title + "」" : "") +
        (data.era_date || data.date || "") + "　" + label }));
      note.textContent = "";
      note.appendChild(el("span", { lang: "ja", text: "閲覧日は今日の日付です。" }));
      note.appendChild(document.createTextNode(" "));
      note.appendChild(el("span", { lang: "en", text: "The access date is today's date." }));
      var style = preferredStyle();
      group.querySelector("#ss-cite-style-" + style).checked = true;
      show(style);
    };
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-ss-cite]");
    if (!button) return;
    var passage = button.closest(".ss-passage");
    var id = button.getAttribute("data-ss-cite");
    if (!dialog) build();
    opener = button;
    dialog.ssShow(id, passage ? passage.getAttribute("data-passage") || id : id);
    document.documentElement.classList.add("ss-cite-is-open");
    dialog.showModal();
    dialog.ssFit();
    var checked = dialog.querySelector("input[name=ss-cite-style]:checked");
    if (checked) checked.focus();
  });
})();
