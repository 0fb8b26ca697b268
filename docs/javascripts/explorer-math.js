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
