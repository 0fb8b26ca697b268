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

/** A plot area: maps data (x from x0 to x1, y from y0 to y1) onto an SVG of width by height. */
export function plot(parent, { width = 480, height = 240, x0, x1, y0, y1, label }) {
  const svg = element("svg:svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label, class: "explorer__plot" });
  const left = 44, right = 12, top = 10, bottom = 34;
  const sx = (x) => left + ((x - x0) / (x1 - x0)) * (width - left - right);
  const sy = (y) => height - bottom - ((y - y0) / (y1 - y0)) * (height - top - bottom);
  const axes = element("svg:path", { d: `M${sx(x0)},${sy(y1)}V${sy(y0)}H${sx(x1)}`, class: "explorer__axis" });
  svg.append(axes);
  parent.append(svg);
  const tick = (x, y, text, anchor) =>
    svg.append(element("svg:text", { x, y, "text-anchor": anchor, class: "explorer__tick" }, text));
  const line = (points) => `M${points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join("L")}`;
  return { svg, sx, sy, tick, line, width, height, left, bottom };
}

/** The line the numbers are read from: a polite live region, announced after each change. */
export function liveResult(parent) {
  const result = element("p", { class: "explorer__result", role: "status", "aria-live": "polite" });
  parent.append(result);
  return result;
}
