// ESLint for the site's own JavaScript: the explorers (docs/javascripts/) and their tests (tests/js/).
import js from "@eslint/js";

const browser = Object.fromEntries(
  ["document", "window", "fetch", "URL", "NodeFilter", "MutationObserver", "ResizeObserver", "Node", "requestAnimationFrame", "cancelAnimationFrame", "setTimeout", "clearTimeout"].map(
    (name) => [name, "readonly"],
  ),
);

export default [
  js.configs.recommended,
  {
    files: ["docs/javascripts/**/*.js"],
    languageOptions: { sourceType: "module", globals: browser },
  },
  {
    // The one classic script: Material's markup fixes, loaded on every page.
    files: ["docs/javascripts/accessibility.js"],
    languageOptions: { sourceType: "script" },
  },
  { files: ["tests/js/**/*.js"], languageOptions: { sourceType: "module" } },
];
