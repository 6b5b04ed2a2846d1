import { setContactApiEnabled } from "@/lib/db/contact-api-feature";
import { createPrismaClient } from "@/lib/db/create-client";

import { ensureDatabase } from "./db/embedded";
import { runScript } from "./db/run";

// `npm run contact-api -- enable|disable <organization name or id>`: what
// Customer Success runs when an organization asks for the Contact API.

function parseArguments(argv: string[]): { enabled: boolean; target: string } {
  const [command, ...rest] = argv;
  const target = rest.join(" ").trim();

  if ((command !== "enable" && command !== "disable") || !target) {
    throw new Error(
      "Usage: npm run contact-api -- enable|disable <organization name or id>",
    );
  }
  return { enabled: command === "enable", target };
}

runScript(async () => {
  const { enabled, target } = parseArguments(process.argv.slice(2));
  const database = await ensureDatabase();
  const db = createPrismaClient(database.url);

  try {
    const organization = await setContactApiEnabled(db, target, enabled);
    const state = enabled ? "enabled" : "disabled";
    console.log(
      organization.changed
        ? `Contact API ${state} for ${organization.name} (${organization.id}).`
        : `Contact API was already ${state} for ${organization.name}; nothing changed.`,
    );
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
