import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// The config is evaluated by the runner and again by each worker: decide the data directory once (in the runner)
// and hand it down through the environment.
process.env.TANDEM_E2E_DATA_DIR ??= path.join(os.tmpdir(), `tandem-e2e-${Date.now()}`);
process.env.TANDEM_DEMO_PASSWORD ??= "demo-password-e2e";

// TANDEM_E2E_PORT lets two checkouts run their browser tests side by side.
const PORT = Number(process.env.TANDEM_E2E_PORT ?? 3123);
// Point the tests at an already running Tandem (e.g. `vite preview` in front of a dev server) instead of starting one.
const externalBaseUrl = process.env.TANDEM_E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${PORT}`;

/** Browser tests in Debian's Chromium against the real server, started on a fresh embedded database. */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  outputDir: ".tandem/test-results/playwright-output",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".tandem/test-results/playwright.json" }]],
  use: {
    baseURL,
    headless: true,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: "node bin/tandem.mjs start",
        url: `http://127.0.0.1:${PORT}/api/health`,
        timeout: 240_000,
        reuseExistingServer: false,
        // Let the server stop its embedded PostgreSQL cleanly instead of being killed outright.
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        stdout: "ignore",
        stderr: "pipe",
        env: {
          PORT: String(PORT),
          TANDEM_DATA_DIR: process.env.TANDEM_E2E_DATA_DIR,
          TANDEM_DEMO_PASSWORD: process.env.TANDEM_DEMO_PASSWORD,
          LOG_LEVEL: "warn",
          // e2e/webhooks.spec.ts receives deliveries on 127.0.0.1; production leaves this off.
          TANDEM_WEBHOOKS_ALLOW_PRIVATE: "1",
          // Every browser test signs in from 127.0.0.1: the default 10 sign-ins a minute made the specs that sign in
          // several people in a row fail each other ("Too many sign-in attempts"). The limit itself has HTTP tests.
          LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
        },
      },
});
