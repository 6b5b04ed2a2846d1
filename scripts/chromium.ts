import { existsSync } from "node:fs";

import { run } from "./run";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * The end-to-end suite drives Debian's Chromium; no browser is downloaded.
 * On a fresh Debian machine where we are root, install it from apt so that
 * `npm test` alone sets everything up; elsewhere say what is missing.
 */
export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM_PATH)) return;

  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}. Install Debian's chromium ` +
        "(sudo apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }

  await run("install chromium", "apt-get", ["update", "-qq"]);
  await run(
    "install chromium",
    "apt-get",
    ["install", "-y", "-qq", "chromium"],
    {
      ...process.env,
      DEBIAN_FRONTEND: "noninteractive",
    },
  );
}
