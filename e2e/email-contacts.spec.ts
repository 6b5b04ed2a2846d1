import { readFile } from "node:fs/promises";

import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "./support/axe";
import { database, seedOrganization } from "./support/database";
import { signIn } from "./support/session";

async function addContact(
  organizationId: string,
  fields: {
    email: string;
    firstName?: string;
    lastName?: string;
    department?: string;
    location?: string;
  },
) {
  return database().contact.create({
    data: { organizationId, uniqueId: fields.email.toLowerCase(), ...fields },
  });
}

test("an Admin searches and filters the contacts", async ({ page }) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await addContact(organization.id, {
    email: "grace.hopper@example.com",
    firstName: "Grace",
    lastName: "Hopper",
    department: "Navy",
    location: "Arlington",
  });

  await signIn(page, organization.admin);
  await page.getByRole("link", { name: "Email Contacts" }).click();
  await expect(
    page.getByRole("heading", { name: "Email Contacts" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Search contacts").fill("hopper");
  await page.getByRole("button", { name: "Apply" }).click();

  const table = page.getByRole("table", { name: "Email contacts" });
  await expect(table.getByRole("link", { name: "Grace Hopper" })).toBeVisible();
  await expect(table.getByRole("link", { name: /Person0/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Reset" }).click();
  // Wait for the reset page itself: under load, a form filled before it
  // arrives would still carry the search above.
  await expect(page.getByLabel("Search contacts")).toHaveValue("");
  await page.getByLabel("Department").selectOption("Quality");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(
    table.getByRole("link", { name: /Person\d Tester/ }),
  ).toHaveCount(3);
  await expect(table.getByRole("link", { name: "Grace Hopper" })).toHaveCount(
    0,
  );
});

test("a contact's detail view, and no view of another organization's contact", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  const other = await seedOrganization({ contactApiEnabled: true });
  await database().customField.create({
    data: {
      organizationId: organization.id,
      label: "Badge Number",
      apiName: "badgeNumber",
      type: "NUMBER",
    },
  });
  await database().contact.create({
    data: {
      organizationId: organization.id,
      email: "ada@example.com",
      uniqueId: "ada@example.com",
      firstName: "Ada",
      lastName: "Lovelace",
      jobTitle: "Analyst",
      customFields: { badgeNumber: 1815 },
    },
  });
  const stranger = await addContact(other.id, {
    email: "stranger@example.com",
    firstName: "Stranger",
  });

  await signIn(page, organization.parentAdmin);
  await page.goto("/email-contacts?q=lovelace");
  await page.getByRole("link", { name: "Ada Lovelace" }).click();

  await expect(
    page.getByRole("heading", { name: "Ada Lovelace" }),
  ).toBeVisible();
  await expect(page.getByText("Analyst")).toBeVisible();
  await expect(page.getByText("Badge Number")).toBeVisible();
  await expect(page.getByText("1815")).toBeVisible();
  await expectNoAxeViolations(page);

  const response = await page.goto(`/email-contacts/${stranger.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Stranger")).toHaveCount(0);
});

test("the CSV export downloads the contacts with formulas neutralised", async ({
  page,
}) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await addContact(organization.id, {
    email: "mallory@example.com",
    firstName: '=HYPERLINK("http://evil.test","click")',
    lastName: "Doe, Jr.",
  });

  await signIn(page, organization.admin);
  await page.goto("/email-contacts");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  const csv = await readFile((await download.path())!, "utf8");

  expect(download.suggestedFilename()).toMatch(/^email-contacts-.*\.csv$/);
  expect(csv).toContain("First name,Last name,Email");
  expect(csv).toContain(
    `"'=HYPERLINK(""http://evil.test"",""click"")","Doe, Jr.",mallory@example.com`,
  );
  expect(csv.split("\r\n").filter((line) => line.includes("@")).length).toBe(4);
});

test("a Manager cannot export", async ({ page }) => {
  const organization = await seedOrganization({ contactApiEnabled: true });
  await signIn(page, organization.manager);

  const response = await page.request.get("/email-contacts/export");
  expect(response.status()).toBe(403);
});
