import { existsSync } from "node:fs";

import { defineConfig } from "@playwright/test";

// The suite targets the production build started here, or any deployed
// preview when E2E_BASE_URL names it (then nothing is started locally).
const externalBaseUrl = process.env.E2E_BASE_URL;
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = externalBaseUrl ?? `http://localhost:${port}`;

// Debian's Chromium; nothing downloads a browser of its own.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  // One retry in CI, where the machine is shared; a retried test is counted
  // and printed as flaky by scripts/test.ts, never hidden.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [
    ["list"],
    ["json", { outputFile: ".test-reports/playwright.json" }],
  ],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(chromiumPath) ? chromiumPath : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: `npx next start -p ${port}`,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: "pipe",
        stderr: "pipe",
        // The attack suite sends each request from an address of its own
        // (X-Forwarded-For), so one case's failures cannot throttle another.
        env: { TRUST_PROXY: "true" },
      },
});
