// Accessibility fixes to markup that Material for MkDocs creates in the browser.
// The axe-core tests in tests/site/test_browser.py fail without the first two; the third marks
// the Korean in glossary tooltips and search results as Korean, as site_build/korean.py does for the
// pages' own text.
//
// Each fix looks only at what changed: Material adds hundreds of nodes while a page loads and
// as the reader scrolls (a copy button and a tooltip per code block), and a walk of the whole
// page, or a layout read, on each of those additions cost a phone about 100 ms of blocked main
// thread.
(function () {
  var HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]+(?:[ \u00a0]+[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]+)*/g;
  var KOREAN_HOSTS = ".md-tooltip2__inner, .md-search-result__list";

  // Wrap each run of Hangul in the element's text in <span lang="ko">, once.
  function markKorean(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) {
      if (!walker.currentNode.parentElement.closest('[lang="ko"]')) texts.push(walker.currentNode);
    }
    texts.forEach(function (text) {
      var value = text.nodeValue;
      if (!value.match(HANGUL)) return;
      var pieces = document.createDocumentFragment();
      var last = 0;
      value.replace(HANGUL, function (run, at) {
        pieces.appendChild(document.createTextNode(value.slice(last, at)));
        var span = document.createElement("span");
        span.lang = "ko";
        span.textContent = run;
        pieces.appendChild(span);
        last = at + run.length;
      });
      pieces.appendChild(document.createTextNode(value.slice(last)));
      text.replaceWith(pieces);
    });
  }

  // Each code block's buttons sit in a <nav>, and a page with several unnamed navigation
  // landmarks cannot tell them apart. Name each after its block, numbered by its place on the
  // page: Material adds a block's buttons when the block first scrolls into view (content.lazy).
  var codeBlocks = Array.from(document.querySelectorAll("pre > code"));
  function nameCodeNavigation() {
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav) {
      var number = codeBlocks.indexOf(nav.parentElement.querySelector(":scope > code")) + 1;
      var title = nav.closest(".highlight").querySelector(".filename");
      var block = "code block " + number + (title ? " (" + title.textContent + ")" : "");
      nav.setAttribute("aria-label", "Actions for " + block);
    });
  }

  // A display formula wider than the screen scrolls in its box: let the keyboard scroll it.
  // A ResizeObserver reads the widths after the browser's own layout, never forcing one, and
  // again when the screen turns; the formulas' font, once in, can widen them too. All widths
  // are read before any box is changed, so that a change never makes the next read lay out.
  function letKeyboardScroll(boxes) {
    var wide = boxes.map(function (box) {
      return box.scrollWidth > box.clientWidth;
    });
    boxes.forEach(function (box, index) {
      if (wide[index] && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "Wide formula");
      } else if (!wide[index] && box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  var formulas = Array.from(document.querySelectorAll(".math-display"));
  var resized = new ResizeObserver(function (entries) {
    letKeyboardScroll(entries.map(function (entry) {
      return entry.target;
    }));
  });
  formulas.forEach(function (box) {
    resized.observe(box);
  });
  document.fonts.ready.then(function () {
    letKeyboardScroll(formulas);
  });

  // Material adds a code block's buttons when the block first scrolls into view, a tooltip's
  // text when it opens, and search results as the reader types.
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
  new MutationObserver(function (records) {
    var navigation = false;
    var korean = new Set();
    records.forEach(function (record) {
      var host = record.target.closest(KOREAN_HOSTS);  // childList records: always an element
      if (host) korean.add(host);
      record.addedNodes.forEach(function (node) {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        if (node.matches("nav.md-code__nav")) navigation = true;
        if (node.matches(KOREAN_HOSTS)) korean.add(node);
        else node.querySelectorAll(KOREAN_HOSTS).forEach(function (inner) { korean.add(inner); });
      });
    });
    if (navigation) nameCodeNavigation();
    korean.forEach(markKorean);
  }).observe(document.body, { childList: true, subtree: true });
  nameCodeNavigation();
})();
