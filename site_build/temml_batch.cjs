// Render a batch of LaTeX formulas to MathML with Temml, for site_build/mathml.py.
// stdin: JSON [[tex, display], ...]; stdout: JSON [{mathml} | {error}, ...], one per formula.
// One process per page, so Node starts a dozen times a build, not once per formula.
"use strict";
const temml = require("temml");

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const formulas = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const results = formulas.map(([tex, display]) => {
    try {
      return { mathml: temml.renderToString(tex, { displayMode: display, throwOnError: true }) };
    } catch (error) {
      return { error: String(error.message || error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
