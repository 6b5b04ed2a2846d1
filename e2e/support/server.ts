import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

import { test } from "@playwright/test";
import { freePort } from "../../scripts/free-port";

// Extra `next start` processes of the production build in .next, for specs
// about deployment itself (start-up checks, two instances on one database).
// They need the local build, so they skip when E2E_BASE_URL names a preview.

const NEXT_BIN = path.resolve("node_modules/.bin/next");

/** Ports next to the suite's own server: E2E_PORT + 1, + 2, ... */
export function extraPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + offset;
}

export function skipWithoutLocalBuild(): void {
  // Skipped only against a deployed preview (E2E_BASE_URL): these specs start
  // `next start` from the local .next build, which a preview run lacks. In
  // `npm test` and CI, E2E_BASE_URL is unset and they always run.
  test.skip(
    Boolean(process.env.E2E_BASE_URL),
    "starts the local production build; E2E_BASE_URL targets a deployment",
  );
}

/** Variables to set (or, with undefined, to unset) over the suite's own. */
export type EnvChanges = Record<string, string | undefined>;

export type StartedServer = {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
};

function spawnNext(port: number, changes: EnvChanges): ChildProcess {
  return spawn(NEXT_BIN, ["start", "-p", String(port)], {
    env: { ...process.env, ...changes, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * Environment of an instance that takes its public URL from each request,
 * as a preview behind a trusted proxy does (no NEXTAUTH_URL).
 */
export function previewEnvironment(): EnvChanges {
  return { NEXTAUTH_URL: undefined, TRUST_PROXY: "1" };
}

/** Starts `next start` on a port and waits until /api/health answers. */
export async function startServer(
  port: number,
  env: EnvChanges = {},
): Promise<StartedServer> {
  const child = spawnNext(port, env);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const baseUrl = `http://localhost:${port}`;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${baseUrl}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    baseUrl,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs `next start` expecting it to refuse to start; returns its exit code and output. */
export async function startExpectingFailure(
  port: number,
  env: EnvChanges,
): Promise<{ code: number | null; output: string }> {
  const child = spawnNext(port, env);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));

  const timeout = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) =>
    child.once("exit", (exitCode) => resolve(exitCode)),
  );
  clearTimeout(timeout);

  return { code, output };
}

/** `next start` on a free port, with its own public URL. */
export async function startServerOnFreePort(
  env: EnvChanges = {},
): Promise<StartedServer> {
  const port = await freePort();

  return startServer(port, {
    NEXTAUTH_URL: `http://localhost:${port}`,
    ...env,
  });
}
