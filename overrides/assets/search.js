/* Summit records: site search. Pagefind's index (built by scripts/summitsite/search_index.py) behind Material's search
 * box (overrides/partials/search.html).
 *
 * - Opens from the header field or button, with "/", "s" or "f" anywhere (as in Material), and from a
 *   link: ?q=words on any page. Escape closes; ArrowDown/ArrowUp move through the results
 *   (aria-activedescendant: focus stays in the field); Enter follows the active result, or the first.
 * - The query is normalised, never the record. Each word is tried in the forms a reader's keyboard or
 *   IME may not give: NFKC (ＩＴＥＲ → ITER, ｲﾗｸ → イラク, full-width space), hiragana ↔ katakana
 *   (くるみ → クルミ), ケ/ヶ/ヵ/か/が between kanji or digits (六ケ所村 → 六ヶ所村), 日ロ ↔ 日露, ヴァ ↔ バ, no
 *   middle dot inside katakana names, English singular/plural (Pagefind matches word prefixes, so the
 *   stem "fisher" finds fishery and fisheries; diacritics it folds itself: Kodayu finds Kōdayū),
 *   full-width Latin and digits for records that write them so, and English names from the glossary
 *   (DPRK → 北朝鮮). Every word must match; a word's forms are alternatives.
 * - Pagefind ranks the pages. It is lenient where a record site must not be: a word it cannot find is
 *   dropped from the query, and a Japanese word it cannot find whole is matched by its pieces. So each
 *   candidate is checked, best first, before it is shown: every word of the query (in one of its forms)
 *   must be in the page, and on the glossary and the timeline, which are lists of separate entries,
 *   in one entry. Checks compare folded text (foldMap), which also places the highlights.
 * - A result is a page, linking to the passage where the words are (…/#s6-2), with a snippet of the
 *   passage's own text, matches marked, and up to three more matching passages of the page under it.
 * - Pagefind (pagefind.js, its WebAssembly, the index chunks for the words typed, then one fragment per
 *   result checked) is fetched only when search is first opened.
 */
(function () {
  "use strict";
  var box = document.querySelector("[data-ss-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector("[data-ss-search-input]");
  var form = input.form;
  var list = box.querySelector(".md-search-result__list");
  var meta = box.querySelector(".md-search-result__meta");
  var results = box.querySelector("[data-search-results]");
  var more = box.querySelector("[data-ss-search-more]");
  var opener = document.querySelector("[data-ss-search-open]");
  var indexUrl = new URL(box.getAttribute("data-ss-index"), location.href);
  var siteRoot = new URL("../", indexUrl).pathname;

  var PAGE_SIZE = 10;          // results per page of the list (the benchmark reads the first 10)
  var CHECK_PER_PAGE = 30;     // candidates checked at most for one page of results
  var MAX_VARIANTS = 24;       // alternative queries at most
  var MORE_PASSAGES = 3;       // further passages listed under a result
  var SNIPPET_BEFORE = 28, SNIPPET_LENGTH = 110;  // characters

  /* ---------- Pagefind, loaded on demand ---------- */
  var engine = null, extras = null;
  function loadEngine() {
    if (!engine) {
      engine = import(new URL("pagefind.js", indexUrl).href).then(function (pagefind) {
        return pagefind.options({ baseUrl: siteRoot }).then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }
  function loadExtras() {
    if (!extras) {
      extras = fetch(new URL("ss-search.json", indexUrl).href)
        .then(function (r) { return r.ok ? r.json() : { names: {} }; })
        .catch(function () { return { names: {} }; });
    }
    return extras;
  }

  /* ---------- Text: folding, with a map back to the original ---------- */
  var KANJI = "\\u3005\\u3007\\u4e00-\\u9fff\\uf900-\\ufaff";
  var KATA = "\\u30a1-\\u30fa\\u30fc";
  var HIRA = "\\u3041-\\u3096";
  var reKanji = new RegExp("[" + KANJI + "]");
  var reKanjiOrDigit = new RegExp("[" + KANJI + "0-9]");
  var reKata = new RegExp("[" + KATA + "]");
  var reAllKata = new RegExp("^[" + KATA + "\\u30fb]+$");
  var reLatin = /[A-Za-z]/;
  var VU = [["ヴァ", "バ"], ["ヴィ", "ビ"], ["ヴェ", "ベ"], ["ヴォ", "ボ"], ["ヴ", "ブ"]];
  var VU_NEXT = { "ァ": "バ", "ィ": "ビ", "ェ": "ベ", "ォ": "ボ" };

  function nfkc(text) { return (text || "").normalize("NFKC"); }
  function toKatakana(text) {
    return text.replace(/[\u3041-\u3096]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + 0x60); });
  }
  function toHiragana(text) {
    return text.replace(/[\u30a1-\u30f6]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x60); });
  }
  function foldChar(ch) {
    var out = ch.normalize("NFKC").normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC").toLowerCase();
    return toKatakana(out).replace(/[ヶヵ]/g, "ケ").replace(/露/g, "ロ");
  }
  /* Text as searched and compared: NFKC, lower case, no Latin diacritics, hiragana as katakana, ヶ/ヵ as
     ケ, ヴァ as バ, 露 as ロ, no middle dot inside katakana, no Pagefind word breaks (U+200B).
     map[k] is the index in ``text`` of the character that gave folded character k. */
  function foldMap(text) {
    var out = "", map = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i)), used = ch.length, piece;
      var next = text.charAt(i + used);
      if (ch === "\u200b") piece = "";
      else if (ch === "ヴ" && VU_NEXT[next]) { piece = VU_NEXT[next]; used += 1; }
      else if (ch === "ヴ") piece = "ブ";
      else if (ch === "・" && reKata.test(text.charAt(i - 1)) && reKata.test(next)) piece = "";
      else piece = foldChar(ch);
      if (/^[\u3099\u309a]$/.test(piece) && out) {  // half-width ﾞ/ﾟ: voice the kana before
        var voiced = (out.slice(-1) + piece).normalize("NFC");
        if (voiced.length === 1) { out = out.slice(0, -1) + voiced; i += used; continue; }
      }
      for (var k = 0; k < piece.length; k++) map.push(i);
      out += piece;
      i += used;
    }
    return { text: out, map: map };
  }
  function fold(text) { return foldMap(text).text; }

  /* Where ``word`` (folded) occurs in folded text: [start, end) pairs. A Latin word matches at the
     start of a word (Pagefind's prefix matching); anything else anywhere. */
  function occurrences(text, word) {
    var found = [], at = 0;
    var latin = /^[a-z0-9]+$/.test(word);
    while (word && (at = text.indexOf(word, at)) !== -1) {
      if (!latin || at === 0 || !/[a-z0-9]/.test(text.charAt(at - 1))) found.push([at, at + word.length]);
      at += word.length;
    }
    return found;
  }
  function has(text, word) { return occurrences(text, word).length > 0; }
  /* The share of a query's words (in its best-matching form) that a text holds. */
  function coverage(text, required) {
    return required.reduce(function (best, words) {
      var n = words.filter(function (w) { return has(text, w); }).length;
      return Math.max(best, words.length ? n / words.length : 0);
    }, 0);
  }

  /* ---------- Query forms ---------- */
  /* Hiragana runs that are words (not okurigana or particles after a kanji) written in katakana. */
  function hiraganaAsKatakana(word) {
    return word.replace(new RegExp("[" + HIRA + "\\u30fc]+", "g"), function (run, at) {
      var before = word.charAt(at - 1);
      if (before && reKanji.test(before) && run.length <= 2) return run;
      return toKatakana(run);
    });
  }
  function katakanaAsHiragana(word) {
    return word.replace(new RegExp("[" + KATA + "]+", "g"), toHiragana);
  }
  function vuForms(word) {
    if (!reAllKata.test(word)) return [];
    var plain = word, vu = word;
    VU.forEach(function (pair) { plain = plain.split(pair[0]).join(pair[1]); });
    VU.slice(0, 4).forEach(function (pair) { vu = vu.split(pair[1]).join(pair[0]); });
    return [plain, vu];
  }
  /* ケ and its look-alikes as a counter or in place names: 六ヶ所村, 3ヶ月, 霞ケ関. */
  function keForms(word) {
    var out = [], re = /[ヶケヵカかが]/g, m;
    while ((m = re.exec(word))) {
      var before = word.charAt(m.index - 1), after = word.charAt(m.index + 1);
      if (!before || !after || !reKanjiOrDigit.test(before) || !reKanjiOrDigit.test(after)) continue;
      for (var c of "ヶケヵかが") if (c !== m[0]) out.push(word.slice(0, m.index) + c + word.slice(m.index + 1));
    }
    return out;
  }
  /* 露 and ロ both abbreviate Russia in compounds: 日露/日ロ, 訪露/訪ロ. */
  function roForms(word) {
    var out = [];
    var swapped = word.replace(/露/g, "ロ");
    if (swapped !== word) out.push(swapped);
    var back = word.replace(/ロ/g, function (c, at) {
      return reKata.test(word.charAt(at - 1)) || reKata.test(word.charAt(at + 1)) ? c : "露";
    });
    if (back !== word) out.push(back);
    return out;
  }
  /* English singular and plural share a stem that Pagefind's prefix matching extends to both. */
  function englishStem(word) {
    if (!/^[a-z]+$/.test(word) || word.length < 4) return null;
    if (/ies$/.test(word)) return word.slice(0, -3);
    if (/(ss|us|is)$/.test(word)) return null;
    if (/(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
    if (/s$/.test(word)) return word.slice(0, -1);
    if (/y$/.test(word) && word.length > 4) return word.slice(0, -1);
    return null;
  }
  function fullWidth(word) {
    return word.replace(/[!-~]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) + 0xfee0); });
  }
  function foldLatin(text) {
    return nfkc(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  /* The forms of one typed word to look up, best first. */
  function wordForms(raw) {
    var word = nfkc(raw), forms = [];
    function add(form) { if (form && forms.indexOf(form) === -1) forms.push(form); }
    if (reLatin.test(word) && !/[^\x00-\x7f]/.test(word)) {
      var lower = word.toLowerCase();
      add(lower);
      if (!(word === word.toUpperCase() && word.length <= 6)) add(englishStem(lower));  // not acronyms
      add(fullWidth(lower));
      return forms;
    }
    add(word);
    add(word.replace(new RegExp("([" + KATA + "])\\u30fb(?=[" + KATA + "])", "g"), "$1"));
    forms.slice().forEach(function (w) {
      add(hiraganaAsKatakana(w));
      add(katakanaAsHiragana(w));
      keForms(w).forEach(add);
      roForms(w).forEach(add);
      vuForms(w).forEach(add);
      if (/[0-9]/.test(w)) add(fullWidth(w));
    });
    return forms;
  }
  /* Alternative whole queries: combinations of word forms, fewest substitutions first; then the
     glossary's Japanese for an English name. Each with the folded words a match must hold. */
  function queryVariants(query, names) {
    var words = nfkc(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var combos = [{ words: [], cost: 0 }];
    words.map(wordForms).forEach(function (options) {
      var next = [];
      combos.forEach(function (combo) {
        options.forEach(function (form, k) { next.push({ words: combo.words.concat(form), cost: combo.cost + (k ? 1 : 0) }); });
      });
      next.sort(function (a, b) { return a.cost - b.cost; });
      combos = next.slice(0, MAX_VARIANTS);
    });
    var variants = combos.map(function (c) { return { words: c.words, weight: c.cost ? 0.95 : 1 }; });
    var key = foldLatin(query);
    if (names && key && names[key]) names[key].forEach(function (form) { variants.push({ words: [form], weight: 0.9 }); });
    variants.forEach(function (v) {
      v.term = v.words.join(" ");
      v.required = v.words.map(fold).filter(Boolean);
    });
    return variants;
  }

  /* ---------- Searching and checking ---------- */
  var current = 0;
  var reCjkWord = new RegExp("[" + KANJI + KATA + HIRA + "]");
  function search(query) {
    var id = ++current;
    var latin = reLatin.test(nfkc(query));
    return Promise.all([loadEngine(), latin ? loadExtras() : null]).then(function (loaded) {
      var pagefind = loaded[0], names = loaded[1] && loaded[1].names;
      var variants = queryVariants(query, names);
      // Japanese words are also looked up as exact phrases: Pagefind's pieces of a compound must then
      // be adjacent, so pages that hold the compound itself are checked first.
      var phrases = [];
      variants.forEach(function (v) {
        v.words.forEach(function (w) { if (w.length > 1 && reCjkWord.test(w) && phrases.indexOf(w) === -1) phrases.push(w); });
      });
      var lookups = variants.map(function (v) { return pagefind.search(v.term); })
        .concat(phrases.map(function (w) { return pagefind.search("\"" + w + "\""); }));
      return Promise.all(lookups).then(function (answers) {
        if (id !== current) return null;
        var exact = {};
        phrases.forEach(function (w, k) {
          exact[w] = new Set(((answers[variants.length + k] || {}).results || []).map(function (r) { return r.id; }));
        });
        var byPage = new Map();
        variants.forEach(function (variant, k) {
          ((answers[k] && answers[k].results) || []).forEach(function (result) {
            var phrased = variant.words.every(function (w) { return !exact[w] || exact[w].has(result.id); });
            var score = result.score * variant.weight;
            var seen = byPage.get(result.id);
            if (!seen) byPage.set(result.id, seen = { result: result, score: score, phrased: phrased });
            if (score > seen.score) { seen.score = score; seen.result = result; }
            seen.phrased = seen.phrased || phrased;
          });
        });
        return {
          candidates: Array.from(byPage.values()).sort(function (a, b) {
            return (b.phrased - a.phrased) || b.score - a.score;
          }),
          required: variants.map(function (v) { return v.required; })
        };
      });
    });
  }

  function unescapeHtml(text) {
    return text.replace(/&(lt|gt|amp|quot|#39);/g, function (m, name) {
      return { lt: "<", gt: ">", amp: "&", quot: "\"", "#39": "'" }[name];
    });
  }
  function isHeadingAnchor(sub) { return !sub.anchor || /^h\d$/i.test(sub.anchor.element); }
  function satisfies(text, required) {
    return required.some(function (words) { return words.length && words.every(function (w) { return has(text, w); }); });
  }
  var ENTRY_PAGES = { glossary: true, timeline: true };
  /* A page as a result: its passages with the query's words, best first, or null when the page does
     not hold every word (topic and overview pages) or no entry holds them all (glossary, timeline). */
  function check(data, required) {
    // raw_content keeps Pagefind's word breaks (U+200B), which its locations count; content does not.
    var words = unescapeHtml(data.raw_content || data.content || "").split("\u200B");
    var entries = ENTRY_PAGES[data.meta && data.meta.kind];
    if (!entries && !satisfies(fold(words.join("")), required)) return null;
    var starts = (data.anchors || []).map(function (a) { return a.location; }).sort(function (a, b) { return a - b; });
    var passages = (data.sub_results || []).map(function (sub, order) {
      var begin = sub.anchor ? sub.anchor.location : 0;
      var end = starts.filter(function (l) { return l > begin; })[0];
      var text = words.slice(begin, end === undefined ? words.length : end).join("");
      var weight = (sub.weighted_locations || []).reduce(function (sum, l) { return sum + (l.balanced_score || 0); }, 0);
      return { url: sub.url, title: isHeadingAnchor(sub) ? null : sub.title, text: text,
               cover: coverage(fold(text), required), weight: weight, order: order };
    }).filter(function (p) { return entries ? p.cover === 1 && p.title : p.cover > 0; });
    if (!passages.length && entries) return null;
    // A passage rather than the page title when a passage holds as much of the query.
    passages.sort(function (a, b) {
      return b.cover - a.cover || (!a.title) - (!b.title) || b.weight - a.weight || a.order - b.order;
    });
    return { url: data.url, title: (data.meta && data.meta.title) || data.url, record: data.meta && data.meta.record,
             passages: passages, fallback: words.slice(0, 40).join("") };
  }

  /* The passage's own text around the first match, and where the query's words are in it. */
  function snippet(text, required) {
    var folded = foldMap(text), ranges = [];
    var best = required.reduce(function (a, b) {
      var hits = function (ws) { return ws.filter(function (w) { return has(folded.text, w); }).length; };
      return hits(b) > hits(a) ? b : a;
    }, required[0] || []);
    best.forEach(function (w) {
      occurrences(folded.text, w).forEach(function (o) {
        var start = folded.map[o[0]], end = text.length;
        for (var k = o[1]; k < folded.map.length; k++) if (folded.map[k] > folded.map[o[1] - 1]) { end = folded.map[k]; break; }
        ranges.push([start, end]);
      });
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    ranges = ranges.reduce(function (merged, r) {  // "North Korea" as one mark, not two
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1] + 1 && !text.slice(last[1], r[0]).trim()) last[1] = Math.max(last[1], r[1]);
      else merged.push(r.slice());
      return merged;
    }, []);
    var from = ranges.length ? Math.max(0, ranges[0][0] - SNIPPET_BEFORE) : 0;
    while (from > 0 && /[A-Za-z]/.test(text.charAt(from - 1)) && /[A-Za-z]/.test(text.charAt(from))) from += 1;
    var to = Math.min(text.length, from + SNIPPET_LENGTH);
    while (to < text.length && /[A-Za-z]/.test(text.charAt(to - 1)) && /[A-Za-z]/.test(text.charAt(to))) to += 1;
    var parts = [], at = from;
    ranges.forEach(function (r) {
      var s = Math.max(r[0], at), e = Math.min(r[1], to);
      if (e <= s) return;
      if (s > at) parts.push({ text: text.slice(at, s), mark: false });
      parts.push({ text: text.slice(s, e), mark: true });
      at = e;
    });
    if (at < to) parts.push({ text: text.slice(at, to), mark: false });
    if (from > 0) parts.unshift({ text: "…", mark: false });
    if (to < text.length) parts.push({ text: "…", mark: false });
    return parts;
  }

  /* ---------- Rendering ---------- */
  var JA = "\\u3000-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60\\uff65-\\uff9f";
  var reJaRun = new RegExp("[" + JA + "]+|[^" + JA + "]+", "g"), reJa = new RegExp("[" + JA + "]");
  /* Text as runs that carry lang: kana or kanji make a Japanese run, Latin letters an English one;
     spaces, digits and punctuation join the run before them. */
  function appendText(parent, text, marked) {
    var runs = [];
    (text.match(reJaRun) || []).forEach(function (piece) {
      var lang = reJa.test(piece) ? "ja" : (/[A-Za-z]/.test(piece) ? "en" : null);
      var last = runs[runs.length - 1];
      if (last && (lang === null || lang === last.lang)) last.text += piece;
      else runs.push({ lang: lang || "ja", text: piece });
    });
    runs.forEach(function (run) {
      var span = document.createElement("span");
      span.lang = run.lang;
      if (marked) span.appendChild(document.createElement("mark")).textContent = run.text;
      else span.textContent = run.text;
      parent.appendChild(span);
    });
  }
  function teaser(parts) {
    var p = document.createElement("p");
    p.className = "md-search-result__teaser";
    parts.forEach(function (part) { appendText(p, part.text, part.mark); });
    return p;
  }
  var optionCount = 0;
  function option(href, build) {
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = href;
    link.tabIndex = -1;
    link.id = "ss-search-option-" + (++optionCount);
    link.setAttribute("role", "option");
    link.setAttribute("aria-selected", "false");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    build(article);
    link.appendChild(article);
    return link;
  }
  function appendPassage(article, passage, required) {
    if (passage.title) appendText(article.appendChild(document.createElement("h2")), passage.title, false);
    article.appendChild(teaser(snippet(passage.text, required)));
  }
  /* <li role=none> (Material's item, for its styles) > <div role=group> (the page) > <a role=option>. */
  function renderResult(page, required) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    item.setAttribute("role", "none");
    var group = item.appendChild(document.createElement("div"));
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", page.title);
    var best = page.passages[0];
    group.appendChild(option(best && best.title ? best.url : page.url, function (article) {
      article.classList.add("md-search-result__article--document");
      article.appendChild(document.createElement("div")).className = "md-search-result__icon md-icon";
      appendText(article.appendChild(document.createElement("h1")), page.title, false);
      if (page.record) {
        var record = article.appendChild(document.createElement("p"));
        record.className = "ss-search-record";
        appendText(record, page.record, false);
      }
      if (best) appendPassage(article, best, required);
      else article.appendChild(teaser(snippet(page.fallback, required)));
    }));
    page.passages.slice(1, 1 + MORE_PASSAGES).forEach(function (passage) {
      if (passage.title) group.appendChild(option(passage.url, function (a) { appendPassage(a, passage, required); }));
    });
    return item;
  }
  function setMeta(ja, en) {
    meta.textContent = "";
    appendText(meta, ja + " ", false);
    appendText(meta, en, false);
  }

  /* ---------- The list: pages of checked results ---------- */
  var found = null, cursor = 0, shownCount = 0, renderToken = 0, shownQuery = "";
  /* data-search-state (idle, loading, done, error) and data-search-query say what the list shows. */
  function setState(state) {
    results.setAttribute("data-search-state", state);
    if (state !== "loading") results.setAttribute("data-search-query", shownQuery);
  }
  function setCount() {
    var exact = cursor >= found.candidates.length;
    if (!shownCount && exact) {
      setMeta("見つかりませんでした", "No results");
      input.setAttribute("aria-expanded", "false");
      return;
    }
    var n = shownCount + (exact ? "" : "+");
    setMeta(n + " 件", shownCount === 1 && exact ? "1 result" : n + " results");
    input.setAttribute("aria-expanded", "true");
  }
  /* Check candidates, best first, until a page of results is ready or the candidates run out. Each
     check reads one fragment, so the fragments fetched are those of the results shown (and of the
     few candidates that fail). */
  function showMore() {
    var token = renderToken, added = 0, checked = 0, lastBatch = -1;
    setState("loading");
    function step() {
      if (token !== renderToken) return null;
      // Stop at a full page, at the end, after CHECK_PER_PAGE checks, or when a whole batch of (lower
      // ranked) candidates failed after something was found: the rest are "more", checked on request.
      if (added >= PAGE_SIZE || cursor >= found.candidates.length || checked >= CHECK_PER_PAGE ||
          (lastBatch === 0 && shownCount > 0)) {
        more.hidden = cursor >= found.candidates.length;
        setCount();
        setState("done");
        return null;
      }
      var batch = found.candidates.slice(cursor, cursor + PAGE_SIZE - added);
      cursor += batch.length;
      checked += batch.length;
      return Promise.all(batch.map(function (c) { return c.result.data(); })).then(function (datas) {
        if (token !== renderToken) return null;
        lastBatch = 0;
        datas.forEach(function (data) {
          var page = check(data, found.required);
          if (!page) return;
          list.appendChild(renderResult(page, found.required));
          added += 1;
          lastBatch += 1;
          shownCount += 1;
        });
        return step();
      });
    }
    return Promise.resolve().then(step);
  }

  var timer = null;
  function run(query) {
    clearTimeout(timer);
    query = query.trim();
    var token = ++renderToken;
    shownQuery = query;
    setActive(null);
    if (!query) {
      list.textContent = "";
      more.hidden = true;
      found = null;
      setMeta("検索語を入力してください", "Type to search");
      input.setAttribute("aria-expanded", "false");
      setState("idle");
      return Promise.resolve();
    }
    setState("loading");
    return search(query).then(function (answer) {
      if (!answer || token !== renderToken) return null;
      found = answer; cursor = 0; shownCount = 0;
      list.textContent = "";
      return showMore();
    }, function (error) {
      if (token !== renderToken) return;
      setMeta("検索を読み込めませんでした", "Search could not be loaded");
      setState("error");
      if (window.console) console.warn("search:", error);
    });
  }
  function schedule() {
    clearTimeout(timer);
    form.classList.toggle("ss-has-query", input.value !== "");
    timer = setTimeout(function () { run(input.value); }, 100);
  }

  /* ---------- Opening, closing, keyboard ---------- */
  function isOpen() { return toggle.checked; }
  function open(focus) {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    loadEngine();
    if (focus !== false) input.focus();
  }
  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    setActive(null);
    if (document.activeElement === input) input.blur();
  }

  var active = null;
  function options() { return Array.prototype.slice.call(list.querySelectorAll("[role=option]")); }
  function setActive(link) {
    if (active) { active.setAttribute("aria-selected", "false"); active.classList.remove("ss-active"); }
    active = link;
    if (link) {
      link.setAttribute("aria-selected", "true");
      link.classList.add("ss-active");
      input.setAttribute("aria-activedescendant", link.id);
      link.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }
  function move(step) {
    var all = options();
    if (!all.length) return;
    var at = all.indexOf(active);
    var next = at === -1 ? (step > 0 ? 0 : all.length - 1) : at + step;
    setActive(next < 0 || next >= all.length ? null : all[next]);
  }
  function follow(link) {
    var there = new URL(link.href, location.href);
    close();
    if (there.pathname === location.pathname && there.search === location.search && there.hash) {
      if (location.hash === there.hash) {
        var target = document.getElementById(decodeURIComponent(there.hash.slice(1)));
        if (target) { target.scrollIntoView(); flash(target); }
      } else {
        location.hash = there.hash;
      }
    } else {
      location.href = there.href;
    }
  }

  // Focus alone never opens the panel (a keyboard passing through the header would open it): typing,
  // a click or tap in the field, or "/", "s" and "f" do; focus leaving the search closes it.
  input.addEventListener("input", function () { open(false); schedule(); });
  input.addEventListener("pointerdown", function () { open(false); });
  box.addEventListener("focusout", function (event) {
    if (isOpen() && !(event.relatedTarget && box.contains(event.relatedTarget))) {
      setTimeout(function () { if (!box.contains(document.activeElement)) close(); }, 0);
    }
  });
  input.addEventListener("keydown", function (event) {
    if (event.isComposing || event.keyCode === 229) return;  // IME conversion in progress
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") {
      event.preventDefault();
      if (active) setActive(null);
      else { close(); if (opener && opener.offsetParent) opener.focus(); }
    } else if (event.key === "Enter") {
      event.preventDefault();
      clearTimeout(timer);
      var target = active || options()[0];
      if (target) follow(target);
      else run(input.value);
    }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () {
    setTimeout(function () { form.classList.remove("ss-has-query"); run(""); input.focus(); }, 0);
  });
  list.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[role=option]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    event.preventDefault();
    follow(link);
  });
  list.addEventListener("mousemove", function (event) {
    var link = event.target.closest && event.target.closest("a[role=option]");
    if (link && link !== active) setActive(link);
  });
  more.addEventListener("click", function () { showMore(); input.focus(); });
  toggle.addEventListener("change", function () { if (toggle.checked) loadEngine(); else setActive(null); });
  if (opener) {
    opener.addEventListener("click", function () { open(); });
  }
  /* "/", "s" and "f" open search from anywhere but a field, as in Material. */
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      event.stopPropagation();
      open();
    } else if (event.key === "Escape" && isOpen()) {
      close();
    }
  }, true);

  /* Arriving at a passage: :target highlights it; a short flash draws the eye. */
  function flash(element) {
    if (!element || !element.classList.contains("ss-passage")) return;
    element.classList.add("ss-flash");
    setTimeout(function () { element.classList.remove("ss-flash"); }, 1600);
  }
  window.addEventListener("hashchange", function () {
    if (location.hash.length > 1) flash(document.getElementById(decodeURIComponent(location.hash.slice(1))));
  });

  /* A link with ?q=… opens search with that query. */
  setMeta("検索語を入力してください", "Type to search");
  setState("idle");
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    form.classList.add("ss-has-query");
    open();
    run(initial);
  }
})();
