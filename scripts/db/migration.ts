import { createMigration } from "@/lib/db/migrations";

import { ensureDatabase } from "./embedded";
import { runScript } from "./run";

// `npm run db:migration -- <name>`: writes the next migration from the
// difference between prisma/migrations and prisma/schema.prisma. It does not
// apply it; `npm run db:migrate` does.
runScript(async () => {
  const name = process.argv.slice(2).join(" ");
  const database = await ensureDatabase();

  try {
    const folder = await createMigration(database.url, name);
    console.log(
      folder
        ? `Created prisma/migrations/${folder}/migration.sql`
        : "The schema needs no new migration.",
    );
  } finally {
    await database.stop();
  }
});
