// node --test tests/js/: the explorers' numeric functions, against values torch printed or exact ones.
import assert from "node:assert/strict";
import { test } from "node:test";

import { bce, fixed, linspace, predict, sigmoid } from "../../docs/javascripts/explorer-math.js";

test("sigmoid: 1/2 at 0, symmetric, no overflow far out", () => {
  assert.equal(sigmoid(0), 0.5);
  assert.ok(Math.abs(sigmoid(3) + sigmoid(-3) - 1) < 1e-15);
  assert.equal(sigmoid(-1000), 0);
  assert.equal(sigmoid(1000), 1);
  assert.equal(fixed(sigmoid(-3), 4), "0.0474");
});

test("bce: the four students at w = 2, b = -5 (snippets/sigmoid/students.py prints 0.1809)", () => {
  const p = predict(2, -5, [1, 2, 3, 4]);
  assert.deepEqual(p.map((x) => fixed(x, 4)), ["0.0474", "0.2689", "0.7311", "0.9526"]);
  assert.equal(fixed(bce(p, [0, 0, 1, 1]), 4), "0.1809");
});

test("bce: each log is clamped at -100, as torch's BCELoss does", () => {
  assert.equal(bce([0, 1], [1, 0]), 100);
  assert.equal(bce([1, 0], [1, 0]), 0);
});

test("linspace and fixed", () => {
  assert.deepEqual(linspace(0, 1, 4), [0, 0.25, 0.5, 0.75, 1]);
  assert.equal(fixed(-0.00001, 4), "0.0000");
  assert.equal(fixed(-0.5, 1), "-0.5");
});
