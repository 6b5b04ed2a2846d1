import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { seedOrganizationWithKey } from "@/lib/api-keys/testing";
import { setUniqueContactIdField } from "@/lib/contacts/settings";
import { db } from "@/lib/db/client";

import * as item from "@/app/api/v1/contacts/[id]/route";
import * as collection from "@/app/api/v1/contacts/route";
import * as upload from "@/app/api/v1/contacts/upload/route";
import * as fields from "@/app/api/v1/fields/route";

// Create-or-update by Unique Contact ID, bulk upload and delete, filters,
// custom fields and hostile input, through the route handlers.

const BASE = "http://localhost/api/v1/contacts";
const none = { params: Promise.resolve({}) };

type Org = Awaited<ReturnType<typeof seedOrganizationWithKey>>;

function call(
  method: string,
  url: string,
  org: Org,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return new Request(url, {
    method,
    headers: {
      authorization: org.authorization,
      ...(body !== undefined && { "content-type": "application/json" }),
      ...headers,
    },
    body:
      body === undefined
        ? undefined
        : typeof body === "string"
          ? body
          : JSON.stringify(body),
  });
}

function put(org: Org, uniqueId: string, body: unknown) {
  const url = `${BASE}/${encodeURIComponent(uniqueId)}`;
  return item.PUT(call("PUT", url, org, body), {
    params: Promise.resolve({ id: uniqueId }),
  });
}

function postUpload(org: Org, contacts: unknown[]) {
  return upload.POST(call("POST", `${BASE}/upload`, org, { contacts }), none);
}

async function list(org: Org, query: string) {
  const response = await collection.GET(
    call("GET", `${BASE}?${query}`, org),
    none,
  );
  return { status: response.status, body: await response.json() };
}

async function problem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  return response.json();
}

const fieldsOf = (body: { errors: { field: string }[] }) =>
  body.errors.map((e) => e.field);

async function withCustomFields(org: Org) {
  await db.customField.createMany({
    data: [
      {
        organizationId: org.id,
        label: "Start Date",
        apiName: "startDate",
        type: "DATE",
      },
      {
        organizationId: org.id,
        label: "Employee Number",
        apiName: "employeeNumber",
        type: "TEXT",
      },
      {
        organizationId: org.id,
        label: "Floor",
        apiName: "floor",
        type: "NUMBER",
      },
      {
        organizationId: org.id,
        label: "Remote",
        apiName: "remote",
        type: "BOOLEAN",
      },
    ],
  });
}

describe("PUT /api/v1/contacts/{uniqueId}", () => {
  it("creates with 201, then updates with 200 the same person in other case and spaces", async () => {
    const org = await seedOrganizationWithKey();

    const created = await put(org, "Ada@Example.com", { firstName: "Ada" });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ email: "ada@example.com", firstName: "Ada" });
    expect(created.headers.get("location")).toBe(`/api/v1/contacts/${body.id}`);

    const updated = await put(org, "  ADA@example.COM ", {
      lastName: "Lovelace",
    });
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({
      id: body.id,
      firstName: null, // a PUT is the whole contact
      lastName: "Lovelace",
    });
    expect(await db.contact.count({ where: { organizationId: org.id } })).toBe(
      1,
    );
    const stored = await db.contact.findFirstOrThrow({
      where: { organizationId: org.id },
    });
    expect(stored.uniqueId).toBe("ada@example.com");
  });

  it("URL-decodes the Unique Contact ID", async () => {
    const org = await seedOrganizationWithKey();

    const response = await put(org, "a+b@x.io", {});

    expect(response.status).toBe(201);
    expect((await response.json()).email).toBe("a+b@x.io");
  });

  it("answers 422 when the body's email differs from the URL", async () => {
    const org = await seedOrganizationWithKey();

    const body = await problem(
      await put(org, "a@x.io", { email: "b@x.io" }),
      422,
    );

    expect(fieldsOf(body)).toEqual(["email"]);
    expect(await db.contact.count({ where: { organizationId: org.id } })).toBe(
      0,
    );
  });

  it("names the custom field at fault: unknown or of the wrong type", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);

    const body = await problem(
      await put(org, "a@x.io", {
        customFields: { startDate: "2024-02-30", floor: "three", shoeSize: 42 },
      }),
      422,
    );

    expect(fieldsOf(body).sort()).toEqual([
      "customFields.floor",
      "customFields.shoeSize",
      "customFields.startDate",
    ]);
  });

  it("merges custom fields: sent keys set, null removes, others kept", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);

    await put(org, "a@x.io", {
      customFields: { floor: 3, remote: true, startDate: null },
    });
    const response = await put(org, "a@x.io", {
      customFields: { startDate: "2024-01-02", remote: null },
    });

    expect((await response.json()).customFields).toEqual({
      floor: 3,
      startDate: "2024-01-02",
    });
    const stored = await db.contact.findFirstOrThrow({
      where: { organizationId: org.id },
    });
    expect(stored.customFields).toEqual({ floor: 3, startDate: "2024-01-02" });
  });
});

describe("Unique Contact ID by custom field", () => {
  it("identifies contacts by employeeNumber: two contacts may share an email", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);
    await setUniqueContactIdField(org.id, "employeeNumber");

    const first = await put(org, "E-100", { email: "shared@x.io" });
    const second = await put(org, "E-200", { email: "shared@x.io" });
    const again = await put(org, " e-100 ", { email: "new@x.io" });

    expect([first.status, second.status, again.status]).toEqual([
      201, 201, 200,
    ]);
    const rows = await db.contact.findMany({
      where: { organizationId: org.id },
      orderBy: { uniqueId: "asc" },
    });
    expect(rows.map((r) => [r.uniqueId, r.email])).toEqual([
      ["e-100", "new@x.io"],
      ["e-200", "shared@x.io"],
    ]);
  });

  it("rejects an upload row without the id field, naming it", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);
    await setUniqueContactIdField(org.id, "employeeNumber");

    const result = await (await postUpload(org, [{ email: "a@x.io" }])).json();

    expect(result.results[0].errors).toEqual([
      { field: "customFields.employeeNumber", message: expect.any(String) },
    ]);
  });

  it("refuses a setting when two contacts share the value", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);
    await postUpload(org, [
      { email: "a@x.io", customFields: { employeeNumber: "E1" } },
      { email: "b@x.io", customFields: { employeeNumber: " e1" } },
    ]);

    await expect(
      setUniqueContactIdField(org.id, "employeeNumber"),
    ).rejects.toThrow(/share/);
    const organization = await db.organization.findUniqueOrThrow({
      where: { id: org.id },
    });
    expect(organization.uniqueContactIdField).toBe("email");
  });
});

describe("POST /api/v1/contacts/upload", () => {
  it("writes the valid rows and reports each row; a rejected row writes nothing", async () => {
    const org = await seedOrganizationWithKey();
    await put(org, "old@x.io", { firstName: "Old" });

    const response = await postUpload(org, [
      { email: "new@x.io", firstName: "New" },
      { email: "OLD@x.io ", firstName: "Renamed" },
      { email: "bad@x.io", firstName: "Evil\r\nBcc: x@y.z" },
      { email: "x".repeat(290) + "@x.io" },
      "not an object",
    ]);

    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ created: 1, updated: 1, failed: 3 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      "created",
      "updated",
      "error",
      "error",
      "error",
    ]);
    expect(body.results[2].errors[0].field).toBe("firstName");
    expect(body.results[3].errors[0].field).toBe("email");
    const emails = await db.contact.findMany({
      where: { organizationId: org.id },
      select: { email: true, firstName: true },
      orderBy: { email: "asc" },
    });
    expect(emails).toEqual([
      { email: "new@x.io", firstName: "New" },
      { email: "old@x.io", firstName: "Renamed" },
    ]);
  });

  it("applies duplicates in order, as one contact", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);

    const body = await (
      await postUpload(org, [
        { email: "dup@x.io", firstName: "First", customFields: { floor: 1 } },
        {
          email: " DUP@x.io",
          firstName: "Second",
          customFields: { remote: true },
        },
      ])
    ).json();

    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      "created",
      "updated",
    ]);
    expect(body.results[0].id).toBe(body.results[1].id);
    const stored = await db.contact.findMany({
      where: { organizationId: org.id },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      firstName: "Second",
      customFields: { floor: 1, remote: true },
    });
  });

  it("takes 1,000 contacts in one call and refuses 1,001", async () => {
    const org = await seedOrganizationWithKey();
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        email: `p${i}@x.io`,
        firstName: `P${i}`,
      }));

    const started = performance.now();
    const body = await (await postUpload(org, rows(1000))).json();
    const elapsed = performance.now() - started;

    expect(body).toMatchObject({ created: 1000, failed: 0 });
    expect(elapsed).toBeLessThan(2000);
    const refused = await problem(await postUpload(org, rows(1001)), 422);
    expect(fieldsOf(refused)).toEqual(["contacts"]);
  });

  it("allows a larger body than single calls, but not unlimited", async () => {
    const org = await seedOrganizationWithKey();
    const big = Array.from({ length: 1000 }, (_, i) => ({
      email: `big${i}@x.io`,
      jobTitle: "j".repeat(150),
    }));

    expect((await postUpload(org, big)).status).toBe(200);
    const huge = JSON.stringify({ contacts: ["x".repeat(6 * 1024 * 1024)] });
    await problem(
      await upload.POST(call("POST", `${BASE}/upload`, org, huge), none),
      413,
    );
  });
});

describe("DELETE /api/v1/contacts", () => {
  it("reports each id as deleted or not-found", async () => {
    const org = await seedOrganizationWithKey();
    await postUpload(org, [{ email: "a@x.io" }, { email: "b@x.io" }]);

    const response = await collection.DELETE(
      call("DELETE", BASE, org, {
        uniqueIds: [" A@X.io", "missing@x.io", "b@x.io"],
      }),
      none,
    );

    expect(await response.json()).toEqual({
      deleted: 2,
      notFound: 1,
      results: [
        { uniqueId: "A@X.io", status: "deleted" }, // trimmed, as stored
        { uniqueId: "missing@x.io", status: "not-found" },
        { uniqueId: "b@x.io", status: "deleted" },
      ],
    });
    expect(await db.contact.count({ where: { organizationId: org.id } })).toBe(
      0,
    );
  });

  it("answers 422 naming a bad entry, and deletes nothing", async () => {
    const org = await seedOrganizationWithKey();
    await postUpload(org, [{ email: "a@x.io" }]);

    const body = await problem(
      await collection.DELETE(
        call("DELETE", BASE, org, { uniqueIds: ["a@x.io", "b\n@x.io"] }),
        none,
      ),
      422,
    );

    expect(fieldsOf(body)).toEqual(["uniqueIds.1"]);
    expect(await db.contact.count({ where: { organizationId: org.id } })).toBe(
      1,
    );
  });
});

describe("GET /api/v1/contacts filters", () => {
  async function seedPeople(org: Org) {
    await postUpload(org, [
      {
        email: "ada@x.io",
        firstName: "Ada",
        department: "Engineering",
        location: "London",
      },
      {
        email: "bob@x.io",
        firstName: "Bob",
        department: "Sales",
        jobTitle: "100% closer",
      },
      {
        email: "cy@x.io",
        firstName: "Cy",
        department: "Engineering",
        location: "Paris",
      },
    ]);
  }
  const emails = (body: { data: { email: string }[] }) =>
    body.data.map((c) => c.email).sort();

  it("filters by email without regard to case, and by any default field", async () => {
    const org = await seedOrganizationWithKey();
    await seedPeople(org);

    expect(emails((await list(org, "email=%20ADA@x.io")).body)).toEqual([
      "ada@x.io",
    ]);
    expect(emails((await list(org, "department=Engineering")).body)).toEqual([
      "ada@x.io",
      "cy@x.io",
    ]);
    expect(
      emails((await list(org, "department=Engineering&location=Paris")).body),
    ).toEqual(["cy@x.io"]);
  });

  it("searches names, email, department, job title and location, wildcards literal", async () => {
    const org = await seedOrganizationWithKey();
    await seedPeople(org);

    expect(emails((await list(org, "q=engin")).body)).toEqual([
      "ada@x.io",
      "cy@x.io",
    ]);
    expect(emails((await list(org, "q=lond")).body)).toEqual(["ada@x.io"]);
    expect(emails((await list(org, "q=100%25")).body)).toEqual(["bob@x.io"]);
    expect(emails((await list(org, "q=%25")).body)).toEqual(["bob@x.io"]);
    expect(emails((await list(org, "q=_")).body)).toEqual([]);
  });

  it("filters by updatedSince", async () => {
    const org = await seedOrganizationWithKey();
    await seedPeople(org);
    const since = new Date(Date.now() + 60_000).toISOString();
    await db.contact.updateMany({
      where: { organizationId: org.id, email: "bob@x.io" },
      data: { updatedAt: new Date(Date.now() + 120_000) },
    });

    expect(emails((await list(org, `updatedSince=${since}`)).body)).toEqual([
      "bob@x.io",
    ]);
  });

  it.each([
    ["updatedSince=yesterday", "updatedSince"],
    ["emial=a@x.io", "emial"],
    [`q=${"x".repeat(201)}`, "q"],
    ["firstName=a%0Ab", "firstName"],
  ])("answers 400 for ?%s naming %s", async (query, field) => {
    const org = await seedOrganizationWithKey();

    const response = await collection.GET(
      call("GET", `${BASE}?${query}`, org),
      none,
    );

    expect(fieldsOf(await problem(response, 400))).toEqual([field]);
  });

  it("pages without repeats or skips while others write", async () => {
    const org = await seedOrganizationWithKey();
    await postUpload(
      org,
      Array.from({ length: 60 }, (_, i) => ({ email: `s${i}@x.io` })),
    );
    const before = await db.contact.findMany({
      where: { organizationId: org.id },
      select: { id: true },
    });

    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const page: {
        body: { data: { id: string }[]; nextCursor: string | null };
      } = await list(org, `limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...page.body.data.map((c) => c.id));
      cursor = page.body.nextCursor;

      // Meanwhile: new contacts, updates and deletes of others.
      round++;
      await Promise.all([
        postUpload(org, [
          { email: `new${round}@x.io` },
          { email: "s59@x.io", firstName: `r${round}` },
        ]),
        db.contact.deleteMany({
          where: { organizationId: org.id, email: `new${round - 1}@x.io` },
        }),
      ]);
    } while (cursor);

    expect(new Set(seen).size).toBe(seen.length);
    for (const { id } of before) expect(seen).toContain(id);
  });
});

describe("GET /api/v1/fields", () => {
  it("lists the default fields, then the custom ones with their types", async () => {
    const org = await seedOrganizationWithKey();
    await withCustomFields(org);

    const response = await fields.GET(
      call("GET", "http://localhost/api/v1/fields", org),
      none,
    );
    const body = await response.json();

    expect(body.uniqueContactIdField).toBe("email");
    expect(body.data.map((f: { apiName: string }) => f.apiName)).toEqual([
      "email",
      "firstName",
      "lastName",
      "location",
      "department",
      "jobTitle",
      "phone",
      "startDate",
      "employeeNumber",
      "floor",
      "remote",
    ]);
    expect(body.data[7]).toMatchObject({
      kind: "custom",
      type: "DATE",
      label: "Start Date",
    });
  });
});

describe("hostile input", () => {
  it("answers 415 for another content type and 400 for malformed JSON", async () => {
    const org = await seedOrganizationWithKey();
    const url = `${BASE}/upload`;

    await problem(
      await upload.POST(
        call("POST", url, org, "contacts=1", { "content-type": "text/csv" }),
        none,
      ),
      415,
    );
    await problem(
      await upload.POST(call("POST", url, org, '{"contacts":['), none),
      400,
    );
    await problem(await put(org, "a@x.io", "{nope"), 400);
  });

  it("answers 413 for a single-contact body over 64 KiB", async () => {
    const org = await seedOrganizationWithKey();

    await problem(
      await put(org, "a@x.io", { firstName: "x".repeat(70_000) }),
      413,
    );
    expect(await db.contact.count({ where: { organizationId: org.id } })).toBe(
      0,
    );
  });

  it.each([
    ["a 300-character email", { email: `${"e".repeat(294)}@x.io` }, "email"],
    [
      "an over-long name",
      { email: "a@x.io", lastName: "l".repeat(101) },
      "lastName",
    ],
    ["CR/LF in a field", { email: "a@x.io", jobTitle: "a\r\nb" }, "jobTitle"],
    ["a control character", { email: "a@x.io", phone: "1\u00072" }, "phone"],
    [
      "a control character in a custom field",
      { email: "a@x.io", customFields: { note: "\u0000" } },
      "customFields.note",
    ],
  ])("rejects %s naming the field, writing nothing", async (_, row, field) => {
    const org = await seedOrganizationWithKey();

    const single = await problem(
      await collection.POST(call("POST", BASE, org, row), none),
      422,
    );
    const bulk = await (await postUpload(org, [row])).json();

    expect(fieldsOf(single)).toContain(field);
    expect(
      bulk.results[0].errors.map((e: { field: string }) => e.field),
    ).toContain(field);
    expect(await db.contact.count({ where: { organizationId: org.id } })).toBe(
      0,
    );
  });

  it("answers 405 problem+json with Allow for unsupported methods", async () => {
    const response = await upload.GET();

    const body = await problem(response, 405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(body.type).toMatch(/method-not-allowed$/);
    expect((await collection.PUT()).headers.get("allow")).toBe(
      "GET, POST, DELETE",
    );
  });

  it("keeps other organizations apart: same Unique Contact ID, two contacts", async () => {
    const a = await seedOrganizationWithKey();
    const b = await seedOrganizationWithKey();
    const email = `${randomUUID()}@x.io`;

    expect((await put(a, email, { firstName: "A" })).status).toBe(201);
    expect((await put(b, email, { firstName: "B" })).status).toBe(201);
    const deleted = await (
      await collection.DELETE(
        call("DELETE", BASE, b, { uniqueIds: [email] }),
        none,
      )
    ).json();

    expect(deleted.deleted).toBe(1);
    const left = await db.contact.findFirstOrThrow({
      where: { uniqueId: email },
    });
    expect(left).toMatchObject({ organizationId: a.id, firstName: "A" });
  });
});
