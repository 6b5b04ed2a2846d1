import { expect, test } from "@playwright/test";

import { database, seedOrganization } from "./support/database";
import { openApiKeysPage, signIn } from "./support/session";

// What a deployment adds around the screens: health and readiness, sign-in
// that never sends the browser to another host, and a tab from before a
// redeploy whose server action ids the new build no longer knows.

const API_KEYS_PATH = "/email-contacts/import/contact-api/api-keys";
// Next's action ids are 42 hex characters; this one belongs to no build.
const UNKNOWN_ACTION_ID = "7f".repeat(21);

test("health and readiness answer without secrets", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toContain("no-store");
});

test("sign-in refuses a callback URL on another host", async ({
  request,
  baseURL,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();

  const response = await request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken,
      email: organization.parentAdmin.email,
      password: organization.parentAdmin.password,
      callbackUrl: "https://evil.test/phish",
      json: "true",
    },
  });

  expect(response.ok()).toBe(true);
  const { url } = await response.json();
  expect(new URL(url).origin).toBe(new URL(baseURL ?? "").origin);
});

test("the server refuses an action id of another build, running nothing", async ({
  request,
}) => {
  const response = await request.post(API_KEYS_PATH, {
    headers: {
      "Next-Action": UNKNOWN_ACTION_ID,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
    },
    data: JSON.stringify([{ expectedAuthId: null }]),
  });

  // Next 16 answers 409 (or 404) with a marker its client router turns into
  // an UnrecognizedActionError; the API Keys panel catches that.
  expect([404, 409]).toContain(response.status());
  expect(response.headers()["x-nextjs-action-not-found"]).toBe("1");
});

test("a tab from before a redeploy is told to reload, and nothing changes", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.parentAdmin);
  await openApiKeysPage(page);

  // The build this tab loaded is gone: its action ids are unknown now.
  await page.route(`**${API_KEYS_PATH}`, (route) => {
    const headers = route.request().headers();
    if (!headers["next-action"]) return route.continue();
    return route.continue({
      headers: { ...headers, "next-action": UNKNOWN_ACTION_ID },
    });
  });

  await page.getByRole("button", { name: "Generate API Key" }).click();

  // Next's route announcer is an alert too; this one is the panel's.
  const alert = page.getByRole("alert").filter({ hasText: "updated" });
  await expect(alert).toContainText("was updated");
  await expect(alert).toContainText("nothing was changed");
  expect(
    await database().apiKey.count({
      where: { organizationId: organization.id },
    }),
  ).toBe(0);

  await page.unrouteAll();
  await alert.getByRole("button", { name: "Reload page" }).click();
  await expect(alert).toHaveCount(0);
  await page.getByRole("button", { name: "Generate API Key" }).click();
  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toBeVisible();
});
