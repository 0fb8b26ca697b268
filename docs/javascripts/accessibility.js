// Two accessibility fixes to markup that Material for MkDocs creates in the browser.
// The axe-core tests in tests/test_browser.py fail without them.
(function () {
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
  }
  // Material adds the code buttons after load and again on every page change.
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  fix();
})();
