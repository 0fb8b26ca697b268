// The header names the section being read. Scrolled past a page's title, Material shows that
// title in the header; a chapter is twenty phone screens or more, its contents in the drawer,
// and nothing said where in it the reader was. Here the header shows the title of the last
// section (h2) whose heading is in the top quarter of the screen or above it, and the page's
// title above the first section.
(function () {
  var topic = document.querySelector('[data-md-component="header-topic"] .md-ellipsis');
  var headings = Array.prototype.slice.call(document.querySelectorAll("article h2[id]"));
  if (!topic || !headings.length) return;
  var pageTitle = topic.textContent.trim();
  var header = document.querySelector(".md-header");

  // A heading's words, without the "¶" of its permanent link.
  function words(heading) {
    return Array.prototype.filter
      .call(heading.childNodes, function (node) {
        return !(node.classList && node.classList.contains("headerlink"));
      })
      .map(function (node) { return node.textContent; })
      .join("")
      .replace(/\s+/g, " ")
      .trim();
  }
  var titles = headings.map(words);

  var shown = pageTitle;
  var pending = false;
  function update() {
    pending = false;
    var line = header.getBoundingClientRect().bottom + window.innerHeight / 4;
    var title = pageTitle;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top > line) break;
      title = titles[i];
    }
    if (title !== shown) topic.textContent = shown = title;
  }
  window.addEventListener("scroll", function () {
    if (!pending) {
      pending = true;
      requestAnimationFrame(update);
    }
  }, { passive: true });
  update();
})();
