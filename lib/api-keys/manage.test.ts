import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { Refusal, type RefusalReason } from "@/lib/errors/refusal";
import type { Role } from "@/lib/generated/prisma/enums";

import { digestAccessKey } from "./credentials";
import {
  deleteApiKey,
  generateApiKey,
  getApiKeyOverview,
  type ApiKeyActor,
} from "./manage";

const context = { ipAddress: "203.0.113.7", userAgent: "vitest" };
const organizationIds: string[] = [];

type SeededOrganization = { id: string } & Record<
  "parentAdmin" | "admin" | "manager",
  ApiKeyActor
>;

// Each test gets an organization of its own, so tests never see each
// other's keys or audit events, and the demo data is left alone.
async function seedOrganization(
  contactApiEnabled = true,
): Promise<SeededOrganization> {
  const tag = randomUUID().slice(0, 8);
  const user = (role: Role) => ({
    email: `${role.toLowerCase()}-${tag}@manage.test`,
    name: `${role} ${tag}`,
    role,
    passwordHash: "not-used-here",
  });

  const organization = await db.organization.create({
    data: {
      name: `API key test ${tag}`,
      contactApiEnabled,
      users: {
        create: [user("PARENT_ADMIN"), user("ADMIN"), user("MANAGER")],
      },
    },
    select: { id: true, users: { select: { id: true, role: true } } },
  });
  organizationIds.push(organization.id);

  const actor = (role: Role): ApiKeyActor => ({
    userId: organization.users.find((u) => u.role === role)!.id,
    organizationId: organization.id,
  });

  return {
    id: organization.id,
    parentAdmin: actor("PARENT_ADMIN"),
    admin: actor("ADMIN"),
    manager: actor("MANAGER"),
  };
}

async function keysOf(organizationId: string) {
  return db.apiKey.findMany({ where: { organizationId } });
}

async function auditOf(organizationId: string) {
  return db.auditEvent.findMany({
    where: { organizationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

async function expectRefusal(
  promise: Promise<unknown>,
  reason: RefusalReason,
): Promise<void> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );

  expect(error).toBeInstanceOf(Refusal);
  expect((error as Refusal).reason).toBe(reason);
}

afterAll(async () => {
  await db.organization.deleteMany({ where: { id: { in: organizationIds } } });
});

describe("generateApiKey", () => {
  it("gives a Parent Admin a key and stores only its digest", async () => {
    const org = await seedOrganization();

    const key = await generateApiKey(org.parentAdmin, context);

    expect(key.authId).toMatch(/^eeid_/);
    expect(key.accessKey).toMatch(/^eesk_/);
    expect(key.replaced).toBe(false);

    const [stored, ...others] = await keysOf(org.id);
    expect(others).toHaveLength(0);
    expect(stored!.authId).toBe(key.authId);
    expect(Buffer.from(stored!.accessKeyDigest)).toEqual(
      digestAccessKey(key.accessKey),
    );
    expect(stored!.accessKeyHint).toBe(key.accessKey.slice(-4));
    expect(stored!.createdById).toBe(org.parentAdmin.userId);
    expect(JSON.stringify(stored)).not.toContain(key.accessKey);
  });

  it("refuses an Admin and a Manager", async () => {
    const org = await seedOrganization();

    await expectRefusal(generateApiKey(org.admin, context), "forbidden");
    await expectRefusal(generateApiKey(org.manager, context), "forbidden");

    expect(await keysOf(org.id)).toHaveLength(0);
    expect(await auditOf(org.id)).toHaveLength(0);
  });

  it("refuses while the Contact API is off for the organization", async () => {
    const org = await seedOrganization(false);

    await expectRefusal(
      generateApiKey(org.parentAdmin, context),
      "feature_disabled",
    );

    expect(await keysOf(org.id)).toHaveLength(0);
  });

  it("refuses a Parent Admin acting on another organization", async () => {
    const home = await seedOrganization();
    const other = await seedOrganization();
    const intruder = { ...home.parentAdmin, organizationId: other.id };

    await expectRefusal(generateApiKey(intruder, context), "not_signed_in");
    await expectRefusal(deleteApiKey(intruder, context), "not_signed_in");

    expect(await keysOf(other.id)).toHaveLength(0);
  });

  it("reads the role from the database, not from the caller", async () => {
    const org = await seedOrganization();
    await db.user.update({
      where: { id: org.parentAdmin.userId },
      data: { role: "ADMIN" },
    });

    await expectRefusal(generateApiKey(org.parentAdmin, context), "forbidden");
  });

  it("replaces the key: one row, and the old digest is gone", async () => {
    const org = await seedOrganization();
    const first = await generateApiKey(org.parentAdmin, context);

    const second = await generateApiKey(org.parentAdmin, context, {
      expectedAuthId: first.authId,
    });

    expect(second.replaced).toBe(true);
    const keys = await keysOf(org.id);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.authId).toBe(second.authId);

    const oldKey = await db.apiKey.findFirst({
      where: {
        accessKeyDigest: new Uint8Array(digestAccessKey(first.accessKey)),
      },
    });
    expect(oldKey).toBeNull();
    expect((await auditOf(org.id)).map((event) => event.action)).toEqual([
      "api_key.generated",
      "api_key.replaced",
    ]);
  });

  it("refuses a change from a tab that saw another key", async () => {
    const org = await seedOrganization();
    const first = await generateApiKey(org.parentAdmin, context);
    const second = await generateApiKey(org.parentAdmin, context);

    await expectRefusal(
      generateApiKey(org.parentAdmin, context, {
        expectedAuthId: first.authId,
      }),
      "stale",
    );
    await expectRefusal(
      generateApiKey(org.parentAdmin, context, { expectedAuthId: null }),
      "stale",
    );
    await expectRefusal(
      deleteApiKey(org.parentAdmin, context, { expectedAuthId: first.authId }),
      "stale",
    );

    const keys = await keysOf(org.id);
    expect(keys.map((key) => key.authId)).toEqual([second.authId]);
  });

  it("leaves exactly one key after fifty concurrent calls", async () => {
    const org = await seedOrganization();

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        generateApiKey(org.parentAdmin, context),
      ),
    );

    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toEqual([]);
    const keys = results.flatMap((result) =>
      result.status === "fulfilled" ? [result.value] : [],
    );

    const rows = await keysOf(org.id);
    expect(rows).toHaveLength(1);
    const stored = Buffer.from(rows[0]!.accessKeyDigest);
    const matching = keys.filter((key) =>
      digestAccessKey(key.accessKey).equals(stored),
    );
    expect(matching).toHaveLength(1);
    expect(matching[0]!.authId).toBe(rows[0]!.authId);

    const actions = (await auditOf(org.id)).map((event) => event.action);
    expect(actions.filter((a) => a === "api_key.generated")).toHaveLength(1);
    expect(actions.filter((a) => a === "api_key.replaced")).toHaveLength(49);
  }, 60_000);
});

describe("deleteApiKey", () => {
  it("deletes the key and records who did it", async () => {
    const org = await seedOrganization();
    const key = await generateApiKey(org.parentAdmin, context);

    const outcome = await deleteApiKey(org.parentAdmin, context, {
      expectedAuthId: key.authId,
    });

    expect(outcome).toEqual({ alreadyDeleted: false });
    expect(await keysOf(org.id)).toHaveLength(0);
    const deleted = (await auditOf(org.id)).at(-1)!;
    expect(deleted.action).toBe("api_key.deleted");
    expect(deleted.actorUserId).toBe(org.parentAdmin.userId);
    expect(deleted.details).toEqual({ authId: key.authId });
  });

  it("answers 'already deleted' when there is no key", async () => {
    const org = await seedOrganization();
    const key = await generateApiKey(org.parentAdmin, context);
    await deleteApiKey(org.parentAdmin, context);

    const outcome = await deleteApiKey(org.parentAdmin, context, {
      expectedAuthId: key.authId,
    });

    expect(outcome).toEqual({ alreadyDeleted: true });
    const actions = (await auditOf(org.id)).map((event) => event.action);
    expect(actions).toEqual(["api_key.generated", "api_key.deleted"]);
  });

  it("refuses an Admin and while the feature is off", async () => {
    const org = await seedOrganization();
    await generateApiKey(org.parentAdmin, context);

    await expectRefusal(deleteApiKey(org.admin, context), "forbidden");
    await db.organization.update({
      where: { id: org.id },
      data: { contactApiEnabled: false },
    });
    await expectRefusal(
      deleteApiKey(org.parentAdmin, context),
      "feature_disabled",
    );

    expect(await keysOf(org.id)).toHaveLength(1);
  });
});

describe("the audit trail", () => {
  it("records who, what and from where, and never a secret", async () => {
    const org = await seedOrganization();
    const first = await generateApiKey(org.parentAdmin, context);
    const second = await generateApiKey(org.parentAdmin, context);
    await deleteApiKey(org.parentAdmin, context);

    const events = await auditOf(org.id);

    expect(events.map((event) => event.action)).toEqual([
      "api_key.generated",
      "api_key.replaced",
      "api_key.deleted",
    ]);
    for (const event of events) {
      expect(event.actorUserId).toBe(org.parentAdmin.userId);
      expect(event.actorLabel).toMatch(/^parent_admin-.*@manage\.test$/);
      expect(event.ipAddress).toBe(context.ipAddress);
      expect(event.userAgent).toBe(context.userAgent);
    }

    const written = JSON.stringify(events);
    for (const secret of [first.accessKey, second.accessKey]) {
      expect(written).not.toContain(secret);
      expect(written).not.toContain(digestAccessKey(secret).toString("hex"));
      expect(written).not.toContain(digestAccessKey(secret).toString("base64"));
    }
    expect(written).not.toContain("eesk_");
  });
});

describe("getApiKeyOverview", () => {
  it("shows metadata and recent changes, never the digest", async () => {
    const org = await seedOrganization();
    const key = await generateApiKey(org.parentAdmin, context);

    const overview = await getApiKeyOverview(org.id);

    expect(Object.keys(overview.key!).sort()).toEqual([
      "accessKeyHint",
      "authId",
      "createdAt",
      "createdBy",
      "lastUsedAt",
    ]);
    expect(overview.key).toMatchObject({
      authId: key.authId,
      accessKeyHint: key.accessKey.slice(-4),
      lastUsedAt: null,
      createdBy: {
        name: expect.stringMatching(/^PARENT_ADMIN /),
        email: expect.stringMatching(/^parent_admin-.*@manage\.test$/),
      },
    });
    expect(overview.recentChanges.map((change) => change.action)).toEqual([
      "api_key.generated",
    ]);
  });

  it("reports no key for an organization without one", async () => {
    const org = await seedOrganization();

    expect(await getApiKeyOverview(org.id)).toEqual({
      key: null,
      recentChanges: [],
    });
  });
});
