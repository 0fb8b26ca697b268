// The numbers behind the explorers: plain functions, tested by node (tests/js/) and used by the pages.
// Each mirrors what the chapter's torch code computes, in float64.

/** The logistic sigmoid, 1 / (1 + e^-z), without overflow for large |z|. */
export function sigmoid(z) {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Binary cross-entropy, the mean over examples; each log clamped at -100 as torch's BCELoss does. */
export function bce(probabilities, labels) {
  let total = 0;
  probabilities.forEach((p, i) => {
    const y = labels[i];
    total -= y * Math.max(Math.log(p), -100) + (1 - y) * Math.max(Math.log(1 - p), -100);
  });
  return total / probabilities.length;
}

/** sigma(w x + b) at each x. */
export function predict(w, b, xs) {
  return xs.map((x) => sigmoid(w * x + b));
}

/** n + 1 evenly spaced numbers from start to stop. */
export function linspace(start, stop, n) {
  return Array.from({ length: n + 1 }, (_, i) => start + ((stop - start) * i) / n);
}

/** A number as Python's f"{x:.{digits}f}" prints it (no "-0.0000"). */
export function fixed(x, digits) {
  const text = x.toFixed(digits);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

// Gradient descent on the linear-regression chapter's cost, in torch's own float32 arithmetic:
// every operation rounds to float32 (Math.fround) in the order torch's CPU kernels take, and
// SGD's update W - lr * grad is fused (one rounding), so each step gives torch's bits exactly.
const f32 = Math.fround;
const sum32 = (values) => values.reduce((total, v) => f32(total + v));

/** The mean squared error of the line W x + b over the data, in float32. */
export function mse(W, b, xs, ys) {
  return f32(sum32(xs.map((x, i) => { const r = f32(f32(f32(x * W) + b) - ys[i]); return f32(r * r); })) / xs.length);
}

/** One step of torch.optim.SGD on mean((x W + b - y)^2): { W, b } after it and the cost before it. */
export function descentStep({ W, b }, lr, xs, ys) {
  const third = f32(1 / xs.length);
  const residuals = xs.map((x, i) => f32(f32(f32(x * W) + b) - ys[i]));
  const cost = f32(sum32(residuals.map((r) => f32(r * r))) / xs.length);
  const grads = residuals.map((r) => f32(f32(2 * r) * third));
  const gradW = sum32(grads.map((g, i) => f32(g * xs[i])));
  const gradB = sum32(grads);
  const rate = f32(lr);
  return { W: f32(W - rate * gradW), b: f32(b - rate * gradB), cost };
}

/** The page's log line: f"Epoch {epoch:4d}/{epochs} W: {W:.3f}, b: {b:.3f} Cost: {cost:.6f}". */
export function logLine(epoch, epochs, { W, b, cost }) {
  // Once descent diverges the numbers grow huge: three significant digits, like Python's :.3g.
  const show = (x, digits) => (Math.abs(x) < 1e6 ? fixed(x, digits) : general3(x));
  return `Epoch ${String(epoch).padStart(4)}/${epochs} W: ${show(W, 3)}, b: ${show(b, 3)} Cost: ${show(cost, 6)}`;
}

/** A number as Python's f"{x:.3g}" prints a large one: 8.77e+18, -1.27e+09 (two exponent digits). */
export function general3(x) {
  return x.toPrecision(3).replace(/e([+-])(\d)$/, "e$10$2");
}

// The judging-a-classifier chapter's measures, from the counts {TP, FP, FN, TN}, with its
// conventions: 0.0 where a denominator is 0 (snippets/judging-a-classifier/metrics.py).
export const accuracy = (c) => (c.TP + c.TN) / (c.TP + c.FP + c.FN + c.TN);
export const precision = (c) => (c.TP + c.FP ? c.TP / (c.TP + c.FP) : 0);
export const recall = (c) => (c.TP + c.FN ? c.TP / (c.TP + c.FN) : 0);
export const f1 = (c) => (2 * c.TP + c.FP + c.FN ? (2 * c.TP) / (2 * c.TP + c.FP + c.FN) : 0);
