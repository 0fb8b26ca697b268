// A threshold slider over the held-out examples of docs/judging-a-classifier.md: the confusion
// matrix, precision, recall and F1 at that threshold, and its point on the precision-recall curve.
import { accuracy, f1, fixed, precision, recall } from "./explorer-math.js";
import { element, liveResult, plot, slider } from "./explorer-ui.js";

const CELLS = [["actual 1", ["TP", "FN"]], ["actual 0", ["FP", "TN"]]];

export function mount(root, { thresholds, counts, threshold }) {
  root.append(element("h3", {}, "Move the threshold"));
  const controls = element("div", { class: "explorer__controls" });
  root.append(controls);
  slider(
    controls,
    { id: "explorer-threshold", label: "threshold", min: 0, max: 1, step: 0.01, value: threshold, format: (v) => fixed(v, 2) },
    (value) => draw(value),
  );

  // The matrix as the page's figure draws it: each cell shaded by its share of the examples.
  const total = counts[0].TP + counts[0].FP + counts[0].FN + counts[0].TN;
  const table = element("table", { class: "explorer__matrix" });
  table.append(element("caption", {}, `Confusion matrix on the ${total} held-out examples`));
  const head = element("tr");
  head.append(element("td"), element("th", { scope: "col" }, "predicted 1"), element("th", { scope: "col" }, "predicted 0"));
  table.append(head);
  const cells = {};
  for (const [label, names] of CELLS) {
    const row = element("tr");
    row.append(element("th", { scope: "row" }, label));
    for (const name of names) {
      cells[name] = element("td");
      row.append(cells[name]);
    }
    table.append(row);
  }
  root.append(table);

  const chart = plot(root, {
    x0: 0, x1: 1, y0: 0.5, y1: 1,
    xTicks: [0, 0.25, 0.5, 0.75, 1], yTicks: [0.5, 0.75, 1], xTitle: "recall", yTitle: "precision",
    label: "The precision-recall curve over all thresholds: precision falls as recall rises; a ring marks the chosen threshold",
  });
  const curve = counts.map((c) => [recall(c), precision(c)]).filter(([r, p]) => r > 0 && p >= 0.5);
  chart.svg.append(element("svg:path", { d: chart.line(curve), class: "explorer__curve" }));
  const dot = element("svg:circle", { r: 6, class: "explorer__marker" });
  chart.svg.append(dot);
  const result = liveResult(root);

  function draw(value) {
    const index = Math.round(value * (thresholds.length - 1));
    const c = counts[index];
    for (const name of ["TP", "FN", "FP", "TN"]) {
      cells[name].replaceChildren(element("span", { class: "explorer__cell-name" }, name), ` ${c[name]}`);
      cells[name].style.setProperty("--share", `${Math.round((100 * c[name]) / total)}%`);
    }
    dot.setAttribute("cx", chart.sx(recall(c)));
    dot.setAttribute("cy", chart.sy(Math.max(precision(c), 0.5)));
    // One metric a cell of a small grid (explorers.css), the spaces between them kept for the text.
    const metrics = element("span", { class: "explorer__metrics" });
    metrics.append(
      element("span", {}, `accuracy ${fixed(accuracy(c), 3)}`), "  ",
      element("span", {}, `precision ${fixed(precision(c), 3)}`), "  ",
      element("span", {}, `recall ${fixed(recall(c), 3)}`), "  ",
      element("span", {}, `F1 ${fixed(f1(c), 3)}`),
    );
    result.replaceChildren(element("span", {}, `At threshold ${fixed(thresholds[index], 2)}:`), " ", metrics);
  }

  draw(threshold);
}
