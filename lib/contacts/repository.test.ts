import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { ApiProblem } from "@/lib/http/problem";

import { encodeCursor } from "./ids";
import {
  createContact,
  deleteContact,
  getContact,
  updateContact,
} from "./repository";
import { listContacts } from "./list";
import { contactCreateSchema, contactPatchSchema } from "./schema";

async function seedOrganization(): Promise<string> {
  const org = await db.organization.create({
    data: { name: `Contacts test ${randomUUID()}`, contactApiEnabled: true },
  });
  return org.id;
}

function create(organizationId: string, input: Record<string, unknown>) {
  return createContact(organizationId, contactCreateSchema.parse(input));
}

function update(
  organizationId: string,
  id: string,
  patch: Record<string, unknown>,
) {
  return updateContact(organizationId, id, contactPatchSchema.parse(patch));
}

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

async function listAll(
  organizationId: string,
  limit: number,
  between?: () => Promise<void>,
) {
  const ids: string[] = [];
  let cursor: string | undefined;

  do {
    const page = await listContacts(organizationId, { limit, cursor });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    ids.push(...page.data.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
    await between?.();
  } while (cursor);

  return ids;
}

describe("createContact and getContact", () => {
  it("stores a normalised email and returns no internal columns", async () => {
    const org = await seedOrganization();

    const created = await create(org, {
      email: " Ada@Example.com ",
      firstName: "Ada",
    });
    const read = await getContact(org, created.id);

    expect(read).toEqual(created);
    expect(read.email).toBe("ada@example.com");
    expect(read).not.toHaveProperty("organizationId");
    expect(read).not.toHaveProperty("uniqueId");
  });

  it("answers 409 for an email already used in the organization, whatever its case", async () => {
    const org = await seedOrganization();
    await create(org, { email: "grace@example.com" });

    const problem = await problemOf(
      create(org, { email: "GRACE@example.com " }),
    );

    expect(problem.status).toBe(409);
  });

  it("answers one 201 and one 409 for two concurrent creates of one email", async () => {
    const org = await seedOrganization();

    const results = await Promise.allSettled([
      create(org, { email: "race@example.com" }),
      create(org, { email: "race@example.com" }),
      create(org, { email: "Race@example.com" }),
    ]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((r) => r.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({
        status: 409,
      });
    }
  });

  it("lets two organizations use the same email", async () => {
    const [a, b] = [await seedOrganization(), await seedOrganization()];

    await create(a, { email: "shared@example.com" });

    await expect(
      create(b, { email: "shared@example.com" }),
    ).resolves.toBeTruthy();
  });

  it("validates custom fields against the organization's definitions", async () => {
    const org = await seedOrganization();
    await db.customField.create({
      data: {
        organizationId: org,
        label: "Start Date",
        apiName: "startDate",
        type: "DATE",
      },
    });

    const created = await create(org, {
      email: "cf@example.com",
      customFields: { startDate: "2024-03-01" },
    });
    expect(created.customFields).toEqual({ startDate: "2024-03-01" });

    const problem = await problemOf(
      create(org, { email: "cf2@example.com", customFields: { shoeSize: 42 } }),
    );
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([
      { field: "customFields.shoeSize", message: expect.any(String) },
    ]);
  });
});

describe("another organization's contact", () => {
  it("is 404 for get, update and delete, exactly like a missing one, and stays unchanged", async () => {
    const [owner, stranger] = [
      await seedOrganization(),
      await seedOrganization(),
    ];
    const contact = await create(owner, {
      email: "private@example.com",
      firstName: "Pat",
    });
    const missing = randomUUID();

    const attempts = [
      (id: string) => getContact(stranger, id),
      (id: string) => update(stranger, id, { firstName: "X" }),
      (id: string) => deleteContact(stranger, id),
    ];
    for (const attempt of attempts) {
      const foreign = await problemOf(attempt(contact.id));
      const absent = await problemOf(attempt(missing));
      expect(foreign.status).toBe(404);
      expect([foreign.kind, foreign.detail]).toEqual([
        absent.kind,
        absent.detail,
      ]);
    }

    await expect(getContact(owner, contact.id)).resolves.toEqual(contact);
  });

  it("never appears in a list, even from a cursor pointing at it", async () => {
    const [owner, stranger] = [
      await seedOrganization(),
      await seedOrganization(),
    ];
    const contact = await create(owner, { email: "hidden@example.com" });

    const page = await listContacts(stranger, {
      limit: 50,
      cursor: encodeCursor(contact.id),
    });

    expect(page.data).toEqual([]);
  });
});

describe("a malformed id", () => {
  it.each(["123", "not-a-uuid", "' OR 1=1 --", ""])(
    "is 404: %j",
    async (id) => {
      const org = await seedOrganization();
      expect((await problemOf(getContact(org, id))).status).toBe(404);
      expect(
        (await problemOf(update(org, id, { firstName: "X" }))).status,
      ).toBe(404);
      expect((await problemOf(deleteContact(org, id))).status).toBe(404);
    },
  );
});

describe("updateContact", () => {
  it("changes only the given fields and clears a field set to null", async () => {
    const org = await seedOrganization();
    const contact = await create(org, {
      email: "lin@example.com",
      firstName: "Lin",
      jobTitle: "Engineer",
    });

    const updated = await update(org, contact.id, {
      jobTitle: null,
      department: "R&D",
    });

    expect(updated).toMatchObject({
      firstName: "Lin",
      jobTitle: null,
      department: "R&D",
    });
  });

  it("moves the Unique Contact ID with the email, and answers 409 on a collision", async () => {
    const org = await seedOrganization();
    const first = await create(org, { email: "one@example.com" });
    await create(org, { email: "two@example.com" });

    await update(org, first.id, { email: "Uno@Example.com" });
    await expect(
      create(org, { email: "one@example.com" }),
    ).resolves.toBeTruthy();
    await expect(
      problemOf(create(org, { email: "uno@example.com" })),
    ).resolves.toMatchObject({
      status: 409,
    });

    const problem = await problemOf(
      update(org, first.id, { email: "TWO@example.com" }),
    );
    expect(problem.status).toBe(409);
  });

  it("merges custom fields: a value sets its key, null removes it", async () => {
    const org = await seedOrganization();
    await db.customField.createMany({
      data: [
        {
          organizationId: org,
          label: "Floor",
          apiName: "floor",
          type: "NUMBER",
        },
        {
          organizationId: org,
          label: "Remote",
          apiName: "remote",
          type: "BOOLEAN",
        },
      ],
    });
    const contact = await create(org, {
      email: "cf@example.com",
      customFields: { floor: 2, remote: true },
    });

    await Promise.all([
      update(org, contact.id, { customFields: { floor: 3 } }),
      update(org, contact.id, { customFields: { remote: null } }),
    ]);

    expect((await getContact(org, contact.id)).customFields).toEqual({
      floor: 3,
    });
  });
});

describe("deleteContact", () => {
  it("removes the contact for good", async () => {
    const org = await seedOrganization();
    const contact = await create(org, { email: "gone@example.com" });

    await deleteContact(org, contact.id);

    expect((await problemOf(getContact(org, contact.id))).status).toBe(404);
    expect((await problemOf(deleteContact(org, contact.id))).status).toBe(404);
  });
});

describe("listContacts", () => {
  it("pages through every contact once, in creation order", async () => {
    const org = await seedOrganization();
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      created.push((await create(org, { email: `p${i}@example.com` })).id);
    }

    const ids = await listAll(org, 5);

    expect(ids).toEqual(created);
  });

  it("never repeats or skips a contact while others are added and removed", async () => {
    const org = await seedOrganization();
    const original: string[] = [];
    for (let i = 0; i < 20; i++) {
      original.push((await create(org, { email: `c${i}@example.com` })).id);
    }
    const removed = new Set<string>();
    let round = 0;

    const ids = await listAll(org, 4, async () => {
      round += 1;
      await create(org, { email: `new${round}@example.com` });
      const victim = original[original.length - round];
      if (victim) {
        await deleteContact(org, victim);
        removed.add(victim);
      }
    });

    expect(new Set(ids).size).toBe(ids.length);
    const survivors = original.filter((id) => !removed.has(id));
    expect(ids.filter((id) => original.includes(id))).toEqual(
      original.filter((id) => ids.includes(id)),
    );
    for (const id of survivors) expect(ids).toContain(id);
  });

  it("answers an empty page with no cursor for an organization without contacts", async () => {
    const org = await seedOrganization();
    await expect(listContacts(org, { limit: 50 })).resolves.toEqual({
      data: [],
      nextCursor: null,
    });
  });

  it("returns no cursor when the last page is exactly full", async () => {
    const org = await seedOrganization();
    for (let i = 0; i < 4; i++)
      await create(org, { email: `f${i}@example.com` });

    const first = await listContacts(org, { limit: 2 });
    const second = await listContacts(org, {
      limit: 2,
      cursor: first.nextCursor!,
    });

    expect(second.data).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });

  it("answers 400 for a forged cursor", async () => {
    const org = await seedOrganization();
    const problem = await problemOf(
      listContacts(org, { limit: 5, cursor: "bm90LWEtdXVpZA" }),
    );
    expect(problem.status).toBe(400);
  });
});
