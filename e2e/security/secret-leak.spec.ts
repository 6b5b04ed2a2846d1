import { expect, test, type Page, type Route } from "@playwright/test";

import { digestAccessKey } from "../../lib/api-keys/credentials";
import { database, seedOrganization } from "../support/database";
import { basic, freshAddress } from "../support/keys";
import { startServerOnFreePort, type StartedServer } from "../support/server";
import { openApiKeysPage, signIn } from "../support/session";

// After its one-time display, an Access Key appears nowhere: not in a later
// page, RSC payload, action response, error body, URL, log line (debug level,
// the server's whole stdout and stderr) or audit record.

let server: StartedServer;

test.beforeAll(async () => {
  // A server of its own, to read everything it prints. No TRUST_PROXY: the
  // address comes from the socket, as in a default deployment.
  server = await startServerOnFreePort({ LOG_LEVEL: "debug" });
});

test.afterAll(async () => {
  await server?.stop();
});

type Captured = { url: string; status: number; headers: string; body: string };

/**
 * Records every response the page receives, by fetching it on the page's
 * behalf and handing it on unchanged. Reading bodies from the browser's own
 * buffers instead lost the server action's streamed answer on a loaded
 * machine. The returned function waits for recordings still under way.
 */
async function capture(
  page: Page,
  into: Captured[],
): Promise<() => Promise<void>> {
  const recordings = new Set<Promise<void>>();

  await page.route("**/*", async (route) => {
    const recording = relay(route, into);
    recordings.add(recording);
    await recording.finally(() => recordings.delete(recording));
  });

  return async () => {
    await Promise.all([...recordings]);
  };
}

async function relay(route: Route, into: Captured[]): Promise<void> {
  let response;
  try {
    response = await route.fetch({ maxRedirects: 0 });
  } catch {
    // The page or context closed meanwhile: nothing left to record.
    await route.abort().catch(() => undefined);
    return;
  }
  const body = await response.body();

  into.push({
    url: route.request().url(),
    status: response.status(),
    headers: JSON.stringify(response.headers()),
    body: body.toString("utf8"),
  });
  await route.fulfill({ response, body });
}

async function chooseKeyAction(page: Page, action: string): Promise<void> {
  await page.getByRole("button", { name: "API key actions" }).click();
  await page.getByRole("menuitem", { name: action }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: action })
    .click();
  await expect(page.getByRole("alertdialog")).toBeHidden();
}

const ACCESS_KEY = /eesk_[0-9A-Za-z]{49}/g;

test("an Access Key is shown once and found nowhere afterwards", async ({
  browser,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  const responses: Captured[] = [];
  const recorded = await capture(page, responses);

  await signIn(page, organization.parentAdmin);
  await openApiKeysPage(page);
  await page.getByRole("button", { name: "Generate API Key" }).click();
  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toBeVisible();
  await page.waitForLoadState("networkidle");
  await recorded();

  const shown = responses.flatMap((r) => r.body.match(ACCESS_KEY) ?? []);
  const firstKey = shown[0];
  expect(firstKey, "the generate action returned an Access Key").toBeTruthy();
  const authId = (
    await database().apiKey.findUniqueOrThrow({
      where: { organizationId: organization.id },
    })
  ).authId;
  const credentials = { authId, accessKey: firstKey! };

  // Use the key, well and badly, and walk the pages again.
  const api = context.request;
  const headers = (extra: Record<string, string> = {}) => ({
    Authorization: basic(credentials),
    ...extra,
  });
  expect(
    (await api.get("/api/v1/contacts", { headers: headers() })).status(),
  ).toBe(200);
  const errors = [
    await api.post("/api/v1/contacts", {
      headers: headers({ "Content-Type": "application/json" }),
      data: "{not json",
    }),
    await api.post("/api/v1/contacts", {
      headers: headers(),
      data: { email: "not-an-email", firstName: 7 },
    }),
    await api.get("/api/v1/contacts/not-a-uuid", { headers: headers() }),
    await api.get("/api/v1/contacts?cursor=%%%&limit=9999", {
      headers: headers(),
    }),
    await api.get("/api/v1/contacts", {
      headers: {
        Authorization: basic({ authId: "eeid_nobody", accessKey: firstKey! }),
      },
    }),
    await api.get("/api/v1/contacts", {
      headers: { Authorization: basic({ authId, accessKey: `${firstKey}x` }) },
    }),
  ];
  for (const response of errors) {
    responses.push({
      url: response.url(),
      status: response.status(),
      headers: JSON.stringify(response.headers()),
      body: await response.text(),
    });
    expect(response.status()).toBeLessThan(500);
  }

  await page.reload();
  await page.goto("/email-contacts");
  await openApiKeysPage(page);
  await chooseKeyAction(page, "Replace API Key");
  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toBeVisible();
  await page.reload();
  await chooseKeyAction(page, "Delete API Key");
  await page.reload();
  await page.waitForLoadState("networkidle");
  await recorded();
  await context.close();

  // Where the first key may appear: the one generate action response.
  const withKey = responses.filter(
    (r) => r.body.includes(firstKey!) || r.headers.includes(firstKey!),
  );
  expect(withKey.map((r) => r.url)).toHaveLength(1);
  expect(withKey[0]!.body).toMatch(/"ok":true/);

  const digest = digestAccessKey(firstKey!);
  const secrets = [
    firstKey!,
    firstKey!.slice(5),
    digest.toString("hex"),
    digest.toString("base64"),
    digest.toString("base64url"),
  ];
  const everyUrl = responses.map((r) => r.url).join("\n");
  const audit = JSON.stringify(
    await database().auditEvent.findMany({
      where: { organizationId: organization.id },
    }),
  );
  const output = server.output();

  expect(output.length, "debug logging produced output").toBeGreaterThan(0);
  for (const secret of secrets) {
    expect(everyUrl).not.toContain(secret);
    expect(output).not.toContain(secret);
    expect(audit).not.toContain(secret);
  }
  // Every Access Key the run produced, not only the first.
  expect(output.match(ACCESS_KEY)).toBeNull();
  expect(audit.match(ACCESS_KEY)).toBeNull();
  // The log redacts credentials and cookies at the logger.
  expect(output).not.toMatch(/Basic [A-Za-z0-9+/=]{20,}/);
  expect(output).not.toContain("next-auth.session-token=");
  console.log(
    `secret leak: ${responses.length} responses, ${output.split("\n").length} log lines searched; key found only in its one-time display`,
  );
});

test("a Basic header is redacted even where code logs the whole request", async () => {
  const before = server.output().length;
  const response = await fetch(`${server.baseUrl}/api/v1/contacts`, {
    headers: {
      Authorization: basic({ authId: "eeid_x", accessKey: "eesk_redact-me" }),
      "X-Forwarded-For": freshAddress(),
    },
  });
  expect([401, 429]).toContain(response.status);
  expect(server.output().slice(before)).not.toContain("eesk_redact-me");
});
