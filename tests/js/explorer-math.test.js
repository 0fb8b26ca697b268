// node --test tests/js/: the explorers' numeric functions, against values torch printed or exact ones.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  accuracy,
  bce,
  f1,
  descentStep,
  fixed,
  general3,
  linspace,
  logLine,
  mse,
  precision,
  predict,
  recall,
  sigmoid,
} from "../../docs/javascripts/explorer-math.js";

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

// The linear-regression chapter's data, and torch's results for it (pinned arithmetic, torch 2.13.0).
const x = [1, 2, 3];
const y = [2, 4, 6];

function descend(lr, epochs) {
  let state = { W: 0, b: 0 };
  for (let i = 0; i < epochs; i++) state = descentStep(state, lr, x, y);
  return state;
}

test("descentStep: the first step of the page, and the program's last log line", () => {
  assert.equal(logLine(0, 2000, descentStep({ W: 0, b: 0 }, 0.01, x, y)), "Epoch    0/2000 W: 0.187, b: 0.080 Cost: 18.666666");
  assert.equal(logLine(2000, 2000, descend(0.01, 2001)), "Epoch 2000/2000 W: 1.997, b: 0.006 Cost: 0.000005");
});

test("descentStep: torch's float32 bits, not merely close (values from torch.optim.SGD)", () => {
  assert.deepEqual(descend(0.01, 2001), { W: 1.9973737001419067, b: 0.005970162805169821, cost: 5.137666903465288e-6 });
  assert.deepEqual(descend(0.17, 200), { W: 1.999922752380371, b: 0.0001751045201672241, cost: 4.796845587407006e-9 });
});

test("descent diverges above 2 / 11.093 and converges below", () => {
  assert.ok(descend(0.19, 200).cost > 1e18);
  assert.equal(general3(descend(0.19, 200).cost), "8.77e+18");
  assert.ok(descend(0.18, 2000).cost < descend(0.18, 200).cost); // just below: slowly, but down
});

test("mse and general3", () => {
  assert.equal(mse(2, 0, x, y), 0);
  assert.equal(fixed(mse(0, 0, x, y), 6), "18.666666");
  assert.equal(general3(-1.27e9), "-1.27e+09");
  assert.equal(general3(3.08e30), "3.08e+30");
});

test("measures: the held-out counts at 0.5 (metrics.py prints 0.869, 0.859, 0.817, F1 0.837353)", () => {
  const c = { TP: 677, FP: 111, FN: 152, TN: 1060 };
  assert.deepEqual([accuracy(c), precision(c), recall(c)].map((v) => fixed(v, 3)), ["0.869", "0.859", "0.817"]);
  assert.equal(fixed(f1(c), 6), "0.837353");
});

test("measures: 0.0 where nothing was predicted or nothing is there to find, as the chapter defines", () => {
  assert.deepEqual([precision({ TP: 0, FP: 0, FN: 1, TN: 1 }), recall({ TP: 0, FP: 1, FN: 0, TN: 1 })], [0, 0]);
  assert.equal(f1({ TP: 0, FP: 0, FN: 0, TN: 2 }), 0);
});
