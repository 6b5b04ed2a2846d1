import { expect, test } from "@playwright/test";

import { database, seedOrganization } from "./support/database";
import { openApiKeysPage, signIn } from "./support/session";
import { listContacts } from "./support/contact-api";
import {
  generateCredentials,
  digestAccessKey,
  accessKeyHint,
} from "../lib/api-keys/credentials";

async function giveOrganizationAKey(organizationId: string) {
  const credentials = generateCredentials();
  await database().apiKey.create({
    data: {
      organizationId,
      authId: credentials.authId,
      accessKeyDigest: new Uint8Array(digestAccessKey(credentials.accessKey)),
      accessKeyHint: accessKeyHint(credentials.accessKey),
    },
  });

  return credentials;
}

test("an Admin sees the key's metadata but cannot change it", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const { authId } = await giveOrganizationAKey(organization.id);

  await signIn(page, organization.admin);
  await openApiKeysPage(page);

  await expect(page.getByText(authId)).toBeVisible();
  await expect(
    page.getByText("Only the Parent Admin can manage the API key."),
  ).toBeVisible();
  await expect(
    page.getByRole("button", { name: "API key actions" }),
  ).toHaveCount(0);
  await expect(
    page.getByRole("button", { name: "Generate API Key" }),
  ).toHaveCount(0);
});

test("a Manager gets no Email Contacts administration", async ({ page }) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.manager);

  await expect(page.getByRole("link", { name: "Email Contacts" })).toHaveCount(
    0,
  );
  await page.goto("/email-contacts/import/contact-api/api-keys");
  await expect(page.getByRole("heading", { name: "API Keys" })).toHaveCount(0);
  await expect(
    page.getByText(/not have access|no access/i).first(),
  ).toBeVisible();
});

test("an organization without the Contact API is told to ask Customer Success", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: false });
  await signIn(page, organization.parentAdmin);
  await openApiKeysPage(page);

  await expect(
    page.getByText(/Customer Success Manager/).first(),
  ).toBeVisible();
  await expect(
    page.getByRole("button", { name: "Generate API Key" }),
  ).toHaveCount(0);
});

test("switching the feature off refuses the key on the next call", async ({
  request,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const credentials = await giveOrganizationAKey(organization.id);
  expect((await listContacts(request, credentials)).status()).toBe(200);

  await database().organization.update({
    where: { id: organization.id },
    data: { contactApiEnabled: false },
  });

  const refused = await listContacts(request, credentials);
  expect(refused.status()).toBe(403);
  expect(refused.headers()["content-type"]).toContain(
    "application/problem+json",
  );
});

test("the demo Admin of Acme Corp signs in and sees the contacts", async ({
  page,
}) => {
  await signIn(page, {
    email: "admin@acme.test",
    password: "demo-password",
    role: "ADMIN",
  });
  await page.getByRole("link", { name: "Email Contacts" }).click();

  await expect(
    page.getByRole("heading", { name: "Email Contacts" }),
  ).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
});

test("a wrong password gets a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("parent@acme.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  const message = page.getByRole("main").getByRole("alert");
  await expect(message).toContainText("Incorrect email or password.");
});
