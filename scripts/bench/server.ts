import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { freePort } from "../free-port";

// The production build, started on a free loopback port for the run and
// stopped (with its whole process group) when the run ends.

const SOURCES = [
  "app",
  "components",
  "lib",
  "next.config.js",
  "package-lock.json",
  "prisma/schema.prisma",
];

/** Runs `next build` when .next is missing or older than any source file. */
export function buildIfStale(databaseUrl: string): void {
  const buildId = path.resolve(".next/BUILD_ID");
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((source) => newestMtime(source)));

  if (builtAt > newest) {
    console.log("The production build is up to date.");
    return;
  }

  console.log("Building the app (next build)…");
  const result = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    // The build loads route modules, and the database client wants a URL
    // (the embedded default has none in the environment).
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  if (result.status !== 0) throw new Error("next build failed.");
}

export type RunningServer = { url: string; stop: () => Promise<void> };

export async function startServer(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const child = spawn(
    "npx",
    ["next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      detached: true,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: url,
        NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  );

  const stop = () => stopGroup(child);
  process.once("exit", () => killGroup(child, "SIGKILL"));

  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }

  return { url, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;

  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("next start exited early.");
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  throw new Error("next start did not answer /api/health within 60 s.");
}

function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();

  return new Promise((resolve) => {
    const force = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    killGroup(child, "SIGTERM");
  });
}

// npx starts next as a child of its own; the negative pid reaches both.
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;

  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}
