import { randomUUID } from "node:crypto";

import { describe, expect, it } from "vitest";

import { basicHeader, seedOrganizationWithKey } from "@/lib/api-keys/testing";
import { db } from "@/lib/db/client";

import * as item from "@/app/api/v1/contacts/[id]/route";
import * as collection from "@/app/api/v1/contacts/route";
import * as upload from "@/app/api/v1/contacts/upload/route";
import * as fields from "@/app/api/v1/fields/route";

// The Contact API's handlers called as Next calls them: a Request in, a
// Response out. The security cases run against every endpoint.

const BASE = "http://localhost/api/v1/contacts";
const CHALLENGE = 'Basic realm="Employee Email Contact API", charset="UTF-8"';

type Target = { id: string; uniqueId: string };
type Call = (authorization: string | null, target: Target) => Promise<Response>;

function request(
  method: string,
  url: string,
  authorization: string | null,
  body?: unknown,
) {
  const headers = new Headers();
  if (authorization) headers.set("authorization", authorization);
  if (body !== undefined) headers.set("content-type", "application/json");

  return new Request(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });
const none = { params: Promise.resolve({}) };

const endpoints: Record<string, Call> = {
  "GET /contacts": (auth) => collection.GET(request("GET", BASE, auth), none),
  "POST /contacts": (auth) =>
    collection.POST(
      request("POST", BASE, auth, { email: `${randomUUID()}@example.com` }),
      none,
    ),
  "DELETE /contacts": (auth, { uniqueId }) =>
    collection.DELETE(
      request("DELETE", BASE, auth, { uniqueIds: [uniqueId] }),
      none,
    ),
  "POST /contacts/upload": (auth, { uniqueId }) =>
    upload.POST(
      request("POST", `${BASE}/upload`, auth, {
        contacts: [{ email: uniqueId, firstName: "Changed" }],
      }),
      none,
    ),
  "GET /fields": (auth) =>
    fields.GET(request("GET", "http://localhost/api/v1/fields", auth), none),
  "GET /contacts/{id}": (auth, { id }) =>
    item.GET(request("GET", `${BASE}/${id}`, auth), params(id)),
  "PUT /contacts/{uniqueId}": (auth, { uniqueId }) =>
    item.PUT(
      request("PUT", `${BASE}/${encodeURIComponent(uniqueId)}`, auth, {
        firstName: "Changed",
      }),
      params(uniqueId),
    ),
  "PATCH /contacts/{id}": (auth, { id }) =>
    item.PATCH(
      request("PATCH", `${BASE}/${id}`, auth, { firstName: "Changed" }),
      params(id),
    ),
  "DELETE /contacts/{id}": (auth, { id }) =>
    item.DELETE(request("DELETE", `${BASE}/${id}`, auth), params(id)),
};

async function seedWithContact(options: { contactApiEnabled?: boolean } = {}) {
  const org = await seedOrganizationWithKey(options);
  const email = `${randomUUID()}@example.com`;
  const contact = await db.contact.create({
    data: { organizationId: org.id, email, uniqueId: email },
  });
  return {
    ...org,
    contactId: contact.id,
    target: { id: contact.id, uniqueId: email },
  };
}

async function expectProblem(response: Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(response.headers.get("cache-control")).toBe("no-store");
  const body = await response.json();
  expect(body).toMatchObject({
    status,
    type: expect.stringMatching(/^https:\/\//),
  });
  return body;
}

describe.each(Object.entries(endpoints))("%s", (_, call) => {
  it("answers 401 with the Basic challenge without credentials", async () => {
    const org = await seedWithContact();

    const response = await call(null, org.target);

    await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toBe(CHALLENGE);
  });

  it("answers 401 for a wrong Access Key, the same as for an unknown Auth ID", async () => {
    const org = await seedWithContact();
    const wrongKey = basicHeader({
      ...org.credentials,
      accessKey: "eesk_wrong",
    });
    const wrongId = basicHeader({ ...org.credentials, authId: "eeid_unknown" });

    const a = await expectProblem(await call(wrongKey, org.target), 401);
    const b = await expectProblem(await call(wrongId, org.target), 401);

    expect(a).toEqual(b);
  });

  it("answers 403 while the Contact API is off", async () => {
    const org = await seedWithContact({ contactApiEnabled: false });

    await expectProblem(await call(org.authorization, org.target), 403);
  });

  it("never reaches another organization's contact", async () => {
    const owner = await seedWithContact();
    const stranger = await seedWithContact();

    const response = await call(stranger.authorization, owner.target);

    if (response.status < 400) {
      // Collection endpoints act on the caller's own organization only.
      const body = response.status === 204 ? null : await response.json();
      expect(JSON.stringify(body)).not.toContain(owner.contactId);
    } else {
      await expectProblem(response, 404);
    }
    const untouched = await db.contact.findUnique({
      where: { id: owner.contactId },
    });
    expect(untouched?.firstName).toBeNull();
  });

  it("marks a successful response no-store", async () => {
    const org = await seedWithContact();

    const response = await call(org.authorization, org.target);

    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});

describe("POST /api/v1/contacts", () => {
  it("creates a contact: 201 with its Location", async () => {
    const org = await seedOrganizationWithKey();

    const response = await collection.POST(
      request("POST", BASE, org.authorization, {
        email: " New@Example.com",
        firstName: "New",
      }),
      none,
    );

    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body).toMatchObject({ email: "new@example.com", firstName: "New" });
    expect(body).not.toHaveProperty("organizationId");
    expect(response.headers.get("location")).toBe(
      `/api/v1/contacts/${body.id}`,
    );
  });

  it("answers 415 for a body that is not JSON", async () => {
    const org = await seedOrganizationWithKey();
    const form = new Request(BASE, {
      method: "POST",
      headers: {
        authorization: org.authorization,
        "content-type": "text/plain",
      },
      body: "email=a@b.co",
    });

    await expectProblem(await collection.POST(form, none), 415);
  });

  it("answers 400 for malformed JSON", async () => {
    const org = await seedOrganizationWithKey();
    const broken = new Request(BASE, {
      method: "POST",
      headers: {
        authorization: org.authorization,
        "content-type": "application/json",
      },
      body: '{"email":',
    });

    await expectProblem(await collection.POST(broken, none), 400);
  });

  it("answers 422 listing every field at fault", async () => {
    const org = await seedOrganizationWithKey();

    const body = await expectProblem(
      await collection.POST(
        request("POST", BASE, org.authorization, {
          email: "nope",
          phone: "1\r\n2",
          organizationId: randomUUID(),
        }),
        none,
      ),
      422,
    );

    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      "email",
      "organizationId",
      "phone",
    ]);
  });

  it("answers 409 for an email already used", async () => {
    const org = await seedOrganizationWithKey();
    const post = () =>
      collection.POST(
        request("POST", BASE, org.authorization, { email: "dup@example.com" }),
        none,
      );

    expect((await post()).status).toBe(201);
    await expectProblem(await post(), 409);
  });
});

describe("GET /api/v1/contacts", () => {
  it("pages with limit and nextCursor", async () => {
    const org = await seedOrganizationWithKey();
    for (let i = 0; i < 3; i++) {
      await collection.POST(
        request("POST", BASE, org.authorization, {
          email: `l${i}@example.com`,
        }),
        none,
      );
    }

    const first = await (
      await collection.GET(
        request("GET", `${BASE}?limit=2`, org.authorization),
        none,
      )
    ).json();
    const url = `${BASE}?limit=2&cursor=${first.nextCursor}`;
    const second = await (
      await collection.GET(request("GET", url, org.authorization), none)
    ).json();

    expect(first.data).toHaveLength(2);
    expect(second).toMatchObject({ nextCursor: null });
    expect(second.data).toHaveLength(1);
  });

  it.each(["limit=0", "limit=201", "limit=ten", "cursor=forged"])(
    "answers 400 for ?%s",
    async (query) => {
      const org = await seedOrganizationWithKey();

      await expectProblem(
        await collection.GET(
          request("GET", `${BASE}?${query}`, org.authorization),
          none,
        ),
        400,
      );
    },
  );
});

describe("/api/v1/contacts/{id}", () => {
  it("reads, patches and deletes a contact", async () => {
    const org = await seedWithContact();
    const url = `${BASE}/${org.contactId}`;

    const read = await item.GET(
      request("GET", url, org.authorization),
      params(org.contactId),
    );
    expect(read.status).toBe(200);

    const patched = await item.PATCH(
      request("PATCH", url, org.authorization, { jobTitle: "Writer" }),
      params(org.contactId),
    );
    expect(await patched.json()).toMatchObject({
      id: org.contactId,
      jobTitle: "Writer",
    });

    const deleted = await item.DELETE(
      request("DELETE", url, org.authorization),
      params(org.contactId),
    );
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");

    const again = await item.GET(
      request("GET", url, org.authorization),
      params(org.contactId),
    );
    await expectProblem(again, 404);
  });

  it("answers 422 for an empty patch and 404 for a malformed id", async () => {
    const org = await seedWithContact();

    await expectProblem(
      await item.PATCH(
        request("PATCH", `${BASE}/${org.contactId}`, org.authorization, {}),
        params(org.contactId),
      ),
      422,
    );
    await expectProblem(
      await item.GET(
        request("GET", `${BASE}/42`, org.authorization),
        params("42"),
      ),
      404,
    );
  });
});
