// sigma(W x + b) over the four students, with the BCE loss at that W and b (docs/sigmoid.md).
import { bce, fixed, linspace, predict } from "./explorer-math.js";
import { element, legend, liveResult, plot, signed, slider } from "./explorer-ui.js";

export function mount(root, { hours, passed, w, b }) {
  const state = { w, b };
  root.append(element("h3", {}, "Try W and b yourself"));
  const controls = element("div", { class: "explorer__controls" });
  root.append(controls);
  const format = (value) => signed(fixed(value, 1));
  slider(controls, { id: "explorer-sigmoid-w", label: "W (steepness)", min: -2, max: 6, step: 0.1, value: w, format },
    (value) => { state.w = value; draw(); });
  slider(controls, { id: "explorer-sigmoid-b", label: "b (shift)", min: -15, max: 5, step: 0.1, value: b, format },
    (value) => { state.b = value; draw(); });
  const chart = plot(root, {
    x0: 0, x1: 5, y0: -0.08, y1: 1.08, // the students at 0 and 1 clear of the axis
    xTicks: [0, 1, 2, 3, 4, 5], yTicks: [0, 0.5, 1], xTitle: "hours studied", yTitle: "σ(Wx + b)",
    label: "σ(Wx + b) against hours studied, with the four students: failed at 1 and 2 hours, passed at 3 and 4",
  });
  chart.svg.append(element("svg:path", { d: chart.line([[0, 0.5], [5, 0.5]]), class: "explorer__guide" }));
  const curve = element("svg:path", { class: "explorer__curve" });
  chart.svg.append(curve);
  const dots = hours.map((x, i) => {
    // As the figures draw them: a student who passed an orange square, one who failed a blue circle.
    const [cx, cy] = [chart.sx(x), chart.sy(passed[i])];
    chart.svg.append(passed[i]
      ? element("svg:rect", { x: cx - 5, y: cy - 5, width: 10, height: 10, class: "explorer__yes" })
      : element("svg:circle", { cx, cy, r: 5, class: "explorer__no" }));
    const dot = element("svg:circle", { r: 4, class: "explorer__prediction" });
    chart.svg.append(dot);
    return dot;
  });
  legend(root, [
    ["explorer__yes", "passed (drawn at 1)"],
    ["explorer__no", "failed (drawn at 0)"],
    ["explorer__prediction", "the model's P(pass) for each student"],
  ]);
  const result = liveResult(root);

  function draw() {
    const xs = linspace(0, 5, 100);
    curve.setAttribute("d", chart.line(xs.map((x, i) => [x, predict(state.w, state.b, xs)[i]])));
    const probabilities = predict(state.w, state.b, hours);
    probabilities.forEach((p, i) => {
      dots[i].setAttribute("cx", chart.sx(hours[i]));
      dots[i].setAttribute("cy", chart.sy(p));
    });
    // One line each (explorers.css), spaced for a screen reader that reads them as one.
    result.replaceChildren(
      element("span", {}, `At W = ${format(state.w)}, b = ${format(state.b)}:`), " ",
      element("span", {}, `P(pass) at ${hours.join(", ")} hours: ${probabilities.map((p) => fixed(p, 4)).join("  ")}.`), " ",
      element("span", {}, `BCE loss: ${fixed(bce(probabilities, passed), 4)}`),
    );
  }

  draw();
}
