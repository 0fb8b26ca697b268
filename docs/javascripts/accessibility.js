// Accessibility fixes to markup that Material for MkDocs creates in the browser.
// The axe-core tests in tests/test_browser.py fail without the first two; the third marks the
// Korean in glossary tooltips as Korean, as tools/korean.py does for the pages' own text.
(function () {
  var HANGUL = /[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]+(?:[ \u00a0]+[\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff]+)*/g;

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

  function fix() {
    // The search overlay is a dialog and needs a name.
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search");
    // Each code block's buttons sit in a <nav>, and a page with several unnamed navigation
    // landmarks cannot tell them apart. Name each after its block.
    document.querySelectorAll("nav.md-code__nav:not([aria-label])").forEach(function (nav, index) {
      var title = nav.closest(".highlight").querySelector(".filename");
      var block = "code block " + (index + 1) + (title ? " (" + title.textContent + ")" : "");
      nav.setAttribute("aria-label", "Actions for " + block);
    });
    // A display formula wider than the screen scrolls in its box: let the keyboard scroll it.
    document.querySelectorAll(".math-display:not([tabindex])").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.tabIndex = 0;
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "Wide formula");
      }
    });
    // A glossary tooltip shows its term's title attribute, which holds Korean.
    // So do search results, which Material writes from its index of the pages' text.
    document.querySelectorAll(".md-tooltip2__inner, .md-search-result__list").forEach(markKorean);
  }
  // Material adds the code buttons after load and again on every page change.
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();
})();
