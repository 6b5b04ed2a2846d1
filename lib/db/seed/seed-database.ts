import "server-only";

import { createPrismaClient } from "../create-client";

import { assertSeedAllowed } from "./guard";
import { seedDemoData, type SeedCounts } from "./seed-demo-data";

/** Seeds the demo data into the database at `url`, after the production guard. */
export async function seedDatabase(url: string): Promise<SeedCounts> {
  assertSeedAllowed();

  const db = createPrismaClient(url);
  try {
    return await seedDemoData(db);
  } finally {
    await db.$disconnect();
  }
}

export function describeSeed(created: SeedCounts): string {
  return (
    `Demo data: created ${created.organizations} organizations, ${created.users} users, ` +
    `${created.customFields} custom fields, ${created.contacts} contacts; existing rows kept.`
  );
}
