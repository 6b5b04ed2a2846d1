import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { Refusal } from "@/lib/errors/refusal";
import type { Role } from "@/lib/generated/prisma/enums";

import {
  changeUniqueContactIdField,
  UniqueIdRefusal,
  uniqueIdActorFrom,
} from "./change-unique-id";

const CONTEXT = { ipAddress: "203.0.113.9", userAgent: "vitest" };

/** An organization with an employeeNumber field, its contacts and one user. */
async function seedOrganization(
  role: Role,
  employeeNumbers: (number | null)[],
) {
  const tag = randomUUID();
  const organization = await db.organization.create({
    data: {
      name: `Unique ${tag}`,
      customFields: {
        create: {
          label: "Employee Number",
          apiName: "employeeNumber",
          type: "NUMBER",
        },
      },
      contacts: {
        create: employeeNumbers.map((number, i) => ({
          email: `person${i}-${tag}@unique.test`,
          uniqueId: `person${i}-${tag}@unique.test`,
          customFields: number === null ? {} : { employeeNumber: number },
        })),
      },
    },
  });
  const user = await db.user.create({
    data: {
      organizationId: organization.id,
      email: `${role.toLowerCase()}-${tag}@unique.test`,
      name: role,
      role,
      passwordHash: "unused",
    },
  });

  return { userId: user.id, organizationId: organization.id };
}

async function stateOf(organizationId: string) {
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: organizationId },
    select: { uniqueContactIdField: true },
  });
  const contacts = await db.contact.findMany({
    where: { organizationId },
    select: { uniqueId: true },
    orderBy: { uniqueId: "asc" },
  });
  const audits = await db.auditEvent.count({
    where: { organizationId, action: "unique_contact_id.changed" },
  });

  return { field: organization.uniqueContactIdField, contacts, audits };
}

describe("changeUniqueContactIdField", () => {
  it("makes a custom field the id, recomputes every contact and records who", async () => {
    const actor = await seedOrganization("PARENT_ADMIN", [1001, 1002]);

    await changeUniqueContactIdField(actor, CONTEXT, {
      field: "employeeNumber",
    });

    const state = await stateOf(actor.organizationId);
    expect(state.field).toBe("employeeNumber");
    expect(state.contacts.map((c) => c.uniqueId)).toEqual(["1001", "1002"]);
    expect(state.audits).toBe(1);
  });

  it("refuses a field some contact lacks, changing and recording nothing", async () => {
    const actor = await seedOrganization("PARENT_ADMIN", [1001, null]);
    const before = await stateOf(actor.organizationId);

    await expect(
      changeUniqueContactIdField(actor, CONTEXT, { field: "employeeNumber" }),
    ).rejects.toThrow(UniqueIdRefusal);

    expect(await stateOf(actor.organizationId)).toEqual(before);
  });

  it("refuses an Admin, even one who passed the action's first check", async () => {
    const actor = await seedOrganization("ADMIN", [1001]);
    const before = await stateOf(actor.organizationId);

    await expect(
      changeUniqueContactIdField(actor, CONTEXT, { field: "employeeNumber" }),
    ).rejects.toThrow(Refusal);

    expect(await stateOf(actor.organizationId)).toEqual(before);
  });
});

describe("uniqueIdActorFrom", () => {
  it.each(["ADMIN", "MANAGER", "BASE_USER"] as const)(
    "refuses a signed-in %s",
    (role) => {
      const user = {
        id: randomUUID(),
        email: "someone@unique.test",
        name: "Someone",
        role,
        organization: {
          id: randomUUID(),
          name: "Org",
          contactApiEnabled: true,
        },
      };

      expect(() => uniqueIdActorFrom(user)).toThrow(Refusal);
    },
  );

  it("refuses nobody signed in", () => {
    expect(() => uniqueIdActorFrom(null)).toThrow(Refusal);
  });
});
