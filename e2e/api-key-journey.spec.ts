import { expect, test, type Page } from "@playwright/test";

import type { Credentials } from "../lib/api-keys/credentials";
import { createContact, listContacts } from "./support/contact-api";
import { database, seedOrganization } from "./support/database";
import { openApiKeysPage, signIn } from "./support/session";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function copyFromButton(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name }).click();
  await expect(page.getByText("Copied").first()).toBeVisible();

  return page.evaluate(() => navigator.clipboard.readText());
}

async function copyCredentials(page: Page): Promise<Credentials> {
  const authId = await copyFromButton(page, "Copy Auth ID");
  const accessKey = await copyFromButton(page, "Copy Access Key");

  return { authId, accessKey };
}

async function chooseKeyAction(page: Page, action: string): Promise<void> {
  await page.getByRole("button", { name: "API key actions" }).click();
  await page.getByRole("menuitem", { name: action }).click();

  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("integration");
  await dialog.getByRole("button", { name: action }).click();
  await expect(dialog).toBeHidden();
}

test("a Parent Admin generates, uses, replaces and deletes the API key", async ({
  page,
  request,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.parentAdmin);
  await openApiKeysPage(page);

  await page.getByRole("button", { name: "Generate API Key" }).click();
  const first = await copyCredentials(page);
  expect(first.authId).toMatch(/^eeid_[0-9A-Za-z]+$/);
  expect(first.accessKey).toMatch(/^eesk_[0-9A-Za-z]+$/);
  await expect(page.getByText(/shown only (now|once)/i)).toBeVisible();

  const created = await createContact(request, first, {
    email: "  Ada.Lovelace@Example.com ",
    firstName: "Ada",
    lastName: "Lovelace",
  });
  expect(created.status()).toBe(201);
  const listed = await listContacts(request, first);
  expect(listed.status()).toBe(200);
  const emails = (await listed.json()).data.map(
    (c: { email: string }) => c.email,
  );
  expect(emails).toContain("ada.lovelace@example.com");

  await page.reload();
  await expect(page.getByText(first.authId)).toBeVisible();
  await expect(page.getByText(first.accessKey.slice(-4))).toBeVisible();
  expect(await page.content()).not.toContain(first.accessKey);

  await chooseKeyAction(page, "Replace API Key");
  // The key's details offer "Copy Auth ID" too: wait for the new key's panel.
  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toBeVisible();
  const second = await copyCredentials(page);
  expect(second.authId).not.toBe(first.authId);
  expect((await listContacts(request, first)).status()).toBe(401);
  expect((await listContacts(request, second)).status()).toBe(200);

  await chooseKeyAction(page, "Delete API Key");
  await expect(
    page.getByRole("button", { name: "Generate API Key" }),
  ).toBeVisible();
  expect((await listContacts(request, second)).status()).toBe(401);

  const keys = await database().apiKey.count({
    where: { organizationId: organization.id },
  });
  expect(keys).toBe(0);
  const actions = await database().auditEvent.findMany({
    where: { organizationId: organization.id },
    orderBy: { createdAt: "asc" },
    select: { action: true },
  });
  expect(actions.map((event) => event.action)).toEqual([
    "api_key.generated",
    "api_key.replaced",
    "api_key.deleted",
  ]);
});

test("the Access Key is gone from the page after a reload", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.parentAdmin);
  await openApiKeysPage(page);

  await page.getByRole("button", { name: "Generate API Key" }).click();
  const { accessKey } = await copyCredentials(page);
  await page.reload();

  await expect(
    page.getByRole("button", { name: "Copy Access Key" }),
  ).toHaveCount(0);
  expect(await page.content()).not.toContain(accessKey);
});
