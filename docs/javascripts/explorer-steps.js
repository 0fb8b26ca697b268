// A gradient-descent stepper for docs/linear-regression.md: choose the learning rate, then step or
// play, and watch W move on the cost curve. Below the largest safe rate, 2/lambda, it converges; above, it diverges.
import { descentStep, fixed, linspace, logLine, mse } from "./explorer-math.js";
import { element, liveResult, plot, slider } from "./explorer-ui.js";

const PER_FRAME = 10; // epochs per animation frame while playing

export function mount(root, { x, y, lr, epochs, limit }) {
  let state, steps, path, playing = false, frame = 0;
  root.append(element("h3", {}, "Step through gradient descent"));
  const controls = element("div", { class: "explorer__controls" });
  root.append(controls);
  const rate = slider(
    controls,
    { id: "explorer-steps-lr", label: "learning rate", min: 0.001, max: 0.25, step: 0.001, value: lr, format: (v) => fixed(v, 3) },
    () => reset(),
  );
  const buttons = element("div", { class: "explorer__buttons" });
  const button = (text, action) => {
    const made = element("button", { type: "button", class: "explorer__button" }, text);
    made.addEventListener("click", action);
    buttons.append(made);
    return made;
  };
  button("Step", () => advance(1));
  button("100 steps", () => advance(100));
  const play = button("Play", () => (playing ? pause() : start()));
  button("Reset", () => reset());
  controls.append(buttons);
  // Announced when the learning rate changes, as the result line is after each step.
  const verdict = element("p", { class: "explorer__note", "aria-live": "polite" });
  root.append(verdict);

  const wMin = -0.5, wMax = 4.5, costMax = 30;
  const chart = plot(root, {
    x0: wMin, x1: wMax, y0: 0, y1: costMax,
    xTicks: [0, 1, 2, 3, 4], yTicks: [0, 10, 20, 30], xTitle: "W", yTitle: "cost",
    label: "The cost against W with b held at 0, a parabola with its minimum at W = 2, and the points gradient descent has visited",
  });
  const ws = linspace(wMin, wMax, 100);
  chart.svg.append(element("svg:path", { d: chart.line(ws.map((w) => [w, mse(w, 0, x, y)])), class: "explorer__curve" }));
  const trail = element("svg:path", { class: "explorer__path" });
  const here = element("svg:circle", { r: 5, class: "explorer__prediction" });
  chart.svg.append(trail, here);
  const result = liveResult(root);

  function draw() {
    const inside = path.filter(([w, c]) => w >= wMin && w <= wMax && c <= costMax);
    trail.setAttribute("d", inside.length ? chart.line(inside) : "");
    const [w, c] = path[path.length - 1];
    here.setAttribute("cx", chart.sx(Math.min(Math.max(w, wMin), wMax)));
    here.setAttribute("cy", chart.sy(Math.min(c, costMax)));
    result.textContent = steps
      ? logLine(steps - 1, epochs, state)
      : `Before the first step: W: ${fixed(state.W, 3)}, b: ${fixed(state.b, 3)}`;
  }

  function advance(count) {
    for (let i = 0; i < count && Number.isFinite(state.W); i++) {
      state = descentStep(state, Number(rate.value), x, y);
      steps += 1;
      path.push([state.W, mse(state.W, state.b, x, y)]);
    }
    draw();
  }

  function start() {
    playing = true;
    play.textContent = "Pause";
    result.setAttribute("aria-busy", "true"); // announce where it stopped, not every frame
    const tick = () => {
      advance(PER_FRAME);
      if (steps >= epochs || !Number.isFinite(state.cost) || state.cost > 1e30) pause();
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  }

  function pause() {
    playing = false;
    cancelAnimationFrame(frame);
    play.textContent = "Play";
    result.removeAttribute("aria-busy");
  }

  function reset() {
    pause();
    state = { W: 0, b: 0, cost: mse(0, 0, x, y) };
    steps = 0;
    path = [[0, state.cost]];
    const chosen = Number(rate.value);
    // The verdict does not name the largest safe rate: exercise 2 asks the reader to work it out.
    verdict.textContent = chosen < limit
      ? `Learning rate ${fixed(chosen, 3)} is below the largest safe rate: the steps shrink and descent converges.`
      : `Learning rate ${fixed(chosen, 3)} is above the largest safe rate: each step overshoots further and descent diverges.`;
    draw();
  }

  reset();
}
