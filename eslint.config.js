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
    // The classic scripts, loaded on every page: Material's markup fixes, the header's section.
    files: ["docs/javascripts/accessibility.js", "docs/javascripts/section-in-header.js"],
    languageOptions: { sourceType: "script" },
  },
  { files: ["tests/js/**/*.js"], languageOptions: { sourceType: "module" } },
];
