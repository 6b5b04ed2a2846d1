import { Client } from "pg";

import { applyMigrations } from "@/lib/db/migrations";
import { ensureDatabase, TEST_DATABASE } from "@/scripts/db/embedded";

// Runs once before all test files: with no DATABASE_URL, the embedded server
// (started here, or reused when `npm run dev` already runs it) and its
// employee_email_test database; with DATABASE_URL, that database as given.
// Workers are started afterwards and inherit DATABASE_URL from this process.
export default async function setup(): Promise<() => Promise<void>> {
  const database = await ensureDatabase({ name: TEST_DATABASE });
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  await clearThrottleCounters(database.url);

  return async () => {
    // Only the process that started the server stops it; a reused one is left running.
    if (database.startedHere) await database.stop();
  };
}

// Failed-authentication counters outlive a run by their window (minutes); a
// rerun on the same test database starts from zero, as a fresh one would.
async function clearThrottleCounters(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DELETE FROM "rate_limit"');
  } finally {
    await client.end();
  }
}
