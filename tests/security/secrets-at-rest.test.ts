import { Client } from "pg";
import { describe, expect, it } from "vitest";

import { digestAccessKey } from "@/lib/api-keys/credentials";
import { deleteApiKey, generateApiKey } from "@/lib/api-keys/manage";
import { seedOrganizationWithKey } from "@/lib/api-keys/testing";
import { db } from "@/lib/db/client";

// The database never holds an Access Key in clear: after generating,
// replacing and deleting keys, every table is dumped and searched.

async function dumpDatabase(): Promise<string> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const parts: string[] = [];
    for (const { table_name: table } of tables.rows) {
      const rows = await client.query(
        `SELECT row_to_json(t)::text AS row FROM "${table}" t`,
      );
      parts.push(...rows.rows.map((row: { row: string }) => row.row));
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}

describe("secrets at rest", () => {
  it("stores no Access Key in any table, and its digest only in the key row", async () => {
    const org = await seedOrganizationWithKey();
    const parent = await db.user.create({
      data: {
        email: `parent-${crypto.randomUUID()}@example.com`,
        name: "Parent",
        role: "PARENT_ADMIN",
        organizationId: org.id,
        passwordHash: "x",
      },
    });
    const actor = { userId: parent.id, organizationId: org.id };
    const context = { ipAddress: "198.51.100.1", userAgent: "test" };

    const first = await generateApiKey(actor, context);
    const second = await generateApiKey(actor, context);
    await deleteApiKey(actor, context);
    const third = await generateApiKey(actor, context);

    const dump = await dumpDatabase();
    for (const key of [org.credentials, first, second, third]) {
      expect(dump).not.toContain(key.accessKey);
      // The secret part without its prefix, in case something stripped it.
      expect(dump).not.toContain(key.accessKey.slice(5, 40));
    }

    const digestHex = digestAccessKey(third.accessKey).toString("hex");
    const events = await db.auditEvent.findMany({
      where: { organizationId: org.id },
    });
    expect(JSON.stringify(events)).not.toContain(digestHex);
    expect(JSON.stringify(events)).not.toContain(third.accessKey.slice(5));
  });
});
