import path from "node:path";
import { parseArgs } from "node:util";

import { defaultPaths, diffMigrationsToSchema } from "@/lib/db/migrations";

import { ensureDatabase } from "./embedded";
import { runScript } from "./run";

// `npm run db:check`: fails when prisma/schema.prisma and prisma/migrations
// disagree. The migrations are replayed in a temporary shadow database on the
// server (DATABASE_URL or the embedded one), which is dropped afterwards.
// --schema and --migrations point it at another tree (its tests use a copy).
function pathsFromArguments() {
  const { values } = parseArgs({
    options: { schema: { type: "string" }, migrations: { type: "string" } },
  });

  return {
    schemaPath: values.schema
      ? path.resolve(values.schema)
      : defaultPaths.schemaPath,
    migrationsDir: values.migrations
      ? path.resolve(values.migrations)
      : defaultPaths.migrationsDir,
  };
}

runScript(async () => {
  const paths = pathsFromArguments();
  const database = await ensureDatabase();

  try {
    const difference = await diffMigrationsToSchema(database.url, paths);
    if (!difference) {
      console.log("prisma/schema.prisma and prisma/migrations agree.");
      return;
    }

    console.error(
      `${path.relative(".", paths.schemaPath)} differs from what ${path.relative(".", paths.migrationsDir)} produce.`,
    );
    console.error("Changes the schema makes that no migration does:");
    console.error(difference.trim());
    console.error(
      "\nCreate the missing migration with `npm run db:migration -- <name>`.",
    );
    process.exitCode = 1;
  } finally {
    await database.stop();
  }
});
