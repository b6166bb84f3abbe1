import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".tandem/**", "bench/peers/**", "playwright-report/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-syntax": ["error", { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read configuration through src/server/config.ts" }],
    },
  },
  {
    // Only the config loader and test/CLI entry points may read the environment.
    files: ["src/server/config.ts", "test/**", "e2e/**", "bench/**", "playwright.config.ts", "vitest.config.ts", "vite.config.ts", "src/cli/**"],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    files: ["src/shared/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["node:*", "../server/*", "../../server/*", "../web/*", "../../web/*"] }] },
  },
  {
    files: ["src/web/**"],
    rules: { "no-restricted-imports": ["error", { patterns: ["**/server/**", "**/cli/**", "node:*"] }] },
  },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], languageOptions: { globals: { process: "readonly", console: "readonly" } } },
);
