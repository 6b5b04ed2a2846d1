import { applyMigrations } from "@/lib/db/migrations";

import { targetDatabase } from "./target";
import { runScript } from "./run";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
// embedded server's app database when it is unset.
runScript(async () => {
  const database = await targetDatabase();

  try {
    const applied = await applyMigrations(database.url);
    console.log(
      applied.length
        ? `Applied ${applied.join(", ")}.`
        : "No pending migrations.",
    );
  } finally {
    await database.stop();
  }
});
