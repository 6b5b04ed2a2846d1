import "server-only";

import { hash } from "@node-rs/argon2";

import type { PrismaClient } from "@/lib/generated/prisma/client";

import {
  buildDemoData,
  DEMO_PASSWORD,
  type DemoData,
  type DemoUser,
} from "./demo-data";

export type SeedCounts = {
  organizations: number;
  users: number;
  customFields: number;
  contacts: number;
};

async function createUserIfMissing(
  db: PrismaClient,
  user: DemoUser,
): Promise<boolean> {
  const existing = await db.user.findUnique({
    where: { email: user.email },
    select: { id: true },
  });
  if (existing) return false;

  // @node-rs/argon2 hashes with argon2id unless told otherwise. Hashing only
  // here matters: the hash is salted, so re-hashing would rewrite the row.
  const passwordHash = await hash(DEMO_PASSWORD);
  await db.user.upsert({
    where: { email: user.email },
    create: { ...user, passwordHash },
    update: {},
  });
  return true;
}

/**
 * Creates whatever demo rows are missing and leaves existing rows alone, so a
 * second run changes nothing, and a feature flag switched by Customer Success
 * or a contact edited in the app survives the next `npm run dev`.
 * Returns how many rows of each kind were created.
 */
export async function seedDemoData(
  db: PrismaClient,
  data: DemoData = buildDemoData(),
): Promise<SeedCounts> {
  const organizations = await db.organization.createMany({
    data: data.organizations,
    skipDuplicates: true,
  });

  let users = 0;
  for (const user of data.users)
    if (await createUserIfMissing(db, user)) users += 1;

  const customFields = await db.customField.createMany({
    data: data.customFields,
    skipDuplicates: true,
  });
  const contacts = await db.contact.createMany({
    data: data.contacts,
    skipDuplicates: true,
  });

  return {
    organizations: organizations.count,
    users,
    customFields: customFields.count,
    contacts: contacts.count,
  };
}
