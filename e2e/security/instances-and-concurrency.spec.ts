import { expect, test } from "@playwright/test";

import {
  API_KEYS_PAGE,
  buildActionIds,
  callAction,
  signInCookie,
} from "../support/actions";
import { database, seedOrganization } from "../support/database";
import { basic, currentAuthId, freshAddress, seedKey } from "../support/keys";
import { startServerOnFreePort, type StartedServer } from "../support/server";
import { openApiKeysPage, signIn } from "../support/session";

const GENERATE =
  "app/(app)/email-contacts/import/contact-api/api-keys/actions/generate-api-key.ts#generateApiKeyAction";
const DELETE =
  "app/(app)/email-contacts/import/contact-api/api-keys/actions/delete-api-key.ts#deleteApiKeyAction";

test.describe("two app instances on one database", () => {
  let a: StartedServer;
  let b: StartedServer;

  test.beforeAll(async () => {
    [a, b] = await Promise.all([
      startServerOnFreePort(),
      startServerOnFreePort({
        FRAME_ANCESTORS: "'self' https://intranet.example.com",
      }),
    ]);
  });
  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  test("a replaced or deleted key fails on the very next request on both", async ({
    request,
  }) => {
    const org = await seedOrganization({ contactApiEnabled: true });
    const old = await seedKey(org.id);
    const status = async (server: StartedServer, credentials: typeof old) =>
      (
        await request.get(`${server.baseUrl}/api/v1/contacts`, {
          headers: { Authorization: basic(credentials) },
        })
      ).status();

    expect([await status(a, old), await status(b, old)]).toEqual([200, 200]);

    // Replace through instance A's action, as the page does.
    const cookie = await signInCookie(a.baseUrl, org.parentAdmin);
    const replaced = await callAction(request, {
      baseURL: a.baseUrl,
      actionId: buildActionIds().get(GENERATE)!,
      args: [{ expectedAuthId: old.authId }],
      cookie,
    });
    expect(replaced.ok).toBe(true);
    const fresh = {
      authId: /"authId":"(eeid_\w+)"/.exec(replaced.body)![1]!,
      accessKey: /"accessKey":"(eesk_\w+)"/.exec(replaced.body)![1]!,
    };

    expect([401, 429]).toContain(await status(b, old));
    expect([401, 429]).toContain(await status(a, old));
    expect([await status(b, fresh), await status(a, fresh)]).toEqual([
      200, 200,
    ]);

    // Delete through instance B.
    const cookieB = await signInCookie(b.baseUrl, org.parentAdmin);
    const deleted = await callAction(request, {
      baseURL: b.baseUrl,
      actionId: buildActionIds().get(DELETE)!,
      args: [{ expectedAuthId: fresh.authId }],
      cookie: cookieB,
    });
    expect(deleted.ok).toBe(true);
    expect([401, 429]).toContain(await status(a, fresh));
    expect([401, 429]).toContain(await status(b, fresh));
  });

  test("frame-ancestors comes from FRAME_ANCESTORS, 'none' by default", async ({
    request,
  }) => {
    const fromA = await request.get(`${a.baseUrl}/sign-in`);
    const fromB = await request.get(`${b.baseUrl}/sign-in`);
    expect(fromA.headers()["content-security-policy"]).toContain(
      "frame-ancestors 'none'",
    );
    expect(fromA.headers()["x-frame-options"]).toBe("DENY");
    expect(fromB.headers()["content-security-policy"]).toContain(
      "frame-ancestors 'self' https://intranet.example.com",
    );
  });

  test("X-Forwarded-For is not trusted by default: a client cannot dodge its throttle", async ({
    request,
  }) => {
    const wrong = basic({
      authId: `eeid_spoof${Date.now()}`,
      accessKey: "eesk_wrong",
    });
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) {
      const response = await request.get(`${a.baseUrl}/api/v1/contacts`, {
        headers: { Authorization: wrong, "X-Forwarded-For": freshAddress() },
      });
      statuses.push(response.status());
    }
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });
});

test.describe("concurrency", () => {
  test("50 simultaneous Generate actions: one row, no 500, the winner's key works", async ({
    baseURL,
    request,
  }) => {
    const org = await seedOrganization({ contactApiEnabled: true });
    const cookie = await signInCookie(baseURL!, org.parentAdmin);
    const actionId = buildActionIds().get(GENERATE)!;

    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        callAction(request, {
          baseURL: baseURL!,
          actionId,
          args: [{ expectedAuthId: null }],
          cookie,
        }),
      ),
    );
    expect(replies.filter((r) => r.status >= 500)).toEqual([]);
    const winners = replies.filter((r) => r.ok === true);
    expect(winners).toHaveLength(1);
    expect(
      replies
        .filter((r) => r.ok === false)
        .every((r) => r.body.includes("changed in another tab")),
    ).toBe(true);

    expect(
      await database().apiKey.count({ where: { organizationId: org.id } }),
    ).toBe(1);
    const accessKey = /"accessKey":"(eesk_\w+)"/.exec(winners[0]!.body)![1]!;
    const authId = (await currentAuthId(org.id))!;
    const used = await request.get("/api/v1/contacts", {
      headers: {
        Authorization: basic({ authId, accessKey }),
        "X-Forwarded-For": freshAddress(),
      },
    });
    expect(used.status()).toBe(200);

    // 50 tabs that all show this key press Replace at once.
    const replaces = await Promise.all(
      Array.from({ length: 50 }, () =>
        callAction(request, {
          baseURL: baseURL!,
          actionId,
          args: [{ expectedAuthId: authId }],
          cookie,
        }),
      ),
    );
    expect(replaces.filter((r) => r.status >= 500)).toEqual([]);
    expect(replaces.filter((r) => r.ok === true)).toHaveLength(1);

    const events = await database().auditEvent.findMany({
      where: { organizationId: org.id },
      orderBy: { createdAt: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      "api_key.generated",
      "api_key.replaced",
    ]);
    expect(
      await database().apiKey.count({ where: { organizationId: org.id } }),
    ).toBe(1);
  });

  test("stale tab, double click, Delete after Delete: clean answers, never 500", async ({
    baseURL,
    request,
  }) => {
    const org = await seedOrganization({ contactApiEnabled: true });
    const key = await seedKey(org.id);
    const cookie = await signInCookie(baseURL!, org.parentAdmin);
    const generate = buildActionIds().get(GENERATE)!;
    const remove = buildActionIds().get(DELETE)!;
    const call = (actionId: string, expectedAuthId: string | null) =>
      callAction(request, {
        baseURL: baseURL!,
        actionId,
        args: [{ expectedAuthId }],
        cookie,
      });

    const replaced = await call(generate, key.authId);
    expect(replaced.ok).toBe(true);
    const stale = await call(generate, key.authId);
    expect(stale.ok).toBe(false);
    expect(stale.body).toContain("changed in another tab");
    const staleDelete = await call(remove, key.authId);
    expect(staleDelete.ok).toBe(false);

    const current = (await currentAuthId(org.id))!;
    const doubleClick = await Promise.all([
      call(remove, current),
      call(remove, current),
    ]);
    expect(doubleClick.map((r) => r.status)).toEqual([200, 200]);
    expect(doubleClick.every((r) => r.ok === true)).toBe(true);
    const again = await call(remove, current);
    expect(again.ok).toBe(true);
    expect(again.body).toContain('"alreadyDeleted":true');
    expect(await currentAuthId(org.id)).toBeNull();
  });

  test("a stale tab's Delete shows the message and the real key", async ({
    browser,
  }) => {
    const org = await seedOrganization({ contactApiEnabled: true });
    await seedKey(org.id);
    const context = await browser.newContext();
    const first = await context.newPage();
    await signIn(first, org.parentAdmin);
    await openApiKeysPage(first);
    const second = await context.newPage();
    await second.goto(API_KEYS_PAGE);

    await first.getByRole("button", { name: "API key actions" }).click();
    await first.getByRole("menuitem", { name: "Replace API Key" }).click();
    await first
      .getByRole("alertdialog")
      .getByRole("button", { name: "Replace API Key" })
      .click();
    await expect(
      first.getByRole("button", { name: "Copy Access Key" }),
    ).toBeVisible();
    const newAuthId = (await currentAuthId(org.id))!;

    await second.getByRole("button", { name: "API key actions" }).click();
    await second.getByRole("menuitem", { name: "Delete API Key" }).click();
    await second
      .getByRole("alertdialog")
      .getByRole("button", { name: "Delete API Key" })
      .click();
    await expect(second.getByText("changed in another tab")).toBeVisible();
    await expect(second.getByText(newAuthId)).toBeVisible();
    expect(await currentAuthId(org.id)).toBe(newAuthId);
    await context.close();
  });

  test("parallel creates of one contact make one; parallel updates lose no field", async ({
    request,
  }) => {
    const org = await seedOrganization({
      contactApiEnabled: true,
      contacts: 0,
    });
    const key = await seedKey(org.id);
    const headers = {
      Authorization: basic(key),
      "X-Forwarded-For": freshAddress(),
    };
    const email = `race-${Date.now()}@example.com`;

    const creates = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        request.post("/api/v1/contacts", {
          headers,
          data: { email: i % 2 ? email : email.toUpperCase() },
        }),
      ),
    );
    const statuses = creates.map((r) => r.status()).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(
      true,
    );
    expect(
      await database().contact.count({ where: { organizationId: org.id } }),
    ).toBe(1);

    const id = (await creates.find((r) => r.status() === 201)!.json())
      .id as string;
    const fields = {
      firstName: "Ada",
      lastName: "Lovelace",
      department: "Engineering",
      jobTitle: "Analyst",
      location: "London",
      phone: "+44 20 0000 0000",
    };
    const updates = await Promise.all(
      Object.entries(fields).map(([field, value]) =>
        request.patch(`/api/v1/contacts/${id}`, {
          headers,
          data: { [field]: value },
        }),
      ),
    );
    expect(updates.map((r) => r.status())).toEqual(
      Object.keys(fields).map(() => 200),
    );
    const stored = await database().contact.findUniqueOrThrow({
      where: { id },
    });
    expect(stored).toMatchObject(fields);
  });
});
