import { expect, test, type Page } from "@playwright/test";

import type { Credentials } from "../lib/api-keys/credentials";
import { listContacts } from "./support/contact-api";
import { seedOrganization, type SeededAccount } from "./support/database";
import { openApiKeysPage } from "./support/session";
import {
  extraPort,
  previewEnvironment,
  skipWithoutLocalBuild,
  startServer,
  type StartedServer,
} from "./support/server";

// Two instances of the production build on one database, as behind a load
// balancer: a key made through one works on the other, and a replaced or
// deleted key fails on the other at its next request (nothing is cached).
// Both take their public URL from the request, as a preview would.

skipWithoutLocalBuild();
test.use({ permissions: ["clipboard-read", "clipboard-write"] });
test.setTimeout(120_000);

let first: StartedServer;
let second: StartedServer;

test.beforeAll(async () => {
  [first, second] = await Promise.all([
    startServer(extraPort(1), previewEnvironment()),
    startServer(extraPort(2), previewEnvironment()),
  ]);
});

test.afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

async function signInAt(page: Page, baseUrl: string, account: SeededAccount) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(baseUrl);
}

async function copied(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name }).click();
  await expect(page.getByText("Copied").first()).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

async function credentialsOnPage(page: Page): Promise<Credentials> {
  return {
    authId: await copied(page, "Copy Auth ID"),
    accessKey: await copied(page, "Copy Access Key"),
  };
}

async function confirmKeyAction(page: Page, action: string): Promise<void> {
  await page.getByRole("button", { name: "API key actions" }).click();
  await page.getByRole("menuitem", { name: action }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: action }).click();
  await expect(dialog).toBeHidden();
}

test("a key changed on one instance takes effect on the other at once", async ({
  browser,
  request,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const onFirst = await browser.newPage();
  const onSecond = await browser.newPage();
  const statusOn = async (server: StartedServer, key: Credentials) =>
    (await listContacts(request, key, server.baseUrl)).status();

  await signInAt(onFirst, first.baseUrl, organization.parentAdmin);
  await openApiKeysPage(onFirst);
  await onFirst.getByRole("button", { name: "Generate API Key" }).click();
  const generated = await credentialsOnPage(onFirst);
  expect(await statusOn(second, generated)).toBe(200);

  await confirmKeyAction(onFirst, "Replace API Key");
  const replacement = await credentialsOnPage(onFirst);
  expect(await statusOn(second, generated)).toBe(401);
  expect(await statusOn(second, replacement)).toBe(200);

  await signInAt(onSecond, second.baseUrl, organization.parentAdmin);
  await openApiKeysPage(onSecond);
  await confirmKeyAction(onSecond, "Delete API Key");
  expect(await statusOn(first, replacement)).toBe(401);
});
