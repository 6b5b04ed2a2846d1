import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

import {
  embeddedUrl,
  ensureDatabase,
  removeStalePidFile,
  startEmbeddedServer,
} from "@/scripts/db/embedded";

// A port of its own, so this test's server never meets the shared one.
const CRASH_TEST_PORT = 54339;

const folders: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "ee-embedded-"));
  folders.push(dir);

  // PostgreSQL runs as the `postgres` user, which must reach its data folder.
  await chmod(dir, 0o755);
  return dir;
}

function exitedPid(): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("true");
    child.on("exit", () => resolve(child.pid!));
  });
}

async function selectOne(port: number): Promise<number> {
  const url = new URL(embeddedUrl("postgres"));
  url.port = String(port);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();

  try {
    return (await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]!
      .one;
  } finally {
    await client.end();
  }
}

async function waitForExit(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`process ${pid} did not exit`);
}

afterAll(async () => {
  await Promise.all(
    folders.map((dir) => rm(dir, { recursive: true, force: true })),
  );
});

describe("removeStalePidFile", () => {
  it("removes a postmaster.pid whose process is gone", async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, "postmaster.pid"),
      `${await exitedPid()}\n${dir}\n`,
    );

    expect(removeStalePidFile(dir)).toBe(true);
  });

  it("removes one whose pid now belongs to another program", async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, "postmaster.pid"),
      `${process.pid}\n${dir}\n`,
    );

    expect(removeStalePidFile(dir)).toBe(true);
  });

  it("does nothing without a pid file", async () => {
    expect(removeStalePidFile(await tempDir())).toBe(false);
  });
});

describe("the embedded server", () => {
  it("starts again after a crash left a postmaster.pid behind", async () => {
    const dataDir = path.join(await tempDir(), "postgres");
    const stopFirst = await startEmbeddedServer({
      dataDir,
      port: CRASH_TEST_PORT,
    });
    const pidFile = path.join(dataDir, "postmaster.pid");
    const postmaster = Number.parseInt(
      (await readFile(pidFile, "utf8")).split("\n")[0]!,
      10,
    );

    process.kill(postmaster, "SIGKILL");
    await waitForExit(postmaster);
    // After a reboot the old pid often belongs to another program, which
    // PostgreSQL takes for a running postmaster and refuses to start.
    const lines = (await readFile(pidFile, "utf8")).split("\n");
    await writeFile(
      pidFile,
      [String(process.pid), ...lines.slice(1)].join("\n"),
    );

    const stop = await startEmbeddedServer({ dataDir, port: CRASH_TEST_PORT });
    try {
      expect(await selectOne(CRASH_TEST_PORT)).toBe(1);
    } finally {
      await stop();
      await stopFirst();
    }
  });

  it("reuses the data folder on a second start", async () => {
    const dataDir = path.join(await tempDir(), "postgres");
    await (
      await startEmbeddedServer({ dataDir, port: CRASH_TEST_PORT })
    )();
    const version = await readFile(path.join(dataDir, "PG_VERSION"), "utf8");

    const stop = await startEmbeddedServer({ dataDir, port: CRASH_TEST_PORT });
    await stop();

    expect(version.trim()).toBe("17");
  });
});

describe("ensureDatabase", () => {
  it("uses DATABASE_URL as given when it is set", async () => {
    const database = await ensureDatabase({ name: "ignored" });

    expect(database).toMatchObject({
      url: process.env.DATABASE_URL,
      startedHere: false,
    });
  });

  it("reuses the embedded server another process already runs", async () => {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;

    try {
      const first = await ensureDatabase({ name: "employee_email_test" });
      const second = await ensureDatabase({ name: "employee_email_test" });

      expect(second).toMatchObject({
        url: embeddedUrl("employee_email_test"),
        startedHere: false,
      });
      expect(first.url).toBe(second.url);
      await first.stop();
    } finally {
      process.env.DATABASE_URL = saved;
    }
  });
});
