// Interactive explorers: a page marks one with <div data-explorer="NAME" data-src="figures/..." hidden>.
// This loads explorer-NAME.js only on such pages, with the numbers the build's torch run wrote.
// Without JavaScript the div stays hidden and the page's static figure tells the same story.
const base = new URL(
  `${JSON.parse(document.getElementById("__config")?.textContent || '{"base": "."}').base}/`,
  document.baseURI,
);

for (const element of document.querySelectorAll("[data-explorer]")) {
  const name = element.dataset.explorer;
  Promise.all([
    import(`./explorer-${name}.js`),
    fetch(new URL(element.dataset.src, base)).then((response) => response.json()),
  ])
    .then(([explorer, data]) => {
      element.hidden = false; // shown first: a plot is drawn at the width it is given
      explorer.mount(element, data);
    })
    // Opened from disk, or offline before the data arrived: the static figure still tells the story.
    .catch(() => element.remove());
}
