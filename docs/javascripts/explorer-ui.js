// Small DOM helpers the explorers share: labelled native sliders, an SVG plot, a live result line.
const SVG = "http://www.w3.org/2000/svg";

export function element(tag, attributes = {}, text = "") {
  const made = tag.startsWith("svg:")
    ? document.createElementNS(SVG, tag.slice(4))
    : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  if (text) made.textContent = text;
  return made;
}

/** A labelled <input type="range"> with its value shown beside it; onInput(value) on every change. */
export function slider(parent, { id, label, min, max, step, value, format }, onInput) {
  const row = element("div", { class: "explorer__control" });
  const input = element("input", { type: "range", id, min, max, step, value });
  const shown = element("output", { for: id }, format(value));
  row.append(element("label", { for: id }, label), input, shown);
  parent.append(row);
  input.addEventListener("input", () => {
    shown.textContent = format(Number(input.value));
    onInput(Number(input.value));
  });
  return input;
}

/** A plot area: maps data (x from x0 to x1, y from y0 to y1) onto an SVG as wide as its card, with
 * its axes, their ticks, the x axis's title under it and the y axis's title beside it, turned as
 * the figures' are. Drawn at the card's own width, one unit a CSS pixel, so that its labels have
 * the text's size on any screen. */
export function plot(parent, { x0, x1, y0, y1, xTicks, yTicks, xTitle, yTitle, label }) {
  const svg = element("svg:svg", { role: "img", "aria-label": label, class: "explorer__plot" });
  parent.append(svg);
  const width = Math.round(svg.getBoundingClientRect().width) || 480;
  const height = Math.round(Math.min(Math.max(width * 0.45, 220), 300));
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  // Room for the labels: the y title and ticks left of the axis, the x ticks and title under it.
  const left = 62, right = 14, top = 14, bottom = 52;
  const sx = (x) => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const sy = (y) => height - bottom - ((y - y0) / (y1 - y0)) * (height - top - bottom);
  const axes = element("svg:path", { d: `M${sx(x0)},${sy(y1)}V${sy(y0)}H${sx(x1)}`, class: "explorer__axis" });
  svg.append(axes);
  const text = (x, y, words, anchor, turn = "") =>
    svg.append(element("svg:text", { x, y, "text-anchor": anchor, class: "explorer__tick", transform: turn }, words));
  // The y ticks stand well left of the axis, the x ticks well under it, so that the two
  // labels at the corner keep apart.
  for (const x of xTicks) text(sx(x), sy(y0) + 20, String(x), "middle");
  for (const y of yTicks) text(left - 10, sy(y) + 5, String(y), "end");
  text(sx((x0 + x1) / 2), height - 6, xTitle, "middle");
  const middle = sy((y0 + y1) / 2);
  text(16, middle, yTitle, "middle", `rotate(-90 16 ${middle})`);
  const line = (points) => `M${points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join("L")}`;
  return { svg, sx, sy, line };
}

/** A number as the page's prose writes it: a true minus sign, not a hyphen. */
export function signed(text) {
  return text.replace(/^-/, "\u2212");
}

/** A key to the marks of a plot: [[class of the mark, what it stands for], ...]. */
export function legend(parent, entries) {
  const list = element("ul", { class: "explorer__legend" });
  for (const [mark, words] of entries) {
    const item = element("li");
    item.append(element("span", { class: `explorer__key ${mark}`, "aria-hidden": "true" }), words);
    list.append(item);
  }
  parent.append(list);
}

/** The line the numbers are read from: a polite live region, announced after each change. */
export function liveResult(parent) {
  const result = element("p", { class: "explorer__result", role: "status", "aria-live": "polite" });
  parent.append(result);
  return result;
}
