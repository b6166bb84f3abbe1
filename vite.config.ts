import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
// Where `vite` (dev) and `vite preview` send /api; the Tandem server's default port unless overridden.
const apiTarget = process.env.TANDEM_API_URL ?? "http://localhost:3000";
// The web capture snippet and its example page are served by the server too (outside /api).
const proxy = { "/api": { target: apiTarget, changeOrigin: false }, "/t.js": { target: apiTarget }, "/capture/example": { target: apiTarget } };

/** Vite builds the web app from src/web into dist/web; the dev server proxies the API to the local server. */
export default defineConfig({
  root: path.join(repoRoot, "src/web"),
  publicDir: false,
  plugins: [react()],
  css: {
    postcss: {
      plugins: [
        postcssPresetMantine(),
      ],
    },
  },
  build: {
    outDir: path.join(repoRoot, "dist/web"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
});
