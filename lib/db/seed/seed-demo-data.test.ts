import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { setContactApiEnabled } from "@/lib/db/contact-api-feature";
import { createPrismaClient } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrations";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import {
  createScratchDatabase,
  type ScratchDatabase,
} from "@/tests/support/scratch-database";

import { ACME, buildDemoData, DEMO_PASSWORD, GLOBEX } from "./demo-data";
import { assertSeedAllowed } from "./guard";
import { seedDemoData } from "./seed-demo-data";

const run = promisify(execFile);

let database: ScratchDatabase;
let db: PrismaClient;

// The whole demo data set, in a stable order, to compare two states.
async function snapshot() {
  return {
    organizations: await db.organization.findMany({ orderBy: { id: "asc" } }),
    users: await db.user.findMany({ orderBy: { email: "asc" } }),
    customFields: await db.customField.findMany({ orderBy: { id: "asc" } }),
    contacts: await db.contact.findMany({ orderBy: { uniqueId: "asc" } }),
  };
}

beforeAll(async () => {
  database = await createScratchDatabase("ee_seed");
  await applyMigrations(database.url);
  db = createPrismaClient(database.url);
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

describe("buildDemoData", () => {
  it("builds the same people on every call", () => {
    expect(buildDemoData()).toEqual(buildDemoData());
  });

  it("keys contacts by their trimmed, lower-cased email, once each", () => {
    const { contacts } = buildDemoData();

    expect(contacts.length).toBeGreaterThanOrEqual(24);
    for (const contact of contacts)
      expect(contact.uniqueId).toBe(contact.email.trim().toLowerCase());
    expect(new Set(contacts.map((c) => c.uniqueId)).size).toBe(contacts.length);
  });
});

describe("seedDemoData", () => {
  it("creates the organizations, accounts and contacts of DESIGN.md", async () => {
    const created = await seedDemoData(db);

    expect(created).toEqual({
      organizations: 2,
      users: 4,
      customFields: 1,
      contacts: buildDemoData().contacts.length,
    });
    expect(
      await db.organization.findUniqueOrThrow({ where: { id: ACME.id } }),
    ).toMatchObject({
      name: "Acme Corp",
      contactApiEnabled: true,
    });
    expect(
      await db.organization.findUniqueOrThrow({ where: { id: GLOBEX.id } }),
    ).toMatchObject({
      name: "Globex",
      contactApiEnabled: false,
    });

    const users = await db.user.findMany({
      select: { email: true, role: true, organizationId: true },
    });
    expect(users).toEqual(
      expect.arrayContaining([
        {
          email: "parent@acme.test",
          role: "PARENT_ADMIN",
          organizationId: ACME.id,
        },
        { email: "admin@acme.test", role: "ADMIN", organizationId: ACME.id },
        {
          email: "manager@acme.test",
          role: "MANAGER",
          organizationId: ACME.id,
        },
        {
          email: "parent@globex.test",
          role: "PARENT_ADMIN",
          organizationId: GLOBEX.id,
        },
      ]),
    );
  });

  it("hashes the demo password with argon2id", async () => {
    const user = await db.user.findUniqueOrThrow({
      where: { email: "parent@acme.test" },
    });

    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verify(user.passwordHash, DEMO_PASSWORD)).toBe(true);
  });

  it("changes nothing on a second run", async () => {
    const before = await snapshot();

    const created = await seedDemoData(db);

    expect(created).toEqual({
      organizations: 0,
      users: 0,
      customFields: 0,
      contacts: 0,
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("the production guard", () => {
  it("refuses in production unless a preview environment asks for it", () => {
    expect(() => assertSeedAllowed({ NODE_ENV: "production" }, [])).toThrow(
      "Refusing to seed",
    );
    expect(() =>
      assertSeedAllowed({ NODE_ENV: "production" }, ["--allow-production"]),
    ).not.toThrow();
    expect(() =>
      assertSeedAllowed(
        { NODE_ENV: "production", SEED_ALLOW_PRODUCTION: "1" },
        [],
      ),
    ).not.toThrow();
    expect(() =>
      assertSeedAllowed({ NODE_ENV: "development" }, []),
    ).not.toThrow();
  });

  it("makes npm run db:seed exit 1 in production without touching the database", async () => {
    const empty = await createScratchDatabase("ee_seed_refused");

    try {
      await applyMigrations(empty.url);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: empty.url,
      };
      const result = await run("npm", ["run", "--silent", "db:seed"], {
        env,
      }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );

      expect(result.code).toBe(1);
      expect(result.stderr).toContain("Refusing to seed demo accounts");
      const other = createPrismaClient(empty.url);
      expect(await other.organization.count()).toBe(0);
      await other.$disconnect();
    } finally {
      await empty.drop();
    }
  });
});

describe("setContactApiEnabled", () => {
  // Each case starts from the demo state: Globex without the Contact API.
  beforeEach(async () => {
    await db.organization.update({
      where: { id: GLOBEX.id },
      data: { contactApiEnabled: false },
    });
    await db.auditEvent.deleteMany({ where: { organizationId: GLOBEX.id } });
  });

  it("switches the feature and records who did it in the audit log", async () => {
    await setContactApiEnabled(db, "Globex", true);

    expect(
      await db.organization.findUniqueOrThrow({ where: { id: GLOBEX.id } }),
    ).toMatchObject({
      contactApiEnabled: true,
    });
    const [event] = await db.auditEvent.findMany({
      where: { organizationId: GLOBEX.id },
    });
    expect(event).toMatchObject({
      action: "contact_api.enabled",
      actorLabel: "customer-success",
      actorUserId: null,
    });

    await setContactApiEnabled(db, GLOBEX.id, false);
    expect(
      await db.auditEvent.count({
        where: { organizationId: GLOBEX.id, action: "contact_api.disabled" },
      }),
    ).toBe(1);
  });

  it("matches the organization's name without regard to case", async () => {
    const result = await setContactApiEnabled(db, "gLoBeX", true);

    expect(result).toMatchObject({ id: GLOBEX.id, changed: true });
  });

  it("changes and records nothing when the state is already the asked one", async () => {
    const result = await setContactApiEnabled(db, "Globex", false);

    expect(result.changed).toBe(false);
    expect(
      await db.auditEvent.count({ where: { organizationId: GLOBEX.id } }),
    ).toBe(0);
  });

  it("names an organization it cannot find", async () => {
    await expect(setContactApiEnabled(db, "Initech", true)).rejects.toThrow(
      'No organization named or with id "Initech"',
    );
  });
});
