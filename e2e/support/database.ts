import { randomUUID } from "node:crypto";

import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "../../lib/generated/prisma/client";
import type { Role } from "../../lib/generated/prisma/enums";

// The suite seeds its own organizations straight through Prisma, so tests run
// in parallel and never depend on (or disturb) the demo data.

export const PASSWORD = "e2e-password";

let client: PrismaClient | undefined;

export function database(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL must name the database the app under test uses.",
    );
  }

  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  return client;
}

export type SeededAccount = { email: string; password: string; role: Role };

export type SeededOrganization = {
  id: string;
  name: string;
  parentAdmin: SeededAccount;
  admin: SeededAccount;
  manager: SeededAccount;
};

export async function seedOrganization(options: {
  contactApiEnabled: boolean;
  contacts?: number;
}): Promise<SeededOrganization> {
  const tag = randomUUID().slice(0, 8);
  const passwordHash = await hash(PASSWORD);
  const account = (role: Role, who: string): SeededAccount => ({
    email: `${who}-${tag}@e2e.test`,
    password: PASSWORD,
    role,
  });
  const parentAdmin = account("PARENT_ADMIN", "parent");
  const admin = account("ADMIN", "admin");
  const manager = account("MANAGER", "manager");

  const organization = await database().organization.create({
    data: {
      name: `E2E Org ${tag}`,
      contactApiEnabled: options.contactApiEnabled,
      users: {
        create: [parentAdmin, admin, manager].map((seeded) => ({
          email: seeded.email,
          name: `${seeded.role.toLowerCase()} ${tag}`,
          role: seeded.role,
          passwordHash,
        })),
      },
      contacts: {
        create: Array.from({ length: options.contacts ?? 3 }, (_, i) => ({
          email: `person${i}-${tag}@example.com`,
          uniqueId: `person${i}-${tag}@example.com`,
          firstName: `Person${i}`,
          lastName: `Tester`,
          department: "Quality",
        })),
      },
    },
  });

  return {
    id: organization.id,
    name: organization.name,
    parentAdmin,
    admin,
    manager,
  };
}
