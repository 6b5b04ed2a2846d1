import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { Refusal } from "@/lib/errors/refusal";
import type { Role } from "@/lib/generated/prisma/enums";

import { defineCustomField, fieldsActorFrom } from "./define-custom-field";

const CONTEXT = { ipAddress: "203.0.113.9", userAgent: "vitest" };

async function seedUser(role: Role) {
  const tag = randomUUID();
  const organization = await db.organization.create({
    data: { name: `Fields ${tag}` },
  });
  const user = await db.user.create({
    data: {
      organizationId: organization.id,
      email: `${role.toLowerCase()}-${tag}@fields.test`,
      name: role,
      role,
      passwordHash: "unused",
    },
  });

  return { userId: user.id, organizationId: organization.id, user };
}

function currentUser(role: Role): CurrentUser {
  return {
    id: randomUUID(),
    email: "someone@fields.test",
    name: "Someone",
    role,
    organization: { id: randomUUID(), name: "Org", contactApiEnabled: false },
  };
}

async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refusal);
  return error as Refusal;
}

describe("fieldsActorFrom", () => {
  it("lets a Parent Admin and an Admin through", () => {
    expect(() => fieldsActorFrom(currentUser("PARENT_ADMIN"))).not.toThrow();
    expect(() => fieldsActorFrom(currentUser("ADMIN"))).not.toThrow();
  });

  it.each<Role>(["MANAGER", "BASE_USER"])("refuses a %s", (role) => {
    expect(() => fieldsActorFrom(currentUser(role))).toThrow(
      expect.objectContaining({ reason: "fields_forbidden" }),
    );
  });

  it("refuses when nobody is signed in", () => {
    expect(() => fieldsActorFrom(null)).toThrow(
      expect.objectContaining({ reason: "not_signed_in" }),
    );
  });
});

describe("defineCustomField", () => {
  it("stores the field with its derived API name and an audit event", async () => {
    const actor = await seedUser("ADMIN");

    const field = await defineCustomField(actor, CONTEXT, {
      label: "  Start Date ",
      type: "DATE",
    });

    expect(field).toMatchObject({
      label: "Start Date",
      apiName: "startDate",
      type: "DATE",
    });
    const events = await db.auditEvent.findMany({
      where: { organizationId: actor.organizationId },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "custom_field.created",
      actorUserId: actor.userId,
      actorLabel: actor.user.email,
      ipAddress: "203.0.113.9",
      details: { label: "Start Date", apiName: "startDate", type: "DATE" },
    });
  });

  it("refuses a duplicate API name cleanly and records nothing for it", async () => {
    const actor = await seedUser("PARENT_ADMIN");
    await defineCustomField(actor, CONTEXT, {
      label: "Cost Center",
      type: "TEXT",
    });

    const refusal = await refusalOf(
      defineCustomField(actor, CONTEXT, {
        label: "cost-center",
        type: "NUMBER",
      }),
    );

    expect(refusal.reason).toBe("field_duplicate");
    expect(
      await db.customField.count({
        where: { organizationId: actor.organizationId },
      }),
    ).toBe(1);
    expect(
      await db.auditEvent.count({
        where: { organizationId: actor.organizationId },
      }),
    ).toBe(1);
  });

  it("lets two organizations use the same API name", async () => {
    const first = await seedUser("ADMIN");
    const second = await seedUser("ADMIN");

    await defineCustomField(first, CONTEXT, { label: "Badge", type: "TEXT" });
    await expect(
      defineCustomField(second, CONTEXT, { label: "Badge", type: "TEXT" }),
    ).resolves.toMatchObject({ apiName: "badge" });
  });

  it("refuses a user demoted since the action read them, inside the transaction", async () => {
    const actor = await seedUser("MANAGER");

    const refusal = await refusalOf(
      defineCustomField(actor, CONTEXT, { label: "Team", type: "TEXT" }),
    );

    expect(refusal.reason).toBe("fields_forbidden");
    expect(
      await db.auditEvent.count({
        where: { organizationId: actor.organizationId },
      }),
    ).toBe(0);
  });

  it("refuses a user of another organization", async () => {
    const actor = await seedUser("ADMIN");
    const other = await seedUser("ADMIN");

    const refusal = await refusalOf(
      defineCustomField(
        { userId: actor.userId, organizationId: other.organizationId },
        CONTEXT,
        { label: "Team", type: "TEXT" },
      ),
    );

    expect(refusal.reason).toBe("not_signed_in");
  });

  it("refuses a label that gives no API name, and invalid input", async () => {
    const actor = await seedUser("ADMIN");

    expect(
      (
        await refusalOf(
          defineCustomField(actor, CONTEXT, { label: "!!!", type: "TEXT" }),
        )
      ).reason,
    ).toBe("field_label_unusable");
    await expect(
      defineCustomField(actor, CONTEXT, { label: "", type: "TEXT" }),
    ).rejects.toThrow(/Enter a label/);
    await expect(
      defineCustomField(actor, CONTEXT, { label: "Size", type: "JSON" }),
    ).rejects.toThrow(/Choose a type/);
  });
});
