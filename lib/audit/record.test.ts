import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { generateCredentials } from "@/lib/api-keys/credentials";
import { db } from "@/lib/db/client";

import {
  recordAuditEvent,
  type AuditDetails,
  type AuditEventInput,
} from "./record";

const organizationIds: string[] = [];

async function seedOrganization(): Promise<string> {
  const { id } = await db.organization.create({
    data: { name: `Audit test ${randomUUID().slice(0, 8)}` },
    select: { id: true },
  });
  organizationIds.push(id);

  return id;
}

function event(
  organizationId: string,
  details: AuditEventInput["details"],
): AuditEventInput {
  return {
    organizationId,
    action: "api_key.generated",
    actor: { userId: null, label: "customer-success" },
    context: { ipAddress: null, userAgent: null },
    details,
  };
}

afterAll(async () => {
  await db.organization.deleteMany({ where: { id: { in: organizationIds } } });
});

describe("recordAuditEvent", () => {
  it("writes the event with the transaction it is given", async () => {
    const organizationId = await seedOrganization();

    await db.$transaction((tx) =>
      recordAuditEvent(tx, event(organizationId, { authId: "eeid_x" })),
    );

    const events = await db.auditEvent.findMany({ where: { organizationId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorLabel: "customer-success",
      details: { authId: "eeid_x" },
    });
  });

  it("refuses a secret and rolls the transaction back", async () => {
    const organizationId = await seedOrganization();
    const { accessKey } = generateCredentials();

    const attempts: AuditDetails[] = [{ note: accessKey }, { accessKey: "x" }];

    for (const details of attempts) {
      await expect(
        db.$transaction((tx) =>
          recordAuditEvent(tx, event(organizationId, details)),
        ),
      ).rejects.toThrow(/must not hold a secret/);
    }

    expect(await db.auditEvent.count({ where: { organizationId } })).toBe(0);
  });
});
