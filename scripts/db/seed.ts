import { assertSeedAllowed } from "@/lib/db/seed/guard";
import { describeSeed, seedDatabase } from "@/lib/db/seed/seed-database";

import { targetDatabase } from "./target";
import { runScript } from "./run";

// `npm run db:seed [-- --allow-production]`: seeds DATABASE_URL, or the
// embedded server's app database. Migrations must have been applied.
runScript(async () => {
  // Checked before anything starts, so a refused run touches nothing.
  assertSeedAllowed();
  const database = await targetDatabase();

  try {
    console.log(describeSeed(await seedDatabase(database.url)));
  } finally {
    await database.stop();
  }
});
