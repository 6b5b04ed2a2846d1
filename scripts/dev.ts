import { spawn } from "node:child_process";
import path from "node:path";

import { applyMigrations } from "@/lib/db/migrations";
import { describeSeed, seedDatabase } from "@/lib/db/seed/seed-database";

import { APP_DATABASE, ensureDatabase, type Database } from "./db/embedded";
import { runScript } from "./db/run";

// `npm run dev`: the database first (DATABASE_URL, or the embedded server),
// migrated and seeded, then `next dev` on port 3000 with the variables it needs.

const PORT = process.env.PORT ?? "3000";

// Only ever used outside production, where sessions guard demo accounts.
const DEVELOPMENT_NEXTAUTH_SECRET =
  "employee-email-development-secret-not-for-production";

function nextEnvironment(databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  const production = env.NODE_ENV === "production";

  if (!env.NEXTAUTH_SECRET && !production)
    env.NEXTAUTH_SECRET = DEVELOPMENT_NEXTAUTH_SECRET;
  env.NEXTAUTH_URL ??= `http://localhost:${PORT}`;
  // next.config.js turns the AGENTS.md writers off (agentRules and
  // experimental.agentUpgrade/agentFeedback); the feedback block is also
  // only written while telemetry is on.
  env.NEXT_TELEMETRY_DISABLED ??= "1";

  return env;
}

async function prepareDatabase(): Promise<Database> {
  // Signals are forwarded to next below; the server stops after next exits.
  const database = await ensureDatabase({
    name: APP_DATABASE,
    stopOnSignal: false,
  });
  if (database.startedHere)
    console.log(
      `Embedded PostgreSQL started on ${new URL(database.url).host}.`,
    );

  const applied = await applyMigrations(database.url);
  console.log(
    applied.length
      ? `Applied migrations: ${applied.join(", ")}.`
      : "Migrations up to date.",
  );

  if (process.env.NODE_ENV !== "production")
    console.log(describeSeed(await seedDatabase(database.url)));
  return database;
}

function runNextDev(env: NodeJS.ProcessEnv): Promise<number> {
  const nextBin = path.resolve("node_modules/.bin/next");
  const child = spawn(nextBin, ["dev", "--port", PORT], {
    stdio: "inherit",
    env,
  });

  // The terminal sends Ctrl-C to the whole group; a `kill` of this process
  // alone reaches next only through this forwarding.
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);

  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1)));
  });
}

runScript(async () => {
  const database = await prepareDatabase();

  try {
    process.exitCode = await runNextDev(nextEnvironment(database.url));
  } finally {
    // PostgreSQL stops after next, so no request meets a closed database.
    await database.stop();
  }
});
